import KhoEstimation

/// The `storage` section: stored now, still needed and in all, for one copy and for all copies, as the estimate computed them.
enum StorageSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let s = model.storage
        var out = figuresTable(s, copies: model.delivery, lang) + bytesPerPageNote(s, lang)
        if let p = model.delivery { out += pdfBuildNote(p, lang) }
        for note in s.copiesNotes { out += paragraph(note.text(lang), cls: "muted") }
        return reportSection(id: "storage", heading: T.storage, lang: lang, out)
    }

    /// A byte count in a table cell; with a `key`, the cell also carries the raw figure for machines to read.
    private static func bytes(_ v: Int64, key: String? = nil, _ lang: Lang) -> Cell {
        var cell = Cell.num(NumberText.bytes(v, lang), key: key)
        if key != nil { cell.value = String(v) }
        return cell
    }

    /// Stored now, still needed and in all, one copy and all copies; the legal copies' figures below, if any.
    private static func figuresTable(_ s: StorageEstimate, copies pdf: DeliveryEstimate?, _ lang: Lang) -> String {
        let all = T.copies.text(lang) + ": " + NumberText.count(s.copies, lang)
        let rows: [[Cell]] = [
            [
                .h(T.storageNow.text(lang)), bytes(s.storedBytesNowPerCopy, lang),
                bytes(s.storedBytesNow, key: "storage-now-bytes", lang),
            ],
            [
                .h(T.storageRemaining.text(lang)), bytes(s.remainingBytesPerCopy, lang),
                bytes(s.remainingBytes, key: "storage-remaining-bytes", lang),
            ],
        ]
        let footer: [[Cell]] = [
            [
                .h(T.storageTotal.text(lang)), bytes(s.totalBytesPerCopy, key: "storage-total-bytes-per-copy", lang),
                bytes(s.totalBytes, key: "storage-total-bytes", lang),
            ]
        ]
        return HTMLTable.render(
            headers: [T.figure.text(lang), T.oneCopy.text(lang), all], numericColumns: [1, 2], rows: rows,
            footer: footer + (pdf.map { pdfRows($0, lang) } ?? []))
    }

    /// The legal copies' storage rows, then masters and copies together.
    private static func pdfRows(_ p: DeliveryEstimate, _ lang: Lang) -> [[Cell]] {
        [
            [
                .h(T.pdfStorageNow.text(lang)), bytes(p.storedBytesNowPerCopy, lang),
                bytes(p.storedBytesNow, key: "pdf-now-bytes", lang),
            ],
            [
                .h(T.pdfStorageRemaining.text(lang)), bytes(p.remainingBytesPerCopy, lang),
                bytes(p.remainingBytes, key: "pdf-remaining-bytes", lang),
            ],
            [
                .h(T.pdfStorageTotal.text(lang)), bytes(p.totalBytesPerCopy, lang),
                bytes(p.totalBytes, key: "pdf-total-bytes", lang),
            ],
            [
                .h(T.storageGrandTotal.text(lang)), .num(""),
                bytes(p.mastersAndCopiesTotalBytes, key: "storage-with-pdf-total-bytes", lang),
            ],
        ]
    }

    /// Bytes per page used, and whether it was measured from masters or assumed.
    private static func bytesPerPageNote(_ s: StorageEstimate, _ lang: Lang) -> String {
        let perPage =
            NumberText.bytes(Int64(s.bytesPerPage.isFinite ? s.bytesPerPage.rounded() : 0), lang) + "/"
            + T.page.text(lang).lowercased()
        return paragraph(
            s.bytesPerPageSource == .measured
                ? "\(T.bytesPerPageMeasured.text(lang)) \(NumberText.count(s.mastersMeasured, lang)) \(T.masters.text(lang)): \(perPage)."
                : "\(T.bytesPerPageAssumed.text(lang)) \(NumberText.count(s.mastersMeasured, lang)): \(perPage).",
            cls: "muted")
    }

    /// The machine time the legal copies still take, and where its speed comes from.
    private static func pdfBuildNote(_ p: DeliveryEstimate, _ lang: Lang) -> String {
        let source =
            p.pagesPerHourSource == .measured
            ? "\(T.measuredFromCopies.text(lang)) \(NumberText.count(p.copiesMeasured, lang)) \(T.copiesWord.text(lang))"
            : "\(T.assumedCopies.text(lang)) \(NumberText.count(p.copiesMeasured, lang))"
        return paragraph(
            T.pdfBuildTime(
                pages: NumberText.count(Int(p.pagesToBuild.rounded()), lang),
                hours: p.machineTime.text(lang), cores: p.cores, source: source,
                lang), cls: "muted")
    }
}
