import GRDB

/// What the CSV imports read and write, as one transaction does: the catalogue's codes and ids to check rows
/// against, and the rows inserted (many at a time: ``BulkInsert``).
struct ImportStore {
    let db: Database

    /// Every fonds' id, by code.
    func fondsIdsByCode() throws -> [String: Int64] {
        var fondsIds: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, id FROM fonds") { fondsIds[row["code"]] = row["id"] }
        return fondsIds
    }

    /// Every box's id, by code.
    func boxIdsByCode() throws -> [String: Int64] {
        var boxIds: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT code, id FROM box") { boxIds[row["code"]] = row["id"] }
        return boxIds
    }

    /// Box `id`; nil when there is none.
    func box(id: Int64) throws -> Box? {
        try Box.fetchOne(db, key: id)
    }

    /// The code of the fonds box `box` is in; `?` when there is no such box.
    func fondsCode(ofBox box: String) throws -> String {
        try String.fetchOne(
            db, sql: "SELECT f.code FROM box b JOIN fonds f ON f.id = b.fonds_id WHERE b.code = ?", arguments: [box])
            ?? "?"
    }

    /// The location of box `box`; empty when there is no such box.
    func location(ofBox box: String) throws -> String {
        try String.fetchOne(db, sql: "SELECT location FROM box WHERE code = ?", arguments: [box]) ?? ""
    }

    /// Inserts `boxes` in row order, each naming event `event` (a negative `fromBoxId` is a box inserted earlier:
    /// the n-th of them, from -1).
    func insertBoxes(_ boxes: [Box], addedBy event: Int64?) throws {
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO box (code, fonds_id, extent_mm, location, start_year, end_year, condition, notes, from_box_id, arrangement, kept_mm,
                                 added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var realIds: [Int64: Int64] = [:]
        var pending: Int64 = -1
        for box in boxes {
            let from = box.fromBoxId.map { $0 < 0 ? realIds[$0] ?? $0 : $0 }
            try insert.execute(arguments: [
                box.code, box.fondsId, box.extentMM, box.location, box.startYear, box.endYear,
                box.condition.rawValue, box.notes, from, box.arrangement.rawValue, box.keptMM, event,
            ])
            realIds[pending] = db.lastInsertedRowID
            pending -= 1
        }
    }

    /// Every box's id and its fonds' code, by box code.
    func boxesWithFonds() throws -> (ids: [String: Int64], fonds: [String: String]) {
        var ids: [String: Int64] = [:]
        var fonds: [String: String] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT b.code AS box, b.id AS box_id, f.code AS fonds FROM box b JOIN fonds f ON f.id = b.fonds_id")
        {
            ids[row["box"]] = row["box_id"]
            fonds[row["box"]] = row["fonds"]
        }
        return (ids, fonds)
    }

    /// The title of every file in the catalogue, by box id and file code.
    func fileTitles() throws -> [Int64: [String: String]] {
        var titles: [Int64: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT box_id, code, title FROM file") {
            titles[row["box_id"] as Int64, default: [:]][row["code"] as String] = row["title"]
        }
        return titles
    }

    /// Inserts `files`, each naming event `event`, 64 rows a statement; indexed for search in one statement after the
    /// rows are in (``SearchStore/bulkInsert(table:batch:_:)``).
    func insertFiles(_ files: [FileRecord], addedBy event: Int64?) throws {
        var insert = try BulkInsert(
            db, into: "file",
            columns: [
                "box_id", "code", "title", "start_year", "end_year", "retention", "access", "sheets", "condition",
                "notes", "added_by",
            ], rows: files.count)
        try SearchStore(db: db).bulkInsert(table: "file") { _ in
            for f in files {
                try insert.insert { row in
                    row.int64(f.boxId)
                    row.text(f.code)
                    row.text(f.title)
                    row.int(f.startYear)
                    row.int(f.endYear)
                    row.text(f.retention)
                    row.text(f.access.rawValue)
                    row.int(f.sheets)
                    row.text(f.condition.rawValue)
                    row.text(f.notes)
                    row.int64(event)
                }
            }
        }
    }

    /// Runs `body` in a savepoint, which it commits or rolls back.
    func inSavepoint(_ body: () throws -> Database.TransactionCompletion) throws {
        try db.inSavepoint(body)
    }
}

extension Stores {
    /// What the imports read and write, in this transaction.
    var imports: ImportStore { ImportStore(db: db) }
}
