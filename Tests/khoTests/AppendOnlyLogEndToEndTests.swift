import Foundation
import GRDB
import KhoTestSupport
import KhoTestTags
import Testing

/// The append-only log (issue 21, item 6): no event is ever changed or deleted, references to deleted rows stay
/// valid because their ids are never given out again, and registration times come from the log.
@Suite(.tags(.endToEnd)) struct AppendOnlyLogEndToEndTests {
    /// `date` as `--at` takes it, in the archive's time zone.
    static func at(_ date: Date) -> String {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        format.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return format.string(from: date)
    }

    /// A catalogue with fonds F and box H1 whose files 01–03 were imported ten days ago.
    func catalogue() throws -> Kho {
        let kho = Kho()
        let tenDaysAgo = Self.at(Date().addingTimeInterval(-10 * 86_400))
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu", "--at", tenDaysAgo],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu", "--at", tenDaysAgo],
            [
                "import", "files", kho.write("box,file,title\nH1,01,Một\nH1,02,Hai\nH1,03,Ba\n", to: "a.csv"),
                "--by", "Thu", "--at", tenDaysAgo,
            ],
        ] {
            let result = try kho.run(step)
            #expect(result.code == 0, "\(step): \(result.err)")
        }
        return kho
    }

    func ids(_ kho: Kho) throws -> [String: Int64] {
        let queue = try DatabaseQueue(path: kho.db)
        defer { try? queue.close() }
        return try queue.read { db in
            var ids: [String: Int64] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT b.code || '/' || f.code AS ref, f.id FROM file f JOIN box b ON b.id = f.box_id")
            {
                ids[row["ref"]] = row["id"]
            }
            return ids
        }
    }

    @Test func noStatementCanChangeOrDeleteAnEvent() throws {
        // Given a catalogue with events
        let kho = try catalogue()
        let queue = try DatabaseQueue(path: kho.db)
        defer { try? queue.close() }
        // When anything, even SQL typed by hand, tries to change or delete one
        for sql in [
            "UPDATE event SET actor = 'ai đó' WHERE id = 1", "DELETE FROM event WHERE id = 1", "DELETE FROM event",
        ] {
            // Then SQLite refuses, saying why
            do {
                try queue.write { db in try db.execute(sql: sql) }
                Issue.record("\(sql) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message?.contains("append-only") == true, "\(error)")
            }
        }
        #expect(try kho("check").code == 0)
    }

    @Test func aDeletedFileKeepsItsIdItsEventsNameItAndAFileAddedLaterIsDatedByItsOwnImport() throws {
        // Given files 01–03 imported ten days ago, H1/03 edited then deleted, and 04–05 imported two days ago (the issue's example)
        let kho = try catalogue()
        let deletedId = try #require(try ids(kho)["H1/03"])
        #expect(try kho("file", "edit", "H1/03", "--title", "Ba (sửa)", "--by", "Thu").code == 0)
        let delete = try kho("file", "delete", "H1/03", "--by", "Thu")
        #expect(delete.code == 0, "\(delete.err)")
        let twoDaysAgo = Self.at(Date().addingTimeInterval(-2 * 86_400))
        let imported = try kho(
            "import", "files", kho.write("box,file,title\nH1,04,Bốn\nH1,05,Năm\n", to: "b.csv"), "--by", "Thu", "--at",
            twoDaysAgo)
        #expect(imported.code == 0, "\(imported.err)")
        // Then no new file has the deleted file's id, and the events that named it still do
        let after = try ids(kho)
        #expect(after["H1/04"] != deletedId && after["H1/05"] != deletedId)
        #expect(try #require(after["H1/04"]) > deletedId)
        let log = try #require(try kho.json("log") as? [[String: Any]])
        let named = log.filter {
            ($0["changes"] as? [String])?.contains { $0.contains("H1/03 đã bị xóa sau đó") } == true
        }
        #expect(named.count == 1, "the edit of H1/03 no longer says H1/03 was deleted since")
        // And a master of H1/04 whose DateTime tag is five days old is not believed: H1/04 was registered two days ago
        let root = kho.dir.appendingPathComponent("scans").path
        try FileManager.default.createDirectory(atPath: root + "/H1/04", withIntermediateDirectories: true)
        let tagFormat = DateFormatter()
        tagFormat.locale = Locale(identifier: "en_US_POSIX")
        tagFormat.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        tagFormat.dateFormat = "yyyy:MM:dd HH:mm:ss"
        let fiveDaysAgo = tagFormat.string(from: Date().addingTimeInterval(-5 * 86_400))
        try FixtureWriter.write([FixturePage(dateTime: fiveDaysAgo)], to: root + "/H1/04/0001.tif")
        let ingest = try kho("scan", "ingest", root, "--by", "Hoa", "--json")
        #expect(ingest.code == 0, "\(ingest.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(ingest.out.utf8)) as? [String: Any])
        let reasons = try #require(summary["implausible_reasons"] as? [String: Any])
        #expect(reasons["before_registration"] as? Int == 1, "\(summary)")
        // And undoing the delete brings H1/03 back under its own id
        let deleted = try #require(try kho.json("log", "--kind", "file.delete") as? [[String: Any]])
        let deleteId = try #require(deleted.first?["id"] as? Int)
        let undo = try kho("undo", String(deleteId), "--by", "Thu")
        #expect(undo.code == 0, "\(undo.err)")
        #expect(try ids(kho)["H1/03"] == deletedId)
        #expect(try kho("check").code == 0)
    }

    @Test func aBoxDeletedAndImportedAgainNeverTakesTheOldIdAndTheBackupRestoresWhole() throws {
        // Given box H2 added then deleted (it had the highest box id), and H3 added after
        let kho = try catalogue()
        #expect(try kho("box", "add", "H2", "--fonds", "F", "--by", "Thu").code == 0)
        func boxId(_ code: String) throws -> Int64? {
            let queue = try DatabaseQueue(path: kho.db)
            defer { try? queue.close() }
            return try queue.read { db in
                try Int64.fetchOne(db, sql: "SELECT id FROM box WHERE code = ?", arguments: [code])
            }
        }
        let h2 = try #require(try boxId("H2"))
        #expect(try kho("box", "delete", "H2", "--by", "Thu").code == 0)
        #expect(try kho("box", "add", "H3", "--fonds", "F", "--by", "Thu").code == 0)
        // Then H3 does not take H2's id, which the log's events about H2 still name
        let h3 = try #require(try boxId("H3"))
        #expect(h3 > h2)
        // And a backup restores to a catalogue that checks clean and goes on numbering above it
        let backup = kho.dir.appendingPathComponent("b.sqlite").path
        #expect(try kho("backup", backup).code == 0)
        #expect(try kho("box", "add", "H4", "--fonds", "F", "--by", "Thu").code == 0)
        let restore = try kho("restore", backup, "--force", "--by", "Thu")
        #expect(restore.code == 0, "\(restore.err)")
        #expect(try kho("check").code == 0)
        #expect(try kho("box", "add", "H5", "--fonds", "F", "--by", "Thu").code == 0)
        #expect(try #require(try boxId("H5")) > h3)
    }
}
