/// The `fonds` section: one progress bar per fonds, and a table of the same figures.
enum FondsSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let bars = HorizontalBars(
            id: "chart-fonds",
            rows: model.fonds.map {
                .init(label: $0.code, total: $0.totalMetres, first: $0.arrangedMetres, second: $0.digitizedMetres)
            },
            legend: (T.totalM.text(lang), T.arrangedM.text(lang), T.digitizedM.text(lang)),
            unit: T.metres.text(lang), noData: T.noData.text(lang), lang: lang)
        var out = figure(T.fondsChart.text(lang), bars.svg())
        if !model.fonds.isEmpty {
            let rows: [[Cell]] = model.fonds.map {
                [
                    .t($0.code), .t($0.name), .num(NumberText.metres($0.totalMetres, lang)),
                    .num(NumberText.metres($0.arrangedMetres, lang)),
                    .num(NumberText.digitizedMetres($0.digitizedMetres, lang)),
                ]
            }
            out += HTMLTable.render(
                headers: [
                    T.code.text(lang), T.name.text(lang), T.totalCol.text(lang), T.arrangedCol.text(lang),
                    T.digitizedCol.text(lang),
                ],
                numericColumns: [2, 3, 4], rows: rows)
        }
        return reportSection(id: "fonds", heading: T.fonds, lang: lang, out)
    }
}
