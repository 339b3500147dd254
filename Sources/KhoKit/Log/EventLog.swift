import Foundation

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
        return try reading { tx in
            if let box = filter.box { query.boxId = .some(try tx.catalogue.box(code: box).id) }
            if let ref = filter.file { query.fileId = .some(try tx.catalogue.file(ref: ref).1.id) }
            let logged = try tx.log.events(query)
            let details = logged.map(\.event.decodedDetail)
            var describer = try EventDescriber(tx)
            try describer.loadBoxes(tx, for: details)
            return zip(logged, details).map { logged, detail in
                eventView(logged, detail: detail, describer: describer, lang: lang)
            }
        }
    }

    /// The filter's kind, person, days and last ones; a kind or day that cannot match is an error.
    private func eventQuery(_ filter: LogFilter) throws -> LogStore.Query {
        var query = LogStore.Query(limit: filter.limit)
        if let kind = filter.kind {
            let matching = EventKind.allCases.filter { $0.rawValue == kind || $0.rawValue.hasPrefix(kind + ".") }
            guard !matching.isEmpty else { throw LogError.badKind(kind) }
            query.kinds = matching
        }
        if let person = filter.person {
            query.actor = Clean.text(person)
        }
        for day in [filter.from, filter.to] {
            guard let day else { continue }
            guard time.parse(day) != nil, day.count == 10 else { throw LogError.badDay(day) }
        }
        query.from = filter.from
        query.to = filter.to
        return query
    }

    /// One event as the log shows it: its codes, figures and words; a deleted box or file is named from the event.
    private func eventView(
        _ logged: LogStore.Logged, detail: EventDetail, describer: EventDescriber, lang: Lang
    ) -> EventView {
        let event = logged.event
        var words = describer.words(event, detail: detail)
        var box = logged.boxCode
        var file = logged.fileCode.map { "\(logged.fileBoxCode ?? "?")/\($0)" }
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
            day: event.happenedDay, opening: event.opening, fonds: logged.fondsCode, box: box, file: file,
            metres: event.metresMM.map { Double($0) / 1000 },
            keptMetres: event.keptMM.map { Double($0) / 1000 },
            sheets: event.sheets, pages: event.pages, bytes: event.bytes, undoes: event.undoes,
            undoneBy: logged.undoneBy, detail: detail,
            what: words.what(lang), quantity: words.quantity(lang), changes: words.changes.map { $0(lang) })
    }
}
