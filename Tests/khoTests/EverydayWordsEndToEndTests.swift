import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

/// Issue 25, messages and words, through the built `kho`: each message names the field and the value the user gave,
/// nothing English shows in Vietnamese mode, counts read right.
@Suite(.tags(.endToEnd)) struct EverydayWordsEndToEndTests {
    /// A day `YYYY-MM-DD` as Vietnamese text shows it: `DD/MM/YYYY`.
    static func shown(_ iso: String) -> String { iso.split(separator: "-").reversed().joined(separator: "/") }

    /// Fonds F1, box H1 and file H1/01, registered ten days ago.
    func catalogue() throws -> Kho {
        let kho = Kho()
        let past = EverydayDatesEndToEndTests.day(offset: -10)
        for args in [
            ["fonds", "add", "F1", "--name", "Phông 1"], ["box", "add", "H1", "--fonds", "F1", "--extent", "0,5"],
            ["file", "add", "H1/01", "--title", "Hồ sơ 1", "--sheets", "1234"],
        ] {
            let r = try kho.run(args + ["--by", "Thu", "--at", past])
            #expect(r.code == 0, "\(args): \(r.err)")
        }
        return kho
    }

    /// Imports `csv` as documents of H1/01 into a new catalogue, expecting it refused.
    func refusedImport(_ csv: String) throws -> Kho.Result {
        let kho = try catalogue()
        let r = try kho("import", "docs", kho.write(csv, to: "vb.csv"), "--file", "H1/01", "--by", "Thu")
        #expect(r.code == 1)
        #expect(try kho("doc", "list", "H1/01", "--json").out.contains("Về việc") == false)
        return r
    }

    @Test func aNulByteInADocumentListNamesItsLineNotRowCounts() throws {
        let r = try refusedImport("STT,Trích yếu nội dung\n1,Về việc A\n2,Về\u{0}việc B\n")
        #expect(r.err.contains("dòng 3 có ký tự NUL"), "\(r.err)")
        #expect(!r.err.contains("trong 0 dòng"), "\(r.err)")
    }

    @Test func aDuplicateSTTInOneListNamesTheLineThatTookItFirst() throws {
        let r = try refusedImport("STT,Trích yếu nội dung\n5,Về việc A\n5,Về việc B\n")
        #expect(r.err.contains("STT 5 của hồ sơ H1/01 đã có ở dòng 2"), "\(r.err)")
        #expect(!r.err.contains("(“”)") && !r.err.contains("(«»)"), "\(r.err)")
    }

    @Test func anEscapeInTheSummaryIsBlamedOnTheSummary() throws {
        let r = try refusedImport("STT,Trích yếu nội dung,Ghi chú\n1,Về việc \u{1B}[31mA,\n")
        #expect(r.err.contains("trích yếu nội dung"), "\(r.err)")
        #expect(!r.err.contains("ghi chú «"), "\(r.err)")
    }

    @Test func aPageCountTooLargeSaysPages() throws {
        let kho = try catalogue()
        let r = try kho("doc", "add", "H1/01", "--summary", "Về việc A", "--page-count", "999999", "--by", "Thu")
        #expect(r.code == 1)
        #expect(r.err.contains("số trang «999999» quá lớn"), "\(r.err)")
        #expect(!r.err.contains("tờ"), "\(r.err)")
    }

    @Test func aThroughputWindowOfZeroIsRefusedNotReportedAsNoWork() throws {
        let kho = try catalogue()
        let r = try kho("throughput", "--window", "0")
        // Refused by the option's bound (issue 23: one rule for every numeric option), naming the range
        #expect(r.code == 64)
        #expect(r.err.contains("«0»") && r.err.contains("cần một số nguyên từ 1 đến 36.500 ngày"), "\(r.err)")
        #expect(!r.out.contains("Chưa có công việc"), "\(r.out)")
    }

    @Test(arguments: ["/dev/null", "kho.sqlite", ""])
    func pdfSettingsRefuseAFolderThatIsNotOne(folder: String) throws {
        let kho = try catalogue()
        let before = try kho("pdf", "settings", "--json").out
        let r = try kho("pdf", "settings", "--folder", folder == "kho.sqlite" ? kho.db : folder, "--by", "Thu")
        #expect(r.code == 1, "\(r.out)")
        #expect(r.err.contains("--folder"), "\(r.err)")
        #expect(try kho("pdf", "settings", "--json").out == before)
    }

    /// The default rates file with `lines` added at its end.
    func rates(_ kho: Kho, _ lines: String) throws -> String {
        let path = kho.dir.appendingPathComponent("rates.toml").path
        #expect(try kho("rates", "init", "--path", path).code == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let withLines =
            text.contains("[one_off]\n")
            ? text.replacingOccurrences(of: "[one_off]\n", with: "[one_off]\n" + lines + "\n")
            : text + "\n[one_off]\n" + lines + "\n"
        try Data(withLines.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aQuotedRatesNameWithAnEqualsSignIsReadWhole() throws {
        let kho = try catalogue()
        let path = try rates(kho, "\"=1+1\" = 5")
        let r = try kho("rates", "show", "--path", path, "--json")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("=1+1"), "\(r.out)")
    }

    @Test func anEscapeInARatesNameIsRefusedWithItsLineAndNeverReachesTheReport() throws {
        let kho = try catalogue()
        let path = try rates(kho, "\"Máy hút ẩm \u{1B}[31m\" = 5000000")
        let r = try kho("report", "--rates", path, "--html", "report.html")
        #expect(r.code == 1)
        #expect(r.err.contains("U+001B"), "\(r.err)")
        let html = try? String(contentsOf: kho.dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html?.contains("\u{1B}") != true)
    }

    @Test func theLogSaysCustodyDetailsInVietnamese() throws {
        let kho = try catalogue()
        #expect(
            try kho(
                "out", "H1", "--to", "Hoa", "--purpose", "scan", "--due", EverydayDatesEndToEndTests.today, "--by",
                "Thu"
            ).code == 0)
        #expect(try kho("in", "H1", "--by", "Thu").code == 0)
        let r = try kho("log")
        #expect(r.code == 0, "\(r.err)")
        for english in ["holder:", "purpose:", "due:", "out_event", "«scan»"] {
            #expect(!r.out.contains(english), "\(english) in \(r.out)")
        }
        #expect(
            r.out.contains("→ Hoa (số hóa), hạn \(Self.shown(EverydayDatesEndToEndTests.today))")
                && r.out.contains("← Hoa"),
            "\(r.out)")
    }

    @Test func theLogSaysWhatAChecksRunFoundInVietnamese() throws {
        // Given a run of each check
        let kho = try catalogue()
        #expect(try kho("scan", "verify", "--by", "Thu").code == 0)
        #expect(try kho("pdf", "verify", "--by", "Thu").code == 0)
        // Then the log says their tallies as the commands do, not in the stored English words
        let vi = try kho("log").out
        #expect(vi.contains("0 tốt, 0 mất, 0 thay đổi, 0 không đọc được"), "\(vi)")
        for english in ["ok 0", "missing", "unreadable"] { #expect(!vi.contains(english), "\(english) in \(vi)") }
        // And the stored note, which scripts read, and the English log keep the one form
        #expect(try kho("log", "--lang", "en").out.contains("ok 0, missing 0, changed 0, unreadable 0"))
        #expect(try kho("log", "--json").out.contains("\"ok 0, missing 0, changed 0, unreadable 0\""))
    }

    @Test func anIngestSaysTheSizeItReadInUnitsLikeEveryOtherSize() throws {
        // Given two masters of H1/01 under scans/
        let kho = try catalogue()
        let folder = kho.dir.appendingPathComponent("scans/H1/01").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb, .rgb], to: folder + "/0001.tif")
        try FixtureWriter.write([.rgb], to: folder + "/0002.tif")
        let bytes = try [1, 2].reduce(Int64(0)) { sum, n in
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/000\(n).tif")
            return sum + ((attributes[.size] as? NSNumber)?.int64Value ?? 0)
        }
        // When they are ingested
        let r = try kho("scan", "ingest", "scans", "--by", "Hoa")
        // Then the size read is written as sizes are everywhere (the kB, MB of `kho copies`), not a bare number
        #expect(r.code == 0, "\(r.err)")
        let row = r.out.split(separator: "\n").first { $0.hasPrefix("dung lượng đã đọc") }.map(String.init) ?? ""
        #expect(row.hasSuffix(" B") || row.hasSuffix(" kB"), "\(r.out)")
        #expect(!row.hasSuffix(" \(bytes)"), "\(row)")
        // And scripts keep the exact count
        let json = try kho("scan", "ingest", "scans", "--by", "Hoa", "--json").out
        #expect(json.contains("\"bytes\""), "\(json)")
    }

    @Test func englishCountsOfOneAreSingular() throws {
        let kho = try catalogue()
        let r = try kho(
            "out", "H1", "--to", "Hoa", "--purpose", "read", "--at", EverydayDatesEndToEndTests.day(offset: -2),
            "--due", EverydayDatesEndToEndTests.day(offset: -1), "--by", "Thu")
        #expect(r.code == 0, "\(r.err)")
        let list = try kho("out", "list", env: ["KHO_LANG": "en"])
        #expect(list.out.contains("1 day"), "\(list.out)")
        #expect(!list.out.contains("1 days"), "\(list.out)")
    }

    @Test func statusSaysBoxesReceivedAndRegisteredOnTwoLabelledRows() throws {
        let kho = try catalogue()
        #expect(try kho("box", "add", "H2", "--fonds", "F1", "--from", "H1", "--by", "Thu").code == 0)
        let r = try kho("status")
        let received = try #require(r.out.split(separator: "\n").first { $0.contains("Hộp/bó khi tiếp nhận") })
        let registered = try #require(r.out.split(separator: "\n").first { $0.contains("Hộp/bó đã đăng ký") })
        #expect(received.hasSuffix(" 1") || received.contains(" 1 "), "\(received)")
        #expect(registered.hasSuffix(" 2") || registered.contains(" 2 "), "\(registered)")
        #expect(!r.out.contains("(1)"), "\(r.out)")
    }

    @Test func theFileListGroupsThousandsLikeEverywhereElse() throws {
        let kho = try catalogue()
        let r = try kho("file", "list")
        #expect(r.out.contains("1.234"), "\(r.out)")
        #expect(!r.out.contains(" 1234"), "\(r.out)")
    }

    @Test func aFewPagesToBuildTakeMinutesNotAnHour() throws {
        let kho = Kho()
        let past = EverydayDatesEndToEndTests.day(offset: -10)
        for args in [
            ["fonds", "add", "F1", "--name", "Phông 1"], ["box", "add", "H1", "--fonds", "F1", "--extent", "0,125"],
            ["file", "add", "H1/01", "--title", "Hồ sơ 1", "--sheets", "7"],
        ] {
            #expect(try kho.run(args + ["--by", "Thu", "--at", past]).code == 0)
        }
        #expect(try kho("sort", "finish", "H1", "--kept", "0,125", "--by", "Thu", "--at", past).code == 0)
        let r = try kho("estimate", "--seed", "7", "--resamples", "50", env: ["KHO_RATES": ""])
        #expect(r.code == 0, "\(r.err)")
        let line = try #require(r.out.split(separator: "\n").first { $0.contains("Dựng bản PDF/A") }, "\(r.out)")
        #expect(line.contains("phút máy") && !line.contains("giờ máy"), "\(line)")
    }

    @Test func theDemoStopsWhenTheBuildFails() throws {
        // Given a copy of tools/demo whose setup succeeds and whose `swift build` fails
        let kho = Kho()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let tools = kho.dir.appendingPathComponent("tools")
        let bin = kho.dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: root.appendingPathComponent("tools/demo"), to: tools.appendingPathComponent("demo"))
        for (path, body) in [
            (tools.appendingPathComponent("setup"), "#!/bin/sh\nexit 0\n"),
            (bin.appendingPathComponent("swift"), "#!/bin/sh\necho 'main.swift:1:1: error: broken' >&2\nexit 1\n"),
        ] {
            try writeExecutable(body, at: path.path)
        }
        // An older binary that must not be run
        let old = kho.dir.appendingPathComponent(".build/release")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try writeExecutable("#!/bin/sh\necho OLD BINARY RAN\n", at: old.appendingPathComponent("kho").path)
        // When the demo runs
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [tools.appendingPathComponent("demo").path]
        process.currentDirectoryURL = kho.dir
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = bin.path + ":" + (env["PATH"] ?? "")
        env["KHO_DB"] = kho.dir.appendingPathComponent("demo.sqlite").path
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Then it stops with the build's error and never runs the old binary
        #expect(process.terminationStatus != 0)
        #expect(errors.contains("error: broken"), "\(errors)")
        #expect(!output.contains("OLD BINARY RAN") && !errors.contains("OLD BINARY RAN"))
    }

    @Test func theQualityProfileIsShownInWordsWithTheKeysAFileSetsItBy() throws {
        // Given a catalogue whose default profile is NARA's textual one (300 dpi, no page limit)
        let kho = try catalogue()
        #expect(try kho("scan", "profile", "nara-textual", "--by", "Thu").code == 0)
        // When the operator looks at it in Vietnamese
        let vi = try kho("scan", "profile").out
        // Then every rule is in Vietnamese words, with the key of a profile file beside it
        let rules = vi.split(separator: "\n").dropFirst().map(String.init)
        #expect(rules.count == 5, "\(vi)")
        #expect(vi.contains("độ phân giải tối thiểu (min_dpi): 300 dpi"), "\(vi)")
        #expect(vi.contains("bắt buộc có hồ sơ màu ICC (icc_required): không"), "\(vi)")
        #expect(vi.contains("số trang tối đa mỗi tệp (max_pages): không giới hạn"), "\(vi)")
        let keys = rules.compactMap { $0.firstMatch(of: /\((\w+)\):/).map { String($0.output.1) } }
        #expect(Set(keys) == ["min_dpi", "colour", "compression", "icc_required", "max_pages"], "\(vi)")
        #expect(!vi.contains("min dpi") && !vi.contains("max pages") && !vi.contains(": -"), "\(vi)")
        // And in English the same rules in English words
        let en = try kho("scan", "profile", "--lang", "en").out
        #expect(en.contains("minimum resolution (min_dpi): 300 dpi") && en.contains("(max_pages): no limit"), "\(en)")
    }
}
