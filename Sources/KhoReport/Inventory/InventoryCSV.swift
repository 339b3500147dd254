/// Renders the file inventory (*mục lục hồ sơ*) of one or more fonds as one CSV sheet with a UTF-8 BOM.
///
/// Columns: fonds code, fonds name, then STT (restarting at 1 per fonds), box, file, title, dates, retention,
/// sheets/pages ("42 tờ / 60 trang", one column as in Decree 30/2020 Annex V), notes; then the archival code
/// (*mã hồ sơ*) and whether the file has its legal copy (PDF/A).
public func renderInventoryCSV(_ fonds: [InventoryFonds], lang: Lang) -> String {
    let header =
        [T.colFondsCode.text(lang), T.colFondsName.text(lang)] + InventoryFields.headers(lang)
        + [T.colArchiveId.text(lang), T.colDelivered.text(lang)]
    var rows: [[CSVCell]] = []
    for f in fonds {
        for (i, row) in f.rows.enumerated() {
            rows.append([
                .text(f.code), .text(f.name), .integer(i + 1), .text(row.box), .text(row.file), .text(row.title),
                .text(InventoryFields.dates(row)), .text(InventoryFields.retention(row.retention, lang)),
                .text(InventoryFields.sheetsPages(row, lang)), .text(row.notes),
                .text(row.archiveId), .text(row.delivered ? T.deliveredMark.text(lang) : ""),
            ])
        }
    }
    return CSVWriter(bom: true).render(header: header, rows: rows)
}
