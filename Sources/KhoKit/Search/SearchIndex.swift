import GRDB
import KhoLocale

/// The full-text index behind `kho search` (SQLite FTS5), kept by triggers so every write path keeps it right,
/// kho's or anyone's (the triggers use SQL's own functions only, so `sqlite3` can still edit a catalogue).
///
/// Two FTS5 tables hold the same text: `search_folded` with `unicode61 remove_diacritics 2` (case and diacritics
/// folded by FTS5; `đ`, a letter of its own that FTS5 leaves alone, is written `d` by the trigger's `replace`), and
/// `search_exact` with `remove_diacritics 0` (case folded only), which lets a query typed with diacritics list
/// exact matches first. Rows are told apart by rowid: `file.id × 4`, `document.id × 4 + 1`, `file.id × 4 + 2` for
/// a delivered copy's OCR text. Queries are folded in Swift the same way (``SearchFold``).
enum SearchIndex {
    enum Kind: Int64 { case file = 0, document = 1, ocr = 2 }

    static let tables = ["search_folded", "search_exact"]

    static let fileText = "NEW.title || ' ' || NEW.notes || ' ' || NEW.keywords"
    static let documentText = """
        COALESCE((SELECT vi FROM document_kind WHERE key = NEW.kind), '') || ' ' || NEW.number || '/' || NEW.symbol || ' ' || \
        NEW.issuer || ' ' || NEW.summary || ' ' || NEW.notes || ' ' || NEW.keywords
        """

    /// The same texts for the bulk index, each in one `printf`: SQLite's `||` allocates at every step, a fifth of an
    /// import's indexing time; `printf` builds the string once. Equal to the triggers' text for every row (tested).
    static let bulkText = [
        "file": "printf('%s %s %s', title, notes, keywords)",
        "document": """
        printf('%s %s/%s %s %s %s %s', COALESCE((SELECT vi FROM document_kind WHERE key = kind), ''), number, symbol, \
        issuer, summary, notes, keywords)
        """,
    ]

    /// `text` as the folded table stores it: `đ` and `Đ` written `d` (FTS5 folds the rest).
    static func foldedSQL(_ text: String) -> String { "replace(replace(\(text), 'đ', 'd'), 'Đ', 'd')" }

    static let sources: [(table: String, kind: Kind, id: String, text: String, columns: String)] = [
        ("file", .file, "id", fileText, "title, notes, keywords"),
        ("document", .document, "id", documentText, "kind, number, symbol, issuer, summary, notes, keywords"),
        ("pdf_text", .ocr, "file_id", "NEW.text", "text"),
    ]

    /// Creates the index and its triggers, and indexes what the catalogue holds.
    static func create(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE search_pause (paused INTEGER NOT NULL);
                CREATE VIRTUAL TABLE search_folded USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE search_exact USING fts5(text, tokenize = 'unicode61 remove_diacritics 0');
                """)
        for (table, kind, id, text, columns) in sources {
            let newRow = "NEW.\(id) * 4 + \(kind.rawValue)"
            let oldRow = "OLD.\(id) * 4 + \(kind.rawValue)"
            let insert = """
                INSERT INTO search_folded (rowid, text) VALUES (\(newRow), \(foldedSQL(text)));
                INSERT INTO search_exact (rowid, text) VALUES (\(newRow), \(text));
                """
            let delete =
                "DELETE FROM search_folded WHERE rowid = \(oldRow); DELETE FROM search_exact WHERE rowid = \(oldRow);"
            try db.execute(
                sql: """
                    CREATE TRIGGER \(table)_search_insert AFTER INSERT ON \(table) WHEN NOT EXISTS (SELECT 1 FROM search_pause)
                    BEGIN \(insert) END;
                    CREATE TRIGGER \(table)_search_update AFTER UPDATE OF \(columns) ON \(table) BEGIN \(delete) \(insert) END;
                    CREATE TRIGGER \(table)_search_delete AFTER DELETE ON \(table) BEGIN \(delete) END;
                    """)
            try index(db, table: table, after: nil)
        }
    }

    /// Indexes the rows of `table` (all, or those with an id above `after`) in one statement per index table.
    private static func index(_ db: Database, table: String, after: Int64?) throws {
        guard let source = sources.first(where: { $0.table == table }) else { return }
        let select = bulkText[table] ?? source.text.replacingOccurrences(of: "NEW.", with: "")
        let filter = after == nil ? "" : " WHERE \(source.id) > ?"
        let arguments: StatementArguments = after.map { [$0] } ?? []
        try db.execute(
            sql: """
                INSERT INTO search_folded (rowid, text) SELECT \(source.id) * 4 + \(source.kind.rawValue), \(foldedSQL(select)) FROM \(table)\(filter)
                """, arguments: arguments)
        try db.execute(
            sql: """
                INSERT INTO search_exact (rowid, text) SELECT \(source.id) * 4 + \(source.kind.rawValue), \(select) FROM \(table)\(filter)
                """, arguments: arguments)
    }

    /// Runs `body`, which inserts many rows into `table` (`file` or `document`), then indexes those rows in one
    /// statement. FTS5 flushes its pending terms at every statement's savepoint, so indexing row by row from the
    /// insert trigger costs about 50 µs a row; for an import of 100,000 rows that is seconds. The pause is a row of
    /// `search_pause` written and removed inside the caller's transaction, so no other connection ever sees it.
    static func bulkInsert<T>(_ db: Database, table: String, _ body: () throws -> T) throws -> T {
        let before = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
        try db.execute(sql: "INSERT INTO search_pause (paused) VALUES (1)")
        let result = try body()
        try db.execute(sql: "DELETE FROM search_pause")
        try index(db, table: table, after: before)
        return result
    }
}
