import Foundation
import GRDB

/// `PRAGMA integrity_check` on a connection of its own, in the background: it reads every page and index of the
/// catalogue (half of `kho check` on a full catalogue), so it runs on the second core beside the other checks, which
/// read their own snapshot. A catalogue in memory (tests) has no second connection: it is checked in the caller's.
final class SQLiteIntegrity: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[String], any Error> = .success([])
    private let inline: Bool

    init(path: String) {
        inline = path == ":memory:"
        guard !inline else { return }
        Thread.detachNewThread { [self] in
            result = Result {
                var config = Configuration()
                config.readonly = true
                config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = 1073741824") }
                let queue = try DatabaseQueue(path: KhoStore.readOnlyOpenPath(path), configuration: config)
                defer { try? queue.close() }
                return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            }
            done.signal()
        }
    }

    /// What SQLite said (`["ok"]` when sound); `db` is the caller's connection, used only for a catalogue in memory.
    func lines(_ db: Database) throws -> [String] {
        if inline { return try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        done.wait()
        return try result.get()
    }
}
