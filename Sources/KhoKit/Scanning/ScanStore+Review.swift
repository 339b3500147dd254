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
