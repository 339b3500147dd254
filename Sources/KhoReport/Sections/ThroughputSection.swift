/// The `throughput` section: who did what each ISO week (*rõ người, rõ việc*), as a table and two small charts.
enum ThroughputSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let weeks = ordered(model.weekly.map(\.week)).sorted()
        // Each chart's legend lists only the people who did that kind of work.
        let arrangers = ordered(model.weekly.filter(\.didArrangement).map(\.person))
        let scanners = ordered(model.weekly.filter(\.didScanning).map(\.person))
        var metres = Array(repeating: Array(repeating: 0.0, count: arrangers.count), count: weeks.count)
        var pages = Array(repeating: Array(repeating: 0.0, count: scanners.count), count: weeks.count)
        var starts: [String: String] = [:]
        for row in model.weekly {
            guard let w = weeks.firstIndex(of: row.week) else { continue }
            if !row.weekStart.isEmpty { starts[row.week] = row.weekStart }
            if let p = arrangers.firstIndex(of: row.person) { metres[w][p] += row.arrangementMetres }
            if let p = scanners.firstIndex(of: row.person) { pages[w][p] += Double(row.scanningPages) }
        }
        // Weeks are labelled by the day they start ("28/07"), not by ISO number.
        let labels = weeks.map { w in
            starts[w].flatMap(LocalDay.init(prefixOf:)).map { DateFormat.dayMonth($0, lang: lang) }
                ?? (w.split(separator: "-").last.map(String.init) ?? w)
        }
        let arrChart = GroupedBars(
            id: "chart-weekly-arr", categories: labels, series: arrangers, values: metres,
            unit: T.metres.text(lang), noData: T.noData.text(lang), lang: lang, height: 190)
        let scanChart = GroupedBars(
            id: "chart-weekly-scan", categories: labels, series: scanners, values: pages,
            unit: T.pages.text(lang), noData: T.noData.text(lang), lang: lang, height: 190)
        var out =
            figure(T.weeklyArrChart.text(lang), arrChart.svg()) + figure(T.weeklyScanChart.text(lang), scanChart.svg())
        if !model.weekly.isEmpty {
            let sorted = model.weekly.sorted { ($0.week, $0.person) < ($1.week, $1.person) }
            let rows: [[Cell]] = sorted.map {
                [
                    .t(weekLabel($0, lang)), .t($0.person), .num(NumberText.metres($0.arrangementMetres, lang) + " m"),
                    .num(NumberText.count($0.scanningPages, lang) + " " + T.pageUnit.text(lang)),
                ]
            }
            let totalM = model.weekly.reduce(0.0) { $0 + ($1.arrangementMetres.isFinite ? $1.arrangementMetres : 0) }
            let totalP = model.weekly.reduce(0) { $0.addingReportingOverflow($1.scanningPages).partialValue }
            out += HTMLTable.render(
                headers: [
                    T.week.text(lang), T.person.text(lang), T.arrangementM.text(lang), T.scanningPages.text(lang),
                ],
                numericColumns: [2, 3], rows: rows,
                footer: [
                    [
                        .h(T.total.text(lang)), .t(""), .num(NumberText.metres(totalM, lang) + " m"),
                        .num(NumberText.count(totalP, lang) + " " + T.pageUnit.text(lang)),
                    ]
                ])
        }
        return reportSection(id: "throughput", heading: T.throughput, lang: lang, long: true, out)
    }

    /// "tuần từ 28/07/2026" / "week of 28 Jul 2026", or the ISO week when its start is not known.
    private static func weekLabel(_ row: WeeklyRow, _ lang: Lang) -> String {
        guard let d = LocalDay(prefixOf: row.weekStart) else { return row.week }
        return T.weekOf.text(lang) + " " + d.display(lang, english: .words)
    }

    /// The distinct values in first-seen order.
    private static func ordered(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
