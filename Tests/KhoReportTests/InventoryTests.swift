import Testing

@testable import KhoReport

@Suite struct InventoryTests {
    static let fonds = [
        InventoryFonds(
            code: "UBND-SK1", name: "Ủy ban nhân dân xã Sơn Kim 1",
            rows: [
                InventoryRow(
                    box: "1", file: "01", title: "Tập quyết định của UBND xã năm 2001", startYear: 2001, endYear: 2001,
                    retention: "permanent", sheets: 42, pages: 60,
                    archiveId: "UBND-SK1.2001.0001", delivered: true),
                InventoryRow(
                    box: "1", file: "02", title: "Hồ sơ giao đất, \"khu A\"", startYear: 2001, endYear: 2003,
                    retention: "10", sheets: 15, notes: "- thiếu tờ 3"),
                InventoryRow(
                    box: "2", file: "03", title: "=HYPERLINK(\"x\")", retention: "permanent", pages: 7,
                    notes: "<script>alert(1)</script>"),
            ]),
        InventoryFonds(
            code: "HĐND-SK1", name: "Hội đồng nhân dân xã Sơn Kim 1",
            rows: [
                InventoryRow(
                    box: "1", file: "01", title: "Nghị quyết HĐND 2005", startYear: 2005, endYear: 2005,
                    retention: "permanent", sheets: 20)
            ]),
    ]

    @Test func csvHasTheDecreeColumnsInVietnamese() {
        // Given two fonds, When the Vietnamese CSV is made
        let csv = renderInventoryCSV(Self.fonds, lang: .vi)
        // Then it starts with a BOM and one header row with the fonds, STT, box and Decree 30 columns
        #expect(
            csv.hasPrefix(
                "\u{FEFF}Mã phông,Tên phông,STT,Hộp số,\"Số, ký hiệu hồ sơ\",Tiêu đề hồ sơ,Thời gian tài liệu,Thời hạn bảo quản,Số tờ/Số trang,Ghi chú,Mã hồ sơ,Bản số PDF/A\r\n"
            ))
    }

    @Test func csvHeadersInEnglish() {
        let csv = renderInventoryCSV(Self.fonds, lang: .en)
        #expect(
            csv.hasPrefix(
                "\u{FEFF}Fonds code,Fonds name,No.,Box no.,File no.,Title,Dates,Retention,Sheets/pages,Notes,Archival code,PDF/A copy\r\n"
            ))
        #expect(csv.contains("Permanent"))
        #expect(csv.contains("10 years"))
        #expect(csv.contains("42 sheets / 60 pages"))
    }

    @Test func sttRestartsAtOnePerFondsAndFieldsAreWritten() {
        // Given two fonds, When the Vietnamese CSV is read line by line
        let lines = renderInventoryCSV(Self.fonds, lang: .vi).components(separatedBy: "\r\n")
        // Then STT runs 1, 2, 3 then restarts at 1, and dates, retention and sheets/pages are in words
        #expect(lines.count == 6)  // header, 4 rows, and the empty string after the last CRLF
        #expect(
            lines[1]
                == "UBND-SK1,Ủy ban nhân dân xã Sơn Kim 1,1,1,01,Tập quyết định của UBND xã năm 2001,2001,Vĩnh viễn,42 tờ / 60 trang,,UBND-SK1.2001.0001,có"
        )
        #expect(
            lines[2]
                == "UBND-SK1,Ủy ban nhân dân xã Sơn Kim 1,2,1,02,\"Hồ sơ giao đất, \"\"khu A\"\"\",2001–2003,10 năm,15 tờ,- thiếu tờ 3,,"
        )
        #expect(
            lines[3].hasPrefix(
                "UBND-SK1,Ủy ban nhân dân xã Sơn Kim 1,3,2,03,\"'=HYPERLINK(\"\"x\"\")\",,Vĩnh viễn,7 trang,"))
        #expect(lines[4].hasPrefix("HĐND-SK1,Hội đồng nhân dân xã Sơn Kim 1,1,1,01,"))
        #expect(lines[5] == "")
    }

    @Test(arguments: Lang.allCases)
    func htmlHasATitledTablePerFondsWithARepeatedHeader(lang: Lang) {
        // Given two fonds, When the printable inventory is made
        let html = renderInventoryHTML(Self.fonds, lang: lang, generatedAt: "2026-11-27")
        // Then each fonds has its title, name and a table whose header row is a thead
        let title = lang == .vi ? "MỤC LỤC HỒ SƠ" : "FILE INVENTORY"
        #expect(html.components(separatedBy: "<h1>\(title)</h1>").count == 3)
        #expect(html.components(separatedBy: "<thead>").count == 3)
        #expect(html.contains("Ủy ban nhân dân xã Sơn Kim 1"))
        #expect(html.contains("<html lang=\"\(lang.rawValue)\">"))
        #expect(html.contains("size: A4 landscape"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains(lang == .vi ? "27/11/2026" : "27 Nov 2026"))
        let headers =
            lang == .vi
            ? [
                "STT", "Hộp số", "Số, ký hiệu hồ sơ", "Tiêu đề hồ sơ", "Thời gian tài liệu", "Thời hạn bảo quản",
                "Số tờ/Số trang", "Ghi chú",
            ]
            : ["No.", "Box no.", "File no.", "Title", "Dates", "Retention", "Sheets/pages", "Notes"]
        for h in headers { #expect(html.contains(">\(h)</th>"), "\(h)") }
    }

    @Test func htmlEscapesTitlesAndNotesAndRestartsSTT() {
        let html = renderInventoryHTML(Self.fonds, lang: .vi, generatedAt: "2026-11-27")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Hồ sơ giao đất, &quot;khu A&quot;"))
        // the second fonds' table starts again at 1
        guard let second = html.range(of: "Hội đồng nhân dân xã Sơn Kim 1</strong>") else {
            Issue.record("second fonds missing")
            return
        }
        #expect(html[second.upperBound...].contains("<tbody><tr><td class=\"num\">1</td>"))
    }

    @Test func fieldsAreWordedPerLanguage() {
        let r = InventoryRow(
            box: "1", file: "1", title: "t", startYear: 2001, endYear: 2003, retention: "1", sheets: 1, pages: nil)
        #expect(InventoryFields.dates(r) == "2001–2003")
        #expect(InventoryFields.retention("1", .en) == "1 year")
        #expect(InventoryFields.retention("permanent", .vi) == "Vĩnh viễn")
        #expect(InventoryFields.retention("đến khi thay thế", .vi) == "đến khi thay thế")
        #expect(InventoryFields.sheetsPages(r, .en) == "1 sheet")
        #expect(
            InventoryFields.sheetsPages(
                InventoryRow(box: "", file: "", title: "", retention: "", sheets: 1_200, pages: 2_400), .vi)
                == "1.200 tờ / 2.400 trang")
        #expect(InventoryFields.dates(InventoryRow(box: "", file: "", title: "", retention: "")) == "")
    }
}
