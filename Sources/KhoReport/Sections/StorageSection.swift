/// The `storage` section: bytes stored now and projected (P10/P50/P90), one copy and all copies.
enum StorageSection {
    static func render(_ model: ReportModel, _ lang: Lang) -> String {
        let s = model.storage
        let copies = Int64(Swift.max(s.copies, 1))
        func times(_ b: Int64) -> Int64 {
            let (v, overflow) = b.multipliedReportingOverflow(by: copies)
            return overflow ? Int64.max : v
        }
        let now: [[Cell]] = [
            [.h(T.storageNow.text(lang)), .num(NumberText.bytes(s.nowBytes, lang), key: "storage.now_bytes")],
            [.h(T.copies.text(lang)), .num(NumberText.count(s.copies, lang), key: "storage.copies")],
        ]
        let projected: [[Cell]] = [
            [.h(T.storageProjected.text(lang)), .num(NumberText.bytes(s.projectedBytesP10, lang)),
             .num(NumberText.bytes(s.projectedBytesP50, lang)), .num(NumberText.bytes(s.projectedBytesP90, lang))],
            [.h(T.storageWithCopies.text(lang) + " (× \(NumberText.count(s.copies, lang)))"), .num(NumberText.bytes(times(s.projectedBytesP10), lang)),
             .num(NumberText.bytes(times(s.projectedBytesP50), lang)), .num(NumberText.bytes(times(s.projectedBytesP90), lang))],
        ]
        let out = HTMLTable.render(headers: [T.figure.text(lang), T.value.text(lang)], numericColumns: [1], rows: now)
            + HTMLTable.render(headers: [T.figure.text(lang), "P10", "P50", "P90"], numericColumns: [1, 2, 3], rows: projected)
        return reportSection(id: "storage", heading: T.storage, lang: lang, out)
    }
}
