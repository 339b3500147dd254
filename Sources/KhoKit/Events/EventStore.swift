import GRDB

/// The event log as one transaction writes it.
struct EventStore {
    let db: Database

    /// Appends `event` to the log and sets its id (one cached statement: ingest appends one per catalogue file).
    /// The log is append-only (v11's triggers): an event is written once, complete, and never patched.
    func append(_ event: inout Event) throws {
        try WorkDates.check(db, event)
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO event (id, uid, kind, actor, recorder, happened_at, happened_day, recorded_at, opening, fonds_id, box_id, file_id,
                                   metres_mm, kept_mm, sheets, pages, bytes, undoes, supersedes, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            event.id, event.uid, event.kind.rawValue, event.actor, event.recorder, event.happenedAt, event.happenedDay,
            event.recordedAt, event.opening, event.fondsId, event.boxId, event.fileId, event.metresMM, event.keptMM,
            event.sheets, event.pages, event.bytes, event.undoes, event.supersedes, event.detail,
        ])
        event.id = db.lastInsertedRowID
    }

    /// Gives `event` the id it will have once appended — the log's next, since no event is ever deleted — so that
    /// the rows that refer to it can be written first and the event appended last, once what they add up to is known.
    /// Their foreign keys are checked when the transaction commits.
    func reserveId(for event: inout Event) throws {
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        event.id = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM event")
    }

    /// When event `id` happened (seconds since 1970); nil when there is no such event.
    func happenedAt(id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT happened_at FROM event WHERE id = ?", arguments: [id])
    }
}

extension Stores {
    /// The event log in this transaction.
    var events: EventStore { EventStore(db: db) }
}
