/// The `storage` section: stored now, still needed and in all, for one copy and for all copies, as the estimate computed them.
enum StorageSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let s = model.storage
        func bytes(_ v: Int64, key: String? = nil) -> Cell {
            var cell = Cell.num(NumberText.bytes(v, lang), key: key)
            if key != nil { cell.value = String(v) }
            return cell
        }
        let all = T.copies.text(lang) + ": " + NumberText.count(s.copies, lang)
        let rows: [[Cell]] = [
            [.h(T.storageNow.text(lang)), bytes(s.nowBytesPerCopy), bytes(s.nowBytes, key: "storage-now-bytes")],
            [
                .h(T.storageRemaining.text(lang)), bytes(s.remainingBytesPerCopy),
                bytes(s.remainingBytes, key: "storage-remaining-bytes"),
            ],
        ]
        var footer: [[Cell]] = [
            [
                .h(T.storageTotal.text(lang)), bytes(s.totalBytesPerCopy, key: "storage-total-bytes-per-copy"),
                bytes(s.totalBytes, key: "storage-total-bytes"),
            ]
        ]
        if let p = s.pdf {
            footer += [
                [.h(T.pdfStorageNow.text(lang)), bytes(p.nowBytesPerCopy), bytes(p.nowBytes, key: "pdf-now-bytes")],
                [
                    .h(T.pdfStorageRemaining.text(lang)), bytes(p.remainingBytesPerCopy),
                    bytes(p.remainingBytes, key: "pdf-remaining-bytes"),
                ],
                [
                    .h(T.pdfStorageTotal.text(lang)), bytes(p.totalBytesPerCopy),
                    bytes(p.totalBytes, key: "pdf-total-bytes"),
                ],
                [
                    .h(T.storageGrandTotal.text(lang)), .num(""),
                    bytes(p.mastersAndCopiesTotalBytes, key: "storage-with-pdf-total-bytes"),
                ],
            ]
        }
        var out = HTMLTable.render(
            headers: [T.figure.text(lang), T.oneCopy.text(lang), all], numericColumns: [1, 2], rows: rows,
            footer: footer)
        let perPage =
            NumberText.bytes(Int64(s.bytesPerPage.isFinite ? s.bytesPerPage.rounded() : 0), lang) + "/"
            + T.page.text(lang).lowercased()
        out += paragraph(
            s.bytesPerPageMeasured
                ? "\(T.bytesPerPageMeasured.text(lang)) \(NumberText.count(s.mastersMeasured, lang)) \(T.masters.text(lang)): \(perPage)."
                : "\(T.bytesPerPageAssumed.text(lang)) \(NumberText.count(s.mastersMeasured, lang)): \(perPage).",
            cls: "muted")
        if let p = s.pdf {
            let source =
                p.speedMeasured
                ? "\(T.measuredFromCopies.text(lang)) \(NumberText.count(p.copiesMeasured, lang)) \(T.copiesWord.text(lang))"
                : "\(T.assumedCopies.text(lang)) \(NumberText.count(p.copiesMeasured, lang))"
            out += paragraph(
                T.pdfBuildTime(
                    pages: NumberText.count(Int(p.pagesToBuild.rounded()), lang),
                    hours: NumberText.count(Int(p.machineHours.rounded(.up)), lang), cores: p.cores, source: source,
                    lang), cls: "muted")
        }
        return reportSection(id: "storage", heading: T.storage, lang: lang, out)
    }
}
