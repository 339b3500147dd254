import Foundation
import GRDB
import Synchronization

/// `PRAGMA integrity_check` on a connection of its own, in the background: it reads every page and index of the
/// catalogue (half of `kho check` on a full catalogue), so it runs on the second core beside the other checks, which
/// read their own snapshot. A catalogue in memory (tests) has no second connection: it is checked in the caller's.
final class SQLiteIntegrity: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Result<[String], any Error>>(.success([]))
    private let waited = Mutex(false)
    private let inline: Bool

    init(path: String) {
        inline = path == ":memory:"
        guard !inline else { return }
        Thread.detachNewThread { [self] in
            let lines = Result {
                var config = KhoStore.baseConfiguration()
                config.readonly = true
                let queue = try DatabaseQueue(path: KhoStore.readOnlyOpenPath(path), configuration: config)
                defer { try? queue.close() }
                return try queue.inDatabase { db in try Self.run(db) }
            }
            result.withLock { $0 = lines }
            done.signal()
        }
    }

    /// What SQLite said on its own connection, once it has finished; nil for a catalogue in memory or when it could
    /// not run.
    func finished() -> [String]? {
        guard !inline else { return nil }
        waitOnce()
        return try? result.withLock { $0 }.get()
    }

    /// What SQLite said (`["ok"]` when sound); `tx` is the caller's transaction, used only for a catalogue in memory.
    func lines(_ tx: Stores) throws -> [String] {
        if inline { return try Self.run(tx.db) }
        waitOnce()
        return try result.withLock { $0 }.get()
    }

    /// SQLite's findings; a damaged page can also stop the check itself with SQLITE_CORRUPT after (or instead of) the
    /// lines it gave: that is a finding too, never an error that would hide them.
    static func run(_ db: Database) throws -> [String] {
        var lines: [String] = []
        do {
            let cursor = try String.fetchCursor(db, sql: "PRAGMA integrity_check")
            while let line = try cursor.next() { lines.append(line) }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
        {
            lines.append(error.message ?? "database disk image is malformed")
        }
        return lines
    }

    /// Waits for the background check the first time only (the caller asks from one thread at a time).
    private func waitOnce() {
        waited.withLock { waited in
            guard !waited else { return }
            done.wait()
            waited = true
        }
    }
}
