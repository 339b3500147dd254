import Foundation
import GRDB

/// The SQLite side of a backup and a restore: copying a catalogue file with SQLite's backup API, the pragmas that
/// make a copy one self-contained file, reading and checking a candidate file, and staging a restore.
enum BackupStore {
    /// Copies the live catalogue (`writer`) to a new file at `temp` (SQLite's online backup API: one read
    /// transaction, a snapshot) and makes the copy one self-contained file in rollback-journal mode; `target` names
    /// the backup in errors.
    static func copy(_ writer: any DatabaseWriter, to temp: String, target: String) throws {
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
            guard mode == "delete" else {
                throw MaintenanceError.backupFailed(
                    path: target, reason: Text(verbatim: "journal_mode \(mode ?? "?")"))
            }
        }
        try copy.close()
    }

    /// Opens the candidate at `path` read-only, checks it (``validateCandidate(_:path:thorough:complete:schema:)``)
    /// and counts what it holds; `bytes` is its size.
    static func report(path: String, bytes: Int64, thorough: Bool, requireKhoSchema: Bool) throws -> BackupReport {
        let queue = try DatabaseQueue(
            path: path, configuration: candidateConfiguration(readonly: true, label: "kho-inspect"))
        defer { try? queue.close() }
        return try queue.read { db in
            let applied = try validateCandidate(
                db, path: path, thorough: thorough, complete: false, schema: requireKhoSchema)
            let hasMasters =
                try Bool.fetchOne(
                    db, sql: "SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'master'")
                ?? false
            let masters = hasMasters ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master") ?? 0 : 0
            return BackupReport(
                path: path, bytes: bytes, events: try EventStore(db: db).count(),
                boxes: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM box") ?? 0,
                files: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM file") ?? 0, masters: masters,
                migrations: applied, seconds: 0)
        }
    }

    /// Refuses a candidate catalogue (a backup, or its staging copy) that kho must not take as its own, and returns
    /// the migrations it holds.
    ///
    /// In order: `PRAGMA integrity_check` (when `thorough`); kho's tables present; no migration this kho does not
    /// know; the schema exactly what kho's migrations make for the migrations it holds (all of them when `complete`);
    /// `PRAGMA foreign_key_check` (when `thorough`).
    @discardableResult
    static func validateCandidate(
        _ db: Database, path: String, thorough: Bool, complete: Bool, schema: Bool = true
    ) throws -> [String] {
        if thorough {
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            guard integrity == ["ok"] else { throw MaintenanceError.restoreDamaged(path: path, problems: integrity) }
        }
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        guard tables.isSuperset(of: ["grdb_migrations", "fonds", "box", "file", "event"]) else {
            throw MaintenanceError.restoreNotKho(path: path)
        }
        let applied = try CatalogueSchema.appliedMigrations(db)
        let unknown = Set(applied).subtracting(Migrations.migrator.migrations).sorted()
        guard unknown.isEmpty else { throw MaintenanceError.restoreNewer(path: path, unknown: unknown) }
        let differences = schema ? try CatalogueSchema.differences(db, complete: complete) : []
        guard differences.isEmpty else { throw MaintenanceError.restoreSchema(path: path, differences: differences) }
        if thorough {
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if !broken.isEmpty {
                let problems = broken.prefix(3).map { row -> String in
                    let table: String = row["table"]
                    let rowid: Int64? = row["rowid"]
                    let parent: String = row["parent"]
                    return "foreign key: \(table) \(rowid.map(String.init) ?? "?") → \(parent)"
                }
                throw MaintenanceError.restoreDamaged(
                    path: path, problems: problems + (broken.count > 3 ? ["… \(broken.count)"] : []))
            }
        }
        return applied
    }

    /// How kho opens a catalogue it did not write: views and triggers in it may not call functions with side effects.
    static func candidateConfiguration(readonly: Bool, label: String) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.label = label
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            if !readonly {
                // A staging copy: only what it ends up holding matters, and that is synced when it goes live.
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
        }
        return config
    }

    /// Runs `body`, turning SQLite's errors about a candidate file (at `path`, copied to `scratch`) into messages.
    static func candidateErrors<T>(path: String, scratch: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as KhoError {
            throw error
        } catch let error as DatabaseError {
            let code = error.resultCode.primaryResultCode
            if code == .SQLITE_FULL
                || ((code == .SQLITE_IOERR || code == .SQLITE_CANTOPEN) && KhoStore.diskIsFull(near: scratch))
            {
                throw MaintenanceError.restoreFailed(
                    path: path,
                    reason: Text(vi: "đĩa chứa danh mục đã đầy", en: "the disk holding the catalogue is full"))
            }
            switch code {
            case .SQLITE_NOTADB: throw MaintenanceError.restoreNotSQLite(path: path)
            case .SQLITE_CORRUPT:
                throw MaintenanceError.restoreDamaged(path: path, problems: [error.message ?? "corrupt"])
            default:
                throw MaintenanceError.restoreDamaged(path: path, problems: [error.message ?? "\(error.resultCode)"])
            }
        }
    }

    /// The page size of the live catalogue (4096 when SQLite does not say).
    static func pageSize(_ writer: any DatabaseWriter) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } ?? 4096
    }

    /// Puts the live catalogue back in WAL mode after a restore wrote into it, when it is not.
    static func keepWAL(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
        }
    }

    /// Copies the backup at `source` to `temp`, checks the copy in full, migrates it, gives it a new generation and
    /// lets `record` append the restore event to it (in one transaction); returns the open copy and what `record`
    /// returned.
    static func stage(
        _ source: String, into temp: String, pageSize: Int, time: LocalTime, record: (Stores) throws -> Int64?
    ) throws -> (DatabaseQueue, Int64?) {
        let sourceQueue = try DatabaseQueue(
            path: source, configuration: candidateConfiguration(readonly: true, label: "kho-restore-source"))
        defer { try? sourceQueue.close() }
        let staging = try DatabaseQueue(
            path: temp, configuration: candidateConfiguration(readonly: false, label: "kho-restore-staging"))
        try sourceQueue.backup(to: staging)
        try staging.writeWithoutTransaction { db in
            // A copy of a WAL file carries its WAL flag: the staging copy is one self-contained file.
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        }
        // The copy is what goes live, so the copy is what is checked (the file could have changed since it was read).
        _ = try staging.read { db in try validateCandidate(db, path: source, thorough: true, complete: false) }
        try Migrations.migrator.migrate(staging)
        _ = try staging.read { db in try validateCandidate(db, path: source, thorough: false, complete: true) }
        try staging.writeWithoutTransaction { db in
            // SQLite copies into a WAL database only between equal page sizes.
            if try Int.fetchOne(db, sql: "PRAGMA page_size") != pageSize {
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                try db.execute(sql: "VACUUM")
            }
        }
        let event = try staging.write { db in
            // A new generation: a build or an ingest that started on the catalogue before stops without writing.
            try CatalogueIdentity.renew(db)
            return try record(Stores(db: db, time: time))
        }
        return (staging, event)
    }
}
