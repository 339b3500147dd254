import GRDB

/// The catalogue's rows (fonds, boxes, files) as one transaction reads and writes them.
struct CatalogueStore {
    let db: Database

    /// The fonds with `code`, or ``CatalogueError/unknownFonds(_:)`` naming it.
    func fonds(code: String) throws -> Fonds {
        guard let fonds = try Fonds.filter(Fonds.Columns.code == code).fetchOne(db) else {
            throw CatalogueError.unknownFonds(code)
        }
        return fonds
    }

    /// The box with `code` (cleaned as people type it), or ``CatalogueError/unknownBox(_:)`` naming it.
    func box(code: String) throws -> Box {
        guard let box = try Box.filter(Box.Columns.code == Clean.code(code)).fetchOne(db) else {
            throw CatalogueError.unknownBox(Clean.code(code))
        }
        return box
    }

    /// The file `BOX/FILE` and its box, or the error naming whichever is unknown.
    func file(ref: FileRef) throws -> (Box, FileRecord) {
        let box = try self.box(code: ref.box)
        guard
            let file = try FileRecord.filter(Column("box_id") == box.id && Column("code") == Clean.code(ref.file))
                .fetchOne(db)
        else { throw CatalogueError.unknownFile(ref.description) }
        return (box, file)
    }

    /// The id of the fonds with `code`; nil when there is none.
    func fondsId(code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM fonds WHERE code = ?", arguments: [code])
    }

    /// The id of the box with `code`; nil when there is none.
    func boxId(code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM box WHERE code = ?", arguments: [code])
    }

    /// The code of fonds `id`; `?` when there is none.
    func fondsCode(id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT code FROM fonds WHERE id = ?", arguments: [id]) ?? "?"
    }

    /// The code of box `id`; `?` when there is none.
    func boxCode(id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT code FROM box WHERE id = ?", arguments: [id]) ?? "?"
    }

    /// The id of the box file `id` is in; nil when there is no such file.
    func boxId(ofFile id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT box_id FROM file WHERE id = ?", arguments: [id])
    }
}

extension CatalogueStore {
    /// The fonds with `code`, if any.
    func existingFonds(code: String) throws -> Fonds? { try Fonds.filter(Fonds.Columns.code == code).fetchOne(db) }

    /// The box with exactly `code`, if any.
    func existingBox(code: String) throws -> Box? { try Box.filter(Box.Columns.code == code).fetchOne(db) }

    /// Box `id`, if any.
    func box(id: Int64) throws -> Box? { try Box.fetchOne(db, key: id) }

    /// The file `code` in box `boxId`, if any.
    func existingFile(boxId: Int64?, code: String) throws -> FileRecord? {
        try FileRecord.filter(Column("box_id") == boxId && Column("code") == code).fetchOne(db)
    }

    /// Inserts a new fonds, box or file (its id set).
    func insert<R: MutablePersistableRecord>(_ record: inout R) throws { try record.insert(db) }

    /// Saves a changed fonds, box or file.
    func update<R: MutablePersistableRecord>(_ record: R) throws { try record.update(db) }

    /// Records which event registered box `id`.
    func setBoxAddedBy(_ id: Int64?, event: Int64?) throws {
        try db.execute(literal: "UPDATE box SET added_by = \(event) WHERE id = \(id)")
    }

    /// Records which event registered file `id`.
    func setFileAddedBy(_ id: Int64?, event: Int64?) throws {
        try db.execute(literal: "UPDATE file SET added_by = \(event) WHERE id = \(id)")
    }

    /// File `id`'s masters on record (not missing), counted per scans root, most first.
    func masterRoots(ofFile id: Int64?) throws -> [(root: String, masters: Int)] {
        try Row.fetchAll(
            db,
            SQLRequest(
                literal: """
                    SELECT root, COUNT(*) AS masters FROM master WHERE file_id = \(id) AND NOT missing GROUP BY root ORDER BY masters DESC, root
                    """)
        ).map { ($0["root"], $0["masters"]) }
    }

    /// Saves `new` over `old` and appends an event holding the changed columns before and after; refused with
    /// ``CatalogueError/nothingToChange`` when no column changed.
    func saveChange<R: MutablePersistableRecord & EncodableRecord>(
        old: R, new: R, kind: EventKind, by who: Attribution, time: LocalTime, target: (inout Event) -> Void
    ) throws {
        let before = try old.databaseDictionary
        let after = try new.databaseDictionary
        var changedBefore: [String: String?] = [:]
        var changedAfter: [String: String?] = [:]
        for (key, value) in after where before[key] != value {
            changedBefore[key] = before[key].flatMap(Self.text)
            changedAfter[key] = Self.text(value)
        }
        guard !changedAfter.isEmpty else { throw CatalogueError.nothingToChange }
        try new.update(db)
        var event = Event(
            kind: kind, attribution: who, time: time, detail: EventDetail(before: changedBefore, after: changedAfter))
        target(&event)
        try EventStore(db: db).append(&event)
    }

    /// A column's value as an event's detail holds it.
    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob: nil
        }
    }
}

extension CatalogueStore {
    /// One box as box families are built from it (``BoxFamilies``): extents and kept metres within their bounds.
    struct BoxRow {
        var id: Int64
        var fondsId: Int64
        var extentMM: Int64
        var fromBoxId: Int64?
        var arranged: Bool
        var keptMM: Int64?
        var location: String
        var condition: Condition
    }

    /// Calls `body` with every box, as box families are built from it, read in place (a cursor: a province holds
    /// 50,000 boxes).
    func forEachBoxRow(_ body: (BoxRow) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, fonds_id, \(Bounds.sql("extent_mm")) AS extent_mm, from_box_id, arrangement,
                       \(Bounds.sql("kept_mm")) AS kept_mm, location, condition FROM box
                """)
        while let row = try rows.next() {
            try body(
                BoxRow(
                    id: row["id"], fondsId: row["fonds_id"], extentMM: row["extent_mm"], fromBoxId: row["from_box_id"],
                    arranged: (row["arrangement"] as String) == ArrangementState.arranged.rawValue,
                    keptMM: row["kept_mm"], location: row["location"],
                    condition: Condition(rawValue: row["condition"]) ?? .good))
        }
    }

    /// Every box, as box families are built from it.
    func boxRows() throws -> [BoxRow] {
        var rows: [BoxRow] = []
        try forEachBoxRow { rows.append($0) }
        return rows
    }
}

extension Stores {
    /// The catalogue's rows in this transaction.
    var catalogue: CatalogueStore { CatalogueStore(db: db) }
}
