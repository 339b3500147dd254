import GRDB

/// The log as `kho log` reads it and `kho undo` writes back what an event changed, in one transaction.
struct LogStore {
    let db: Database

    // MARK: Reading the log

    /// Which events ``events(_:)`` reads; nil: any.
    struct Query {
        var kinds: [EventKind]?
        var actor: String?
        var from: String?
        var to: String?
        /// The box and the file the events name (ids of rows that exist).
        var boxId: Int64??
        var fileId: Int64??
        /// Only the last ones.
        var limit: Int?
    }

    /// An event with the codes of what it names and the event that undid it.
    struct Logged {
        var event: Event
        var fondsCode: String?
        var boxCode: String?
        var fileCode: String?
        var fileBoxCode: String?
        var undoneBy: Int64?
    }

    /// The events of `query`, oldest first; with a `limit`, only the last ones.
    func events(_ query: Query) throws -> [Logged] {
        var conditions: [SQL] = []
        if let kinds = query.kinds { conditions.append("e.kind IN \(kinds.map(\.rawValue))") }
        if let actor = query.actor { conditions.append("e.actor = \(actor)") }
        if let from = query.from { conditions.append("e.happened_day >= \(from)") }
        if let to = query.to { conditions.append("e.happened_day <= \(to)") }
        if let boxId = query.boxId { conditions.append("e.box_id = \(boxId)") }
        if let fileId = query.fileId { conditions.append("e.file_id = \(fileId)") }
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        let events: SQL = """
            SELECT e.*, f.code AS fonds_code, b.code AS box_code, fi.code AS file_code, fb.code AS file_box_code,
                   (SELECT u.id FROM event u WHERE u.undoes = e.id) AS undone_by
            FROM event e
            LEFT JOIN fonds f ON f.id = e.fonds_id
            LEFT JOIN box b ON b.id = e.box_id
            LEFT JOIN file fi ON fi.id = e.file_id
            LEFT JOIN box fb ON fb.id = fi.box_id
            \(whereSQL)
            """
        let sql: SQL =
            query.limit.map { "SELECT * FROM (\(events) ORDER BY e.id DESC LIMIT \(max(0, $0))) ORDER BY id" }
            ?? "\(events) ORDER BY e.id"
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map { row in
            Logged(
                event: try Event(row: row), fondsCode: row["fonds_code"], boxCode: row["box_code"],
                fileCode: row["file_code"], fileBoxCode: row["file_box_code"], undoneBy: row["undone_by"])
        }
    }

    /// Every fonds' code by id.
    func fondsCodes() throws -> [Int64: String] {
        Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, code FROM fonds").map { ($0["id"], $0["code"]) }
        )
    }

    /// The live deletes of fonds, boxes and files: id, kind and detail (JSON).
    func liveDeletes() throws -> [(id: Int64, kind: String, detail: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, kind, detail FROM event e WHERE kind IN ('fonds.delete', 'box.delete', 'file.delete') AND \(LiveEvent.sql(alias: "e"))
                """
        ).map { ($0["id"], $0["kind"], $0["detail"]) }
    }

    /// The codes of the boxes `ids` that exist, by id.
    func boxCodes(ids: Set<Int64>) throws -> [Int64: String] {
        var codes: [Int64: String] = [:]
        let list = ids.map(String.init).joined(separator: ",")
        for row in try Row.fetchAll(db, sql: "SELECT id, code FROM box WHERE id IN (\(list))") {
            codes[row["id"]] = row["code"]
        }
        return codes
    }

    // MARK: Undo

    /// The kind of event `id` as stored; nil when there is no such event.
    func kind(ofEvent id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT kind FROM event WHERE id = ?", arguments: [id])
    }

    /// Event `id`; nil when there is none.
    func event(id: Int64) throws -> Event? { try Event.fetchOne(db, key: id) }

    /// The event that undid event `id`; nil when none did.
    func undoneBy(_ id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE undoes = ?", arguments: [id])
    }

    /// The first event after `original` of `kinds`, not undone, about its file (`onFile`) or its box alone: its id
    /// and kind as stored.
    func laterChange(after original: Event, onFile: Bool, kinds: [EventKind]) throws -> (id: Int64, kind: String)? {
        let target: SQL = onFile ? "file_id = \(original.fileId)" : "box_id = \(original.boxId) AND file_id IS NULL"
        return try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT id, kind FROM event e
                    WHERE \(target) AND id > \(original.id) AND kind IN \(kinds.map(\.rawValue))
                      AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = e.id)
                    ORDER BY id LIMIT 1
                    """)
        ).map { ($0["id"], $0["kind"]) }
    }

    /// The start that finishing box `original` recorded with it (same time, noted "sort.finish"), when not undone.
    func startRecorded(byFinish original: Event) throws -> Event? {
        try Event.fetchOne(
            db,
            sql: """
                SELECT * FROM event s WHERE s.kind = 'sort.start' AND s.box_id = ? AND s.happened_at = ? AND s.id < ?
                  AND json_extract(s.detail, '$.note') = 'sort.finish'
                  AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = s.id)
                ORDER BY s.id DESC LIMIT 1
                """, arguments: [original.boxId, original.happenedAt, original.id])
    }

    /// Puts box `id` back to arrangement state `arrangement`, with no kept metres.
    func restoreArrangement(boxId id: Int64?, to arrangement: String) throws {
        try db.execute(
            sql: "UPDATE box SET arrangement = ?, kept_mm = NULL WHERE id = ?", arguments: [arrangement, id])
    }

    /// Puts file `id` back to scan state `state` with `pages`.
    func restoreScan(fileId id: Int64?, to state: String, pages: Int) throws {
        try db.execute(sql: "UPDATE file SET scan_state = ?, pages = ? WHERE id = ?", arguments: [state, pages, id])
    }

    /// A catalogue row an undo puts back.
    enum Restored {
        case box, file

        var table: String { self == .box ? "box" : "file" }
        var columns: Set<String> {
            self == .box
                ? Set(Box.CodingKeys.allCases.map(\.rawValue)) : Set(FileRecord.CodingKeys.allCases.map(\.rawValue))
        }
    }

    /// Gives row `id` the `values` (its columns only, never its id) it had.
    func restore(_ restored: Restored, values: [String: String?], id: Int64?) throws {
        let (table, columns) = (restored.table, restored.columns)
        for (column, value) in values where columns.contains(column) && column != "id" {
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id = ?", arguments: [value, id])
        }
    }
}

extension Stores {
    /// The log's reading and undo's writes in this transaction.
    var log: LogStore { LogStore(db: db) }
}
