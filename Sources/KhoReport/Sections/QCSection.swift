/// The `qc` section: scan QC problems by box and file, or a sentence saying there are none.
enum QCSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        guard !model.qcProblems.isEmpty else {
            return reportSection(id: "qc", heading: T.qc, lang: lang, paragraph(T.noQC.text(lang)))
        }
        let rows = model.qcProblems
            .sorted { ($0.box, $0.file, $0.page ?? 0) < ($1.box, $1.file, $1.page ?? 0) }
            .map { row -> [Cell] in
                [.t(row.box), .t(row.file), .num(row.page.map { NumberText.count($0, lang) } ?? ""), .t(row.message)]
            }
        let out =
            HTMLTable.render(
                headers: [T.box.text(lang), T.file.text(lang), T.page.text(lang), T.problem.text(lang)],
                numericColumns: [2], rows: rows)
            + paragraph(T.qcShown.text(lang) + ": " + NumberText.count(model.qcProblems.count, lang), cls: "muted")
        return reportSection(id: "qc", heading: T.qc, lang: lang, long: true, out)
    }
}
