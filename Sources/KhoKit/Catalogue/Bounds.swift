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

/// The range a number given to kho (a command-line option, or an argument of the library) must lie in, checked before
/// any arithmetic: one rule, so that every out-of-range value gets the same message naming the range, and none can
/// overflow (`--older-than 999999999999999` × 86.400 seconds).
public struct NumberBound: Sendable, Hashable {
    /// What the number counts, for the message (`ngày`/`days`).
    public var unit: Text
    public var lower: Int64
    public var upper: Int64

    public init(_ lower: Int64, _ upper: Int64, unit: Text) {
        (self.lower, self.upper, self.unit) = (lower, upper, unit)
    }

    /// Days back in time (`--older-than`, `--window`): up to 100 years.
    public static let days = NumberBound(0, 36_500, unit: Text(vi: "ngày", en: "days"))
    /// Days with work to measure over (`--window`).
    public static let window = NumberBound(1, 36_500, unit: Text(vi: "ngày", en: "days"))
    /// How many rows, masters or events to show or take (`--limit`, `--last`, `--sample`).
    public static let count = NumberBound(1, 10_000_000, unit: Text(vi: "mục", en: "items"))
    /// Files a search shows (`kho search --limit`).
    public static let searchLimit = NumberBound(1, 1_000, unit: Text(vi: "hồ sơ", en: "files"))
    /// Files built at once (`--jobs`).
    public static let jobs = NumberBound(1, 256, unit: Text(vi: "việc cùng lúc", en: "jobs at once"))
    /// Bootstrap resamples (`--resamples`).
    public static let resamples = NumberBound(1, 1_000_000, unit: Text(vi: "lần", en: "resamples"))
    /// Pages of one file (`--pages`).
    public static let pages = NumberBound(0, Int64(Bounds.filePages), unit: Text(vi: "trang", en: "pages"))
    /// A day rate in đồng (`--day-rate`).
    public static let dayRate = NumberBound(0, 1_000_000_000, unit: Text(vi: "đồng", en: "VND"))
    /// An event id (`kho undo`).
    public static let eventId = NumberBound(1, Int64.max, unit: Text(vi: "(số sự kiện)", en: "(event id)"))

    /// The range in words: "từ 0 đến 36.500 ngày" / "from 0 to 36,500 days".
    public var range: Text {
        Text(
            vi: "từ \(Format.integer(lower, lang: .vi)) đến \(Format.integer(upper, lang: .vi)) \(unit.vi)",
            en: "from \(Format.integer(lower, lang: .en)) to \(Format.integer(upper, lang: .en)) \(unit.en)")
    }

    /// `text` read as a whole number in the range, or `BoundsError.outOfRange` naming it (a value too large for any
    /// integer type included).
    public func parse(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int64(trimmed) else { throw BoundsError.outOfRange(value: text, bound: self) }
        return try check(value)
    }

    /// `value` when it lies in the range, else `BoundsError.outOfRange`.
    @discardableResult
    public func check<N: BinaryInteger>(_ value: N) throws -> Int {
        guard let v = Int64(exactly: value), v >= lower, v <= upper, let int = Int(exactly: v) else {
            throw BoundsError.outOfRange(value: "\(value)", bound: self)
        }
        return int
    }
}

/// A number outside the range kho accepts.
public enum BoundsError: KhoError, Equatable {
    case outOfRange(value: String, bound: NumberBound)

    public var text: Text {
        switch self {
        case .outOfRange(let value, let bound):
            Text(
                vi: "«\(value)» không dùng được: cần một số nguyên \(bound.range.vi)",
                en: "“\(value)” cannot be used: give a whole number \(bound.range.en)")
        }
    }
}
