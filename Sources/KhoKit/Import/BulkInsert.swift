import GRDB
import GRDBSQLite

/// One prepared INSERT run for many rows through SQLite's C API: values are bound as they are (integers, text, NULL),
/// without building GRDB's `StatementArguments` for each row, which costs an import of 100,000 files a tenth of its
/// time. Runs inside the caller's transaction; an error is GRDB's `DatabaseError`, as from GRDB itself.
struct BulkInsert {
    private let statement: Statement
    private let db: Database
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        self.statement = try db.makeStatement(sql: sql)
    }

    /// Binds one row's values, in the order of the statement's parameters.
    struct Row {
        fileprivate let statement: OpaquePointer
        fileprivate var index: Int32 = 0
        fileprivate var failure: Int32 = SQLITE_OK

        mutating func int(_ n: Int?) { int64(n.map(Int64.init)) }

        mutating func int64(_ n: Int64?) {
            index += 1
            check(n.map { sqlite3_bind_int64(statement, index, $0) } ?? sqlite3_bind_null(statement, index))
        }

        mutating func text(_ s: String?) {
            index += 1
            guard var s else { return check(sqlite3_bind_null(statement, index)) }
            let (statement, index) = (statement, index)
            check(s.withUTF8 { buffer in
                guard let base = buffer.baseAddress, buffer.count > 0 else { return sqlite3_bind_text(statement, index, "", 0, BulkInsert.transient) }
                return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    sqlite3_bind_text(statement, index, $0, Int32(buffer.count), BulkInsert.transient)
                }
            })
        }

        private mutating func check(_ code: Int32) {
            if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        }
    }

    /// Inserts one row whose values `bind` gives.
    func insert(_ bind: (inout Row) -> Void) throws {
        let s = statement.sqliteStatement
        sqlite3_reset(s)
        var row = Row(statement: s)
        bind(&row)
        guard row.failure == SQLITE_OK else { throw error(row.failure) }
        let step = sqlite3_step(s)
        guard step == SQLITE_DONE else {
            sqlite3_reset(s)
            throw error(step)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
}
