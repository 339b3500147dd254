extension KhoStore {
    /// Appends the undo event of `original`, naming what it names (or what the caller gives instead).
    func appendUndo(
        _ tx: Stores, of original: Event, by who: Attribution, fonds: Int64?? = nil, box: Int64?? = nil,
        file: Int64?? = nil,
        count: Int? = nil
    ) throws -> Event {
        var event = Event(
            kind: .undo, attribution: who, time: time, detail: EventDetail(count: count, note: original.kind.rawValue))
        event.undoes = original.id
        event.fondsId = fonds ?? original.fondsId
        event.boxId = box ?? original.boxId
        event.fileId = file ?? original.fileId
        try tx.events.append(&event)
        return event
    }
}
