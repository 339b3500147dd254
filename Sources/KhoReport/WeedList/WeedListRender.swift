/// Renders the destruction list (*danh mục tài liệu hết giá trị*) as the page the appraisal council
/// (*Hội đồng xác định giá trị tài liệu*) reviews: A4, one fonds per run of pages, the form's columns (STT, tên/nhóm
/// tài liệu, thời gian, số lượng, lý do hủy, ghi chú), the totals, the place and date, and places for signatures.
///
/// `generatedAt` is the local date printed under each title; the renderer reads no clock.
public func renderWeedListHTML(_ fonds: [WeedListFonds], lang: Lang, generatedAt: String) -> String {
    var body = ""
    for f in fonds {
        body += "<section class=\"fonds\" id=\"fonds-\(escapeHTML(f.code))\">"
        body += "<div class=\"form-head\"><div>\(escapeHTML(WT.council.text(lang)))</div>"
        body +=
            "<div><strong>\(escapeHTML(WT.nation.text(lang)))</strong><br><u>\(escapeHTML(WT.motto.text(lang)))</u></div></div>"
        body += "<div class=\"inv-head\"><h1>\(escapeHTML(WT.title.text(lang)))</h1>"
        body +=
            "<p>\(escapeHTML(WT.fonds.text(lang))): <strong>\(escapeHTML(f.name))</strong> (\(escapeHTML(f.code)))</p>"
        body +=
            "<p class=\"muted\">\(escapeHTML(T.generatedAt.text(lang))) \(escapeHTML(DateFormat.dateTime(generatedAt, lang: lang)))</p></div>"
        if f.rows.isEmpty {
            body += paragraph(WT.noItems.text(lang))
        } else {
            let rows: [[Cell]] = f.rows.enumerated().map { i, row in
                [
                    .num(NumberText.count(i + 1, lang)), .t(row.title), .t(WeedListFields.years(row)),
                    .t(WeedListFields.quantity(metres: row.metres, sheets: row.sheets, lang)), .t(row.reason),
                    .t(WeedListFields.notes(row, lang)),
                ]
            }
            let (metres, sheets) = WeedListFields.totals(f.rows)
            var total = Cell.t(WeedListFields.quantity(metres: metres, sheets: sheets > 0 ? sheets : nil, lang))
            total.key = "weed-total-m"
            total.value = Format.decimal(metres, maxFractionDigits: 3, lang: .en)
            let footer: [[Cell]] = [
                [
                    .h(""),
                    .h(WT.total.text(lang) + ": " + NumberText.count(f.rows.count, lang) + " " + WT.groups.text(lang)),
                    .t(""), total, .t(""), .t(""),
                ]
            ]
            body += HTMLTable.render(
                headers: WeedListFields.headers(lang), numericColumns: [0], rows: rows, footer: footer,
                cls: "inventory weed")
            body += paragraph(stageTotals(f.rows, lang), cls: "muted")
        }
        body += "<p class=\"place\">\(escapeHTML(WT.place.text(lang)))</p>"
        body += "<div class=\"signatures\">"
        for (who, how) in [(WT.compiler, WT.sign), (WT.secretary, WT.sign), (WT.chair, WT.signSeal)] {
            body +=
                "<div class=\"signature\"><strong>\(escapeHTML(who.text(lang)))</strong><br><em>\(escapeHTML(how.text(lang)))</em></div>"
        }
        body += "</div></section>"
    }
    let title = WT.title.text(lang) + (fonds.count == 1 ? " — " + (fonds.first?.name ?? "") : "")
    return HTMLPage.render(title: title, lang: lang, css: ReportCSS.weedList, body: body)
}

/// "Chờ Hội đồng duyệt: 0,15 m; đã duyệt, chờ hủy: …; đã hủy: …", for the stages that have items.
private func stageTotals(_ rows: [WeedListRow], _ lang: Lang) -> String {
    [WeedListStage.proposed, .approved, .destroyed].compactMap { stage -> String? in
        let these = rows.filter { $0.stage == stage }
        guard !these.isEmpty else { return nil }
        let (metres, sheets) = WeedListFields.totals(these)
        return WT.stage(stage).text(lang) + ": " + NumberText.count(these.count, lang) + " " + WT.groups.text(lang)
            + ", "
            + WeedListFields.quantity(metres: metres, sheets: sheets > 0 ? sheets : nil, lang)
    }.joined(separator: "; ") + "."
}

/// Renders the destruction list as one CSV sheet (UTF-8 BOM): fonds code and name, then the form's columns with the box
/// after STT and the stage last; `kho import weed` reads it back.
public func renderWeedListCSV(_ fonds: [WeedListFonds], lang: Lang) -> String {
    let header = [
        WT.colFondsCode, WT.colFondsName, WT.colNo, WT.colBox, WT.colTitle, WT.colYears, WT.colQuantity, WT.colReason,
        WT.colNotes,
        WT.colStage,
    ].map { $0.text(lang) }
    var rows: [[CSVCell]] = []
    for f in fonds {
        for (i, row) in f.rows.enumerated() {
            var notes = [row.notes]
            if let decision = row.decision {
                notes.append(WT.approvedBy.text(lang) + " " + decision + (row.decisionDay.map { " (\($0))" } ?? ""))
            }
            if let record = row.record {
                notes.append(WT.destroyedBy.text(lang) + " " + record + (row.recordDay.map { " (\($0))" } ?? ""))
            }
            rows.append([
                .text(f.code), .text(f.name), .integer(i + 1), .text(row.box), .text(row.title),
                .text(WeedListFields.years(row)),
                .text(WeedListFields.quantity(metres: row.metres, sheets: row.sheets, lang)), .text(row.reason),
                .text(notes.filter { !$0.isEmpty }.joined(separator: "; ")), .text(WT.stage(row.stage).text(lang)),
            ])
        }
    }
    return CSVWriter(bom: true).render(header: header, rows: rows)
}
