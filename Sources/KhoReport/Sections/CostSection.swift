/// The `cost` section: contractor and in-house variants at P10/P50/P90, one-off lines, totals, rates with sources, finish dates, assumptions and warnings.
enum CostSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        guard let c = model.cost else {
            let out = paragraph(T.noEstimate.text(lang)) + paragraph(T.howToEstimate.text(lang), cls: "muted")
            return reportSection(id: "cost", heading: T.cost, lang: lang, out)
        }
        func money(_ v: Int64) -> String { Format.money(v, lang: lang) }
        func plus(_ a: Int64, _ b: Int64) -> Int64 {
            let (v, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b > 0 ? Int64.max : Int64.min) : v
        }
        var out = ""
        if let name = c.savedEstimateName {
            out += "<p>\(escapeHTML(T.savedEstimate.text(lang))): <strong data-key=\"saved_estimate\">\(escapeHTML(name))</strong></p>"
        }
        out += "<p>\(escapeHTML(T.daysOfData.text(lang))): <strong data-key=\"days_of_data\">\(escapeHTML(NumberText.count(c.daysOfData, lang)))</strong></p>"

        let oneOff = c.oneOffTotal
        func bandRow(_ label: Text, _ b: CostBand, key: String) -> [Cell] {
            [.h(label.text(lang)), .num(money(b.p10), key: key + ".p10"), .num(money(b.p50), key: key + ".p50"), .num(money(b.p90), key: key + ".p90")]
        }
        func totalRow(_ label: Text, _ b: CostBand) -> [Cell] {
            [.h(T.grandTotal.text(lang) + " — " + label.text(lang)),
             .num(money(plus(b.p10, oneOff))), .num(money(plus(b.p50, oneOff))), .num(money(plus(b.p90, oneOff)))]
        }
        out += HTMLTable.render(
            headers: [T.variant.text(lang), "P10", "P50", "P90"], numericColumns: [1, 2, 3],
            rows: [bandRow(T.contractor, c.contractor, key: "cost.contractor"), bandRow(T.inHouse, c.inHouse, key: "cost.in_house"),
                   [.h(T.oneOffTotal.text(lang)), .num(money(oneOff)), .num(money(oneOff)), .num(money(oneOff))]],
            footer: [totalRow(T.contractor, c.contractor), totalRow(T.inHouse, c.inHouse)])
        out += paragraph(T.costNote.text(lang), cls: "muted")

        if !c.oneOffLines.isEmpty {
            out += "<h3>\(escapeHTML(T.oneOff.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [T.item.text(lang), T.amount.text(lang), T.source.text(lang)], numericColumns: [1],
                rows: c.oneOffLines.map { [.t($0.label.text(lang)), .num(money($0.amountVND)), .t($0.source)] },
                footer: [[.h(T.oneOffTotal.text(lang)), .num(money(oneOff)), .t("")]])
        }
        if !c.unitRates.isEmpty {
            out += "<h3>\(escapeHTML(T.rates.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [T.item.text(lang), T.rate.text(lang), T.source.text(lang)], numericColumns: [1],
                rows: c.unitRates.map { [.t($0.label.text(lang)), .num(money($0.amountVND)), .t($0.source)] })
        }
        if !c.finish.isEmpty {
            out += "<h3>\(escapeHTML(T.finish.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [T.part.text(lang), "P10", "P50", "P90"], numericColumns: [1, 2, 3],
                rows: c.finish.map { [.h($0.part.text(lang)), .num(DateFormat.day($0.p10, lang: lang)),
                                      .num(DateFormat.day($0.p50, lang: lang)), .num(DateFormat.day($0.p90, lang: lang))] })
        }
        if !c.assumptions.isEmpty {
            out += "<h3>\(escapeHTML(T.assumptions.text(lang)))</h3><ul class=\"notes\">"
            out += c.assumptions.map { "<li>\(escapeHTML($0.text(lang)))</li>" }.joined() + "</ul>"
        }
        if !c.warnings.isEmpty {
            out += "<h3>\(escapeHTML(T.warnings.text(lang)))</h3><ul class=\"notes warn\">"
            out += c.warnings.map { "<li>\(escapeHTML($0.text(lang)))</li>" }.joined() + "</ul>"
        }
        return reportSection(id: "cost", heading: T.cost, lang: lang, long: true, out)
    }
}
