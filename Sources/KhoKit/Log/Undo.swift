import Foundation
import GRDB

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
        let kind = try read { db in
            try String.fetchOne(db, sql: "SELECT kind FROM event WHERE id = ?", arguments: [eventId])
        }.flatMap(EventKind.init(rawValue:))
        guard let kind, Self.changesCodesOrPaths.contains(kind) else { return try undoNow(eventId: eventId, by: who) }
        return try holdingWorkLock(.undo, by: who) { try undoNow(eventId: eventId, by: who) }
    }

    /// The events whose undo changes what a code or a path means.
    private static let changesCodesOrPaths: Set<EventKind> = [
        .fondsRename, .boxRename, .fileRename, .fondsDelete, .boxDelete, .fileDelete, .fileMove, .importBoxes,
        .importFiles,
    ]

    private func undoNow(eventId: Int64, by who: Attribution) throws -> Event {
        try write { db in
            let original = try Self.eventToUndo(db, eventId)
            // Renames, deletes, imports and the destruction list have their own rules (Corrections, Weeding).
            if let done = try undoCorrection(db, original: original, by: who) { return done }
            guard Self.undoable.contains(original.kind) else {
                throw WorkError.notUndoable(id: eventId, kind: original.kind.label)
            }
            if Self.onDocuments.contains(original.kind) {
                // Documents have their own rule: the document's latest event (an import: none of its documents touched).
                if original.kind == .importDocs {
                    try undoDocumentImport(db, original: original)
                } else {
                    try undoDocument(db, original: original)
                }
                return try appendUndo(db, of: original, by: who)
            }
            // Location marks and custody have their own "latest first" rules (by location; by hand-out and return).
            switch original.kind {
            case .locationMark: return try undoLocationMark(db, original, by: who)
            case .custodyOut, .custodyIn: return try undoCustody(Stores(db: db, time: time), original, by: who)
            default: break
            }
            try Self.refuseIfLaterChange(db, after: original)
            try restoreBefore(db, original)
            let event = try appendUndo(db, of: original, by: who)
            // A confirmation or acceptance is undone once the undo event is in the log (the ladder reads live events).
            if original.kind == .scanConfirm || original.kind == .scanAccept {
                try undoReview(Stores(db: db, time: time), original: original)
            }
            if original.kind == .sortFinish { try undoStartRecordedByFinish(db, original, by: who) }
            return event
        }
    }

    /// The event `eventId`, when it exists and is not undone yet.
    private static func eventToUndo(_ db: Database, _ eventId: Int64) throws -> Event {
        guard let original = try Event.fetchOne(db, key: eventId) else { throw WorkError.unknownEvent(eventId) }
        if let by = try Int64.fetchOne(db, sql: "SELECT id FROM event WHERE undoes = ?", arguments: [eventId]) {
            throw WorkError.alreadyUndone(id: eventId, by: by)
        }
        return original
    }

    /// Only the latest change to a box or file can be undone: refuses when a later live one changed its state.
    private static func refuseIfLaterChange(_ db: Database, after original: Event) throws {
        let eventId = original.id
        let onFile = [.scanRecord, .scanConfirm, .scanAccept, .fileEdit, .fileMove].contains(original.kind)
        let target: SQL = onFile ? "file_id = \(original.fileId)" : "box_id = \(original.boxId) AND file_id IS NULL"
        if let later = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT id, kind FROM event e
                    WHERE \(target) AND id > \(eventId) AND kind IN \(Self.stateChanging.map(\.rawValue))
                      AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = e.id)
                    ORDER BY id LIMIT 1
                    """))
        {
            let kind = EventKind(rawValue: later["kind"]).map(\.label) ?? Text(verbatim: "")
            throw WorkError.laterEventFirst(id: eventId ?? 0, later: later["id"], kind: kind)
        }
    }

    /// Puts the box or file back as it was before `original` (a confirmation or acceptance changes no row).
    private func restoreBefore(_ db: Database, _ original: Event) throws {
        let before = original.decodedDetail.before ?? [:]
        switch original.kind {
        case .sortStart, .sortFinish:
            try db.execute(
                sql: "UPDATE box SET arrangement = ?, kept_mm = NULL WHERE id = ?",
                arguments: [(before["arrangement"] ?? nil) ?? ArrangementState.unarranged.rawValue, original.boxId])
        case .scanRecord:
            try db.execute(
                sql: "UPDATE file SET scan_state = ?, pages = ? WHERE id = ?",
                arguments: [
                    (before["scan_state"] ?? nil) ?? ScanState.none.rawValue,
                    Int((before["pages"] ?? nil) ?? "0") ?? 0, original.fileId,
                ])
        case .scanConfirm, .scanAccept:
            break
        case .boxEdit, .boxMove:
            // Putting a box back at its old location is a move: not while the box is out of the store.
            if let boxId = original.boxId, before["location"] != nil {
                try CustodyStore(db: db, time: time).refuseMoveWhileOut(boxId: boxId)
            }
            try restore(
                db, table: "box", columns: Set(Box.CodingKeys.allCases.map(\.rawValue)), values: before,
                id: original.boxId)
        case .fileEdit, .fileMove:
            if original.kind == .fileMove, let fileId = original.fileId, let boxId = original.boxId {
                try CustodyStore(db: db, time: time).refuseMoveWhileOut(boxId: boxId, fileId: fileId)
                if let back = (before["box_id"] ?? nil).flatMap({ Int64($0) }) {
                    try CustodyStore(db: db, time: time).refuseMoveWhileOut(boxId: back)
                }
            }
            try restore(
                db, table: "file", columns: Set(FileRecord.CodingKeys.allCases.map(\.rawValue)), values: before,
                id: original.fileId)
        default:
            throw WorkError.notUndoable(id: original.id ?? 0, kind: original.kind.label)
        }
    }

    /// Finishing a box never started also recorded its start (same time, noted "sort.finish"): undo takes both back.
    private func undoStartRecordedByFinish(_ db: Database, _ original: Event, by who: Attribution) throws {
        guard
            let start = try Event.fetchOne(
                db,
                sql: """
                    SELECT * FROM event s WHERE s.kind = 'sort.start' AND s.box_id = ? AND s.happened_at = ? AND s.id < ?
                      AND json_extract(s.detail, '$.note') = 'sort.finish'
                      AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = s.id)
                    ORDER BY s.id DESC LIMIT 1
                    """, arguments: [original.boxId, original.happenedAt, original.id])
        else { return }
        let startBefore = start.decodedDetail.before ?? [:]
        try db.execute(
            sql: "UPDATE box SET arrangement = ?, kept_mm = NULL WHERE id = ?",
            arguments: [
                (startBefore["arrangement"] ?? nil) ?? ArrangementState.unarranged.rawValue, start.boxId,
            ])
        // The second undo names the box only (as the start does).
        _ = try appendUndo(db, of: start, by: who, file: .some(nil))
    }

    private func restore(
        _ db: Database, table: String, columns: Set<String>, values: [String: String?], id: Int64?
    ) throws {
        for (column, value) in values where columns.contains(column) && column != "id" {
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE id = ?", arguments: [value, id])
        }
    }
}
