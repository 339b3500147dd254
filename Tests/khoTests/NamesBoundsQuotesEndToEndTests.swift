import Foundation
import GRDB
import KhoTestSupport
import KhoTestTags
import Testing

/// Issue 11, classes 4, 6 and 9 through the built `kho`: huge numbers are refused (never a crash), a damaged
/// catalogue still reads, an unclosed quote imports nothing, bad codes are refused, and hidden characters never
/// reach the terminal raw.
@Suite(.tags(.endToEnd)) struct NamesBoundsQuotesEndToEndTests {
    /// A catalogue with fonds F1, box B1 and file B1/01.
    func catalogue() throws -> Kho {
        let kho = Kho()
        #expect(try kho("fonds", "add", "F1", "--name", "Phông 1", "--by", "Thu").code == 0)
        #expect(try kho("box", "add", "B1", "--fonds", "F1", "--extent", "1", "--by", "Thu").code == 0)
        #expect(try kho("file", "add", "B1/01", "--title", "Sổ", "--sheets", "10", "--by", "Thu").code == 0)
        return kho
    }

    /// Runs raw SQL on the catalogue behind kho's back.
    func damage(_ kho: Kho, _ sql: String) throws {
        let db = try DatabaseQueue(path: kho.db)
        try db.write { try $0.tamperWithLog(sql) }
    }

    /// Whether any byte of `text` is a C0 control other than newline and tab, DEL, or a bidi override.
    func hasRawHidden(_ text: String) -> Bool {
        text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x202A...0x202E).contains($0.value)
        }
    }

    @Test func theIssuesHugeNumbersAreRefusedWithAMessageNeverATrap() throws {
        // Given a catalogue
        let kho = try catalogue()
        let before = try kho.snapshot()
        let csv = kho.write("box,fonds,extent_m\nB2,F1,9223372036854776\n", to: "hop.csv")
        let scans = kho.write("box,file,pages\nB1,01,9223372036854775807\n", to: "quet.csv")
        // When the issue's numbers come through options and CSV
        let runs = [
            ["box", "add", "B2", "--fonds", "F1", "--extent", "9223372036854776", "--by", "Thu"],
            ["box", "edit", "B1", "--extent", "9223372036854776", "--by", "Thu"],
            ["sort", "finish", "B1", "--kept", "9223372036854776", "--by", "Thu"],
            ["file", "add", "B1/02", "--title", "x", "--sheets", "9223372036854775807", "--by", "Thu"],
            ["scan", "record", "B1/01", "--pages", "9223372036854775807", "--by", "Thu"],
            ["import", "boxes", csv, "--by", "Thu"],
            ["import", "scans", scans, "--by", "Thu"],
            ["estimate", "--day-rate", "9223372036854775807"],
        ]
        for args in runs {
            let r = try kho.run(args, env: ["KHO_LANG": "en"])
            // Then each is refused with a message: exit 1 (64 for an option refused before running); a trap
            // would end with SIGILL (status 4 or 132)
            #expect(
                (r.code == 1 || r.code == 64) && !r.err.isEmpty, "\(args.joined(separator: " ")): \(r.code) \(r.err)")
            #expect(!r.err.contains("Fatal error") && !r.err.contains("crashed"), "\(args)")
        }
        let extent = try kho(
            "box", "add", "B2", "--fonds", "F1", "--extent", "10.5", "--by", "Thu", env: ["KHO_LANG": "en"])
        #expect(extent.err.contains("“10.5” is too large: one box or bundle is at most 10 m"), "\(extent.err)")
        // and nothing changed
        #expect(try kho.snapshot() == before)
    }

    @Test func aCatalogueDamagedWithHugeValuesStillReads() throws {
        // Given the issue's damage: pages and sheets of 2^63 − 1 written by raw SQL
        let kho = try catalogue()
        #expect(try kho("file", "add", "B1/02", "--title", "Sổ 2", "--sheets", "10", "--by", "Thu").code == 0)
        #expect(try kho("scan", "record", "B1/01", "--pages", "10", "--by", "Thu").code == 0)
        try damage(
            kho,
            "UPDATE file SET pages = 9223372036854775807, sheets = 9223372036854775807; UPDATE event SET pages = 9223372036854775807"
        )
        // When every reading command runs, Then none fails with "integer overflow" or traps
        for args in [
            ["status"], ["check"], ["estimate"], ["report", "--html", kho.dir.appendingPathComponent("r.html").path],
            ["box", "list"], ["fonds", "list"], ["throughput"],
        ] {
            let r = try kho.run(args)
            #expect(r.code == 0 || (args == ["check"] && r.code == 1), "\(args): \(r.code) \(r.err)")
            #expect(!r.err.contains("overflow") && !r.out.contains("overflow"), "\(args): \(r.err)")
        }
    }

    @Test func anUnclosedQuoteInTheLastColumnImportsNothingAndNamesItsLine() throws {
        // Given the issue's 10-row file with a quote opened in the last column of its 2nd row
        let kho = try catalogue()
        var text = "box,fonds,extent_m,notes\n"
        for i in 2...11 { text += "B\(i),F1,0.125," + (i == 3 ? "\"ẩm mốc\n" : "ghi chú \(i)\n") }
        let path = kho.write(text, to: "hop.csv")
        let before = try kho.snapshot()
        // When it is imported
        let r = try kho("import", "boxes", path, "--by", "Thu", env: ["KHO_LANG": "en"])
        // Then it is refused naming line 3, instead of "Imported 1 boxes"
        #expect(r.code == 1)
        #expect(
            r.err.contains("line 3") && r.err.contains("never closed") && r.err.contains("Nothing was imported"),
            "\(r.err)")
        #expect(!r.out.contains("Imported"))
        #expect(try kho.snapshot() == before)
        // And once the quote is closed, all ten rows come in
        let fixed = kho.write(text.replacingOccurrences(of: "\"ẩm mốc\n", with: "\"ẩm mốc\"\n"), to: "hop2.csv")
        let ok = try kho("import", "boxes", fixed, "--by", "Thu", env: ["KHO_LANG": "en"])
        #expect(ok.code == 0 && ok.out.contains("Imported 10 boxes"), "\(ok.out) \(ok.err)")
    }

    @Test func codesOutsideTheGrammarAreRefusedAndTheirMessageIsEscaped() throws {
        let kho = try catalogue()
        let before = try kho.snapshot()
        for code in ["H/12", "a..b", "H 1", "H\u{1B}[2J", "H\u{202E}1", String(repeating: "H", count: 33)] {
            let r = try kho("box", "add", code, "--fonds", "F1", "--by", "Thu", env: ["KHO_LANG": "en"])
            #expect(
                r.code == 1 && r.err.contains("is not valid") && r.err.contains("at most 32 characters"),
                "\(code): \(r.err)")
            #expect(!hasRawHidden(r.err), "\(code): the message carries the raw character")
        }
        // An unknown code typed with an ESC sequence is quoted escaped too
        let unknown = try kho("box", "show", "B\u{1B}[2J", env: ["KHO_LANG": "en"])
        #expect(unknown.code == 1 && unknown.err.contains("B\\u{1B}[2J"), "\(unknown.err)")
        #expect(try kho.snapshot() == before)
    }

    @Test func hiddenCharactersStoredBehindKhosBackAreShownEscaped() throws {
        // Given a catalogue whose box notes, location and file title hold ESC sequences, a newline and a bidi
        // override, written by raw SQL (kho itself refuses them)
        let kho = try catalogue()
        try damage(
            kho,
            """
            UPDATE box SET notes = 'ẩm' || char(27) || '[2J' || char(10) || 'mốc', location = 'A-' || char(8238) || '3';
            UPDATE file SET title = 'Sổ' || char(27) || ']0;pwned' || char(7)
            """)
        // When people list and show them
        for args in [["box", "list"], ["box", "show", "B1"], ["file", "list"], ["file", "show", "B1/01"]] {
            let r = try kho.run(args)
            // Then no control or bidi character reaches the terminal raw; each is shown as an escape
            #expect(r.code == 0, "\(args): \(r.err)")
            #expect(!hasRawHidden(r.out), "\(args): raw control characters in \(r.out.debugDescription)")
            #expect(r.out.contains(args == ["box", "list"] ? "\\u{202E}" : "\\u{1B}"), "\(args): \(r.out)")
        }
        let show = try kho("box", "show", "B1")
        #expect(show.out.contains("A-\\u{202E}3"))
        // while --json keeps the stored text, escaped by JSON's own rules
        let json = try #require(try kho.json("box", "show", "B1") as? [String: Any])
        #expect((json["box"] as? [String: Any])?["notes"] as? String == "ẩm\u{1B}[2J\nmốc")
    }
}
