import Foundation
import GRDB

/// Which events `kho log` shows.
public struct LogFilter: Sendable, Hashable {
    public var person: String?
    public var box: String?
    public var file: FileRef?
    public var kind: String?
    public var from: String?
    public var to: String?
    public var limit: Int?

    public init(
        person: String? = nil, box: String? = nil, file: FileRef? = nil, kind: String? = nil,
        from: String? = nil, to: String? = nil, limit: Int? = nil
    ) {
        self.person = person
        self.box = box
        self.file = file
        self.kind = kind
        self.from = from
        self.to = to
        self.limit = limit
    }
}

/// An event as people read it: codes instead of row ids, local times, metres as decimals.
public struct EventView: Codable, Sendable, Hashable {
    public var id: Int64
    public var uid: String
    public var kind: String
    public var actor: String
    public var recorder: String
    public var happenedAt: String
    public var recordedAt: String
    public var day: String
    public var opening: Bool
    public var fonds: String?
    public var box: String?
    public var file: String?
    public var metres: Double?
    public var keptMetres: Double?
    public var sheets: Int?
    public var pages: Int?
    public var bytes: Int64?
    public var undoes: Int64?
    public var undoneBy: Int64?
    public var detail: EventDetail
    /// The event in words, in the language of this process: what was done, its quantities with units, old → new.
    public var what: String
    public var quantity: String
    public var changes: [String]

    enum CodingKeys: String, CodingKey {
        case id, uid, kind, actor, recorder, day, opening, fonds, box, file, sheets, pages, bytes, undoes, detail, what,
            quantity, changes
        case happenedAt = "happened_at"
        case recordedAt = "recorded_at"
        case metres = "metres"
        case keptMetres = "kept_m"
        case undoneBy = "undone_by"
    }
}

/// What can be wrong with a log filter.
public enum LogError: KhoError, Equatable {
    case badKind(String)
    case badDay(String)

    public var text: Text {
        switch self {
        case .badKind(let kind):
            Text(
                vi:
                    "loại sự kiện «\(kind)» không có; dùng một trong: \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))",
                en:
                    "there is no event kind “\(kind)”; use one of: \(EventKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        case .badDay(let day):
            Text(vi: "ngày «\(day)» không đọc được: viết YYYY-MM-DD", en: "cannot read day “\(day)”: write YYYY-MM-DD")
        }
    }
}

extension KhoStore {
    /// The events matching `filter`, oldest first, described in `lang`.
    public func events(_ filter: LogFilter = LogFilter(), lang: Lang) throws -> [EventView] {
        var query = try eventQuery(filter)
        return try read { db in
            try query.narrow(db, toBox: filter.box, file: filter.file)
            let rows = try Row.fetchAll(
                db, SQLRequest<Row>(literal: Self.eventSQL(where: query.conditions, limit: filter.limit)))
            let events = try rows.map { try Event(row: $0) }
            let details = events.map(\.decodedDetail)
            var describer = try EventDescriber(db)
            try describer.loadBoxes(db, for: details)
            return zip(rows, zip(events, details)).map { row, pair in
                eventView(row, pair.0, detail: pair.1, describer: describer, lang: lang)
            }
        }
    }

    /// The filter's kind, person and days as SQL conditions; a kind or day that cannot match is an error.
    private func eventQuery(_ filter: LogFilter) throws -> EventQuery {
        var query = EventQuery()
        if let kind = filter.kind {
            let matching = EventKind.allCases.filter { $0.rawValue == kind || $0.rawValue.hasPrefix(kind + ".") }
            guard !matching.isEmpty else { throw LogError.badKind(kind) }
            query.conditions.append("e.kind IN \(matching.map(\.rawValue))")
        }
        if let person = filter.person {
            query.conditions.append("e.actor = \(Clean.text(person))")
        }
        for (day, op): (String?, SQL) in [(filter.from, ">="), (filter.to, "<=")] {
            guard let day else { continue }
            guard time.parse(day) != nil, day.count == 10 else { throw LogError.badDay(day) }
            query.conditions.append("e.happened_day \(op) \(day)")
        }
        return query
    }

    /// The events with their fonds, box and file codes and the event that undid each, oldest first; with a
    /// `limit`, only the last ones.
    private static func eventSQL(where conditions: [SQL], limit: Int?) -> SQL {
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        let events: SQL = """
            SELECT e.*, f.code AS fonds_code, b.code AS box_code, fi.code AS file_code, fb.code AS file_box_code,
                   (SELECT u.id FROM event u WHERE u.undoes = e.id) AS undone_by
            FROM event e
            LEFT JOIN fonds f ON f.id = e.fonds_id
            LEFT JOIN box b ON b.id = e.box_id
            LEFT JOIN file fi ON fi.id = e.file_id
            LEFT JOIN box fb ON fb.id = fi.box_id
            \(whereSQL)
            """
        guard let limit else { return "\(events) ORDER BY e.id" }
        return "SELECT * FROM (\(events) ORDER BY e.id DESC LIMIT \(max(0, limit))) ORDER BY id"
    }

    /// One event as the log shows it: its codes, figures and words; a deleted box or file is named from the event.
    private func eventView(
        _ row: Row, _ event: Event, detail: EventDetail, describer: EventDescriber, lang: Lang
    ) -> EventView {
        var words = describer.words(event, detail: detail)
        var box: String? = row["box_code"]
        var file = (row["file_code"] as String?).map { "\((row["file_box_code"] as String?) ?? "?")/\($0)" }
        if let gone = describer.deletedTarget(event) {
            if gone.kind == .fileDelete, file == nil { file = gone.name }
            if gone.kind == .boxDelete, box == nil { box = gone.name }
            words.changes.append(gone.note)
        }
        return EventView(
            id: event.id ?? 0, uid: event.uid, kind: event.kind.rawValue, actor: event.actor,
            recorder: event.recorder,
            happenedAt: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(event.happenedAt))),
            recordedAt: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(event.recordedAt))),
            day: event.happenedDay, opening: event.opening, fonds: row["fonds_code"], box: box, file: file,
            metres: event.metresMM.map { Double($0) / 1000 },
            keptMetres: event.keptMM.map { Double($0) / 1000 },
            sheets: event.sheets, pages: event.pages, bytes: event.bytes, undoes: event.undoes,
            undoneBy: row["undone_by"], detail: detail,
            what: words.what(lang), quantity: words.quantity(lang), changes: words.changes.map { $0(lang) })
    }
}

/// The SQL conditions of a log filter, their values bound where they stand.
private struct EventQuery {
    var conditions: [SQL] = []

    /// Narrows to the events of a box and of a file, looked up by code (an unknown code is an error).
    mutating func narrow(_ db: Database, toBox boxCode: String?, file ref: FileRef?) throws {
        if let boxCode {
            conditions.append("e.box_id = \(try Lookup.box(db, code: boxCode).id)")
        }
        if let ref {
            conditions.append("e.file_id = \(try Lookup.file(db, ref: ref).1.id)")
        }
    }
}
