import Testing

@testable import KhoReport

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=x", "'\t=x"),
        ("\r=x", "\"'\r=x\""),
        ("-2+3", "'-2+3"),
        ("- mục 1", "- mục 1"),
        ("-", "-"),
        ("Hồ sơ về đất đai", "Hồ sơ về đất đai"),
        ("", ""),
        ("a=b", "a=b"),
    ])
    func textThatLooksLikeAFormulaIsNeutralised(input: String, expected: String) {
        // Given a text cell, When written, Then a formula-like start gets an apostrophe and nothing else changes
        #expect(CSVWriter.field(.text(input)) == expected)
    }

    @Test func numbersWrittenByKhoAreNotAltered() {
        // Given number cells, including negatives, When written, Then they stay as they are
        #expect(CSVWriter.field(.number("-5")) == "-5")
        #expect(CSVWriter.field(.integer(-5)) == "-5")
        #expect(CSVWriter.field(.decimal(-2.5)) == "-2.5")
        #expect(CSVWriter.field(.decimal(75.6)) == "75.6")
        #expect(CSVWriter.field(.decimal(.nan)) == "")
        // while the same text from a person is neutralised
        #expect(CSVWriter.field(.text("-5")) == "'-5")
    }

    @Test func fieldsWithCommasQuotesAndNewlinesAreQuoted() {
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("line1\nline2") == "\"line1\nline2\"")
        #expect(CSVWriter.field("line1\r\nline2") == "\"line1\r\nline2\"")
        #expect(CSVWriter.field("plain") == "plain")
        // a neutralised formula with a comma is prefixed, then quoted
        #expect(CSVWriter.field("=SUM(1,2)") == "\"'=SUM(1,2)\"")
    }

    @Test func linesEndWithCRLFAndTheBOMIsOptional() {
        // Given a header and two rows
        let withBOM = renderCSV(header: ["a", "b"], rows: [["1", .integer(2)], ["x,y", "z"]], bom: true)
        let without = renderCSV(header: ["a", "b"], rows: [["1", .integer(2)]], bom: false)
        // Then the BOM starts the first and not the second, and every line ends with CRLF
        #expect(withBOM == "\u{FEFF}a,b\r\n1,2\r\n\"x,y\",z\r\n")
        #expect(without == "a,b\r\n1,2\r\n")
        #expect(Array(withBOM.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(!without.unicodeScalars.contains("\u{FEFF}"))
    }

    @Test func headerCellsAreNeutralisedToo() {
        #expect(renderCSV(header: ["=cmd"], rows: [], bom: false) == "'=cmd\r\n")
    }
}
