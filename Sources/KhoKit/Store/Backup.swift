import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// What a backup wrote, or what a backup file holds.
public struct BackupReport: Codable, Sendable, Hashable {
    /// The backup file.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int64
    public var events: Int
    public var boxes: Int
    public var files: Int
    public var masters: Int
    /// The migrations it holds, oldest first.
    public var migrations: [String]
    public var seconds: Double
}

/// What a restore did.
public struct RestoreReport: Codable, Sendable, Hashable {
    /// The backup restored from, and what it held.
    public var backup: BackupReport
    /// The live catalogue restored into.
    public var catalogue: String
    /// Events the live catalogue held before, now replaced.
    public var replacedEvents: Int
    /// The event recording the restore (who restored what, when).
    public var event: Int64?
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case backup, catalogue, event, seconds
        case replacedEvents = "replaced_events"
    }
}

extension KhoStore {
    /// Writes a consistent copy of the catalogue to `target` while others may keep writing.
    ///
    /// Uses SQLite's online backup API (one read transaction: a snapshot, never a half-written state), and leaves
    /// one self-contained file in rollback-journal mode (no `-wal` or `-shm` beside it), written under a temporary
    /// name and renamed into place, so `target` is either the whole backup or untouched. An existing `target` is
    /// refused unless `overwrite` is true. With `verify`, the copy is also read back whole with
    /// `PRAGMA integrity_check` (as `restore` always does); without it, only its header, schema and counts are read.
    public func backup(to target: String, overwrite: Bool = false, verify: Bool = false) throws -> BackupReport {
        let started = Date()
        let fm = FileManager.default
        let dest = URL(fileURLWithPath: target).standardizedFileURL.path
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: dest, isDirectory: &isDir) {
            if isDir.boolValue { throw StoreError.notAFile(path: target) }
            if Self.sameFile(dest, path) { throw MaintenanceError.backupIsLive(path: target) }
        }
        // The same rules as every output: never the catalogue's files, never a device or FIFO (even with --force).
        do {
            try OutputFile.check(dest, catalogue: path)
        } catch OutputError.catalogue {
            throw MaintenanceError.backupIsLive(path: target)
        }
        if fm.fileExists(atPath: dest) && !overwrite { throw MaintenanceError.backupExists(path: target) }
        // What a killed backup to this name left behind.
        OutputFile.removeLeftovers(for: dest)
        let directory = (dest as NSString).deletingLastPathComponent
        let temp = (directory as NSString).appendingPathComponent(".\((dest as NSString).lastPathComponent).partial-\(UUID().uuidString)")
        defer { Self.removeDatabaseFiles(temp) }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            var config = Configuration()
            config.label = "kho-backup"
            // The copy is synced once, whole, before it is renamed into place; SQLite need not sync each step.
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
            let copy = try DatabaseQueue(path: temp, configuration: config)
            try writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                // The copy carries the live file's WAL flag; make it a single self-contained file.
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                guard mode == "delete" else { throw MaintenanceError.backupFailed(path: target, reason: "journal_mode \(mode ?? "?")") }
            }
            try copy.close()
            try Self.syncFile(temp)
            guard rename(temp, dest) == 0 else {
                throw MaintenanceError.backupFailed(path: target, reason: String(cString: strerror(errno)))
            }
            Self.syncFile(directory: directory)
        } catch let error as KhoError {
            throw error
        } catch let error as DatabaseError {
            let reason = error.resultCode.primaryResultCode == .SQLITE_FULL
                ? Text(vi: "đĩa đích đã đầy", en: "the destination disk is full")() : (error.message ?? "\(error.resultCode)")
            throw MaintenanceError.backupFailed(path: target, reason: reason)
        } catch {
            throw MaintenanceError.backupFailed(path: target, reason: error.localizedDescription)
        }
        var report = try Self.inspectBackup(dest, thorough: verify)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Checks that `path` is a sound kho catalogue that this kho can read, and says what it holds.
    ///
    /// Refuses a file that is not SQLite, fails `PRAGMA integrity_check` (when `thorough`), is not a kho catalogue,
    /// or was written by a newer kho. The file is opened read-only and never changed.
    public static func inspectBackup(_ path: String, thorough: Bool = true) throws -> BackupReport {
        let fm = FileManager.default
        guard fm.fileExists(atPath: path) else { throw MaintenanceError.restoreMissing(path: path) }
        // A FIFO or a device is refused before anything opens it for reading (that would block).
        try InputFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw MaintenanceError.restoreMissing(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw MaintenanceError.restoreNotSQLite(path: path) }
        var config = Configuration()
        config.readonly = true
        config.label = "kho-inspect"
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in
                let integrity = thorough ? try String.fetchAll(db, sql: "PRAGMA integrity_check") : ["ok"]
                guard integrity == ["ok"] else { throw MaintenanceError.restoreDamaged(path: path, problems: integrity) }
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                guard tables.isSuperset(of: ["grdb_migrations", "fonds", "box", "file", "event"]) else {
                    throw MaintenanceError.restoreNotKho(path: path)
                }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
                let unknown = Set(applied).subtracting(Migrations.migrator.migrations).sorted()
                guard unknown.isEmpty else { throw MaintenanceError.restoreNewer(path: path, unknown: unknown) }
                let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
                let masters = tables.contains("master") ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master") ?? 0 : 0
                return BackupReport(
                    path: path, bytes: size, events: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
                    boxes: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM box") ?? 0,
                    files: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file") ?? 0, masters: masters,
                    migrations: applied, seconds: 0)
            }
        } catch let error as KhoError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB: throw MaintenanceError.restoreNotSQLite(path: path)
            case .SQLITE_CORRUPT: throw MaintenanceError.restoreDamaged(path: path, problems: [error.message ?? "corrupt"])
            default: throw MaintenanceError.restoreDamaged(path: path, problems: [error.message ?? "\(error.resultCode)"])
            }
        }
    }

    /// Replaces the live catalogue's contents with the backup at `source`, through SQLite's backup API.
    ///
    /// The backup is checked first (`inspectBackup`). A live catalogue holding events is replaced only when
    /// `replacing` is true. The copy goes into the live database inside SQLite's own locking, so other kho
    /// processes see either the old or the restored catalogue, never files swapped under them. Older backups
    /// are migrated. The restore is then recorded as an attributed `setting` event in the restored log.
    public func restore(from backup: String, replacing: Bool, by who: Attribution) throws -> RestoreReport {
        let started = Date()
        let source = URL(fileURLWithPath: backup).standardizedFileURL.path
        if isReadOnly { throw StoreError.readOnly(path: path) }
        if Self.sameFile(source, path) { throw MaintenanceError.restoreIsLive(path: source) }
        let info = try Self.inspectBackup(source)
        let liveEvents = try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }
        if liveEvents > 0 && !replacing { throw MaintenanceError.restoreWouldReplace(path: path, events: liveEvents) }
        var config = Configuration()
        config.readonly = true
        config.label = "kho-restore-source"
        let sourceQueue = try Self.mapErrors(path: source) { try DatabaseQueue(path: source, configuration: config) }
        defer { try? sourceQueue.close() }
        try Self.mapErrors(path: path) {
            try sourceQueue.backup(to: writer)
            try writer.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
            }
            try Migrations.migrator.migrate(writer)
        }
        let event = try write { db in
            var event = Event(kind: .setting, attribution: who, time: time,
                              detail: EventDetail(after: ["restored_from": source], source: source, count: info.events, note: "restore"))
            try event.append(db)
            return event
        }
        return RestoreReport(backup: info, catalogue: path, replacedEvents: liveEvents, event: event.id,
                             seconds: Date().timeIntervalSince(started))
    }

    /// Whether two paths name the same file (same device and inode).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat()
        var y = stat()
        guard stat(a, &x) == 0, stat(b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    static func syncFile(_ path: String) throws {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        if fsync(fd) != 0 && errno == ENOSPC { throw MaintenanceError.backupFailed(path: path, reason: "fsync: disk full") }
    }

    static func syncFile(directory: String) {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
