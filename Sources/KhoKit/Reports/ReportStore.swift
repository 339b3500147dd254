import Foundation
import GRDB
import KhoReport

/// What the reports, labels, the inventory and `kho export` read from the catalogue, as one transaction reads it.
struct ReportStore {
    let db: Database

    /// A box in poor condition, with how many of its files there are and how many are kept permanently.
    struct PoorBox {
        var box: String
        var fonds: String
        var location: String
        var condition: Condition
        var permanent: Int
        var files: Int
    }

    /// The boxes in poor condition (mould, water, insects, brittle), by code.
    func poorBoxes() throws -> [PoorBox] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.code AS fonds, b.location, b.condition,
                       (SELECT COUNT(*) FROM file x WHERE x.box_id = b.id AND x.retention = 'permanent') AS permanent,
                       (SELECT COUNT(*) FROM file x WHERE x.box_id = b.id) AS files
                FROM box b JOIN fonds f ON f.id = b.fonds_id
                WHERE b.condition IN ('mould', 'water', 'insects', 'brittle') ORDER BY b.code
                """
        ).map {
            PoorBox(
                box: $0["box"], fonds: $0["fonds"], location: $0["location"],
                condition: Condition(rawValue: $0["condition"]) ?? .good, permanent: $0["permanent"],
                files: $0["files"])
        }
    }

    /// Whether the catalogue holds the sample data (a fonds marked as such).
    func isSampleData() throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fonds WHERE notes LIKE '%DỮ LIỆU MẪU%'") ?? 0 > 0
    }

    /// Per local day with live work, the metres arranged (boxes as received, `sort.finish`) or, when `arranged` is
    /// false, the pages digitized (`scan.record`, `scan.ingest`); opening balances included; oldest first.
    func dailyWork(arranged: Bool) throws -> [(day: String, amount: Double)] {
        let live = LiveEvent.sql(alias: "e")
        let sql =
            arranged
            ? """
            SELECT e.happened_day, TOTAL(\(Bounds.sql("e.metres_mm"))) / 1000.0 AS amount FROM event e
            WHERE e.kind = 'sort.finish' AND \(live) AND e.box_id IN (SELECT id FROM box WHERE from_box_id IS NULL)
            GROUP BY e.happened_day ORDER BY e.happened_day
            """
            : """
            SELECT e.happened_day, TOTAL(\(Bounds.sql("e.pages"))) AS amount FROM event e
            WHERE e.kind IN ('scan.record', 'scan.ingest') AND \(live) GROUP BY e.happened_day ORDER BY e.happened_day
            """
        return try Row.fetchAll(db, sql: sql).map { ($0["happened_day"], $0["amount"]) }
    }

    /// The files of one box with one access, scanning state and condition, added up.
    struct FileGroup {
        var boxId: Int64
        var access: Access?
        var state: ScanState
        var condition: Condition?
        var files: Int
        var withSheets: Int
        var sheets: Int
    }

    /// Every file, grouped by box, access, scanning state and condition.
    func fileGroups() throws -> [FileGroup] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT box_id, access, scan_state, condition, COUNT(*) AS files, COUNT(sheets) AS with_sheets,
                       COALESCE(SUM(\(Bounds.sql("sheets"))), 0) AS sheets
                FROM file GROUP BY box_id, access, scan_state, condition
                """
        ).map {
            FileGroup(
                boxId: $0["box_id"], access: Access(rawValue: $0["access"]),
                state: ScanState(rawValue: $0["scan_state"]) ?? .none, condition: Condition(rawValue: $0["condition"]),
                files: $0["files"], withSheets: $0["with_sheets"], sheets: $0["sheets"])
        }
    }

    /// One file as the inventory lists it.
    struct InventoryFile {
        var id: Int64
        var box: String
        var file: String
        var title: String
        var startYear: Int?
        var endYear: Int?
        var retention: String?
        var sheets: Int?
        var pages: Int
        var notes: String
        var access: String
        var scanState: String
    }

    /// The files of fonds `fondsId`, in box and file order.
    func inventoryFiles(fondsId: Int64) throws -> [InventoryFile] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, fi.code AS file, fi.title, fi.start_year, fi.end_year, fi.retention, fi.sheets, fi.pages,
                       fi.notes, fi.access, fi.id, fi.scan_state
                FROM file fi JOIN box b ON b.id = fi.box_id WHERE b.fonds_id = ? ORDER BY b.code, fi.code
                """, arguments: [fondsId]
        ).map {
            InventoryFile(
                id: $0["id"], box: $0["box"], file: $0["file"], title: $0["title"], startYear: $0["start_year"],
                endYear: $0["end_year"], retention: $0["retention"], sheets: $0["sheets"], pages: $0["pages"],
                notes: $0["notes"], access: $0["access"], scanState: $0["scan_state"])
        }
    }

    /// The raw rows of `kho export`: the columns' names and cells (text cells are guarded against formula injection).
    func exportTable(_ kind: ExportKind) throws -> (header: [String], rows: [[CSVCell]]) {
        func cell(_ value: DatabaseValue) -> CSVCell {
            switch value.storage {
            case .int64(let n): return .number(String(n))
            case .double(let d): return .number(String(d))
            case .string(let s): return .text(s)
            case .null, .blob: return .text("")
            }
        }
        let statement = try db.makeStatement(sql: Self.exportSQL(kind))
        let header = statement.columnNames
        var rows: [[CSVCell]] = []
        for row in try Row.fetchAll(statement) {
            rows.append(row.databaseValues.map(cell))
        }
        return (header, rows)
    }

    private static func exportSQL(_ kind: ExportKind) -> String {
        switch kind {
        case .boxes:
            """
            SELECT b.code AS box, f.code AS fonds, b.extent_mm / 1000.0 AS extent_m, b.location, b.start_year, b.end_year, b.condition,
                   b.notes, p.code AS "from", b.arrangement, b.kept_mm / 1000.0 AS kept_m
            FROM box b JOIN fonds f ON f.id = b.fonds_id LEFT JOIN box p ON p.id = b.from_box_id ORDER BY b.code
            """
        case .files:
            """
            SELECT b.code AS box, fi.code AS file, fi.title, fi.start_year, fi.end_year, fi.retention, fi.sheets, fi.notes, fi.access,
                   fi.condition, fi.scan_state, fi.pages
            FROM file fi JOIN box b ON b.id = fi.box_id ORDER BY b.code, fi.code
            """
        case .pages:
            """
            SELECT b.code AS box, fi.code AS file, m.name AS master, m.pages, m.size AS bytes, m.sha256, m.readable, m.problem_count,
                   m.missing, m.profile, datetime(m.scanned_at, 'unixepoch') AS scanned_utc, datetime(m.verified_at, 'unixepoch') AS verified_utc
            FROM master m JOIN file fi ON fi.id = m.file_id JOIN box b ON b.id = fi.box_id ORDER BY b.code, fi.code, m.name
            """
        case .events:
            """
            SELECT e.id, e.uid, e.kind, e.actor, e.recorder, datetime(e.happened_at, 'unixepoch') AS happened_utc, e.happened_day,
                   datetime(e.recorded_at, 'unixepoch') AS recorded_utc, e.opening, f.code AS fonds, b.code AS box, fi.code AS file,
                   e.metres_mm / 1000.0 AS metres, e.kept_mm / 1000.0 AS kept_m, e.sheets, e.pages, e.bytes, e.undoes, e.supersedes, e.detail
            FROM event e LEFT JOIN fonds f ON f.id = e.fonds_id LEFT JOIN box b ON b.id = e.box_id LEFT JOIN file fi ON fi.id = e.file_id
            ORDER BY e.id
            """
        }
    }
}

extension ReportStore {
    /// Every file as a spine label sees it, by box id.
    func labelFiles() throws -> [Int64: [LabelFile]] {
        var files: [Int64: [LabelFile]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT box_id, code, retention, start_year, end_year FROM file") {
            files[row["box_id"], default: []].append(
                LabelFile(
                    code: row["code"], retention: Retention(stored: row["retention"]), start: row["start_year"],
                    end: row["end_year"]))
        }
        return files
    }

    /// The codes of the boxes made from box `id`, in code order.
    func boxesMade(from id: Int64?) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT code FROM box WHERE from_box_id = ? ORDER BY code", arguments: [id])
    }

    /// The ids of the boxes on the shelf (not rehoused into boxes made from them), in fonds `fondsId` when given, in
    /// fonds and box-code order.
    func shelfBoxIds(fondsId: Int64?) throws -> [Int64] {
        var sql: SQL = """
            SELECT b.id FROM box b JOIN fonds f ON f.id = b.fonds_id
            WHERE NOT EXISTS (SELECT 1 FROM box c WHERE c.from_box_id = b.id)
            """
        if let fondsId { sql += " AND b.fonds_id = \(fondsId)" }
        return try Int64.fetchAll(db, SQLRequest<Int64>(literal: sql + " ORDER BY f.code, b.code"))
    }

    /// Box `id`'s code, its fonds' code and name, and its years; nil when there is no such box.
    func labelHeader(
        box id: Int64
    ) throws -> (
        box: String, fondsCode: String, fondsName: String, startYear: Int?, endYear: Int?
    )? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT b.code AS box_code, f.code AS fonds_code, f.name AS fonds_name, b.start_year, b.end_year
                    FROM box b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = ?
                    """, arguments: [id])
        else { return nil }
        return (row["box_code"], row["fonds_code"], row["fonds_name"], row["start_year"], row["end_year"])
    }

    /// Every box id in order, and the registering events (`box.add` with its box, `import.boxes` with its count),
    /// in log order.
    func registrations() throws -> (
        boxIds: [Int64], events: [(kind: String, boxId: Int64?, day: String, count: Int?)]
    ) {
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM box ORDER BY id")
        let events = try Row.fetchAll(
            db,
            sql: """
                SELECT kind, box_id, happened_day, json_extract(detail, '$.count') AS count FROM event WHERE kind IN ('box.add', 'import.boxes') ORDER BY id
                """
        ).map {
            (
                kind: $0["kind"] as String, boxId: $0["box_id"] as Int64?, day: $0["happened_day"] as String,
                count: $0["count"] as Int?
            )
        }
        return (ids, events)
    }
}

extension Stores {
    /// What the reports read, in this transaction.
    var reports: ReportStore { ReportStore(db: db) }
}
