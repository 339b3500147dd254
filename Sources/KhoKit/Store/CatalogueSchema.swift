import Foundation
import GRDB

/// One way a catalogue's schema differs from what kho's migrations make.
public struct SchemaDifference: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// In the catalogue, not made by kho (a trigger, a view, a table, an index, a column…).
        case extra
        /// Made by kho, not in the catalogue.
        case missing
        /// In both under the same name, but not the same (columns, SQL, indexes, foreign keys).
        case changed
    }

    public var kind: Kind
    /// `table`, `index`, `trigger`, `view`, `migrations` or `encoding`.
    public var type: String
    public var name: String

    /// The difference as a phrase, e.g. "extra trigger wipe".
    public var text: Text {
        let what = Self.typeLabel(type)
        switch kind {
        case .extra: return Text(vi: "thừa \(what.vi) \(name)", en: "extra \(what.en) \(name)")
        case .missing: return Text(vi: "thiếu \(what.vi) \(name)", en: "missing \(what.en) \(name)")
        case .changed:
            return Text(
                vi: "\(what.vi) \(name) khác với bản kho tạo", en: "\(what.en) \(name) is not the one kho makes")
        }
    }

    static func typeLabel(_ type: String) -> Text {
        switch type {
        case "table": Text(vi: "bảng", en: "table")
        case "index": Text(vi: "chỉ mục", en: "index")
        case "trigger": Text(vi: "trigger", en: "trigger")
        case "view": Text(vi: "view", en: "view")
        case "migrations": Text(vi: "các bước nâng cấp", en: "migrations")
        case "encoding": Text(vi: "bảng mã", en: "text encoding")
        default: Text(vi: "đối tượng \(type)", en: "\(type) object")
        }
    }
}

/// The shape of a catalogue, compared with a fresh in-memory catalogue made by kho's own migrations.
///
/// Compared: every entry of `sqlite_master` (type, name, table, its SQL with runs of white space made one), and for
/// each table and index kho makes, `PRAGMA table_xinfo` (columns, types, NOT NULL, defaults, keys, generated
/// columns), `index_list`, `index_xinfo` and `foreign_key_list`; the text encoding; and the applied migrations,
/// which must be the first migrations of kho's list, in order. Comparing the SQL is what catches CHECK constraints
/// and trigger or view bodies, which no pragma shows. SQLite's statistics tables (`sqlite_stat1`…, left by
/// `ANALYZE`) only guide its planner and are not compared. Nothing is changed.
enum CatalogueSchema {
    /// One `sqlite_master` entry and what the pragmas say about it.
    struct Object: Equatable {
        var type: String
        var name: String
        var table: String
        var sql: String?
        var details: [String]
    }

    /// How `db` differs from a catalogue that kho's migrations bring to the same migrations as `db` holds (all of
    /// kho's migrations when `complete`); empty when it is exactly what kho makes.
    static func differences(_ db: Database, complete: Bool = false) throws -> [SchemaDifference] {
        let applied = try appliedMigrations(db)
        let known = Migrations.migrator.migrations
        let wanted = complete ? known : Array(known.prefix(applied.count))
        guard !applied.isEmpty, applied == wanted else {
            return [
                SchemaDifference(
                    kind: .changed, type: "migrations", name: applied.isEmpty ? "—" : applied.joined(separator: ", "))
            ]
        }
        let expected = try expectedObjects(upTo: applied.last)
        var found: [String: Object] = [:]
        for object in try objects(db) { found[key(object)] = object }
        var differences: [SchemaDifference] = []
        let encoding = try String.fetchOne(db, sql: "PRAGMA encoding") ?? "?"
        if encoding != "UTF-8" {
            differences.append(SchemaDifference(kind: .changed, type: "encoding", name: encoding))
        }
        for (k, object) in found.sorted(by: { $0.key < $1.key }) {
            guard let wantedObject = expected.objects[k] else {
                differences.append(SchemaDifference(kind: .extra, type: object.type, name: object.name))
                continue
            }
            var candidate = object
            candidate.details = try details(db, of: object)
            if candidate != wantedObject {
                differences.append(SchemaDifference(kind: .changed, type: object.type, name: object.name))
            }
        }
        for (k, object) in expected.objects.sorted(by: { $0.key < $1.key }) where found[k] == nil {
            differences.append(SchemaDifference(kind: .missing, type: object.type, name: object.name))
        }
        return differences
    }

    /// The migrations `db` says it holds, in the order they were applied; empty when it has no migration table.
    static func appliedMigrations(_ db: Database) throws -> [String] {
        let hasTable =
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'
                    """) ?? false
        guard hasTable else { return [] }
        return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
    }

    private struct Expected {
        var objects: [String: Object]
    }

    /// The objects of a fresh in-memory catalogue migrated up to `last` (included).
    private static func expectedObjects(upTo last: String?) throws -> Expected {
        let queue = try DatabaseQueue()
        if let last { try Migrations.migrator.migrate(queue, upTo: last) }
        return try queue.read { db in
            var objects: [String: Object] = [:]
            for var object in try self.objects(db) {
                object.details = try details(db, of: object)
                objects[key(object)] = object
            }
            return Expected(objects: objects)
        }
    }

    private static func key(_ object: Object) -> String { "\(object.type) \(object.name)" }

    /// Every entry of `sqlite_master` but SQLite's planner statistics, without details.
    private static func objects(_ db: Database) throws -> [Object] {
        try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").compactMap
        { row in
            let name: String = row["name"] ?? ""
            if name.hasPrefix("sqlite_stat") { return nil }
            let sql: String? = row["sql"]
            return Object(
                type: row["type"] ?? "", name: name, table: row["tbl_name"] ?? "", sql: sql.map(normalised), details: []
            )
        }
    }

    /// What the pragmas say about a table or an index kho makes (never called on an object kho does not make, so a
    /// crafted virtual table is never connected).
    private static func details(_ db: Database, of object: Object) throws -> [String] {
        func rows(_ sql: String) throws -> [String] {
            try Row.fetchAll(db, sql: sql, arguments: [object.name]).map { row in
                row.databaseValues.map { $0.isNull ? "NULL" : "\($0)" }.joined(separator: "|")
            }
        }
        switch object.type {
        case "table":
            return try ["columns"] + rows("SELECT * FROM pragma_table_xinfo(?) ORDER BY cid")
                + ["indexes"] + rows("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name")
                + ["foreign keys"] + rows("SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq")
        case "index":
            return try ["columns"] + rows("SELECT * FROM pragma_index_xinfo(?) ORDER BY seqno")
        default:
            return []
        }
    }

    /// SQL with every run of white space made one space, and none next to brackets and commas.
    static func normalised(_ sql: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in sql {
            if ch.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, !"(),".contains(ch), let last = out.last, !"(,".contains(last) { out.append(" ") }
            pendingSpace = false
            out.append(ch)
        }
        return out
    }
}
