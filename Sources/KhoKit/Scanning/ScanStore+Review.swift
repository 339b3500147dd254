import Foundation
import GRDB

/// A master whose content changed since its reference SHA-256.
struct ChangedMaster {
    var id: Int64
    var name: String
    var sha256: String?
    var seen: String
    var size: Int64
}

extension ScanStore {
    /// The file's missing masters whose loss nobody has accepted yet, by name.
    func missingNotLost(fileId: Int64) throws -> [(id: Int64, name: String, sha256: String?)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, sha256 FROM master WHERE file_id = ? AND missing AND lost_event IS NULL ORDER BY name
                """, arguments: [fileId]
        ).map { ($0["id"], $0["name"], $0["sha256"]) }
    }

    /// Records that event `event` accepted the loss of masters `ids`.
    func markLost(_ ids: [Int64], event: Int64?) throws {
        let update = try db.makeStatement(sql: "UPDATE master SET lost_event = ? WHERE id = ?")
        for id in ids { try update.execute(arguments: [event, id]) }
    }

    /// The file's masters whose content changed since their reference, by name.
    func changedMasters(fileId: Int64) throws -> [ChangedMaster] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, sha256, seen_sha256, size FROM master WHERE file_id = ? AND seen_sha256 IS NOT NULL ORDER BY name
                """, arguments: [fileId]
        ).map {
            ChangedMaster(
                id: $0["id"], name: $0["name"], sha256: $0["sha256"], seen: $0["seen_sha256"], size: $0["size"])
        }
    }

    /// Makes the master's content last seen its reference, keeping the new hash in its history under `event`.
    func acceptSeen(_ master: ChangedMaster, reason: AcceptReason, event: Event) throws {
        try db.execute(
            sql:
                "UPDATE master SET sha256 = seen_sha256, seen_sha256 = NULL, changed_at = NULL, verified_at = NULL WHERE id = ?",
            arguments: [master.id])
        try db.execute(
            sql: """
                INSERT INTO master_hash (master_id, sha256, size, since, reason, event_id) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [master.id, master.seen, master.size, event.happenedAt, reason.rawValue, event.id])
    }

    /// Undoes event `event`'s acceptance of lost masters: they are missing again.
    func unmarkLost(event: Int64?) throws {
        try db.execute(sql: "UPDATE master SET lost_event = NULL WHERE lost_event = ?", arguments: [event])
    }

    /// Puts back master `id`'s reference `sha256` and its content last seen `seen` (changed at `changedAt`).
    func restoreReference(masterId id: Int64, sha256: String?, seen: String, changedAt: Int64) throws {
        try db.execute(
            sql: "UPDATE master SET sha256 = ?, seen_sha256 = ?, changed_at = ? WHERE id = ?",
            arguments: [sha256, seen, changedAt, id])
    }

    /// Forgets the hash history event `event` wrote.
    func deleteHashHistory(event: Int64?) throws {
        try db.execute(sql: "DELETE FROM master_hash WHERE event_id = ?", arguments: [event])
    }

    /// The accepted SHA-256 history of a master, oldest first, with local times in `time`.
    func hashHistory(masterId: Int64, time: LocalTime) throws -> [MasterHash] {
        try Row.fetchAll(
            db, sql: "SELECT sha256, size, since, reason, event_id FROM master_hash WHERE master_id = ? ORDER BY id",
            arguments: [masterId]
        ).map { row in
            MasterHash(
                sha256: row["sha256"], size: row["size"],
                since: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(row["since"] as Int64))),
                reason: row["reason"], eventId: row["event_id"])
        }
    }
}

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
