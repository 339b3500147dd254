import GRDB

/// The ids a table has given out.
enum RowIds {
    /// The highest id `table` ever gave a row, deleted or not (its `AUTOINCREMENT` mark): a new row gets one above it.
    static func highestGiven(_ db: Database, table: String) throws -> Int64 {
        let rows = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)") ?? 0
        // Before v11 no table counts its ids (and SQLite makes `sqlite_sequence` with the first that does).
        guard
            try Bool.fetchOne(db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE name = 'sqlite_sequence'") == true
        else { return rows }
        let mark = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        return max(rows, mark ?? 0)
    }
}
