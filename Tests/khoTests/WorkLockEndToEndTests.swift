import Foundation
import GRDB
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoKit

/// Work that cannot interleave (issue 21, item 4): commands that change what a code or a path means wait for no one
/// and refuse while an ingest, a build or a restore runs, naming who and since when; a build whose catalogue is
/// replaced under it stops without writing; `kho check` finds what such races used to leave behind.
@Suite(.tags(.endToEnd)) struct WorkLockEndToEndTests {
    /// A catalogue: fonds F, boxes H1 (files 01, 02) and H2 (empty), and Hoa's lock holder.
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["fonds", "add", "G", "--name", "Phông khác", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu"],
            ["box", "add", "H2", "--fonds", "F", "--by", "Thu"],
            ["file", "add", "H1/01", "--title", "Một", "--by", "Thu"],
            ["file", "add", "H1/02", "--title", "Hai", "--by", "Thu"],
        ] {
            let result = try kho.run(step)
            #expect(result.code == 0, "\(step): \(result.err)")
        }
        return kho
    }

    static let hoa = Attribution(actor: "Lê Thị Hoa", recorder: "hoa@kho-pc", happenedAt: Date(), recordedAt: Date())

    @Test func everyChangeOfCodesOrPathsIsRefusedWhileAnIngestHoldsTheCatalogue() throws {
        // Given a rename done before, and Hoa's ingest holding the catalogue's work lock (this test process holds it)
        let kho = try catalogue()
        #expect(try kho("box", "rename", "H2", "H3", "--by", "Thu").code == 0)
        let renamed = try #require(try kho.json("log", "--kind", "box.rename") as? [[String: Any]])
        let renameId = try #require(renamed.first?["id"] as? Int)
        let backup = kho.dir.appendingPathComponent("truoc.sqlite").path
        #expect(try kho("backup", backup).code == 0)
        let time = try LocalTime.configured()
        let lock = try #require(
            try CatalogueLock.acquire(catalogue: kho.db, activity: .ingest, by: Self.hoa, time: time))
        let held = try #require(CatalogueLock.holder(of: kho.db))
        let since = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(held.since))).suffix(5)
        let before = try fingerprint(kho.db)
        // When Thu renames, deletes, moves, restores or undoes the rename
        let attempts: [[String]] = [
            ["fonds", "rename", "F", "F9"], ["box", "rename", "H1", "H9"], ["file", "rename", "H1/01", "09"],
            ["file", "delete", "H1/02"], ["box", "delete", "H3"], ["fonds", "delete", "G"],
            ["file", "move", "H1/02", "--to", "H3"], ["box", "edit", "H3", "--fonds", "G"],
            ["undo", String(renameId)], ["restore", backup, "--force"],
        ]
        for args in attempts {
            let result = try kho.run(args + ["--by", "Thu"])
            // Then each is refused with exit code 1, naming who runs what since when, and changes nothing
            #expect(result.code == 1, "\(args): \(result.out) \(result.err)")
            #expect(
                result.err.contains("Lê Thị Hoa") && result.err.contains("đang nạp bản quét")
                    && result.err.contains("từ ") && result.err.contains(String(since)),
                "\(args): \(result.err)")
            #expect(result.err.contains("Thử lại sau"), "\(args): \(result.err)")
        }
        #expect(try fingerprint(kho.db) == before)
        // And once the ingest has finished, the same rename goes through
        lock.release()
        #expect(try kho("box", "rename", "H1", "H9", "--by", "Thu").code == 0)
        #expect(try kho("check").code == 0)
    }

    @Test func aShelfMoveOrAnEditThatChangesNoCodeIsNotHeldUp() throws {
        // Given Hoa's ingest holding the work lock
        let kho = try catalogue()
        let lock = try CatalogueLock.acquire(
            catalogue: kho.db, activity: .ingest, by: Self.hoa, time: try LocalTime.configured())
        defer { lock?.release() }
        // When Thu moves a box on the shelves and edits a title, then both are done
        #expect(try kho("box", "move", "H1", "--to", "A-1-1", "--by", "Thu").code == 0)
        #expect(try kho("file", "edit", "H1/01", "--title", "Một (sửa)", "--by", "Thu").code == 0)
    }

    @Test func checkFindsMastersAndCopiesLeftUnderOldCodesAndCopiesWithoutMasters() throws {
        // Given a catalogue in which, long ago, box H1 was renamed H9 during an ingest (its masters stayed recorded
        // under H1/01), fonds F was renamed F2 during a build (the copy stayed in folder F), and a build recorded a
        // copy of H1/02 into a catalogue restored under it (no master on record)
        let kho = try catalogue()
        let root = kho.dir.appendingPathComponent("scans").path
        try FileManager.default.createDirectory(atPath: root + "/H1/01", withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb], to: root + "/H1/01/0001.tif")
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        #expect(try kho("check").code == 0)
        let queue = try DatabaseQueue(path: kho.db)
        try queue.write { db in
            try db.execute(sql: "UPDATE box SET code = 'H9' WHERE code = 'H1'")
            try db.execute(sql: "UPDATE fonds SET code = 'F2' WHERE code = 'F'")
            try db.execute(
                sql: """
                    INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine, ocr_language,
                                          seconds, sources, built_at)
                    SELECT f.id, (SELECT MAX(id) FROM event), 'F.0002', '/kho/pdf/F/F.0002.pdf', 'ab', 1, 10, '2b', 't', 'vie', 1, '[]', 0
                    FROM file f WHERE f.code = '02'
                    """)
        }
        try queue.close()
        // When the archivist runs `kho check`
        let check = try kho("check", "--json")
        // Then it exits 1 and reports each of the three
        #expect(check.code == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
        let problems = try #require(report["problems"] as? [[String: Any]])
        let found = Dictionary(grouping: problems, by: { $0["code"] as? String ?? "" })
        #expect(found["master_folder"]?.first?["subject"] as? String == "file H9/01")
        #expect((found["master_folder"]?.first?["message"] as? String)?.contains("H1/01") == true)
        #expect(found["copy_fonds"]?.first?["subject"] as? String == "file H9/02")
        #expect((found["copy_fonds"]?.first?["message"] as? String)?.contains("F2") == true)
        #expect(found["copy_no_masters"]?.first?["subject"] as? String == "file H9/02")
    }
}
