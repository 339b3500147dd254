import Foundation
import KhoTestTags
import Testing

/// Hardening: no command writes over the catalogue or a special file, hangs on a FIFO, or creates a catalogue by reading.
@Suite(.tags(.endToEnd)) struct OutputInputHardeningTests {
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "F", "--extent", "1", "--by", "Thu"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

    @Test func outputsNeverReplaceTheCatalogueOrItsCompanions() throws {
        // Given a catalogue
        let kho = try catalogue()
        let before = bytes(kho.db)
        // When a report, an export, the rates file or a backup is aimed at it, its WAL or its lock, also through a link
        let link = kho.dir.appendingPathComponent("link.html").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: kho.db)
        for args in [
            ["report", "--html", kho.db], ["export", "boxes", "--out", kho.db],
            ["export", "boxes", "--out", kho.db + "-wal"],
            ["report", "--html", link], ["rates", "init", "--force", kho.db + ".lock"], ["backup", kho.db, "--force"],
        ] {
            let r = try kho.run(args)
            // Then each is refused with a message naming the file, and the catalogue is byte for byte what it was
            #expect(r.code != 0, "\(args)")
            #expect(r.err.contains(kho.db) || r.err.contains(link), "\(args): \(r.err)")
        }
        #expect(bytes(kho.db) == before)
        #expect(try kho("status").code == 0)
    }

    @Test func outputsNeverReplaceSpecialFiles() throws {
        // Given a FIFO and a folder where an output would go
        let kho = try catalogue()
        let fifo = kho.dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let folder = kho.dir.appendingPathComponent("folder").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // When a report or a backup (even --force) is written there
        for args in [
            ["report", "--html", fifo], ["backup", fifo, "--force"], ["export", "boxes", "--out", folder],
            ["report", "--html", "/dev/null"],
        ] {
            let r = try kho.run(args)
            // Then it is refused, and the FIFO is still a FIFO
            #expect(r.code != 0, "\(args)")
        }
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
        var null = stat()
        #expect(stat("/dev/null", &null) == 0 && (null.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func aFIFOAsAnInputIsRefusedAtOnce() throws {
        // Given a FIFO nobody writes to
        let kho = try catalogue()
        let fifo = kho.dir.appendingPathComponent("in.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        // When it is imported, restored or read as rates (each would block forever on a blocking open)
        let started = Date()
        let imported = try kho("import", "boxes", fifo, "--by", "Thu")
        let restored = try kho("restore", fifo, "--check")
        let rates = try kho("estimate", "--rates", fifo)
        // Then each says it is not a regular file, quickly
        #expect(imported.code != 0 && restored.code != 0 && rates.code != 0)
        #expect(imported.err.contains("FIFO") || imported.err.contains("đường ống"))
        #expect(Date().timeIntervalSince(started) < 30)
        // And a folder as input names what it is rather than a Cocoa error number
        let folder = try kho("import", "boxes", kho.dir.path, "--by", "Thu")
        #expect(folder.code != 0 && !folder.err.contains("NSCocoaErrorDomain"))
    }

    @Test func commandsThatNeedACatalogueNeverCreateOne() throws {
        // Given a catalogue path that does not exist (a typo)
        let kho = Kho()
        let typo = kho.dir.appendingPathComponent("typo/x.sqlite").path
        // When reading or verifying commands run on it
        for args in [
            ["scan", "verify", "--by", "Thu"], ["status"], ["box", "list"], ["sort", "start", "B1", "--by", "Thu"],
        ] {
            let r = try kho.run(args, env: ["KHO_DB": typo])
            // Then each fails naming the path, and nothing is created
            #expect(r.code != 0, "\(args)")
            #expect(r.err.contains(typo), "\(args): \(r.err)")
        }
        #expect(!FileManager.default.fileExists(atPath: kho.dir.appendingPathComponent("typo").path))
        // And registering the first fonds still makes a new catalogue
        #expect(try kho.run(["fonds", "add", "F", "--name", "P", "--by", "Thu"], env: ["KHO_DB": typo]).code == 0)
    }

    @Test func aKilledBackupsLeftoverIsCleanedByTheNextBackup() throws {
        // Given a partial file a killed backup left beside the target
        let kho = try catalogue()
        let target = kho.dir.appendingPathComponent("sao-luu.sqlite").path
        let leftover = kho.dir.appendingPathComponent(".sao-luu.sqlite.partial-DEAD").path
        FileManager.default.createFile(atPath: leftover, contents: Data(repeating: 1, count: 4096))
        // When the next backup to that name runs
        #expect(try kho("backup", target).code == 0)
        // Then the leftover is gone and the backup is there
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(FileManager.default.fileExists(atPath: target))
    }
}
