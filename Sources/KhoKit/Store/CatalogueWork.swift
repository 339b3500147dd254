import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// What makes a catalogue the one a long task started on: its file (device and inode: a copy moved over it is another
/// file) and its generation (`setting` `catalogue_generation`, renewed by every restore, which writes into the same
/// file).
public struct CatalogueIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var generation: String?

    /// The `setting` key of the generation.
    static let generationKey = "catalogue_generation"

    /// The identity of the catalogue at `path` open as `db` (an in-memory one has no file).
    static func read(_ db: Database, path: String) throws -> CatalogueIdentity {
        var info = stat()
        let onDisk = path != ":memory:" && !path.isEmpty && stat(path, &info) == 0
        let generation = try String.fetchOne(
            db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [generationKey])
        return CatalogueIdentity(
            device: onDisk ? UInt64(info.st_dev) : 0, inode: onDisk ? UInt64(info.st_ino) : 0, generation: generation)
    }

    /// Gives the catalogue open as `db` a new generation (a restore does, in the copy that goes live).
    static func renew(_ db: Database) throws {
        try db.execute(
            sql:
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [generationKey, UUID().uuidString])
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

    /// The identity of the catalogue now, for a long task to check before each of its writes.
    func catalogueIdentity() throws -> CatalogueIdentity {
        try read { db in try CatalogueIdentity.read(db, path: path) }
    }

    /// One write transaction of a long task (`task`, e.g. "dựng bản PDF/A"), done only when the catalogue is still the
    /// one the task started on (`identity`); else ``StoreError/catalogueReplaced(path:task:)`` and nothing is written.
    func write<T>(still identity: CatalogueIdentity, task: Text, _ body: (Database) throws -> T) throws -> T {
        try write { db in
            guard try CatalogueIdentity.read(db, path: path) == identity else {
                throw StoreError.catalogueReplaced(path: path, task: task)
            }
            return try body(db)
        }
    }
}
