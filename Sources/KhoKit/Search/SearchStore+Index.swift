import Foundation
import GRDB
import KhoLocale

/// The full-text index behind `kho search` (SQLite FTS5), kept by triggers so every write path keeps it right,
/// kho's or anyone's (the triggers use SQL's own functions only, so `sqlite3` can still edit a catalogue).
///
/// Two FTS5 tables index the same text: `search_folded` with `unicode61 remove_diacritics 2` (case and diacritics
/// folded by FTS5; `đ`, a letter of its own that FTS5 leaves alone, is written `d` by `replace`), and
/// `search_exact` with `remove_diacritics 0` (case folded only), which lets a query typed with diacritics list
/// exact matches first. Rows are told apart by rowid: `file.id × 4`, `document.id × 4 + 1`, `file.id × 4 + 2` for
/// a delivered copy's OCR text. Queries are folded in Swift the same way (``SearchFold``).
///
/// Both tables are contentless (`content=''`): search reads the catalogue's own rows for what it shows, so a copy
/// of every text in the index would only be written and never read (it was a fifth of an import's time). The
/// exact table keeps no column sizes either (it is never scored). A contentless table forgets a row only when told
/// the text it indexed (FTS5's `delete` command), so every trigger that removes a row writes the old text with the
/// same expression that indexed it, and a change of a document kind's name re-indexes the documents of that kind.
/// Segments are merged eight at a time (FTS5's `automerge`, 4 by default): an import of 100,000 documents rewrites
/// its index entries fewer times (a fifth less work), and a search still reads few segments.
///
/// The tables and triggers are made by migration v9 (`Store/MigrationsSearchIndex.swift`, frozen SQL); the texts
/// written here for bulk indexing must stay equal to what those triggers index (tested).
enum SearchIndex {
    enum Kind: Int64 { case file = 0, document = 1, ocr = 2 }

    static let tables = ["search_folded", "search_exact"]

    /// One source of indexed rows: its table, the id column, the columns whose change re-indexes a row.
    struct Source {
        let table: String
        let kind: Kind
        let id: String
        let columns: [String]
    }

    static let sources = [
        Source(table: "file", kind: .file, id: "id", columns: ["title", "notes", "keywords"]),
        Source(
            table: "document", kind: .document, id: "id",
            columns: ["kind", "number", "symbol", "issuer", "summary", "notes", "keywords"]),
        Source(table: "pdf_text", kind: .ocr, id: "file_id", columns: ["text"]),
    ]

    /// The text indexed for a row of `source`, its columns read as `row.column` (`NEW`, `OLD`, or a table alias).
    /// One `printf` builds it (SQLite's `||` allocates at every step). `kindName` is the document kind's
    /// Vietnamese name; by default looked up in `document_kind`.
    static func text(_ source: Source, row: String, kindName: String? = nil) -> String {
        switch source.kind {
        case .file: return "printf('%s %s %s', \(row).title, \(row).notes, \(row).keywords)"
        case .ocr: return "printf('%s', \(row).text)"
        case .document:
            let name = kindName ?? "COALESCE((SELECT vi FROM document_kind WHERE key = \(row).kind), '')"
            return """
                printf('%s %s/%s %s %s %s %s', \(name), \(row).number, \(row).symbol, \(row).issuer, \(row).summary, \
                \(row).notes, \(row).keywords)
                """
        }
    }

    /// `text` as the folded table indexes it: `đ` and `Đ` written `d` (FTS5 folds the rest).
    static func foldedSQL(_ text: String) -> String { "replace(replace(\(text), 'đ', 'd'), 'Đ', 'd')" }

    /// Index entries built on the thread that reads an import's rows: the texts of a run of new documents, as
    /// JSON arrays of strings for `json_each` (one statement per table indexes them; a statement of that many
    /// `VALUES` would take longer to compile than to run). Each text is written as ``text(_:row:kindName:)`` and
    /// ``foldedSQL(_:)`` write it in SQL, byte for byte (tested against the triggers).
    struct Batch: Sendable {
        private var exact: [UInt8] = [UInt8(ascii: "[")]
        private var folded: [UInt8] = [UInt8(ascii: "[")]
        private var count = 0

        /// Adds a document's text from its parts in order: kind name, number, symbol, issuer, summary, notes,
        /// keywords (the number and symbol joined by `/`, the rest by spaces).
        mutating func append(documentParts parts: [String]) {
            if count > 0 { byte(UInt8(ascii: ",")) }
            byte(UInt8(ascii: "\""))
            for (i, part) in parts.enumerated() {
                if i > 0 { byte(i == 2 ? UInt8(ascii: "/") : UInt8(ascii: " ")) }
                text(part)
            }
            byte(UInt8(ascii: "\""))
            count += 1
        }

        /// The JSON arrays, exact texts and the same with `đ`/`Đ` written `d`, as bytes (bound as a blob and read
        /// `CAST(? AS TEXT)`: no copy into a Swift string, which would check the UTF-8 once more).
        var json: (exact: Data, folded: Data) {
            (Data(exact + [UInt8(ascii: "]")]), Data(folded + [UInt8(ascii: "]")]))
        }

        private mutating func byte(_ b: UInt8) {
            exact.append(b)
            folded.append(b)
        }

        /// `s` inside a JSON string: `"`, `\` and control characters escaped; in the folded text U+0110 and
        /// U+0111 (C4 90, C4 91) as `d`.
        private mutating func text(_ s: String) {
            var lead = false
            for b in s.utf8 {
                if lead && (b == 0x90 || b == 0x91) {
                    exact.append(b)
                    folded[folded.count - 1] = UInt8(ascii: "d")
                    lead = false
                    continue
                }
                lead = b == 0xC4
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                    byte(UInt8(ascii: "\\"))
                    byte(b)
                } else if b < 0x20 {
                    for e in Array("\\u00".utf8) + [hex(b >> 4), hex(b & 0xF)] { byte(e) }
                } else {
                    byte(b)
                }
            }
        }

        private func hex(_ n: UInt8) -> UInt8 { n < 10 ? UInt8(ascii: "0") + n : UInt8(ascii: "a") + n - 10 }
    }

    /// SQL that indexes (`delete: false`) or forgets (`true`: FTS5's `delete` command, given the text indexed) in
    /// both tables one row (`from` empty: `rowid` and `text` are of `NEW` or `OLD`) or every row of `from`.
    fileprivate static func write(rowid: String, text: String, from: String = "", delete: Bool) -> String {
        tables.map { table in
            let value = table == "search_folded" ? foldedSQL(text) : text
            let (columns, command) = delete ? ("\(table), rowid, text", "'delete', ") : ("rowid, text", "")
            return from.isEmpty
                ? "INSERT INTO \(table) (\(columns)) VALUES (\(command)\(rowid), \(value));"
                : "INSERT INTO \(table) (\(columns)) SELECT \(command)\(rowid), \(value) \(from);"
        }.joined(separator: "\n")
    }

    fileprivate static func rowid(_ source: Source, row: String) -> String {
        "\(row).\(source.id) * 4 + \(source.kind.rawValue)"
    }
}

extension SearchStore {
    /// Indexes the rows of `table` (all, or those with an id above `after`) in one statement per index table. A
    /// document's kind name is joined, not looked up row by row (half the cost of building its text).
    private func index(table: String, after: Int64?) throws {
        guard let source = SearchIndex.sources.first(where: { $0.table == table }) else { return }
        let join = source.kind == .document ? " LEFT JOIN document_kind k ON k.key = r.kind" : ""
        let filter = after == nil ? "" : " WHERE r.\(source.id) > ?"
        try db.execute(
            sql: SearchIndex.write(
                rowid: SearchIndex.rowid(source, row: "r"),
                text: SearchIndex.text(source, row: "r", kindName: "COALESCE(k.vi, '')"),
                from: "FROM \(table) r\(join)\(filter)", delete: false),
            arguments: after.map { [$0, $0] } ?? [])
    }

    /// Runs `body`, which inserts many rows into `table` (`file` or `document`), then indexes those rows in one
    /// statement. FTS5 flushes its pending terms at every statement's savepoint, so indexing row by row from the
    /// insert trigger costs about 50 µs a row; for an import of 100,000 rows that is seconds. The pause is a row of
    /// `search_pause` written and removed inside the caller's transaction, so no other connection ever sees it.
    /// `body` is given the first id above every id the table has given.
    ///
    /// With `batch` (the texts of the rows `body` inserts, in order, with ids from that first one on), those are
    /// indexed instead of texts built in SQL from the rows.
    func bulkInsert<T>(
        table: String, batch: SearchIndex.Batch? = nil, _ body: (_ firstId: Int64) throws -> T
    ) throws -> T {
        // Above every id the table ever gave (a deleted row's id is never given again).
        let before = try RowIds.highestGiven(db, table: table)
        try db.execute(sql: "INSERT INTO search_pause (paused) VALUES (1)")
        let result = try body(before + 1)
        try db.execute(sql: "DELETE FROM search_pause")
        if let batch, let source = SearchIndex.sources.first(where: { $0.table == table }) {
            let (exact, folded) = batch.json
            for (index, json) in [("search_exact", exact), ("search_folded", folded)] {
                try db.execute(
                    sql: """
                        INSERT INTO \(index) (rowid, text)
                        SELECT (? + key) * 4 + \(source.kind.rawValue), value FROM json_each(CAST(? AS TEXT))
                        """, arguments: [before + 1, json])
            }
        } else {
            try index(table: table, after: before)
        }
        return result
    }
}
