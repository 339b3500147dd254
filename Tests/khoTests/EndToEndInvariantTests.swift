import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

/// The dates-and-invariants rules as a person meets them: refused commands, what `sort finish` says, `kho check`.
@Suite(.tags(.endToEnd)) struct EndToEndInvariantTests {
    /// A catalogue with fonds F, bundle B1 (0.5 m), box H1 holding file H1/01, and an empty box H2.
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "F", "--extent", "0,5", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu"],
            ["box", "add", "H2", "--fonds", "F", "--by", "Thu"],
            ["file", "add", "H1/01", "--title", "Sổ", "--by", "Thu"],
        ] {
            // Registered well before the work the tests back-fill (never dated before its box was registered).
            let r = try kho.run(step + (step.prefix(2) == ["box", "add"] ? ["--at", "2025-06-01T08:00"] : []))
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func aFinishBeforeItsStartIsRefusedWithBothTimes() throws {
        // Given B1 started on 15 Jan 2026 at 08:00
        let kho = try catalogue()
        #expect(try kho("sort", "start", "B1", "--at", "2026-01-15T08:00", "--by", "Thu").code == 0)
        let before = try kho.snapshot()
        // When its finish is back-filled to 10 Jan
        let r = try kho("sort", "finish", "B1", "--at", "2026-01-10T16:00", "--by", "Minh", env: ["KHO_LANG": "en"])
        // Then it fails, naming both times, and the catalogue is unchanged
        #expect(r.code != 0)
        #expect(r.err.contains("2026-01-10 16:00") && r.err.contains("2026-01-15 08:00"), "\(r.err)")
        #expect(r.err.contains("earlier than its start"), "\(r.err)")
        #expect(try kho.snapshot() == before)
    }

    @Test func finishingABoxNeverStartedRecordsItsStartAndSaysSo() throws {
        let kho = try catalogue()
        let r = try kho(
            "sort", "finish", "B1", "--kept", "0,4", "--at", "2026-02-03T10:15", "--by", "Minh", env: ["KHO_LANG": "en"]
        )
        #expect(r.code == 0, "\(r.err)")
        #expect(
            r.out.contains("Box B1 had not been started: its start is recorded at the same time as the finish"),
            "\(r.out)")
        #expect(r.out.contains("kept 0.4 of 0.5 m"), "\(r.out)")
        let log = try #require(try kho.json("log", "--box", "B1") as? [[String: Any]])
        #expect(log.map { $0["kind"] as? String } == ["box.add", "sort.start", "sort.finish"])
        #expect(log[1]["happened_at"] as? String == "2026-02-03 10:15")
        #expect(log[2]["happened_at"] as? String == "2026-02-03 10:15")
        #expect(try kho("check").code == 0)
    }

    @Test func anOpeningBalanceIsFinishedWithoutAStart() throws {
        let kho = try catalogue()
        let r = try kho(
            "sort", "finish", "B1", "--opening", "--at", "2025-06-30", "--by", "Thu", env: ["KHO_LANG": "en"])
        #expect(r.code == 0, "\(r.err)")
        #expect(!r.out.contains("had not been started"), "\(r.out)")
        let log = try #require(try kho.json("log", "--box", "B1") as? [[String: Any]])
        #expect(log.map { $0["kind"] as? String } == ["box.add", "sort.finish"])
    }

    @Test(arguments: [
        (["sort", "finish", "B1", "--kept", "0.0001", "--by", "Thu"], "«0.0001»"),
        (["box", "add", "B9", "--fonds", "F", "--extent", "0,0004", "--by", "Thu"], "«0,0004»"),
        (["box", "edit", "B1", "--extent", "0.0001", "--by", "Thu"], "«0.0001»"),
        (["box", "edit", "B1", "--kept", "0.2", "--by", "Thu"], "B1"),
    ])
    func valuesThatCannotBeStoredAreRefusedQuoted(args: [String], quoted: String) throws {
        let kho = try catalogue()
        let before = try kho.snapshot()
        let r = try kho.run(args)
        #expect(r.code != 0)
        #expect(r.err.hasPrefix("lỗi: "), "\(r.err)")
        #expect(r.err.contains(quoted), "\(r.err)")
        #expect(try kho.snapshot() == before)
    }

    @Test func keptAboveTheExtentIsRefusedOnEveryEdit() throws {
        // Given B1 (0.5 m) finished keeping 0.4 m
        let kho = try catalogue()
        #expect(try kho("sort", "finish", "B1", "--kept", "0,4", "--by", "Thu").code == 0)
        let before = try kho.snapshot()
        // When kept would exceed the extent, whichever way
        for args in [["box", "edit", "B1", "--kept", "0,6"], ["box", "edit", "B1", "--extent", "0,3"]] {
            let r = try kho.run(args + ["--by", "Thu"], env: ["KHO_LANG": "en"])
            // Then it is refused and nothing changes
            #expect(r.code != 0, "\(args)")
            #expect(r.err.contains("must not exceed the extent"), "\(r.err)")
        }
        #expect(try kho.snapshot() == before)
        // and a correction that fits is recorded, and check agrees
        #expect(try kho("box", "edit", "B1", "--extent", "0,3", "--kept", "0,3", "--by", "Thu").code == 0)
        #expect(try kho("check").code == 0)
    }

    @Test func aFileWithMastersIsNotMovedAndCheckStaysClean() throws {
        // Given H1/01 with a master ingested
        let kho = try catalogue()
        let root = kho.dir.appendingPathComponent("scans").path
        try FileManager.default.createDirectory(atPath: root + "/H1/01", withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb], to: root + "/H1/01/0001.tif")
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        let before = try kho.snapshot()
        // When it is moved to H2
        let r = try kho("file", "move", "H1/01", "--to", "H2", "--by", "Thu", env: ["KHO_LANG": "en"])
        // Then the move is refused with what to do, and nothing changes
        #expect(r.code != 0)
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        #expect(
            r.err.contains("Move the folder \(rootPath)/H1/01 to \(rootPath)/H2/01, then run `kho scan ingest`"),
            "\(r.err)")
        #expect(try kho.snapshot() == before)
        #expect(try kho("check").code == 0)
    }

    @Test func checkFindsAPassedFileWithoutMasters() throws {
        // Given a file marked passed behind kho's back, with no masters
        let kho = try catalogue()
        #expect(try kho("check").code == 0)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", kho.db, "UPDATE file SET scan_state = 'passed' WHERE code = '01'"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0, "sqlite3 is needed to damage the catalogue")
        // When it is checked
        let r = try kho("check", env: ["KHO_LANG": "en"])
        // Then the file is named, and the exit code says something is wrong
        #expect(r.code != 0)
        #expect(r.out.contains("file H1/01 is “passed” but has no masters on record"), "\(r.out)")
        let json = try #require(try kho.json("check") as? [String: Any])
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(
            problems.contains { $0["code"] as? String == "file_no_masters" && $0["subject"] as? String == "file H1/01" }
        )
    }
}
