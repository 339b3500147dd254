import Foundation
import GRDB
import KhoTIFF
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoKit

/// Runs `kho ARGS` for at most `seconds`; a run that takes longer is killed and reported as exit code -9.
func runLimited(_ kho: Kho, _ args: [String], env: [String: String] = [:], seconds: Double = 60) throws -> Kho.Result {
    let process = kho.process(args, env: env)
    let out = kho.dir.appendingPathComponent("out-\(UUID().uuidString)")
    let err = kho.dir.appendingPathComponent("err-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return Kho.Result(code: -9, out: "", err: "killed after \(seconds) s")
    }
    process.waitUntilExit()
    return Kho.Result(
        code: process.terminationStatus, out: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
        err: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

/// Starts `kho ARGS` in the background.
func start(_ kho: Kho, _ args: [String]) throws -> Process {
    let process = Process()
    process.executableURL = Kho.binary
    process.arguments = args
    process.currentDirectoryURL = kho.dir
    process.environment = ProcessInfo.processInfo.environment.merging(["KHO_DB": kho.db, "KHO_LANG": "vi"]) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// Waits up to `seconds` for `condition`; true when it held.
func waitFor(seconds: Double, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(2_000)
    }
    return condition()
}

/// The SHA-256 of the file at `path`, and the size of a `-wal` with content beside it.
func fingerprint(_ path: String) throws -> String {
    var wal = stat()
    let walBytes = stat(path + "-wal", &wal) == 0 ? Int64(wal.st_size) : 0
    return try Fixity.sha256(path: path) + (walBytes > 0 ? " + wal \(walBytes)" : "")
}

/// Runs a command quietly and returns its exit status.
func shell(_ args: String...) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = args
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
}

/// Backups altered by hand (SQL run on a good backup with foreign keys off).
let craftedBackups: [String: String] = [
    "triggerDeletingFiles": "CREATE TRIGGER wipe AFTER INSERT ON event BEGIN DELETE FROM file; END",
    "triggerRaisingMessage": """
    CREATE TRIGGER scam BEFORE INSERT ON event
    BEGIN SELECT RAISE(ABORT, 'Kho đã bị khóa: chuyển 5 triệu đồng tới số 0900 000 000 để mở'); END
    """,
    "otherColumns": """
    DROP TABLE master_hash; DROP TABLE master; DROP TABLE event; DROP TABLE file; DROP TABLE box; DROP TABLE fonds;
    CREATE TABLE fonds (id INTEGER PRIMARY KEY, payload TEXT); CREATE TABLE box (id INTEGER PRIMARY KEY, payload TEXT);
    CREATE TABLE file (id INTEGER PRIMARY KEY, payload TEXT); CREATE TABLE event (id INTEGER PRIMARY KEY, payload TEXT);
    """,
    "extraView": "CREATE VIEW everything AS SELECT * FROM box",
    "newerSchema": "ALTER TABLE box ADD COLUMN barcode TEXT; INSERT INTO grdb_migrations VALUES ('v9-barcodes')",
]

/// Writes a backup of `kho`'s catalogue altered by `craftedBackups[name]`, and returns its path.
func craftedBackup(_ name: String, of kho: Kho) throws -> String {
    let path = kho.dir.appendingPathComponent("\(name).sqlite").path
    #expect(try kho("backup", path).code == 0)
    var config = Configuration()
    config.foreignKeysEnabled = false
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.writeWithoutTransaction { try $0.execute(sql: craftedBackups[name] ?? "") }
    try queue.close()
    return path
}

/// Everything a catalogue holds, read directly: each table's rows, to compare catalogues logically.
func contents(_ path: String) throws -> [String] {
    let queue = try DatabaseQueue(path: path)
    defer { try? queue.close() }
    return try queue.read { db in
        try ["fonds", "box", "file", "event", "master"].flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
        }
    }
}

@Suite(.tags(.endToEnd), .timeLimit(.minutes(20))) struct HardeningEndToEndTests {
    /// A catalogue with a fonds, boxes and files, closed (all of it in its file).
    func catalogue(_ kho: Kho) throws {
        #expect(try kho("fonds", "add", "F", "--name", "Phông", "--by", "Thu").code == 0)
        for i in 1...3 { #expect(try kho("box", "add", "B\(i)", "--fonds", "F", "--by", "Thu").code == 0) }
        #expect(try kho("file", "add", "B1/01", "--title", "Hồ sơ", "--by", "Thu").code == 0)
    }

    // MARK: 3. restoring crafted files

    @Test(arguments: craftedBackups.keys.sorted())
    func aCraftedBackupIsRefusedByRestoreAndRestoreCheckAndTheCatalogueIsUntouched(craft: String) throws {
        // Given a live catalogue and a crafted backup of it
        let kho = Kho()
        try catalogue(kho)
        let backup = try craftedBackup(craft, of: kho)
        let before = try fingerprint(kho.db)
        // When it is checked and restored with --force
        let checked = try runLimited(kho, ["restore", backup, "--check"], env: ["KHO_LANG": "en"])
        let restored = try runLimited(kho, ["restore", backup, "--force", "--by", "Hoa"], env: ["KHO_LANG": "en"])
        // Then both refuse it with kho's message (never the attacker's, never a raw SQLite error)
        for result in [checked, restored] {
            #expect(result.code == 1, "\(result.out)\(result.err)")
            #expect(
                result.err.contains(backup) && !result.err.contains("SQLite error") && !result.err.contains("0900"),
                "\(result.err)")
        }
        if craft == "triggerRaisingMessage" { #expect(restored.err.contains("extra trigger scam")) }
        // And the live catalogue is byte for byte what it was, and checks clean
        #expect(try fingerprint(kho.db) == before)
        #expect(try runLimited(kho, ["check"]).code == 0)
    }

    // MARK: 8. a restore killed at any moment

    @Test func aRestoreKilledAtAnyMomentLeavesTheOldCatalogueOrTheRestoredOneWithItsEvent() throws {
        // Given a backup with 40,000 events (so a restore takes a while), and a live catalogue that differs from it
        let kho = Kho()
        try catalogue(kho)
        let backup = kho.dir.appendingPathComponent("big.sqlite").path
        #expect(try kho("backup", backup).code == 0)
        let queue = try DatabaseQueue(path: backup)
        try queue.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
                    INSERT INTO event (uid, kind, actor, recorder, happened_at, happened_day, recorded_at, detail)
                    SELECT printf('01JD%022d', i), 'setting', 'Thu', 'thu@pc', 1700000000, '2023-11-14', 1700000000,
                           '{"note":"' || printf('%.200c', 'x') || '"}' FROM n
                    """)
        }
        try queue.close()
        #expect(try kho("box", "add", "LATE", "--fonds", "F", "--by", "Thu").code == 0)
        let old = try contents(kho.db)
        let restoredEvents = try contents(backup).filter { $0.hasPrefix("event") }.count + 1
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        // When restores are killed with SIGKILL at random moments
        for _ in 0..<8 {
            let process = try start(kho, ["restore", backup, "--force", "--by", "Hoa"])
            usleep(UInt32.random(in: 5_000...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Then the catalogue is either the old one, or the restored one already holding its restore event
            let now = try contents(kho.db)
            let events = now.filter { $0.hasPrefix("event") }
            if now == old {
                outcomes["old", default: 0] += 1
            } else if events.count == restoredEvents, events.last?.contains("restore") == true {
                outcomes["restored with its event", default: 0] += 1
                break
            } else {
                Issue.record("after a kill: \(events.count) events, last \(events.last ?? "none")")
                break
            }
        }
        // And the next restore removes what the killed ones left and finishes the job
        let finished = try runLimited(kho, ["restore", backup, "--force", "--by", "Hoa"])
        #expect(finished.code == 0, "\(finished.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: kho.dir.path).filter {
            $0.contains(".partial-")
        }
        #expect(names == [], "\(outcomes)")
        #expect(try runLimited(kho, ["check"]).code == 0)
    }

    // MARK: 10. one ingest at a time

    /// Registers `files` catalogue files of `pages` masters each, written under scans/.
    func scans(_ kho: Kho, files: Int, pages: Int) throws -> String {
        let root = kho.dir.appendingPathComponent("scans").path
        var boxes = "box,fonds\n"
        var csv = "box,file,title\n"
        for b in 0..<((files + 9) / 10) { boxes += "H\(b),F\n" }
        for f in 0..<files {
            let (box, file) = ("H\(f / 10)", String(format: "%02d", f % 10))
            csv += "\(box),\(file),Hồ sơ \(f)\n"
            let dir = "\(root)/\(box)/\(file)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for p in 1...pages {
                try FixtureWriter.write([FixturePage(width: 64, height: 64)], to: String(format: "%@/%04d.tif", dir, p))
            }
        }
        #expect(try kho("fonds", "add", "F", "--name", "Phông", "--by", "Thu").code == 0)
        #expect(try kho("import", "boxes", kho.write(boxes, to: "boxes.csv"), "--by", "Thu").code == 0)
        #expect(try kho("import", "files", kho.write(csv, to: "files.csv"), "--by", "Thu").code == 0)
        return root
    }

    func ingestEvents(_ kho: Kho) throws -> Int {
        try contents(kho.db).filter { $0.hasPrefix("event") && $0.contains("scan.ingest") }.count
    }

    @Test func aSecondIngestProcessIsToldWhoIsIngestingSinceWhen() throws {
        // Given Hoa's ingest of 300 files running in one process (the issue's example: two ingests at once)
        let kho = Kho()
        let root = try scans(kho, files: 300, pages: 4)
        let first = try start(kho, ["scan", "ingest", root, "--by", "Lê Thị Hoa"])
        let holding = waitFor(seconds: 30) { CatalogueLock.holder(of: kho.db) != nil || !first.isRunning }
        let holder = CatalogueLock.holder(of: kho.db)
        // When Thu starts another from a second process
        let second = try runLimited(kho, ["scan", "ingest", root, "--by", "Thu"], seconds: 60)
        first.waitUntilExit()
        // Then she is told who is ingesting and since when, and each file is recorded once
        #expect(holding && holder?.person == "Lê Thị Hoa", "the first ingest never held the lock")
        if holder != nil {
            #expect(second.code == 1)
            #expect(
                second.err.contains("Lê Thị Hoa") && second.err.contains("đang nạp bản quét")
                    && second.err.contains("tiến trình \(first.processIdentifier)"), "\(second.err)")
        }
        #expect(first.terminationStatus == 0)
        #expect(try ingestEvents(kho) == 300)
        #expect(try runLimited(kho, ["check"]).code == 0)
    }

    @Test func anIngestKilledWhileHoldingTheLockDoesNotBlockTheNextOne() throws {
        // Given an ingest killed with SIGKILL while it holds the lock (its holder line stays in the lock file)
        let kho = Kho()
        let root = try scans(kho, files: 200, pages: 4)
        let first = try start(kho, ["scan", "ingest", root, "--by", "Hoa"])
        #expect(waitFor(seconds: 30) { CatalogueLock.holder(of: kho.db) != nil || !first.isRunning })
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        // Then the next ingest runs straight away and finishes the job
        #expect(CatalogueLock.holder(of: kho.db) == nil)
        let next = try runLimited(kho, ["scan", "ingest", root, "--by", "Thu"], seconds: 60)
        #expect(next.code == 0, "\(next.err)")
        #expect(try ingestEvents(kho) == 200)
    }

    // MARK: 11. messages

    @Test(arguments: ["Mars/Olympus", "Asia/HoChiMinh"])
    func aBogusKHO_TZStopsEveryCommandNamingIt(zone: String) throws {
        // Given a catalogue
        let kho = Kho()
        try catalogue(kho)
        let before = try fingerprint(kho.db)
        // When commands run with a KHO_TZ that names no time zone
        for args in [["status"], ["box", "add", "B9", "--fonds", "F", "--by", "Thu"], ["log"]] {
            let result = try runLimited(kho, args, env: ["KHO_TZ": zone])
            // Then each stops, naming the value and saying what to use
            #expect(
                result.code == 1 && result.err.contains("KHO_TZ=«\(zone)»") && result.err.contains("Asia/Ho_Chi_Minh"),
                "\(args): \(result.err)")
        }
        // And nothing was written
        #expect(try fingerprint(kho.db) == before)
        #expect(try runLimited(kho, ["status"], env: ["KHO_TZ": "Asia/Ho_Chi_Minh"]).code == 0)
    }

    @Test func aFullDiskReadsAsAFullDisk() throws {
        // Given a catalogue on a 2 MiB disk that something else filled (root only; skipped where mount is not permitted)
        let kho = Kho()
        let mount = kho.dir.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard shell("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount) == 0 else { return }
        defer { _ = shell("umount", mount) }
        let db = mount + "/kho.sqlite"
        #expect(try runLimited(kho, ["fonds", "add", "F", "--name", "Phông", "--by", "Thu", "--db", db]).code == 0)
        _ = shell("dd", "if=/dev/zero", "of=\(mount)/fill", "bs=16k", "count=200")
        let before = try fingerprint(db)
        // When kho reads and writes it
        for args in [["status"], ["box", "add", "B1", "--fonds", "F", "--by", "Thu"]] {
            let result = try runLimited(kho, args + ["--db", db], env: ["KHO_LANG": "en"])
            // Then it says the disk is full (not "disk I/O error") and what to do
            #expect(
                result.code == 1 && result.err.contains("is full") && result.err.contains("Free some space"),
                "\(args): \(result.err)")
            #expect(!result.err.contains("I/O error"))
        }
        #expect(try fingerprint(db) == before)
    }

    // MARK: 12. hidden fallbacks

    @Test func aBrokenStoredProfileStopsTheIngestAndScanProfileNamingIt() throws {
        // Given a catalogue whose stored profile was damaged
        let kho = Kho()
        let root = try scans(kho, files: 2, pages: 1)
        #expect(try kho("scan", "profile", "nara-textual", "--by", "Thu").code == 0)
        let queue = try DatabaseQueue(path: kho.db)
        try queue.write {
            try $0.execute(
                sql: #"UPDATE setting SET value = '{"name":"nara-textual","minimumDPI":true}' WHERE key = 'qc_profile'"#
            )
        }
        try queue.close()
        let before = try fingerprint(kho.db)
        // Then neither the ingest nor `scan profile` falls back to the built-in profile
        for args in [["scan", "ingest", root, "--by", "Hoa"], ["scan", "profile"]] {
            let result = try runLimited(kho, args)
            #expect(
                result.code == 1 && result.err.contains("«nara-textual»") && result.err.contains("qc_profile"),
                "\(args): \(result.err)")
        }
        #expect(try fingerprint(kho.db) == before)
        // And naming a profile still ingests
        #expect(try runLimited(kho, ["scan", "ingest", root, "--profile", "vn-2025", "--by", "Hoa"]).code == 0)
    }

    @Test func khoCheckReportsAnEventDetailThatCannotBeRead() throws {
        let kho = Kho()
        try catalogue(kho)
        let queue = try DatabaseQueue(path: kho.db)
        try queue.write { try $0.tamperWithLog("UPDATE event SET detail = '{\"after\": [1, 2]}' WHERE id = 2") }
        try queue.close()
        let result = try runLimited(kho, ["check", "--json"])
        #expect(result.code == 1)
        #expect(result.out.contains("\"event_detail\"") && result.out.contains("event 2"), "\(result.out)")
    }
}
