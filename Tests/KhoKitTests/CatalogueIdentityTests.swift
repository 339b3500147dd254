import Foundation
import GRDB
import KhoTestSupport
import Synchronization
import Testing

@testable import KhoKit

/// A long task writes only into the catalogue it started on (issue 21, item 4).
@Suite(.timeLimit(.minutes(20))) struct CatalogueIdentityTests {
    let folder = try! TemporaryDirectory()
    var live: String { folder.file("kho.sqlite") }

    /// Whether `body` was run, for a progress callback that must act once.
    final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func first() -> Bool {
            lock.withLock {
                defer { done = true }
                return !done
            }
        }
    }

    @Test func anIngestWhoseCatalogueIsPutBackFromAnOlderCopyStopsWithoutWritingIntoIt() throws {
        // Given 1,080 masters (seven batches of the ingest), and a backup of the catalogue before any ingest
        let (store, root) = try IngestTransactionTests.catalogueWith1080Masters(in: folder, at: live)
        let backup = folder.file("truoc.sqlite")
        _ = try store.backup(to: backup)
        // When, after the first batch is written, the catalogue is put back from that copy by SQLite's backup API
        let once = Once()
        let put = backup
        let target = live
        #expect(throws: StoreError.catalogueReplaced(path: store.path, task: KhoStore.ingestTask)) {
            try store.ingest(
                root: root, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now,
                transaction: .perBatch
            ) { _ in
                guard once.first() else { return }
                do {
                    let source = try DatabaseQueue(path: put)
                    try source.backup(to: try DatabaseQueue(path: target))
                } catch {
                    Issue.record("could not put the copy back: \(error)")
                }
            }
        }
        // Then the catalogue put back holds no ingest at all: no later batch was written into it
        let events = try store.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM event WHERE kind = 'scan.ingest'")
        }
        #expect(events == 0)
        #expect(try store.check().problems == [])
    }

    @Test func aFixityCheckWhoseCatalogueIsRestoredUnderItWritesNothingIntoIt() throws {
        // Given 1,080 ingested masters and a backup of the catalogue taken after the ingest
        let (store, root) = try IngestTransactionTests.catalogueWith1080Masters(in: folder, at: live)
        _ = try store.ingest(root: root, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
        let backup = folder.file("sau-khi-nap.sqlite")
        _ = try store.backup(to: backup)
        // When the catalogue is restored from it while `kho scan verify` hashes the masters (after its first 256)
        let once = Once()
        #expect(throws: StoreError.catalogueReplaced(path: store.path, task: KhoStore.verifyTask)) {
            try store.verify(by: Fixture.who("Thu"), lang: .vi, now: Fixture.now) { _ in
                guard once.first() else { return }
                do {
                    _ = try store.restore(from: backup, replacing: true, by: Fixture.who("Thu"))
                } catch {
                    Issue.record("could not restore: \(error)")
                }
            }
        }
        // Then the restored catalogue says no master was checked, and holds no check
        let (checked, events) = try store.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master WHERE verified_at IS NOT NULL"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'scan.verify'")
            )
        }
        #expect(checked == 0)
        #expect(events == 0)
    }

    @Test func aRestoreRenewsTheGenerationSoATaskStartedBeforeItWouldStop() throws {
        // Given a catalogue and its identity taken by a long task
        let store = try KhoStore.open(path: live, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        let backup = folder.file("b.sqlite")
        _ = try store.backup(to: backup)
        try store.addFonds(code: "G", name: "Phông khác", by: Fixture.who())
        let identity = try store.watchCatalogue()
        #expect(try store.stillHolds(identity))
        // When the catalogue is restored (same file, same inode)
        _ = try store.restore(from: backup, replacing: true, by: Fixture.who("Thu"))
        // Then it is not the one the task started on, and the task's next write is refused and changes nothing
        #expect(try !store.stillHolds(identity))
        #expect(throws: StoreError.self) {
            try store.write(still: identity, task: KhoStore.ingestTask) { db in
                try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('x', 'y')")
            }
        }
        #expect(try store.read { try String.fetchOne($0, sql: "SELECT value FROM setting WHERE key = 'x'") } == nil)
    }
}

/// An ingest gathers its batches into few write transactions (issue 23: index pages written once, not per batch), and
/// says how far it got after each.
@Suite struct IngestTransactionTests {
    let folder = try! TemporaryDirectory()

    /// 120 files of 9 masters each under `folder`/scans: seven batches of an ingest (72, 135, 261, 306, 153, 81 and 72 masters).
    static func catalogueWith1080Masters(in folder: TemporaryDirectory, at path: String) throws -> (KhoStore, String) {
        let root = folder.file("scans")
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        for f in 0..<120 {
            let (box, file) = ("H\(f / 10)", String(format: "%02d", f % 10))
            if f % 10 == 0 { try store.registerBox(BoxDraft(code: box, fonds: "F"), by: Fixture.who()) }
            try store.registerFile(
                FileDraft(ref: FileRef(box: box, file: file), title: "Hồ sơ \(f)"), by: Fixture.who())
            try FileManager.default.createDirectory(atPath: "\(root)/\(box)/\(file)", withIntermediateDirectories: true)
            for p in 1...9 {
                try FixtureWriter.write([.rgb], to: String(format: "%@/%@/%@/%04d.tif", root, box, file, p))
            }
        }
        return (store, root)
    }

    @Test(arguments: [
        (IngestTransaction.perBatch, [72, 207, 468, 774, 927, 1008, 1080]),
        (IngestTransaction(seconds: 3600, masters: 100_000), [1080]),
    ])
    func progressIsSaidAfterEachTransaction(transaction: IngestTransaction, said: [Int]) throws {
        let (store, root) = try Self.catalogueWith1080Masters(in: folder, at: folder.file("kho.sqlite"))
        let seen = Mutex<[Int]>([])
        let summary = try store.ingest(
            root: root, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now, transaction: transaction
        ) { progress in seen.withLock { $0.append(progress.done) } }
        #expect(summary.new == 1080)
        #expect(seen.withLock { $0 } == said)
    }

    /// The database waits for the first batch alone and writes the last one alone: both are small, the batches
    /// between double up to their full size and then halve what is left, always holding whole catalogue files.
    @Test func batchesStartSmallAndDoubleUpToTheChunkKeepingFilesWhole() {
        let files = Array(repeating: 25, count: 200)  // 5,000 masters in files of 25
        let batches = KhoStore.batches(of: files, masters: { $0 }, first: 64, chunk: 1024)
        #expect(
            batches.map { $0.reduce(0, +) } == [75, 150, 275, 525, 1025, 1025, 975, 475, 250, 125, 75, 25])
        #expect(KhoStore.batches(of: [Int](), masters: { $0 }).map(\.count) == [0])
        // A file larger than a batch is never split
        #expect(KhoStore.batches(of: [3000, 1], masters: { $0 }).map { $0.reduce(0, +) } == [3000, 1])
    }
}
