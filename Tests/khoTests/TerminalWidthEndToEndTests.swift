import Foundation
import KhoTestTags
import Testing

/// Tables are read at a terminal's width: wider than `COLUMNS` (or the terminal), their long text columns wrap
/// between words onto more lines, nothing cut; written to a file or a pipe, each row stays on one line.
@Suite(.tags(.endToEnd)) struct TerminalWidthEndToEndTests {
    static let title = "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất cho các hộ gia đình thôn Tân Hương, năm 1998"

    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
            ["box", "add", "H0040", "--fonds", "UBND-SK1", "--location", "K-2-4", "--by", "Thu"],
            [
                "file", "add", "H0040/01", "--title", Self.title, "--start-year", "1998", "--end-year", "1998",
                "--retention", "permanent", "--by", "Thu",
            ],
            ["file", "add", "H0040/02", "--title", "Sổ đăng ký kết hôn năm 1998", "--by", "Thu"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func anErrorIsReadAtTheTerminalsWidthAndNeverCarriesAControlCharacterRaw() throws {
        let kho = try catalogue()
        // Given a path with an escape sequence and a bidi override in it, which kho cannot open
        let path = "/tmp/kho-\u{1B}[2Jx\u{202E}-không-có.csv"
        let raw = try kho("import", "files", path, "--by", "Thu")
        // Then the error quotes it with both shown as escapes: the terminal is not cleared, the line not reversed
        #expect(raw.code == 1)
        #expect(!raw.err.contains("\u{1B}") && !raw.err.contains("\u{202E}"), "\(raw.err.debugDescription)")
        #expect(raw.err.contains("\\u{1B}[2Jx\\u{202E}-không-có.csv"), "\(raw.err)")
        // And a long error at a terminal 60 columns wide is broken between words, each word whole, nothing lost
        let folder = "chua-co-thu-muc-ban-quet-nao-o-day"
        let piped = try kho("scan", "ingest", folder, "--by", "Hoa")
        let narrow = try kho("scan", "ingest", folder, "--by", "Hoa", env: ["COLUMNS": "60"])
        #expect(narrow.code == 1 && piped.code == 1)
        let lines = narrow.err.split(separator: "\n")
        #expect(lines.count > 1 && piped.err.split(separator: "\n").count == 1, "\(narrow.err)")
        for line in lines where line.count > 60 { #expect(!line.contains(" "), "\(line)") }
        #expect(narrow.err.split(whereSeparator: \.isWhitespace) == piped.err.split(whereSeparator: \.isWhitespace))
    }

    @Test func aMistypedCommandIsQuotedBackEscapedInEitherLanguage() throws {
        let kho = try catalogue()
        // Given arguments argument-parser refuses, each holding an escape sequence or a bidi override
        let typed = ["x\u{1B}[2J", "y\u{202E}z"]
        for lang in ["vi", "en"] {
            for args in [
                ["log", "--limit", typed[0]], [typed[1]], ["box", "show", "H1", "--no-such-\u{1B}[31m"],
                ["search", "đất", "--limit", typed[1]],
            ] {
                let r = try kho.run(args, env: ["KHO_LANG": lang])
                // Then kho refuses it as a usage error and quotes it with both shown as escapes
                #expect(r.code == 64, "\(args) \(lang): \(r.err)")
                #expect(!r.err.contains("\u{1B}") && !r.err.contains("\u{202E}"), "\(r.err.debugDescription)")
                #expect(r.err.contains("\\u{1B}") || r.err.contains("\\u{202E}"), "\(args) \(lang): \(r.err)")
            }
        }
        // And help is printed whole, on standard output, in each language
        let vi = try kho("log", "--help")
        let en = try kho.run(["log", "--help", "--lang", "en"])
        #expect(vi.code == 0 && vi.out.contains("--limit") && vi.err.isEmpty, "\(vi.err)")
        #expect(en.code == 0 && en.out.contains("USAGE:") && en.err.isEmpty, "\(en.err)")
    }

    @Test func aWideListWrapsItsTitlesWithinTheTerminalsWidth() throws {
        let kho = try catalogue()
        let narrow = try kho("file", "list", env: ["COLUMNS": "80"])
        #expect(narrow.code == 0, "\(narrow.err)")
        let lines = narrow.out.split(separator: "\n").map { Array($0) }
        // Every line fits 80 columns
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.map(\.count))")
        // And the title is all there, its words in order down the title column (where the rule under its header is)
        let header = try #require(lines.first.map { String($0) })
        let start = header.distance(from: header.startIndex, to: try #require(header.range(of: "Tiêu đề")).lowerBound)
        let width = lines[1].dropFirst(start).prefix { $0 == "─" }.count
        #expect(width < Self.title.count)
        let rows = lines.dropFirst(2).prefix { !String($0).hasPrefix("H0040/02") }
        #expect(rows.count > 1)
        let cells = rows.map { String($0.dropFirst(start).prefix(width)).trimmingCharacters(in: .whitespaces) }
        #expect(cells.joined(separator: " ") == Self.title)
        // The year and the retention are whole
        #expect(String(rows[rows.startIndex]).contains("1998") && String(rows[rows.startIndex]).contains("vĩnh viễn"))
    }

    @Test func writtenToAPipeEachRowStaysOnOneLine() throws {
        let kho = try catalogue()
        let piped = try kho("file", "list")
        #expect(piped.out.split(separator: "\n").count == 4)
        #expect(piped.out.contains(Self.title))
    }

    @Test func theEstimateIsReadAtEightyColumnsEveryWordAndAmountWhole() throws {
        // Given a catalogue with a rates file, whose estimate has long sentences and wide tables
        let kho = try EndToEndMoneyLinesTests.catalogue()
        var env = EndToEndMoneyLinesTests.env
        env["KHO_RATES"] = kho.dir.appendingPathComponent("rates.toml").path
        let args = ["estimate"] + EndToEndMoneyLinesTests.asOf
        let piped = try kho.run(args, env: env).out
        #expect(piped.split(separator: "\n").contains { $0.count > 100 }, "written to a pipe, lines stay whole")
        // When it is printed at 80 columns
        env["COLUMNS"] = "80"
        let narrow = try kho.run(args, env: env).out
        let lines = narrow.split(separator: "\n").map(String.init)
        // Then every line fits
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.filter { $0.count > 80 })")
        // And nothing is lost: the same words, only placed on more lines (the tables' rules aside)
        func words(_ text: String) -> [String] {
            text.split(whereSeparator: \.isWhitespace).map(String.init).filter { !$0.allSatisfy { $0 == "─" } }.sorted()
        }
        #expect(words(narrow) == words(piped))
        // And an amount, a length or a dash is never cut from its number
        for amount in piped.matches(of: /[\d.]+ đ/).map({ String($0.output) }) {
            #expect(narrow.contains(amount), "\(amount)")
        }
        #expect(!lines.contains { ["đ", "m", "–"].contains($0.split(separator: " ").first.map(String.init) ?? "") })
        // And a sentence too long for a line goes on under its own indent
        let long = try #require(piped.split(separator: "\n").first { $0.hasPrefix("  - ") && $0.count > 80 })
        let note = try #require(lines.firstIndex { long.hasPrefix($0) })
        #expect(lines[note + 1].hasPrefix("    ") && !lines[note + 1].hasPrefix("     "), "\(lines[note...(note + 1)])")
    }
}
