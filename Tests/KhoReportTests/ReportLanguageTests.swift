import Testing

@testable import KhoReport

@Suite struct ReportLanguageTests {
    @Test func vietnameseAndEnglishHeadingsDiffer() {
        // Given one model
        let model = Fixtures.model()
        // When rendered in both languages
        let vi = Probe.headings(renderReport(model, lang: .vi))
        let en = Probe.headings(renderReport(model, lang: .en))
        // Then there is one heading per section in each, and no heading is the same
        #expect(vi.count == reportSectionIDs.count)
        #expect(en.count == reportSectionIDs.count)
        for (a, b) in zip(vi, en) { #expect(a != b) }
    }

    @Test func noEnglishHeadingOrLabelInTheVietnameseReport() {
        // Given the Vietnamese report
        let vi = renderReport(Fixtures.model(), lang: .vi)
        let en = renderReport(Fixtures.model(), lang: .en)
        // When the English headings and column headers are looked for
        let english =
            Probe.headings(en) + [
                "Overview", "Progress by fonds", "Weekly throughput", "Storage", "Scan quality problems",
                "Boxes in poor condition", "Contractor", "In-house", "Actual", "Forecast", "no data yet",
                "Figures as of",
            ]
        // Then none appears
        for word in english { #expect(!vi.contains(word), "\(word) in the vi report") }
    }

    @Test func everyFixedTextHasBothLanguages() {
        // Given the fixed texts used by the report, Then none is empty in either language
        for t in [
            T.headline, T.fonds, T.progress, T.throughput, T.storage, T.cost, T.qc, T.condition, T.noData,
            T.sampleBanner,
        ] {
            #expect(!t.vi.isEmpty && !t.en.isEmpty && t.vi != t.en)
        }
    }
}
