import Foundation
import KhoTestTags
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 21, items 2, 3 and 5: the one safe reader for fixity (special files, links, sparse files are findings that
/// never block), a PDF/A built only from what was checked, and a missing master remembered until its loss is accepted.
@Suite(.tags(.endToEnd)) struct TrustFixityEndToEndTests {
    func catalogue(pages: [[UInt8]] = [PdfFixture.plainPage(seed: 1), PdfFixture.plainPage(seed: 2)]) throws -> Kho {
        try EndToEndPdfTests().catalogue([("H1/01", pages)])
    }

    func path(_ kho: Kho, _ rel: String) -> String { kho.dir.appendingPathComponent(rel).path }

    /// Replaces `rel` with a FIFO, a link to /dev/zero, or a 20 GB sparse file.
    func replace(_ kho: Kho, _ rel: String, with kind: String) throws {
        let target = path(kho, rel)
        try FileManager.default.removeItem(atPath: target)
        switch kind {
        case "fifo": #expect(mkfifo(target, 0o644) == 0)
        case "zero": try FileManager.default.createSymbolicLink(atPath: target, withDestinationPath: "/dev/zero")
        default:
            let fd = open(target, O_WRONLY | O_CREAT, 0o644)
            #expect(ftruncate(fd, 20_000_000_000) == 0)
            close(fd)
        }
    }

    @Test(arguments: [
        ("fifo", "đường ống FIFO"), ("zero", "liên kết tượng trưng: không đi theo"), ("sparse", "tệp thưa"),
    ])
    func verifyReportsASpecialFileWithoutWaiting(_ kind: String, _ words: String) throws {
        // Given an ingested master replaced by a FIFO, a link to /dev/zero, or a 20 GB sparse file
        let kho = try catalogue()
        try replace(kho, "scans/H1/01/0001.tif", with: kind)
        // When the masters are verified (killed after 60 s if it blocks)
        let started = Date()
        let result = try kho.run(["scan", "verify", "--by", "Hoa"], timeout: 60)
        // Then it returns at once with a finding naming what is there, and fails
        #expect(!result.timedOut)
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(result.code == 1, "\(result.out)")
        #expect(result.out.contains(words), "\(result.out)")
        // And `kho check` calls the link a problem too
        if kind == "zero" {
            let check = try kho("check")
            #expect(check.code == 1 && check.out.contains("liên kết tượng trưng"), "\(check.out)")
        }
    }

    @Test func aSparse20GBTifIsRefusedByIngestAtOnce() throws {
        let kho = try catalogue()
        let folder = path(kho, "scans/H1/02")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(
            try kho(
                "file", "add", "H1/02", "--title", "Hồ sơ thưa", "--start-year", "1993", "--retention", "permanent",
                "--by", "Thu"
            ).code == 0)
        let fd = open(folder + "/0001.tif", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 20_000_000_000) == 0)
        close(fd)
        let started = Date()
        let result = try kho.run(["scan", "ingest", "scans", "--by", "Hoa"], timeout: 60)
        #expect(!result.timedOut && Date().timeIntervalSince(started) < 20)
        let problems = try kho("scan", "problems")
        #expect(problems.out.contains("tệp thưa"), "\(result.out)\(problems.out)")
    }

    @Test(arguments: ["fifo", "zero"])
    func pdfBuildAndVerifyNeverBlock(_ kind: String) throws {
        // Given a master replaced by a FIFO or a link to /dev/zero before the copy is built
        let kho = try catalogue()
        try replace(kho, "scans/H1/01/0002.tif", with: kind)
        let build = try kho.run(["pdf", "build", "--by", "Hoa"], timeout: 120)
        // Then the build returns with a finding on that master and delivers nothing
        #expect(!build.timedOut)
        #expect((build.out + build.err).contains("0002.tif"), "\(build.out)\(build.err)")
        #expect(!FileManager.default.fileExists(atPath: path(kho, "pdf/UBND-SK1/UBND-SK1.1993.0001.pdf")))
    }

    @Test func pdfVerifyCallsALinkedCopyAFinding() throws {
        let kho = try catalogue(pages: [PdfFixture.plainPage(seed: 3)])
        let build = try kho.run(["pdf", "build", "--by", "Hoa"], timeout: 300)
        #expect(build.code == 0, "\(build.out)\(build.err)")
        try replace(kho, "pdf/UBND-SK1/UBND-SK1.1993.0001.pdf", with: "zero")
        let verify = try kho.run(["pdf", "verify", "--by", "Hoa"], timeout: 60)
        #expect(!verify.timedOut && verify.code == 1)
        #expect(verify.out.contains("liên kết tượng trưng"), "\(verify.out)")
    }

    @Test func aMasterSwappedAfterItWasCheckedNeverReachesTheCopy() throws {
        // Given a one-page file, and a hook that swaps the master for a page twice as large right after kho
        // checked it (between hashing and building)
        let kho = try catalogue(pages: [PdfFixture.plainPage(seed: 4)])
        let swapped = path(kho, "swapped.tif")
        try Data(PdfFixture.plainPage(seed: 5, width: 480, height: 240)).write(to: URL(fileURLWithPath: swapped))
        let hook = path(kho, "hook.sh")
        try writeExecutable(
            "#!/bin/sh\nshift\ncp \"\(swapped)\" \"$1\"\necho swapped > \"\(path(kho, "hook-ran"))\"\n", at: hook)
        // When the copy is built
        let build = try kho.run(["pdf", "build", "--by", "Hoa"], env: ["KHO_TEST_HOOK_AFTER_HASH": hook], timeout: 300)
        #expect(build.code == 0, "\(build.out)\(build.err)")
        #expect(FileManager.default.fileExists(atPath: path(kho, "hook-ran")))
        // Then the delivered copy holds the page that was checked (240 × 120 px at 300 dpi: 57.6 × 28.8 pt),
        // not the swapped one (115.2 × 57.6 pt)
        let info = try EndToEndPdfTests().poppler("pdfinfo", path(kho, "pdf/UBND-SK1/UBND-SK1.1993.0001.pdf"))
        #expect(info.contains("57.6 x 28.8 pts"), "\(info)")
        // And the swap itself is found by the next verify
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 1)
    }

    @Test func aMasterThatDiffersFromItsRecordIsNotDelivered() throws {
        let kho = try catalogue(pages: [PdfFixture.plainPage(seed: 6)])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(kho, "scans/H1/01/0001.tif"))))
        bytes[bytes.count - 10] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: path(kho, "scans/H1/01/0001.tif")))
        let build = try kho.run(["pdf", "build", "--by", "Hoa"], timeout: 120)
        #expect((build.out + build.err).contains("SHA-256"), "\(build.out)\(build.err)")
        #expect(!FileManager.default.fileExists(atPath: path(kho, "pdf/UBND-SK1/UBND-SK1.1993.0001.pdf")))
    }

    @Test func aMissingMasterIsRememberedUntilItsLossIsAccepted() throws {
        // Given two ingested masters, one then deleted and the folder ingested again
        let kho = try catalogue()
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 0)
        try FileManager.default.removeItem(atPath: path(kho, "scans/H1/01/0002.tif"))
        #expect(try kho("scan", "ingest", "scans", "--by", "Hoa").code == 0)
        // Then verify keeps failing, naming the master, its last SHA-256 and the ways out
        let verify = try kho("scan", "verify", "--by", "Hoa", "--json")
        #expect(verify.code == 1, "\(verify.out)")
        #expect(verify.out.contains("\"missing\" : 1"), "\(verify.out)")
        #expect(verify.out.contains("--reason lost"))
        // And `kho check` fails, and the file has left "digitized" (needs rescan)
        let check = try kho("check")
        #expect(check.code == 1 && check.out.contains("0002.tif"), "\(check.out)")
        let file = try #require(try kho.json("file", "show", "H1/01") as? [String: Any])
        #expect(file["scan_state"] as? String == "rescan")
        #expect(file["missing_masters"] as? [String] == ["0002.tif"])
        #expect(try kho("file", "show", "H1/01").out.contains("Bản gốc đang mất: 0002.tif"))
        // When a person accepts the loss (attributed)
        let accept = try kho(
            "scan", "accept", "H1/01", "--page", "0002.tif", "--reason", "lost", "--by", "Lan", "--json")
        #expect(accept.code == 0, "\(accept.err)")
        let event = accept.out.trimmingCharacters(in: .whitespacesAndNewlines)
        // Then verify and check are clean, and the file stands on its remaining master (count mismatch: 1 page of 2 sheets)
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 0)
        #expect(try kho("check").code == 0)
        let log = try #require(try kho.json("log") as? [[String: Any]])
        #expect(
            log.contains { $0["kind"] as? String == "scan.accept" && ($0["actor"] as? String) == "Lan" },
            "\(log.last ?? [:])")
        // And undoing the acceptance makes it missing again
        #expect(try kho("undo", event, "--by", "Lan").code == 0)
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 1)
        // And a rescan at the same path replaces it
        try Data(PdfFixture.plainPage(seed: 2)).write(to: URL(fileURLWithPath: path(kho, "scans/H1/01/0002.tif")))
        #expect(try kho("scan", "ingest", "scans", "--by", "Hoa").code == 0)
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 0)
    }

    @Test func aLinkWhereAMasterWasIsAFindingForVerify() throws {
        let kho = try catalogue()
        let outside = path(kho, "elsewhere.tif")
        try FileManager.default.copyItem(atPath: path(kho, "scans/H1/01/0001.tif"), toPath: outside)
        try FileManager.default.removeItem(atPath: path(kho, "scans/H1/01/0001.tif"))
        try FileManager.default.createSymbolicLink(
            atPath: path(kho, "scans/H1/01/0001.tif"), withDestinationPath: outside)
        let verify = try kho("scan", "verify", "--by", "Hoa", env: ["KHO_LANG": "en"])
        #expect(verify.code == 1 && verify.out.contains("symbolic link: not followed"), "\(verify.out)")
    }

    @Test func aFolderReplacedByALinkIsNotFollowedByVerify() throws {
        // Given the file folder H1/01 moved elsewhere and a link left in its place
        let kho = try catalogue()
        let elsewhere = path(kho, "elsewhere")
        try FileManager.default.moveItem(atPath: path(kho, "scans/H1/01"), toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: path(kho, "scans/H1/01"), withDestinationPath: elsewhere)
        // Then verify does not follow it: both masters are findings
        let verify = try kho("scan", "verify", "--by", "Hoa", "--json", env: ["KHO_LANG": "en"])
        #expect(verify.code == 1)
        #expect(verify.out.contains("\"unreadable\" : 2"), "\(verify.out)")
        #expect(verify.out.contains("symbolic link: not followed"))
        // And `kho check` names the linked folder
        let check = try kho("check", env: ["KHO_LANG": "en"])
        #expect(check.code == 1 && check.out.contains("is a symbolic link, not followed"), "\(check.out)")
    }
}
