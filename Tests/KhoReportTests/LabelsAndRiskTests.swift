import Foundation
import Testing

@testable import KhoReport

/// Box spine labels (`kho labels`) and the report's metres at risk.
@Suite struct LabelsHTMLTests {
    static func labels(_ n: Int) -> [BoxLabel] {
        (1...n).map { i in
            BoxLabel(
                fondsCode: "UBND-SK1", fondsName: "UBND xã Sơn Kim 1", box: String(format: "H%04d", i), firstFile: "01",
                lastFile: "12",
                files: 12, startYear: 1976, endYear: 1985, retention: i.isMultiple(of: 2) ? "permanent" : "20")
        }
    }

    static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    @Test(arguments: [1, 4, 5, 9])
    func oneLabelPerBoxFourToAnA4Sheet(n: Int) {
        // Given n boxes, When their labels are rendered
        let html = renderLabelsHTML(Self.labels(n), lang: .vi, generatedAt: "2026-11-27 10:00")
        // Then there is one label per box, in order, and one sheet per four labels
        #expect(Self.count("<article class=\"label\"", in: html) == n)
        #expect(Self.count("<section class=\"sheet\"", in: html) == (n + 3) / 4)
        for i in 1...n { #expect(html.contains("data-box=\"\(String(format: "H%04d", i))\"")) }
        // And the page is an A4 print layout in millimetres, a sheet a page, the spine 125 mm tall
        #expect(html.contains("@page { size: A4; margin: 0; }"))
        #expect(html.contains("break-after: page"))
        #expect(html.contains("height: 125mm"))
        #expect(html.contains("width: 90mm"))
        #expect(html.contains("font-size: 32mm"))
    }

    @Test func aLabelSaysFondsBoxFilesYearsAndRetentionInItsLanguage() {
        let vi = renderLabelsHTML(Self.labels(2), lang: .vi, generatedAt: "2026-11-27 10:00")
        let en = renderLabelsHTML(Self.labels(2), lang: .en, generatedAt: "2026-11-27 10:00")
        #expect(
            vi.contains("<p class=\"boxno\"><span style=\"transform: scaleX(0.") && vi.contains(">H0001</span></p>"))
        #expect(
            renderLabelsHTML(
                [BoxLabel(fondsCode: "F", fondsName: "F", box: "12")], lang: .vi, generatedAt: "2026-11-27"
            )
            .contains("<p class=\"boxno\"><span>12</span></p>"))
        #expect(vi.contains("<dd>01 – 12</dd>"))
        #expect(vi.contains("<dd>1976 – 1985</dd>"))
        #expect(vi.contains("<dd>20 năm</dd>") && vi.contains("<dd>Vĩnh viễn</dd>"))
        #expect(vi.contains("HỘP SỐ") && vi.contains("<html lang=\"vi\">"))
        #expect(en.contains("<dd>20 years</dd>") && en.contains("<dd>Permanent</dd>") && en.contains("BOX NO."))
        #expect(!en.contains("Vĩnh viễn"))
    }

    @Test func catalogueTextIsEscapedEverywhere() {
        // Given a label whose every text holds markup and quotes
        let attack = "<script>alert(1)</script> & \"q\" 's'"
        let label = BoxLabel(
            fondsCode: attack, fondsName: attack, box: attack, firstFile: attack, lastFile: attack + "2", files: 2)
        // When rendered
        let html = renderLabelsHTML([label], lang: .vi, generatedAt: "2026-11-27 10:00")
        // Then nothing gets through unescaped, in text or in attributes
        #expect(!html.contains("<script"))
        #expect(html.contains("data-box=\"&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;\""))
        #expect(Self.count("&lt;script&gt;", in: html) == 6)
    }

    @Test func aLongBoxCodeIsNarrowedNeverLowered() {
        #expect(LabelSheet.narrowing("H12") == 1)
        let long = LabelSheet.narrowing("HOP-0001-BIS")
        #expect(long < 1 && long > 0.2)
        let html = renderLabelsHTML(
            [BoxLabel(fondsCode: "F", fondsName: "F", box: "HOP-0001-BIS")], lang: .vi, generatedAt: "2026-11-27")
        #expect(html.contains("transform: scaleX("))
        #expect(html.contains("font-size: 32mm"))
    }

    @Test func noLabelsSaysSo() {
        #expect(renderLabelsHTML([], lang: .en, generatedAt: "2026-11-27").contains("No box to label."))
    }
}

@Suite struct RiskSectionTests {
    @Test func metresAtRiskAreShownWithTheirKeys() {
        let html = renderReport(Fixtures.model(), lang: .vi)
        #expect(html.contains("26,25 m chưa số hóa đang ở tình trạng xấu hoặc ở vị trí có nguy cơ"))
        #expect(Probe.dataKey("risk-undigitized-at-risk-m", in: html) == "26,25")
        #expect(Probe.dataKey("risk-unarranged-m", in: html) == "60,6")
        #expect(html.contains("<td>Kho tạm</td><td>ẩm, dột</td>"))
        let en = renderReport(Fixtures.model(), lang: .en)
        #expect(en.contains("9. Metres at risk") && en.contains("<td>Kho tạm</td><td>damp, leak</td>"))
    }
}
