/// The `throughput` section: who did what each ISO week (*rõ người, rõ việc*), as a table and two small charts.
enum ThroughputSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let weeks = ordered(model.weekly.map(\.week)).sorted()
        let people = ordered(model.weekly.map(\.person))
        var metres = Array(repeating: Array(repeating: 0.0, count: people.count), count: weeks.count)
        var pages = metres
        for row in model.weekly {
            guard let w = weeks.firstIndex(of: row.week), let p = people.firstIndex(of: row.person) else { continue }
            metres[w][p] += row.arrangementMetres
            pages[w][p] += Double(row.scanningPages)
        }
        let shortWeeks = weeks.map { w in w.split(separator: "-").last.map(String.init) ?? w }
        let arrChart = GroupedBars(id: "chart-weekly-arr", categories: shortWeeks, series: people, values: metres,
                                   unit: T.metres.text(lang), noData: T.noData.text(lang), lang: lang, height: 190)
        let scanChart = GroupedBars(id: "chart-weekly-scan", categories: shortWeeks, series: people, values: pages,
                                    unit: T.pages.text(lang), noData: T.noData.text(lang), lang: lang, height: 190)
        var out = figure(T.weeklyArrChart.text(lang), arrChart.svg()) + figure(T.weeklyScanChart.text(lang), scanChart.svg())
        if !model.weekly.isEmpty {
            let sorted = model.weekly.sorted { ($0.week, $0.person) < ($1.week, $1.person) }
            let rows: [[Cell]] = sorted.map {
                [.t($0.week), .t($0.person), .num(NumberText.metres($0.arrangementMetres, lang)), .num(NumberText.count($0.scanningPages, lang))]
            }
            let totalM = model.weekly.reduce(0.0) { $0 + ($1.arrangementMetres.isFinite ? $1.arrangementMetres : 0) }
            let totalP = model.weekly.reduce(0) { $0.addingReportingOverflow($1.scanningPages).partialValue }
            out += HTMLTable.render(
                headers: [T.week.text(lang), T.person.text(lang), T.arrangementM.text(lang), T.scanningPages.text(lang)],
                numericColumns: [2, 3], rows: rows,
                footer: [[.h(T.total.text(lang)), .t(""), .num(NumberText.metres(totalM, lang)), .num(NumberText.count(totalP, lang))]])
        }
        return reportSection(id: "throughput", heading: T.throughput, lang: lang, long: true, out)
    }

    /// The distinct values in first-seen order.
    private static func ordered(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
