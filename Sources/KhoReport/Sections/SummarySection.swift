import KhoEstimation

/// The `summary` section, first on the page: the chairman's paragraph (``EstimateTexts/chairman(_:)``), then what
/// the estimate assumed (scope, staffing, deadline).
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
        return reportSection(
            id: "summary", heading: T.summary, lang: lang,
            renderReportSummary(ReportSummary(chairman: c.chairman, basis: c.basis), lang: lang))
    }
}

/// The report's first-page summary as HTML: one paragraph (what the money buys, each option's total, the finish
/// under the plan and what the plan assumes against recent reality, a missed deadline, the first decision), its
/// figures tagged with their JSON keys, then what the estimate assumed. The report and the leader's dashboard in
/// `kho serve` both show it through this function, so they never differ.
public func renderReportSummary(_ summary: ReportSummary, lang: Lang) -> String {
    var out = "<p class=\"lead\" data-key=\"chairman-summary\">"
    for piece in summary.chairman {
        let text = escapeHTML(piece.text.text(lang))
        if let key = piece.key {
            out +=
                "<strong data-value=\"\(escapeHTML(piece.value ?? ""))\" data-key=\"\(escapeHTML(key))\">\(text)</strong>"
        } else {
            out += text
        }
    }
    out += "</p>"
    if !summary.basis.isEmpty {
        out +=
            "<p class=\"muted\">\(escapeHTML(T.basis.text(lang))): "
            + summary.basis.map { escapeHTML($0.text(lang)) }.joined(separator: "; ") + ".</p>"
    }
    return out
}
