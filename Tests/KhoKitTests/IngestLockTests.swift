import Foundation
import GRDB
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// Only one ingest (or restore) runs on a catalogue at a time; a second is told who is ingesting since when.
@Suite(.timeLimit(.minutes(20))) struct IngestLockTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }
    var live: String { dir.appendingPathComponent("kho.sqlite").path }
    var root: String { dir.appendingPathComponent("scans").path }

    /// A catalogue at `live` with `files` files in boxes H0, H1…, each with `pages` masters under `root`.
    func catalogue(files: Int, pages: Int = 1) throws -> KhoStore {
        let store = try KhoStore.open(path: live, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        for f in 0..<files {
            let box = "H\(f / 10)"
            if f % 10 == 0 { try store.registerBox(BoxDraft(code: box, fonds: "F"), by: Fixture.who()) }
            let file = String(format: "%02d", f % 10)
            try store.registerFile(
                FileDraft(ref: FileRef(box: box, file: file), title: "Hồ sơ \(f)", sheets: "\(pages)"),
                by: Fixture.who())
            let folder = "\(root)/\(box)/\(file)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for p in 1...pages { try FixtureWriter.write([.rgb], to: String(format: "%@/%04d.tif", folder, p)) }
        }
        return store
    }

    func ingestEvents(_ store: KhoStore) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event WHERE kind = 'scan.ingest'") ?? 0 }
    }

    @Test func twoIngestsAtOnceRecordEachFileOnce() throws {
        // Given 60 catalogue files of 3 masters each
        try catalogue(files: 60, pages: 3).writer.close()
        // When two threads, each with its own connection, ingest them at the same moment
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            do {
                let store = try KhoStore.open(path: live, forWriting: true)
                let summary = try store.ingest(
                    root: root, profile: .vn2025, by: Fixture.who(i == 0 ? "Hoa" : "Thu"), lang: .vi, now: Fixture.now)
                outcomes.add("records \(summary.records)")
            } catch let error as LockError {
                if case .held(_, .ingest, let person, _, let pid, _) = error, ["Hoa", "Thu"].contains(person),
                    pid == getpid()
                {
                    outcomes.add("held")
                } else {
                    outcomes.add("other lock error: \(error)")
                }
            } catch {
                outcomes.add("error: \(error)")
            }
        }
        // Then each file has exactly one ingest event (not 120), and the other run either waited its turn and found
        // nothing new, or was told who is ingesting
        let store = try KhoStore.open(path: live, forWriting: false)
        #expect(try ingestEvents(store) == 60)
        #expect(
            outcomes.all.sorted() == ["held", "records 60"] || outcomes.all.sorted() == ["records 0", "records 60"],
            "\(outcomes.all)")
        #expect(try store.check().problems == [])
    }

    @Test func anIngestWhileAnotherRunsSaysWhoAndSinceWhenAndChangesNothing() throws {
        // Given Hoa's ingest holding the catalogue (taken at a known time)
        try catalogue(files: 3).writer.close()
        let before = try fingerprint(live)
        let hoa = Fixture.who("Lê Thị Hoa")
        let held = try #require(
            try CatalogueLock.acquire(catalogue: live, activity: .ingest, by: hoa, time: Fixture.time))
        let takenAt = Fixture.time.dateTime(of: Date())
        // When Thu starts an ingest
        let store = try KhoStore.open(path: live, forWriting: true)
        var refused: LockError?
        do {
            _ = try store.ingest(root: root, profile: .vn2025, by: Fixture.who("Thu"), lang: .vi, now: Fixture.now)
        } catch let
            error as LockError
        { refused = error }
        // Then she is told who is ingesting, from which process, since when; nothing was recorded
        guard case .held(let catalogue, .ingest, "Lê Thị Hoa", let recorder, getpid(), let since)? = refused else {
            Issue.record("expected Hoa's lock, got \(String(describing: refused))")
            return
        }
        #expect(catalogue == live && recorder == hoa.recorder)
        #expect(since == takenAt || since == Fixture.time.dateTime(of: Date()))
        #expect(refused?.text.vi.contains("Lê Thị Hoa") == true && refused?.text.en.contains("since \(since)") == true)
        #expect(CatalogueLock.holder(of: live)?.person == "Lê Thị Hoa")
        try store.writer.close()
        #expect(try fingerprint(live) == before)
        // And when Hoa's ingest ends, Thu's runs
        held.release()
        #expect(CatalogueLock.holder(of: live) == nil)
        let again = try KhoStore.open(path: live, forWriting: true)
        #expect(
            try again.ingest(root: root, profile: .vn2025, by: Fixture.who("Thu"), lang: .vi, now: Fixture.now).records
                == 3)
    }

    @Test func aDeadHoldersLockFileDoesNotBlock() throws {
        // Given the lock file of an ingest whose process died (what it wrote is still there)
        let store = try catalogue(files: 2)
        let dead = LockHolder(activity: .ingest, person: "Hoa", recorder: "hoa@pc", pid: 999_999, since: 1_700_000_000)
        try JSONEncoder().encode(dead).write(to: URL(fileURLWithPath: live + ".lock"))
        #expect(CatalogueLock.holder(of: live) == nil)
        // Then the next ingest runs at once
        #expect(
            try store.ingest(root: root, profile: .vn2025, by: Fixture.who("Thu"), lang: .vi, now: Fixture.now).records
                == 2)
        #expect(try ingestEvents(store) == 2)
    }

    @Test func aRestoreDuringAnIngestIsRefusedAndLeavesTheCatalogueAsItWas() throws {
        // Given a backup, and an ingest running on the live catalogue
        let store = try catalogue(files: 2)
        let backup = try store.backup(to: dir.appendingPathComponent("b.sqlite").path)
        try store.writer.close()
        let before = try fingerprint(live)
        let held = try #require(
            try CatalogueLock.acquire(catalogue: live, activity: .ingest, by: Fixture.who("Hoa"), time: Fixture.time))
        // When someone restores meanwhile
        let reopened = try KhoStore.open(path: live, forWriting: true)
        #expect(throws: LockError.self) {
            try reopened.restore(from: backup.path, replacing: true, by: Fixture.who("Thu"))
        }
        try reopened.writer.close()
        // Then it is refused and the live catalogue is byte for byte what it was
        #expect(try fingerprint(live) == before)
        held.release()
    }

    @Test func twoSpellingsOfOneCatalogueShareOneLock() throws {
        // Given a catalogue reached through a symbolic link too
        try catalogue(files: 1).writer.close()
        let link = dir.appendingPathComponent("link.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: live)
        let held = try #require(
            try CatalogueLock.acquire(catalogue: live, activity: .ingest, by: Fixture.who("Hoa"), time: Fixture.time))
        defer { held.release() }
        // Then an ingest through the link is refused too
        let store = try KhoStore.open(path: link, forWriting: true)
        #expect(throws: LockError.self) {
            try store.ingest(root: root, profile: .vn2025, by: Fixture.who("Thu"), lang: .vi, now: Fixture.now)
        }
    }
}

/// Outcomes collected from several threads.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
