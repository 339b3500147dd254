/// The `headline` section: metres, counts, the digitization ladder and QC problems, each figure tagged with its JSON key.
enum HeadlineSection {
    /// A row of metres: the label, the length (metres digitized to the centimetre), the unit and its share of `total`.
    private static func row(
        _ label: Text, _ value: Double, of total: Double, key: String, sub: Bool, digitized: Bool, _ lang: Lang
    ) -> [Cell] {
        let shown = digitized ? NumberText.digitizedMetres(value, lang) : NumberText.metres(value, lang)
        return [
            sub ? .sub(label.text(lang)) : .h(label.text(lang)), .num(shown, key: key),
            .t(T.metreUnit.text(lang)), .num(Format.percent(value, of: total, lang: lang)),
        ]
    }

    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let h = model.headline
        func metreRow(_ label: Text, _ value: Double, key: String, sub: Bool = false, digitized: Bool = false) -> [Cell]
        {
            row(label, value, of: h.totalMetres, key: key, sub: sub, digitized: digitized, lang)
        }
        // Displayed parts add up to their displayed total (largest remainder): the digitized split, to 0,01 m.
        let split = Format.roundedParts(
            [h.digitizedSplit.recorded, h.digitizedSplit.passed, h.digitizedSplit.delivered], total: h.digitizedMetres,
            digits: Format.digitizedMetreDigits)
        let metreRows = [
            metreRow(T.totalM, h.totalMetres, key: "total_m"),
            metreRow(T.arrangedM, h.arrangedMetres, key: "arranged_m"),
            metreRow(T.keptM, h.keptMetres, key: "kept_m"),
            metreRow(T.weededM, h.weededMetres, key: "weeded_m"),
            metreRow(T.weedProposed, h.weed.proposed, key: "weed.proposed_m", sub: true),
            metreRow(T.weedApproved, h.weed.approved, key: "weed.approved_m", sub: true),
            metreRow(T.weedDestroyed, h.weed.destroyed, key: "weed.destroyed_m", sub: true),
            metreRow(T.digitizedM, h.digitizedMetres, key: "digitized_m", digitized: true),
            metreRow(T.splitRecorded, split[0], key: "digitized_split_m.recorded", sub: true, digitized: true),
            metreRow(T.splitPassed, split[1], key: "digitized_split_m.passed", sub: true, digitized: true),
            metreRow(T.splitDelivered, split[2], key: "digitized_split_m.delivered", sub: true, digitized: true),
        ]
        var out = HTMLTable.render(
            headers: [T.figure.text(lang), T.value.text(lang), T.unit.text(lang), T.share.text(lang)],
            numericColumns: [1, 3], rows: metreRows, cls: "headline")

        func countRow(_ label: Text, _ n: Int, key: String) -> [Cell] {
            [.h(label.text(lang)), .num(NumberText.count(n, lang), key: key)]
        }
        let countRows = [
            countRow(T.boxes, h.boxes, key: "boxes"),
            countRow(T.files, h.files, key: "files"),
            countRow(T.sheets, h.sheets, key: "sheets"),
            countRow(T.pagesScanned, h.pagesScanned, key: "pages_scanned"),
            countRow(T.qcProblems, model.qcProblemCount, key: "qc_problems"),
        ]
        let l = h.ladder
        let ladderRows = [
            countRow(T.rungNone, l.none, key: "ladder.none"),
            countRow(T.rungRecorded, l.recorded, key: "ladder.recorded"),
            countRow(T.rungPassed, l.passed, key: "ladder.passed"),
            countRow(T.rungRescan, l.rescan, key: "ladder.rescan"),
            countRow(T.rungMismatch, l.mismatch, key: "ladder.mismatch"),
            countRow(T.rungReview, l.review, key: "ladder.review"),
            countRow(T.rungDelivered, l.delivered, key: "ladder.delivered"),
            countRow(T.rungSecret, l.secret, key: "ladder.secret"),
        ]
        out += "<div class=\"grid2\"><div><h3>\(escapeHTML(T.counts.text(lang)))</h3>"
        out += HTMLTable.render(
            headers: [T.figure.text(lang), T.value.text(lang)], numericColumns: [1], rows: countRows)
        out += "</div><div><h3>\(escapeHTML(T.ladder.text(lang)))</h3>"
        out += HTMLTable.render(
            headers: [T.figure.text(lang), T.value.text(lang)], numericColumns: [1], rows: ladderRows)
        out += "</div></div>"
        return reportSection(id: "headline", heading: T.headline, lang: lang, out)
    }
}
