import Foundation
import GRDB

/// Files, masters and their scanning events as one transaction reads and writes them (cached statements: the
/// ladder runs once per file an ingest touches).
struct ScanStore {
    let db: Database

    /// The pages a person confirmed with the latest live `scan.confirm` of the file, if any.
    func confirmedPages(fileId: Int64) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT e.pages FROM event e WHERE e.file_id = ? AND e.kind = 'scan.confirm'
                      AND \(LiveEvent.sql(alias: "e"))
                    ORDER BY e.id DESC LIMIT 1
                    """), arguments: [fileId])
    }

    /// The pages of the file's latest live hand record (`scan.record`), or nil when there is none.
    func liveHandRecordPages(fileId: Int64) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT COALESCE(e.pages, 0) FROM event e WHERE e.file_id = ? AND e.kind = 'scan.record'
                      AND \(LiveEvent.sql(alias: "e"))
                    ORDER BY e.id DESC LIMIT 1
                    """), arguments: [fileId])
    }

    /// What the file's masters on record add up to (those whose loss a person accepted left out).
    func masters(fileId: Int64) throws -> FileLadder.Masters {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COUNT(*) AS count, COALESCE(SUM(CASE WHEN readable AND NOT missing THEN \(Bounds.sql("pages")) END), 0) AS pages,
                               COALESCE(SUM(\(Bounds.sql("size"))), 0) AS bytes,
                               COALESCE(SUM(NOT readable OR problem_count > 0 OR missing), 0) AS bad,
                               COALESCE(SUM(seen_sha256 IS NOT NULL AND NOT missing), 0) AS changed
                        FROM master WHERE file_id = ? AND lost_event IS NULL
                        """), arguments: [fileId])
        else { return FileLadder.Masters() }
        return FileLadder.Masters(
            count: row["count"], pages: row["pages"], bytes: row["bytes"], bad: row["bad"], changed: row["changed"])
    }

    /// The file's stored rung, sheets and pages; nil when there is no such file.
    func standing(fileId: Int64) throws -> (state: ScanState, sheets: Int?, pages: Int)? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT scan_state, sheets, pages FROM file WHERE id = ?"),
                arguments: [fileId])
        else { return nil }
        return (ScanState(rawValue: row["scan_state"]) ?? .none, row["sheets"], row["pages"])
    }

    /// Stores the file's rung and page count.
    func setStanding(fileId: Int64, state: ScanState, pages: Int) throws {
        try db.cachedStatement(sql: "UPDATE file SET scan_state = ?, pages = ? WHERE id = ?")
            .execute(arguments: [state.rawValue, pages, fileId])
    }

    /// The file's masters as a copy records what it was made from: `NAME SHA256\n` per master on record (not
    /// missing), by name.
    func sources(fileId: Int64) throws -> String {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT name, COALESCE(sha256, '') AS sha256 FROM master WHERE file_id = ? AND NOT missing ORDER BY name
                    """), arguments: [fileId])
        return rows.map { "\($0["name"] as String) \($0["sha256"] as String)\n" }.joined()
    }

    /// What the file's latest copy was made from (``sources(fileId:)`` then); nil when it has no copy.
    func latestCopySources(fileId: Int64) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT sources FROM pdf_copy WHERE file_id = ? ORDER BY id DESC LIMIT 1"),
            arguments: [fileId])
    }
}

extension Stores {
    /// Files, masters and their scanning events, in this transaction.
    var scan: ScanStore { ScanStore(db: db) }
}
