/// One CSV cell: text from people (guarded against formula injection) or a number written by kho (left as it is).
public enum CSVCell: Sendable, Hashable, ExpressibleByStringLiteral {
    /// Text that may come from a person or a file; a leading `=`, `+`, `@`, tab, CR or `-x` is neutralised.
    case text(String)
    /// A number formatted by kho itself (e.g. `-5`, `75.6`); written unaltered.
    case number(String)

    /// A text cell from a literal.
    public init(stringLiteral value: String) { self = .text(value) }

    /// A whole-number cell.
    public static func integer(_ n: Int) -> CSVCell { .number(String(n)) }

    /// A decimal cell with a `.` point and no grouping (what spreadsheets read back as a number); non-finite values are empty.
    public static func decimal(_ v: Double) -> CSVCell {
        guard v.isFinite else { return .number("") }
        return .number(v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v))
    }
}
