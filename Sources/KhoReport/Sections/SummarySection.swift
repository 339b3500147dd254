import KhoEstimation

/// The `summary` section, first on the page: one sentence per variant (how much more money) and when the work
/// finishes under the plan and at the sustained pace, then what the estimate assumed (scope, staffing, deadline).
///
/// The figures carry `data-key` (and `data-value`, the raw number or `YYYY-MM-DD`) equal to `kho estimate --json`:
/// `money-contractor-total`, `money-in-house-total-p50`, `money-one-off-total`, `finish-p50`, `finish-sustained-p50`.
enum SummarySection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        guard let c = model.cost else {
            return reportSection(
                id: "summary", heading: T.summary, lang: lang,
                paragraph(T.noEstimate.text(lang)) + paragraph(T.howToEstimate.text(lang), cls: "muted"))
        }
        func money(_ v: Int64, key: String? = nil) -> String {
            let text = escapeHTML(Format.money(v, lang: lang))
            guard let key else { return text }
            return "<strong data-value=\"\(v)\" data-key=\"\(key)\">\(text)</strong>"
        }
        func day(_ iso: String, key: String? = nil) -> String {
            let text = escapeHTML(PartFinish.dayText(iso, lang))
            guard let key else { return text }
            return "<strong data-value=\"\(escapeHTML(iso))\" data-key=\"\(key)\">\(text)</strong>"
        }
        func band(_ f: PartFinish?) -> String? {
            guard let f, !f.p10.isEmpty, f.p10 != f.p90 else { return nil }
            return day(f.p10) + " – " + day(f.p90)
        }
        var out =
            "<p class=\"lead\">"
            + T.summaryContractor(
                money(c.money.contractorTotalVND, key: "money-contractor-total"),
                oneOff: money(c.money.oneOffTotalVND, key: "money-one-off-total"), lang) + "</p>"
        out +=
            "<p class=\"lead\">"
            + T.summaryInHouse(
                money(c.money.inHouseTotalVND.p50, key: "money-in-house-total-p50"),
                money(c.money.inHouseTotalVND.p10), money(c.money.inHouseTotalVND.p90),
                oneOff: money(c.money.oneOffTotalVND), lang) + "</p>"
        out +=
            "<p class=\"lead\">"
            + T.summaryFinish(
                plan: day(c.planTotal?.p50 ?? "", key: "finish-p50"),
                planBand: band(c.planTotal) ?? day(c.planTotal?.p50 ?? ""),
                sustained: day(c.sustainedTotal?.p50 ?? "", key: "finish-sustained-p50"),
                sustainedBand: band(c.sustainedTotal), lang) + "</p>"
        if !c.basis.isEmpty {
            out +=
                "<p class=\"muted\">\(escapeHTML(T.basis.text(lang))): "
                + c.basis.map { escapeHTML($0.text(lang)) }.joined(separator: "; ") + ".</p>"
        }
        return reportSection(id: "summary", heading: T.summary, lang: lang, out)
    }
}
