import Foundation
import KhoTestTags
import Testing

/// A date reads one way wherever a person reads it: `31/12/2099` and `31/12/2099 08:00` in Vietnamese, on every
/// command's text as in the report; JSON (and English text) keep `2099-12-31`.
@Suite(.tags(.endToEnd)) struct DatesEndToEndTests {
    static var iso: Regex<Substring> { #/\d{4}-\d{2}-\d{2}/# }

    func catalogue() throws -> Kho {
        let kho = Kho()
        try FileManager.default.createDirectory(
            at: kho.dir.appendingPathComponent("usb"), withIntermediateDirectories: true)
        for step in [
            ["fonds", "add", "F1", "--name", "UBND xã Sơn Kim 1"],
            ["box", "add", "H1", "--fonds", "F1", "--location", "K-1"],
            ["box", "add", "H2", "--fonds", "F1", "--location", "K-2"],
            ["file", "add", "H1/01", "--title", "Sổ địa chính", "--start-year", "1995", "--end-year", "1996"],
            ["file", "add", "H2/01", "--title", "Sổ hộ tịch", "--start-year", "1995", "--end-year", "1996"],
            ["doc", "add", "H1/01", "--number", "12/QĐ-UBND", "--date", "03/1995", "--summary", "Giao đất"],
            ["doc", "add", "H1/01", "--number", "13/QĐ-UBND", "--date", "15/03/1995", "--summary", "Giao đất ở"],
            ["doc", "add", "H1/01", "--number", "14/QĐ-UBND", "--date", "15/03/1995", "--summary", "Cấp đất"],
            ["sort", "start", "H1"],
            ["sort", "finish", "H1", "--kept", "0,1"],
            ["out", "H2", "--to", "Ông Ba", "--purpose", "scan", "--due", "2099-12-31"],
            ["location", "mark", "K-1", "--risk", "damp"],
            ["copies", "add", "usb-1", "--path", kho.dir.appendingPathComponent("usb").path, "--place", "tủ sắt"],
            ["copies", "sync"],
            ["estimate", "--save", "đầu năm"],
        ] {
            let r = try kho.run(step + ["--by", "Thu"])
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func everyTextShowsDaysAsDayMonthYearAndJSONKeepsThemAsData() throws {
        let kho = try catalogue()
        // When a person reads the catalogue's dates, and meets them in a refusal
        let reads: [[String]] = [
            ["doc", "edit", "H1/01/3", "--date", "16/03/2001", "--by", "Thu"], ["status"], ["log"], ["copies", "list"],
            ["out", "list"], ["next"], ["doc", "list", "H1/01"],
            ["doc", "show", "H1/01/1"], ["box", "show", "H2"], ["file", "show", "H2/01"], ["estimate", "list"],
            ["location", "list"], ["check"], ["search", "giao"], ["sort", "finish", "H1", "--by", "Thu"],
            ["out", "H2", "--to", "Hoa", "--purpose", "read", "--by", "Thu"], ["box", "delete", "H1", "--by", "Thu"],
        ]
        var seen = ""
        for args in reads {
            let r = try kho.run(args)
            let text = r.out + r.err
            seen += text
            // Then no day is written YYYY-MM-DD
            #expect(text.firstMatch(of: Self.iso) == nil, "\(args): \(text)")
        }
        // And the days are there, as people write them
        for shown in [
            "31/12/2099", "03/1995", "hạn trả 31/12/2099", "13/QĐ-UBND · 15/03/1995 · Giao đất ở",
            // A document's date changed, in the log and in the warning that it is outside its file's years
            "15/03/1995 → 16/03/2001", "ngày văn bản 16/03/2001 nằm ngoài",
        ] {
            #expect(seen.contains(shown), "\(shown)")
        }
        let today = try #require(kho("log", "--json").out.firstMatch(of: Self.iso).map { String($0.output) })
        let parts = today.split(separator: "-")
        #expect(seen.contains("\(parts[2])/\(parts[1])/\(parts[0])"))
        // And the data a script reads keeps them as YYYY-MM-DD, as English text does
        #expect(try kho("out", "list", "--json").out.contains("2099-12-31"))
        #expect(try kho("doc", "show", "H1/01/1", "--json").out.contains("1995-03"))
        #expect(try kho.run(["out", "list"], env: ["KHO_LANG": "en"]).out.contains("2099-12-31"))
    }
}
