import Foundation

extension KhoStore {
    /// Records each row as an item of the destruction list, all under one `import.weed` event.
    func importWeed(
        _ tx: Stores, table: CSVTable, path: String, source: String, dryRun: Bool, by who: Attribution,
        lang: Lang
    ) throws -> ImportReport {
        var problems: [RowProblem] = []
        var records: [WeedRecord] = []
        var pending: [Int64: Int64] = [:]
        for row in table.rows {
            let v = row.values
            let box = Clean.code(v["box"] ?? "")
            if let shape = Self.shapeProblem(row, columns: table.columns.count, lang) {
                problems.append(RowProblem(line: row.line, code: box, message: shape))
                continue
            }
            do {
                if box.isEmpty { throw CatalogueError.emptyCode(.box) }
                let boxId = try tx.catalogue.box(code: box).id ?? 0
                let draft = WeedDraft(
                    box: box, title: v["title"] ?? "", years: v["years"], quantity: v["quantity"] ?? "",
                    reason: v["reason"] ?? "", notes: v["notes"])
                let record = try validatedWeed(tx, draft, pendingMM: pending[boxId] ?? 0)
                if let fonds = Clean.optional(v["fonds"]), fonds != (try tx.catalogue.fondsCode(id: record.fondsId)) {
                    throw RowMessage(
                        Text(
                            vi:
                                "hộp \(box) thuộc phông \(try tx.catalogue.fondsCode(id: record.fondsId)), không phải \(fonds)",
                            en:
                                "box \(box) belongs to fonds \(try tx.catalogue.fondsCode(id: record.fondsId)), not \(fonds)"
                        ))
                }
                pending[boxId, default: 0] += record.quantity.millimetres ?? 0
                records.append(record)
            } catch {
                problems.append(
                    RowProblem(line: row.line, code: box.isEmpty ? nil : box, message: Self.rowMessage(error, lang)))
            }
        }
        if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
        let mm = records.reduce(Int64(0)) { $0 + ($1.quantity.millimetres ?? 0) }
        if !dryRun {
            var event = Event(
                kind: .importWeed, attribution: who, time: time,
                detail: EventDetail(source: source, count: records.count))
            event.metresMM = mm
            event.sheets = records.reduce(0) { $0 + ($1.quantity.sheets ?? 0) }
            if Set(records.map(\.fondsId)).count == 1 { event.fondsId = records.first?.fondsId }
            try tx.events.append(&event)
            for record in records { _ = try tx.weeding.insert(record, event: event.id ?? 0) }
        }
        return ImportReport(
            kind: ImportKind.weed.rawValue, path: path, rows: table.rows.count, imported: dryRun ? 0 : records.count,
            dryRun: dryRun, metres: Double(mm) / 1000)
    }
}
