import Foundation

extension KhoStore {
    private static let undoable: Set<EventKind> = [
        .sortStart, .sortFinish, .scanRecord, .scanConfirm, .scanAccept, .boxEdit, .boxMove, .fileEdit, .fileMove,
        .docAdd, .docEdit, .docMove, .importDocs, .locationMark, .custodyOut, .custodyIn,
    ]
    private static let onDocuments: Set<EventKind> = [.docAdd, .docEdit, .docMove, .importDocs]
    private static let stateChanging: [EventKind] = [
        .sortStart, .sortFinish, .scanRecord, .scanIngest, .scanConfirm, .scanAccept, .boxEdit, .boxMove, .fileEdit,
        .fileMove,
    ]

    /// Undoes an event by appending a compensating event; the original stays in the log.
    ///
    /// Only the latest change to a box or file can be undone, so that undoing never skips over later work.
    /// Undoing a rename, a delete, a move of a file or an import changes what a code or a path means: it takes the
    /// catalogue's work lock (``LockActivity/undo``), as the change did.
    @discardableResult
    public func undo(eventId: Int64, by who: Attribution) throws -> Event {
        let kind = try reading { tx in try tx.log.kind(ofEvent: eventId) }.flatMap(EventKind.init(rawValue:))
        guard let kind, Self.changesCodesOrPaths.contains(kind) else { return try undoNow(eventId: eventId, by: who) }
        return try holdingWorkLock(.undo, by: who) { try undoNow(eventId: eventId, by: who) }
    }

    /// The events whose undo changes what a code or a path means.
    private static let changesCodesOrPaths: Set<EventKind> = [
        .fondsRename, .boxRename, .fileRename, .fondsDelete, .boxDelete, .fileDelete, .fileMove, .importBoxes,
        .importFiles,
    ]

    private func undoNow(eventId: Int64, by who: Attribution) throws -> Event {
        try writing { tx in
            let original = try Self.eventToUndo(tx, eventId)
            // Renames, deletes, imports and the destruction list have their own rules (Corrections, Weeding).
            if let done = try undoCorrection(tx, original: original, by: who) { return done }
            guard Self.undoable.contains(original.kind) else {
                throw WorkError.notUndoable(id: eventId, kind: original.kind.label)
            }
            if Self.onDocuments.contains(original.kind) {
                // Documents have their own rule: the document's latest event (an import: none of its documents touched).
                if original.kind == .importDocs {
                    try undoDocumentImport(tx.documents, original: original)
                } else {
                    try undoDocument(tx.documents, original: original)
                }
                return try appendUndo(tx, of: original, by: who)
            }
            // Location marks and custody have their own "latest first" rules (by location; by hand-out and return).
            switch original.kind {
            case .locationMark: return try undoLocationMark(tx, original, by: who)
            case .custodyOut, .custodyIn: return try undoCustody(tx, original, by: who)
            default: break
            }
            try Self.refuseIfLaterChange(tx, after: original)
            try restoreBefore(tx, original)
            let event = try appendUndo(tx, of: original, by: who)
            // A confirmation or acceptance is undone once the undo event is in the log (the ladder reads live events).
            if original.kind == .scanConfirm || original.kind == .scanAccept { try undoReview(tx, original: original) }
            if original.kind == .sortFinish { try undoStartRecordedByFinish(tx, original, by: who) }
            return event
        }
    }

    /// The event `eventId`, when it exists and is not undone yet.
    private static func eventToUndo(_ tx: Stores, _ eventId: Int64) throws -> Event {
        guard let original = try tx.log.event(id: eventId) else { throw WorkError.unknownEvent(eventId) }
        if let by = try tx.log.undoneBy(eventId) {
            throw WorkError.alreadyUndone(id: eventId, by: by)
        }
        return original
    }

    /// Only the latest change to a box or file can be undone: refuses when a later live one changed its state.
    private static func refuseIfLaterChange(_ tx: Stores, after original: Event) throws {
        let onFile = [.scanRecord, .scanConfirm, .scanAccept, .fileEdit, .fileMove].contains(original.kind)
        if let later = try tx.log.laterChange(after: original, onFile: onFile, kinds: Self.stateChanging) {
            let kind = EventKind(rawValue: later.kind).map(\.label) ?? Text(verbatim: "")
            throw WorkError.laterEventFirst(id: original.id ?? 0, later: later.id, kind: kind)
        }
    }

    /// Puts the box or file back as it was before `original` (a confirmation or acceptance changes no row).
    private func restoreBefore(_ tx: Stores, _ original: Event) throws {
        let before = original.decodedDetail.before ?? [:]
        switch original.kind {
        case .sortStart, .sortFinish:
            try tx.log.restoreArrangement(
                boxId: original.boxId, to: (before["arrangement"] ?? nil) ?? ArrangementState.unarranged.rawValue)
        case .scanRecord:
            try tx.log.restoreScan(
                fileId: original.fileId, to: (before["scan_state"] ?? nil) ?? ScanState.none.rawValue,
                pages: Int((before["pages"] ?? nil) ?? "0") ?? 0)
        case .scanConfirm, .scanAccept:
            break
        case .boxEdit, .boxMove:
            // Putting a box back at its old location is a move: not while the box is out of the store.
            if let boxId = original.boxId, before["location"] != nil {
                try tx.custody.refuseMoveWhileOut(boxId: boxId)
            }
            try tx.log.restore(.box, values: before, id: original.boxId)
        case .fileEdit, .fileMove:
            if original.kind == .fileMove, let fileId = original.fileId, let boxId = original.boxId {
                try tx.custody.refuseMoveWhileOut(boxId: boxId, fileId: fileId)
                if let back = (before["box_id"] ?? nil).flatMap({ Int64($0) }) {
                    try tx.custody.refuseMoveWhileOut(boxId: back)
                }
            }
            try tx.log.restore(.file, values: before, id: original.fileId)
        default:
            throw WorkError.notUndoable(id: original.id ?? 0, kind: original.kind.label)
        }
    }

    /// Finishing a box never started also recorded its start (same time, noted "sort.finish"): undo takes both back.
    private func undoStartRecordedByFinish(_ tx: Stores, _ original: Event, by who: Attribution) throws {
        guard let start = try tx.log.startRecorded(byFinish: original) else { return }
        let startBefore = start.decodedDetail.before ?? [:]
        try tx.log.restoreArrangement(
            boxId: start.boxId, to: (startBefore["arrangement"] ?? nil) ?? ArrangementState.unarranged.rawValue)
        // The second undo names the box only (as the start does).
        _ = try appendUndo(tx, of: start, by: who, file: .some(nil))
    }
}
