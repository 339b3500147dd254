import Foundation
import KhoTestTags
import Testing

/// The legal digital copy, end to end: `kho pdf build` runs OCRmyPDF and Tesseract (`vie`) on ingested masters,
/// `kho pdf verify` reads the copies back with poppler. CI installs ocrmypdf, tesseract-ocr-vie and poppler-utils.
@Suite(.tags(.endToEnd)) struct EndToEndPdfTests {
    /// A catalogue with fonds UBND-SK1, box H1 and the given files (first year 1993, as many sheets as pages),
    /// their masters written as `0001.tif`, `0002.tif`, … and ingested.
    func catalogue(_ files: [(String, [[UInt8]])]) throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "UBND-SK1", "--extent", "0,1", "--by", "Thu"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        for (ref, pages) in files {
            let add = try kho.run([
                "file", "add", ref, "--title", "Hồ sơ phòng chống lụt bão năm 1993", "--start-year", "1993",
                "--sheets", String(pages.count), "--retention", "permanent", "--by", "Thu",
            ])
            #expect(add.code == 0, "\(add.err)")
            let folder = kho.dir.appendingPathComponent("scans/\(ref)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (i, bytes) in pages.enumerated() {
                try Data(bytes).write(to: folder.appendingPathComponent(String(format: "%04d.tif", i + 1)))
            }
        }
        let ingest = try kho("scan", "ingest", "scans", "--by", "Hoa")
        #expect(ingest.code == 0, "\(ingest.err)")
        return kho
    }

    /// Runs a poppler tool on a file and returns what it printed.
    func poppler(_ tool: String, _ args: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func file(_ kho: Kho, _ ref: String) throws -> [String: Any] {
        try #require(try kho.json("file", "show", ref) as? [String: Any])
    }

    @Test func buildsANamedPdfAWithAVietnameseTextLayerAndDeliversTheFile() throws {
        // Given a file whose one master is a page of Vietnamese text and passed QC
        let kho = try catalogue([("H1/01", [PdfFixture.textPage()])])
        #expect(try file(kho, "H1/01")["archive_id"] as? String == "UBND-SK1.1993.0001")
        // When its copy is built
        let result = try kho("pdf", "build", "--by", "Hoa", "--jobs", "2", "--json")
        // Then it is named by the archival code, in the fonds' folder beside the catalogue
        #expect(result.code == 0, "\(result.err)")
        let summary = try object(result.out)
        let built = try #require(summary["built"] as? [[String: Any]])
        #expect(built.count == 1)
        let path = kho.dir.appendingPathComponent("pdf/UBND-SK1/UBND-SK1.1993.0001.pdf").path
        #expect(built.first?["path"] as? String == path)
        #expect(built.first?["pdfa"] as? String == "PDF/A-2B")
        #expect(FileManager.default.fileExists(atPath: path))
        // And it has the masters' page count, declares PDF/A-2b and carries the archival metadata in its XMP
        let pages = try poppler("pdfinfo", path).split(separator: "\n").first { $0.hasPrefix("Pages:") }
        #expect(pages.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } == "1")
        let xmp = try poppler("pdfinfo", "-meta", path)
        #expect(xmp.contains("pdfaid:part=\"2\"") || xmp.contains("<pdfaid:part>2</pdfaid:part>"), "\(xmp)")
        #expect(xmp.contains("UBND-SK1.1993.0001") && xmp.contains("Hồ sơ phòng chống lụt bão năm 1993"))
        #expect(xmp.contains("Tesseract") && xmp.contains("1993"))
        // And its text layer holds the Vietnamese words of the page, diacritics and all
        let text = try poppler("pdftotext", path, "-")
        let words = [
            "Sơn", "Kim", "Hà", "Tĩnh", "phòng", "chống", "lụt", "bão", "giao", "nhận", "tài", "liệu", "lưu", "trữ",
        ]
        let found = words.filter { text.contains($0) }
        #expect(found.count >= words.count - 1, "text layer: \(text)")
        #expect((built.first?["mean_confidence"] as? Double ?? 0) > 50)
        // And the file is delivered, with an attributed event for the copy
        #expect(try file(kho, "H1/01")["scan_state"] as? String == "delivered")
        let events = try #require(try kho.json("log") as? [[String: Any]])
        let event = try #require(events.last { $0["kind"] as? String == "pdf.build" })
        #expect(
            event["actor"] as? String == "Hoa" && event["file"] as? String == "H1/01" && event["pages"] as? Int == 1)
        #expect(try kho("check").code == 0)
        // And the archival code is shown, and renumbering it is refused now that it is delivered
        #expect(try kho("file", "show", "H1/01").out.contains("Mã hồ sơ: UBND-SK1.1993.0001"))
        let renumber = try kho("pdf", "rule", "UBND-SK1", "--inventory", "01", "--by", "Thu")
        #expect(renumber.code != 0)
        #expect(renumber.err.contains("UBND-SK1.1993.0001") && renumber.err.contains("UBND-SK1.01.0001"))
        // And a new copy verifies clean
        #expect(try kho("pdf", "verify", "--by", "Thu").code == 0)
        // And the inventory names it by its code and counts it delivered, and the estimate measures its bytes
        let inventory = try kho("export", "inventory", "--format", "csv")
        #expect(
            inventory.out.contains("Mã hồ sơ") && inventory.out.contains("UBND-SK1.1993.0001,có"), "\(inventory.out)")
        let html = try kho("export", "inventory", "--format", "html")
        #expect(html.out.contains("Đã có bản số PDF/A: 1 hồ sơ"))
        let estimate = try object(try kho("estimate", "--json").out)
        let delivery = try #require(estimate["delivery"] as? [String: Any])
        #expect(delivery["stored_bytes_now_per_copy"] as? Int == built.first?["bytes"] as? Int)
        #expect(delivery["copies_measured"] as? Int == 1)
        #expect(delivery["pages_per_hour_source"] as? String == "assumed")
    }

    @Test func rebuildingIsIncrementalAndVerifyCatchesAChangedAndAMissingCopy() throws {
        // Given two delivered files
        let kho = try catalogue([
            ("H1/01", [PdfFixture.plainPage(seed: 1)]), ("H1/02", [PdfFixture.plainPage(seed: 2)]),
        ])
        #expect(try kho("pdf", "build", "--by", "Hoa").code == 0)
        let one = kho.dir.appendingPathComponent("pdf/UBND-SK1/UBND-SK1.1993.0001.pdf").path
        let two = kho.dir.appendingPathComponent("pdf/UBND-SK1/UBND-SK1.1993.0002.pdf").path
        let before = try FileManager.default.attributesOfItem(atPath: one)[.modificationDate] as? Date
        // When built again
        let again = try object(try kho("pdf", "build", "--by", "Hoa", "--json").out)
        // Then nothing is built: both copies are in place and their masters unchanged
        #expect((again["built"] as? [Any])?.isEmpty == true)
        #expect(again["up_to_date"] as? Int == 2)
        #expect(try FileManager.default.attributesOfItem(atPath: one)[.modificationDate] as? Date == before)
        // When one copy is damaged and the other removed
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: one))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("x".utf8))
        try handle.close()
        try FileManager.default.removeItem(atPath: two)
        // Then verify exits non-zero, naming each failure
        let verify = try kho("pdf", "verify", "--by", "Thu", "--lang", "en")
        #expect(verify.code != 0)
        #expect(verify.out.contains("H1/01") && verify.out.contains("SHA-256"), "\(verify.out)")
        #expect(verify.out.contains("H1/02") && verify.out.contains("no longer"), "\(verify.out)")
        // And the next build makes again the missing copy and the one whose size changed; then all verify clean
        let rebuilt = try object(try kho("pdf", "build", "--by", "Hoa", "--json").out)
        #expect((rebuilt["built"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } == ["H1/01", "H1/02"])
        #expect(FileManager.default.fileExists(atPath: two))
        #expect(try kho("pdf", "verify", "--by", "Thu").code == 0)
    }

    @Test func aPageTheToolFailsOnIsAFindingAndTheOtherFilesStillBuild() throws {
        // Given a sound file and one whose second page passes QC (its header is sound) but cannot be decoded
        let kho = try catalogue([
            ("H1/01", [PdfFixture.plainPage(seed: 3)]),
            ("H1/02", [PdfFixture.plainPage(seed: 4), PdfFixture.undecodablePage()]),
        ])
        #expect(try file(kho, "H1/02")["scan_state"] as? String == "passed")
        // When the copies are built
        let result = try kho("pdf", "build", "--by", "Hoa", "--json")
        // Then the build exits non-zero, and the failure names the file, the page, the master and the tool's message
        #expect(result.code != 0)
        let summary = try object(result.out)
        let findings = try #require(summary["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["ref"] as? String == "H1/02")
        #expect(findings.first?["page"] as? Int == 2)
        #expect(findings.first?["master"] as? String == "0002.tif")
        #expect(findings.first?["tool"] as? String == "img2pdf")
        let message = (findings.first?["message"] as? String) ?? ""
        #expect(message.isEmpty == false)
        // And the other file was built and delivered; the failing one stays as it was, with no PDF and no leftovers
        #expect((summary["built"] as? [[String: Any]])?.compactMap { $0["ref"] as? String } == ["H1/01"])
        #expect(try file(kho, "H1/01")["scan_state"] as? String == "delivered")
        #expect(try file(kho, "H1/02")["scan_state"] as? String == "passed")
        let folder = kho.dir.appendingPathComponent("pdf/UBND-SK1").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["UBND-SK1.1993.0001.pdf"])
        // And people read the page in the text output too
        let text = try kho("pdf", "build", "--by", "Hoa")
        #expect(text.out.contains("H1/02 tr. 2 (0002.tif): img2pdf:"), "\(text.out)")
    }

    @Test func aMasterChangedAfterItsCopyWasBuiltPutsTheFileToRebuild() throws {
        // Given a delivered file
        let kho = try catalogue([("H1/01", [PdfFixture.plainPage(seed: 5)])])
        #expect(try kho("pdf", "build", "--by", "Hoa").code == 0)
        // When its master is rescanned, ingested and the new content accepted
        try Data(PdfFixture.plainPage(seed: 6)).write(to: kho.dir.appendingPathComponent("scans/H1/01/0001.tif"))
        #expect(try kho("scan", "ingest", "scans", "--by", "Hoa").code == 0)
        #expect(try kho("scan", "accept", "H1/01", "--reason", "rescan", "--by", "Thu").code == 0)
        // (the log says why, once, in words)
        let accepted = try #require(try kho("log").out.split(separator: "\n").last.map(String.init))
        #expect(accepted.contains("lý do: quét lại") && !accepted.contains("rescan"), "\(accepted)")
        #expect(try kho("log", "--lang", "en").out.contains("reason: rescan"))
        // Then the file needs a rebuild, and verify says so
        #expect(try file(kho, "H1/01")["scan_state"] as? String == "rebuild")
        let verify = try kho("pdf", "verify", "--by", "Thu")
        #expect(verify.code != 0)
        #expect(verify.out.contains("kho pdf build H1/01"), "\(verify.out)")
        // And the next build makes the copy again under the same code, and the file is delivered again
        let rebuilt = try object(try kho("pdf", "build", "--by", "Hoa", "--json").out)
        #expect((rebuilt["built"] as? [[String: Any]])?.first?["archive_id"] as? String == "UBND-SK1.1993.0001")
        #expect(try file(kho, "H1/01")["scan_state"] as? String == "delivered")
        #expect(try kho("pdf", "verify", "--by", "Thu").code == 0)
        #expect(try kho("check").code == 0)
    }

    @Test func withoutTheToolsItSaysWhichPackagesToInstallAndDoesNothingElse() throws {
        // Given a file ready for its copy, on a machine without the tools
        let kho = try catalogue([("H1/01", [PdfFixture.plainPage(seed: 7)])])
        let before = try kho.snapshot()
        // When a build is asked for
        let result = try kho.run(["pdf", "build", "--by", "Hoa"], env: ["PATH": "/nonexistent-kho-path"])
        // Then it names the Debian packages, and nothing else happens
        #expect(result.code != 0)
        #expect(result.err.contains("ocrmypdf tesseract-ocr-vie poppler-utils"), "\(result.err)")
        #expect(result.out.isEmpty)
        #expect(try kho.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: kho.dir.appendingPathComponent("pdf").path))
    }
}
