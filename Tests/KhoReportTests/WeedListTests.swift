import Foundation
import Testing

@testable import KhoReport

/// The destruction list as the appraisal council reviews it, in both languages.
@Suite struct WeedListTests {
    static let list = [
        WeedListFonds(
            code: "UBND-SK1", name: "UBND xã Sơn Kim 1",
            rows: [
                WeedListRow(
                    box: "B017", title: "Giấy mời họp thôn", startYear: 1995, endYear: 1996, metres: 0.1,
                    reason: "Hết thời hạn bảo quản"),
                WeedListRow(
                    box: "B017", title: "Bản trùng", startYear: 1997, endYear: 1997, metres: 0.05, sheets: 1200,
                    reason: "Trùng thừa",
                    notes: "bản photo", stage: .approved, decision: "QĐ 12", decisionDay: "2026-12-15"),
            ])
    ]

    @Test func theFormHasItsColumnsTotalsAndSignaturesInBothLanguages() {
        let vi = renderWeedListHTML(Self.list, lang: .vi, generatedAt: "2026-12-20 09:00")
        let en = renderWeedListHTML(Self.list, lang: .en, generatedAt: "2026-12-20 09:00")
        for text in [
            "STT", "Tên loại/nhóm tài liệu", "Thời gian", "Số lượng", "Lý do hủy", "Ghi chú", "0,05 m (1.200 tờ)",
            "1995–1996",
            "Hộp B017; bản photo; Đã duyệt theo QĐ 12 (15/12/2026)", "Tổng cộng: 2 nhóm tài liệu", "0,15 m (1.200 tờ)",
            "chờ Hội đồng duyệt: 1 nhóm tài liệu, 0,1 m", "THƯ KÝ HỘI ĐỒNG", "(Ký tên, đóng dấu)",
            "@page { size: A4; margin: 15mm; }",
        ] {
            #expect(vi.contains(text), "\(text)")
        }
        for text in [
            "Reason for destruction", "0.05 m (1,200 sheets)", "Total: 2 groups of records", "CHAIR OF THE COUNCIL",
        ] {
            #expect(en.contains(text), "\(text)")
        }
        #expect(!vi.contains("<script"))
    }

    @Test func titlesAreEscaped() {
        let list = [
            WeedListFonds(
                code: "F", name: "<b>F</b>", rows: [WeedListRow(box: "B", title: "<script>x</script>", reason: "r")])
        ]
        let html = renderWeedListHTML(list, lang: .vi, generatedAt: "2026-12-20")
        #expect(!html.contains("<script>x") && html.contains("&lt;script&gt;"))
    }

    @Test func theCSVHasTheFondsTheBoxAndTheStage() {
        let csv = renderWeedListCSV(Self.list, lang: .vi)
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(
            lines[0]
                == "\u{FEFF}Mã phông,Tên phông,STT,Hộp số,Tên loại/nhóm tài liệu,Thời gian,Số lượng,Lý do hủy,Ghi chú,Tình trạng"
        )
        #expect(
            lines[2]
                == "UBND-SK1,UBND xã Sơn Kim 1,2,B017,Bản trùng,1997,\"0,05 m (1.200 tờ)\",Trùng thừa,bản photo; Đã duyệt theo QĐ 12 (2026-12-15),\"đã duyệt, chờ hủy\""
        )
    }
}
