import Foundation
import GRDB
import Testing

@testable import KhoKit

/// `DirectStatement` binds through SQLite's C API what GRDB's arguments would: the same values come back, a statement
/// runs again after a failure, and a mismatch between the SQL and the values is an error, never a silent NULL.
struct DirectStatementTests {
    private static func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER, s TEXT UNIQUE, b INTEGER)")
        }
        return queue
    }

    private static let insert = "INSERT INTO t (n, s, b) VALUES (?, ?, ?)"

    @Test func valuesComeBackAsBound() throws {
        let queue = try Self.table()
        let texts = ["Hồ sơ giao đất ở — Sơn Kim 1", "", "\"; DROP TABLE t; --", String(repeating: "ệ", count: 5_000)]
        let ids = try queue.write { db in
            var ids: [Int64] = []
            let insert = try DirectStatement(db, sql: Self.insert)
            for (i, s) in texts.enumerated() {
                try insert.execute { v in
                    v.int64(i == 0 ? Int64.min : i == 1 ? Int64.max : nil)
                    v.text(s)
                    v.bool(i.isMultiple(of: 2))
                }
                ids.append(insert.lastInsertedRowID)
            }
            try insert.execute { v in
                v.int(7)
                v.text(nil)
                v.bool(false)
            }
            return ids
        }
        #expect(ids == [1, 2, 3, 4])
        let rows = try queue.read { db in try Row.fetchAll(db, sql: "SELECT n, s, b FROM t ORDER BY id") }
        #expect(rows.map { $0["n"] as Int64? } == [Int64.min, Int64.max, nil, nil, 7])
        #expect(rows.map { $0["s"] as String? } == texts + [nil])
        #expect(rows.map { $0["b"] as Bool } == [true, false, true, false, false])
        let found = try queue.read { db in
            try DirectStatement(db, sql: "SELECT s FROM t WHERE n = ?").text { $0.int64(Int64.max) }
        }
        #expect(found == texts[1])
        let none = try queue.read { db in try DirectStatement(db, sql: "SELECT s FROM t WHERE n = ?").text { $0.int(8) }
        }
        #expect(none == nil)
    }

    @Test func aFailedRunLeavesTheStatementReadyForTheNext() throws {
        let queue = try Self.table()
        try queue.write { db in
            let insert = try DirectStatement(db, sql: Self.insert)
            try insert.execute { v in
                v.int(1)
                v.text("một")
                v.bool(true)
            }
            #expect {
                try insert.execute { v in
                    v.int(2)
                    v.text("một")
                    v.bool(true)
                }
            } throws: { ($0 as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT }
            try insert.execute { v in
                v.int(3)
                v.text("hai")
                v.bool(true)
            }
        }
        #expect(try queue.read { db in try String.fetchAll(db, sql: "SELECT s FROM t ORDER BY id") } == ["một", "hai"])
    }

    @Test func tooFewOrTooManyValuesAreAnError() throws {
        let queue = try Self.table()
        for (count, code) in [(2, ResultCode.SQLITE_MISUSE), (4, .SQLITE_RANGE)] {
            try queue.write { db in
                #expect {
                    try DirectStatement(db, sql: Self.insert).execute { v in
                        for i in 0..<count { v.int(i) }
                    }
                } throws: { ($0 as? DatabaseError)?.resultCode == code }
            }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 0)
    }
}
