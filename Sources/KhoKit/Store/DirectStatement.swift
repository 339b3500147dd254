import GRDB
import GRDBSQLite

/// A cached statement run through SQLite's C API, for the few statements an ingest runs once per master and for reading
/// many rows at once: values are bound and read as they are (integers, text, NULL) without building GRDB's
/// `StatementArguments`, `DatabaseValue`s or `Row`s.
/// At 3,000 masters the writer spent a third of its time outside SQLite doing that (boxing, copying, freeing), and the
/// writer is what an ingest waits for. Runs inside the caller's transaction; an error is GRDB's `DatabaseError`, as
/// from GRDB itself. Every value is bound on each run, and the statement is reset after it.
struct DirectStatement {
    private let db: Database
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        self.db = db
        self.statement = try db.cachedStatement(sql: sql)
    }

    /// Binds one run's values, in the order of the statement's parameters.
    struct Values {
        fileprivate let handle: OpaquePointer
        fileprivate var index: Int32 = 0
        fileprivate var failure: Int32 = SQLITE_OK

        mutating func int64(_ n: Int64?) {
            index += 1
            check(n.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
        }

        mutating func int(_ n: Int?) { int64(n.map(Int64.init)) }

        mutating func bool(_ b: Bool) { int64(b ? 1 : 0) }

        /// Text, copied by SQLite (the string need not outlive the call).
        mutating func text(_ s: String?) {
            index += 1
            guard var s else { return check(sqlite3_bind_null(handle, index)) }
            let code = s.withUTF8 { utf8 in
                let empty: StaticString = ""
                let start = UnsafeRawPointer(utf8.baseAddress ?? empty.utf8Start).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text(handle, index, start, Int32(utf8.count), Self.transient)
            }
            check(code)
        }

        private mutating func check(_ code: Int32) {
            if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        }

        /// SQLite's `SQLITE_TRANSIENT`: copy the value now.
        private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    /// Runs the statement to its end with the values `bind` gives.
    func execute(_ bind: (inout Values) -> Void) throws {
        try run(bind) { handle in
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
            return code == SQLITE_DONE ? nil : code
        }
    }

    /// The first column of the first row as text (nil when there is no row or it is NULL), with the values `bind`
    /// gives.
    func text(_ bind: (inout Values) -> Void) throws -> String? {
        var found: String?
        try run(bind) { handle in
            let code = sqlite3_step(handle)
            guard code == SQLITE_ROW else { return code == SQLITE_DONE ? nil : code }
            if let text = sqlite3_column_text(handle, 0) {
                found = String(cString: text)
            }
            return nil
        }
        return found
    }

    /// A row being read by ``rows(_:_:)``: its columns by position.
    struct Columns {
        fileprivate let handle: OpaquePointer

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    }

    /// Calls `read` with every row, in order, with the values `bind` gives (none by default).
    func rows(_ bind: (inout Values) -> Void = { _ in }, _ read: (Columns) -> Void) throws {
        try run(bind) { handle in
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW {
                read(Columns(handle: handle))
                code = sqlite3_step(handle)
            }
            return code == SQLITE_DONE ? nil : code
        }
    }

    /// The row id of the last row inserted on this connection.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(db.sqliteConnection) }

    /// Binds, steps with `step` (which returns a failing result code, or nil), and always resets.
    private func run(_ bind: (inout Values) -> Void, step: (OpaquePointer) -> Int32?) throws {
        let handle = statement.sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var values = Values(handle: handle)
        bind(&values)
        if values.failure != SQLITE_OK { throw error(values.failure) }
        if values.index != sqlite3_bind_parameter_count(handle) {
            // A programming error (the SQL and the values disagree), said as SQLite says a misuse.
            throw DatabaseError(
                resultCode: .SQLITE_MISUSE,
                message: "\(values.index) values bound, \(sqlite3_bind_parameter_count(handle)) expected",
                sql: statement.sql)
        }
        if let code = step(handle) { throw error(code) }
    }

    private func error(_ code: Int32) -> DatabaseError { DatabaseError(sqlite: code, db, statement) }
}

extension DatabaseError {
    /// The error SQLite's C API gave as `code` while `db` ran `statement`, as GRDB itself would report it.
    init(sqlite code: Int32, _ db: Database, _ statement: Statement) {
        self.init(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
}
