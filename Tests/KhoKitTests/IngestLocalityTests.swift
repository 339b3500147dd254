import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// A day's masters go at the end of the master table's indexes, not one to a page all over them: written into a
/// catalogue of 20,000 masters of every size, they change not much more pages than in an empty one (an index keyed by
/// size or bytes per page dirtied a page of its own per master, 55 ms of an ingest of 3,000 into 500,000).
struct IngestLocalityTests {
    /// The pages SQLite writes to the log for `count` new masters of sizes spread as a day's are, written after
    /// `before` masters of every size.
    private static func pagesWritten(newMasters count: Int, after before: Int) throws -> Int32 {
        let folder = try TemporaryDirectory()
        let store = try KhoStore.open(path: folder.file("kho.sqlite"), forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H1", fonds: "F"), by: Fixture.who())
        let file = try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Hồ sơ"), by: Fixture.who())
        func insert(_ db: Database, _ range: Range<Int>) throws {
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns,
                                        sha256, pages, readable, profile, ingested_at)
                    VALUES (?, ?, '/scans', ?, ?, 1, ?, ?, 0, 0, ?, 1, 1, 'vn2025', 0)
                    """)
            for i in range {
                let rel = String(format: "H1/01/%07d.tif", i)
                // Sizes of every master spread over the same range, in no order (as scans of different pages are).
                let size = 20_000 + (i * 7_919) % 40_000
                try statement.execute(arguments: [
                    file.id, rel, "/scans/" + rel, rel, i, size, String(format: "%064x", i),
                ])
            }
        }
        return try store.writer.writeWithoutTransaction { db in
            try db.inTransaction {
                try insert(db, 0..<before)
                return .commit
            }
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            try db.inTransaction {
                try insert(db, before..<(before + count))
                return .commit
            }
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return row?[1] ?? -1
        }
    }

    @Test func aDaysMastersChangeAboutAsManyPagesInAFullCatalogueAsInAnEmptyOne() throws {
        let empty = try Self.pagesWritten(newMasters: 400, after: 0)
        let full = try Self.pagesWritten(newMasters: 400, after: 20_000)
        #expect(empty > 0)
        // The deeper trees of the full catalogue add their upper pages (70 against 45 here); keyed by size, 249.
        #expect(full <= 2 * empty, "\(full) pages written after 20,000 masters, \(empty) after none")
    }
}
