import Foundation
import KhoTIFF
import KhoTestTags
import Testing

/// Issue 21, item 1: no output writes over what kho catalogues or manages, with links and `..` resolved, even
/// with `--force`; the message names what the path is.
@Suite(.tags(.endToEnd)) struct TrustOutputsEndToEndTests {
    /// A catalogue with H1/01 (two masters) ingested from `scans/`.
    func catalogue() throws -> Kho {
        try EndToEndPdfTests().catalogue([
            ("H1/01", [PdfFixture.plainPage(seed: 1), PdfFixture.plainPage(seed: 2)])
        ])
    }

    func sha(_ kho: Kho, _ rel: String) throws -> String {
        try Fixity.sha256(path: kho.dir.appendingPathComponent(rel).path)
    }

    @Test func everyOutputRefusesAMasterEvenWithForce() throws {
        // Given masters under scans/, their SHA-256 on record
        let kho = try catalogue()
        let master = "scans/H1/01/0002.tif"
        let before = try sha(kho, master)
        #expect(try kho("rates", "init", "--path", "r.txt").code == 0)
        // When each command that writes a file is pointed at a master (directly, through `..`, through a link)
        try FileManager.default.createSymbolicLink(
            atPath: kho.dir.appendingPathComponent("link.html").path,
            withDestinationPath: kho.dir.appendingPathComponent(master).path)
        let attempts: [[String]] = [
            ["labels", "H1", "--out", master],
            ["report", "--html", "scans/H1/../H1/01/0002.tif"],
            ["export", "inventory", "--out", master],
            ["export", "files", "--out", "link.html"],
            ["backup", master, "--force"],
            ["rates", "init", "--path", master, "--force"],
        ]
        for args in attempts {
            let result = try kho.run(args)
            // Then each is refused, naming the file and page the master holds
            #expect(result.code != 0, "\(args): \(result.out)")
            #expect(result.err.contains("bản gốc của hồ sơ H1/01, trang 2"), "\(args): \(result.err)")
        }
        let english = try kho.run(["labels", "H1", "--out", master], env: ["KHO_LANG": "en"])
        #expect(english.err.contains("the master of file H1/01, page 2") && english.err.contains("--force"))
        // And the master is untouched: verify finds it as ingested
        #expect(try sha(kho, master) == before)
        let verify = try kho("scan", "verify", "--by", "Hoa")
        #expect(verify.code == 0, "\(verify.out)\(verify.err)")
    }

    @Test func anyFileUnderTheScansRootAndThePdfFolderIsRefused() throws {
        let kho = try catalogue()
        // A new file in the scans folder (not a master yet: the next ingest would read it)
        let underScans = try kho("labels", "H1", "--out", "scans/H1/01/0003.tif")
        #expect(underScans.code == 1 && underScans.err.contains("thư mục bản quét"), "\(underScans.err)")
        #expect(!FileManager.default.fileExists(atPath: kho.dir.appendingPathComponent("scans/H1/01/0003.tif").path))
        // The PDF/A folder beside the catalogue
        try FileManager.default.createDirectory(
            at: kho.dir.appendingPathComponent("pdf/UBND-SK1"), withIntermediateDirectories: true)
        let underPdf = try kho("report", "--html", "pdf/UBND-SK1/UBND-SK1.1993.0001.pdf")
        #expect(underPdf.code == 1 && underPdf.err.contains("thư mục bản PDF/A"), "\(underPdf.err)")
        // The catalogue's companions, as before
        let lock = try kho("export", "files", "--out", kho.db + "-wal")
        #expect(lock.code == 1 && lock.err.contains("danh mục"))
        // And an ordinary file elsewhere is written
        #expect(try kho("labels", "H1", "--out", "nhan.html").code == 0)
    }

    @Test func aHardLinkToAMasterIsTheMaster() throws {
        let kho = try catalogue()
        let link = kho.dir.appendingPathComponent("copy.html").path
        #expect(Glibc.link(kho.dir.appendingPathComponent("scans/H1/01/0001.tif").path, link) == 0)
        let result = try kho("export", "inventory", "--out", link)
        #expect(result.code == 1 && result.err.contains("bản gốc của hồ sơ H1/01, trang 1"), "\(result.err)")
    }
}
