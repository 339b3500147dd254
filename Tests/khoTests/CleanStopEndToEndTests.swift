import Foundation
import KhoTestTags
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 21, item 7: SIGINT/SIGTERM during `pdf build` or `scan ingest` ends the children (their process groups),
/// removes the build folders, leaves the catalogue as before the interrupted file, and exits 130/143 with one line.
@Suite(.tags(.endToEnd), .serialized) struct CleanStopEndToEndTests {
    /// Every process as (pid, parent, process group, command line).
    func processes() -> [(pid: Int32, ppid: Int32, pgrp: Int32, cmd: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name in
            guard let pid = Int32(name),
                let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 3, let ppid = Int32(fields[1]), let pgrp = Int32(fields[2]) else { return nil }
            let raw = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(name)/cmdline"))) ?? Data()
            let cmd = String(decoding: raw.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return (pid, ppid, pgrp, cmd)
        }
    }

    /// The processes descending from `root`.
    func descendants(of root: Int32) -> [(pid: Int32, ppid: Int32, pgrp: Int32, cmd: String)] {
        let all = processes()
        var found: [(pid: Int32, ppid: Int32, pgrp: Int32, cmd: String)] = []
        var parents: Set<Int32> = [root]
        var grew = true
        while grew {
            grew = false
            for p in all where parents.contains(p.ppid) && !parents.contains(p.pid) {
                parents.insert(p.pid)
                found.append(p)
                grew = true
            }
        }
        return found
    }

    func start(_ kho: Kho, _ args: [String]) throws -> (Process, Pipe) {
        let process = kho.process(args, env: ["KHO_LANG": "en"])
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        return (process, err)
    }

    @Test func sigtermDuringAPdfBuildEndsOCRAndLeavesNothingBehind() throws {
        // Given a file of six text pages, its copy being built (OCR under way)
        let pages = (0..<6).map { i -> [UInt8] in
            var page = PdfFixture.textPage()
            page[page.count - 1 - i] ^= 0x01  // six different images (the same image twice is a finding)
            return page
        }
        let kho = try EndToEndPdfTests().catalogue([("H1/01", pages)])
        let (build, err) = try start(kho, ["pdf", "build", "--by", "Hoa", "--jobs", "1"])
        var groups: Set<Int32> = []
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            let children = descendants(of: build.processIdentifier)
            // OCRmyPDF at work on this file (its arguments name the build folder), not a version check
            if children.contains(where: { $0.cmd.contains("ocrmypdf") && $0.cmd.contains(".kho-build-") }) {
                groups = Set(children.map(\.pgrp))
                break
            }
            usleep(50_000)
        }
        #expect(!groups.isEmpty, "OCR never started")
        // When kho is sent SIGTERM
        kill(build.processIdentifier, SIGTERM)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        build.waitUntilExit()
        // Then it exits 143 with one line
        #expect(build.terminationReason == .exit && build.terminationStatus == 143, "\(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1 && text.contains("SIGTERM"), "\(text)")
        // And no process of the tools' groups remains (OCRmyPDF, Tesseract)
        usleep(200_000)
        let left = processes().filter { groups.contains($0.pgrp) }
        #expect(left.isEmpty, "\(left.map(\.cmd))")
        // And no build folder is left, no copy delivered, the catalogue as before the file
        let folder = kho.dir.appendingPathComponent("pdf/UBND-SK1").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(!names.contains { $0.hasPrefix(".kho-build-") }, "\(names)")
        #expect(!names.contains { $0.hasSuffix(".pdf") })
        let file = try #require(try kho.json("file", "show", "H1/01") as? [String: Any])
        #expect(file["scan_state"] as? String == "passed")
        #expect(try kho("check").code == 0)
    }

    @Test func sigintDuringAnIngestExits130AndLeavesACleanCatalogue() throws {
        // Given an ingest of 200 files under way
        let kho = Kho()
        let root = try InterruptedIngestTests().corpus(in: kho, files: 200, pages: 10)
        let (ingest, err) = try start(kho, ["scan", "ingest", root, "--by", "Hoa"])
        usleep(300_000)
        // When it is sent SIGINT
        kill(ingest.processIdentifier, SIGINT)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        ingest.waitUntilExit()
        // Then it exits 130 with one line (or had already finished), and every file is whole or untouched
        if ingest.terminationStatus != 0 {
            #expect(ingest.terminationStatus == 130, "\(text)")
            #expect(text.split(separator: "\n").count == 1 && text.contains("SIGINT"), "\(text)")
        }
        for (ref, line) in try InterruptedIngestTests().state(kho) {
            let ingested = line.hasSuffix("ingested=true")
            #expect(ingested ? line.contains("masters=10") : line.contains("masters=0"), "\(ref): \(line)")
        }
        #expect(try kho("check").code == 0)
    }
}
