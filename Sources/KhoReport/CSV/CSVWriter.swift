import Foundation

/// Writes CSV the way Excel reads it: CRLF line ends, quoted fields where needed, an optional UTF-8 BOM, no formula injection.
public struct CSVWriter: Sendable {
    /// The byte order mark that tells Excel the file is UTF-8.
    public static let bom = "\u{FEFF}"

    /// Whether the output starts with the UTF-8 BOM.
    public var bom: Bool

    /// Makes a writer; `bom` adds the UTF-8 byte order mark at the start.
    public init(bom: Bool = true) {
        self.bom = bom
    }

    /// The whole CSV text: the header row (if any) then the rows, each line ended by CRLF.
    public func render(header: [String], rows: [[CSVCell]]) -> String {
        var out = bom ? CSVWriter.bom : ""
        if !header.isEmpty { out += line(header.map(CSVCell.text)) }
        for row in rows { out += line(row) }
        return out
    }

    /// One record ended by CRLF.
    public func line(_ cells: [CSVCell]) -> String {
        cells.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    /// One field: neutralised if it is text that a spreadsheet would run as a formula, then quoted if needed.
    public static func field(_ cell: CSVCell) -> String {
        switch cell {
        case .number(let s): return quote(s)
        case .text(let s): return quote(neutralise(s))
        }
    }

    /// Prefixes an apostrophe to text that starts like a formula: `=`, `+`, `@`, tab, CR, or `-` followed by anything
    /// but a space; and to text that starts with an apostrophe itself, so that the mark is never ambiguous:
    /// ``restore(_:)`` gives back exactly the text (kho's importer calls it on every cell).
    ///
    /// A list dash ("- mục 1") and a lone "-" (an empty-value placeholder, which no spreadsheet evaluates) stay as they are.
    public static func neutralise(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        switch first {
        case "=", "+", "@", "\t", "\r", "'":
            return "'" + s
        case "-":
            let rest = s.unicodeScalars.dropFirst()
            guard let next = rest.first else { return s }
            return next == " " ? s : "'" + s
        default:
            return s
        }
    }

    /// The text a guarded cell was made from: `'=1+1` → `=1+1`, `''abc` → `'abc`; a cell kho did not guard
    /// (`'abc`, typed by a person) is left as it is.
    public static func restore(_ s: String) -> String {
        guard s.utf8.first == UInt8(ascii: "'") else { return s }
        let rest = String(s.dropFirst())
        return neutralise(rest) == s ? rest : s
    }

    /// Quotes a field that holds a comma, a double quote, CR or LF, doubling the quotes inside.
    public static func quote(_ s: String) -> String {
        let needs = s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needs else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Renders a CSV text with a header row and rows, CRLF line ends, and a UTF-8 BOM when `bom` is true.
public func renderCSV(header: [String], rows: [[CSVCell]], bom: Bool) -> String {
    CSVWriter(bom: bom).render(header: header, rows: rows)
}
