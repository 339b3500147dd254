import Foundation
import GRDB
import GRDBSQLite
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// Scale is part of correctness (issue 23): no statement that runs once per master, file, document or box may read a
/// whole large table. The statements are not listed by hand: the everyday work (imports, registering, arranging,
/// hand records, ingest of new, changed and missing masters, verify, review, undo, and the read commands) runs twice,
/// with 2 and with 5 items of each kind, under SQLite's statement trace; a statement that runs more often with more
/// items runs per item, and its `EXPLAIN QUERY PLAN` must not `SCAN` a large table.
@Suite struct QueryPlanTests {
    /// Tables that grow with the catalogue. A per-item `SCAN` of any of them (even through a covering index, which still
    /// reads every row of the index) makes the work quadratic.
    static let large: Set<String> = [
        "box", "file", "master", "master_digest", "master_hash", "document", "event", "pdf_copy", "pdf_text",
        "archive_number", "custody", "weed_item", "weed_decision", "saved_estimate", "search_folded", "search_exact",
    ]

    @Test func noStatementRunPerItemScansALargeTable() throws {
        let few = try Workload(items: 2).run()
        let many = try Workload(items: 5).run()
        // Statements that read or write rows (not BEGIN, COMMIT, SAVEPOINT, PRAGMA), run more often with more items.
        let perItem = many.counts.filter { sql, count in
            count > few.counts[sql, default: 0]
                && ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "REPLACE"].contains {
                    sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased().hasPrefix($0)
                }
        }.map(\.key).sorted()
        // The workload reaches the per-item work of every area (or this test would prove nothing).
        for needle in [
            "d.prefix = substr(?1, 1, 12)", "INSERT INTO master", "INTO document", "INSERT INTO event",
        ] {
            #expect(perItem.contains { $0.contains(needle) }, "no per-item statement with \(needle)")
        }
        let offenders = try many.store.read { db in
            try perItem.compactMap { sql -> String? in
                let scans = try Self.largeScans(db, sql)
                return scans.isEmpty ? nil : "\(scans.joined(separator: ", ")) in: \(sql)"
            }
        }
        #expect(offenders.isEmpty, "per-item statements that scan a large table:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theCheckCatchesAScan() throws {
        // The check itself can fail: a lookup on an unindexed column is reported, one by primary key is not.
        let store = try Fixture.store()
        let (unindexed, byId, byDetail) = try store.read { db in
            (
                try Self.largeScans(db, "SELECT id FROM master m WHERE m.name = ?"),
                try Self.largeScans(db, "SELECT id FROM master WHERE id = ?"),
                try Self.largeScans(db, "SELECT COUNT(*) FROM event e WHERE e.detail = ?")
            )
        }
        #expect(unindexed == ["SCAN m (master)"])
        #expect(byId.isEmpty)
        #expect(byDetail == ["SCAN e (event)"])
    }

    /// The `SCAN` lines of `sql`'s query plan that read a large table (named by alias as SQLite prints it, with the
    /// table in brackets).
    static func largeScans(_ db: Database, _ sql: String) throws -> [String] {
        let aliases = Self.aliases(in: sql)
        // Every parameter bound to NULL: the plan does not depend on the values.
        let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
        let count = Int(sqlite3_bind_parameter_count(statement.sqliteStatement))
        statement.setUncheckedArguments(StatementArguments(Array(repeating: nil as DatabaseValue?, count: count)))
        return try Row.fetchAll(statement).compactMap { row -> String? in
            let detail: String = row["detail"]
            guard detail.hasPrefix("SCAN ") else { return nil }
            let name = String(detail.dropFirst(5).prefix { $0 != " " })
            let table = aliases[name.lowercased()] ?? name.lowercased()
            guard large.contains(table) else { return nil }
            return "\(detail) (\(table))"
        }
    }

    /// Alias → table for every `FROM`/`JOIN`/`UPDATE`/`INTO` in `sql`.
    static func aliases(in sql: String) -> [String: String] {
        let keywords: Set<String> = [
            "where", "on", "join", "left", "inner", "cross", "group", "order", "limit", "set", "values", "select",
            "using", "natural", "union", "except", "intersect", "window", "default", "as",
        ]
        var map: [String: String] = [:]
        let words = sql.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
        for (i, word) in words.enumerated() where ["from", "join", "update", "into"].contains(word) {
            guard i + 1 < words.count, !keywords.contains(words[i + 1]) else { continue }
            let table = words[i + 1]
            map[table] = table
            var next = i + 2
            if next < words.count, words[next] == "as" { next += 1 }
            if next < words.count, !keywords.contains(words[next]) { map[words[next]] = table }
        }
        return map
    }
}

/// The everyday work on a small catalogue of `items` boxes, files, documents and masters, traced.
private struct Workload {
    var items: Int
    let scans = try! TemporaryDirectory()

    struct Result {
        var store: KhoStore
        var counts: [String: Int]
    }

    func run() throws -> Result {
        let store = try Fixture.store()
        let counts = Counter()
        try store.writer.writeWithoutTransaction { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event, !statement.sql.hasPrefix("--") {
                    counts.add(statement.sql)
                }
            }
        }
        try work(store)
        try store.writer.writeWithoutTransaction { db in db.trace(options: .statement, nil) }
        return Result(store: store, counts: counts.value)
    }

    private func work(_ store: KhoStore) throws {
        let who = Fixture.who()
        let dir = URL(fileURLWithPath: scans.path)
        let boxes = (0..<items).map { "B\($0)" }
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: who)
        let boxCSV = "box,fonds,extent_m\n" + boxes.map { "\($0),UBND-SK1,0.125\n" }.joined()
        try store.importCSV(.boxes, path: Fixture.write(boxCSV, to: "boxes.csv", in: dir), by: who, lang: .vi)
        let fileCSV =
            "box,file,title,sheets\n" + boxes.map { "\($0),01,Hồ sơ \($0),1\n\($0),02,Hồ sơ hai \($0),1\n" }.joined()
        try store.importCSV(.files, path: Fixture.write(fileCSV, to: "files.csv", in: dir), by: who, lang: .vi)
        let docCSV =
            "box,file,seq,summary\n" + boxes.map { "\($0),01,1,Tờ trình \($0)\n\($0),01,2,Quyết định \($0)\n" }.joined()
        try store.importDocuments(path: Fixture.write(docCSV, to: "docs.csv", in: dir), by: who, lang: .vi)
        for (i, box) in boxes.enumerated() {
            try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "F\(i)"), title: "Hồ sơ \(i)"), by: who)
            var draft = DocumentDraft()
            draft.summary = "Báo cáo \(i)"
            _ = try store.addDocument(
                DocumentRef(file: FileRef(box: box, file: "02"), seq: nil), draft, by: who, lang: .vi)
            _ = try store.recordScan(of: FileRef(box: box, file: "02"), pages: 2, by: who)
        }
        for (i, box) in boxes.enumerated() {
            var changes = FileChanges()
            changes.sheets = "3"
            changes.notes = "ghi chú \(i)"
            _ = try store.editFile(FileRef(box: box, file: "02"), changes, by: who)
            var edit = DocumentDraft()
            edit.summary = "Tờ trình sửa \(i)"
            _ = try store.editDocument(
                DocumentRef(file: FileRef(box: box, file: "01"), seq: 1), edit, by: who, lang: .vi)
            _ = try store.moveBox(box, to: "K-\(i)", by: who)
            _ = try store.takeOut(
                .file(FileRef(box: box, file: "02")), to: "Hoa", purpose: "scan", by: who, now: Fixture.now)
            _ = try store.bringIn(.file(FileRef(box: box, file: "02")), by: who, now: Fixture.now)
            _ = try store.markLocation("K-\(i)", risks: ["damp"], by: who)
        }
        _ = try store.startArrangement(of: boxes, by: who)
        _ = try store.finishArrangement(of: boxes, by: who)
        // Ingest of new masters, one per file (a duplicate pair among them), then changed and missing ones.
        for (i, box) in boxes.enumerated() { try master("\(box)/01/0001.tif", artist: "a\(i)") }
        try master("\(boxes[0])/02/0001.tif", artist: "a0")
        _ = try ingest(store)
        for (i, box) in boxes.enumerated() { try master("\(box)/01/0001.tif", artist: "changed \(i)") }
        try FileManager.default.removeItem(atPath: scans.file("\(boxes[0])/02/0001.tif"))
        _ = try ingest(store)
        _ = try store.verify(.all, by: who, lang: .vi, now: Fixture.now)
        for box in boxes {
            _ = try store.acceptMasters(of: FileRef(box: box, file: "01"), reason: .rescan, by: who)
        }
        _ = try store.status(now: Fixture.now)
        _ = try store.check(now: Fixture.now)
        _ = try store.nextWork(.scanning, lang: .vi, now: Fixture.now)
        _ = try store.nextWork(.arrangement, lang: .vi, now: Fixture.now)
        _ = try store.search("hồ sơ")
        _ = try store.events(LogFilter(limit: 50), lang: .vi)
        if let last = try store.events(lang: .vi).last { _ = try store.undo(eventId: last.id, by: who) }
    }

    private func master(_ rel: String, artist: String) throws {
        let path = scans.file(rel)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([FixturePage(artist: artist)], to: path)
    }

    private func ingest(_ store: KhoStore) throws -> IngestSummary {
        // A later modification time than the previous ingest saw, so a rewritten master is read again.
        try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who(), lang: .vi, now: Fixture.now)
    }
}

/// How many times each statement ran (the trace runs on the database's thread).
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func add(_ sql: String) { lock.withLock { counts[sql, default: 0] += 1 } }
    var value: [String: Int] { lock.withLock { counts } }
}
