import Foundation
import GRDB
import Testing

@testable import KhoKit

/// Migration v11 on a catalogue made before it (issue 21, item 6): rows, ids, indexes and triggers kept; ids deleted
/// before it never given out again; the log closed to changes.
@Suite struct AppendOnlyMigrationTests {
    /// A v9 catalogue in which file 3 was deleted the old way: its events unlinked, their ids listed in the delete.
    func oldCatalogue() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try Migrations.migrator.migrate(queue, upTo: "v9-search-contentless")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO fonds (id, code, name) VALUES (1, 'F', 'Phông');
                    INSERT INTO box (id, code, fonds_id, extent_mm) VALUES (1, 'H1', 1, 100);
                    INSERT INTO file (id, box_id, code, title) VALUES (1, 1, '01', 'Một'), (2, 1, '02', 'Hai');
                    INSERT INTO event (id, uid, kind, actor, recorder, happened_at, happened_day, recorded_at, box_id, file_id, detail)
                    VALUES (1, '01JAAAAAAAAAAAAAAAAAAAAAAA', 'file.add', 'Thu', 'thu@pc', 0, '1970-01-01', 0, 1, 1, '{}'),
                           (2, '01JAAAAAAAAAAAAAAAAAAAAAAB', 'file.add', 'Thu', 'thu@pc', 0, '1970-01-01', 0, 1, NULL, '{}'),
                           (3, '01JAAAAAAAAAAAAAAAAAAAAAAC', 'file.delete', 'Thu', 'thu@pc', 0, '1970-01-01', 0, 1, NULL,
                            '{"before":{"id":"3","code":"03","box":"H1","box_id":"1","title":"Ba","events":"2"}}');
                    """)
        }
        return queue
    }

    @Test func oldRowsKeepTheirIdsAndAnIdDeletedBeforeIsNotGivenAgain() throws {
        // Given a catalogue from before v11 whose file 3 was deleted (the highest file id now is 2)
        let queue = try oldCatalogue()
        // When it is migrated
        try Migrations.migrator.migrate(queue)
        // Then its rows and ids are kept, its schema is exactly kho's, and the next file gets id 4, not 3
        try queue.write { db in
            #expect(try Int64.fetchAll(db, sql: "SELECT id FROM file ORDER BY id") == [1, 2])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") == 3)
            #expect(try CatalogueSchema.differences(db) == [])
            try db.execute(sql: "INSERT INTO file (box_id, code, title) VALUES (1, '04', 'Bốn')")
            #expect(db.lastInsertedRowID == 4)
            #expect(try String.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        // And no event can be changed or deleted any more
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE event SET file_id = 3 WHERE id = 2") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "DELETE FROM event WHERE id = 3") }
        }
    }

    @Test func aFileNamedByEventsCanBeDeletedWithoutTouchingThem() throws {
        // Given a migrated catalogue whose file 1 is named by event 1
        let queue = try oldCatalogue()
        try Migrations.migrator.migrate(queue)
        // When file 1 is deleted (foreign keys on, as kho runs)
        try queue.write { db in
            try db.execute(sql: "DELETE FROM file WHERE id = 1")
            // Then the event still names it, and nothing refers to a row that does not exist but the log
            #expect(try Int64.fetchOne(db, sql: "SELECT file_id FROM event WHERE id = 1") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }
}
