import Foundation
import Testing

@testable import KhoReport

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ChartTests {
    static let labels = LineBandChart.Labels(
        actual: "Thực tế", p50: "P50", band: "P10–P90", xAxis: "Ngày", noData: "chưa có dữ liệu", finish: "xong")

    /// True when `svg` parses as XML.
    static func isWellFormed(_ svg: String) -> Bool {
        XMLParser(data: Data(svg.utf8)).parse()
    }

    /// True when no number in the SVG is NaN or infinite.
    static func hasNoNaN(_ svg: String) -> Bool {
        let lower = svg.lowercased()
        return !lower.contains("nan") && !lower.contains("inf")
    }

    static func line(_ actual: [SeriesPoint], _ band: [BandPoint] = []) -> String {
        LineBandChart(id: "c", actual: actual, projection: band, unit: "m", labels: labels, lang: .vi).svg()
    }

    @Test func emptyLineChartSaysNoData() {
        // Given no points, When drawn, Then the chart is a frame saying "chưa có dữ liệu"
        let svg = Self.line([])
        #expect(svg.contains("chưa có dữ liệu"))
        #expect(Self.isWellFormed(svg))
    }

    @Test func onePointAllZerosHugeAndBrokenInputDrawWithoutNaN() {
        // Given awkward series
        let cases: [[SeriesPoint]] = [
            [SeriesPoint(day: "2026-11-27", value: 15)],
            [SeriesPoint(day: "2026-11-01", value: 0), SeriesPoint(day: "2026-11-27", value: 0)],
            [SeriesPoint(day: "2026-01-01", value: 0), SeriesPoint(day: "2026-11-27", value: 9.2e17)],
            [SeriesPoint(day: "2026-11-01", value: .nan), SeriesPoint(day: "2026-11-27", value: .infinity)],
            [SeriesPoint(day: "not a day", value: 3), SeriesPoint(day: "2026-11-27", value: -4)],
        ]
        for series in cases {
            // When drawn
            let svg = Self.line(series, [BandPoint(day: "2027-06-01", p10: 1e18, p50: .nan, p90: 3)])
            // Then the SVG is well-formed and has no NaN or inf
            #expect(Self.isWellFormed(svg), "\(series)")
            #expect(Self.hasNoNaN(svg), "\(series)")
        }
    }

    @Test func projectionIsDashedAndTheBandHatched() {
        // Given history and a projection
        let svg = Self.line(
            [SeriesPoint(day: "2026-09-01", value: 1), SeriesPoint(day: "2026-11-27", value: 15)],
            [
                BandPoint(day: "2026-11-27", p10: 15, p50: 15, p90: 15),
                BandPoint(day: "2028-01-20", p10: 75.6, p50: 75.6, p90: 60),
            ])
        // Then the P50 line, the hatched band and the legend are there, with the finish date
        #expect(svg.contains("class=\"p50\""))
        #expect(svg.contains("fill=\"url(#c-band)\""))
        #expect(svg.contains("<pattern id=\"c-band\""))
        #expect(svg.contains("xong 20/01/2028"))
        #expect(Self.isWellFormed(svg))
    }

    @Test func dateAxisUsesMonthsOverLongSpans() {
        // Given two years, When ticks are made, Then they are month labels, at most about eight
        let first = LocalDay(year: 2026, month: 9, day: 1)!.dayNumber
        let last = LocalDay(year: 2028, month: 9, day: 1)!.dayNumber
        let ticks = DateTicks.ticks(first: first, last: last, lang: .vi)
        #expect(ticks.count >= 3 && ticks.count <= 9)
        #expect(ticks.allSatisfy { $0.label.count == 7 })
        #expect(DateTicks.ticks(first: first, last: first, lang: .en).map(\.label) == ["1 Sep"])
    }

    @Test(arguments: [
        (0.0, 75.6, 20.0, 80.0), (0.0, 0.0, 0.2, 1.0), (0.0, 290_000.0, 50_000.0, 300_000.0), (0.0, 1.0, 0.2, 1.0),
    ])
    func niceScaleRoundsToOneTwoFive(min: Double, max: Double, step: Double, upper: Double) {
        let s = NiceScale(min: min, max: max)
        #expect(s.step == step)
        #expect(s.upper == upper)
        #expect(s.ticks.first == 0)
    }

    @Test func niceScaleSurvivesNonFiniteInput() {
        let s = NiceScale(min: -.infinity, max: .nan)
        #expect(s.step.isFinite && s.upper.isFinite && s.lower.isFinite)
        #expect(!s.ticks.isEmpty)
    }

    @Test func barsHandleEmptyZeroAndHugeRows() {
        let empty = HorizontalBars(
            id: "b", rows: [], legend: ("a", "b", "c"), unit: "m", noData: "no data yet", lang: .en
        ).svg()
        #expect(empty.contains("no data yet"))
        let rows: [HorizontalBars.Row] = [
            .init(label: "<b>", total: 0, first: 0, second: 0), .init(label: "X", total: 1e15, first: .nan, second: 3),
        ]
        let svg = HorizontalBars(id: "b", rows: rows, legend: ("a", "b", "c"), unit: "m", noData: "-", lang: .en).svg()
        #expect(Self.isWellFormed(svg))
        #expect(Self.hasNoNaN(svg.replacingOccurrences(of: "—", with: "")))
        #expect(svg.contains("&lt;b&gt;"))
    }

    @Test func groupedBarsHandleEmptyAllZerosAndHugeValues() {
        let zeros = GroupedBars(
            id: "g", categories: ["W1"], series: ["A"], values: [[0]], unit: "m", noData: "no data yet", lang: .en
        ).svg()
        #expect(zeros.contains("no data yet"))
        let none = GroupedBars(
            id: "g", categories: [], series: [], values: [], unit: "m", noData: "no data yet", lang: .en
        ).svg()
        #expect(none.contains("no data yet"))
        let huge = GroupedBars(
            id: "g", categories: ["W1", "W2"], series: ["A", "B"], values: [[1e12, .nan], [3]],
            unit: "pages", noData: "-", lang: .en
        ).svg()
        #expect(Self.isWellFormed(huge))
        #expect(Self.hasNoNaN(huge))
    }

    @Test func everyChartInTheFullReportIsWellFormed() {
        // Given the full report in both languages
        for lang in Lang.allCases {
            let svgs = Probe.svgs(renderReport(Fixtures.model(), lang: lang))
            // Then it has five charts, all well-formed, with unique ids and no NaN
            #expect(svgs.count == 5)
            for svg in svgs {
                #expect(Self.isWellFormed(svg))
                #expect(Self.hasNoNaN(svg))
            }
        }
    }

    @Test func compactAxisLabelsUseTheLanguage() {
        #expect(NumberText.compact(1_500_000, .vi) == "1,5 triệu")
        #expect(NumberText.compact(1_500_000, .en) == "1.5M")
        #expect(NumberText.compact(250_000, .en) == "250k")
        #expect(NumberText.compact(2.5, .vi) == "2,5")
    }
}

@Suite struct FinishMarkerTests {
    @Test func theP50FinishIsWhereTheMedianStopsRisingNotTheEndOfTheBand() {
        // Given a band whose median is done on day 20 while P90 runs to day 40
        let mid: [(x: Int, y: Double)] = [(0, 15), (10, 50), (20, 75.6), (30, 75.6), (40, 75.6)]
        // When the finish is looked for, Then it is day 20
        #expect(LineBandChart.medianFinish(mid)?.x == 20)
        #expect(LineBandChart.medianFinish([])?.x == nil)
    }
}
