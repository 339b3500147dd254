import Foundation
import GRDB
import Testing

@testable import KhoKit

/// The migrations are a frozen history: a catalogue migrated from scratch has exactly the schema recorded in
/// `Tests/Fixtures/catalogue-schema.txt` (every row of `sqlite_master`, in order: type, name, table and SQL), which
/// was dumped from the migrations as they were when they still called live code (SearchIndex, AppendOnlyLog). A new
/// migration changes it: run this suite with `KHO_WRITE_SCHEMA=1` and review the diff of the fixture.
@Suite struct MigrationHistoryTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/catalogue-schema.txt")

    /// Every row of `sqlite_master` but the root page, one block per row.
    static func dump(_ db: Database) throws -> String {
        try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").map { row in
            let sql: String? = row["sql"]
            return "-- \(row["type"] as String) \(row["name"] as String) on \(row["tbl_name"] as String)\n"
                + (sql ?? "(no sql)") + "\n"
        }.joined()
    }

    @Test func aCatalogueMigratedFromScratchHasTheRecordedSchema() throws {
        // Given an empty catalogue
        let queue = try DatabaseQueue()
        // When every migration runs
        try Migrations.migrator.migrate(queue)
        // Then its schema is, row for row, the one recorded
        let actual = try queue.read { try Self.dump($0) }
        if ProcessInfo.processInfo.environment["KHO_WRITE_SCHEMA"] == "1" {
            try actual.write(to: Self.fixture, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        #expect(actual == expected)
        #expect(actual.contains("CREATE TRIGGER event_never_updated"))
    }
}

extension MigrationHistoryTests {
    @Test func theFrozenKindsAreTheBuiltInKinds() throws {
        // Given a catalogue migrated from scratch
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue)
        // Then v6's literal kinds are, in order, the built-in kinds (a change to those needs a migration of its own)
        let kinds = try queue.read { try DocumentStore(db: $0).kinds() }
        #expect(kinds == DocumentKind.builtIn)
    }
}
