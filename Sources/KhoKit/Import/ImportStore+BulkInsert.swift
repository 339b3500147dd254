import GRDB
import GRDBSQLite

/// Many rows inserted into one table through SQLite's C API, `batch` rows per statement (`INSERT … VALUES (…), (…)`):
/// values are bound as they are (integers, text, NULL), without building GRDB's `StatementArguments` for each row,
/// and SQLite runs one statement per batch instead of one per row. An import of 100,000 files spent a third of its
/// time on per-row statements otherwise. Runs inside the caller's transaction; the number of rows is given first, so
/// the last batch is inserted with the last row. An error is GRDB's `DatabaseError`, as from GRDB itself (rows are
/// checked before they come here).
struct BulkInsert {
    private let db: Database
    private let table: String
    private let columns: [String]
    private let batch: Int
    private let full: Statement
    /// The statement rows are bound into now: `full`, or one for the last, shorter batch.
    private var current: Statement
    /// Rows still to come, the current batch's included.
    private var remaining: Int
    /// Rows bound into `current` and not yet inserted, and how many it takes.
    private var pending = 0
    private var size: Int
    /// The text values of the batch being bound (see ``Texts``).
    private var texts = Texts()

    /// Prepares the insert of `rows` rows.
    init(_ db: Database, into table: String, columns: [String], rows: Int, batch: Int = 64) throws {
        self.db = db
        self.table = table
        self.columns = columns
        self.batch = max(1, batch)
        self.remaining = rows
        self.full = try db.makeStatement(sql: Self.sql(table, columns, rows: self.batch))
        self.current = full
        self.size = self.batch
    }

    private static func sql(_ table: String, _ columns: [String], rows: Int) -> String {
        let one = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: one, count: rows).joined(separator: ", ")
    }

    /// The texts of one batch, copied end to end into one buffer and bound just before the batch runs, without a
    /// copy (`SQLITE_STATIC`: the buffer no longer moves then, and is only cleared after the statement has run).
    /// Bound one by one with a copy each, SQLite allocated, copied and freed every value. A value type moved into
    /// each ``Row`` and back (as a class, every access paid a runtime exclusivity check).
    fileprivate struct Texts {
        var bytes: [UInt8] = []
        var binds: [(index: Int32, start: Int, count: Int)] = []

        mutating func add(_ s: String, at index: Int32) {
            let start = bytes.count
            var s = s
            s.withUTF8 { bytes.append(contentsOf: $0) }
            binds.append((index, start, bytes.count - start))
        }

        /// Binds the texts into `statement`, runs it to its end and resets it; SQLite's result code.
        mutating func bindAndStep(_ statement: OpaquePointer) -> Int32 {
            defer {
                sqlite3_reset(statement)
                bytes.removeAll(keepingCapacity: true)
                binds.removeAll(keepingCapacity: true)
            }
            let binds = binds
            return bytes.withUnsafeBufferPointer { buffer in
                let empty: StaticString = ""
                let base = UnsafeRawPointer(buffer.baseAddress ?? empty.utf8Start)
                for bind in binds {
                    let text = (base + bind.start).assumingMemoryBound(to: CChar.self)
                    let code = sqlite3_bind_text(statement, bind.index, text, Int32(bind.count), nil)
                    guard code == SQLITE_OK else { return code }
                }
                return sqlite3_step(statement)
            }
        }
    }

    /// Binds one row's values, in the order of the columns (texts when the batch runs, see ``Texts``).
    struct Row {
        fileprivate let statement: OpaquePointer
        fileprivate var texts: Texts
        fileprivate var index: Int32
        fileprivate var failure: Int32 = SQLITE_OK

        mutating func int(_ n: Int?) { int64(n.map(Int64.init)) }

        mutating func int64(_ n: Int64?) {
            index += 1
            check(n.map { sqlite3_bind_int64(statement, index, $0) } ?? sqlite3_bind_null(statement, index))
        }

        mutating func text(_ s: String?) {
            index += 1
            guard let s else { return check(sqlite3_bind_null(statement, index)) }
            texts.add(s, at: index)
        }

        private mutating func check(_ code: Int32) {
            if code != SQLITE_OK && failure == SQLITE_OK { failure = code }
        }
    }

    /// Adds one row whose values `bind` gives; it is inserted with its batch, the last batch with the last row.
    mutating func insert(_ bind: (inout Row) -> Void) throws {
        if pending == 0 {
            if remaining >= batch {
                (current, size) = (full, batch)
            } else {
                size = max(1, remaining)
                current = try db.makeStatement(sql: Self.sql(table, columns, rows: size))
            }
        }
        var row = Row(statement: current.sqliteStatement, texts: Texts(), index: Int32(pending * columns.count))
        swap(&row.texts, &texts)
        bind(&row)
        swap(&row.texts, &texts)
        guard row.failure == SQLITE_OK else { throw error(row.failure, current) }
        pending += 1
        remaining -= 1
        if pending == size {
            try step(current)
            pending = 0
        }
    }

    private mutating func step(_ statement: Statement) throws {
        let code = texts.bindAndStep(statement.sqliteStatement)
        guard code == SQLITE_DONE else { throw error(code, statement) }
    }

    private func error(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(sqlite: code, db, statement)
    }
}
