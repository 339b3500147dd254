import KhoEstimation
import Testing

@testable import KhoReport

@Suite struct ReportSafetyTests {
    static let attack = "<script>alert(1)</script> & \"quoted\" 'single'"

    /// A model with the attack string in every piece of catalogue text.
    static func hostileModel() -> ReportModel {
        var m = Fixtures.model()
        m.title = attack
        m.archiveName = attack
        m.fonds[0].name = attack
        m.fonds[1].code = attack
        m.weekly[0].person = attack
        m.qcProblems[0].message = attack
        m.poorBoxes[0].location = attack
        m.poorBoxes[0].condition = Text(vi: attack, en: attack)
        m.atRisk.locations[0].location = attack
        m.atRisk.byCondition[0].label = Text(vi: attack, en: attack)
        m.cost?.assumptions = [Text(vi: attack, en: attack)]
        m.cost?.warnings = [Text(vi: attack, en: attack)]
        var oneOff = Fixtures.money.oneOff
        oneOff[0].source = .written(attack)
        m.cost?.money = MoneyBreakdown(
            contractor: Fixtures.money.contractor, inHouse: Fixtures.money.inHouse, oneOff: oneOff)
        m.cost?.savedEstimateName = attack
        return m
    }

    @Test(arguments: Lang.allCases)
    func catalogueTextIsEscaped(lang: Lang) {
        // Given catalogue text with markup and quotes everywhere
        let html = renderReport(Self.hostileModel(), lang: lang)
        // When rendered
        // Then no markup gets through, and the text shows escaped
        #expect(!html.contains("<script"))
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
    }

    @Test(arguments: Lang.allCases)
    func nothingIsFetchedFromANetworkOrRun(lang: Lang) {
        // Given the full report, When rendered
        let html = renderReport(Fixtures.model(sample: true), lang: lang).lowercased()
        // Then it holds no URL, script, link, external source or import
        for banned in ["http://", "https://", "<script", "<link", "src=", "@import", "url(http", "<img", "<iframe"] {
            #expect(!html.contains(banned), "\(banned)")
        }
    }

    @Test func diacriticsPassThroughUntouched() {
        // Given Vietnamese names, When rendered, Then they are written as UTF-8, not as entities
        let html = renderReport(Fixtures.model(), lang: .vi)
        #expect(html.contains("Ủy ban nhân dân xã Sơn Kim 1"))
        #expect(html.contains("Nguyễn Thị Hoa"))
        #expect(html.contains("Kho lưu trữ xã Sơn Kim 1"))
    }

    @Test func escapeHTMLCoversTheFiveCharacters() {
        #expect(escapeHTML("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(escapeHTML("Sơn Kim") == "Sơn Kim")
    }
}
