import Foundation
import KhoTestTags
import Testing

/// Numbers a chairman can check line by line: every printed quantity × unit price is the printed amount, in text,
/// CSV and report; totals are their lines; the chart's finish is the table's; storage is priced; bands, deadlines and
/// counted sheets behave (issue 22).
@Suite(.tags(.endToEnd)) struct EndToEndMoneyLinesTests {
    static let env = [
        "KHO_LANG": "vi", "KHO_TZ": "Asia/Ho_Chi_Minh", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    ]
    static let asOf = ["--as-of", "2025-03-31", "--seed", "7", "--resamples", "300"]
    static let rates = """
        copies = 2
        scanners = 1
        [contractor]
        per_metre_arranged = 8_000_000
        per_page_scanned = 1_500
        per_file_described = 10_000
        per_document_described = 3_000
        [in_house]
        day_rate = 400_000
        [one_off]
        "Máy hút ẩm" = 20_000_000
        [storage]
        per_tb_vnd = 3_000_000
        """

    /// Fonds F: B1 (0,5 m) arranged into H1 over five weeks, its four 40-sheet files recorded in four weeks; B2 (1 m)
    /// unarranged with no files; B3 (0,5 m) unarranged with two counted files of 300 sheets.
    static func catalogue() throws -> Kho {
        let kho = Kho()
        var steps: [[String]] = [
            ["fonds", "add", "F", "--name", "Phông thử", "--by", "Thu", "--at", "2025-01-02T08:00"],
            ["box", "add", "B1", "--fonds", "F", "--extent", "0,5", "--by", "Thu", "--at", "2025-01-02T08:00"],
            ["box", "add", "B2", "--fonds", "F", "--extent", "1", "--by", "Thu", "--at", "2025-01-02T08:00"],
            ["box", "add", "B3", "--fonds", "F", "--extent", "0,5", "--by", "Thu", "--at", "2025-01-02T08:00"],
            ["box", "add", "H1", "--fonds", "F", "--from", "B1", "--by", "Thu", "--at", "2025-01-03T08:00"],
            ["sort", "start", "B1", "--by", "Minh", "--at", "2025-01-06T08:00"],
            ["sort", "finish", "B1", "--kept", "0,4", "--by", "Minh", "--at", "2025-02-07T16:00"],
        ]
        for f in ["01", "02", "03", "04"] {
            steps.append([
                "file", "add", "H1/\(f)", "--title", "Hồ sơ \(f)", "--sheets", "40", "--retention", "permanent",
                "--by", "Thu", "--at", "2025-01-03T09:00",
            ])
        }
        for f in ["01", "02"] {
            steps.append([
                "file", "add", "B3/\(f)", "--title", "Hồ sơ chưa chỉnh lý \(f)", "--sheets", "300", "--by", "Thu",
                "--at", "2025-01-03T09:00",
            ])
        }
        for (f, pages, day) in [
            ("01", 80, "2025-01-09"), ("02", 76, "2025-01-15"), ("03", 70, "2025-01-22"),
            ("04", 74, "2025-02-04"),
        ] {
            steps.append(["scan", "record", "H1/\(f)", "--pages", "\(pages)", "--by", "Hoa", "--at", day + "T10:00"])
        }
        for step in steps {
            let r = try kho.run(step, env: env)
            guard r.code == 0 else { throw FixedCatalogueError(step: step, message: r.err) }
        }
        try rates.write(to: kho.dir.appendingPathComponent("rates.toml"), atomically: true, encoding: .utf8)
        return kho
    }

    func run(_ kho: Kho, _ args: [String]) throws -> Kho.Result {
        var env = Self.env
        env["KHO_RATES"] = kho.dir.appendingPathComponent("rates.toml").path
        let r = try kho.run(args, env: env)
        #expect(r.code == 0, "\(args): \(r.err)")
        return r
    }

    func json(_ kho: Kho, _ args: [String]) throws -> [String: Any] {
        let r = try run(kho, args + ["--json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
    }

    /// The cells of one CSV line (double quotes around cells that hold commas or quotes).
    static func cells(_ line: String) -> [String] {
        var out: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if c == "\"" {
                if quoted && chars.first == "\"" {
                    cell.append("\"")
                    chars = chars.dropFirst()
                } else {
                    quoted.toggle()
                }
            } else if c == "," && !quoted {
                out.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        return out + [cell]
    }

    /// A Vietnamese number as printed ("372.969", "1,25") as a Double.
    func vi(_ s: String) -> Double {
        Double(s.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")) ?? .nan
    }

    @Test func everyPrintedLineMultipliesOutInTextCSVAndReport() throws {
        // Given a catalogue with known lines and a rates file
        let kho = try Self.catalogue()
        // When the estimate is printed as text
        let text = try run(kho, ["estimate"] + Self.asOf).out
        // Then every money row's quantity × unit price is its amount, as printed
        let row = try Regex(#"([\d.,]+) (?:trang|m|hồ sơ|văn bản|ngày công|khoản|TB) +([\d.]+) đ +([\d.]+) đ"#)
        let rows = text.matches(of: row)
        #expect(rows.count >= 8, "\(text)")
        for m in rows {
            let q = vi(String(m.output[1].substring ?? "")), p = vi(String(m.output[2].substring ?? ""))
            let a = vi(String(m.output[3].substring ?? ""))
            #expect(abs(q * p - a) <= 0.5, "\(m.output[0].substring ?? "")")
        }
        #expect(!text.contains("trang × ") && !text.contains(",5 trang"), "no half pages")

        // And in the CSV, with the totals the sums of their lines
        let csv = try run(kho, ["estimate", "--csv"] + Self.asOf).out
        let table = csv.split(separator: "\r\n").map { Self.cells(String($0)) }
        let header = table[0]
        let col = { (name: String) in header.firstIndex(of: name) ?? -1 }
        var contractor = 0.0, oneOff = 0.0
        for cells in table.dropFirst() where cells.count == header.count && !cells[col("variant")].isEmpty {
            let q: Double = Double(cells[col("quantity")]) ?? .nan
            let p: Double = Double(cells[col("unit_price_vnd")]) ?? .nan
            let a: Double = Double(cells[col("amount_vnd")]) ?? .nan
            #expect(abs(q * p - a) <= 0.5, "\(cells)")
            if cells[col("variant")] == "contractor" { contractor += a }
            if cells[col("variant")] == "one_off" { oneOff += a }
        }
        let total = try #require(table.first { $0.first == "total" })
        #expect(Double(total[col("contractor_vnd")]) ?? -1 == contractor + oneOff)

        // And in the report's money-line rows
        let path = kho.dir.appendingPathComponent("bao-cao.html").path
        _ = try run(kho, ["report", "--html", path])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let tr = try Regex(
            #"<tr data-quantity="([\d.]+)" data-unit-price="(\d+)" data-amount="(\d+)"[^>]*data-key="money-line">"#)
        let lines = html.matches(of: tr)
        #expect(lines.count >= 8)
        for m in lines {
            let q = Double(m.output[1].substring ?? "") ?? .nan, p = Double(m.output[2].substring ?? "") ?? .nan
            #expect(abs(q * p - (Double(m.output[3].substring ?? "") ?? .nan)) <= 0.5)
        }
    }

    @Test func partsSumToTotalsAndStorageIsPricedByTheTerabyte() throws {
        let kho = try Self.catalogue()
        let e = try json(kho, ["estimate"] + Self.asOf)
        let money = try #require(e["money"] as? [String: Any])
        func lines(_ k: String) -> [[String: Any]] { money[k] as? [[String: Any]] ?? [] }
        func sum(_ l: [[String: Any]]) -> Int { l.reduce(0) { $0 + ($1["amount_vnd"] as? Int ?? 0) } }
        // Totals are their lines
        #expect(money["contractor_total_vnd"] as? Int == sum(lines("contractor")) + sum(lines("one_off")))
        let inHouse = try #require(money["in_house_total_vnd"] as? [String: Any])
        #expect(inHouse["p50"] as? Int == sum(lines("in_house")) + sum(lines("one_off")))
        // Describing is a part of its own in both options
        #expect(lines("in_house").contains { $0["part"] as? String == "description" })
        #expect(
            !lines("contractor").contains { $0["part"] as? String == "scanning" && ($0["unit"] as? String) == "file" })
        // Storage money = TB still to store × the rate, every copy, masters and PDF/A
        let storage = try #require(lines("one_off").first { $0["part"] as? String == "storage" })
        let st = try #require(e["storage"] as? [String: Any]), d = try #require(e["delivery"] as? [String: Any])
        let bytes = Double((st["remaining_bytes"] as? Int ?? 0) + (d["remaining_bytes"] as? Int ?? 0))
        let tb = ((bytes / 1e12) * 100).rounded() / 100
        #expect(storage["quantity"] as? Double == tb && storage["unit"] as? String == "TB")
        #expect(storage["amount_vnd"] as? Int == Int((tb * 3_000_000).rounded()))
        #expect(((st["pdf"] as? [String: Any])?["bytes_per_page_source"] as? String) == "assumed")
        // No one-off storage line of the old default rates
        #expect(!lines("one_off").contains { ($0["item"] as? String ?? "").contains("NAS") })
    }

    @Test func countedSheetsComeFirstAndTheChartFinishIsTheTables() throws {
        let kho = try Self.catalogue()
        let e = try json(kho, ["estimate"] + Self.asOf)
        let s = try #require(e["scanning"] as? [String: Any])
        let bySource = try #require(s["pages_by_source"] as? [String: Any])
        // B3's 600 counted sheets × the measured 300 pages ÷ 160 sheets; only B2's metre is predicted by the metre
        #expect(abs((bySource["from_sheets"] as? Double ?? 0) - 600 * 300 / 160) < 0.01)
        #expect((bySource["from_metres"] as? Double ?? 0) > 0)
        // Under a metre of fully scanned records: pages per kept metre is the stated sheets per metre × pages per sheet
        #expect((s["pages_per_metre"] as? Double) == 7_900.0 * 300 / 160)
        // The chart's finish label is the table's P50 finish
        let path = kho.dir.appendingPathComponent("bao-cao.html").path
        _ = try run(kho, ["report", "--html", path])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let now = try json(kho, ["estimate"])
        for kind in ["arrangement", "scanning"] {
            let p50 = ((now[kind] as? [String: Any])?["finish_date"] as? [String: Any])?["p50"] as? String
            #expect(html.contains("data-value=\"\(p50 ?? "?")\" data-key=\"chart-finish-p50-\(kind)\""), "\(kind)")
        }
        #expect(html.contains("data-key=\"chairman-summary\""))
    }

    @Test func tooLittleDataGivesNoBandNeverAZeroWidthOne() throws {
        // Given the fixed catalogue: two weeks of work on each part
        let kho = try FixedCatalogue.make()
        let r = try kho.run(["estimate", "--json"] + FixedCatalogue.estimateArgs, env: FixedCatalogue.env)
        let e = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        for kind in ["arrangement", "scanning"] {
            let p = try #require(e[kind] as? [String: Any])
            #expect(p["band"] is NSNull, "\(kind)")
            let reason = (p["band_reason"] as? [String: Any])?["vi"] as? String
            #expect(!(reason ?? "").isEmpty)
        }
        let text = try kho.run(["estimate"] + FixedCatalogue.estimateArgs, env: FixedCatalogue.env).out
        #expect(text.contains("chưa đủ số liệu"))
        #expect(text.contains("mặc định (chưa có"), "sources say there is no rates file")
        #expect(!text.contains("rates.toml line"))
    }

    @Test func aMissedDeadlineSaysSoFirstAndAbsurdStaffingWarns() throws {
        let kho = try Self.catalogue()
        let args = ["estimate", "--until", "2025-04-30", "--staff", "arrangement=1,scanning=1"] + Self.asOf
        let e = try json(kho, args)
        let warnings = try #require(e["warnings"] as? [[String: Any]])
        #expect(warnings.first?["key"] as? String == "deadline_missed")
        #expect(warnings.contains { $0["key"] as? String == "staff_unrealistic" })
        let text = try run(kho, args).out
        #expect(text.contains("KẾ HOẠCH KHÔNG KỊP HẠN 30/04/2025"))
        let csv = try run(kho, args + ["--csv"]).out
        #expect(csv.contains("deadline_total") && csv.contains("deadline_scanning"))
        // A past deadline is refused and changes nothing
        var env = Self.env
        env["KHO_RATES"] = kho.dir.appendingPathComponent("rates.toml").path
        let past = try kho.run(["estimate", "--until", "2025-03-01"] + Self.asOf, env: env)
        #expect(past.code != 0 && past.err.contains("2025-03-01"))
    }

    @Test func everyLinesSourceIsSaidInTheReadersLanguageAndScriptsKeepOneForm() throws {
        // Given a catalogue with a rates file
        let kho = try Self.catalogue()
        // When the estimate, the rates and the report are read in Vietnamese
        let text = try run(kho, ["estimate"] + Self.asOf).out
        let rates = try run(kho, ["rates", "show"]).out
        let path = kho.dir.appendingPathComponent("bao-cao.html").path
        _ = try run(kho, ["report", "--html", path])
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let csv = try run(kho, ["estimate", "--csv"] + Self.asOf).out
        // Then each source names the line in Vietnamese ("rates.toml, dòng 4": per_metre_arranged), never in English words
        for (name, out) in [("estimate", text), ("rates show", rates), ("report", html), ("csv", csv)] {
            #expect(out.contains("rates.toml, dòng 4"), "\(name): per_metre_arranged is on line 4")
            #expect(!out.contains(" line "), "\(name)")
        }
        // And the rates show every price the money uses: the terabyte of disk and the scanners too
        #expect(rates.contains("3.000.000 đ  rates.toml, dòng 13"), "\(rates)")
        #expect(rates.contains("số máy quét") && rates.contains("rates.toml, dòng 2"), "\(rates)")
        // And in English the same sources read "rates.toml line 4"
        var en = Self.env
        en["KHO_LANG"] = "en"
        en["KHO_RATES"] = kho.dir.appendingPathComponent("rates.toml").path
        let english = try kho.run(["estimate"] + Self.asOf, env: en).out
        #expect(english.contains("rates.toml line 4") && !english.contains("dòng"))
        // And scripts read one form whatever the language
        let money = try #require(try json(kho, ["estimate"] + Self.asOf)["money"] as? [String: Any])
        let sources = (money["contractor"] as? [[String: Any]] ?? []).compactMap { $0["source"] as? String }
        #expect(sources.first == "rates.toml line 4", "\(sources)")
    }
}
