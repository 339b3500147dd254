import GRDB

/// The event log as one transaction writes it.
struct EventStore {
    let db: Database

    /// Appends `event` to the log and sets its id (one cached statement: ingest appends one per catalogue file).
    /// The log is append-only (v11's triggers): an event is written once, complete, and never patched.
    func append(_ event: inout Event) throws {
        try WorkDates.check(event, in: self)
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

    /// How many events the log holds.
    func count() throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM event") ?? 0 }

    /// The id of the newest event; 0 when there is none.
    func lastId() throws -> Int64 { try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }

    /// The latest live event (``LiveEvent``: not undone, not superseded) of `kind` on a box or file.
    func last(_ kind: EventKind, boxId: Int64? = nil, fileId: Int64? = nil) throws -> Event? {
        var request = Event.filter(Column("kind") == kind.rawValue)
            .filter(sql: LiveEvent.sql(alias: "event"))
        if let boxId { request = request.filter(Column("box_id") == boxId) }
        if let fileId { request = request.filter(Column("file_id") == fileId) }
        return try request.order(Column("id").desc).fetchOne(db)
    }

    // The lookups of the work-date rule (``WorkDates``); cached statements: an import of back-filled scans asks
    // once per row.

    /// The box file `id` is in; nil when there is no such file.
    func boxId(ofFile id: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT box_id FROM file WHERE id = ?"), arguments: [id])
    }

    /// Box `id`'s code, the first year of its records and when it was registered; nil when there is no such box.
    func boxDates(id: Int64) throws -> (code: String, startYear: Int?, registeredAt: Int64?)? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT b.code, b.start_year, e.happened_at FROM box b LEFT JOIN event e ON e.id = b.added_by
                        WHERE b.id = ?
                        """), arguments: [id])
        else { return nil }
        return (row[0], row[1], row[2])
    }

    /// Fonds `id`'s code and the first year of its boxes' records; nil when there is no such fonds.
    func fondsFirstYear(id: Int64) throws -> (code: String, year: Int?)? {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT f.code, (SELECT MIN(start_year) FROM box WHERE fonds_id = f.id) FROM fonds f WHERE f.id = ?",
                arguments: [id])
        else { return nil }
        return (row[0], row[1])
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
