import Foundation
import GRDB
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What makes a catalogue the one a long task started on: its file (device and inode: a copy moved over it is another
/// file), its generation (`setting` `catalogue_generation`, renewed by every restore, which writes into the same
/// file), and the latest event of its log (the log is append-only: the same catalogue keeps that event, under the
/// same id, forever; a catalogue put back from an older copy by any means does not have it). The task moves the
/// latest event on with each of its own writes (``CatalogueWatch``), so a copy put back that lacks them is caught too.
public struct CatalogueIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var generation: String?
    /// The id and ULID of the latest event when the task started (nil for an empty log).
    var lastEvent: Int64?
    var lastUID: String?

    /// The `setting` key of the generation.
    static let generationKey = "catalogue_generation"

    /// The identity of the catalogue at `path` open as `db` (an in-memory one has no file).
    static func read(_ db: Database, path: String) throws -> CatalogueIdentity {
        let (device, inode) = file(path)
        let last = try Row.fetchOne(db, sql: "SELECT id, uid FROM event ORDER BY id DESC LIMIT 1")
        return CatalogueIdentity(
            device: device, inode: inode, generation: try generation(db), lastEvent: last?["id"], lastUID: last?["uid"])
    }

    /// Whether the catalogue at `path` open as `db` is still this one.
    func holds(_ db: Database, path: String) throws -> Bool {
        let (device, inode) = Self.file(path)
        guard device == self.device, inode == self.inode, try Self.generation(db) == generation else { return false }
        guard let lastEvent else { return true }
        return try String.fetchOne(db, sql: "SELECT uid FROM event WHERE id = ?", arguments: [lastEvent]) == lastUID
    }

    private static func file(_ path: String) -> (UInt64, UInt64) {
        var info = stat()
        guard path != ":memory:", !path.isEmpty, stat(path, &info) == 0 else { return (0, 0) }
        return (UInt64(info.st_dev), UInt64(info.st_ino))
    }

    private static func generation(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [generationKey])
    }

    /// Gives the catalogue open as `db` a new generation (a restore does, in the copy that goes live).
    static func renew(_ db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [generationKey, UUID().uuidString])
    }
}

/// The catalogue a long task works on, followed through the task's own writes (shared by a build's workers).
final class CatalogueWatch: Sendable {
    private let identity: Mutex<CatalogueIdentity>

    init(_ identity: CatalogueIdentity) { self.identity = Mutex(identity) }

    /// Whether the catalogue at `path` open as `db` is still the one watched.
    func holds(_ db: Database, path: String) throws -> Bool {
        let identity = self.identity.withLock { $0 }
        return try identity.holds(db, path: path)
    }

    /// Takes the latest event of `db` (inside the task's write, after it) as the one the catalogue must keep.
    func advance(_ db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, uid FROM event ORDER BY id DESC LIMIT 1")
        let (id, uid): (Int64?, String?) = (last?["id"], last?["uid"])
        identity.withLock { identity in
            identity.lastEvent = id
            identity.lastUID = uid
        }
    }
}

extension KhoStore {
    /// Runs `body` holding the catalogue's work lock for `activity`: refused (``LockError/held``, naming who holds it
    /// and since when) while an ingest, a build, a restore or another change of codes or paths runs.
    func holdingWorkLock<T>(_ activity: LockActivity, by who: Attribution, _ body: () throws -> T) throws -> T {
        let lock = try CatalogueLock.acquire(catalogue: path, activity: activity, by: who, time: time)
        defer { lock?.release() }
        return try body()
    }

    /// The catalogue now, for a long task to check before each of its writes.
    func watchCatalogue() throws -> CatalogueWatch {
        CatalogueWatch(try read { db in try CatalogueIdentity.read(db, path: path) })
    }

    /// Whether the catalogue is still the one `watch` follows.
    func stillHolds(_ watch: CatalogueWatch) throws -> Bool {
        try read { db in try watch.holds(db, path: path) }
    }

    /// One write transaction of a long task (`task`, e.g. "việc dựng bản PDF/A"), done only when the catalogue is still
    /// the one the task has been writing to (`watch`); else ``StoreError/catalogueReplaced(path:task:)`` and nothing is
    /// written.
    /// ``write(still:task:_:)`` with the stores over the transaction.
    func writing<T>(still watch: CatalogueWatch, task: Text, _ body: (Stores) throws -> T) throws -> T {
        try write(still: watch, task: task) { db in try body(Stores(db: db, time: time)) }
    }

    func write<T>(still watch: CatalogueWatch, task: Text, _ body: (Database) throws -> T) throws -> T {
        try write { db in
            guard try watch.holds(db, path: path) else {
                throw StoreError.catalogueReplaced(path: path, task: task)
            }
            let result = try body(db)
            try watch.advance(db)
            return result
        }
    }
}
