import Foundation
import KhoReport

/// What `kho export` can write.
public enum ExportKind: String, Sendable, CaseIterable {
    case boxes, files, pages, events
}

extension KhoStore {
    /// The file inventory (*mục lục hồ sơ*) by fonds, in box and file order (boxes as received excluded when they hold no
    /// files), with each file's archival code and legal copy, and the delivered files and metres as `kho status` counts them.
    public func inventory(fonds: String? = nil, lang: Lang) throws -> [InventoryFonds] {
        let progress = try status().fonds
        return try reading { tx in
            var fondsRows = try tx.status.fonds()
            if let fonds {
                let found = try tx.catalogue.fonds(code: Clean.code(fonds))
                fondsRows = fondsRows.filter { $0.id == found.id }
            }
            return try fondsRows.map { f in
                let files = try tx.reports.inventoryFiles(fondsId: f.id)
                let codes = try KhoStore.archiveCodes(tx.codes, fileIds: files.map(\.id), fonds: [f.id])
                let rows = files.map { r -> InventoryRow in
                    var notes = r.notes
                    if r.access == Access.secret.rawValue {
                        notes = [Access.secret.label(lang), notes].filter { !$0.isEmpty }.joined(separator: "; ")
                    }
                    return InventoryRow(
                        box: r.box, file: r.file, title: r.title, startYear: r.startYear, endYear: r.endYear,
                        retention: r.retention ?? "", sheets: r.sheets, pages: r.pages > 0 ? r.pages : nil,
                        notes: notes,
                        archiveId: codes[r.id] ?? "", delivered: r.scanState == ScanState.delivered.rawValue)
                }
                let p = progress.first { $0.code == f.code }?.progress
                return InventoryFonds(
                    code: f.code, name: f.name, rows: rows, deliveredFiles: p?.ladder.delivered ?? 0,
                    deliveredMetres: p?.digitizedSplitMetres[ScanState.delivered.rawValue] ?? 0)
            }
        }
    }

    /// Raw rows for `kho export`: a header and cells (text cells are guarded against formula injection).
    public func exportTable(_ kind: ExportKind) throws -> (header: [String], rows: [[CSVCell]]) {
        try reading { tx in try tx.reports.exportTable(kind) }
    }
}
