import Foundation

/// Reads a rates file: `key = value` lines, `#` comments, `[section]` headers.
///
/// Sections: none (top) holds `copies`; `[contractor]` holds the four unit
/// prices; `[in_house]` holds `day_rate`; `[one_off]` holds `name = amount`
/// lines; `[storage]` holds `per_tb_vnd` (optional); `[holidays]` holds `YYYY-MM-DD = name` lines. Numbers may group
/// thousands with `_`, `.` or `,` and may end in `đ` or `VND`. Every value
/// remembers its line, as `"<fileName> line <n>"`.
///
/// - Throws: ``RatesFileError``, naming the line.
public func parseRates(text: String, fileName: String = "rates.toml") throws -> Rates {
    var parser = RatesParser(fileName: fileName)
    var lineNumber = 0
    for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
        lineNumber += 1
        try parser.read(line: String(raw), number: lineNumber)
    }
    return try parser.finish()
}

/// The state of a rates file being read, line by line.
struct RatesParser {
    static let numberKeys: [String: Set<String>] = [
        "": ["copies", "scanners"],
        "contractor": ["per_metre_arranged", "per_page_scanned", "per_file_described", "per_document_described"],
        "in_house": ["day_rate"],
        "storage": ["per_tb_vnd"],
    ]

    let fileName: String
    var section = ""
    var numbers: [String: Sourced<Int64>] = [:]
    var firstLine: [String: Int] = [:]
    var oneOff: [OneOffLine] = []
    var holidays: [Holiday] = []

    init(fileName: String) { self.fileName = fileName }

    func source(_ line: Int) -> RatesSource { .ratesFile(name: fileName, line: line) }

    mutating func read(line raw: String, number: Int) throws {
        let text = Self.stripComment(raw).trimmed
        if text.isEmpty { return }
        if let hidden = text.unicodeScalars.first(where: Self.isHidden) {
            throw RatesFileError.hiddenCharacter(line: number, character: "U+" + String(format: "%04X", hidden.value))
        }
        if text.hasPrefix("[") {
            guard text.hasSuffix("]") else { throw RatesFileError.syntax(line: number, text: raw.trimmed) }
            let name = String(text.dropFirst().dropLast()).trimmed
            guard ["contractor", "in_house", "one_off", "holidays", "storage"].contains(name) else {
                throw RatesFileError.unknownSection(line: number, name: name)
            }
            section = name
            return
        }
        guard let eq = Self.separator(in: text) else { throw RatesFileError.syntax(line: number, text: raw.trimmed) }
        let key = Self.unquote(String(text[..<eq]).trimmed)
        let value = Self.unquote(String(text[text.index(after: eq)...]).trimmed)
        guard !key.isEmpty, !value.isEmpty else { throw RatesFileError.syntax(line: number, text: raw.trimmed) }

        let qualified = section.isEmpty ? key : "\(section).\(key)"
        if let first = firstLine[qualified] {
            throw RatesFileError.duplicateKey(line: number, key: qualified, firstLine: first)
        }
        firstLine[qualified] = number

        switch section {
        case "one_off":
            let amount = try Self.number(value, key: key, line: number, limit: Rates.largestOneOffVND)
            oneOff.append(OneOffLine(name: key, amountVND: amount, source: source(number)))
        case "holidays":
            guard let day = LocalDay(iso: key) else { throw RatesFileError.badDate(line: number, value: key) }
            holidays.append(Holiday(day: day, name: value, source: source(number)))
        default:
            guard Self.numberKeys[section]?.contains(key) == true else {
                throw RatesFileError.unknownKey(line: number, section: section, key: key)
            }
            let limit = ["copies", "scanners"].contains(qualified) ? Int64(Rates.mostCopies) : Rates.largestPriceVND
            numbers[qualified] = Sourced(
                try Self.number(value, key: key, line: number, limit: limit), source: source(number))
        }
    }

    func finish() throws -> Rates {
        func need(_ section: String, _ key: String) throws -> Sourced<Int64> {
            let qualified = section.isEmpty ? key : "\(section).\(key)"
            guard let v = numbers[qualified] else { throw RatesFileError.missingKey(section: section, key: key) }
            return v
        }
        let copies = try need("", "copies")
        return Rates(
            contractor: ContractorRates(
                perMetreArranged: try need("contractor", "per_metre_arranged"),
                perPageScanned: try need("contractor", "per_page_scanned"),
                perFileDescribed: try need("contractor", "per_file_described"),
                perDocumentDescribed: try need("contractor", "per_document_described")),
            dayRate: try need("in_house", "day_rate"),
            oneOff: oneOff,
            copies: Sourced(Int(copies.value), source: copies.source),
            holidays: holidays, storagePerTB: numbers["storage.per_tb_vnd"],
            scanners: numbers["scanners"].map { Sourced(Int($0.value), source: $0.source) })
    }

    /// Drops a `#` comment, unless the `#` is inside double quotes.
    static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var out = ""
        for ch in line {
            if ch == "\"" { inQuotes.toggle() }
            if ch == "#" && !inQuotes { break }
            out.append(ch)
        }
        return out
    }

    /// The first `=` outside double quotes: `"=1+1" = 5` names a line `=1+1`.
    static func separator(in text: String) -> String.Index? {
        var inQuotes = false
        for index in text.indices {
            if text[index] == "\"" { inQuotes.toggle() }
            if text[index] == "=" && !inQuotes { return index }
        }
        return nil
    }

    /// Control characters (C0 but tab, DEL, C1), line separators and bidi controls.
    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0x061C
            || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") { return String(s.dropFirst().dropLast()) }
        return s
    }

    /// A whole number from 0 to `limit`; `_`, and `.`/`,` in groups of three, separate thousands.
    static func number(_ text: String, key: String, line: Int, limit: Int64) throws -> Int64 {
        var s = text.trimmed
        for suffix in ["VND", "vnd", "đ", "₫"] where s.hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)).trimmed
        }
        s = s.replacingAll("_", with: "").replacingAll(" ", with: "")
        for sep: Character in [".", ","] where s.contains(sep) {
            let groups = s.split(separator: sep, omittingEmptySubsequences: false)
            let wellGrouped =
                (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard wellGrouped else { throw RatesFileError.badNumber(line: line, key: key, value: text) }
            s = groups.joined()
        }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw RatesFileError.badNumber(line: line, key: key, value: text)
        }
        // All digits: a number beyond Int64 is as much "too large" as one beyond the limit.
        guard let v = Int64(s), v <= limit else {
            throw RatesFileError.tooLarge(line: line, key: key, value: text, limit: limit)
        }
        return v
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
