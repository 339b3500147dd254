import KhoEstimation

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
        var out = basis(c, lang)
        out += variantsTable(c, lang) + paragraph(T.costNote.text(lang), cls: "muted")
        if let reason = c.money.inHouseBandReason { out += paragraph(reason.text(lang), cls: "muted") }
        out += finishTables(c, lang)
        if let d = c.deadline { out += deadlineTable(d, lang) }
        out += moneyLinesTable(c, lang)
        out += headedNotes(T.assumptions, c.assumptions, cls: "notes", lang)
        out += headedNotes(T.warnings, c.warnings, cls: "notes warn", lang)
        return reportSection(id: "cost", heading: T.cost, lang: lang, long: true, out)
    }

    /// An amount in a table cell; with a `key`, the cell also carries the raw figure for machines to read.
    private static func money(_ v: Int64, key: String? = nil, _ lang: Lang) -> Cell {
        var cell = Cell.num(Format.money(v, lang: lang), key: key)
        if key != nil { cell.value = String(v) }
        return cell
    }

    /// A list of notes, one item per text.
    private static func notes(_ texts: [Text], cls: String = "notes", _ lang: Lang) -> String {
        "<ul class=\"\(cls)\">" + texts.map { "<li>\(escapeHTML($0.text(lang)))</li>" }.joined() + "</ul>"
    }

    /// A heading and its list of notes; nothing when there are none.
    private static func headedNotes(_ heading: Text, _ texts: [Text], cls: String, _ lang: Lang) -> String {
        texts.isEmpty ? "" : "<h3>\(escapeHTML(heading.text(lang)))</h3>" + notes(texts, cls: cls, lang)
    }

    /// What the figures rest on: the saved estimate's name, the estimate's basis and its days of data.
    private static func basis(_ c: CostSummary, _ lang: Lang) -> String {
        var out = ""
        if let name = c.savedEstimateName {
            out +=
                "<p>\(escapeHTML(T.savedEstimate.text(lang))): <strong data-key=\"saved_estimate\">\(escapeHTML(name))</strong></p>"
        }
        if !c.basis.isEmpty { out += notes(c.basis, lang) }
        return out
            + "<p>\(escapeHTML(T.daysOfData.text(lang))): <strong data-key=\"days_of_data\">\(escapeHTML(NumberText.count(c.daysOfData, lang)))</strong></p>"
    }

    /// Both variants side by side: the contractor's, then in-house at P10, P50 and P90.
    private static func variantsTable(_ c: CostSummary, _ lang: Lang) -> String {
        let m = c.money
        let contractor = [
            .h(T.contractor.text(lang)), money(m.contractorWorkVND, lang), money(m.oneOffTotalVND, lang),
            money(m.contractorTotalVND, key: "cost.contractor.total", lang),
        ]
        // No zero-width band: without a band only the P50 row stands, and the note below says why.
        let levels =
            m.inHouseBand == nil
            ? [("P50", m.inHouseWorkVND.p50, m.inHouseTotalVND.p50)]
            : [
                ("P10", m.inHouseWorkVND.p10, m.inHouseTotalVND.p10),
                ("P50", m.inHouseWorkVND.p50, m.inHouseTotalVND.p50),
                ("P90", m.inHouseWorkVND.p90, m.inHouseTotalVND.p90),
            ]
        let inHouse: [[Cell]] = levels.map { level, work, total in
            [
                .h(T.inHouse.text(lang) + " — " + level), money(work, lang), money(m.oneOffTotalVND, lang),
                money(total, key: "cost.in_house.total." + level.lowercased(), lang),
            ]
        }
        return HTMLTable.render(
            headers: [T.variant.text(lang), T.work.text(lang), T.oneOffTotal.text(lang), T.grandTotal.text(lang)],
            numericColumns: [1, 2, 3],
            rows: [contractor] + inHouse)
    }

    /// The finish days under the plan, then at the sustained pace with the pace measured.
    private static func finishTables(_ c: CostSummary, _ lang: Lang) -> String {
        var out = ""
        if !c.finish.isEmpty {
            out += "<h3>\(escapeHTML(T.finish.text(lang)))</h3>"
            out += finishTable(c.finish, lang)
        }
        if !c.sustainedFinish.isEmpty {
            out += "<h3>\(escapeHTML(T.sustainedFinish.text(lang)))</h3>"
            out += finishTable(c.sustainedFinish, lang)
            if !c.pace.isEmpty { out += notes(c.pace, lang) }
        }
        return out
    }

    /// What meeting the deadline takes: staff per part and the total of each variant.
    private static func deadlineTable(_ d: DeadlineSummary, _ lang: Lang) -> String {
        let heading =
            "<h3>\(escapeHTML(T.deadline.text(lang))) \(escapeHTML(DateFormat.day(d.until, lang: lang))) "
            + "(\(escapeHTML(NumberText.count(d.workingDays, lang))) \(escapeHTML(T.workingDaysLeft.text(lang))))</h3>"
        return heading
            + HTMLTable.render(
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
                        money(d.inHouseTotal, key: "deadline-in-house-total", lang),
                    ],
                    [
                        .h(T.deadlineContractor.text(lang)), .t(""), .t(""), .t(""),
                        money(d.contractorTotal, key: "deadline-contractor-total", lang),
                    ],
                ])
    }

    /// Every money line as a row a reader can check: quantity (as priced) × unit price = amount, with its source.
    /// Each row carries `data-key="money-line"` and the plain figures `data-quantity`, `data-unit-price`,
    /// `data-amount`; the footer holds the one-off total.
    private static func moneyLinesTable(_ c: CostSummary, _ lang: Lang) -> String {
        let m = c.money
        guard !m.allLines.isEmpty else { return "" }
        var out = "<h3>\(escapeHTML(T.moneyLines.text(lang)))</h3><table class=\"money-lines\"><thead><tr>"
        let headers = [
            (T.variant, false), (T.item, false), (T.quantity, true), (T.rate, true), (T.amount, true),
            (T.source, false),
        ]
        for (h, numeric) in headers {
            out += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(escapeHTML(h.text(lang)))</th>"
        }
        out += "</tr></thead><tbody>"
        for (variant, l) in m.allLines {
            let plainQuantity = Format.decimal(
                l.quantity, maxFractionDigits: MoneyLine.fractionDigits(unit: l.unit), lang: .en
            ).replacingOccurrences(of: ",", with: "")
            out +=
                "<tr data-quantity=\"\(plainQuantity)\" data-unit-price=\"\(l.unitPriceVND)\" data-amount=\"\(l.amountVND)\" data-part=\"\(escapeHTML(l.part))\" data-variant=\"\(variant)\" data-key=\"money-line\">"
            out += Cell.t(MoneyBreakdown.variantName(variant).text(lang)).html + Cell.h(l.name.text(lang)).html
            out += Cell.num(l.quantityText(lang) + " " + MoneyLine.unitName(l.unit).text(lang)).html
            out += Cell.num(Format.money(l.unitPriceVND, lang: lang)).html
            out += Cell.num(Format.money(l.amountVND, lang: lang)).html + Cell.t(l.source.text(lang)).html + "</tr>"
        }
        out += "</tbody><tfoot><tr>" + Cell.h(T.oneOffTotal.text(lang)).html + Cell.t("").html + Cell.t("").html
        out += Cell.t("").html + money(m.oneOffTotalVND, key: "cost.one_off.total", lang).html + Cell.t("").html
        return out + "</tr></tfoot></table>"
    }

    /// Finish days per part; an empty day is "never" (nothing done in the window).
    private static func finishTable(_ rows: [PartFinish], _ lang: Lang) -> String {
        func day(_ iso: String) -> Cell { .num(PartFinish.dayText(iso, lang)) }
        return HTMLTable.render(
            headers: [T.part.text(lang), "P10", "P50", "P90"], numericColumns: [1, 2, 3],
            rows: rows.map { [.h($0.part.text(lang)), day($0.p10), day($0.p50), day($0.p90)] })
    }
}
