import GRDB

/// The rows corrections read and write (renames, deletes, their undos, undoing imports) and what ``History`` asks of
/// the catalogue, as one transaction sees them.
struct CorrectionStore {
    let db: Database

    /// Which rows of a ``Subject`` a question is about.
    enum Rows {
        /// The row with this id.
        case one(Int64)
        /// The rows the import event with this id added.
        case addedBy(Int64)
    }

    /// An event about a row: what ``History`` says happened to it.
    struct EventSeen {
        var id: Int64
        var kind: String
        var actor: String
        var happenedAt: Int64
        var fondsId: Int64?
        var boxId: Int64?
        var fileId: Int64?

        /// The id of the fonds, box or file it is about.
        func id(of subject: Subject) -> Int64? {
            switch subject {
            case .fonds: fondsId
            case .box: boxId
            case .file: fileId
            }
        }
    }

    /// A row of another table (or of the same table, outside the set) that refers to a row of the set.
    struct Reference {
        var table: String
        var column: String
        /// The referring row, the row of the set it refers to, and how many rows refer to the set this way.
        var rowid: Int64
        var target: Int64
        var count: Int
    }

    private static func ids(_ subject: Subject, _ rows: Rows) -> SQL {
        switch rows {
        case .one(let id): "SELECT \(id)"
        case .addedBy(let id): "SELECT id FROM \(sql: subject.table) WHERE added_by = \(id)"
        }
    }

    // MARK: History

    /// The first live event, not an undo event, about the rows and not about a part of them, of a kind that counts
    /// (`strict`: every kind; otherwise none of `bookkeeping`); nil when there is none.
    func firstEvent(
        about subject: Subject, _ rows: Rows, strict: Bool, bookkeeping: Set<EventKind>
    ) throws -> EventSeen? {
        let kinds: SQL = strict ? "e.kind != 'undo'" : "e.kind NOT IN \(bookkeeping.map(\.rawValue).sorted())"
        return try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT e.id, e.kind, e.actor, e.happened_at, e.fonds_id, e.box_id, e.file_id FROM event e
                    WHERE e.\(sql: subject.eventColumn) IN (\(Self.ids(subject, rows))) AND \(sql: subject.ownEventsOnly) AND \(kinds)
                      AND \(sql: LiveEvent.sql(alias: "e"))
                    ORDER BY e.id LIMIT 1
                    """)
        ).map {
            EventSeen(
                id: $0["id"], kind: $0["kind"], actor: $0["actor"], happenedAt: $0["happened_at"],
                fondsId: $0["fonds_id"], boxId: $0["box_id"], fileId: $0["file_id"])
        }
    }

    /// The first row of another table (or of the same table, outside the set) that refers to one of the rows, by
    /// table and column name; nil when none does.
    func firstReference(to subject: Subject, _ rows: Rows) throws -> Reference? {
        let ids = Self.ids(subject, rows)
        let references = try Row.fetchAll(
            db,
            sql: """
                SELECT m.name AS tbl, p."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) p
                WHERE m.type = 'table' AND p."table" = ? AND m.name != 'event'
                ORDER BY m.name, p."from"
                """, arguments: [subject.table])
        for reference in references {
            let table: String = reference["tbl"]
            let column: String = reference["col"]
            let outside: SQL = table == subject.table ? " AND t.rowid NOT IN (\(ids))" : ""
            guard
                let row = try Row.fetchOne(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT t.rowid AS rid, t.\(sql: column) AS target, COUNT(*) OVER () AS n FROM \(sql: table) t
                            WHERE t.\(sql: column) IN (\(ids))\(outside) ORDER BY t.rowid LIMIT 1
                            """))
            else { continue }
            return Reference(table: table, column: column, rowid: row["rid"], target: row["target"], count: row["n"])
        }
        return nil
    }

    /// `H0012/03`: file `id` by its box's code and its own; nil when there is no such file.
    func fileRef(id: Int64) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT b.code || '/' || f.code FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?",
            arguments: [id])
    }

    /// The number of the `archive_number` row `rowid`; nil when there is none.
    func archiveNumber(rowid: Int64) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT number FROM archive_number WHERE rowid = ?", arguments: [rowid])
    }

    // MARK: Renames and deletes

    /// The condition over `file f` and `box b` for the files of a fonds, a box, or the one file.
    private static func files(_ subject: Subject) -> String {
        switch subject {
        case .fonds: "b.fonds_id = ?"
        case .box: "f.box_id = ?"
        case .file: "f.id = ?"
        }
    }

    /// The first file of the fonds, box or file `id` with a PDF/A copy: the file and the copy's archival code.
    func deliveredCopy(in subject: Subject, id: Int64?) throws -> (file: String, archiveId: String)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS file, c.archive_id FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id
                WHERE \(Self.files(subject)) ORDER BY c.id LIMIT 1
                """, arguments: [id]
        ).map { ($0["file"], $0["archive_id"]) }
    }

    /// The first file (by code) of the box or file `id` with masters on record: its box and code, how many, and
    /// their root.
    func mastersOnRecord(
        in subject: Subject, id: Int64?
    ) throws -> (box: String, file: String, masters: Int, root: String)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT b.code AS box, f.code AS file, COUNT(*) AS masters, MIN(m.root) AS root FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE \(Self.files(subject)) AND NOT m.missing GROUP BY f.id ORDER BY b.code, f.code LIMIT 1
                """, arguments: [id]
        ).map { ($0["box"], $0["file"], $0["masters"], $0["root"]) }
    }

    /// Every column of row `id` as text (nil for NULL); empty when there is no such row.
    func columns(of subject: Subject, id: Int64) throws -> [String: String?] {
        var values: [String: String?] = [:]
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(subject.table) WHERE id = ?", arguments: [id]) {
            for (column, value) in row { values[column] = CatalogueStore.text(value) }
        }
        return values
    }

    /// Deletes row `id`.
    func delete(_ subject: Subject, id: Int64) throws {
        try db.execute(sql: "DELETE FROM \(subject.table) WHERE id = ?", arguments: [id])
    }

    /// Gives row `id` the code `code`.
    func setCode(_ subject: Subject, id: Int64, code: String) throws {
        try db.execute(sql: "UPDATE \(subject.table) SET code = ? WHERE id = ?", arguments: [code, id])
    }

    // MARK: Undo

    /// Whether there is a row with id `id` (as the event recorded it: a number or its text).
    func exists<ID: DatabaseValueConvertible>(_ subject: Subject, id: ID?) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT 1 FROM \(subject.table) WHERE id = ?", arguments: [id]) != nil
    }

    /// The first live event of `kind` about row `id` after event `after`; nil when none.
    func laterEvent(_ kind: EventKind, about subject: Subject, id: Int64, after: Int64?) throws -> Int64? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id FROM event e WHERE kind = ? AND \(subject.eventColumn) = ? AND id > ? AND \(LiveEvent.sql(alias: "e")) ORDER BY id LIMIT 1
                """, arguments: [kind.rawValue, id, after]
        ).map { $0["id"] }
    }

    /// Whether another file of file `id`'s box has the code `code`.
    func codeTakenInBox(ofFile id: Int64, code: String) throws -> Bool {
        try Int.fetchOne(
            db, sql: "SELECT 1 FROM file WHERE code = ? AND box_id = (SELECT box_id FROM file WHERE id = ?)",
            arguments: [code, id]) != nil
    }

    /// Whether box `boxId` has a file with code `code` (both as a delete event recorded them).
    func fileCodeInUse(boxId: String?, code: String?) throws -> Bool {
        try Int.fetchOne(
            db, sql: "SELECT 1 FROM file WHERE box_id = ? AND code = ?", arguments: [boxId, code]) != nil
    }

    /// Inserts the row's columns as they were before its delete (its old id only when free); returns its id.
    func reinsert(_ subject: Subject, before: [String: String?]) throws -> Int64 {
        let columns = Set(
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [subject.table]).map {
                $0["name"] as String
            })
        var names = before.keys.filter { columns.contains($0) }.sorted()
        if let id = before["id"] ?? nil,
            try Int.fetchOne(db, sql: "SELECT 1 FROM \(subject.table) WHERE id = ?", arguments: [id]) != nil
        {
            names.removeAll { $0 == "id" }
        }
        try db.execute(
            sql:
                "INSERT INTO \(subject.table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(names.map { before[$0] ?? nil }))
        return db.lastInsertedRowID
    }

    /// How many rows the import event `id` added are still there.
    func countAdded(_ subject: Subject, by id: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(subject.table) WHERE added_by = ?", arguments: [id]) ?? 0
    }

    /// The first live `deleteKind` event that deleted a row the import event `id` added: its id, and the row's code
    /// and box as it recorded them.
    func deletionOfAdded(_ deleteKind: EventKind, by id: Int64) throws -> (event: Int64, code: String?, box: String?)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, json_extract(detail, '$.before.code') AS code, json_extract(detail, '$.before.box') AS box FROM event e
                WHERE kind = ? AND json_extract(detail, '$.before.added_by') = ? AND \(LiveEvent.sql(alias: "e")) ORDER BY id LIMIT 1
                """, arguments: [deleteKind.rawValue, String(id)]
        ).map { ($0["id"], $0["code"], $0["box"]) }
    }

    /// Deletes the rows the import event `id` added.
    func deleteAdded(_ subject: Subject, by id: Int64) throws {
        try db.execute(sql: "DELETE FROM \(subject.table) WHERE added_by = ?", arguments: [id])
    }
}

extension Subject {
    /// The catalogue table that holds it.
    fileprivate var table: String {
        switch self {
        case .fonds: "fonds"
        case .box: "box"
        case .file: "file"
        }
    }

    /// The event column that names it.
    fileprivate var eventColumn: String {
        switch self {
        case .fonds: "fonds_id"
        case .box: "box_id"
        case .file: "file_id"
        }
    }

    /// Events about a part of it (a box of a fonds, a file of a box) also carry its id; they are that part's history.
    fileprivate var ownEventsOnly: String {
        switch self {
        case .fonds: "e.box_id IS NULL AND e.file_id IS NULL"
        case .box: "e.file_id IS NULL"
        case .file: "1"
        }
    }
}

extension Stores {
    /// Corrections (renames, deletes, their undos) in this transaction.
    var corrections: CorrectionStore { CorrectionStore(db: db) }
}
