import Foundation
import Testing

@testable import KhoReport

@Suite struct ReportStructureTests {
    @Test(arguments: Lang.allCases)
    func everySectionIsPresentInOrder(lang: Lang) {
        // Given a full model
        let model = Fixtures.model()
        // When the report is rendered
        let html = renderReport(model, lang: lang)
        // Then each section id appears once, in the fixed order
        let positions = reportSectionIDs.map { Probe.offset(of: "<section id=\"\($0)\"", in: html) }
        #expect(positions.allSatisfy { $0 != nil })
        let found = positions.compactMap { $0 }
        #expect(found == found.sorted())
        for id in reportSectionIDs {
            #expect(html.components(separatedBy: "id=\"\(id)\"").count == 2, "section \(id) appears once")
        }
    }

    @Test func pageIsHTML5WithLanguageAndCharset() {
        // Given a model, When rendered in each language
        let vi = renderReport(Fixtures.model(), lang: .vi)
        let en = renderReport(Fixtures.model(), lang: .en)
        // Then the page declares its language, UTF-8 and an A4 print layout
        #expect(vi.hasPrefix("<!DOCTYPE html>"))
        #expect(vi.contains("<html lang=\"vi\">"))
        #expect(en.contains("<html lang=\"en\">"))
        #expect(vi.contains("<meta charset=\"utf-8\">"))
        #expect(vi.contains("@page { size: A4; margin: 15mm; }"))
        #expect(vi.contains("break-inside: avoid"))
    }

    @Test func headlineNumbersCarryTheirJSONKeyAndTheLanguagesSeparators() {
        // Given the Sơn Kim 1 figures
        let model = Fixtures.model()
        // When rendered in Vietnamese and in English
        let vi = renderReport(model, lang: .vi)
        let en = renderReport(model, lang: .en)
        // Then each figure sits in an element whose data-key is its JSON key, formatted per language
        #expect(vi.contains("<td class=\"num\" data-key=\"total_m\">75,6</td>"))
        #expect(en.contains("<td class=\"num\" data-key=\"total_m\">75.6</td>"))
        let expectedVi = [
            "arranged_m": "15", "kept_m": "12,4", "weeded_m": "2,6", "digitized_m": "5",
            "boxes": "612", "files": "2.431", "sheets": "48.210", "pages_scanned": "19.162",
            "ladder.none": "2.100", "ladder.secret": "12", "digitized_split_m.recorded": "4,2", "qc_problems": "3",
        ]
        for (key, value) in expectedVi { #expect(Probe.dataKey(key, in: vi) == value, "\(key)") }
        let expectedEn = [
            "kept_m": "12.4", "files": "2,431", "pages_scanned": "19,162", "digitized_split_m.passed": "0.6",
        ]
        for (key, value) in expectedEn { #expect(Probe.dataKey(key, in: en) == value, "\(key)") }
        #expect(Probe.dataKey("as_of", in: vi) == "27/11/2026 10:00")
    }

    @Test func percentagesOfTheTotalAreShown() {
        // Given 15 of 75.6 m arranged, When rendered in Vietnamese
        let vi = renderReport(Fixtures.model(), lang: .vi)
        // Then the share is written with the Vietnamese decimal comma
        #expect(vi.contains("19,8 %"))
        #expect(vi.contains("6,6 %"))
    }

    @Test func headlineDecodesFromStatusJSON() throws {
        // Given JSON shaped like `kho status --json` (with extra keys the report does not use)
        let json = """
            {"total_m":75.6,"arranged_m":15,"kept_m":12.4,"weeded_m":2.6,"digitized_m":5,"boxes":612,"boxes_received":600,
             "files":2431,"sheets":48210,"files_without_sheets":3,"pages_scanned":19162,
             "ladder":{"none":1,"recorded":2,"passed":3,"rescan":4,"delivered":5,"secret":6},
             "digitized_split_m":{"recorded":4.2,"passed":0.6,"delivered":0.2},"as_of":"2026-11-27 10:00","fonds":[]}
            """
        // When decoded as a Headline
        let headline = try JSONDecoder().decode(Headline.self, from: Data(json.utf8))
        // Then every figure lands in its field
        #expect(headline.totalMetres == 75.6)
        #expect(headline.pagesScanned == 19_162)
        #expect(headline.ladder.secret == 6)
        #expect(headline.digitizedSplit.recorded == 4.2)
    }

    @Test func modelRoundTripsThroughJSON() throws {
        // Given a full model, When encoded and decoded, Then it is unchanged
        let model = Fixtures.model()
        let back = try JSONDecoder().decode(ReportModel.self, from: JSONEncoder().encode(model))
        #expect(back == model)
    }

    @Test func sampleDataShowsABanner() {
        // Given sample data, When rendered, Then a banner says so; real data has none
        #expect(renderReport(Fixtures.model(sample: true), lang: .vi).contains("DỮ LIỆU MẪU"))
        #expect(renderReport(Fixtures.model(sample: true), lang: .en).contains("SAMPLE DATA"))
        #expect(!renderReport(Fixtures.model(sample: false), lang: .vi).contains("class=\"banner\""))
    }

    @Test func withoutAnEstimateTheCostSectionSaysHowToMakeOne() {
        // Given no cost estimate
        let html = renderReport(Fixtures.model(cost: false), lang: .vi)
        // When the cost section is read
        let cost = section("cost", of: html)
        // Then it says there is none and names `kho estimate`
        #expect(cost.contains("Chưa có ước tính kinh phí"))
        #expect(cost.contains("kho estimate"))
        #expect(!cost.contains("P50"))
    }

    @Test func costShowsVariantsRatesSourcesFinishAndWarnings() {
        // Given an estimate, When rendered in Vietnamese
        let cost = section("cost", of: renderReport(Fixtures.model(), lang: .vi))
        // Then both variants, every source, the saved name, finish dates and warnings are printed
        #expect(cost.contains("1.384.500.000 đ"))
        #expect(cost.contains("745.800.000 đ"))
        #expect(cost.contains("19.162.000 đ"))
        #expect(cost.contains("rates.toml dòng 22"))
        #expect(cost.contains("rates.toml dòng 9"))
        #expect(cost.contains("gui-tinh-2026-11"))
        #expect(cost.contains("20/01/2028"))
        #expect(cost.contains("1,6 trang mỗi tờ"))
        #expect(cost.contains("-18%"))
        // and the totals are the model's own: the one-off lines (162.162.000) are never added a second time
        #expect(cost.contains("162.162.000 đ"))
        #expect(!cost.contains("1.546.662.000 đ"))
        #expect(!cost.contains("907.962.000 đ"))
    }

    @Test func storageIsInGigaAndTerabytesWithTheLanguagesSeparator() {
        // Given 166.5 GB now and 2.52 TB projected, When rendered
        let vi = section("storage", of: renderReport(Fixtures.model(), lang: .vi))
        let en = section("storage", of: renderReport(Fixtures.model(), lang: .en))
        // Then bytes read as GB / TB with the language's decimal separator, and all copies are counted
        #expect(vi.contains("166,5 GB"))
        #expect(en.contains("166.5 GB"))
        #expect(vi.contains("2,52 TB"))
        #expect(vi.contains("7,56 TB"))
        // and the total over all copies is the model's figure, never multiplied again
        #expect(vi.contains("data-value=\"7560000000000\" data-key=\"storage-total-bytes\""))
        #expect(!vi.contains("22,68 TB"))
    }

    @Test func throughputNamesEachPersonAndWeek() {
        // Given weekly rows, When rendered
        let t = section("throughput", of: renderReport(Fixtures.model(), lang: .vi))
        // Then who did what each week is in the table, with totals
        #expect(
            t.contains(
                "<td>tuần từ 09/11/2026</td><td>Trần Văn Minh</td><td class=\"num\">0,3 m</td><td class=\"num\">1.720 trang</td>"
            ))
        #expect(t.contains("5.160"))
        // and the charts are labelled by the week's first day, not W46
        #expect(t.contains(">09/11<"))
        #expect(!t.contains(">W46<"))
        // and each chart's legend names only the people who did that kind of work
        let scanChart =
            String(
                t[(t.range(of: "id=\"chart-weekly-scan\"")?.lowerBound ?? t.endIndex)...].prefix { $0 != "/" || true }
            )
            .components(separatedBy: "</svg>").first ?? ""
        #expect(scanChart.contains("Trần Văn Minh"))
        #expect(!scanChart.contains("Nguyễn Thị Hoa"))
    }

    @Test func qcAndConditionSayWhenThereIsNothing() {
        // Given no QC problems and no poor boxes
        var model = Fixtures.model()
        model.qcProblems = []
        model.poorBoxes = []
        // When rendered
        let html = renderReport(model, lang: .en)
        // Then each section says so in a sentence
        #expect(section("qc", of: html).contains("There are no scan quality problems."))
        #expect(section("condition", of: html).contains("No box has been recorded in poor condition."))
    }

    @Test func qcListsProblemsByBoxAndFile() {
        let qc = section("qc", of: renderReport(Fixtures.model(), lang: .vi))
        #expect(qc.contains("<td>H0012</td><td>HS-0031</td><td class=\"num\">4</td>"))
        #expect(qc.contains("thiếu trang 7–9"))
    }

    @Test func emptyModelStillRendersEverySection() {
        // Given a model with nothing in it
        let model = ReportModel(title: "T", archiveName: "A", asOf: "2026-11-27 10:00", headline: Headline())
        // When rendered
        let html = renderReport(model, lang: .vi)
        // Then every section is present, charts say "no data yet", and percentages are dashes, not NaN
        for id in reportSectionIDs { #expect(html.contains("<section id=\"\(id)\"")) }
        #expect(html.contains("chưa có dữ liệu"))
        #expect(!html.contains("NaN"))
        #expect(!html.contains("nan"))
    }

    /// The HTML of the section with this id.
    private func section(_ id: String, of html: String) -> String {
        guard let start = html.range(of: "<section id=\"\(id)\""),
            let end = html[start.lowerBound...].range(of: "</section>")
        else { return "" }
        return String(html[start.lowerBound..<end.upperBound])
    }
}
