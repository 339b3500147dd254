import Foundation
import GRDB
import KhoTIFF
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoKit

/// A catalogue at `path` with a fonds, boxes, arrangement, files, a hand record and undone events.
func populatedCatalogue(at path: String) throws -> KhoStore {
    let store = try KhoStore.open(path: path, forWriting: true)
    try store.addFonds(code: "UBND-SK1", name: "UBND xã Sơn Kim 1", by: Fixture.who())
    for i in 1...4 {
        try store.registerBox(BoxDraft(code: "B\(i)", fonds: "UBND-SK1", extent: "0,5"), by: Fixture.who())
    }
    try store.startArrangement(of: ["B1", "B2"], by: Fixture.who())
    try store.finishArrangement(of: ["B1"], kept: "0,4", by: Fixture.who())
    for i in 1...3 {
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B1", file: "0\(i)"), title: "Hồ sơ \(i)", sheets: "10"), by: Fixture.who())
    }
    _ = try store.recordScan(of: FileRef(box: "B1", file: "01"), pages: 20, by: Fixture.who())
    return store
}

/// The SHA-256 of the file at `path`, and whether a `-wal` with content lies beside it.
func fingerprint(_ path: String) throws -> String {
    var wal = stat()
    let walBytes = stat(path + "-wal", &wal) == 0 ? Int64(wal.st_size) : 0
    return try Fixity.sha256(path: path) + (walBytes > 0 ? " + wal \(walBytes)" : "")
}

/// Backups altered by hand, as someone might craft them: each passed the old `restore --check`.
enum CraftedBackup: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// The example: kho's table names, other columns.
    case otherColumns
    /// The example: a good backup plus a trigger that empties `file` on the next event.
    case triggerDeletingFiles
    /// The example: a trigger that raises a message of the attacker's choosing on every write.
    case triggerRaisingMessage
    /// An extra view.
    case extraView
    /// A newer schema: a column and a migration this kho does not know.
    case newerSchema
    /// A newer-looking schema without the migration: an extra column only.
    case extraColumn
    /// A named CHECK that fails every new box, so its name is the message people see.
    case failingCheck
    /// One of kho's indexes dropped (queries still work, slowly, and `check` used to say clean).
    case droppedIndex
    /// An extra table.
    case extraTable
    /// A row pointing at nothing (foreign keys off while writing it).
    case brokenForeignKey
    /// An older catalogue (two migrations) with a trigger: checked against the schema of its own migrations.
    case olderWithTrigger
    /// Migrations out of kho's order.
    case migrationsOutOfOrder

    var testDescription: String { rawValue }

    /// Alters the backup at `path`.
    func apply(to path: String) throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: config)
        defer { try? queue.close() }
        try queue.writeWithoutTransaction { db in
            switch self {
            case .otherColumns:
                for table in ["master_hash", "master", "saved_estimate", "setting", "event", "file", "box", "fonds"] {
                    try db.execute(sql: "DROP TABLE \(table)")
                }
                try db.execute(
                    sql: """
                        CREATE TABLE fonds (id INTEGER PRIMARY KEY, payload TEXT);
                        CREATE TABLE box (id INTEGER PRIMARY KEY, payload TEXT);
                        CREATE TABLE file (id INTEGER PRIMARY KEY, payload TEXT);
                        CREATE TABLE event (id INTEGER PRIMARY KEY, payload TEXT);
                        """)
            case .triggerDeletingFiles:
                try db.execute(sql: "CREATE TRIGGER wipe AFTER INSERT ON event BEGIN DELETE FROM file; END")
            case .triggerRaisingMessage:
                try db.execute(
                    sql: """
                        CREATE TRIGGER scam BEFORE INSERT ON event
                        BEGIN SELECT RAISE(ABORT, 'Kho đã bị khóa: chuyển 5 triệu đồng tới số 0900 000 000 để mở'); END
                        """)
            case .extraView:
                try db.execute(sql: "CREATE VIEW everything AS SELECT * FROM box")
            case .newerSchema:
                try db.execute(sql: "ALTER TABLE box ADD COLUMN barcode TEXT")
                try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-barcodes')")
            case .extraColumn:
                try db.execute(sql: "ALTER TABLE box ADD COLUMN barcode TEXT")
            case .failingCheck:
                try db.execute(
                    sql:
                        "ALTER TABLE box ADD COLUMN lock INTEGER CONSTRAINT \"gọi 0900 000 000 để mở khóa\" CHECK (lock IS NOT NULL) DEFAULT 1"
                )
            case .droppedIndex:
                try db.execute(sql: "DROP INDEX box_fonds")
            case .extraTable:
                try db.execute(sql: "CREATE TABLE notes (x TEXT)")
            case .brokenForeignKey:
                try db.execute(sql: "UPDATE box SET fonds_id = 999 WHERE code = 'B2'")
            case .olderWithTrigger, .migrationsOutOfOrder:
                break
            }
        }
    }

    /// Makes the crafted backup in `dir` from the catalogue at `live` (which is closed again afterwards).
    func make(from live: String, in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("\(rawValue).sqlite").path
        switch self {
        case .olderWithTrigger, .migrationsOutOfOrder:
            let queue = try DatabaseQueue(path: path)
            try Migrations.migrator.migrate(queue, upTo: "v2-scanning")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO fonds (code, name) VALUES ('CU', 'Phông cũ')")
                if self == .olderWithTrigger {
                    try db.execute(sql: "CREATE TRIGGER wipe AFTER INSERT ON event BEGIN DELETE FROM box; END")
                } else {
                    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v1-catalogue'")
                    try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v1-catalogue')")
                }
            }
            try queue.close()
        default:
            let store = try KhoStore.open(path: live, forWriting: false)
            _ = try store.backup(to: path)
            try store.writer.close()
            try apply(to: path)
        }
        return path
    }

    /// Whether `error` is the refusal this backup deserves.
    func isExpected(_ error: any Error) -> Bool {
        switch (self, error as? MaintenanceError) {
        case (.newerSchema, .restoreNewer(_, let unknown)?): unknown == ["v9-barcodes"]
        case (.brokenForeignKey, .restoreDamaged(_, let problems)?): problems.contains { $0.contains("box") }
        case (.migrationsOutOfOrder, .restoreSchema(_, let differences)?): differences.map(\.type) == ["migrations"]
        case (.otherColumns, .restoreSchema(_, let differences)?):
            differences.contains { $0.name == "file" && $0.kind == .changed }
        case (.triggerDeletingFiles, .restoreSchema(_, let differences)?),
            (.olderWithTrigger, .restoreSchema(_, let differences)?):
            differences == [SchemaDifference(kind: .extra, type: "trigger", name: "wipe")]
        case (.triggerRaisingMessage, .restoreSchema(_, let differences)?):
            differences == [SchemaDifference(kind: .extra, type: "trigger", name: "scam")]
        case (.extraView, .restoreSchema(_, let differences)?):
            differences == [SchemaDifference(kind: .extra, type: "view", name: "everything")]
        case (.extraColumn, .restoreSchema(_, let differences)?), (.failingCheck, .restoreSchema(_, let differences)?):
            differences == [SchemaDifference(kind: .changed, type: "table", name: "box")]
        case (.droppedIndex, .restoreSchema(_, let differences)?):
            differences.contains(SchemaDifference(kind: .missing, type: "index", name: "box_fonds"))
        case (.extraTable, .restoreSchema(_, let differences)?):
            differences == [SchemaDifference(kind: .extra, type: "table", name: "notes")]
        default: false
        }
    }
}

@Suite(.tags(.slow), .timeLimit(.minutes(20))) struct CraftedRestoreTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }
    var live: String { dir.appendingPathComponent("kho.sqlite").path }

    @Test(arguments: CraftedBackup.allCases)
    func aCraftedBackupIsRefusedBeforeTheLiveCatalogueIsTouched(craft: CraftedBackup) throws {
        // Given a live catalogue, closed so that all of it is in its file, and a crafted backup
        try populatedCatalogue(at: live).writer.close()
        let backup = try craft.make(from: live, in: dir)
        let before = try fingerprint(live)
        // When it is checked, and restored with --force
        var checkError: (any Error)?
        do { _ = try KhoStore.inspectBackup(backup) } catch { checkError = error }
        let store = try KhoStore.open(path: live, forWriting: true)
        let events = try store.events(lang: .vi).count
        var restoreError: (any Error)?
        do { _ = try store.restore(from: backup, replacing: true, by: Fixture.who("Hoa")) } catch {
            restoreError = error
        }
        // Then both refuse it, saying why, as a KhoError
        #expect(checkError.map(craft.isExpected) == true, "restore --check: \(String(describing: checkError))")
        #expect(restoreError.map(craft.isExpected) == true, "restore: \(String(describing: restoreError))")
        #expect(restoreError is any KhoError)
        // And the live catalogue is what it was: same events, checks clean, and byte for byte the same file
        #expect(try store.events(lang: .vi).count == events)
        #expect(try store.check().problems == [])
        try store.writer.close()
        #expect(try fingerprint(live) == before)
        // And no staging copy is left beside it
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter {
            $0.contains(".partial-")
        }
        #expect(leftovers == [])
    }

    @Test func aTriggerInTheLiveCatalogueIsWhatKhoCheckReports() throws {
        // Given the trigger slipped into a live catalogue (not through a restore)
        let store = try populatedCatalogue(at: live)
        try store.write { try $0.execute(sql: "CREATE TRIGGER wipe AFTER INSERT ON event BEGIN DELETE FROM file; END") }
        try store.write { try $0.execute(sql: "CREATE VIEW everything AS SELECT * FROM box") }
        // Then `kho check` is not clean: it names the trigger and the view
        let problems = try store.check().problems.filter { $0.code == "schema" }
        #expect(problems.map(\.subject) == ["trigger wipe", "view everything"])
        #expect(problems.allSatisfy { $0.text.vi.contains("thừa") && $0.text.en.contains("extra") })
    }

    @Test func aGoodBackupComesBackWithItsRestoreEventInTheSameStep() throws {
        // Given a backup and a catalogue that changed after it
        let store = try populatedCatalogue(at: live)
        let backup = try store.backup(to: dir.appendingPathComponent("good.sqlite").path)
        try store.registerBox(BoxDraft(code: "LATE", fonds: "UBND-SK1"), by: Fixture.who())
        // And another connection watching the live catalogue, as another kho process would
        let watcher = try DatabaseQueue(path: live)
        var seen: [(events: Int, restoreEvents: Int)] = []
        func look() throws {
            seen.append(
                try watcher.read { db in
                    (
                        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0,
                        try Int.fetchOne(
                            db, sql: "SELECT COUNT(*) FROM event WHERE detail LIKE '%\"note\":\"restore\"%'") ?? 0
                    )
                })
        }
        try look()
        // When it is restored
        let report = try store.restore(from: backup.path, replacing: true, by: Fixture.who("Hoa"))
        try look()
        // Then the watcher saw the old catalogue, then the restored one already holding its restore event
        #expect(seen.map(\.events) == [backup.events + 1, backup.events + 1])
        #expect(seen.map(\.restoreEvents) == [0, 1])
        let last = try store.events(lang: .vi).last
        #expect(last?.id == report.event && last?.actor == "Hoa" && last?.detail.note == "restore")
        #expect(try store.listBoxes().contains { $0.code == "LATE" } == false)
        #expect(try store.check().problems == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".partial-") } == [])
        try watcher.close()
    }

    @Test func anOlderBackupAndOneWithAnotherPageSizeAreRestoredAndMigrated() throws {
        // Given a catalogue from kho's first two migrations, with 1 KiB pages
        let store = try populatedCatalogue(at: live)
        let older = dir.appendingPathComponent("older.sqlite").path
        let queue = try DatabaseQueue(path: older)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 1024") }
        try Migrations.migrator.migrate(queue, upTo: "v2-scanning")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO fonds (code, name) VALUES ('CU', 'Phông cũ')")
            try db.execute(
                sql: """
                    INSERT INTO event (uid, kind, actor, recorder, happened_at, happened_day, recorded_at, fonds_id)
                    VALUES ('01JD0000000000000000000000', 'fonds.add', 'Thu', 'thu@pc', 1700000000, '2023-11-15', 1700000000, 1)
                    """)
        }
        try queue.close()
        // When it is restored
        let report = try store.restore(from: older, replacing: true, by: Fixture.who("Hoa"))
        // Then it is migrated to this kho's schema, holds its data and the restore event, and checks clean
        #expect(report.backup.migrations == ["v1-catalogue", "v2-scanning"])
        #expect(try store.read { try CatalogueSchema.differences($0, complete: true) } == [])
        #expect(try store.events(lang: .vi).map(\.kind) == ["fonds.add", "setting"])
        #expect(try store.check().problems == [])
    }

    @Test func whatAKilledRestoreLeftBesideTheCatalogueIsRemovedByTheNextOne() throws {
        // Given the staging copy of a restore killed half-way (and its journal)
        let store = try populatedCatalogue(at: live)
        let backup = try store.backup(to: dir.appendingPathComponent("good.sqlite").path)
        let stale = dir.appendingPathComponent(".kho.sqlite.partial-restore-DEAD").path
        try Data(repeating: 7, count: 100_000).write(to: URL(fileURLWithPath: stale))
        try Data(repeating: 7, count: 512).write(to: URL(fileURLWithPath: stale + "-journal"))
        // When the next restore runs
        _ = try store.restore(from: backup.path, replacing: true, by: Fixture.who("Hoa"))
        // Then nothing is left beside the catalogue but its own files
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(names == [])
    }
}
