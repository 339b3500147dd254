import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

/// What the scanning operator sees for masters libtiff corrects or refuses (issue 21, item 8): only findings
/// libtiff's own reading confirms, so a valid master never asks for a needless rescan.
@Suite(.tags(.endToEnd)) struct LibTIFFVerdictEndToEndTests {
    @Test func ingestAndProblemsShowOnlyWhatLibTIFFConfirms() throws {
        // Given four files whose masters are: a strip with a bogus byte count libtiff corrects, a tiled page with the
        // SGI DataType tag, a page with YResolution only, and a page whose next directory libtiff cannot read
        let kho = Kho()
        let root = kho.dir.appendingPathComponent("scans").path
        let masters: [(String, [UInt8])] = [
            ("01", LibTIFFCases.bogusStripByteCount()), ("02", LibTIFFCases.sgiDataTypeTiled()),
            ("03", LibTIFFCases.yResolutionOnly()), ("04", LibTIFFCases.unreadableSecondDirectory()),
        ]
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "F", "--by", "Thu"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        for (file, bytes) in masters {
            #expect(try kho("file", "add", "H1/\(file)", "--title", "Hồ sơ \(file)", "--by", "Thu").code == 0)
            try FileManager.default.createDirectory(atPath: root + "/H1/" + file, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/H1/\(file)/0001.tif"))
        }
        // When they are ingested and the problems listed
        let ingest = try kho("scan", "ingest", root, "--by", "Hoa")
        #expect(ingest.code == 0, "\(ingest.err)")
        #expect(ingest.err == "")
        let problems = try #require(try kho.json("scan", "problems") as? [[String: Any]])
        func codes(_ file: String) -> [String] {
            problems.filter { ($0["ref"] as? String) == "H1/\(file)" }.compactMap { $0["code"] as? String }
        }
        // Then the corrected strip is not "truncated", the void sample format is not "colour mode other",
        // Y without X is "missing resolution", and the broken chain quotes the error libtiff stopped at
        #expect(!codes("01").contains("truncated") && !codes("01").contains("short-data"), "\(codes("01"))")
        let sgi = problems.filter { ($0["ref"] as? String) == "H1/02" }.compactMap { $0["message"] as? String }
        #expect(!sgi.contains { $0.contains("không nhận ra") }, "\(sgi)")
        #expect(
            codes("03").contains("unknown-dpi") && !codes("03").contains("zero-dpi"), "\(codes("03"))")
        let chain = problems.filter { ($0["ref"] as? String) == "H1/04" }.compactMap { $0["message"] as? String }
        #expect(
            chain.contains {
                $0.contains("trang 2") && $0.contains(": TIFFReadDirectory: Failed to read directory at offset")
            },
            "\(chain)")
        // And the corrected strip's libtiff warning is shown with the master, as a note
        let show = try kho("scan", "show", "H1/01")
        #expect(show.out.contains("Bogus \"StripByteCounts\""), "\(show.out)")
    }
}
