import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

@Suite(.tags(.endToEnd)) struct EndToEndScanTests {
    func catalogue() throws -> (Kho, String) {
        let kho = Kho()
        let root = kho.dir.appendingPathComponent("scans").path
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu"],
            ["file", "add", "H1/01", "--title", "Tốt", "--by", "Thu"],
            ["file", "add", "H1/02", "--title", "Hỏng", "--by", "Thu"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        return (kho, root)
    }

    @Test func brokenMastersGiveFindingsAndLibTIFFPrintsNothing() throws {
        // Given good masters and every kind of broken one
        let (kho, root) = try catalogue()
        try FileManager.default.createDirectory(atPath: root + "/H1/01", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/H1/02", withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb, .rgb], to: root + "/H1/01/0001.tif")
        let good = try Data(contentsOf: URL(fileURLWithPath: root + "/H1/01/0001.tif"))
        let broken: [(String, [UInt8])] = [
            ("0001.tif", []),
            ("0002.tif", Array(good.prefix(good.count / 3))),
            ("0003.tif", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 40)),
            ("0004.tif", Array("%PDF-1.7\n".utf8) + Array(repeating: 0x20, count: 40)),
            ("0005.tif", (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }),
            ("0006.tif", [0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0x00, 0x00] + Array(repeating: 0, count: 40)),
            (
                "0007.tif",
                [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0xFF, 0xFF] + Array(repeating: 0xAB, count: 60)
            ),
            ("0008.tif", [0x4D, 0x4D, 0x2A, 0x00, 0x00, 0x00, 0x00, 0x08] + Array(repeating: 0, count: 40)),
        ]
        for (name, bytes) in broken { try Data(bytes).write(to: URL(fileURLWithPath: root + "/H1/02/" + name)) }
        // When they are ingested
        let result = try kho("scan", "ingest", root, "--by", "Hoa", "--json")
        // Then it succeeds, nothing at all reaches stderr, and each broken master is a finding for its file
        #expect(result.code == 0)
        #expect(result.err == "", "stderr: \(result.err)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        #expect(summary["masters"] as? Int == 9)
        #expect(summary["unreadable"] as? Int == 8)
        #expect(summary["records"] as? Int == 2)
        for key in ["masters", "pages", "bytes", "records", "new", "changed", "unchanged", "failed_qc", "unreadable"] {
            #expect(summary[key] is NSNumber, "missing \(key)")
        }
        let files = try #require(try kho.json("file", "list") as? [[String: Any]])
        #expect(files.map { $0["scan_state"] as? String } == ["passed", "rescan"])
        let problems = try kho("scan", "problems")
        #expect(problems.out.contains("H1/02"))
        #expect(problems.err == "")
    }

    @Test func verifyExitsNonZeroWhenAMasterChanged() throws {
        let (kho, root) = try catalogue()
        try FileManager.default.createDirectory(atPath: root + "/H1/01", withIntermediateDirectories: true)
        let path = root + "/H1/01/0001.tif"
        try FixtureWriter.write([.rgb], to: path)
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        #expect(try kho("scan", "verify", "--by", "Thu").code == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: path))
        let verify = try kho("scan", "verify", "--by", "Thu")
        #expect(verify.code == 1)
        #expect(verify.out.contains(path))
        let show = try #require(try kho.json("scan", "show", "H1/01") as? [String: Any])
        let masters = try #require(show["masters"] as? [[String: Any]])
        #expect(masters.first?["sha256"] is String)
        #expect(masters.first?["problems"] is [Any])
        let tiff = try #require(masters.first?["tiff"] as? [String: Any])
        #expect((tiff["pages"] as? [Any])?.count == 1)
    }
}

extension EndToEndScanTests {
    @Test func noCompressionIsSaidInWordsAndTheProfilesNameIsKeptBesideIt() throws {
        // Given an uncompressed master and a PackBits one (vn-2025 allows none, lzw and deflate)
        let (kho, root) = try catalogue()
        try FileManager.default.createDirectory(atPath: root + "/H1/01", withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb], to: root + "/H1/01/0001.tif")
        try FixtureWriter.write([FixturePage(compression: 32773)], to: root + "/H1/01/0002.tif")
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        // When an operator reads the file's masters, Then «Nén» says «không» for none (in English: none), and the
        // finding names the allowed ones as a profile file writes them, none explained
        let vi = try kho.run(["scan", "show", "H1/01"], env: ["COLUMNS": "160"])
        let uncompressed = try #require(vi.out.split(separator: "\n").first { $0.hasPrefix("0001.tif") })
        #expect(uncompressed.split(separator: " ").contains("không"), "\(uncompressed)")
        #expect(!uncompressed.contains("none"), "\(uncompressed)")
        #expect(vi.out.contains("kiểu nén packbits; chuẩn vn-2025 chỉ chấp nhận "), "\(vi.out)")
        #expect(vi.out.contains("none (không nén)"), "\(vi.out)")
        let en = try kho.run(["scan", "show", "H1/01"], env: ["COLUMNS": "160", "KHO_LANG": "en"])
        let row = try #require(en.out.split(separator: "\n").first { $0.hasPrefix("0001.tif") })
        #expect(row.split(separator: " ").contains("none"), "\(row)")
        #expect(en.out.contains("none (uncompressed)"), "\(en.out)")
        // JSON keeps the profile's word
        let show = try #require(try kho.json("scan", "show", "H1/01") as? [String: Any])
        #expect(String(describing: show).contains("none"))
    }
}
