import Foundation
import KhoTestTags
import Testing

@Suite(.tags(.endToEnd)) struct RobustnessEndToEndTests {
    @Test func fourProcessesAppendingAtOnceToANewCatalogueLoseNothing() throws {
        // Given a catalogue that does not exist yet, and four workers that each append 50 attributed events
        let kho = Kho()
        let workers = 4
        let perWorker = 50
        let failures = Failures()
        // When they all run at once, each starting its own fonds and then adding boxes
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for i in 0..<perWorker {
                let args =
                    i == 0
                    ? ["fonds", "add", "F\(w)", "--name", "Phông \(w)", "--by", "Thợ \(w)"]
                    : ["box", "add", "W\(w)-\(i)", "--fonds", "F\(w)", "--extent", "0,1", "--by", "Thợ \(w)"]
                let result: Kho.Result
                do { result = try kho.run(args) } catch {
                    failures.add("\(args): \(error)")
                    continue
                }
                if result.code != 0 || !result.err.isEmpty {
                    failures.add("\(args.joined(separator: " ")): \(result.code) \(result.err)")
                }
            }
        }
        // Then every command succeeded without a locking or migration error, and exactly 200 events are in the log
        #expect(failures.all == [])
        let log = try #require(try kho.json("log") as? [[String: Any]])
        #expect(log.count == workers * perWorker)
        #expect(Set(log.compactMap { $0["uid"] as? String }).count == workers * perWorker)
        #expect(try kho("check").code == 0)
    }

    @Test func aBackupTakenDuringAnIngestRestoresToACleanCatalogue() throws {
        // Given an ingest of 2,000 masters running, held still (SIGSTOP) while its write transaction is open (it holds
        // SQLite's write lock: an ingest gathers its masters into transactions of up to 1.5 s)
        let kho = Kho()
        let files = 200
        let root = try InterruptedIngestTests().corpus(in: kho, files: files, pages: 10)
        let ingest = Process()
        ingest.executableURL = Kho.binary
        ingest.arguments = ["scan", "ingest", root, "--by", "Hoa"]
        ingest.environment = ProcessInfo.processInfo.environment.merging(["KHO_DB": kho.db]) { $1 }
        ingest.standardOutput = FileHandle.nullDevice
        ingest.standardError = FileHandle.nullDevice
        try ingest.run()
        let deadline = Date().addingTimeInterval(120)
        var stoppedWriting = false
        while !stoppedWriting, ingest.isRunning, Date() < deadline {
            // (only once the ingest holds its work lock: before, the write lock may be its open's migration check)
            guard Self.ingestHoldsItsLock(kho.db), Self.writeLockHeld(kho.db) else {
                usleep(1_000)
                continue
            }
            kill(ingest.processIdentifier, SIGSTOP)
            // (the lock may have been let go between the look and the stop: then let it run and look again)
            stoppedWriting = Self.ingestHoldsItsLock(kho.db) && Self.writeLockHeld(kho.db)
            if !stoppedWriting { kill(ingest.processIdentifier, SIGCONT) }
        }
        #expect(stoppedWriting, "the ingest was not held still inside a write transaction")
        // When a backup is taken meanwhile, and restored after the ingest has finished
        let backup = kho.dir.appendingPathComponent("sao-luu.sqlite").path
        let backingUp = Result { try kho("backup", backup) }
        kill(ingest.processIdentifier, SIGCONT)
        ingest.waitUntilExit()
        let taken = try backingUp.get()
        #expect(taken.code == 0, "\(taken.err)")
        #expect(ingest.terminationStatus == 0)
        #expect(try Self.ingestedFiles(kho) == files)
        #expect(try kho("restore", backup, "--by", "Thu").code == 1)
        let restored = try kho("restore", backup, "--force", "--by", "Thu")
        #expect(restored.code == 0, "\(restored.err)")
        // Then the backup holds what the ingest had committed before that transaction, not all of it
        let inBackup = try Self.ingestedFiles(kho)
        #expect(inBackup < files, "\(inBackup) of \(files) files ingested in the backup")
        // And the restored catalogue checks clean, and a new ingest finishes the job
        let check = try kho("check")
        #expect(check.code == 0, "\(check.out)")
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        let after = try InterruptedIngestTests().state(kho)
        #expect(after.count == files)
        #expect(after.values.allSatisfy { $0.contains("masters=10") && $0.hasSuffix("ingested=true") })
        #expect(try kho("check").code == 0)
    }

    /// Whether another process holds SQLite's write lock on the catalogue at `db` (in WAL mode, a POSIX lock on byte
    /// 120 of its `-shm` file): a write transaction is open.
    static func writeLockHeld(_ db: String) -> Bool {
        let fd = open(db + "-shm", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        return fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != Int16(F_UNLCK)
    }

    /// Whether an ingest has taken the catalogue's work lock (it writes who holds it into the lock file once it has
    /// opened the catalogue).
    static func ingestHoldsItsLock(_ db: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: db + ".lock") else { return false }
        return String(decoding: data, as: UTF8.self).contains("\"ingest\"")
    }

    /// How many files of `kho`'s catalogue have their ingest recorded.
    static func ingestedFiles(_ kho: Kho) throws -> Int {
        try InterruptedIngestTests().state(kho).values.filter { $0.hasSuffix("ingested=true") }.count
    }

    @Test func backupAndCheckSpeakToPeople() throws {
        let kho = Kho()
        #expect(try kho("fonds", "add", "F", "--name", "P", "--by", "Thu").code == 0)
        let target = kho.dir.appendingPathComponent("b.sqlite").path
        let first = try kho("backup", target)
        #expect(first.out.contains("1 sự kiện"))
        let again = try kho("backup", target, env: ["KHO_LANG": "en"])
        #expect(again.code == 1 && again.err.contains("--force"))
        let check = try kho("check", "--json")
        #expect(check.code == 0 && check.out.contains("\"clean\" : true"))
        let notBackup = kho.write("hello", to: "x.sqlite")
        let refused = try kho("restore", notBackup, "--force", "--by", "Thu")
        #expect(refused.code == 1 && refused.err.contains("không phải tệp SQLite"))
    }
}

/// Messages collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
