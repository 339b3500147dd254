/// Renders the file inventory (*mục lục hồ sơ*) as a printable page: A4 landscape, one titled table per fonds, a page break between fonds.
///
/// `generatedAt` is the local date (`YYYY-MM-DD`, optionally with a time) printed under each title; the renderer reads no clock.
public func renderInventoryHTML(_ fonds: [InventoryFonds], lang: Lang, generatedAt: String) -> String {
    var body = ""
    for f in fonds {
        body += "<section class=\"fonds\" id=\"fonds-\(escapeHTML(f.code))\">"
        body += "<div class=\"inv-head\"><h1>\(escapeHTML(T.inventoryTitle.text(lang)))</h1>"
        body +=
            "<p>\(escapeHTML(T.inventoryFonds.text(lang))): <strong>\(escapeHTML(f.name))</strong> (\(escapeHTML(f.code)))</p>"
        body +=
            "<p class=\"muted\">\(escapeHTML(T.generatedAt.text(lang))) \(escapeHTML(DateFormat.dateTime(generatedAt, lang: lang)))</p></div>"
        if f.rows.isEmpty {
            body += paragraph(T.noFiles.text(lang))
        } else {
            let rows: [[Cell]] = f.rows.enumerated().map { i, row in
                [
                    .num(NumberText.count(i + 1, lang)), .t(row.box), .t(row.file), .t(row.title),
                    .t(InventoryFields.dates(row)), .t(InventoryFields.retention(row.retention, lang)),
                    .t(InventoryFields.sheetsPages(row, lang)), .t(row.notes), .t(row.archiveId),
                    .t(row.delivered ? T.deliveredMark.text(lang) : ""),
                ]
            }
            let headers = InventoryFields.headers(lang) + [T.colArchiveId.text(lang), T.colDelivered.text(lang)]
            body += HTMLTable.render(headers: headers, numericColumns: [0], rows: rows, cls: "inventory")
            body += paragraph(
                T.filesTotal.text(lang) + ": " + NumberText.count(f.rows.count, lang) + ". "
                    + T.deliveredTotal(
                        NumberText.count(f.deliveredFiles, lang), NumberText.digitizedMetres(f.deliveredMetres, lang),
                        lang)
                    + ".",
                cls: "muted")
        }
        body += "</section>"
    }
    let title = T.inventoryTitle.text(lang) + (fonds.count == 1 ? " — " + (fonds.first?.name ?? "") : "")
    return HTMLPage.render(title: title, lang: lang, css: ReportCSS.inventory, body: body)
}
