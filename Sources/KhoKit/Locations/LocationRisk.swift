import Foundation

/// A risk to the records kept at a shelf location (*nguy cơ tại vị trí*): damp, a leaking roof, heat, pests.
public enum LocationRisk: String, Vocabulary, Comparable {
    case damp, leak, heat, pests

    public var label: Text {
        switch self {
        case .damp: Text(vi: "ẩm", en: "damp")
        case .leak: Text(vi: "dột", en: "leak")
        case .heat: Text(vi: "nóng", en: "heat")
        case .pests: Text(vi: "côn trùng", en: "pests")
        }
    }

    public var aliases: [String] {
        switch self {
        case .damp: ["ẩm ướt", "ẩm thấp", "humid", "humidity"]
        case .leak: ["dột mái", "thấm", "leaking", "roof leak"]
        case .heat: ["hot", "nắng nóng"]
        case .pests: ["pest", "insects", "mối", "mọt", "chuột", "rodents"]
        }
    }

    /// The order risks are listed in: as declared (damp, leak, heat, pests).
    public static func < (a: LocationRisk, b: LocationRisk) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    /// Risks in words, joined: `ẩm, dột` / `damp, leak`.
    public static func words(_ risks: [LocationRisk], _ lang: Lang) -> String {
        risks.sorted().map { $0.label.text(lang) }.joined(separator: ", ")
    }

    /// The stored form of a set of risks: sorted keys joined by commas (`damp,leak`); empty for none.
    static func stored(_ risks: [LocationRisk]) -> String { Set(risks).sorted().map(\.rawValue).joined(separator: ",") }

    /// Risks read back from their stored form (unknown keys are skipped; `kho check` reports them).
    static func parseStored(_ text: String?) -> [LocationRisk] {
        (text ?? "").split(separator: ",").compactMap { LocationRisk(rawValue: String($0)) }.sorted()
    }
}

/// Which shelf locations a mark covers.
///
/// A location is the `location` text of boxes, compared exactly (case and all) after the normalisation every
/// location gets when it is stored: trimmed, in Unicode NFC. A mark on `A-3` covers the location `A-3` itself and
/// every location that continues it after a separator (`-`, `.`, `/`, `_` or a space): `A-3-2`, `A-3.1`, `A-3 kệ 2`;
/// never `A-30` or `a-3`. A box is at every risk of every mark that covers its location.
public enum LocationCover {
    /// The characters that separate the parts of a location.
    public static let separators: Set<Character> = ["-", ".", "/", "_", " "]

    /// Whether a mark on `mark` covers a box stored at `location` (both already normalised).
    public static func covers(_ mark: String, _ location: String) -> Bool {
        guard !mark.isEmpty, location.hasPrefix(mark) else { return false }
        if location.count == mark.count { return true }
        if let last = mark.last, separators.contains(last) { return true }
        let next = location[location.index(location.startIndex, offsetBy: mark.count)]
        return separators.contains(next)
    }
}

/// A marked location as listed: its own risks, and the boxes its mark covers.
public struct LocationMark: Codable, Sendable, Hashable {
    public var location: String
    public var risks: [LocationRisk]
    public var note: String
    /// Boxes whose location this mark covers (at it, or below it: `A-3-2` under `A-3`).
    public var boxes: Int
    /// Who marked it, when (local `YYYY-MM-DD HH:MM`), and the event.
    public var markedBy: String
    public var markedAt: String
    public var event: Int64

    enum CodingKeys: String, CodingKey {
        case location, risks, note, boxes, event
        case markedBy = "marked_by"
        case markedAt = "marked_at"
    }
}

/// One shelf location as `kho location list` shows it: the boxes stored exactly there and every risk that reaches it.
public struct LocationView: Codable, Sendable, Hashable {
    public var location: String
    /// Every risk of every mark that covers this location.
    public var risks: [LocationRisk]
    /// The marked locations those risks come from (`A-3` for a box at `A-3-2`), itself included when marked.
    public var markedAt: [String]
    public var note: String
    /// Boxes stored exactly at this location.
    public var boxes: Int

    enum CodingKeys: String, CodingKey {
        case location, risks, note, boxes
        case markedAt = "marked_at"
    }
}

/// What `kho location mark` did: the risks before and after, the boxes it covers, and the event.
public struct LocationMarkResult: Sendable, Hashable {
    public var location: String
    public var before: [LocationRisk]
    public var after: [LocationRisk]
    public var boxes: Int
    public var event: Event
}

/// What can be wrong with a location mark.
public enum LocationError: KhoError, Equatable {
    /// A risk that is not one of ``LocationRisk`` or `none`.
    case badRisk(String)
    /// `none` given together with risks.
    case noneWithRisks
    /// No `--risk` at all.
    case noRisk
    /// The mark is already exactly this.
    case unchanged(location: String, risks: [LocationRisk])

    public var text: Text {
        switch self {
        case .badRisk(let text):
            Text(
                vi:
                    "nguy cơ «\(Visible.escaped(text))» không có: dùng damp (ẩm), leak (dột), heat (nóng), pests (côn trùng), hoặc none để bỏ đánh dấu",
                en:
                    "there is no risk “\(Visible.escaped(text))”: use damp, leak, heat, pests, or none to clear the mark"
            )
        case .noneWithRisks:
            Text(
                vi: "none (bỏ đánh dấu) không đi cùng nguy cơ khác: dùng --risk none, hoặc liệt kê các nguy cơ",
                en: "none (clear the mark) does not go with other risks: give --risk none, or list the risks")
        case .noRisk:
            Text(
                vi: "hãy cho --risk: damp (ẩm), leak (dột), heat (nóng), pests (côn trùng), hoặc none để bỏ đánh dấu",
                en: "give --risk: damp, leak, heat, pests, or none to clear the mark")
        case .unchanged(let location, let risks):
            Text(
                vi:
                    "vị trí \(location) đã được đánh dấu đúng như vậy (\(risks.isEmpty ? "không có nguy cơ" : LocationRisk.words(risks, .vi))); không có gì để thay đổi",
                en:
                    "location \(location) is already marked so (\(risks.isEmpty ? "no risk" : LocationRisk.words(risks, .en))); nothing to change"
            )
        }
    }
}

/// The marks of the catalogue, loaded once, to say which risks reach a box's location.
struct RiskMap: Sendable {
    /// Marked locations and their risks, longest location first.
    var marks: [(location: String, risks: [LocationRisk])]

    /// Every risk of every mark covering `location`, and the marked locations they come from (longest first).
    func risks(at location: String) -> (risks: [LocationRisk], from: [String]) {
        guard !location.isEmpty else { return ([], []) }
        var risks = Set<LocationRisk>()
        var from: [String] = []
        for mark in marks where LocationCover.covers(mark.location, location) {
            risks.formUnion(mark.risks)
            from.append(mark.location)
        }
        return (risks.sorted(), from)
    }
}

extension KhoStore {
    /// Marks the risks of a shelf location; `none` clears its mark. The location's mark becomes exactly `risks`.
    ///
    /// The location is normalised as box locations are (trimmed, NFC) and matched as ``LocationCover`` says. The
    /// event keeps the risks before and after, so `kho undo` can put the old mark back. A location no box stands at
    /// yet may be marked (a store room that is empty today).
    @discardableResult
    public func markLocation(
        _ location: String, risks: [String], note: String? = nil, by who: Attribution
    ) throws -> LocationMarkResult {
        let location = try Clean.line(location, .location)
        guard !location.isEmpty else { throw CatalogueError.emptyText(.location) }
        let words = risks.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { throw LocationError.noRisk }
        var wanted = Set<LocationRisk>()
        var clear = false
        for word in words {
            if ["none", "không", "khong", "clear", "bỏ"].contains(word.lowercased()) {
                clear = true
                continue
            }
            guard let risk = LocationRisk.parse(word) else { throw LocationError.badRisk(word) }
            wanted.insert(risk)
        }
        if clear && !wanted.isEmpty { throw LocationError.noneWithRisks }
        let after = wanted.sorted()
        let newNote = try note.map { try Clean.notes($0) }
        return try writing { tx in
            let old = try tx.locations.mark(at: location)
            let before = old?.risks ?? LocationRisk.parseStored(nil)
            let oldNote: String = old?.note ?? ""
            let finalNote = after.isEmpty ? "" : (newNote ?? oldNote)
            if before == after && oldNote == finalNote {
                throw LocationError.unchanged(location: location, risks: after)
            }
            var event = Event(
                kind: .locationMark, attribution: who, time: time,
                detail: EventDetail(
                    before: [
                        "location": location, "risks": old == nil ? nil : LocationRisk.stored(before),
                        "note": old == nil ? nil : oldNote,
                    ],
                    after: [
                        "location": location, "risks": after.isEmpty ? nil : LocationRisk.stored(after),
                        "note": after.isEmpty ? nil : finalNote,
                    ]))
            try tx.events.append(&event)
            try tx.locations.setMark(location: location, risks: after, note: finalNote, event: event.id)
            let boxes = try tx.locations.boxesCovered(by: location)
            return LocationMarkResult(location: location, before: before, after: after, boxes: boxes, event: event)
        }
    }

    /// The marked locations, in location order.
    public func locationMarks() throws -> [LocationMark] {
        try reading { tx in
            try tx.locations.marks().map { mark in
                LocationMark(
                    location: mark.location, risks: mark.risks, note: mark.note,
                    boxes: try tx.locations.boxesCovered(by: mark.location), markedBy: mark.actor ?? "?",
                    markedAt: mark.happenedAt.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) }
                        ?? "?",
                    event: mark.event)
            }
        }
    }

    /// Every location where boxes stand or that is marked, with the boxes stored exactly there and the risks that
    /// reach it; `atRisk` keeps only the locations some risk reaches.
    public func locations(atRisk: Bool = false) throws -> [LocationView] {
        try reading { tx in
            let map = try tx.locations.riskMap()
            let boxes = try tx.locations.boxesByLocation()
            let notes = try tx.locations.notesByLocation()
            let all = Set(boxes.keys).union(notes.keys)
            return all.sorted().compactMap { location in
                let (risks, from) = map.risks(at: location)
                if atRisk && risks.isEmpty { return nil }
                return LocationView(
                    location: location, risks: risks, markedAt: from, note: notes[location] ?? "",
                    boxes: boxes[location] ?? 0)
            }
        }
    }

    /// Undoes a `location.mark`: the location's mark goes back to what it was before. Only the location's latest
    /// live mark can be undone.
    func undoLocationMark(_ tx: Stores, _ original: Event, by who: Attribution) throws -> Event {
        let detail = try EventDetail(decoding: original.detail)
        guard let location = (detail.after?["location"] ?? nil) else {
            throw WorkError.notUndoable(id: original.id ?? 0, kind: original.kind.label)
        }
        if let later = try tx.locations.liveMark(of: location, after: original.id) {
            throw WorkError.laterEventFirst(
                id: original.id ?? 0, later: later, kind: EventKind.locationMark.label)
        }
        let risks = LocationRisk.parseStored(detail.before?["risks"] ?? nil)
        let note = (detail.before?["note"] ?? nil) ?? ""
        var event = Event(kind: .undo, attribution: who, time: time, detail: EventDetail(note: original.kind.rawValue))
        event.undoes = original.id
        try tx.events.append(&event)
        try tx.locations.setMark(location: location, risks: risks, note: note, event: event.id)
        return event
    }
}
