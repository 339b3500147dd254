import CSV
import Foundation

/// A CSV file read into named columns, each row with the line it starts on.
struct CSVTable {
    struct Row {
        var line: Int
        var values: [String: String]
    }

    var rows: [Row]
    var columns: [String]

    /// Reads `text`, finding the separator (`,`, `;` or tab, or Excel's `sep=` line) and mapping header names
    /// through `aliases` (folded: no case, no diacritics) onto canonical column names.
    static func parse(_ text: String, path: String, aliases: [String: String], required: [String]) throws -> CSVTable {
        var body = Substring(text)
        var firstLine = 1
        var delimiter: UnicodeScalar?
        if body.lowercased().hasPrefix("sep="), let newline = body.firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) {
            delimiter = body.unicodeScalars.dropFirst(4).first
            body = body[body.index(after: newline)...]
            firstLine = 2
        }
        let headerLine = body.prefix(while: { $0 != "\n" && $0 != "\r\n" && $0 != "\r" })
        let sep = delimiter ?? guessDelimiter(String(headerLine))
        try checkQuotes(body, delimiter: sep, firstLine: firstLine, path: path)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: String(body), hasHeaderRow: false, trimFields: false, delimiter: sep)
        } catch {
            throw ImportError.cannotRead(path: path, reason: String(describing: error))
        }
        guard let header = reader.next(), header.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ImportError.empty(path: path)
        }
        var names: [String] = []
        var unknown: [String] = []
        for raw in header {
            let key = fold(raw)
            if key.isEmpty { names.append(""); continue }
            guard let name = aliases[key] else { unknown.append(raw); names.append(""); continue }
            if names.contains(name) { throw ImportError.duplicateColumn(path: path, column: raw) }
            names.append(name)
        }
        let accepted = Array(Set(aliases.values)).sorted()
        if !unknown.isEmpty { throw ImportError.unknownColumns(path: path, unknown: unknown, accepted: accepted) }
        let missing = required.filter { !names.contains($0) }
        if !missing.isEmpty { throw ImportError.missingColumns(path: path, missing: missing, found: header) }

        var rows: [Row] = []
        var line = firstLine + lines(in: header)
        while let fields = reader.next() {
            let start = line
            line += lines(in: fields)
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            var values: [String: String] = [:]
            for (index, value) in fields.enumerated() where index < names.count && !names[index].isEmpty {
                values[names[index]] = value
            }
            if fields.count > names.count && fields[names.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                values["\u{0}extra"] = String(fields.count)
            } else if fields.count < names.count {
                values["\u{0}short"] = String(fields.count)
            }
            rows.append(Row(line: start, values: values))
        }
        if let error = reader.error { throw ImportError.cannotRead(path: path, reason: String(describing: error)) }
        return CSVTable(rows: rows, columns: names)
    }

    /// Refuses text whose quoting the reader would misread: a quoted field that is never closed (it would swallow
    /// every later row into one field) and text after a field's closing quote (the reader would drop a character).
    ///
    /// Follows the reader's rules: a field is quoted when its first character is `"`; inside, `""` is a quote and
    /// a `"` ends the field only before the separator, a line break or the end.
    static func checkQuotes(_ body: Substring, delimiter: UnicodeScalar, firstLine: Int, path: String) throws {
        enum State { case fieldStart, unquoted, quoted, afterQuote }
        var state = State.fieldStart
        var line = firstLine
        var openLine = firstLine
        var openIndex = body.unicodeScalars.startIndex
        let scalars = body.unicodeScalars
        var i = scalars.startIndex
        func sample(from start: String.UnicodeScalarView.Index) -> String {
            let rest = scalars[start...].prefix { $0 != "\n" && $0 != "\r" }
            let cut = rest.prefix(40)
            return String(String.UnicodeScalarView(cut)) + (cut.count < rest.count ? "…" : "")
        }
        while i < scalars.endIndex {
            let c = scalars[i]
            let isBreak = c == "\n" || c == "\r"
            if isBreak {
                // CR LF is one line break.
                let next = scalars.index(after: i)
                if c == "\r", next < scalars.endIndex, scalars[next] == "\n" { i = next }
            }
            switch state {
            case .fieldStart, .unquoted:
                if state == .fieldStart && c == "\"" {
                    state = .quoted
                    openLine = line
                    openIndex = i
                } else if c == delimiter || isBreak {
                    state = .fieldStart
                } else {
                    state = .unquoted
                }
            case .quoted:
                if c == "\"" { state = .afterQuote }
            case .afterQuote:
                if c == "\"" {
                    state = .quoted
                } else if c == delimiter || isBreak {
                    state = .fieldStart
                } else {
                    throw ImportError.textAfterQuote(path: path, line: line, sample: sample(from: openIndex))
                }
            }
            if isBreak { line += 1 }
            i = scalars.index(after: i)
        }
        if state == .quoted { throw ImportError.unterminatedQuote(path: path, line: openLine, sample: sample(from: openIndex)) }
    }

    /// How many physical lines a record took: one, plus the line breaks inside quoted fields.
    private static func lines(in fields: [String]) -> Int {
        var count = 1
        for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
            let bytes = Array(field.utf8)
            for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                count += 1
            }
        }
        return count
    }

    /// The separator that the header line uses most, outside quotes: `;` and tab as Excel writes them in some locales.
    private static func guessDelimiter(_ header: String) -> UnicodeScalar {
        var counts: [UnicodeScalar: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for scalar in header.unicodeScalars {
            if scalar == "\"" { quoted.toggle() } else if !quoted, counts[scalar] != nil { counts[scalar, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key != ",") }
        return (best?.value ?? 0) > 0 ? best?.key ?? "," : ","
    }

    /// A header name folded for matching: lower case, no diacritics, `đ` as `d`, runs of other characters as `_`.
    static func fold(_ s: String) -> String {
        let base = s.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var out = ""
        var lastUnderscore = true
        for ch in base.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) && ch.isASCII {
                out.unicodeScalars.append(ch)
                lastUnderscore = false
            } else if !lastUnderscore {
                out.append("_")
                lastUnderscore = true
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}
