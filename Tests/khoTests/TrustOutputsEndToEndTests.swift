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

    /// A registered copy holds masters and PDF/A copies too: what kho keeps in it (its scans/, pdf/, catalog/ and
    /// marker) is refused to every output, its folder is never read as the primary's scans nor made the PDF folder,
    /// and a link to a folder is that folder.
    @Test func whatKhoKeepsInARegisteredCopyIsNeverWrittenOverNorTakenForThePrimary() throws {
        // Given a copy usb-1, synced: it holds the masters and a backup of the catalogue
        let kho = try catalogue()
        let usb = kho.dir.appendingPathComponent("usb").path
        try FileManager.default.createDirectory(atPath: usb, withIntermediateDirectories: true)
        #expect(try kho("copies", "add", "usb-1", "--path", usb, "--place", "tủ sắt", "--by", "Thu").code == 0)
        #expect(try kho("copies", "sync", "--by", "Thu").code == 0)
        let copied = "usb/scans/H1/01/0002.tif"
        let before = try sha(kho, copied)
        try FileManager.default.createSymbolicLink(
            atPath: kho.dir.appendingPathComponent("usb-link").path, withDestinationPath: usb)
        // When each output is pointed at what kho keeps there (directly, through a link to the copy)
        let attempts: [[String]] = [
            ["labels", "H1", "--out", copied],
            ["report", "--html", "usb-link/scans/H1/01/0002.tif"],
            ["export", "inventory", "--out", "usb/.kho-copy"],
            ["export", "files", "--out", "usb/pdf/UBND-SK1.html"],
            ["backup", "usb/catalog/kho.sqlite", "--force"],
            ["rates", "init", "--path", "usb/catalog/rates.toml"],
        ]
        for args in attempts {
            let result = try kho.run(args)
            // Then each is refused, naming the copy
            #expect(result.code == 1 && result.err.contains("bản lưu «usb-1»"), "\(args): \(result.err)")
        }
        #expect(try sha(kho, copied) == before)
        let verify = try kho("copies", "verify", "usb-1", "--by", "Thu")
        #expect(verify.code == 0, "\(verify.out)\(verify.err)")
        // And the rest of the copy's folder is the person's: a backup or a report beside scans/ is written
        #expect(try kho("backup", "usb").code == 0)
        #expect(try kho("report", "--html", "usb/bao-cao.html").code == 0)
        // And the copy is never read as the primary's scans, nor made the PDF folder, nor registered again by a link
        let ingest = try kho("scan", "ingest", "usb-link/scans", "--by", "Hoa")
        #expect(ingest.code == 1 && ingest.err.contains("bản lưu «usb-1»"), "\(ingest.err)")
        let settings = try kho("pdf", "settings", "--folder", "usb/pdf", "--by", "Thu")
        #expect(settings.code == 1 && settings.err.contains("bản lưu «usb-1»"), "\(settings.err)")
        let again = try kho("copies", "add", "usb-2", "--path", "usb-link", "--place", "tủ", "--by", "Thu")
        #expect(again.code == 1 && again.err.contains("usb-1"), "\(again.err)")
        // Nor is a link to the primary's scans folder a copy
        let scansLink = kho.dir.appendingPathComponent("scans-link").path
        try FileManager.default.createSymbolicLink(
            atPath: scansLink, withDestinationPath: kho.dir.appendingPathComponent("scans").path)
        let inside = try kho("copies", "add", "usb-3", "--path", scansLink, "--place", "tủ", "--by", "Thu")
        #expect(inside.code == 1 && inside.err.contains("bản chính"), "\(inside.err)")
        // And the copy's own sync still writes its catalogue backup
        let sync = try kho("copies", "sync", "--by", "Thu", "--json")
        #expect(sync.code == 0 && !sync.out.contains("catalogue_backup"), "\(sync.out)")
        #expect(try kho("scan", "verify", "--by", "Hoa").code == 0)
    }
}
