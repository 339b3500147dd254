import Foundation
import GRDB
import KhoEstimation

/// Why a box or a file leaves the store.
public enum CustodyPurpose: String, Vocabulary {
    case scan, read, repair, lend

    public var label: Text {
        switch self {
        case .scan: Text(vi: "số hóa", en: "scanning")
        case .read: Text(vi: "đọc, khai thác", en: "reading")
        case .repair: Text(vi: "tu bổ", en: "repair")
        case .lend: Text(vi: "cho mượn", en: "lending")
        }
    }

    public var aliases: [String] {
        switch self {
        case .scan: ["quét", "scanning"]
        case .read: ["đọc", "khai thác", "reading"]
        case .repair: ["sửa", "phục chế", "tu bổ, phục chế"]
        case .lend: ["mượn", "lending", "loan"]
        }
    }

    /// The choices for messages: `scan (số hóa), read (đọc, khai thác), …`.
    static func choices(_ lang: Lang) -> String {
        allCases.map { "\($0.rawValue) (\($0.label.text(lang)))" }.joined(separator: ", ")
    }
}

/// What `kho out` and `kho in` name: a whole box (`H0012`) or one file (`H0012/03`).
public enum CustodyTarget: Sendable, Hashable, CustomStringConvertible {
    case box(String)
    case file(FileRef)

    /// Parses `BOX` or `BOX/FILE`.
    public init(parsing text: String) throws {
        if text.contains("/") {
            self = .file(try FileRef(parsing: text))
        } else {
            let code = Clean.code(text)
            guard !code.isEmpty else { throw CatalogueError.emptyCode(.box) }
            self = .box(code)
        }
    }

    public var description: String {
        switch self {
        case .box(let code): code
        case .file(let ref): ref.description
        }
    }
}

/// A box or file out of the store: who has it, since when, why, until when.
public struct CustodyView: Codable, Sendable, Hashable {
    /// What is out: `H0012` (the whole box) or `H0012/03`.
    public var thing: String
    public var box: String
    public var file: String?
    /// Who has it.
    public var holder: String
    public var purpose: CustodyPurpose
    /// When it went out, local `YYYY-MM-DD HH:MM`, and that day.
    public var since: String
    public var sinceDay: String
    /// The day it is due back, `YYYY-MM-DD`; nil when none was given.
    public var due: String?
    /// Whether the due day has passed (today is after it), and by how many days.
    public var overdue: Bool
    public var daysOverdue: Int
    /// Whole days since it went out (0 on the day itself).
    public var daysOut: Int
    /// Who recorded the hand-out (`--by`), and its event.
    public var givenBy: String
    public var event: Int64
    /// When it came back (local `YYYY-MM-DD HH:MM`) and who recorded that; nil while it is out.
    public var returned: String?
    public var returnedBy: String?
    /// The `custody.in` event, once it is back.
    public var returnEvent: Int64?
    /// True when this describes a file that is out because its whole box is.
    public var withBox: Bool
    /// The custody's box and file rows (not encoded).
    var boxId: Int64 = 0
    var fileId: Int64?

    enum CodingKeys: String, CodingKey {
        case thing, box, file, holder, purpose, since, due, overdue, event, returned
        case sinceDay = "since_day"
        case daysOverdue = "days_overdue"
        case daysOut = "days_out"
        case givenBy = "given_by"
        case returnedBy = "returned_by"
        case returnEvent = "return_event"
        case withBox = "with_box"
    }

    /// Where it is, in words: "ngoài kho: Hoa giữ từ 2026-11-20 09:00 (số hóa), hạn trả 2026-11-30".
    public func whereabouts(_ lang: Lang) -> String {
        var text =
            lang == .vi
            ? "ngoài kho: \(holder) giữ từ \(since) (\(purpose.label.vi))"
            : "out: \(holder) has it since \(since) (\(purpose.label.en))"
        if withBox { text += lang == .vi ? ", cùng cả hộp \(box)" : ", with the whole box \(box)" }
        if let due {
            text += lang == .vi ? ", hạn trả \(due)" : ", due \(due)"
            if overdue {
                text +=
                    lang == .vi
                    ? " (quá hạn \(daysOverdue) ngày)" : " (\(Format.english(daysOverdue, "day", "days")) overdue)"
            }
        }
        return text
    }
}

extension KhoStore {
    /// Records that a box or a file leaves the store with `holder`, for `purpose`, due back on `due` (`YYYY-MM-DD`).
    ///
    /// Refused when it is already out (naming who has it), when a file's box is out, and when a box has files out on
    /// their own. One transaction: the custody and its `custody.out` event.
    @discardableResult
    public func takeOut(
        _ target: CustodyTarget, to holder: String, purpose: String, due: String? = nil, by who: Attribution,
        now: Date = Date()
    ) throws -> CustodyView {
        let holder = try Clean.line(holder, .holder)
        guard !holder.isEmpty else { throw CatalogueError.emptyText(.holder) }
        guard let purpose = CustodyPurpose.parse(purpose) else { throw CustodyError.badPurpose(purpose) }
        var dueDay: String?
        if let due = Clean.optional(due) {
            guard LocalDay(iso: due) != nil else { throw CustodyError.badDue(due) }
            if let year = Int(due.prefix(4)), year < WorkDates.earliestYear {
                throw CustodyError.dueTooEarly(due: due, year: WorkDates.earliestYear)
            }
            let outDay = time.day(of: who.happenedAt)
            if due < outDay { throw CustodyError.dueBeforeOut(due: due, out: outDay) }
            dueDay = due
        }
        return try write { db in
            let (box, file) = try Self.resolve(db, target)
            let thing = Self.thingName(box: box.code, file: file?.code)
            guard let boxId = box.id else { throw CatalogueError.unknownBox(box.code) }
            if let open = try custodyHolder(db, boxId: boxId, fileId: file?.id, now: now) {
                if open.withBox, file != nil {
                    throw CustodyError.insideBoxOut(file: thing, box: box.code, holder: open.holder, since: open.since)
                }
                throw CustodyError.alreadyOut(
                    thing: thing, holder: open.holder, since: open.since, purpose: open.purpose.label,
                    returnWith: "kho in \(open.thing)")
            }
            if file == nil {
                let files = try openFileCustodies(db, boxId: boxId, now: now)
                if !files.isEmpty { throw CustodyError.filesOut(box: box.code, files: Self.list(files)) }
            }
            var event = Event(
                kind: .custodyOut, attribution: who, time: time,
                detail: EventDetail(
                    after: ["holder": holder, "purpose": purpose.rawValue, "due": dueDay]))
            event.boxId = box.id
            event.fileId = file?.id
            event.fondsId = box.fondsId
            try event.append(db)
            try db.execute(
                sql: """
                    INSERT INTO custody (box_id, file_id, holder, purpose, due_day, out_at, out_event_id) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [box.id, file?.id, holder, purpose.rawValue, dueDay, event.happenedAt, event.id])
            guard let view = try custodies(db, where: "c.out_event_id = ?", [event.id], now: now).first else {
                throw CustodyError.notOut(thing: thing, hint: nil)
            }
            return view
        }
    }

    /// Records that a box or a file taken out is back in the store.
    ///
    /// Refused when it is not out; a file that went out with its whole box comes back with the box (`kho in BOX`).
    @discardableResult
    public func bringIn(_ target: CustodyTarget, by who: Attribution, now: Date = Date()) throws -> CustodyView {
        try write { db in
            let (box, file) = try Self.resolve(db, target)
            let thing = Self.thingName(box: box.code, file: file?.code)
            guard let boxId = box.id else { throw CatalogueError.unknownBox(box.code) }
            let open: CustodyView
            switch try custodyHolder(db, boxId: boxId, fileId: file?.id, now: now) {
            case let hold? where !(hold.withBox && file != nil):
                open = hold
            case let hold?:
                throw CustodyError.notOut(thing: thing, hint: .withBox(box: box.code, holder: hold.holder))
            case nil:
                let files = file == nil ? try openFileCustodies(db, boxId: boxId, now: now) : []
                throw CustodyError.notOut(thing: thing, hint: files.isEmpty ? nil : .files(Self.list(files)))
            }
            let outAt =
                try Int64.fetchOne(db, sql: "SELECT happened_at FROM event WHERE id = ?", arguments: [open.event]) ?? 0
            let returnedAt = Int64(who.happenedAt.timeIntervalSince1970.rounded(.down))
            if returnedAt < outAt {
                let (returned, out) = whenTexts(returnedAt, outAt)
                throw CustodyError.returnBeforeOut(
                    thing: thing, returned: returned, out: out, earliest: time.earliestAt(outAt))
            }
            var event = Event(
                kind: .custodyIn, attribution: who, time: time,
                detail: EventDetail(
                    before: [
                        "holder": open.holder, "purpose": open.purpose.rawValue, "due": open.due,
                        "out_event": String(open.event),
                    ]))
            event.boxId = box.id
            event.fileId = file?.id
            event.fondsId = box.fondsId
            try event.append(db)
            try db.execute(
                sql: "UPDATE custody SET in_at = ?, in_event_id = ? WHERE out_event_id = ?",
                arguments: [event.happenedAt, event.id, open.event])
            return try custodies(db, where: "c.out_event_id = ?", [open.event], now: now, open: false).first ?? open
        }
    }

    /// What is out of the store now: overdue first (most days overdue first), then the rest, longest out first.
    public func custodyList(now: Date = Date()) throws -> [CustodyView] {
        try read { db in
            try custodies(db, where: "1", [], now: now).sorted { a, b in
                if a.overdue != b.overdue { return a.overdue }
                if a.daysOverdue != b.daysOverdue { return a.daysOverdue > b.daysOverdue }
                if a.since != b.since { return a.since < b.since }
                return a.thing < b.thing
            }
        }
    }

    /// Who has a box or a file now; nil when it is in the store. A file inside a box that is out is out too
    /// (``CustodyView/withBox``).
    public func custodyHolder(of target: CustodyTarget, now: Date = Date()) throws -> CustodyView? {
        try read { db in
            let (box, file) = try Self.resolve(db, target)
            guard let boxId = box.id else { return nil }
            return try custodyHolder(db, boxId: boxId, fileId: file?.id, now: now)
        }
    }

    /// Who has a box (`fileId` nil: the whole box) or a file (its own custody, else its box's) now, inside a
    /// transaction; nil when it is in the store.
    ///
    /// The one check every write that must not touch records out of the store calls (moves; weeding, renaming and
    /// deleting should too). Files of a box that are out on their own are not the box's: see ``custodyTouching(_:boxId:now:)``.
    func custodyHolder(_ db: Database, boxId: Int64, fileId: Int64?, now: Date = Date()) throws -> CustodyView? {
        if let fileId, let own = try custodies(db, where: "c.file_id = ?", [fileId], now: now).first { return own }
        guard var whole = try custodies(db, where: "c.box_id = ? AND c.file_id IS NULL", [boxId], now: now).first else {
            return nil
        }
        if fileId != nil { whole.withBox = true }
        return whole
    }

    /// Every custody open on a box or any file in it now (the box's own first), inside a transaction.
    ///
    /// For writes that affect a whole box and all its files (weeding a box, deleting it): refuse when this is not empty.
    func custodyTouching(_ db: Database, boxId: Int64, now: Date = Date()) throws -> [CustodyView] {
        try custodies(db, where: "c.box_id = ? AND c.file_id IS NULL", [boxId], now: now)
            + openFileCustodies(db, boxId: boxId, now: now)
    }

    /// Throws ``CustodyError/cannotMoveWhileOut(thing:holder:since:returnWith:)`` when the box (or the file) is out.
    func refuseMoveWhileOut(_ db: Database, boxId: Int64, fileId: Int64? = nil) throws {
        guard let hold = try custodyHolder(db, boxId: boxId, fileId: fileId) else { return }
        throw CustodyError.cannotMoveWhileOut(
            thing: hold.thing, holder: hold.holder, since: hold.since, returnWith: "kho in \(hold.thing)")
    }

    /// Open custodies of files (on their own) that are now in box `boxId`.
    func openFileCustodies(_ db: Database, boxId: Int64, now: Date) throws -> [CustodyView] {
        try custodies(db, where: "c.file_id IN (SELECT id FROM file WHERE box_id = ?)", [boxId], now: now)
    }

    /// Custodies matching `condition` (over alias `c`), open ones only unless `open` is false.
    func custodies(
        _ db: Database, where condition: String, _ arguments: [(any DatabaseValueConvertible)?], now: Date,
        open: Bool = true
    ) throws -> [CustodyView] {
        let today = LocalDay(iso: time.day(of: now))
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, COALESCE(fb.code, b.code) AS box_code, f.code AS file_code, e.actor AS given_by, e.happened_day AS out_day,
                       r.actor AS returned_by
                FROM custody c
                JOIN box b ON b.id = c.box_id
                LEFT JOIN file f ON f.id = c.file_id
                LEFT JOIN box fb ON fb.id = f.box_id
                JOIN event e ON e.id = c.out_event_id
                LEFT JOIN event r ON r.id = c.in_event_id
                WHERE (\(condition))\(open ? " AND c.in_event_id IS NULL" : "")
                ORDER BY c.out_at, c.id
                """, arguments: StatementArguments(arguments))
        return rows.map { row in
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
                thing: Self.thingName(box: box, file: file), box: box, file: file, holder: row["holder"],
                purpose: CustodyPurpose(rawValue: row["purpose"]) ?? .read,
                since: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(outAt))), sinceDay: outDay, due: due,
                overdue: daysOverdue > 0, daysOverdue: daysOverdue, daysOut: daysOut, givenBy: row["given_by"] ?? "?",
                event: row["out_event_id"],
                returned: inAt.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) },
                returnedBy: row["returned_by"],
                returnEvent: row["in_event_id"], withBox: false, boxId: row["box_id"], fileId: row["file_id"])
        }
    }

    /// Undoes a `custody.out` (the hand-out is forgotten; only while it is still out) or a `custody.in` (it is out
    /// again; only when nothing else was taken out since that would clash).
    func undoCustody(_ db: Database, _ original: Event, by who: Attribution) throws -> Event {
        guard let id = original.id else { throw WorkError.unknownEvent(0) }
        if original.kind == .custodyOut {
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT in_event_id FROM custody WHERE out_event_id = ?", arguments: [id])
            else {
                throw WorkError.notUndoable(id: id, kind: original.kind.label)
            }
            if let back: Int64 = row["in_event_id"] {
                throw WorkError.laterEventFirst(id: id, later: back, kind: EventKind.custodyIn.label)
            }
            try db.execute(sql: "DELETE FROM custody WHERE out_event_id = ?", arguments: [id])
        } else {
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT box_id, file_id FROM custody WHERE in_event_id = ?", arguments: [id])
            else {
                throw WorkError.notUndoable(id: id, kind: original.kind.label)
            }
            let boxId: Int64 = row["box_id"]
            let fileId: Int64? = row["file_id"]
            // It goes back out: the same rules as taking it out now.
            let current =
                try fileId.flatMap {
                    try Int64.fetchOne(db, sql: "SELECT box_id FROM file WHERE id = ?", arguments: [$0])
                } ?? boxId
            if let hold = try custodyHolder(db, boxId: current, fileId: fileId) {
                throw WorkError.laterEventFirst(id: id, later: hold.event, kind: EventKind.custodyOut.label)
            }
            if fileId == nil, let first = try openFileCustodies(db, boxId: boxId, now: Date()).first {
                throw WorkError.laterEventFirst(id: id, later: first.event, kind: EventKind.custodyOut.label)
            }
            try db.execute(
                sql: "UPDATE custody SET in_at = NULL, in_event_id = NULL WHERE in_event_id = ?", arguments: [id])
        }
        var event = Event(kind: .undo, attribution: who, time: time, detail: EventDetail(note: original.kind.rawValue))
        event.undoes = id
        event.boxId = original.boxId
        event.fileId = original.fileId
        event.fondsId = original.fondsId
        try event.append(db)
        return event
    }

    static func resolve(_ db: Database, _ target: CustodyTarget) throws -> (Box, FileRecord?) {
        switch target {
        case .box(let code): return (try Lookup.box(db, code: code), nil)
        case .file(let ref):
            let (box, file) = try Lookup.file(db, ref: ref)
            return (box, file)
        }
    }

    static func thingName(box: String, file: String?) -> String { file.map { "\(box)/\($0)" } ?? box }

    /// `H1/03 (Hoa), H1/07 (Minh)`.
    static func list(_ custodies: [CustodyView]) -> String {
        custodies.map { "\($0.thing) (\($0.holder))" }.joined(separator: ", ")
    }
}
