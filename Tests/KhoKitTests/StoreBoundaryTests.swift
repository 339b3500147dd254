import Foundation
import Testing

/// SQL and GRDB's `Database` belong to the stores (issue 26): `Store/` (opening, migrating, locking; ``Stores``) and
/// each feature's `…Store.swift` files. Code above them takes a `Stores` value or a store and works with values.
///
/// The features are moving to their stores one at a time; `Tests/Fixtures/outside-stores.txt` holds what each folder
/// of KhoKit still has outside them, and this test fails when a count differs — up (new code went around a store)
/// or down (lower the baseline, so it cannot grow back). The web and command layers have none at all.
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
    static let baselineFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/outside-stores.txt")

    static func baseline() throws -> [String: Count] {
        var counts: [String: Count] = [:]
        for line in try String(contentsOf: baselineFile, encoding: .utf8).split(separator: "\n")
        where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let database = Int(parts[1]), let sql = Int(parts[2]) else { continue }
            counts[String(parts[0])] = Count(database: database, sql: sql)
        }
        return counts
    }

    static func table(_ counts: [String: Count]) -> String {
        counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: "\n")
    }

    @Test func whatIsOutsideTheStoresOnlyShrinks() throws {
        let now = try Self.counts(in: Self.sources.appendingPathComponent("KhoKit"))
        let baseline = try Self.baseline()
        for folder in Set(now.keys).union(baseline.keys).sorted() {
            let was = baseline[folder] ?? Count()
            let count = now[folder] ?? Count()
            #expect(
                count.database <= was.database && count.sql <= was.sql,
                "\(folder): \(count.database) line(s) with Database and \(count.sql) of SQL outside its stores, baseline \(was.database) and \(was.sql): move them into the folder's …Store.swift"
            )
        }
        #expect(
            now == baseline,
            "outside-stores.txt is not what the sources have; once lower, write it as:\n\(Self.table(now))")
    }

    @Test func theWebAndTheCommandsHaveNoSQL() throws {
        for module in ["KhoWeb", "kho", "KhoReport"] {
            let found = try Self.counts(in: Self.sources.appendingPathComponent(module)).values
                .reduce(into: Count()) {
                    $0.database += $1.database
                    $0.sql += $1.sql
                }
            // Files at a module's top level are counted too.
            let top = try FileManager.default.contentsOfDirectory(
                atPath: Self.sources.appendingPathComponent(module).path
            )
            .filter { $0.hasSuffix(".swift") }
            .map {
                Self.count(
                    try String(contentsOf: Self.sources.appendingPathComponent("\(module)/\($0)"), encoding: .utf8))
            }
            let sql = found.sql + top.map(\.sql).reduce(0, +)
            #expect(sql == 0, "\(module) has \(sql) line(s) of SQL: they belong in a KhoKit store")
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
