import Foundation
import GRDB

/// Who has which box or file out of the store, as one transaction reads and writes it (table `custody`).
struct CustodyStore {
    let db: Database
    /// Days and times in views are the archive's local ones.
    let time: LocalTime

    /// Which custodies a query is about.
    enum Scope {
        /// Every one.
        case all
        /// Those with a due day.
        case withDue
        /// Whole boxes.
        case boxes
        /// Files on their own.
        case files
        /// The one custody event `id` handed out.
        case handedOut(by: Int64)
        /// File `id`'s own.
        case file(Int64)
        /// Box `id`'s own (the whole box).
        case box(Int64)
        /// Those of files (on their own) now in box `id`.
        case filesIn(box: Int64)

        fileprivate var condition: SQL {
            switch self {
            case .all: "1"
            case .withDue: "c.due_day IS NOT NULL"
            case .boxes: "c.file_id IS NULL"
            case .files: "c.file_id IS NOT NULL"
            case .handedOut(let event): "c.out_event_id = \(event)"
            case .file(let id): "c.file_id = \(id)"
            case .box(let id): "c.box_id = \(id) AND c.file_id IS NULL"
            case .filesIn(let box): "c.file_id IN (SELECT id FROM file WHERE box_id = \(box))"
            }
        }
    }

    /// The custodies in `scope`, open ones only unless `open` is false, oldest first; days counted to `now`.
    func custodies(_ scope: Scope, now: Date, open: Bool = true) throws -> [CustodyView] {
        let today = LocalDay(iso: time.day(of: now))
        let openOnly: SQL = open ? " AND c.in_event_id IS NULL" : ""
        let request: SQL = """
            SELECT c.*, COALESCE(fb.code, b.code) AS box_code, f.code AS file_code, e.actor AS given_by, e.happened_day AS out_day,
                   r.actor AS returned_by
            FROM custody c
            JOIN box b ON b.id = c.box_id
            LEFT JOIN file f ON f.id = c.file_id
            LEFT JOIN box fb ON fb.id = f.box_id
            JOIN event e ON e.id = c.out_event_id
            LEFT JOIN event r ON r.id = c.in_event_id
            WHERE (\(scope.condition))\(openOnly)
            ORDER BY c.out_at, c.id
            """
        return try Row.fetchAll(db, SQLRequest(literal: request)).map { row in
            let box: String = row["box_code"]
            let file: String? = row["file_code"]
            let outAt: Int64 = row["out_at"]
            let inAt: Int64? = row["in_at"]
            let outDay: String = row["out_day"]
            let due: String? = row["due_day"]
            // Counted to the day it came back, or to today while it is out.
            let end: Int =
                (inAt.flatMap { LocalDay(iso: time.day(of: Date(timeIntervalSince1970: TimeInterval($0)))) } ?? today)?
                .dayNumber ?? 0
            let daysOverdue = due.flatMap { LocalDay(iso: $0) }.map { max(0, end - $0.dayNumber) } ?? 0
            let daysOut = max(0, end - (LocalDay(iso: outDay)?.dayNumber ?? end))
            return CustodyView(
                thing: CustodyView.thingName(box: box, file: file), box: box, file: file, holder: row["holder"],
                purpose: CustodyPurpose(rawValue: row["purpose"]) ?? .read,
                since: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(outAt))), sinceDay: outDay, due: due,
                overdue: daysOverdue > 0, daysOverdue: daysOverdue, daysOut: daysOut, givenBy: row["given_by"] ?? "?",
                event: row["out_event_id"],
                returned: inAt.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) },
                returnedBy: row["returned_by"],
                returnEvent: row["in_event_id"], withBox: false, boxId: row["box_id"], fileId: row["file_id"])
        }
    }

    /// Who has a box (`fileId` nil: the whole box) or a file (its own custody, else its box's) now; nil when it is in
    /// the store.
    ///
    /// The one check every write that must not touch records out of the store calls (moves; weeding, renaming and
    /// deleting should too). Files of a box that are out on their own are not the box's: see
    /// ``touching(boxId:now:)``.
    func holder(boxId: Int64, fileId: Int64?, now: Date = Date()) throws -> CustodyView? {
        if let fileId, let own = try custodies(.file(fileId), now: now).first { return own }
        guard var whole = try custodies(.box(boxId), now: now).first else { return nil }
        if fileId != nil { whole.withBox = true }
        return whole
    }

    /// Every custody open on a box or any file in it now (the box's own first).
    ///
    /// For writes that affect a whole box and all its files (weeding a box, deleting it): refuse when this is not empty.
    func touching(boxId: Int64, now: Date = Date()) throws -> [CustodyView] {
        try custodies(.box(boxId), now: now) + custodies(.filesIn(box: boxId), now: now)
    }

    /// Throws ``CustodyError/cannotMoveWhileOut(thing:holder:since:returnWith:)`` when the box (or the file) is out.
    func refuseMoveWhileOut(boxId: Int64, fileId: Int64? = nil) throws {
        guard let hold = try holder(boxId: boxId, fileId: fileId) else { return }
        throw CustodyError.cannotMoveWhileOut(
            thing: hold.thing, holder: hold.holder, since: hold.since, returnWith: "kho in \(hold.thing)")
    }

    /// Records a hand-out: box `boxId` (or file `fileId` in it) with `holder`, written by event `outEvent`.
    func insert(
        boxId: Int64?, fileId: Int64?, holder: String, purpose: CustodyPurpose, due: String?, outAt: Int64,
        outEvent: Int64?
    ) throws {
        try db.execute(
            literal: """
                INSERT INTO custody (box_id, file_id, holder, purpose, due_day, out_at, out_event_id)
                VALUES (\(boxId), \(fileId), \(holder), \(purpose.rawValue), \(due), \(outAt), \(outEvent))
                """)
    }

    /// Records that what event `outEvent` handed out came back at `inAt`, by event `inEvent`.
    func markReturned(outEvent: Int64, at inAt: Int64, by inEvent: Int64?) throws {
        try db.execute(
            literal: "UPDATE custody SET in_at = \(inAt), in_event_id = \(inEvent) WHERE out_event_id = \(outEvent)")
    }

    /// For a hand-out event: whether it is recorded (`nil` when not), and the event that brought it back, if any.
    func returnEvent(ofHandOut id: Int64) throws -> Int64?? {
        guard
            let row = try Row.fetchOne(
                db, SQLRequest(literal: "SELECT in_event_id FROM custody WHERE out_event_id = \(id)"))
        else { return nil }
        return .some(row["in_event_id"])
    }

    /// Forgets the hand-out event `id` recorded.
    func deleteHandOut(_ id: Int64) throws {
        try db.execute(literal: "DELETE FROM custody WHERE out_event_id = \(id)")
    }

    /// What the return event `id` brought back (its box, and its file when one alone); nil when it is not recorded.
    func returned(by id: Int64) throws -> (boxId: Int64, fileId: Int64?)? {
        guard
            let row = try Row.fetchOne(
                db, SQLRequest(literal: "SELECT box_id, file_id FROM custody WHERE in_event_id = \(id)"))
        else { return nil }
        return (row["box_id"], row["file_id"])
    }

    /// Makes what the return event `id` brought back out again.
    func reopen(returnedBy id: Int64) throws {
        try db.execute(literal: "UPDATE custody SET in_at = NULL, in_event_id = NULL WHERE in_event_id = \(id)")
    }
}

extension Stores {
    /// Custody in this transaction.
    var custody: CustodyStore { CustodyStore(db: db, time: time) }
}
