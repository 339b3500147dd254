import Foundation
import GRDB
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// Archival codes (*mã hồ sơ*) by a rule per fonds, file numbers fixed at the first copy, renumbering refused
/// once delivered, and the ladder following the copies. (Building with the tools: `EndToEndPdfTests`.)
@Suite struct DeliveryTests {
    let scans = try! TemporaryDirectory()

    /// Boxes H1 and H2 in fonds UBND-SK1; H1/01 (1993), H1/02 (1994), H2/01 (1993).
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0,1"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1", extent: "0,1"), by: Fixture.who())
        for (box, file, year) in [("H1", "01", "1993"), ("H1", "02", "1994"), ("H2", "01", "1993")] {
            try store.registerFile(
                FileDraft(
                    ref: FileRef(box: box, file: file), title: "Hồ sơ \(box)/\(file)", startYear: year, sheets: "1"),
                by: Fixture.who())
        }
        return store
    }

    func code(_ store: KhoStore, _ ref: String) throws -> String? {
        try store.showFile(try FileRef(parsing: ref)).archiveId
    }

    /// Writes one passing master for `ref` and ingests.
    func ingest(_ store: KhoStore, _ ref: String, seed: UInt16 = 8) throws {
        let path = scans.file("\(ref)/0001.tif")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([FixturePage(width: 16 + UInt32(seed), height: 16)], to: path)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
    }

    /// Records a copy of `ref` made from its masters as they are now, as `kho pdf build` does after the tools ran.
    func recordCopy(_ store: KhoStore, _ ref: String, code: String) throws -> ScanState {
        try store.write { db in
            let (_, file) = try CatalogueStore(db: db).file(ref: try FileRef(parsing: ref))
            let fileId = try #require(file.id)
            var event = Event(kind: .pdfBuild, attribution: Fixture.who("Hoa"), time: store.time)
            event.fileId = fileId
            try EventStore(db: db).append(&event)
            try db.execute(
                sql: """
                    INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine, ocr_language,
                                          seconds, settings, sources, built_at)
                    VALUES (?, ?, ?, '/x.pdf', 'abc', 1, 100, 'PDF/A-2B', 'Tesseract 5', 'vie', 1.0, '{"cores":4,"jobs":2}', ?, 0)
                    """, arguments: [fileId, event.id, code, try ScanStore(db: db).sources(fileId: fileId)])
            return try FileLadder.apply(ScanStore(db: db), fileId: fileId).after
        }
    }

    @Test func theDefaultRuleIsFondsYearAndNumberInInventoryOrder() throws {
        let store = try catalogue()
        #expect(try code(store, "H1/01") == "UBND-SK1.1993.0001")
        #expect(try code(store, "H1/02") == "UBND-SK1.1994.0002")
        #expect(try code(store, "H2/01") == "UBND-SK1.1993.0003")
        // A list reads its codes through the whole fonds, one file straight: they agree
        #expect(
            try store.listFiles().map(\.archiveId) == [
                "UBND-SK1.1993.0001", "UBND-SK1.1994.0002", "UBND-SK1.1993.0003",
            ])
        // With an inventory number, it takes the year's place
        try store.setArchiveRule(fonds: "UBND-SK1", pattern: nil, inventory: "01", by: Fixture.who(), lang: .vi)
        #expect(try code(store, "H2/01") == "UBND-SK1.01.0003")
        let rule = try #require(try store.archiveRules(lang: .vi).first)
        #expect(rule.inventory == "01" && rule.example == "UBND-SK1.01.0001" && !rule.isDefault)
    }

    @Test(arguments: [
        ("{fonds}.{year", "{"), ("{fonds}}.{number}", "}"), ("{fonds}.{nummer}", "nummer"),
        ("{fonds}.{year}", "{number}"),
        ("{fonds}/{number}", "/"), ("{fonds}.{number:0}", ":"),
    ])
    func aRuleThatCannotBeUsedIsRefusedSayingWhy(pattern: String, named: String) throws {
        let store = try catalogue()
        do {
            try store.setArchiveRule(fonds: "UBND-SK1", pattern: pattern, inventory: nil, by: Fixture.who(), lang: .vi)
            Issue.record("\(pattern) was accepted")
        } catch let error as ArchiveCodeError {
            guard case .badRule(let p, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(p == pattern)
            #expect(reason.vi.contains(named) || reason.en.contains(named), "\(reason.en)")
        }
    }

    @Test func aRuleThatGivesTwoFilesOneCodeIsRefused() throws {
        let store = try catalogue()
        // H1/01 and H2/01 are both file 01 of 1993
        expectError(
            ArchiveCodeError.duplicateCodes(fonds: "UBND-SK1", code: "UBND-SK1.1993.01", refs: ["H1/01", "H2/01"])
        ) {
            try store.setArchiveRule(
                fonds: "UBND-SK1", pattern: "{fonds}.{year}.{file}", inventory: nil, by: Fixture.who(), lang: .vi)
        }
        // With the box in it, the codes are unique
        try store.setArchiveRule(
            fonds: "UBND-SK1", pattern: "{fonds}.{box}.{file}", inventory: nil, by: Fixture.who(), lang: .vi)
        #expect(try code(store, "H2/01") == "UBND-SK1.H2.01")
    }

    @Test func numbersAreFixedOnceGivenAndLaterFilesTakeTheNextOnes() throws {
        // Given numbers fixed (as the fonds' first build does)
        let store = try catalogue()
        let fondsId = try #require(try store.reading { tx in try tx.catalogue.fondsId(code: "UBND-SK1") })
        let numbered = try store.writing { tx in
            try ArchiveCodes.assignNumbers(tx, fondsId: fondsId, by: Fixture.who(), time: store.time)
        }
        #expect(numbered == 3)
        // When a file is registered later in an earlier box
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "00"), title: "Hồ sơ tìm thấy sau", startYear: "1993"),
            by: Fixture.who())
        // Then the numbered files keep their codes, and the new one takes the next number
        #expect(try code(store, "H1/01") == "UBND-SK1.1993.0001")
        #expect(try code(store, "H2/01") == "UBND-SK1.1993.0003")
        #expect(try code(store, "H1/00") == "UBND-SK1.1993.0004")
        // And the numbering is an attributed event
        #expect(
            try store.events(lang: .vi).contains {
                $0.kind == EventKind.pdfNumber.rawValue && $0.actor == "Nguyễn Thị Thu"
            })
    }

    @Test func aFileWithoutYearOrInventoryHasNoCodeAndSaysWhatToDo() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0,1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Không rõ năm"), by: Fixture.who())
        #expect(try code(store, "H1/01") == nil)
        let rule = try #require(try store.archiveRules(lang: .vi).first)
        #expect(rule.exampleProblem?.contains("--start-year") == true)
    }

    @Test func theLadderFollowsTheCopyAndRenumberingIsRefusedOnceDelivered() throws {
        // Given a file whose masters passed QC
        let store = try catalogue()
        try ingest(store, "H1/01")
        #expect(try store.showFile(FileRef(box: "H1", file: "01")).scanState == .passed)
        // When its copy is recorded, made from these masters
        #expect(try recordCopy(store, "H1/01", code: "UBND-SK1.1993.0001") == .delivered)
        // Then a rule that would change its code is refused, naming the old and new codes
        expectError(
            ArchiveCodeError.renumbering(
                fonds: "UBND-SK1", ref: "H1/01", old: "UBND-SK1.1993.0001", new: "UBND-SK1.01.0001", more: 0)
        ) {
            try store.setArchiveRule(fonds: "UBND-SK1", pattern: nil, inventory: "01", by: Fixture.who(), lang: .vi)
        }
        // And its delivered code stays its code, whatever its year becomes
        _ = try store.editFile(FileRef(box: "H1", file: "01"), FileChanges(startYear: "1990"), by: Fixture.who())
        #expect(try code(store, "H1/01") == "UBND-SK1.1993.0001")
        // And the code belongs to that file: it cannot be delivered for another
        #expect(throws: (any Error).self) { try recordCopy(store, "H1/02", code: "UBND-SK1.1993.0001") }
        // When a master's accepted content changes after the copy was built
        try store.write { db in
            try db.execute(sql: "UPDATE master SET sha256 = 'new' WHERE rel_path = 'H1/01/0001.tif'")
        }
        let after = try store.writing { tx in try FileLadder.apply(tx.scan, fileId: 1).after }
        // Then the file needs a rebuild, and does not count as digitized until it is rebuilt
        #expect(after == .rebuild)
        #expect(!ScanState.rebuild.isDigitized)
    }

    @Test func theCopiesMeasurePagesBytesAndBuildTimeForTheEstimate() throws {
        let store = try catalogue()
        #expect(try store.deliveryMeasures() == DeliveryMeasures())
        try ingest(store, "H1/01")
        _ = try recordCopy(store, "H1/01", code: "UBND-SK1.1993.0001")
        let m = try store.deliveryMeasures()
        #expect(m.copies == 1 && m.pages == 1 && m.bytes == 100)
        // One page in one second, two files at a time: 7,200 pages an hour on that 4-core machine
        #expect(m.bytesPerPage == 100 && m.secondsPerPage == 1 && m.pagesPerHour == 7200)
        #expect(m.cores == 4 && m.jobs == 2)
    }

    @Test func settingsAreCheckedAndKept() throws {
        let store = try catalogue()
        #expect(try store.deliverySettings() == DeliverySettings())
        #expect(try store.deliverySettings().isLossless)
        let s = try DeliverySettings.parse(image: "jpeg", jpegQuality: "80", dpi: "300", onto: DeliverySettings())
        try store.setDeliverySettings(s, by: Fixture.who())
        #expect(try store.deliverySettings() == DeliverySettings(image: .jpeg, jpegQuality: 80, dpi: 300))
        #expect(
            throws: DeliveryError.badSetting(name: "--image", value: "png", allowed: Text(verbatim: "lossless | jpeg"))
        ) {
            try DeliverySettings.parse(image: "png", jpegQuality: nil, dpi: nil, onto: DeliverySettings())
        }
        #expect(
            throws: DeliveryError.badSetting(name: "--dpi", value: "10", allowed: Text(verbatim: "72–1200 | master"))
        ) {
            try DeliverySettings.parse(image: nil, jpegQuality: nil, dpi: "10", onto: DeliverySettings())
        }
        #expect(throws: DeliveryError.noFolder) { try DeliverySettings().resolvedFolder(catalogue: ":memory:") }
        #expect(
            try DeliverySettings().resolvedFolder(catalogue: "/srv/kho/catalog/kho.sqlite") == "/srv/kho/catalog/pdf")
    }

    @Test func withoutTheToolsTheErrorNamesTheDebianPackages() throws {
        #expect(throws: DeliveryError.toolsMissing(packages: ["ocrmypdf", "tesseract-ocr-vie", "poppler-utils"])) {
            try DeliveryTools.locate(path: "/nonexistent-kho-path")
        }
        let text = DeliveryError.toolsMissing(packages: DeliveryTools.packages).text
        #expect(text.vi.contains("apt-get install ocrmypdf tesseract-ocr-vie poppler-utils"))
        #expect(text.en.contains("apt-get install ocrmypdf tesseract-ocr-vie poppler-utils"))
    }
}
