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

    /// `H0012` for a box, `H0012/03` for a file.
    static func thingName(box: String, file: String?) -> String { file.map { "\(box)/\($0)" } ?? box }

    /// Where it is, in words: "ngoài kho: Hoa giữ từ 20/11/2026 09:00 (số hóa), hạn trả 30/11/2026".
    public func whereabouts(_ lang: Lang) -> String {
        var text =
            lang == .vi
            ? "ngoài kho: \(holder) giữ từ \(DateFormat.dateTime(since, lang: .vi)) (\(purpose.label.vi))"
            : "out: \(holder) has it since \(since) (\(purpose.label.en))"
        if withBox { text += lang == .vi ? ", cùng cả hộp \(box)" : ", with the whole box \(box)" }
        if let due {
            text += lang == .vi ? ", hạn trả \(DateFormat.day(due, lang: .vi))" : ", due \(due)"
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
        return try writing { tx in
            let (box, file) = try Self.resolve(tx, target)
            let thing = CustodyView.thingName(box: box.code, file: file?.code)
            guard let boxId = box.id else { throw CatalogueError.unknownBox(box.code) }
            if let open = try tx.custody.holder(boxId: boxId, fileId: file?.id, now: now) {
                if open.withBox, file != nil {
                    throw CustodyError.insideBoxOut(file: thing, box: box.code, holder: open.holder, since: open.since)
                }
                throw CustodyError.alreadyOut(
                    thing: thing, holder: open.holder, since: open.since, purpose: open.purpose.label,
                    returnWith: "kho in \(open.thing)")
            }
            if file == nil {
                let files = try tx.custody.custodies(.filesIn(box: boxId), now: now)
                if !files.isEmpty { throw CustodyError.filesOut(box: box.code, files: Self.list(files)) }
            }
            var event = Event(
                kind: .custodyOut, attribution: who, time: time,
                detail: EventDetail(
                    after: ["holder": holder, "purpose": purpose.rawValue, "due": dueDay]))
            event.boxId = box.id
            event.fileId = file?.id
            event.fondsId = box.fondsId
            try tx.events.append(&event)
            try tx.custody.insert(
                boxId: box.id, fileId: file?.id, holder: holder, purpose: purpose, due: dueDay, outAt: event.happenedAt,
                outEvent: event.id)
            guard let id = event.id, let view = try tx.custody.custodies(.handedOut(by: id), now: now).first else {
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
        try writing { tx in
            let (box, file) = try Self.resolve(tx, target)
            let thing = CustodyView.thingName(box: box.code, file: file?.code)
            guard let boxId = box.id else { throw CatalogueError.unknownBox(box.code) }
            let open: CustodyView
            switch try tx.custody.holder(boxId: boxId, fileId: file?.id, now: now) {
            case let hold? where !(hold.withBox && file != nil):
                open = hold
            case let hold?:
                throw CustodyError.notOut(thing: thing, hint: .withBox(box: box.code, holder: hold.holder))
            case nil:
                let files = file == nil ? try tx.custody.custodies(.filesIn(box: boxId), now: now) : []
                throw CustodyError.notOut(thing: thing, hint: files.isEmpty ? nil : .files(Self.list(files)))
            }
            let outAt = try tx.events.happenedAt(id: open.event) ?? 0
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
            try tx.events.append(&event)
            try tx.custody.markReturned(outEvent: open.event, at: event.happenedAt, by: event.id)
            return try tx.custody.custodies(.handedOut(by: open.event), now: now, open: false).first ?? open
        }
    }

    /// What is out of the store now: overdue first (most days overdue first), then the rest, longest out first.
    public func custodyList(now: Date = Date()) throws -> [CustodyView] {
        try reading { tx in
            try tx.custody.custodies(.all, now: now).sorted { a, b in
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
        try reading { tx in
            let (box, file) = try Self.resolve(tx, target)
            guard let boxId = box.id else { return nil }
            return try tx.custody.holder(boxId: boxId, fileId: file?.id, now: now)
        }
    }

    /// Undoes a `custody.out` (the hand-out is forgotten; only while it is still out) or a `custody.in` (it is out
    /// again; only when nothing else was taken out since that would clash).
    func undoCustody(_ tx: Stores, _ original: Event, by who: Attribution) throws -> Event {
        guard let id = original.id else { throw WorkError.unknownEvent(0) }
        if original.kind == .custodyOut {
            guard let back = try tx.custody.returnEvent(ofHandOut: id) else {
                throw WorkError.notUndoable(id: id, kind: original.kind.label)
            }
            if let back { throw WorkError.laterEventFirst(id: id, later: back, kind: EventKind.custodyIn.label) }
            try tx.custody.deleteHandOut(id)
        } else {
            guard let (boxId, fileId) = try tx.custody.returned(by: id) else {
                throw WorkError.notUndoable(id: id, kind: original.kind.label)
            }
            // It goes back out: the same rules as taking it out now.
            let current = try fileId.flatMap { try tx.catalogue.boxId(ofFile: $0) } ?? boxId
            if let hold = try tx.custody.holder(boxId: current, fileId: fileId) {
                throw WorkError.laterEventFirst(id: id, later: hold.event, kind: EventKind.custodyOut.label)
            }
            if fileId == nil, let first = try tx.custody.custodies(.filesIn(box: boxId), now: Date()).first {
                throw WorkError.laterEventFirst(id: id, later: first.event, kind: EventKind.custodyOut.label)
            }
            try tx.custody.reopen(returnedBy: id)
        }
        var event = Event(kind: .undo, attribution: who, time: time, detail: EventDetail(note: original.kind.rawValue))
        event.undoes = id
        event.boxId = original.boxId
        event.fileId = original.fileId
        event.fondsId = original.fondsId
        try tx.events.append(&event)
        return event
    }

    static func resolve(_ tx: Stores, _ target: CustodyTarget) throws -> (Box, FileRecord?) {
        switch target {
        case .box(let code): return (try tx.catalogue.box(code: code), nil)
        case .file(let ref):
            let (box, file) = try tx.catalogue.file(ref: ref)
            return (box, file)
        }
    }

    /// `H1/03 (Hoa), H1/07 (Minh)`.
    static func list(_ custodies: [CustodyView]) -> String {
        custodies.map { "\($0.thing) (\($0.holder))" }.joined(separator: ", ")
    }
}
