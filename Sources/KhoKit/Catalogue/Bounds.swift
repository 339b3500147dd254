/// Bounds on quantities that a real archive never reaches: writes refuse values beyond them, and sums read any
/// stored value clamped into a range far wider still, so that a catalogue damaged outside kho cannot make a sum
/// fail ("integer overflow") or trap.
public enum Bounds {
    /// The most pages, or sheets, one file may have: a thick file has a few hundred.
    public static let filePages = 100_000
    /// The most metres one box or bundle may have, in millimetres (10 m; a standard box is 0.125 m).
    public static let boxMM: Int64 = Millimetres.largestBox.value
    /// The largest value a sum reads from one row (2^40, about 1.1 × 10^12): far beyond anything kho writes, yet
    /// eight million such rows still add up inside `Int64`, and twice one still fits.
    public static let readLimit: Int64 = 1 << 40

    /// SQL for `column` read into 0…``readLimit`` (NULL stays NULL): what a sum or a computation reads, so that a
    /// value stored beyond any bound by raw SQL cannot overflow it.
    public static func sql(_ column: String) -> String {
        "MIN(MAX(\(column), 0), \(readLimit))"
    }
}
