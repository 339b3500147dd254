import Foundation
import GRDB

/// A master as stored, for `kho scan show` and the problem lists.
struct StoredMaster {
    var id: Int64
    var name: String
    var diskPath: String
    var size: Int64
    var sha256: String?
    var pages: Int
    var readable: Bool
    var missing: Bool
    var profile: String
    /// The problems found at ingest (JSON) and everything libtiff read (JSON).
    var problems: String
    var metadata: String
    var scannedAt: Int64?
    var ingestedAt: Int64?
    var verifiedAt: Int64?
    var seenSHA256: String?
    var changedAt: Int64?
    /// `BOX/FILE`.
    var ref: String
}

extension ScanStore {
    private static let storedMaster = """
        SELECT m.*, b.code || '/' || f.code AS ref FROM master m
        JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
        """

    private static func storedMaster(_ row: Row) -> StoredMaster {
        StoredMaster(
            id: row["id"], name: row["name"], diskPath: row["disk_path"], size: row["size"], sha256: row["sha256"],
            pages: row["pages"], readable: row["readable"], missing: row["missing"], profile: row["profile"],
            problems: row["problems"], metadata: row["metadata"], scannedAt: row["scanned_at"],
            ingestedAt: row["ingested_at"], verifiedAt: row["verified_at"], seenSHA256: row["seen_sha256"],
            changedAt: row["changed_at"], ref: row["ref"])
    }

    /// The masters of file `fileId`, by name.
    func storedMasters(fileId: Int64?) throws -> [StoredMaster] {
        try Row.fetchAll(db, sql: Self.storedMaster + " WHERE m.file_id = ? ORDER BY m.name", arguments: [fileId])
            .map(Self.storedMaster)
    }

    /// Every master with a problem (failed QC, unreadable, missing, or changed after its check; not accepted as
    /// lost), in box `boxId` when given, by box, file and name.
    func mastersWithProblems(boxId: Int64?) throws -> [StoredMaster] {
        var sql: SQL = """
            \(sql: Self.storedMaster)
            WHERE m.lost_event IS NULL AND (m.problem_count > 0 OR NOT m.readable OR m.missing OR m.seen_sha256 IS NOT NULL)
            """
        if let boxId { sql += " AND b.id = \(boxId)" }
        sql += " ORDER BY b.code, f.code, m.name"
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map(Self.storedMaster)
    }
}

extension ScanStore {
    /// The profile stored with `kho scan profile` (JSON), if any.
    func storedProfileJSON() throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'qc_profile'")
    }

    /// A master on record to re-hash.
    struct RecordedMaster {
        var id: Int64
        var rel: String
        var diskPath: String
        var sha256: String?
        var size: Int64?
        var missing: Bool
        var name: String
        var ref: String
    }

    /// The masters on record (not accepted as lost), by path; only those missing or last checked (or ingested) at or
    /// before `checkedBy` (Unix seconds) when it is given.
    func recordedMasters(checkedBy: Int64?) throws -> [RecordedMaster] {
        var sql: SQL = """
            SELECT m.id, m.root, m.rel_path, m.disk_path, m.sha256, m.size, m.missing, m.name,
                   b.code AS box_code, f.code AS file_code FROM master m
            JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id WHERE m.lost_event IS NULL
            """
        if let checkedBy { sql += " AND (m.missing OR COALESCE(m.verified_at, m.ingested_at) <= \(checkedBy))" }
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql + " ORDER BY m.rel_path")).map {
            RecordedMaster(
                id: $0["id"], rel: $0["rel_path"], diskPath: $0["disk_path"], sha256: $0["sha256"], size: $0["size"],
                missing: $0["missing"], name: $0["name"],
                ref: "\($0["box_code"] as String)/\($0["file_code"] as String)")
        }
    }

    /// Records that masters `ids` were found unchanged at `stamp` (Unix seconds).
    func markVerified(_ ids: [Int64], at stamp: Int64) throws {
        let update = try db.makeStatement(sql: "UPDATE master SET verified_at = ? WHERE id = ?")
        for id in ids { try update.execute(arguments: [stamp, id]) }
    }
}
