import GRDB

/// Finding catalogue rows by the codes people type, or throwing a `CatalogueError` naming the code.
enum Lookup {
    static func fonds(_ db: Database, code: String) throws -> Fonds {
        guard let fonds = try Fonds.filter(Fonds.Columns.code == code).fetchOne(db) else {
            throw CatalogueError.unknownFonds(code)
        }
        return fonds
    }

    static func box(_ db: Database, code: String) throws -> Box {
        guard let box = try Box.filter(Box.Columns.code == Clean.code(code)).fetchOne(db) else {
            throw CatalogueError.unknownBox(Clean.code(code))
        }
        return box
    }

    static func file(_ db: Database, ref: FileRef) throws -> (Box, FileRecord) {
        let box = try self.box(db, code: ref.box)
        guard
            let file = try FileRecord.filter(Column("box_id") == box.id && Column("code") == Clean.code(ref.file))
                .fetchOne(db)
        else { throw CatalogueError.unknownFile(ref.description) }
        return (box, file)
    }

    static func fondsId(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM fonds WHERE code = ?", arguments: [code])
    }

    static func boxId(_ db: Database, code: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM box WHERE code = ?", arguments: [code])
    }

    static func fondsCode(_ db: Database, id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT code FROM fonds WHERE id = ?", arguments: [id]) ?? "?"
    }

    static func boxCode(_ db: Database, id: Int64) throws -> String {
        try String.fetchOne(db, sql: "SELECT code FROM box WHERE id = ?", arguments: [id]) ?? "?"
    }
}
