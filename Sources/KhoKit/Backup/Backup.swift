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
    /// A `target` that is a folder (a USB stick's) gets the backup as `kho-YYYY-MM-DD.sqlite` in it, today's date, or
    /// `kho-YYYY-MM-DD-2.sqlite`, `-3`… when that is taken: a backup into a folder never replaces one.
    public func backup(to given: String, overwrite: Bool = false, verify: Bool = false) throws -> BackupReport {
        try backup(to: given, overwrite: overwrite, verify: verify, protecting: try protectedPaths())
    }

    /// `backup(to:overwrite:verify:)` checking the target against `protected` (a copy's sync spares that copy).
    func backup(
        to given: String, overwrite: Bool = false, verify: Bool = false, protecting protected: ProtectedPaths
    ) throws -> BackupReport {
        let started = Date()
        let fm = FileManager.default
        var target = given
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: URL(fileURLWithPath: given).standardizedFileURL.path, isDirectory: &isDir),
            isDir.boolValue
        {
            let day = time.day(of: started)
            target = (given as NSString).appendingPathComponent("kho-\(day).sqlite")
            var n = 2
            while fm.fileExists(atPath: target) {
                target = (given as NSString).appendingPathComponent("kho-\(day)-\(n).sqlite")
                n += 1
            }
        }
        let dest = URL(fileURLWithPath: target).standardizedFileURL.path
        if fm.fileExists(atPath: dest, isDirectory: &isDir) {
            if isDir.boolValue { throw StoreError.notAFile(path: target) }
            if Self.sameFile(dest, path) { throw MaintenanceError.backupIsLive(path: target) }
        }
        // The same rules as every output: never the catalogue's files, never a device or FIFO (even with --force).
        do {
            try OutputFile.check(dest, protecting: protected)
        } catch OutputError.catalogue {
            throw MaintenanceError.backupIsLive(path: target)
        }
        if fm.fileExists(atPath: dest) && !overwrite { throw MaintenanceError.backupExists(path: target) }
        // What a killed backup to this name left behind.
        OutputFile.removeLeftovers(for: dest)
        let directory = PathText.parent(of: dest)
        let temp = (directory as NSString).appendingPathComponent(
            ".\((dest as NSString).lastPathComponent).partial-\(UUID().uuidString)")
        defer { Self.removeDatabaseFiles(temp) }
        do {
            try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try BackupStore.copy(writer, to: temp, target: target)
            try Self.syncFile(temp)
            guard rename(temp, dest) == 0 else {
                throw MaintenanceError.backupFailed(
                    path: target, reason: Text(verbatim: String(cString: strerror(errno))))
            }
            Self.syncFile(directory: directory)
        } catch {
            throw Self.backupFailure(error, target: target)
        }
        // A catalogue altered behind kho's back is still copied whole (`kho check` names what was altered).
        var report = try Self.inspect(dest, thorough: verify, requireKhoSchema: false)
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// What a backup that failed says: kho's own error as it is, SQLite's and the system's as the reason the backup
    /// to `target` failed (a full destination disk by name).
    private static func backupFailure(_ error: Error, target: String) -> Error {
        switch error {
        case let error as KhoError:
            return error
        case let error as DatabaseError:
            let reason =
                error.resultCode.primaryResultCode == .SQLITE_FULL
                ? Text(vi: "đĩa đích đã đầy", en: "the destination disk is full")
                : Text(verbatim: error.message ?? "\(error.resultCode)")
            return MaintenanceError.backupFailed(path: target, reason: reason)
        default:
            return MaintenanceError.backupFailed(path: target, reason: Text(verbatim: error.localizedDescription))
        }
    }

    /// Checks that `path` is a sound kho catalogue that this kho can read, and says what it holds.
    ///
    /// Refuses a file that is not SQLite, fails `PRAGMA integrity_check` or `PRAGMA foreign_key_check` (when
    /// `thorough`), is not a kho catalogue, was written by a newer kho, or whose schema (tables, columns, indexes,
    /// triggers, views) is not exactly what kho's migrations make (``CatalogueSchema``): a trigger or a CHECK slipped
    /// into a backup is refused here, before anything reads its data. The file is opened read-only and never changed.
    public static func inspectBackup(_ path: String, thorough: Bool = true) throws -> BackupReport {
        try inspect(path, thorough: thorough, requireKhoSchema: true)
    }

    /// The `.sqlite` files in `folder` (a USB stick's, where `kho backup` writes), newest first.
    static func backups(in folder: String) -> [String] {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".sqlite") }
        func modified(_ name: String) -> Date {
            let path = (folder as NSString).appendingPathComponent(name)
            return ((try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return names.map { ($0, modified($0)) }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
    }

    /// ``inspectBackup(_:thorough:)``, with the schema comparison left out when `requireKhoSchema` is false.
    static func inspect(_ path: String, thorough: Bool, requireKhoSchema: Bool) throws -> BackupReport {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw MaintenanceError.restoreMissing(path: path)
        }
        if isDir.boolValue { throw MaintenanceError.restoreFolder(path: path, backups: backups(in: path)) }
        // A FIFO or a device is refused before anything opens it for reading (that would block).
        try InputFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw MaintenanceError.restoreMissing(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\0".utf8) else { throw MaintenanceError.restoreNotSQLite(path: path) }
        let size = (try? fm.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return try BackupStore.candidateErrors(path: path, scratch: path) {
            try BackupStore.report(path: path, bytes: size, thorough: thorough, requireKhoSchema: requireKhoSchema)
        }
    }

    /// Replaces the live catalogue's contents with the backup at `source`, and records who restored it, in one step.
    ///
    /// The backup is checked first (``inspectBackup(_:thorough:)``). A live catalogue holding events is replaced only
    /// when `replacing` is true. Then, without touching the live file:
    /// 1. the backup is copied (SQLite's backup API) to a staging file beside the catalogue
    ///    (`.NAME.partial-restore-…`, which the next restore removes if this one is killed);
    /// 2. the copy is checked in full — integrity, foreign keys, schema — since it, not the file, is what goes live;
    /// 3. an older copy is migrated and checked again against kho's complete schema;
    /// 4. the `restore` event (an attributed `setting` event) is appended to the copy.
    ///
    /// Only then is the copy written into the live database, again with SQLite's backup API, as one write
    /// transaction in the live catalogue's WAL: other kho processes (and open connections) see the old catalogue or
    /// the restored one with its restore event, never a half-restored one or a restore without its event, and a kill
    /// or a full disk at any moment leaves the live catalogue as it was. (Renaming a file over the live catalogue
    /// would not: processes that have it open would keep writing to the old file, and its `-wal` would be replayed
    /// into the new one.) Nothing that cannot interleave runs meanwhile (``CatalogueLock``), and the restored catalogue
    /// has a new generation (``CatalogueIdentity``).
    public func restore(from backup: String, replacing: Bool, by who: Attribution) throws -> RestoreReport {
        let started = Date()
        let source = URL(fileURLWithPath: backup).standardizedFileURL.path
        if isReadOnly { throw StoreError.readOnly(path: path) }
        if Self.sameFile(source, path) { throw MaintenanceError.restoreIsLive(path: source) }
        let info = try Self.inspectBackup(source)
        let lock = try CatalogueLock.acquire(catalogue: path, activity: .restore, by: who, time: time)
        defer { lock?.release() }
        let liveEvents = try reading { tx in try tx.events.count() }
        if liveEvents > 0 && !replacing { throw MaintenanceError.restoreWouldReplace(path: path, events: liveEvents) }
        let temp = stagingPath()
        defer { Self.removeDatabaseFiles(temp) }
        let livePageSize = try Self.mapErrors(path: path) { try BackupStore.pageSize(writer) }
        let (staging, event) = try BackupStore.candidateErrors(path: source, scratch: temp) {
            try stage(source, into: temp, pageSize: livePageSize, by: who, events: info.events)
        }
        defer { try? staging.close() }
        try Self.mapErrors(path: path) {
            try staging.backup(to: writer)
            try BackupStore.keepWAL(writer)
        }
        return RestoreReport(
            backup: info, catalogue: path, replacedEvents: liveEvents, event: event,
            seconds: Date().timeIntervalSince(started))
    }

    /// A new staging file beside the live catalogue (same disk, so a full disk shows before the live file is
    /// touched), after removing what a killed restore left there.
    private func stagingPath() -> String {
        guard path != ":memory:" else {
            return (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "kho-restore-\(UUID().uuidString).sqlite")
        }
        OutputFile.removeLeftovers(for: path)
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).partial-restore-\(UUID().uuidString)"
        ).path
    }

    /// Copies the backup at `source` to `temp`, checks the copy in full, migrates it, and appends the restore event;
    /// returns the open copy and the event's id.
    private func stage(
        _ source: String, into temp: String, pageSize: Int, by who: Attribution, events: Int
    ) throws -> (DatabaseQueue, Int64?) {
        try BackupStore.stage(source, into: temp, pageSize: pageSize, time: time) { tx in
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(after: ["restored_from": source], source: source, count: events, note: "restore"))
            try tx.events.append(&event)
            return event.id
        }
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
        if fsync(fd) != 0 && errno == ENOSPC {
            throw MaintenanceError.backupFailed(path: path, reason: Text(verbatim: "fsync: disk full"))
        }
    }

    static func syncFile(directory: String) {
        let fd = Glibc.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
