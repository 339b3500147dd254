import Foundation
import GRDB
import KhoTestTags
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A named pipe a tool opens when it reaches a point of a run, and then waits on until the test lets it go on: races
/// made deterministic, without sleeping.
struct Gate {
    let folder: String
    var started: String { folder + "/started" }
    var release: String { folder + "/release" }

    init(in folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(mkfifo(started, 0o600) == 0 && mkfifo(release, 0o600) == 0)
    }

    /// A `tesseract` that answers version and language questions at once, and stops the first time it is asked to
    /// read a page: it says so through `started`, then waits for a line on `release`.
    func tesseract() throws -> String {
        let script = """
            #!/bin/sh
            case " $* " in *" --version "*|*" --list-langs "*|*" --print-parameters "*) exec /usr/bin/tesseract "$@";; esac
            if [ ! -e '\(folder)/passed' ]; then
                : > '\(folder)/passed'
                echo started > '\(started)'
                read line < '\(release)'
            fi
            exec /usr/bin/tesseract "$@"
            """
        let path = folder + "/tesseract"
        try writeExecutable(script, at: path)
        return folder
    }

    /// Waits until the tool has reached the gate; false when it did not within `seconds` (the run failed first).
    func waitUntilReached(seconds: Double) -> Bool {
        let done = DispatchSemaphore(value: 0)
        let path = started
        Thread.detachNewThread {
            let fd = Glibc.open(path, O_RDONLY)
            if fd >= 0 {
                var byte: UInt8 = 0
                _ = read(fd, &byte, 1)
                close(fd)
            }
            done.signal()
        }
        if done.wait(timeout: .now() + seconds) == .success { return true }
        let fd = Glibc.open(path, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { close(fd) }
        return false
    }

    /// Lets the tool waiting at the gate go on.
    func letThrough() {
        let fd = Glibc.open(release, O_WRONLY | O_NONBLOCK)
        guard fd >= 0 else { return }
        _ = write(fd, "go\n", 3)
        close(fd)
    }
}

@Suite(.tags(.endToEnd)) struct WorkLockBuildEndToEndTests {
    @Test func renamesAndRestoresWaitForABuildAndABuildWritesNothingIntoACatalogueReplacedUnderIt() throws {
        // Given a file whose master passed QC, and a backup taken before its masters were ingested
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu"],
            ["file", "add", "H1/01", "--title", "Hồ sơ 1993", "--start-year", "1993", "--sheets", "1", "--by", "Thu"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        let before = kho.dir.appendingPathComponent("truoc-khi-nap.sqlite").path
        #expect(try kho("backup", before).code == 0)
        let folder = kho.dir.appendingPathComponent("scans/H1/01")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(PdfFixture.plainPage(seed: 1)).write(to: folder.appendingPathComponent("0001.tif"))
        #expect(try kho("scan", "ingest", "scans", "--by", "Hoa").code == 0)
        // and Hoa's build stopped inside Tesseract, holding the catalogue
        let gate = try Gate(in: kho.dir.appendingPathComponent("gate").path)
        let path = try gate.tesseract() + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let build = Process()
        build.executableURL = Kho.binary
        build.arguments = ["pdf", "build", "--by", "Lê Thị Hoa"]
        build.currentDirectoryURL = kho.dir
        build.environment = ProcessInfo.processInfo.environment.merging(["KHO_DB": kho.db, "PATH": path]) { $1 }
        let err = Pipe()
        build.standardOutput = FileHandle.nullDevice
        build.standardError = err
        try build.run()
        defer { if build.isRunning { kill(build.processIdentifier, SIGKILL) } }
        let reached = gate.waitUntilReached(seconds: 120)
        #expect(reached, "the build never reached Tesseract")
        guard reached else { return }
        // When Thu renames the fonds and restores the backup meanwhile
        for args in [["fonds", "rename", "F", "F9"], ["restore", before, "--force"]] {
            let refused = try kho.run(args + ["--by", "Thu"])
            // Then each is refused, naming Hoa's build
            #expect(refused.code == 1, "\(args): \(refused.err)")
            #expect(
                refused.err.contains("Lê Thị Hoa") && refused.err.contains("đang dựng bản PDF/A"), "\(refused.err)")
        }
        // And when the catalogue is put back from the backup by a program that knows no lock (SQLite's backup API)
        let source = try DatabaseQueue(path: before)
        let live = try DatabaseQueue(path: kho.db)
        try source.backup(to: live)
        try source.close()
        try live.close()
        gate.letThrough()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        // Then the build stops without writing into it: no copy, no event, and the check finds nothing delivered
        #expect(build.terminationStatus == 1, "\(message)")
        #expect(message.contains("đã bị thay"), "\(message)")
        let queue = try DatabaseQueue(path: kho.db)
        let (copies, builds) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM pdf_copy") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event WHERE kind = 'pdf.build'") ?? -1
            )
        }
        try queue.close()
        #expect(copies == 0 && builds == 0)
        let check = try kho("check", "--json")
        #expect(!check.out.contains("copy_no_masters"), "\(check.out)")
        // and once the build has ended, the rename goes through
        #expect(try kho("fonds", "rename", "F", "F9", "--by", "Thu").code == 0)
    }
}
