import Foundation
import KhoTestTags
import Testing

@Suite(.tags(.endToEnd)) struct EndToEndReportTests {
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã <Sơn Kim 1>", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "UBND-SK1", "--extent", "1,5", "--condition", "mould", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "UBND-SK1", "--from", "B1", "--by", "Thu"],
            [
                "file", "add", "H1/01", "--title", "<script>alert(1)</script> & \"đất\"", "--sheets", "10",
                "--retention", "permanent", "--by", "Thu",
            ],
            [
                "file", "add", "H1/02", "--title", "=HYPERLINK(\"http://x\")", "--sheets", "5", "--retention", "10",
                "--by", "Thu",
            ],
            ["sort", "finish", "B1", "--kept", "1", "--by", "Minh", "--at", "2026-10-05T16:00"],
            ["scan", "record", "H1/01", "--pages", "14", "--by", "Hoa", "--at", "2026-10-06T09:00"],
        ] {
            // Registered well before the work the tests back-fill (never dated before its box was registered).
            let r = try kho.run(step + (step.prefix(2) == ["box", "add"] ? ["--at", "2025-06-01T08:00"] : []))
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    /// The numbers the report shows under each `data-key`.
    func figures(_ html: String) -> [String: String] {
        var out: [String: String] = [:]
        var rest = Substring(html)
        while let range = rest.range(of: "data-key=\"") {
            rest = rest[range.upperBound...]
            guard let close = rest.firstIndex(of: "\""), let gt = rest.firstIndex(of: ">") else { break }
            let key = String(rest[..<close])
            let value = rest[rest.index(after: gt)...].prefix { $0 != "<" }
            out[key] = String(value)
            rest = rest[gt...]
        }
        return out
    }

    @Test func theReportAgreesWithStatusInBothLanguagesAndEscapesCatalogueText() throws {
        let kho = try catalogue()
        let vi = kho.dir.appendingPathComponent("bao-cao.html").path
        let en = kho.dir.appendingPathComponent("report.html").path
        #expect(try kho("report", "--html", vi).code == 0)
        #expect(try kho("report", "--html", en, "--lang", "en").code == 0)
        let htmlVI = try String(contentsOfFile: vi, encoding: .utf8)
        let htmlEN = try String(contentsOfFile: en, encoding: .utf8)
        let status = try #require(try kho.json("status") as? [String: Any])
        let fv = figures(htmlVI), fe = figures(htmlEN)
        #expect(fv["total_m"] == "1,5" && fe["total_m"] == "1.5")
        #expect(fv["kept_m"] == "1" && fv["weeded_m"] == "0,5")
        #expect(fv["files"] == "\(status["files"] as? Int ?? -1)")
        #expect(fv["pages_scanned"] == "\(status["pages_scanned"] as? Int ?? -1)")
        #expect(fv["digitized_m"] == "1" && (status["digitized_m"] as? Double) == 1)
        for id in ["summary", "headline", "fonds", "progress", "throughput", "storage", "cost", "qc", "condition"] {
            #expect(htmlVI.contains("id=\"\(id)\""), "\(id)")
        }
        #expect(htmlVI.contains("<html lang=\"vi\"") && htmlEN.contains("<html lang=\"en\""))
        // Catalogue text is escaped; nothing is loaded from the network
        #expect(!htmlVI.contains("<script"))
        #expect(htmlVI.contains("UBND xã &lt;Sơn Kim 1&gt;"))
        #expect(!htmlVI.contains("http://") && !htmlVI.contains("https://"))
        // The cost section carries the estimate's figures and their sources
        #expect(htmlVI.contains("rates.toml"))
        let estimate = try #require(try kho.json("estimate") as? [String: Any])
        let contractor = try #require((estimate["money"] as? [String: Any])?["contractor_total_vnd"] as? Int)
        #expect(fv["money-contractor-total"]?.replacingOccurrences(of: ".", with: "") == "\(contractor) đ")
        // The poor-condition box is listed
        #expect(htmlVI.contains("B1") && htmlVI.contains("nấm mốc"))
    }

    @Test func metresAreWrittenAlikeEverywhereAndTheirPartsAddUp() throws {
        // Given a standard box of 0,125 m and a bundle of 0,5 m arranged into 0,375 m kept (0,125 m left out)
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "F", "--extent", "0,5", "--by", "Thu", "--at", "2025-06-01T08:00"],
            ["box", "add", "B2", "--fonds", "F", "--by", "Thu", "--at", "2025-06-01T08:00"],
            ["sort", "finish", "B1", "--kept", "0,375", "--by", "Minh", "--at", "2026-10-05T16:00"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        // When the status and the report are read
        let status = try kho("status").out
        let path = kho.dir.appendingPathComponent("bao-cao.html").path
        #expect(try kho("report", "--html", path).code == 0)
        let report = figures(try String(contentsOfFile: path, encoding: .utf8))
        // Then both write the same lengths to the millimetre, and kept + left out is what was arranged
        #expect(status.contains("0,375 m") && status.contains("0,125 m") && status.contains("0,625 m"), "\(status)")
        #expect(report["arranged_m"] == "0,5" && report["kept_m"] == "0,375" && report["weeded_m"] == "0,125")
        #expect(report["total_m"] == "0,625", "\(report)")
        // And a box is its extent to the millimetre wherever it is listed
        #expect(try kho("box", "show", "B2").out.contains("0,125"))
    }

    @Test func theInventoryHasTheDecreeColumnsAndIsSafeInASpreadsheet() throws {
        let kho = try catalogue()
        let csv = try kho("export", "inventory")
        #expect(csv.code == 0)
        #expect(csv.out.hasPrefix("\u{FEFF}"))
        let header = csv.out.dropFirst().prefix { $0 != "\r" && $0 != "\n" }
        for column in [
            "STT", "Hộp số", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
            "Số tờ/Số trang", "Ghi chú",
        ] {
            #expect(header.contains(column), "\(column) in \(header)")
        }
        #expect(csv.out.contains("'=HYPERLINK"))
        #expect(csv.out.contains("Vĩnh viễn"))
        let english = try kho("export", "inventory", "--lang", "en")
        #expect(english.out.contains("Retention"))
        let html = try kho("export", "inventory", "--format", "html")
        #expect(html.out.contains("MỤC LỤC HỒ SƠ"))
        #expect(html.out.contains("&lt;script&gt;"))
        let files = try #require(try kho.json("export", "files", "--format", "json") as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files.first?["sheets"] as? Int == 10)
        let events = try kho("export", "events")
        // (the finish of a box never started records its start too)
        #expect(events.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 9)
        #expect(try kho("export", "nothing").code != 0)
    }

    /// The raw `data-value` of the element carrying `data-key="key"`.
    func dataValue(_ key: String, in html: String) -> String? {
        guard let k = html.range(of: "data-key=\"\(key)\"") else { return nil }
        guard let v = html[..<k.lowerBound].range(of: "data-value=\"", options: .backwards) else { return nil }
        return String(html[v.upperBound...].prefix { $0 != "\"" })
    }

    @Test func theReportsMoneyStorageAndFinishAreTheEstimatesJSON() throws {
        // Given a catalogue with a rates file holding one-off lines, and 3 copies
        let kho = try catalogue()
        #expect(try kho("rates", "init").code == 0)
        // When the estimate is printed as JSON, as text and as CSV, and the report is made
        let json = try #require(try kho.json("estimate") as? [String: Any])
        let money = try #require(json["money"] as? [String: Any])
        let storage = try #require(json["storage"] as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        let path = kho.dir.appendingPathComponent("r.html").path
        #expect(try kho("report", "--html", path).code == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        let contractor = try #require(money["contractor_total_vnd"] as? Int64)
        let oneOff = try #require(money["one_off_total_vnd"] as? Int64)
        let inHouse = try #require((money["in_house_total_vnd"] as? [String: Any])?["p50"] as? Int64)
        let totalBytes = try #require(storage["total_bytes"] as? Int64)
        let finish = try #require((total["finish_date"] as? [String: Any])?["p50"] as? String)
        // Then each total is the sum of its lines, counted once
        let lines = { (key: String) in
            ((money[key] as? [[String: Any]]) ?? []).reduce(Int64(0)) { $0 + (($1["amount_vnd"] as? Int64) ?? 0) }
        }
        #expect(oneOff > 0)
        #expect(oneOff == lines("one_off"))
        #expect(contractor == lines("contractor") + oneOff)
        #expect(inHouse == lines("in_house") + oneOff)
        // And the report carries exactly those figures
        #expect(dataValue("money-contractor-total", in: html) == String(contractor))
        #expect(dataValue("money-one-off-total", in: html) == String(oneOff))
        #expect(dataValue("money-in-house-total-p50", in: html) == String(inHouse))
        #expect(dataValue("storage-total-bytes", in: html) == String(totalBytes))
        #expect(dataValue("finish-p50", in: html) == finish)
        // And the CSV's total row too
        let csv = try kho("estimate", "--csv")
        let totalRow = try #require(csv.out.components(separatedBy: "\r\n").first { $0.hasPrefix("total,") })
        #expect(totalRow.contains(",\(contractor),"))
        #expect(totalRow.contains(",\(inHouse),"))
        let storageRow = try #require(csv.out.components(separatedBy: "\r\n").first { $0.hasPrefix("storage_total,") })
        #expect(storageRow.hasPrefix("storage_total,\(totalBytes),"))
        // And the text prints the totals once, never with the one-off lines added again
        let text = try kho("estimate").out
        let formatted = { (v: Int64) -> String in
            var digits = Array(String(v))
            var out = ""
            while digits.count > 3 {
                out = "." + String(digits.suffix(3)) + out
                digits.removeLast(3)
            }
            return String(digits) + out + " đ"
        }
        let contractorText = formatted(contractor)
        let doubled = formatted(contractor + oneOff)
        #expect(text.contains(contractorText))
        #expect(!text.contains(doubled))
    }

    /// The day `days` after today (in Hà Tĩnh), as `--until` takes it and as the report writes it.
    static func dayAfterToday(_ days: Int) -> (iso: String, vietnamese: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        let day = calendar.date(byAdding: .day, value: days, to: Date()) ?? Date()
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let (y, m, d) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return (
            String(format: "%04d-%02d-%02d", y, m, d), String(format: "%02d/%02d/%04d", d, m, y)
        )
    }

    @Test func aReportFromASavedWhatIfSaysWhatItAssumed() throws {
        // Given a what-if saved with staffing, days a week and a deadline about 13 months after today
        let kho = try catalogue()
        let deadline = Self.dayAfterToday(400)
        #expect(
            try kho(
                "estimate", "--staff", "arrangement=3,scanning=2", "--days-per-week", "3", "--until", deadline.iso,
                "--resamples", "300", "--save", "tỉnh 12/2026", "--by", "Thu"
            ).code == 0)
        // When the report is made from it
        let path = kho.dir.appendingPathComponent("what-if.html").path
        #expect(try kho("report", "--html", path, "--estimate", "tỉnh 12/2026").code == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        // Then its first lines say the staffing, the days a week and the deadline
        let summary = html.components(separatedBy: "<section id=\"headline\"").first ?? ""
        #expect(summary.contains("chỉnh lý 3 người, số hóa 2 người, mỗi người 3 ngày/tuần"))
        #expect(summary.contains("hạn hoàn thành: \(deadline.vietnamese)"))
        #expect(html.contains("Để xong trước hạn \(deadline.vietnamese)"))
        // And zero or negative staff is refused with the value named
        let zero = try kho("estimate", "--staff", "scanning=0")
        #expect(zero.code != 0 && zero.err.contains("scanning=0"))
        #expect(try kho("estimate", "--staff", "arrangement=-1").code != 0)
        #expect(try kho("estimate", "--days-per-week", "0").code != 0)
    }
}
