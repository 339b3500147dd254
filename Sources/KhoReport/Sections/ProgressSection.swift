/// The `progress` section: cumulative metres arranged and pages scanned, continued by the estimate's projection.
enum ProgressSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let labels = LineBandChart.Labels(
            actual: T.actual.text(lang), p50: T.p50.text(lang), band: T.band.text(lang),
            xAxis: T.date.text(lang), noData: T.noData.text(lang), finish: T.finishP50.text(lang))
        let arranged = LineBandChart(
            id: "chart-arranged", actual: model.arrangedSeries, projection: model.arrangementProjection,
            unit: T.metres.text(lang), labels: labels, lang: lang,
            finish: model.arrangementFinishP50.map { ($0, "chart-finish-p50-arrangement") })
        let scanned = LineBandChart(
            id: "chart-scanned", actual: model.scannedSeries, projection: model.scanningProjection,
            unit: T.pages.text(lang), labels: labels, lang: lang,
            finish: model.scanningFinishP50.map { ($0, "chart-finish-p50-scanning") })
        let out =
            figure(T.arrangedChart.text(lang), arranged.svg())
            + figure(T.scannedChart.text(lang), scanned.svg())
            + paragraph(T.progressNote.text(lang), cls: "muted")
        return reportSection(id: "progress", heading: T.progress, lang: lang, long: true, out)
    }
}
