import Foundation
import GRDB

/// Migration v11-append-only-log (issue 21, item 6): the event log becomes append-only, and the id of a row that can be
/// deleted is never given to another row. Frozen history: never edit. Its statements are made from each catalogue's
/// own SQL (every table rebuilt from what `sqlite_master` holds for it, every trigger and view set aside and made
/// again unchanged), so it is kept as the procedure that ran, SQL and GRDB only, not as one list of statements.
///
/// * `event` refuses every UPDATE and DELETE (triggers that `RAISE(ABORT, …)`): a correction is a new event.
/// * An event keeps naming what it named when that is deleted: `event.fonds_id`, `box_id` and `file_id` no longer
///   carry a foreign key (a delete used to clear them on earlier events), and the deletable tables (fonds, box, file,
///   document, custody, weed_item, weed_decision) are rebuilt with `AUTOINCREMENT`, so a deleted row's id stays its
///   own and an undone delete brings the row back under it.
///
/// Why rebuild with `AUTOINCREMENT` rather than keep a high-water table of our own: SQLite then keeps the high-water
/// mark (`sqlite_sequence`) for every way a row is inserted — GRDB records, the importers' prepared statements, the
/// undo's re-insert — where our own table would have to be consulted by each of them, and one forgotten path would
/// reuse ids again. The mark starts at the highest id the log shows was ever used (a deleted row's id, kept in its
/// delete event), so ids deleted before this migration are not given out again either.
extension Migrations {
    /// The tables whose rows can be deleted (a delete, an undone add or import, an undone hand-out).
    private static let v11Deletable = ["fonds", "box", "file", "document", "custody", "weed_item", "weed_decision"]

    static func v11AppendOnlyLog(_ db: Database) throws {
        // SQLite re-reads every trigger and view when a table is renamed, and one naming a table dropped a moment
        // before stops the rename: they are set aside and made again, unchanged, once every table is back.
        let dependents = try Row.fetchAll(
            db,
            sql:
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL ORDER BY rowid"
        )
        for row in dependents {
            let type: String = row["type"]
            let name: String = row["name"]
            try db.execute(sql: "DROP \(type == "view" ? "VIEW" : "TRIGGER") \(name.quotedDatabaseIdentifier)")
        }
        for table in v11Deletable {
            try v11Rebuild(db, table) { sql in
                try v11ReplacingOnce(
                    table, sql, "id INTEGER PRIMARY KEY,", with: "id INTEGER PRIMARY KEY AUTOINCREMENT,")
            }
        }
        try v11Rebuild(db, "event") { sql in
            var sql = sql
            for (column, table) in [("fonds_id", "fonds"), ("box_id", "box"), ("file_id", "file")] {
                sql = try v11ReplacingOnce(
                    "event", sql, "\(column) INTEGER REFERENCES \(table)(id)", with: "\(column) INTEGER")
            }
            return sql
        }
        for row in dependents { try db.execute(sql: row["sql"]) }
        try v11MarkDeletedIds(db)
        try db.execute(
            sql: """
                CREATE TRIGGER event_never_updated BEFORE UPDATE ON event
                BEGIN
                    SELECT RAISE(ABORT, 'the event log is append-only: an event is never changed; record a correction as a new event');
                END;
                CREATE TRIGGER event_never_deleted BEFORE DELETE ON event
                BEGIN
                    SELECT RAISE(ABORT, 'the event log is append-only: an event is never deleted; record a correction as a new event');
                END;
                """)
    }

    /// Makes `table` again from its own SQL as `transform` changes it, keeping every row (and id) and every index.
    private static func v11Rebuild(_ db: Database, _ table: String, transform: (String) throws -> String) throws {
        guard
            let sql = try String.fetchOne(
                db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        else { throw StoreError.unexpectedSchema(table: table, expected: "the table") }
        let indexes = try String.fetchAll(
            db,
            sql:
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
            arguments: [table])
        let columns = try String.fetchAll(
            db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table]
        )
        .map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let staging = "kho_new_\(table)"
        guard let open = sql.firstIndex(of: "(") else {
            throw StoreError.unexpectedSchema(table: table, expected: "CREATE TABLE …(")
        }
        try db.execute(sql: "CREATE TABLE \(staging) " + (try transform(String(sql[open...]))))
        try db.execute(sql: "INSERT INTO \(staging) (\(columns)) SELECT \(columns) FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(staging) RENAME TO \(table)")
        for index in indexes { try db.execute(sql: index) }
    }

    /// `text` (the SQL of `table`) with `target`, which must occur exactly once, replaced.
    private static func v11ReplacingOnce(
        _ table: String, _ text: String, _ target: String, with replacement: String
    ) throws -> String {
        let parts = text.components(separatedBy: target)
        guard parts.count == 2 else { throw StoreError.unexpectedSchema(table: table, expected: target) }
        return parts.joined(separator: replacement)
    }

    /// Starts the id counters of fonds, boxes and files above every id a delete event says was used.
    private static func v11MarkDeletedIds(_ db: Database) throws {
        for (table, kind) in [("fonds", "fonds.delete"), ("box", "box.delete"), ("file", "file.delete")] {
            guard
                let highest = try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT MAX(CAST(json_extract(detail, '$.before.id') AS INTEGER)) FROM event
                        WHERE kind = ? AND json_valid(detail)
                        """, arguments: [kind])
            else { continue }
            try db.execute(
                sql:
                    "INSERT INTO sqlite_sequence (name, seq) SELECT ?, 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)",
                arguments: [table, table])
            try db.execute(
                sql: "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?", arguments: [highest, table])
        }
    }
}
