import Foundation
import GRDB

/// What a legal copy is made from, and whether a file's masters are still that (the ladder's *delivered* and
/// *needs rebuild* rungs).
extension FileLadder {
    /// What a copy is made from: one line per master in page order, its name and reference SHA-256.
    static func sources(_ db: Database, fileId: Int64) throws -> String {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT name, COALESCE(sha256, '') AS sha256 FROM master WHERE file_id = ? AND NOT missing ORDER BY name
                    """), arguments: [fileId])
        return rows.map { "\($0["name"] as String) \($0["sha256"] as String)\n" }.joined()
    }

    /// Whether the file's latest copy was made from its masters as they are now; nil when it has no copy.
    static func madeFromCurrentMasters(_ db: Database, fileId: Int64) throws -> Bool? {
        guard
            let made = try String.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT sources FROM pdf_copy WHERE file_id = ? ORDER BY id DESC LIMIT 1
                        """), arguments: [fileId])
        else { return nil }
        return try made == sources(db, fileId: fileId)
    }
}
