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
            [.h(T.storageRemaining.text(lang)), bytes(s.remainingBytesPerCopy), bytes(s.remainingBytes, key: "storage-remaining-bytes")],
        ]
        let footer: [[Cell]] = [
            [.h(T.storageTotal.text(lang)), bytes(s.totalBytesPerCopy, key: "storage-total-bytes-per-copy"),
             bytes(s.totalBytes, key: "storage-total-bytes")],
        ]
        var out = HTMLTable.render(headers: [T.figure.text(lang), T.oneCopy.text(lang), all], numericColumns: [1, 2], rows: rows, footer: footer)
        let perPage = NumberText.bytes(Int64(s.bytesPerPage.isFinite ? s.bytesPerPage.rounded() : 0), lang) + "/" + T.page.text(lang).lowercased()
        out += paragraph(s.bytesPerPageMeasured
            ? "\(T.bytesPerPageMeasured.text(lang)) \(NumberText.count(s.mastersMeasured, lang)) \(T.masters.text(lang)): \(perPage)."
            : "\(T.bytesPerPageAssumed.text(lang)) \(NumberText.count(s.mastersMeasured, lang)): \(perPage).", cls: "muted")
        return reportSection(id: "storage", heading: T.storage, lang: lang, out)
    }
}
