import Foundation
import GRDB
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoKit

@Suite struct StoreTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    @Test func createsTheCatalogueInWALMode() throws {
        let path = dir.appendingPathComponent("sub/kho.sqlite").path
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.addFonds(code: "F", name: "n", by: Fixture.who())
        let mode = try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let fk = try store.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(fk == 1)
    }

    @Test func aMissingCatalogueIsNotCreatedForReading() {
        let path = dir.appendingPathComponent("none.sqlite").path
        expectError(StoreError.missing(path: path)) { try KhoStore.open(path: path, forWriting: false, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftAlone() throws {
        let path = Fixture.write("box,fonds\nH1,F\n", to: "boxes.csv", in: dir)
        expectError(StoreError.notSQLite(path: path)) { try KhoStore.open(path: path, forWriting: true) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "box,fonds\nH1,F\n")
    }

    @Test func aReadOnlyCatalogueIsRefusedForWritingButReadable() throws {
        let path = dir.appendingPathComponent("ro.sqlite").path
        try KhoStore.open(path: path, forWriting: true).addFonds(code: "F", name: "n", by: Fixture.who())
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        expectError(StoreError.readOnly(path: path)) { try KhoStore.open(path: path, forWriting: true) }
        let store = try KhoStore.open(path: path, forWriting: false)
        #expect(try store.listFonds().map(\.code) == ["F"])
        expectError(StoreError.readOnly(path: path)) { try store.addFonds(code: "G", name: "n", by: Fixture.who()) }
    }

    @Test func aCatalogueFromANewerKhoIsRefused() throws {
        let path = dir.appendingPathComponent("new.sqlite").path
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.writer.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
        expectError(StoreError.newerSchema(path: path, unknown: ["v99-future"])) {
            try KhoStore.open(path: path, forWriting: true)
        }
        expectError(StoreError.newerSchema(path: path, unknown: ["v99-future"])) {
            try KhoStore.open(path: path, forWriting: false)
        }
    }

    @Test func manyThreadsOpeningANewCatalogueAtOnceAllSucceed() async throws {
        let path = dir.appendingPathComponent("race.sqlite").path
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    let store = try KhoStore.open(path: path, forWriting: true)
                    try store.addFonds(code: "F\(i)", name: "n", by: Fixture.who())
                }
            }
            try await group.waitForAll()
        }
        #expect(try KhoStore.open(path: path, forWriting: false).listFonds().count == 8)
    }

    @Test func logFilters() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1"), by: Fixture.registrar)
        try store.finishArrangement(of: ["B1"], by: Fixture.who("Minh", at: "2026-10-01T08:00"))
        try store.finishArrangement(of: ["B2"], by: Fixture.who("Thu", at: "2026-11-01T08:00"))
        // (finishing a box never started records its start too, at the same time)
        #expect(try store.events(LogFilter(person: "Minh"), lang: .vi).map(\.box) == ["B1", "B1"])
        #expect(
            try store.events(LogFilter(box: "B2"), lang: .vi).map(\.kind) == ["box.add", "sort.start", "sort.finish"])
        #expect(try store.events(LogFilter(kind: "sort"), lang: .vi).count == 4)
        #expect(
            try store.events(LogFilter(from: "2026-10-15", to: "2026-11-15"), lang: .vi).map(\.box) == ["B2", "B2"])
        #expect(try store.events(LogFilter(limit: 1), lang: .vi).map(\.box) == ["B2"])
        expectError(LogError.badKind("nope")) { try store.events(LogFilter(kind: "nope"), lang: .vi) }
        expectError(LogError.badDay("1/10/2026")) { try store.events(LogFilter(from: "1/10/2026"), lang: .vi) }
    }

    @Test func everyEventHasAUniqueSortableId() throws {
        let store = try Fixture.store()
        for i in 0..<50 { try store.registerBox(BoxDraft(code: "B\(i)", fonds: "UBND-SK1"), by: Fixture.who()) }
        let uids = try store.events(lang: .vi).map(\.uid)
        #expect(Set(uids).count == uids.count)
        #expect(uids.allSatisfy { $0.count == 26 })
    }
}

@Suite struct EventDetailTests {
    @Test func handWrittenJSONReadsBackExactly() {
        let detail = EventDetail(
            before: ["location": "A-1", "notes": nil, "title": "Hồ sơ \"đất\"\n2"], after: ["location": "B\\2"],
            source: "tệp.csv", count: 3, note: "x")
        #expect(EventDetail(json: detail.json) == detail)
        #expect(EventDetail().json == "{}")
        #expect(EventDetail(json: EventDetail(count: 0).json) == EventDetail(count: 0))
    }
    @Test func aBuiltCopySaysItsPagesOnceWithTheirUnit() throws {
        let store = try Fixture.store()
        // Given a copy's build, recorded as kho pdf build records it (its pages, its bytes, the pages again as count)
        try store.writing { tx in
            var event = Event(kind: .pdfBuild, attribution: Fixture.who(), time: store.time)
            event.pages = 122
            event.bytes = 2_000_000
            event.detail = EventDetail(count: 122, note: "/x.pdf").json
            try tx.events.append(&event)
        }
        // Then the log says "122 trang, 2 MB", not "122, 122 trang, 2 MB"
        let logged = try #require(try store.events(lang: .vi).last)
        #expect(logged.quantity == "122 trang, 2 MB")
    }
}

/// Opening waits for another process opening the same catalogue, but never for ever (a process stopped or hung while
/// it opens must not hang every other one behind it).
@Suite(.tags(.slow)) struct OpenLockTests {
    @Test func anOpenHeldUpLongerThanTheBusyTimeoutSaysTheCatalogueIsBusy() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("kho.sqlite")
        _ = try KhoStore.open(path: path, forWriting: true)
        // Given another opener holding the catalogue's open lock and never letting go
        let fd = open(path + ".lock", O_RDWR | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        // When kho opens the catalogue, it waits as long as for a busy catalogue, then says it is busy
        let started = Date()
        #expect(throws: StoreError.busy(path: path)) { try KhoStore.open(path: path, forWriting: false) }
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= KhoStore.busyTimeout - 0.5 && waited < KhoStore.busyTimeout + 10, "waited \(waited) s")
        // And once the other opener lets go, the catalogue opens
        flock(fd, LOCK_UN)
        _ = try KhoStore.open(path: path, forWriting: true)
    }

    @Test func anOpenThroughALinkWaitsForTheSameCatalogue() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("real/kho.sqlite")
        _ = try KhoStore.open(path: path, forWriting: true)
        // Given the catalogue reached by another spelling: a link to the file (where a lock file named from the path
        // as given would be another file)
        try FileManager.default.createSymbolicLink(atPath: folder.file("kho-link.sqlite"), withDestinationPath: path)
        // And another opener holding the open lock of the catalogue as reached by its real path
        let fd = open(path + ".lock", O_RDWR | O_CLOEXEC)
        try #require(fd >= 0)
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        // When kho opens it through the link, it waits for that opener too, and says the catalogue is busy
        let link = folder.file("kho-link.sqlite")
        #expect(throws: StoreError.busy(path: link)) { try KhoStore.open(path: link, forWriting: true) }
        // And no second lock file was made beside a link
        #expect(!FileManager.default.fileExists(atPath: folder.file("kho-link.sqlite.lock")))
        flock(fd, LOCK_UN)
        _ = try KhoStore.open(path: link, forWriting: true)
    }
}
