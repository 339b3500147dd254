import Foundation
import Testing

/// SQL and GRDB's `Database` belong to the stores (issue 26): `Store/` (opening, migrating, locking; ``Stores``) and
/// each feature's `…Store.swift` files. Code above them takes a `Stores` value or a store and works with values.
///
/// Every folder of KhoKit holds its SQL in its stores (the last moved in issue 26); this test fails, naming the folder
/// and its count, when a line outside them names `Database` or a connection `db`, opens a raw transaction, or holds
/// SQL. The web, the commands and the report renderer hold no SQL and no `Database` at all.
@Suite struct StoreBoundaryTests {
    /// One folder's lines outside its stores.
    struct Count: Equatable, CustomStringConvertible {
        /// Lines naming `Database` or a connection `db` (`try box.insert(db)`, `tx.db`), opening a raw transaction
        /// (`write {`, `read {`) or making a store from a connection (`…Store(db:`, `Stores(db:`).
        var database = 0
        /// Lines of SQL (`SELECT`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`, `PRAGMA`).
        var sql = 0
        var description: String { "\(database) \(sql)" }
    }

    // Simple word boundaries: Unicode's do not break at `queue.read` (a dot between letters joins a word).
    static var database: Regex<AnyRegexOutput> {
        try! Regex(#"\bDatabase\b(?![A-Za-z])|\bdb\b|(^|try |\.)(write|read)\s*\(?\{|\b[A-Z][A-Za-z]*Stores?\(db:"#)
            .wordBoundaryKind(.simple)
    }
    static var sql: Regex<AnyRegexOutput> {
        try! Regex(
            #"\bSELECT\b|\bINSERT (OR [A-Z]+ )?INTO\b|\bUPDATE [a-z_]+ SET\b|\bDELETE FROM\b|\bPRAGMA [a-z_]+( ?=|\(|")"#
        ).wordBoundaryKind(.simple)
    }

    /// Whether `file` (a path under `Sources/KhoKit`) is a store: in `Store/`, or named `…Store.swift`/`…Store+….swift`.
    static func isStore(_ file: String) -> Bool {
        let name = (file as NSString).lastPathComponent
        return file.hasPrefix("Store/") || name.hasSuffix("Store.swift") || name.contains("Store+")
    }

    /// The lines of `text` that count, comments left out.
    static func count(_ text: String) -> Count {
        var count = Count()
        let (database, sql) = (Self.database, Self.sql)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let code = line.trimmingCharacters(in: .whitespaces)
            if code.hasPrefix("//") { continue }
            if code.contains(database) { count.database += 1 }
            if code.contains(sql) { count.sql += 1 }
        }
        return count
    }

    /// What each folder of KhoKit has outside its stores, by folder name.
    static func counts(in root: URL) throws -> [String: Count] {
        var counts: [String: Count] = [:]
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") && !isStore(file) {
            let folder = file.split(separator: "/").first.map(String.init) ?? file
            guard file.contains("/") else { continue }
            let found = count(try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8))
            counts[folder, default: Count()].database += found.database
            counts[folder, default: Count()].sql += found.sql
        }
        return counts.filter { $0.value != Count() }
    }

    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")
    @Test func noFolderHasAConnectionOrSQLOutsideItsStores() throws {
        let now = try Self.counts(in: Self.sources.appendingPathComponent("KhoKit"))
        for (folder, count) in now.sorted(by: { $0.key < $1.key }) {
            Issue.record(
                "\(folder): \(count.database) line(s) with Database, db or a raw transaction and \(count.sql) of SQL outside its stores: move them into the folder's …Store.swift"
            )
        }
    }

    @Test func theWebTheCommandsAndTheReportsHaveNoSQL() throws {
        // Above KhoKit, `db` is a word of the web (`services.db { store in … }`) and of the commands (`--db`): only
        // GRDB itself and SQL count there.
        let grdb = try Regex(#"\bDatabase\b(?![A-Za-z])|^import GRDB"#).wordBoundaryKind(.simple)
        for module in ["KhoWeb", "kho", "KhoReport"] {
            let folder = Self.sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            var sql = 0
            var database = 0
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                sql += Self.count(text).sql
                database += text.split(separator: "\n").filter { $0.contains(grdb) }.count
            }
            #expect(sql == 0, "\(module) has \(sql) line(s) of SQL: they belong in a KhoKit store")
            #expect(database == 0, "\(module) has \(database) line(s) naming GRDB's Database: it works with values")
        }
    }

    @Test func theCounterSeesDatabaseTransactionsAndSQLButNotComments() {
        let text = """
            // SELECT * FROM box, Database
            func f(_ db: Database) {}
            try write { db in
            _ = try queue.read { db in 1 }
            for master in read { print(master) }
            try Row.fetchAll(db, sql: "SELECT id FROM box")
            try db.execute(sql: "UPDATE box SET code = ?")
            let store = CustodyStore(db: db, time: time)
            let values = DatabaseValue.null
            try box.insert(tx.db)
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            help: "checks the catalogue (PRAGMA integrity_check)."
            """
        #expect(Self.count(text) == Count(database: 8, sql: 3))
        #expect(Self.isStore("Custody/CustodyStore.swift") && Self.isStore("Store/KhoStore.swift"))
        #expect(!Self.isStore("Custody/Custody.swift"))
    }
}
