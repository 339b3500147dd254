import Foundation
import KhoTestSupport
import Testing

@testable import KhoKit

@Suite struct ImportTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    func catalogueWithBoxes() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1"), by: Fixture.registrar)
        return store
    }

    @Test func importsBoxesWithBOMQuotesAndDiacritics() throws {
        let store = try Fixture.store()
        let csv =
            "\u{FEFF}box,fonds,extent_m,location,start_year,end_year,condition,notes\n"
            + "B1,UBND-SK1,0.5,A-1,1990,1995,mould,\"ẩm, mốc; cần sấy\"\n"
            + "B2,UBND-SK1,,A-2,,,,\"ghi chú\nhai dòng\"\n"
        let path = Fixture.write(csv, to: "boxes.csv", in: dir)
        let report = try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi)
        #expect(report.imported == 2)
        #expect(report.metres == 0.625)
        let boxes = try store.listBoxes()
        #expect(boxes.map(\.code) == ["B1", "B2"])
        #expect(boxes[0].notes == "ẩm, mốc; cần sấy")
        #expect(boxes[0].condition == .mould)
        #expect(boxes[1].notes == "ghi chú\nhai dòng")
        #expect(boxes[1].extentMetres == 0.125)
        let event = try #require(try store.events(LogFilter(kind: "import"), lang: .vi).first)
        #expect(event.detail.source == "boxes.csv")
        #expect(event.detail.count == 2)
    }

    @Test func readsExcelSemicolonsDecimalCommasAndVietnameseHeaders() throws {
        let store = try Fixture.store()
        let csv = "Hộp;Phông;Số mét;Vị trí;Ghi chú\r\nB1;UBND-SK1;0,75;A-1;\"có; chấm phẩy\"\r\n"
        let report = try store.importCSV(
            .boxes, path: Fixture.write(csv, to: "b.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 1)
        let box = try #require(try store.listBoxes().first)
        #expect(box.extentMetres == 0.75)
        #expect(box.notes == "có; chấm phẩy")
    }

    @Test func importsFilesAsNFC() throws {
        let store = try catalogueWithBoxes()
        let title = "Hồ sơ cấp đất thôn Tân Hương".decomposedStringWithCanonicalMapping
        let csv =
            "box,file,title,start_year,end_year,retention,sheets,notes\nH1,01,\(title),2001,2003,permanent,12,\nH1,02,\"Sổ, quyển 2\",,,10,,\n"
        try store.importCSV(.files, path: Fixture.write(csv, to: "f.csv", in: dir), by: Fixture.who(), lang: .vi)
        let files = try store.listFiles()
        #expect(files.count == 2)
        #expect(files[0].title == "Hồ sơ cấp đất thôn Tân Hương")
        #expect(
            files[0].title.unicodeScalars.count
                == "Hồ sơ cấp đất thôn Tân Hương".precomposedStringWithCanonicalMapping.unicodeScalars.count)
        #expect(files[1].retention == "10")
        #expect(files[1].sheets == nil)
    }

    @Test func badRowsImportNothingAndAreEachReportedWithTheirLine() throws {
        // Given a file with a quoted multi-line title (lines 2–3) and four bad rows after it
        let store = try catalogueWithBoxes()
        let csv = """
            box,file,title,start_year,end_year,retention,sheets,notes
            H1,01,"Tờ trình
            về đất",2001,2003,permanent,12,
            H1,02,Sổ,2005,2001,10,5,
            H1,01,trùng,,,,,
            H9,01,x,,,,,
            H2,01,ok,,,mãi,,
            H2,02,ok,,,,,

            """
        let path = Fixture.write(csv, to: "f.csv", in: dir)
        let before = try Fixture.eventCount(store)
        do {
            try store.importCSV(.files, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("expected bad rows")
        } catch ImportError.badRows(_, let problems, let rows) {
            #expect(rows == 6)
            #expect(problems.map(\.line) == [4, 5, 6, 7])
            #expect(problems.map(\.code) == ["H1/02", "H1/01", "H9/01", "H2/01"])
        }
        #expect(try store.listFiles().isEmpty)
        #expect(try Fixture.eventCount(store) == before)
    }

    @Test func dryRunChecksAndWritesNothing() throws {
        let store = try catalogueWithBoxes()
        let path = Fixture.write("box,file,title\nH1,01,a\n", to: "f.csv", in: dir)
        let report = try store.importCSV(.files, path: path, dryRun: true, by: Fixture.who(), lang: .vi)
        #expect(report.rows == 1 && report.imported == 0 && report.dryRun)
        #expect(try store.listFiles().isEmpty)
    }

    @Test func unclosedQuoteIsABadRowNotAPartialImport() throws {
        let store = try catalogueWithBoxes()
        let path = Fixture.write(
            "box,file,title,notes\nH1,01,a,\nH1,02,\"never closed,x\nH1,03,c,\n", to: "f.csv", in: dir)
        #expect(throws: ImportError.self) { try store.importCSV(.files, path: path, by: Fixture.who(), lang: .vi) }
        #expect(try store.listFiles().isEmpty)
    }

    @Test func refusesWindows1258UnlessAskedAndNeverImportsMojibake() throws {
        let store = try catalogueWithBoxes()
        // "Hồ sơ đất" in Windows-1258: ô + combining grave, ơ, đ, â + combining acute
        let bytes: [UInt8] =
            Array("box,file,title\nH1,01,".utf8) + [
                0x48, 0xF4, 0xCC, 0x20, 0x73, 0xF5, 0x20, 0xF0, 0xE2, 0xEC, 0x74, 0x0A,
            ]
        let path = Fixture.write(bytes: bytes, to: "w.csv", in: dir)
        expectError(ImportError.notUTF8(path: path, looksLike1258: true)) {
            try store.importCSV(.files, path: path, by: Fixture.who(), lang: .vi)
        }
        #expect(try store.listFiles().isEmpty)
        try store.importCSV(.files, path: path, encoding: .windows1258, by: Fixture.who(), lang: .vi)
        #expect(try store.listFiles().first?.title == "Hồ sơ đất")

        let garbled = Fixture.write("box,file,title\nH2,01,Há»“ sÆ¡\n", to: "m.csv", in: dir)
        #expect(throws: ImportError.self) { try store.importCSV(.files, path: garbled, by: Fixture.who(), lang: .vi) }
        #expect(try store.listFiles(FileFilter(box: "H2")).isEmpty)
    }

    @Test func headerProblemsAreNamed() throws {
        let store = try catalogueWithBoxes()
        let unknown = Fixture.write("box,file,title,colour\nH1,01,a,red\n", to: "u.csv", in: dir)
        #expect(throws: ImportError.self) { try store.importCSV(.files, path: unknown, by: Fixture.who(), lang: .vi) }
        let missing = Fixture.write("box,title\nH1,a\n", to: "m.csv", in: dir)
        expectError(ImportError.missingColumns(path: missing, missing: ["file"], found: ["box", "title"])) {
            try store.importCSV(.files, path: missing, by: Fixture.who(), lang: .vi)
        }
        let empty = Fixture.write("", to: "e.csv", in: dir)
        expectError(ImportError.empty(path: empty)) {
            try store.importCSV(.files, path: empty, by: Fixture.who(), lang: .vi)
        }
        let nothing = dir.appendingPathComponent("absent.csv").path
        #expect(throws: ImportError.self) { try store.importCSV(.files, path: nothing, by: Fixture.who(), lang: .vi) }
    }

    @Test func boxesMayComeFromBoxesAboveInTheSameFile() throws {
        let store = try Fixture.store()
        let csv = "box,fonds,extent_m,from\nB1,UBND-SK1,0.5,\nH1,UBND-SK1,0.125,B1\nH2,UBND-SK1,0.125,B1\n"
        let report = try store.importCSV(
            .boxes, path: Fixture.write(csv, to: "b.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.metres == 0.5)
        let p = try store.status(now: Fixture.now).progress
        #expect(p.totalMetres == 0.5)
        #expect(try store.listBoxes().first { $0.code == "H1" }?.from == "B1")
        let dup = Fixture.write("box,fonds\nB9,UBND-SK1\nB9,UBND-SK1\nB1,UBND-SK1\n", to: "d.csv", in: dir)
        do {
            try store.importCSV(.boxes, path: dup, by: Fixture.who(), lang: .vi)
            Issue.record("expected bad rows")
        } catch ImportError.badRows(_, let problems, _) {
            #expect(problems.map(\.line) == [3, 4])
        }
    }

    @Test func scanRecordsImportWithTheirOwnPeopleAndDays() throws {
        let store = try catalogueWithBoxes()
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a", sheets: "10"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "02"), title: "b"), by: Fixture.who())
        let csv = "box,file,pages,date,by\nH1,01,14,2026-10-01T09:00,Lê Thị Hoa\nH1,02,30,,\n"
        try store.importCSV(.scans, path: Fixture.write(csv, to: "s.csv", in: dir), by: Fixture.who("Hùng"), lang: .vi)
        let events = try store.events(LogFilter(kind: "scan.record"), lang: .vi)
        #expect(events.map(\.actor) == ["Lê Thị Hoa", "Hùng"])
        #expect(events.map(\.day) == ["2026-10-01", "2026-11-27"])
        #expect(try store.status(now: Fixture.now).progress.pagesScanned == 44)
        // A second import of the same rows is refused whole
        #expect(throws: ImportError.self) {
            try store.importCSV(.scans, path: Fixture.write(csv, to: "s2.csv", in: dir), by: Fixture.who(), lang: .vi)
        }
        #expect(try store.events(LogFilter(kind: "scan.record"), lang: .vi).count == 2)
    }
}
