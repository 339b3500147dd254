import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// A catalogue with some of everything: boxes arranged, in progress, undone; files recorded, undone.
private func busyStore(path: String? = nil) throws -> KhoStore {
    let store = try path.map { try KhoStore.open(path: $0, forWriting: true) } ?? KhoStore.inMemory(time: Fixture.time)
    try store.addFonds(code: "UBND-SK1", name: "UBND xã Sơn Kim 1", by: Fixture.who())
    for i in 1...6 {
        try store.registerBox(BoxDraft(code: "B\(i)", fonds: "UBND-SK1", extent: "0,5"), by: Fixture.who())
    }
    try store.startArrangement(of: ["B1", "B2", "B3"], by: Fixture.who())
    try store.finishArrangement(of: ["B1"], kept: "0,4", by: Fixture.who())
    try store.finishArrangement(of: ["B2"], by: Fixture.who())
    let undone = try store.finishArrangement(of: ["B4"], by: Fixture.who())
    try store.undo(eventId: undone[0].id!, by: Fixture.who())
    for i in 1...4 {
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B1", file: "0\(i)"), title: "Hồ sơ \(i)", sheets: "10"), by: Fixture.who())
    }
    try store.recordScan(of: FileRef(box: "B1", file: "01"), pages: 20, by: Fixture.who())
    let record = try store.recordScan(of: FileRef(box: "B1", file: "02"), pages: 18, by: Fixture.who())
    try store.undo(eventId: record.id!, by: Fixture.who())
    try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", from: "B1"), by: Fixture.who())
    return store
}

@Suite struct CheckTests {
    @Test func aCatalogueWrittenOnlyThroughKhoIsClean() throws {
        let report = try busyStore().check()
        #expect(report.problems == [])
        #expect(report.boxes == 7 && report.files == 4)
    }

    @Test func aStateThatDisagreesWithTheLogIsReportedByName() throws {
        // Given a catalogue whose stored state was changed behind kho's back
        let store = try busyStore()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE box SET arrangement = 'unarranged', kept_mm = NULL WHERE code = 'B2'")
            try db.execute(sql: "UPDATE box SET kept_mm = 900 WHERE code = 'B1'")
            try db.execute(sql: "UPDATE file SET scan_state = 'passed' WHERE code = '03'")
            try db.execute(sql: "UPDATE file SET pages = 21 WHERE code = '01'")
            try db.execute(sql: "UPDATE box SET arrangement = 'unarranged', kept_mm = NULL WHERE code = 'H1'")
        }
        // When it is checked
        let report = try store.check()
        // Then each difference names its box or file
        let subjects = Set(report.problems.map { "\($0.code) \($0.subject)" })
        #expect(subjects.contains("box_state box B2"))
        #expect(subjects.contains("metres box B1"))
        #expect(subjects.contains("file_state file B1/03"))
        #expect(subjects.contains("file_pages file B1/01"))
        #expect(subjects.contains("box_state box H1"))
        #expect(!report.clean)
        #expect(report.problems.allSatisfy { !$0.text.vi.isEmpty && !$0.text.en.isEmpty })
    }

    @Test func anEventThatRefersToNothingIsReported() throws {
        let store = try busyStore()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.tamperWithLog("UPDATE event SET box_id = 999 WHERE id = 3")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let report = try store.check()
        #expect(report.problems.contains { $0.code == "foreign_key" && $0.subject == "event 3" })
    }

    @Test func aMasterGoneFromDiskIsReported() throws {
        let store = try busyStore()
        try store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, pages, readable, profile, ingested_at)
                    VALUES (3, 'B1/03/0001.tif', '/nowhere', '/nowhere/B1/03/0001.tif', '0001.tif', 1, 1, 1, 1, 1, 1, 1, 'vn-2025', 0)
                    """)
        }
        let report = try store.check()
        #expect(report.problems.contains { $0.code == "master_missing" && $0.subject == "B1/03/0001.tif" })
        #expect(report.problems.contains { $0.code == "file_masters" && $0.subject == "file B1/03" })
    }
}

@Suite struct BackupTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    @Test func aBackupIsOneSelfContainedFileHoldingEveryEvent() throws {
        // Given a catalogue in WAL mode
        let store = try busyStore(path: dir.appendingPathComponent("kho.sqlite").path)
        let events = try Fixture.eventCount(store)
        // When it is backed up
        let target = dir.appendingPathComponent("copies/kho-backup.sqlite").path
        let report = try store.backup(to: target)
        // Then the copy is in rollback-journal mode with no -wal/-shm, sound, and holds every event
        #expect(report.events == events && report.boxes == 7 && report.files == 4)
        #expect(report.bytes > 0)
        let header = try Data(contentsOf: URL(fileURLWithPath: target)).prefix(20)
        #expect(header[18] == 1 && header[19] == 1)
        #expect(!FileManager.default.fileExists(atPath: target + "-wal"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (target as NSString).deletingLastPathComponent) == [
                "kho-backup.sqlite"
            ])
        #expect(try KhoStore.inspectBackup(target).events == events)
    }

    @Test func anExistingFileIsNotOverwrittenWithoutForce() throws {
        let store = try busyStore(path: dir.appendingPathComponent("kho.sqlite").path)
        let target = Fixture.write("precious", to: "keep.sqlite", in: dir)
        expectError(MaintenanceError.backupExists(path: target)) { try store.backup(to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "precious")
        #expect(try store.backup(to: target, overwrite: true).events > 0)
        expectError(MaintenanceError.backupIsLive(path: store.path)) {
            try store.backup(to: store.path, overwrite: true)
        }
    }

    @Test func aBackupIntoAFolderIsNamedByTodayAndNeverReplacesOne() throws {
        let store = try busyStore(path: dir.appendingPathComponent("kho.sqlite").path)
        // Given a USB stick's folder
        let usb = dir.appendingPathComponent("usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        // When the catalogue is backed up into it three times the same day
        let day = store.time.day(of: Date())
        let paths = try (1...3).map { _ in try store.backup(to: usb.path).path }
        // Then each backup is its own file named by the day, none replaced
        #expect(
            paths.map { ($0 as NSString).lastPathComponent } == [
                "kho-\(day).sqlite", "kho-\(day)-2.sqlite", "kho-\(day)-3.sqlite",
            ])
        #expect(try paths.allSatisfy { try KhoStore.inspectBackup($0).events > 0 })
    }

    @Test func aBackupTakenWhileAnotherConnectionWritesIsConsistent() async throws {
        // Given a catalogue that another connection keeps writing to
        let path = dir.appendingPathComponent("kho.sqlite").path
        let store = try busyStore(path: path)
        let writer = Task.detached {
            let other = try KhoStore.open(path: path, forWriting: true)
            for i in 0..<300 { try other.registerBox(BoxDraft(code: "W\(i)", fonds: "UBND-SK1"), by: Fixture.who()) }
        }
        // When backups are taken meanwhile
        var reports: [BackupReport] = []
        for i in 0..<5 {
            reports.append(try store.backup(to: dir.appendingPathComponent("b\(i).sqlite").path))
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        try await writer.value
        // Then each is a sound snapshot: one event per box added, and it checks clean
        for report in reports {
            #expect(report.events == 24 + report.boxes - 7)
            let copy = try KhoStore.open(path: report.path, forWriting: false)
            #expect(try copy.check().problems == [])
        }
    }
}

@Suite struct RestoreTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    @Test func aRestoreBringsBackTheBackupAndRecordsWhoRestoredIt() throws {
        // Given a backup, and a catalogue that has changed since
        let store = try busyStore(path: dir.appendingPathComponent("kho.sqlite").path)
        let backup = try store.backup(to: dir.appendingPathComponent("b.sqlite").path)
        try store.registerBox(BoxDraft(code: "LATE", fonds: "UBND-SK1"), by: Fixture.who())
        // When it is restored without --force, it is refused; with it, the backup comes back
        expectError(MaintenanceError.restoreWouldReplace(path: store.path, events: backup.events + 1)) {
            try store.restore(from: backup.path, replacing: false, by: Fixture.who("Hoa"))
        }
        let report = try store.restore(from: backup.path, replacing: true, by: Fixture.who("Hoa"))
        // Then the catalogue holds what the backup held, plus one event naming who restored it
        #expect(report.backup.events == backup.events && report.replacedEvents == backup.events + 1)
        #expect(try store.listBoxes().map(\.code).contains("LATE") == false)
        let last = try store.events(lang: .vi).last
        #expect(last?.actor == "Hoa" && last?.detail.note == "restore")
        #expect(try store.check().problems == [])
        #expect(try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        // And a fresh process sees it too
        #expect(try KhoStore.open(path: store.path, forWriting: false).listBoxes().count == 7)
    }

    @Test func anEmptyCatalogueIsRestoredWithoutForce() throws {
        let source = try busyStore(path: dir.appendingPathComponent("a.sqlite").path)
        let backup = try source.backup(to: dir.appendingPathComponent("b.sqlite").path)
        let fresh = try KhoStore.open(path: dir.appendingPathComponent("new/kho.sqlite").path, forWriting: true)
        #expect(
            try fresh.restore(from: backup.path, replacing: false, by: Fixture.who()).backup.events == backup.events)
        #expect(try fresh.listBoxes().count == 7)
    }

    @Test func badBackupsAreRefusedAndTheCatalogueIsLeftAlone() throws {
        let store = try busyStore(path: dir.appendingPathComponent("kho.sqlite").path)
        let before = try Fixture.eventCount(store)
        // Not SQLite
        let text = Fixture.write("box,fonds\n", to: "boxes.csv", in: dir)
        expectError(MaintenanceError.restoreNotSQLite(path: text)) {
            try store.restore(from: text, replacing: true, by: Fixture.who())
        }
        // SQLite, but not kho
        let other = dir.appendingPathComponent("other.sqlite").path
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        expectError(MaintenanceError.restoreNotKho(path: other)) {
            try store.restore(from: other, replacing: true, by: Fixture.who())
        }
        // Written by a newer kho
        let newer = try store.backup(to: dir.appendingPathComponent("newer.sqlite").path).path
        try DatabaseQueue(path: newer).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')")
        }
        expectError(MaintenanceError.restoreNewer(path: newer, unknown: ["v99-future"])) {
            try store.restore(from: newer, replacing: true, by: Fixture.who())
        }
        // Damaged: a page in the middle overwritten
        let damaged = try store.backup(to: dir.appendingPathComponent("damaged.sqlite").path).path
        var bytes = try Data(contentsOf: URL(fileURLWithPath: damaged))
        for i in 4096 * 3..<(4096 * 3 + 200) where i < bytes.count { bytes[i] = 0xA5 }
        try bytes.write(to: URL(fileURLWithPath: damaged))
        #expect(throws: MaintenanceError.self) { try store.restore(from: damaged, replacing: true, by: Fixture.who()) }
        // Missing, and the live catalogue itself
        expectError(MaintenanceError.restoreMissing(path: "/nowhere.sqlite")) {
            try store.restore(from: "/nowhere.sqlite", replacing: true, by: Fixture.who())
        }
        expectError(MaintenanceError.restoreIsLive(path: store.path)) {
            try store.restore(from: store.path, replacing: true, by: Fixture.who())
        }
        // A folder (the USB stick) names its backups, the newest first
        let usb = dir.appendingPathComponent("usb").path
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        let first = try store.backup(to: usb).path
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: first)
        let second = try store.backup(to: usb).path
        expectError(
            MaintenanceError.restoreFolder(
                path: usb, backups: [(second as NSString).lastPathComponent, (first as NSString).lastPathComponent])
        ) {
            try store.restore(from: usb, replacing: true, by: Fixture.who())
        }
        #expect(try Fixture.eventCount(store) == before)
        #expect(try store.check().problems == [])
    }
}

@Suite struct SafeStorageTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    @Test(arguments: [
        (UInt64(0x6969), "NFS"), (0x517B, "SMB"), (0xFE53_4D42, "SMB2"), (0xFF53_4D42, "CIFS"), (0xEF53, nil),
        (0x0102_1994, nil),
    ])
    func networkFilesystemsAreRecognisedByTheirMagic(type: UInt64, kind: String?) {
        #expect(FileSystemGuard.classify(type: type, fuseSubtype: { nil }) == kind)
    }

    @Test func sshfsIsRefusedButOtherFUSEFilesystemsAreNot() {
        #expect(FileSystemGuard.classify(type: 0x6573_5546, fuseSubtype: { "fuse.sshfs" }) == "sshfs")
        #expect(FileSystemGuard.classify(type: 0x6573_5546, fuseSubtype: { "fuseblk" }) == nil)
    }

    @Test func aLocalFolderIsNotANetworkFilesystemEvenBeforeTheCatalogueExists() {
        #expect(FileSystemGuard.networkKind(of: dir.appendingPathComponent("not/yet/kho.sqlite").path) == nil)
        #expect(FileSystemGuard.fileSystemType(dir.path) != nil)
    }

    @Test func aReadOnlyCatalogueWithoutItsWALFilesOpensForReading() throws {
        // Given a catalogue closed cleanly (no -wal, no -shm) and made read-only
        let path = dir.appendingPathComponent("ro.sqlite").path
        try busyStore(path: path).writer.close()
        #expect(
            !FileManager.default.fileExists(atPath: path + "-wal")
                && !FileManager.default.fileExists(atPath: path + "-shm"))
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        // Then it reads, checks clean, backs up, and refuses writes
        let store = try KhoStore.open(path: path, forWriting: false)
        #expect(store.isReadOnly)
        #expect(try store.listBoxes().count == 7)
        #expect(try store.check().problems == [])
        #expect(try store.backup(to: dir.appendingPathComponent("copy.sqlite").path).boxes == 7)
        expectError(StoreError.readOnly(path: path)) { try KhoStore.open(path: path, forWriting: true) }
    }

    @Test func aCatalogueInAReadOnlyFolderOpensForReading() throws {
        // Given a catalogue seen through a read-only bind mount (root only; skipped where mount is not allowed)
        let source = dir.appendingPathComponent("src")
        let mounted = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: mounted, withIntermediateDirectories: true)
        try busyStore(path: source.appendingPathComponent("kho.sqlite").path).writer.close()
        guard shell("mount", "--bind", source.path, mounted.path) == 0 else { return }
        defer { _ = shell("umount", mounted.path) }
        guard shell("mount", "-o", "remount,ro,bind", mounted.path) == 0 else { return }
        let path = mounted.appendingPathComponent("kho.sqlite").path
        // Then it reads and checks clean, and a write is refused as read-only
        let store = try KhoStore.open(path: path, forWriting: false)
        #expect(try store.listBoxes().count == 7)
        #expect(try store.check().problems == [])
        expectError(StoreError.readOnly(path: path)) { try KhoStore.open(path: path, forWriting: true) }
    }

    @Test func eventIdsAreUniqueAndSortByTime() {
        // ULIDs: 48 bits of milliseconds, then 80 random bits, in Crockford base 32
        let start = Fixture.now
        let ids = (0..<2000).map { ULID.make(at: start.addingTimeInterval(Double($0) * 0.002)) }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        let sameMillisecond = (0..<10_000).map { _ in ULID.make(at: start) }
        #expect(Set(sameMillisecond).count == sameMillisecond.count)
        #expect(sameMillisecond.allSatisfy { $0.hasPrefix(String(ids[0].prefix(10))) })
    }

    private func shell(_ args: String...) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
