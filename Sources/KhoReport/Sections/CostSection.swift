/// The `cost` section: both variants (the work, the one-off lines, the total asked for), finish dates under the
/// plan and at the sustained pace, the deadline's staffing, the rates with their sources, assumptions and warnings.
///
/// Every amount is the estimate's own figure: nothing is added here.
enum CostSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        guard let c = model.cost else {
            let out = paragraph(T.noEstimate.text(lang)) + paragraph(T.howToEstimate.text(lang), cls: "muted")
            return reportSection(id: "cost", heading: T.cost, lang: lang, out)
        }
        func money(_ v: Int64, key: String? = nil) -> Cell {
            var cell = Cell.num(Format.money(v, lang: lang), key: key)
            if key != nil { cell.value = String(v) }
            return cell
        }
        var out = ""
        if let name = c.savedEstimateName {
            out +=
                "<p>\(escapeHTML(T.savedEstimate.text(lang))): <strong data-key=\"saved_estimate\">\(escapeHTML(name))</strong></p>"
        }
        if !c.basis.isEmpty {
            out += "<ul class=\"notes\">" + c.basis.map { "<li>\(escapeHTML($0.text(lang)))</li>" }.joined() + "</ul>"
        }
        out +=
            "<p>\(escapeHTML(T.daysOfData.text(lang))): <strong data-key=\"days_of_data\">\(escapeHTML(NumberText.count(c.daysOfData, lang)))</strong></p>"

        let contractor = [
            .h(T.contractor.text(lang)), money(c.contractorWork), money(c.oneOffTotal),
            money(c.contractorTotal, key: "cost.contractor.total"),
        ]
        let inHouse: [[Cell]] = [
            [
                .h(T.inHouse.text(lang) + " — P10"), money(c.inHouseWork.p10), money(c.oneOffTotal),
                money(c.inHouseTotal.p10, key: "cost.in_house.total.p10"),
            ],
            [
                .h(T.inHouse.text(lang) + " — P50"), money(c.inHouseWork.p50), money(c.oneOffTotal),
                money(c.inHouseTotal.p50, key: "cost.in_house.total.p50"),
            ],
            [
                .h(T.inHouse.text(lang) + " — P90"), money(c.inHouseWork.p90), money(c.oneOffTotal),
                money(c.inHouseTotal.p90, key: "cost.in_house.total.p90"),
            ],
        ]
        out += HTMLTable.render(
            headers: [T.variant.text(lang), T.work.text(lang), T.oneOffTotal.text(lang), T.grandTotal.text(lang)],
            numericColumns: [1, 2, 3],
            rows: [contractor] + inHouse)
        out += paragraph(T.costNote.text(lang), cls: "muted")

        if !c.finish.isEmpty {
            out += "<h3>\(escapeHTML(T.finish.text(lang)))</h3>"
            out += finishTable(c.finish, lang)
        }
        if !c.sustainedFinish.isEmpty {
            out += "<h3>\(escapeHTML(T.sustainedFinish.text(lang)))</h3>"
            out += finishTable(c.sustainedFinish, lang)
            if !c.pace.isEmpty {
                out +=
                    "<ul class=\"notes\">" + c.pace.map { "<li>\(escapeHTML($0.text(lang)))</li>" }.joined() + "</ul>"
            }
        }
        if let d = c.deadline {
            out +=
                "<h3>\(escapeHTML(T.deadline.text(lang))) \(escapeHTML(DateFormat.day(d.until, lang: lang))) "
                + "(\(escapeHTML(NumberText.count(d.workingDays, lang))) \(escapeHTML(T.workingDaysLeft.text(lang))))</h3>"
            out += HTMLTable.render(
                headers: [
                    T.part.text(lang), T.staffP50.text(lang), T.staffP90.text(lang), T.extraStaffDays.text(lang),
                    T.inHouseCost.text(lang),
                ],
                numericColumns: [1, 2, 3, 4],
                rows: d.parts.map {
                    [
                        .h($0.part.text(lang)), .num(NumberText.count($0.staffP50, lang)),
                        .num(NumberText.count($0.staffP90, lang)),
                        .num(
                            Format.decimal($0.extraStaffDays, maxFractionDigits: 1, lang: lang) + " "
                                + T.staffDayUnit.text(lang)),
                        .num(Format.money($0.costVND, lang: lang)),
                    ]
                },
                footer: [
                    [
                        .h(T.deadlineInHouse.text(lang)), .t(""), .t(""), .t(""),
                        money(d.inHouseTotal, key: "deadline-in-house-total"),
                    ],
                    [
                        .h(T.deadlineContractor.text(lang)), .t(""), .t(""), .t(""),
                        money(d.contractorTotal, key: "deadline-contractor-total"),
                    ],
                ])
        }
        if !c.oneOffLines.isEmpty {
            out += "<h3>\(escapeHTML(T.oneOff.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [T.item.text(lang), T.amount.text(lang), T.source.text(lang)], numericColumns: [1],
                rows: c.oneOffLines.map {
                    [.t($0.label.text(lang)), .num(Format.money($0.amountVND, lang: lang)), .t($0.source)]
                },
                footer: [[.h(T.oneOffTotal.text(lang)), money(c.oneOffTotal, key: "cost.one_off.total"), .t("")]])
        }
        if !c.unitRates.isEmpty {
            out += "<h3>\(escapeHTML(T.rates.text(lang)))</h3>"
            out += HTMLTable.render(
                headers: [T.item.text(lang), T.rate.text(lang), T.source.text(lang)], numericColumns: [1],
                rows: c.unitRates.map {
                    [.t($0.label.text(lang)), .num(Format.money($0.amountVND, lang: lang)), .t($0.source)]
                })
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

    /// Finish days per part; an empty day is "never" (nothing done in the window).
    private static func finishTable(_ rows: [PartFinish], _ lang: Lang) -> String {
        func day(_ iso: String) -> Cell {
            .num(
                iso.isEmpty
                    ? T.never.text(lang)
                    : iso == PartFinish.beyondHorizon ? T.beyond.text(lang) : DateFormat.day(iso, lang: lang))
        }
        return HTMLTable.render(
            headers: [T.part.text(lang), "P10", "P50", "P90"], numericColumns: [1, 2, 3],
            rows: rows.map { [.h($0.part.text(lang)), day($0.p10), day($0.p50), day($0.p90)] })
    }
}
