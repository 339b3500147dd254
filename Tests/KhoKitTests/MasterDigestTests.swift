import Foundation
import GRDB
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// The duplicate check finds a master's image among the merged and the recent digests alike, and the digests follow
/// every write of a master (the ingest writes a new master's, triggers follow a change or a deletion), so a merge, a
/// rescan or a deletion never hides or invents a duplicate.
@Suite struct MasterDigestTests {
    let scans = try! TemporaryDirectory()

    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        for file in ["01", "02", "03"] {
            try store.registerFile(
                FileDraft(ref: FileRef(box: "H1", file: file), title: "hồ sơ \(file)"), by: Fixture.who())
        }
        return store
    }

    func master(_ rel: String, _ pages: [FixturePage]) throws {
        let path = scans.file(rel)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write(pages, to: path)
    }

    func ingest(_ store: KhoStore) throws -> IngestSummary {
        try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
    }

    func digests(_ store: KhoStore) throws -> (merged: Int, recent: Int, masters: Int) {
        try store.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master_digest WHERE merged = 1") ?? -1,
                try ScanStore(db: db).recentDigests(),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master WHERE sha256 IS NOT NULL") ?? -1
            )
        }
    }

    @Test func aDuplicateIsFoundWhetherTheFirstCopyIsMergedOrRecent() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb])
        _ = try ingest(store)
        #expect(try digests(store) == (0, 1, 1))
        // The same image again in another file, while the first one's digest is recent
        try master("H1/02/0001.tif", [.rgb])
        let recent = try ingest(store)
        #expect(recent.problems.map(\.code) == ["duplicate"])
        // Merged: the digests move into the big index, and a third copy is still found
        try store.writing { tx in try tx.scan.mergeDigests() }
        #expect(try digests(store) == (2, 0, 2))
        try master("H1/03/0001.tif", [.rgb])
        let merged = try ingest(store)
        #expect(merged.problems.map(\.code) == ["duplicate"])
        #expect(merged.problems.first?.message.contains("H1/01/0001.tif") == true)
        // A different image is no duplicate of any
        try master("H1/03/0002.tif", [.gray8])
        #expect(try ingest(store).problems.filter { $0.code == "duplicate" } == [])
    }

    @Test func theDigestsFollowEveryWriteOfAMaster() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb])
        _ = try ingest(store)
        try store.writing { tx in try tx.scan.mergeDigests() }
        // A new reference digest (as accepting a changed master writes it): the old digest leaves the big index, the
        // new one is recent
        let other = String(repeating: "ab", count: 32)
        try store.write { db in try db.execute(sql: "UPDATE master SET sha256 = ?", arguments: [other]) }
        #expect(try digests(store) == (0, 1, 1))
        let prefix = try store.read { db in try String.fetchOne(db, sql: "SELECT prefix FROM master_digest") }
        #expect(prefix == String(other.prefix(12)))
        // The same digest written again changes nothing (the trigger fires only on a new value)
        try store.writing { tx in try tx.scan.mergeDigests() }
        try store.write { db in try db.execute(sql: "UPDATE master SET sha256 = ?", arguments: [other]) }
        #expect(try digests(store) == (1, 0, 1))
        // A master's row deleted (as a deleted file's are): its digest goes with it
        try store.write { db in try db.execute(sql: "DELETE FROM master_hash; DELETE FROM master") }
        #expect(try digests(store) == (0, 0, 0))
    }

    @Test func anIngestMergesWhenItLeavesMoreRecentDigestsThanTheLimit() throws {
        let store = try catalogue()
        // Given more recent digests than the limit (rows as an ingest makes them)
        try store.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= \(MasterDigests.mergeAt))
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns,
                                        sha256, pages, readable, profile, problems, problem_count, metadata, scanned_at,
                                        ingested_at, missing)
                    SELECT (SELECT MIN(id) FROM file), 'X/' || i, '/elsewhere', '/elsewhere/X/' || i, i || '.tif', 1, i,
                           100, 0, 0, lower(hex(randomblob(32))), 1, 1, 'vn-2025', '[]', 0, '{}', 0, 0, 0 FROM n
                    """)
            try db.execute(
                sql: "INSERT INTO master_digest (master_id, prefix) SELECT id, substr(sha256, 1, 12) FROM master")
        }
        #expect(try digests(store).recent == MasterDigests.mergeAt + 1)
        // When an ingest runs
        try master("H1/01/0001.tif", [.rgb])
        _ = try ingest(store)
        // Then every digest is merged
        #expect(try digests(store) == (MasterDigests.mergeAt + 2, 0, MasterDigests.mergeAt + 2))
    }
}

extension MasterDigestTests {
    @Test func checkFindsADigestThatNoLongerMatchesItsMaster() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb])
        _ = try ingest(store)
        #expect(try store.check().problems.filter { $0.code == "digest" } == [])
        // Given a digest changed by hand (no trigger fires on master_digest itself)
        try store.write { db in try db.execute(sql: "UPDATE master_digest SET prefix = '000000000000'") }
        let problems = try store.check().problems.filter { $0.code == "digest" }
        #expect(problems.map(\.subject) == ["H1/01/0001.tif"])
    }
}

extension MasterDigestTests {
    @Test func aRescanThatReplacesAFailedMasterReplacesItsDigest() throws {
        let store = try catalogue()
        // Given a master that failed its checks (150 dpi), merged
        try master("H1/01/0001.tif", [FixturePage(xResolution: 150, yResolution: 150)])
        _ = try ingest(store)
        try store.writing { tx in try tx.scan.mergeDigests() }
        // When it is scanned again (another image at the same path: the ingest's upsert writes the new reference)
        try master("H1/01/0001.tif", [.rgb])
        _ = try ingest(store)
        // Then its digest is the new one's, among the recent ones, and the check agrees
        #expect(try digests(store) == (0, 1, 1))
        let agrees = try store.read { db in
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM master m JOIN master_digest d ON d.master_id = m.id AND d.prefix = substr(m.sha256, 1, 12)"
            )
        }
        #expect(agrees == 1)
        #expect(try store.check().problems.filter { $0.code == "digest" } == [])
    }
}

extension MasterDigestTests {
    @Test func anIngestWritesEveryNewMastersDigestWithoutATriggerOnInsert() throws {
        let store = try catalogue()
        // Given masters in two files, one of them no TIFF (its bytes are hashed all the same)
        try master("H1/01/0001.tif", [.rgb])
        try master("H1/01/0002.tif", [.gray8])
        try master("H1/02/0001.tif", [.rgb, .gray8])
        try Data("not a TIFF".utf8).write(to: URL(fileURLWithPath: scans.file("H1/02/0002.tif")))
        // When they are ingested
        _ = try ingest(store)
        // Then each has its digest, the one `kho check` expects, and no trigger on insert writes it (a statement
        // journal for every master: migration v18)
        #expect(try digests(store) == (0, 4, 4))
        #expect(try store.check().problems.filter { $0.code == "digest" } == [])
        let triggers = try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'master'")
        }
        #expect(triggers.sorted() == ["master_digest_delete", "master_digest_update"])
    }
}
