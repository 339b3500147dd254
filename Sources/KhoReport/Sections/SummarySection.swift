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
        // One paragraph: what the money buys, each option's total, the finish under the plan and what the plan
        // assumes against recent reality, a missed deadline, the first decision. Figures carry their JSON keys.
        var out = "<p class=\"lead\" data-key=\"chairman-summary\">"
        for piece in c.chairman {
            let text = escapeHTML(piece.text.text(lang))
            if let key = piece.key {
                out +=
                    "<strong data-value=\"\(escapeHTML(piece.value ?? ""))\" data-key=\"\(escapeHTML(key))\">\(text)</strong>"
            } else {
                out += text
            }
        }
        out += "</p>"
        if !c.basis.isEmpty {
            out +=
                "<p class=\"muted\">\(escapeHTML(T.basis.text(lang))): "
                + c.basis.map { escapeHTML($0.text(lang)) }.joined(separator: "; ") + ".</p>"
        }
        return reportSection(id: "summary", heading: T.summary, lang: lang, out)
    }
}
