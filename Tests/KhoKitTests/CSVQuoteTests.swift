import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// Issue 11, class 4: a quote that is never closed must not swallow later rows; the reader names the line where
/// the quoted field opened, and nothing is imported.
@Suite struct CSVQuoteTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    func counts(_ store: KhoStore) throws -> [Int] {
        try store.read { db in
            try ["box", "file", "event"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }

    /// Ten box rows; row `broken` (1-based) has `"notes` opened in its last column and never closed.
    static func tenBoxes(unclosedOnRow broken: Int) -> String {
        var text = "box,fonds,extent_m,location,notes\n"
        for i in 1...10 {
            text += "H\(i),UBND-SK1,0.125,A-\(i)," + (i == broken ? "\"ẩm mốc, cần sấy\n" : "ghi chú \(i)\n")
        }
        return text
    }

    @Test func anUnclosedQuoteInTheLastColumnIsRefusedWithItsLineAndNothingIsImported() throws {
        // Given the issue's example: a 10-row file whose 2nd row (line 3) opens a quote in the last column
        let store = try Fixture.store()
        let path = Fixture.write(Self.tenBoxes(unclosedOnRow: 2), to: "hop.csv", in: dir)
        let before = try counts(store)
        // When it is imported
        // Then the reader says where the quote opened, instead of "Imported 1 boxes"
        expectError(
            ImportError.unterminatedQuote(path: path, line: 3, sample: "\"ẩm mốc, cần sấy"),
            { try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi) })
        #expect(try counts(store) == before)
        // and a dry run says the same
        expectError(
            ImportError.unterminatedQuote(path: path, line: 3, sample: "\"ẩm mốc, cần sấy"),
            { try store.importCSV(.boxes, path: path, dryRun: true, by: Fixture.who(), lang: .vi) })
        let message = ImportError.unterminatedQuote(path: path, line: 3, sample: "\"x").text
        #expect(message.en.contains("line 3") && message.en.contains("Nothing was imported"))
        #expect(message.vi.contains("dòng 3") && message.vi.contains("Chưa nhập gì"))
    }

    @Test func theLineCountsQuotedLineBreaksBeforeIt() throws {
        // Given a files sheet with a sep= line, a title over two lines (lines 3–4) and a quote opened in the
        // middle column on line 6 that never closes
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        let csv =
            "sep=;\r\nbox;file;title;sheets\r\nH1;01;\"Hồ sơ đất,\r\nthôn 2\";12\r\nH1;02;Sổ;3\r\nH1;03;\"Công văn đi;4\r\nH1;04;Sổ 4;5\r\n"
        let path = Fixture.write(csv, to: "hoso.csv", in: dir)
        // When it is imported, Then the quote's line is 6 (sep=, header, two lines of row 1, row 2, row 3)
        do {
            _ = try store.importCSV(.files, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("an unclosed quote was imported")
        } catch let error as ImportError {
            guard case .unterminatedQuote(_, let line, let sample) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(line == 6)
            #expect(sample.hasPrefix("\"Công văn đi"))
        }
        #expect(try store.listFiles().isEmpty)
    }

    @Test func textAfterAClosingQuoteIsRefusedNotGarbled() throws {
        // Given a field written "Hồ sơ" số 2 (the reader would drop a character and read on inside quotes)
        let store = try Fixture.store()
        let path = Fixture.write("box,fonds,notes\nH1,UBND-SK1,\"Hồ sơ\" số 2\nH2,UBND-SK1,x\n", to: "b.csv", in: dir)
        // When it is imported, Then it is refused on line 2 and nothing is imported
        expectError(
            ImportError.textAfterQuote(path: path, line: 2, sample: "\"Hồ sơ\" số 2"),
            { try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi) })
        #expect(try store.listBoxes().isEmpty)
    }

    @Test(arguments: [
        // Sound quoting still imports every row: escaped quotes, separators and line breaks inside quotes,
        // an empty quoted field, CRLF endings, a quote inside an unquoted field, no final line break.
        "box,fonds,notes\nH1,UBND-SK1,\"có \"\"ngoặc\"\", dấu phẩy\nvà xuống dòng\"\nH2,UBND-SK1,\"\"\nH3,UBND-SK1,5\" đĩa mềm\nH4,UBND-SK1,\"cuối\"",
        "box;fonds;notes\r\nH1;UBND-SK1;\"a;b\"\r\nH2;UBND-SK1;\"\r\n\"\r\nH3;UBND-SK1;x\r\nH4;UBND-SK1;\"\"\"\"\r\n",
    ])
    func soundQuotingImportsEveryRow(csv: String) throws {
        let store = try Fixture.store()
        let report = try store.importCSV(
            .boxes, path: Fixture.write(csv, to: "ok.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 4)
        #expect(try store.listBoxes().map(\.code) == ["H1", "H2", "H3", "H4"])
    }

    @Test func anUnclosedQuoteInAScanLogIsRefusedToo() throws {
        // Given a scan log whose last row opens a quote in the `by` column
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "02"), title: "b"), by: Fixture.who())
        let path = Fixture.write("box,file,pages,by\nH1,01,10,Hùng\nH1,02,12,\"Lan\n", to: "quet.csv", in: dir)
        let before = try counts(store)
        expectError(
            ImportError.unterminatedQuote(path: path, line: 3, sample: "\"Lan"),
            { try store.importCSV(.scans, path: path, by: Fixture.who(), lang: .vi) })
        #expect(try counts(store) == before)
    }
}
