/// The `risk` section: metres at risk (*số mét có nguy cơ*), unarranged and undigitized, by condition and by location.
enum RiskSection {
    /// A cell of metres: what is not arranged is whole boxes (millimetres); what is not digitized, lengths less shares
    /// by pages (centimetres). A keyed cell carries the exact value.
    private static func metres(_ v: Double, key: String?, digitized: Bool, _ lang: Lang) -> Cell {
        var cell = Cell.num(digitized ? NumberText.digitizedMetres(v, lang) : NumberText.metres(v, lang), key: key)
        if key != nil { cell.value = String(v) }
        return cell
    }

    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let r = model.atRisk
        guard r.unarrangedMetres > 0 || r.undigitizedMetres > 0 || !r.locations.isEmpty else {
            return reportSection(id: "risk", heading: T.risk, lang: lang, paragraph(T.noData.text(lang)))
        }
        func m(_ v: Double, key: String? = nil, digitized: Bool = false) -> Cell {
            metres(v, key: key, digitized: digitized, lang)
        }
        var out =
            "<p class=\"lead\">"
            + escapeHTML(
                T.riskLead(
                    NumberText.digitizedMetres(r.undigitizedAtRiskMetres, lang),
                    NumberText.metres(r.unarrangedAtRiskMetres, lang), lang))
            + "</p>"
        // The rows as displayed add up to the totals as displayed (largest remainder).
        let unarranged = Format.roundedParts(
            r.byCondition.map(\.unarrangedMetres), total: r.unarrangedMetres, digits: Format.metreDigits)
        let undigitized = Format.roundedParts(
            r.byCondition.map(\.undigitizedMetres), total: r.undigitizedMetres, digits: Format.digitizedMetreDigits)
        let rows: [[Cell]] = r.byCondition.indices.map { i in
            [.h(r.byCondition[i].label.text(lang)), m(unarranged[i]), m(undigitized[i], digitized: true)]
        }
        let footer: [[Cell]] = [
            [
                .h(T.riskTotal.text(lang)), m(r.unarrangedMetres, key: "risk-unarranged-m"),
                m(r.undigitizedMetres, key: "risk-undigitized-m", digitized: true),
            ],
            [
                .h(T.riskAtRisk.text(lang)), m(r.unarrangedAtRiskMetres, key: "risk-unarranged-at-risk-m"),
                m(r.undigitizedAtRiskMetres, key: "risk-undigitized-at-risk-m", digitized: true),
            ],
        ]
        out += HTMLTable.render(
            headers: [T.conditionCol.text(lang), T.riskUnarranged.text(lang), T.riskUndigitized.text(lang)],
            numericColumns: [1, 2],
            rows: rows, footer: footer)
        if r.locations.isEmpty {
            out += paragraph(T.riskNoLocations.text(lang), cls: "muted")
        } else {
            out += "<h3>\(escapeHTML(T.riskLocations.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [
                    T.location.text(lang), T.riskCol.text(lang), T.boxes.text(lang), T.riskUnarranged.text(lang),
                    T.riskUndigitized.text(lang),
                ],
                numericColumns: [2, 3, 4],
                rows: r.locations.map {
                    [
                        .t($0.location), .t($0.risks.text(lang)), .num(NumberText.count($0.boxes, lang)),
                        m($0.unarrangedMetres), m($0.undigitizedMetres),
                    ]
                })
        }
        out += paragraph(T.riskNote.text(lang), cls: "muted")
        return reportSection(id: "risk", heading: T.risk, lang: lang, out)
    }
}
