import Foundation
import GRDB
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
        return try read { db in
            var fondsRows = try Row.fetchAll(db, sql: "SELECT id, code, name FROM fonds ORDER BY code")
            if let fonds {
                let found = try Lookup.fonds(db, code: Clean.code(fonds))
                fondsRows = fondsRows.filter { ($0["id"] as Int64) == found.id }
            }
            return try fondsRows.map { f in
                let fondsId: Int64 = f["id"]
                let files = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT b.code AS box, fi.code AS file, fi.title, fi.start_year, fi.end_year, fi.retention, fi.sheets, fi.pages,
                               fi.notes, fi.access, fi.id, fi.scan_state
                        FROM file fi JOIN box b ON b.id = fi.box_id WHERE b.fonds_id = ? ORDER BY b.code, fi.code
                        """, arguments: [fondsId])
                let codes = try KhoStore.archiveCodes(db, fileIds: files.map { $0["id"] }, fonds: [fondsId])
                let rows = files.map { r -> InventoryRow in
                    let pages: Int = r["pages"]
                    var notes: String = r["notes"]
                    if (r["access"] as String) == Access.secret.rawValue {
                        notes = [Access.secret.label(lang), notes].filter { !$0.isEmpty }.joined(separator: "; ")
                    }
                    return InventoryRow(
                        box: r["box"], file: r["file"], title: r["title"], startYear: r["start_year"],
                        endYear: r["end_year"],
                        retention: (r["retention"] as String?) ?? "", sheets: r["sheets"],
                        pages: pages > 0 ? pages : nil, notes: notes,
                        archiveId: codes[r["id"]] ?? "",
                        delivered: (r["scan_state"] as String) == ScanState.delivered.rawValue)
                }
                let code: String = f["code"]
                let p = progress.first { $0.code == code }?.progress
                return InventoryFonds(
                    code: code, name: f["name"], rows: rows, deliveredFiles: p?.ladder.delivered ?? 0,
                    deliveredMetres: p?.digitizedSplitMetres[ScanState.delivered.rawValue] ?? 0)
            }
        }
    }

    /// Raw rows for `kho export`: a header and cells (text cells are guarded against formula injection).
    public func exportTable(_ kind: ExportKind) throws -> (header: [String], rows: [[CSVCell]]) {
        func cell(_ value: DatabaseValue) -> CSVCell {
            switch value.storage {
            case .int64(let n): return .number(String(n))
            case .double(let d): return .number(String(d))
            case .string(let s): return .text(s)
            case .null, .blob: return .text("")
            }
        }
        let sql: String
        switch kind {
        case .boxes:
            sql = """
                SELECT b.code AS box, f.code AS fonds, b.extent_mm / 1000.0 AS extent_m, b.location, b.start_year, b.end_year, b.condition,
                       b.notes, p.code AS "from", b.arrangement, b.kept_mm / 1000.0 AS kept_m
                FROM box b JOIN fonds f ON f.id = b.fonds_id LEFT JOIN box p ON p.id = b.from_box_id ORDER BY b.code
                """
        case .files:
            sql = """
                SELECT b.code AS box, fi.code AS file, fi.title, fi.start_year, fi.end_year, fi.retention, fi.sheets, fi.notes, fi.access,
                       fi.condition, fi.scan_state, fi.pages
                FROM file fi JOIN box b ON b.id = fi.box_id ORDER BY b.code, fi.code
                """
        case .pages:
            sql = """
                SELECT b.code AS box, fi.code AS file, m.name AS master, m.pages, m.size AS bytes, m.sha256, m.readable, m.problem_count,
                       m.missing, m.profile, datetime(m.scanned_at, 'unixepoch') AS scanned_utc, datetime(m.verified_at, 'unixepoch') AS verified_utc
                FROM master m JOIN file fi ON fi.id = m.file_id JOIN box b ON b.id = fi.box_id ORDER BY b.code, fi.code, m.name
                """
        case .events:
            sql = """
                SELECT e.id, e.uid, e.kind, e.actor, e.recorder, datetime(e.happened_at, 'unixepoch') AS happened_utc, e.happened_day,
                       datetime(e.recorded_at, 'unixepoch') AS recorded_utc, e.opening, f.code AS fonds, b.code AS box, fi.code AS file,
                       e.metres_mm / 1000.0 AS metres, e.kept_mm / 1000.0 AS kept_m, e.sheets, e.pages, e.bytes, e.undoes, e.supersedes, e.detail
                FROM event e LEFT JOIN fonds f ON f.id = e.fonds_id LEFT JOIN box b ON b.id = e.box_id LEFT JOIN file fi ON fi.id = e.file_id
                ORDER BY e.id
                """
        }
        return try read { db in
            let statement = try db.makeStatement(sql: sql)
            let header = statement.columnNames
            var rows: [[CSVCell]] = []
            for row in try Row.fetchAll(statement) {
                rows.append(row.databaseValues.map(cell))
            }
            return (header, rows)
        }
    }
}
