/// The ids of the report's sections, in the order they appear.
/// Money comes right after the overview, before the per-person weekly tables; `summary` only when there is an estimate.
public let reportSectionIDs = [
    "summary", "headline", "cost", "fonds", "progress", "storage", "throughput", "qc", "condition", "risk", "copies",
]

/// Renders the leadership report as one self-contained HTML5 page (inline CSS and SVG, nothing fetched from a network).
public func renderReport(_ model: ReportModel, lang: Lang) -> String {
    var body = "<header class=\"page\">"
    body += "<p class=\"archive\">\(escapeHTML(model.archiveName))</p>"
    body += "<h1>\(escapeHTML(model.title))</h1>"
    body +=
        "<p class=\"asof\">\(escapeHTML(T.asOf.text(lang))): <strong data-key=\"as_of\">\(escapeHTML(DateFormat.dateTime(model.asOf, lang: lang)))</strong></p>"
    body += "</header>"
    if model.sampleData { body += "<p class=\"banner\" role=\"note\">\(escapeHTML(T.sampleBanner.text(lang)))</p>" }
    body += "<main>"
    body += SummarySection.render(model, lang)
    body += HeadlineSection.render(model, lang)
    body += CostSection.render(model, lang)
    body += FondsSection.render(model, lang)
    body += ProgressSection.render(model, lang)
    body += StorageSection.render(model, lang)
    body += ThroughputSection.render(model, lang)
    body += QCSection.render(model, lang)
    body += ConditionSection.render(model, lang)
    body += RiskSection.render(model, lang)
    body += PreservationSection.render(model, lang)
    body += "</main>"
    body +=
        "<footer><p>\(escapeHTML(model.archiveName)) · \(escapeHTML(DateFormat.dateTime(model.asOf, lang: lang))) · \(escapeHTML(T.footer.text(lang)))</p></footer>"
    return HTMLPage.render(
        title: model.title + " — " + model.archiveName, lang: lang,
        css: ReportCSS.report + (model.sampleData ? ReportCSS.everyPageTop(T.sampleBanner.text(lang)) : ""), body: body)
}

/// Wraps a section's content with its fixed id and heading; `long` sections may break across pages.
func reportSection(id: String, heading: Text, lang: Lang, long: Bool = false, _ content: String) -> String {
    let cls = long ? " class=\"long\"" : ""
    return "<section id=\"\(id)\"\(cls)><h2>\(escapeHTML(heading.text(lang)))</h2>\(content)</section>"
}

/// A paragraph of escaped text, with an optional class.
func paragraph(_ text: String, cls: String = "") -> String {
    let c = cls.isEmpty ? "" : " class=\"\(cls)\""
    return "<p\(c)>\(escapeHTML(text))</p>"
}

/// A chart in a `figure` with its caption.
func figure(_ caption: String, _ svg: String) -> String {
    "<figure><figcaption>\(escapeHTML(caption))</figcaption>\(svg)</figure>"
}
