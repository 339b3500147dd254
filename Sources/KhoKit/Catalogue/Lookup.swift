import GRDB

/// Finding catalogue rows by the codes people type, for code not yet moved to ``CatalogueStore`` (which holds the
/// queries; these forward to it).
enum Lookup {
    static func fonds(_ db: Database, code: String) throws -> Fonds { try CatalogueStore(db: db).fonds(code: code) }
    static func box(_ db: Database, code: String) throws -> Box { try CatalogueStore(db: db).box(code: code) }
    static func file(_ db: Database, ref: FileRef) throws -> (Box, FileRecord) {
        try CatalogueStore(db: db).file(ref: ref)
    }
    static func fondsId(_ db: Database, code: String) throws -> Int64? {
        try CatalogueStore(db: db).fondsId(code: code)
    }
    static func boxId(_ db: Database, code: String) throws -> Int64? { try CatalogueStore(db: db).boxId(code: code) }
    static func fondsCode(_ db: Database, id: Int64) throws -> String { try CatalogueStore(db: db).fondsCode(id: id) }
    static func boxCode(_ db: Database, id: Int64) throws -> String { try CatalogueStore(db: db).boxCode(id: id) }
}
