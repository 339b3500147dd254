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

extension Stores {
    /// The catalogue's rows in this transaction.
    var catalogue: CatalogueStore { CatalogueStore(db: db) }
}
