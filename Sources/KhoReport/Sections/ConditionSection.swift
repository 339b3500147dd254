/// The `condition` section: boxes in poor condition (mould, water, insects, brittle), since the store is damp.
enum ConditionSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        guard !model.poorBoxes.isEmpty else {
            return reportSection(id: "condition", heading: T.condition, lang: lang, paragraph(T.noPoorBoxes.text(lang)))
        }
        let rows: [[Cell]] = model.poorBoxes.map {
            [.t($0.box), .t($0.fonds), .t($0.location), .t($0.condition.text(lang)), .t($0.retention)]
        }
        let out =
            paragraph(T.conditionNote.text(lang))
            + HTMLTable.render(
                headers: [
                    T.box.text(lang), T.fondsCol.text(lang), T.location.text(lang), T.conditionCol.text(lang),
                    T.retention.text(lang),
                ],
                rows: rows)
        return reportSection(id: "condition", heading: T.condition, lang: lang, long: true, out)
    }
}
