import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// `kho check` reports what SQLite's own integrity check finds, first, whether it ran beside the other checks on a
/// connection of its own (a catalogue on disk) or in the caller's (in memory).
@Suite struct CheckIntegrityTests {
    let folder = try! TemporaryDirectory()

    /// A catalogue on disk with one fonds and one box, closed again; its path.
    func catalogueWithABox() throws -> String {
        let path = folder.file("kho.sqlite")
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H1", fonds: "F"), by: Fixture.who())
        return path
    }

    @Test func aDamagedIndexIsReportedFirstAndTheOtherChecksStillRun() throws {
        let path = try catalogueWithABox()
        // Given an index whose entries no longer match its rows (its definition changed under it, as a damaged page
        // would leave it), which SQLite's integrity check finds and everyday queries do not stumble on
        do {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { db in
                let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
                try db.execute(sql: "PRAGMA writable_schema = ON")
                try db.execute(
                    sql:
                        "UPDATE sqlite_master SET sql = 'CREATE INDEX box_location ON box(code)' WHERE name = 'box_location'"
                )
                try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
                try db.execute(sql: "PRAGMA writable_schema = OFF")
            }
        }
        // When the catalogue is checked
        let report = try KhoStore.open(path: path, forWriting: false).check()
        // Then SQLite's finding comes first, and the catalogue's own checks ran too (the box was counted)
        #expect(report.problems.first?.code == "integrity")
        #expect(report.problems.first?.text.vi.contains("SQLite báo tệp hỏng") == true)
        #expect(report.boxes == 1)
    }

    @Test func aPageTheOtherChecksReadDamagedStillGivesSQLitesFindingsNotAnError() throws {
        let path = try catalogueWithABox()
        // Given the page of an index the checks read (masters by inode: SQLite counts masters through it) overwritten
        let (root, size): (Int, Int) = try {
            let queue = try DatabaseQueue(path: path)
            defer { try? queue.close() }
            try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            return try queue.read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'master_inode'") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                )
            }
        }()
        try #require(root > 1)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * size))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 16))
        try handle.close()
        // When the catalogue is checked, Then the report says what SQLite found and that the rest could not run
        let opened: KhoStore
        do { opened = try KhoStore.open(path: path, forWriting: false) } catch {
            Issue.record("open: \(error)")
            return
        }
        let report = try opened.check()
        #expect(report.problems.count >= 2)
        #expect(report.problems.allSatisfy { $0.code == "integrity" })
        #expect(report.problems.last?.text.vi.contains("kho restore") == true)
    }

    @Test func aSoundCatalogueInMemoryChecksClean() throws {
        let store = try KhoStore.inMemory()
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        #expect(try store.check().problems.filter { $0.code == "integrity" } == [])
    }
}
