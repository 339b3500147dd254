import Foundation
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

@Suite struct IngestTests {
    let scans = try! TemporaryDirectory()

    /// A catalogue with box H1 holding files 01, 02 (open) and 03 (secret).
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a", sheets: "2"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "02"), title: "b"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "03"), title: "mật", access: "secret"), by: Fixture.who())
        return store
    }

    /// Writes a master at `rel` under the scans root.
    @discardableResult
    func master(_ rel: String, _ pages: [FixturePage] = [.rgb]) throws -> String {
        let path = scans.file(rel)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write(pages, to: path)
        return path
    }

    func ingest(
        _ store: KhoStore, profile: QualityProfile = .vn2025, who: String = "Lê Thị Hoa"
    ) throws -> IngestSummary {
        try store.ingest(root: scans.path, profile: profile, by: Fixture.who(who), lang: .vi, now: Fixture.now)
    }

    @Test func goodMastersPassAndCountAsDigitized() throws {
        // Given two RGB 300-dpi masters for H1/01, one of them two pages
        let store = try catalogue()
        try master("H1/01/0001.tif")
        try master("H1/01/0002.tif", [.rgb, .rgb])
        // When they are ingested
        let summary = try ingest(store)
        // Then the file passes QC with 3 pages, and one attributed event records it
        #expect(summary.masters == 2 && summary.new == 2 && summary.pages == 3 && summary.records == 1)
        #expect(summary.failedQC == 0 && summary.unreadable == 0)
        let file = try store.showFile(FileRef(box: "H1", file: "01"))
        #expect(file.scanState == .passed)
        #expect(file.pages == 3)
        let event = try #require(try store.events(LogFilter(kind: "scan.ingest"), lang: .vi).first)
        #expect(event.actor == "Lê Thị Hoa")
        #expect(event.pages == 3)
        #expect((event.bytes ?? 0) > 0)
        let masters = try store.masters(of: FileRef(box: "H1", file: "01"), lang: .vi).masters
        #expect(masters.map(\.name) == ["0001.tif", "0002.tif"])
        #expect(masters.allSatisfy { $0.sha256?.count == 64 })
        #expect(masters[1].tiff?.pages.count == 2)
        #expect(try store.status(now: Fixture.now).progress.ladder.passed == 1)
    }

    @Test func aFailingPageMakesTheFileNeedRescanWithAReasonAPersonUnderstands() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif")
        try master("H1/01/0002.tif", [FixturePage(xResolution: 150, yResolution: 150)])
        let summary = try ingest(store)
        #expect(summary.failedQC == 1)
        #expect(summary.problemsTotal == 1 && summary.problems.count == 1)
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .rescan)
        let problems = try store.scanProblems(lang: .vi)
        #expect(problems.count == 1)
        #expect(problems[0].ref == "H1/01")
        #expect(problems[0].master == "0002.tif")
        #expect(problems[0].page == 1)
        #expect(problems[0].code == "low-dpi")
        #expect(try store.status(now: Fixture.now).progress.digitizedMetres == 0)
    }

    @Test func anotherProfileCanBeNamed() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif", [.gray8])
        #expect(try ingest(store).failedQC == 1)
        try FileManager.default.removeItem(atPath: scans.file("H1"))
        // (another image: the same one twice would be a duplicate finding)
        try master(
            "H1/02/0001.tif",
            [
                {
                    var p = FixturePage.gray8
                    p.width = 17
                    return p
                }()
            ])
        let summary = try ingest(store, profile: try store.resolveProfile("nara-textual"))
        #expect(summary.failedQC == 0)
        expectError(ScanError.unknownProfile("nope")) { try store.resolveProfile("nope") }
    }

    @Test func ingestIsIncrementalAndReportsChangedMasters() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif")
        try master("H1/01/0002.tif")
        _ = try ingest(store)
        // A second run reads nothing
        var summary = try ingest(store)
        #expect(summary.unchanged == 2 && summary.new == 0 && summary.changed == 0 && summary.records == 0)
        #expect(try store.events(LogFilter(kind: "scan.ingest"), lang: .vi).count == 1)
        // A master rewritten (as a rescan would) is read again and reported
        try master("H1/01/0002.tif", [FixturePage(width: 20, xResolution: 150, yResolution: 150)])
        summary = try ingest(store)
        #expect(summary.changed == 1 && summary.unchanged == 1)
        #expect(summary.changedPaths == ["H1/01/0002.tif"])
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .rescan)
        // The new event supersedes the old one, so pages are never counted twice
        let events = try store.events(LogFilter(kind: "scan.ingest"), lang: .vi)
        #expect(events.count == 2)
    }

    @Test func ingestSupersedesAHandRecordInsteadOfAddingToIt() throws {
        let store = try catalogue()
        let hand = try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 100, by: Fixture.who())
        try master("H1/01/0001.tif", [.rgb, .rgb, .rgb])
        _ = try ingest(store)
        let p = try store.status(now: Fixture.now).progress
        #expect(p.pagesScanned == 3)
        #expect(p.ladder.recorded == 0 && p.ladder.passed == 1)
        let events = try store.read { db in
            try Event.fetchAll(db, sql: "SELECT * FROM event WHERE kind = 'scan.ingest'")
        }
        #expect(events.first?.supersedes == hand.id)
    }

    @Test func unknownFoldersSecretFilesLinksAndStrayFilesAreFindingsAndNothingElseIsLost() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb, .rgb])  // 2 sheets: 2 pages make it complete
        try master("H9/01/0001.tif")
        try master("H1/03/0001.tif")
        try Data("ghi chú".utf8).write(to: URL(fileURLWithPath: scans.file("H1/01/notes.txt")))
        try FileManager.default.createSymbolicLink(
            atPath: scans.file("H1/01/0002.tif"), withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: scans.file("H2"), withDestinationPath: "/etc")
        let summary = try ingest(store)
        #expect(summary.masters == 1 && summary.records == 1)
        #expect(summary.findings.count == 5, "\(summary.findings)")
        #expect(summary.findings.contains { $0.contains("H9/01") })
        #expect(summary.findings.contains { $0.contains("hồ sơ mật H1/03") })
        #expect(summary.findings.contains { $0.contains("H1/01/0002.tif") && $0.contains("liên kết") })
        #expect(summary.findings.contains { $0.contains("H1/01/notes.txt") })
        #expect(try store.showFile(FileRef(box: "H1", file: "03")).scanState == ScanState.none)
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .passed)
    }

    @Test func theSummaryIsWordedInTheLanguageTheIngestIsGiven() throws {
        // Given a folder kho does not know and a bilevel master the profile fails
        try master("H9/01/0001.tif")
        try master("H1/02/0001.tif", [.bilevel])
        // When the same masters are ingested into two catalogues, in Vietnamese and in English
        let vi = try catalogue().ingest(
            root: scans.path, profile: .vn2025, by: Fixture.who(), lang: .vi, now: Fixture.now)
        let en = try catalogue().ingest(
            root: scans.path, profile: .vn2025, by: Fixture.who(), lang: .en, now: Fixture.now)
        // Then each summary's findings and problem lines are in its own language
        #expect(vi.findings.contains { $0.contains("thư mục H9/01") && $0.contains("không ứng với hồ sơ nào") })
        #expect(en.findings.contains { $0.contains("folder H9/01") && $0.contains("names no catalogued file") })
        let stored = try #require(vi.problems.first, "no problem line")
        let english = try #require(en.problems.first { $0.code == stored.code && $0.master == stored.master })
        #expect(stored.message != english.message)
        #expect(!english.message.contains { "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ".contains($0) })
    }

    @Test func brokenMastersAreFindingsForTheirFileAndTheIngestGoesOn() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif")
        for (name, bytes) in [
            ("0002.tif", [UInt8]()), ("0003.tif", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]),
            ("0004.TIF", (0..<500).map { UInt8(($0 * 37) & 0xFF) }),
        ] {
            try scans.write("H1/01/" + name, bytes)
        }
        let good = try master("H1/02/0001.tif")
        let whole = try Data(contentsOf: URL(fileURLWithPath: good))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: scans.file("H1/02/0002.tif")))
        let summary = try ingest(store)
        #expect(summary.masters == 6)
        #expect(summary.unreadable == 4)
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .rescan)
        #expect(try store.showFile(FileRef(box: "H1", file: "02")).scanState == .rescan)
        let codes = Set(try store.scanProblems(lang: .vi).map(\.code))
        #expect(codes.isSuperset(of: ["empty", "not-tiff"]), "\(codes)")
    }

    @Test func folderNamesWithDecomposedDiacriticsMatchTheCatalogue() throws {
        // (Codes no longer hold spaces: issue 11's code grammar.)
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "HỘP-7", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "HỘP-7", file: "Hồ-sơ-1"), title: "x"), by: Fixture.who())
        try master(
            "HỘP-7".decomposedStringWithCanonicalMapping + "/" + "Hồ-sơ-1".decomposedStringWithCanonicalMapping
                + "/trang 1.tif")
        let summary = try ingest(store)
        #expect(summary.records == 1, "\(summary.findings)")
        #expect(try store.showFile(FileRef(box: "HỘP-7", file: "Hồ-sơ-1")).scanState == .passed)
    }

    @Test func aMasterGoneFromDiskMakesItsFileNeedRescan() throws {
        let store = try catalogue()
        try master("H1/01/0001.tif")
        let second = try master("H1/01/0002.tif", [FixturePage(width: 17)])
        _ = try ingest(store)
        try FileManager.default.removeItem(atPath: second)
        let summary = try ingest(store)
        #expect(summary.missing == 1)
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .rescan)
        #expect(try store.scanProblems(lang: .vi).map(\.code) == ["missing"])
    }

    @Test func verifyFindsOneFlippedByteAndAMissingMaster() throws {
        let store = try catalogue()
        let a = try master("H1/01/0001.tif")
        let b = try master("H1/01/0002.tif")
        try master("H1/02/0001.tif")
        _ = try ingest(store)
        #expect(try store.verify(by: Fixture.who(), lang: .vi, now: Fixture.now).clean)
        // When one byte of one master flips and another disappears
        var bytes = try Data(contentsOf: URL(fileURLWithPath: a))
        bytes[bytes.count - 1] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: a))
        try FileManager.default.removeItem(atPath: b)
        let report = try store.verify(by: Fixture.who(), lang: .vi, now: Fixture.now)
        // Then verification names both by path
        #expect(!report.clean)
        #expect(report.checked == 3 && report.ok == 1 && report.changed == 1 && report.missing == 1)
        #expect(Set(report.problems.map(\.path)) == [a, b])
        #expect(try store.events(LogFilter(kind: "scan.verify"), lang: .vi).count == 2)
        // A sample checks only that many
        #expect(try store.verify(.sample(1), by: Fixture.who(), lang: .vi, now: Fixture.now, seed: 7).checked == 1)
    }

    @Test func aMissingRootIsAClearError() throws {
        let store = try catalogue()
        expectError(ScanError.rootMissing(scans.file("none"))) {
            try store.ingest(root: scans.file("none"), profile: .vn2025, by: Fixture.who(), lang: .vi, now: Fixture.now)
        }
    }
}

@Suite struct MasterMetadataTests {
    @Test func handWrittenJSONReadsBackWithEveryTag() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("m.tif")
        try FixtureWriter.write(
            [
                FixturePage(
                    dateTime: "2026:03:15 08:30:00", make: "Hãng \"Quét\"\\1", model: "A3\tPro", software: "kho test",
                    artist: "Lê Thị Hoa"), .gray8,
            ], to: path)
        let result = TIFFReader.read(path: path)
        let decoded = try JSONDecoder().decode(MasterMetadata.self, from: Data(MasterMetadata.json(result).utf8))
        #expect(decoded.pages == result.pages)
        #expect(
            decoded.format == result.format && decoded.byteOrder == result.byteOrder
                && decoded.fileSize == result.fileSize)
        #expect(decoded.pages[0].make == "Hãng \"Quét\"\\1")
        let problems = [
            StoredProblem(page: 1, code: "low-dpi", vi: "150 dpi; \"chuẩn\"", en: "x\ny"),
            StoredProblem(page: nil, code: "c", vi: "", en: ""),
        ]
        #expect(
            try JSONDecoder().decode([StoredProblem].self, from: Data(StoredProblem.json(problems).utf8)) == problems)
        // and the scan time comes from the DateTime tag, in the archive's time zone
        let scanned = KhoStore.scanTime(
            result,
            disk: MasterOnDisk(
                relPath: "", diskPath: path, name: "",
                identity: FileIdentity(device: 0, inode: 0, size: 0, mtimeNS: 0, ctimeNS: 0)), time: Fixture.time,
            now: Fixture.now)
        #expect(Fixture.time.dateTime(of: scanned) == "2026-03-15 08:30")
    }
}

@Suite struct ScanWalkerTests {
    @Test func mastersOutOfPlaceAreReportedAndOtherFilesBesideFoldersAreNot() throws {
        let dir = try TemporaryDirectory()
        try dir.write("README.md", Array("scans".utf8))
        try dir.write("lost.tif", [0])
        try FileManager.default.createDirectory(atPath: dir.file("H1"), withIntermediateDirectories: true)
        try dir.write("H1/ghi-chu.txt", Array("x".utf8))
        try dir.write("H1/page.TIFF", [0])
        let (folders, findings) = try ScanWalker.walk(root: dir.path)
        #expect(folders.isEmpty)
        #expect(findings == [.looseFile(path: "H1/page.TIFF"), .looseFile(path: "lost.tif")])
    }
}
