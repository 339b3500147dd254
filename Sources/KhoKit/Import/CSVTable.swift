import Foundation
import KhoReport

/// A CSV file read into named columns, each row with the line it starts on.
struct CSVTable: Sendable {
    struct Row: Sendable {
        var line: Int
        var values: Values
    }

    /// A row's fields by canonical column name (a column read past has the name ""), without a dictionary per row.
    struct Values: Sendable {
        /// The canonical names of the columns, shared by every row.
        let names: [String]
        let fields: [String]

        /// The field of column `name`, nil when the file has no such column or the row is short; `"\u{0}extra"` and
        /// `"\u{0}short"` give the row's number of fields when it has more or fewer than the header.
        subscript(name: String) -> String? {
            if name.utf8.first == 0 {
                if name == "\u{0}extra" { return hasExtra ? String(fields.count) : nil }
                if name == "\u{0}short" { return !hasExtra && fields.count < names.count ? String(fields.count) : nil }
                return nil
            }
            guard let index = names.firstIndex(of: name), index < fields.count else { return nil }
            return fields[index]
        }

        /// The field of the column at `index` (found once with `columns.firstIndex(of:)`), nil when there is no such
        /// column or the row is short.
        subscript(index: Int?) -> String? {
            guard let index, index < fields.count else { return nil }
            return fields[index]
        }

        /// More fields than columns, with something in the extra ones.
        private var hasExtra: Bool {
            fields.count > names.count
                && fields[names.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
    }

    var rows: [Row]
    var columns: [String]

    /// The canonical name of a column that is read past (STT, a fonds name, kho's own derived columns).
    static let ignored = "-"

    /// Reads `text`, finding the separator (`,`, `;` or tab, or Excel's `sep=` line) and mapping header names
    /// through `aliases` (folded: no case, no diacritics) onto canonical column names.
    /// Reads the CSV file at `path` as every import does: the bytes (`ImportError.cannotRead` naming why not), their
    /// encoding, the table; a file with no rows is ``ImportError/empty(path:)``.
    static func read(
        path: String, encoding: CSVEncoding, aliases: [String: String], required: [String],
        fallbacks: [String: String] = [:]
    ) throws -> CSVTable {
        let data: Data
        do {
            data = try InputFile.read(path)
        } catch let error as InputError {
            throw ImportError.cannotRead(path: path, reason: error.text)
        }
        let text = try CSVText.decode(data, path: path, encoding: encoding)
        let table = try parse(text, path: path, aliases: aliases, required: required, fallbacks: fallbacks)
        guard !table.rows.isEmpty else { throw ImportError.empty(path: path) }
        return table
    }

    static func parse(
        _ text: String, path: String, aliases: [String: String], required: [String], fallbacks: [String: String] = [:]
    ) throws -> CSVTable {
        var text = text
        return try text.withUTF8 { bytes in
            try parse(bytes, path: path, aliases: aliases, required: required, fallbacks: fallbacks)
        }
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String, aliases: [String: String], required: [String],
        fallbacks: [String: String]
    ) throws -> CSVTable {
        let sepLine = try excelSeparatorLine(bytes, path: path)
        let start = sepLine?.end ?? 0
        let headerEnd = bytes[start...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? bytes.count
        let sep = sepLine?.delimiter ?? guessDelimiter(UnsafeBufferPointer(rebasing: bytes[start..<headerEnd]))
        var reader = Reader(bytes: bytes, position: start, line: sepLine == nil ? 1 : 2, delimiter: sep, path: path)
        guard let headerRecord = try reader.next(),
            headerRecord.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else {
            throw ImportError.empty(path: path)
        }
        let names = try columnNames(
            headerRecord.fields, path: path, aliases: aliases, required: required, fallbacks: fallbacks)
        var rows: [Row] = []
        while let record = try reader.next() {
            let fields = record.fields
            if fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty { continue }
            rows.append(Row(line: record.line, values: Values(names: names, fields: fields)))
        }
        return CSVTable(rows: rows, columns: names)
    }

    /// Excel's `sep=;` first line: the separator it names (nil when the line names none) and where the next line
    /// starts; nil when the file has no such line.
    private static func excelSeparatorLine(
        _ bytes: UnsafeBufferPointer<UInt8>, path: String
    ) throws -> (delimiter: UInt8?, end: Int)? {
        guard bytes.count >= 4, bytes[0] | 0x20 == UInt8(ascii: "s"), bytes[1] | 0x20 == UInt8(ascii: "e"),
            bytes[2] | 0x20 == UInt8(ascii: "p"),
            bytes[3] == UInt8(ascii: "="), let newline = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D })
        else { return nil }
        var delimiter: UInt8?
        if newline > 4 {
            guard bytes[4] < 0x80 else {
                throw ImportError.cannotRead(
                    path: path, reason: Text(verbatim: "sep= names a separator other than , ; or tab"))
            }
            delimiter = bytes[4]
        }
        let end = newline + (bytes[newline] == 0x0D && newline + 1 < bytes.count && bytes[newline + 1] == 0x0A ? 2 : 1)
        return (delimiter, end)
    }

    /// The canonical name of each header column ("" for one read past), through `aliases` and then `fallbacks`;
    /// an unknown, repeated or missing required column is an error.
    private static func columnNames(
        _ header: [String], path: String, aliases: [String: String], required: [String], fallbacks: [String: String]
    ) throws -> [String] {
        var names: [String] = []
        var unknown: [String] = []
        for raw in header {
            let key = fold(raw)
            if key.isEmpty {
                names.append("")
                continue
            }
            guard let name = aliases[key] else {
                unknown.append(raw)
                names.append("")
                continue
            }
            if name == ignored {
                names.append("")
                continue
            }
            if names.contains(name) { throw ImportError.duplicateColumn(path: path, column: raw) }
            names.append(name)
        }
        for (from, to) in fallbacks where !names.contains(to) {
            names = names.map { $0 == from ? to : $0 }
        }
        let accepted = Array(Set(aliases.values).subtracting([ignored])).sorted()
        if !unknown.isEmpty { throw ImportError.unknownColumns(path: path, unknown: unknown, accepted: accepted) }
        let missing = required.filter { !names.contains($0) }
        if !missing.isEmpty { throw ImportError.missingColumns(path: path, missing: missing, found: header) }
        return names
    }

    /// Reads records from UTF-8 bytes in one pass, refusing quoting it would misread: a quoted field never closed
    /// (it would swallow every later row into one field) and text after a field's closing quote.
    ///
    /// A field is quoted when its first character is `"`; inside, `""` is a quote and a `"` ends the field only
    /// before the separator, a line break or the end. Line breaks are LF, CR LF or CR, inside quoted fields too
    /// (each counts as one line). A `"` inside an unquoted field is a character like any other.
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        /// The line the next record starts on.
        var line: Int
        let delimiter: UInt8
        let path: String

        struct Record {
            var line: Int
            var fields: [String]
        }

        private static let quote = UInt8(ascii: "\"")
        private static let lf: UInt8 = 0x0A
        private static let cr: UInt8 = 0x0D

        /// The next record, or nil at the end.
        mutating func next() throws -> Record? {
            guard position < bytes.count else { return nil }
            let recordLine = line
            var fields: [String] = []
            fields.reserveCapacity(12)
            var i = position
            while true {
                var field =
                    i < bytes.count && bytes[i] == Self.quote ? try quotedField(at: &i) : unquotedField(at: &i)
                // A cell kho's export guarded against formulas (`'=…`) reads back as it was written.
                if field.utf8.first == UInt8(ascii: "'") { field = CSVWriter.restore(field) }
                fields.append(field)
                if endOfField(at: &i) {
                    position = i
                    return Record(line: recordLine, fields: fields)
                }
            }
        }

        /// The quoted field opening at `i` (`""` read as `"`), leaving `i` past its closing quote; counts the line
        /// breaks inside it. A quote never closed, or text after the closing quote, is an error.
        @inline(__always)
        private mutating func quotedField(at i: inout Int) throws -> String {
            let n = bytes.count
            let open = i
            let openLine = line
            i += 1
            var scratch: [UInt8]?
            var chunk = i
            var closed = false
            while i < n {
                let b = bytes[i]
                if b == Self.quote {
                    if i + 1 < n && bytes[i + 1] == Self.quote {
                        if scratch == nil { scratch = [] }
                        scratch?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk...i]))
                        i += 2
                        chunk = i
                        continue
                    }
                    closed = true
                    break
                }
                if b == Self.lf || (b == Self.cr && !(i + 1 < n && bytes[i + 1] == Self.lf)) { line += 1 }
                i += 1
            }
            guard closed else {
                throw ImportError.unterminatedQuote(path: path, line: openLine, sample: sample(from: open))
            }
            let field: String
            if var scratch {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunk..<i]))
                field = String(decoding: scratch, as: UTF8.self)
            } else {
                field = String(decoding: UnsafeBufferPointer(rebasing: bytes[chunk..<i]), as: UTF8.self)
            }
            i += 1  // past the closing quote
            if i < n, bytes[i] != delimiter, bytes[i] != Self.lf, bytes[i] != Self.cr {
                throw ImportError.textAfterQuote(path: path, line: line, sample: sample(from: open))
            }
            return field
        }

        /// The unquoted field starting at `i`, up to the separator, a line break or the end; leaves `i` there.
        @inline(__always)
        private func unquotedField(at i: inout Int) -> String {
            let fieldStart = i
            while i < bytes.count {
                let b = bytes[i]
                if b == delimiter || b == Self.lf || b == Self.cr { break }
                i += 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self)
        }

        /// Steps past what follows a field: a separator (another field follows: false), or a line break or the end
        /// (the record ends: true, `i` on the next record's first byte).
        @inline(__always)
        private mutating func endOfField(at i: inout Int) -> Bool {
            let n = bytes.count
            if i < n && bytes[i] == delimiter {
                i += 1
                return false
            }
            if i < n {
                if bytes[i] == Self.cr && i + 1 < n && bytes[i + 1] == Self.lf { i += 1 }
                i += 1
                line += 1
            }
            return true
        }

        /// Up to 40 characters from `start` to the end of its line, "…" when cut.
        private func sample(from start: Int) -> String {
            var end = start
            while end < bytes.count && bytes[end] != Self.lf && bytes[end] != Self.cr { end += 1 }
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).unicodeScalars
            let cut = rest.prefix(40)
            return String(String.UnicodeScalarView(cut)) + (cut.count < rest.count ? "…" : "")
        }
    }

    /// The separator that the header line uses most, outside quotes: `;` and tab as Excel writes them in some locales.
    private static func guessDelimiter(_ header: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var comma = 0, semicolon = 0, tab = 0
        var quoted = false
        for b in header {
            switch b {
            case UInt8(ascii: "\""): quoted.toggle()
            case UInt8(ascii: ","): if !quoted { comma += 1 }
            case UInt8(ascii: ";"): if !quoted { semicolon += 1 }
            case 0x09: if !quoted { tab += 1 }
            default: break
            }
        }
        // Ties go to ",", then ";".
        if comma >= semicolon && comma >= tab { return UInt8(ascii: ",") }
        return semicolon >= tab ? UInt8(ascii: ";") : 0x09
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
