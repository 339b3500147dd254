import Foundation

extension KhoStore {
    /// Undoes a rename, a delete, an import of boxes or files, or a step of the destruction list; nil for other kinds.
    func undoCorrection(_ tx: Stores, original: Event, by who: Attribution) throws -> Event? {
        switch original.kind {
        case .boxRename, .fileRename, .fondsRename: return try undoRename(tx, original: original, by: who)
        case .boxDelete, .fileDelete, .fondsDelete: return try undoDelete(tx, original: original, by: who)
        case .importBoxes, .importFiles: return try undoImport(tx, original: original, by: who)
        case .weedAdd, .importWeed, .weedApprove, .weedDestroy: return try undoWeed(tx, original: original, by: who)
        default: return nil
        }
    }

    private static func subject(of kind: EventKind) -> (Subject, CatalogueError.Thing) {
        switch kind {
        case .fondsRename, .fondsDelete: (.fonds, .fonds)
        case .boxRename, .boxDelete, .importBoxes: (.box, .box)
        default: (.file, .file)
        }
    }

    /// Gives the row its old code back, when no later rename of it is live, the old code is free and it may be renamed.
    private func undoRename(_ tx: Stores, original: Event, by who: Attribution) throws -> Event {
        let (subject, thing) = Self.subject(of: original.kind)
        let detail = try EventDetail(decoding: original.detail)
        let oldCode = (detail.before?["code"] ?? nil) ?? ""
        let newCode = (detail.after?["code"] ?? nil) ?? ""
        let named: Int64? = subject == .fonds ? original.fondsId : subject == .box ? original.boxId : original.fileId
        // A row deleted since keeps its id on the event (and no other row has it): it is simply not there.
        guard let target = named,
            try tx.corrections.exists(subject, id: target)
        else {
            throw CorrectionError.cannotRestore(
                thing: thing, code: oldCode,
                reason: Text(
                    vi: "\(thing.text.vi) \(newCode) đã bị xóa sau đó; hãy hoàn tác việc xóa trước",
                    en: "\(thing.text.en) \(newCode) was deleted since; undo the delete first"))
        }
        if let later = try tx.corrections.laterEvent(original.kind, about: subject, id: target, after: original.id) {
            throw WorkError.laterEventFirst(id: original.id ?? 0, later: later, kind: original.kind.label)
        }
        let taken: Bool
        switch subject {
        case .fonds:
            taken = try tx.catalogue.fondsId(code: oldCode) != nil
        case .box:
            taken = try tx.catalogue.boxId(code: oldCode) != nil
        case .file:
            taken = try tx.corrections.codeTakenInBox(ofFile: target, code: oldCode)
        }
        if taken {
            throw CorrectionError.cannotRestore(
                thing: thing, code: oldCode,
                reason: Text(
                    vi: "mã \(oldCode) nay đã dùng cho \(thing.text.vi) khác; hãy đổi mã \(thing.text.vi) đó trước",
                    en: "code \(oldCode) now belongs to another \(thing.text.en); rename that one first"))
        }
        try Self.ensureRenamable(tx, subject, thing: thing, code: newCode, id: target)
        try tx.corrections.setCode(subject, id: target, code: oldCode)
        return try appendUndo(tx, of: original, by: who)
    }

    /// Brings a deleted row back under its own id (never given to another row), which its events still name.
    private func undoDelete(_ tx: Stores, original: Event, by who: Attribution) throws -> Event {
        let (subject, thing) = Self.subject(of: original.kind)
        var before = try EventDetail(decoding: original.detail).before ?? [:]
        let code = (before["code"] ?? nil) ?? "?"
        // A delete made before the log became append-only also listed the events it unlinked; they stay unlinked.
        before.removeValue(forKey: "events")
        try Self.ensureRestorable(tx, subject, thing: thing, code: code, before: before)
        let restored = try tx.corrections.reinsert(subject, before: before)
        switch subject {
        case .fonds: return try appendUndo(tx, of: original, by: who, fonds: .some(restored))
        case .box: return try appendUndo(tx, of: original, by: who, box: .some(restored))
        case .file: return try appendUndo(tx, of: original, by: who, file: .some(restored))
        }
    }

    /// Refuses to bring a deleted row back when its code is in use again or what it belongs to is gone.
    private static func ensureRestorable(
        _ tx: Stores, _ subject: Subject, thing: CatalogueError.Thing, code: String, before: [String: String?]
    ) throws {
        func value(_ key: String) -> String? { (before[key] ?? nil) }
        func gone(_ what: Text) -> CorrectionError { .cannotRestore(thing: thing, code: code, reason: what) }
        switch subject {
        case .fonds:
            if try tx.catalogue.fondsId(code: code) != nil {
                throw gone(Text(vi: "mã phông \(code) đã được dùng lại", en: "fonds code \(code) is in use again"))
            }
        case .box:
            if try tx.catalogue.boxId(code: code) != nil {
                throw gone(Text(vi: "mã hộp \(code) đã được dùng lại", en: "box code \(code) is in use again"))
            }
            if try !tx.corrections.exists(.fonds, id: value("fonds_id")) {
                throw gone(
                    Text(
                        vi: "phông \((value("fonds") ?? "?")) của nó đã bị xóa; hãy hoàn tác việc xóa phông trước",
                        en: "its fonds \((value("fonds") ?? "?")) was deleted; undo that first"))
            }
            if let from = value("from_box_id"), try !tx.corrections.exists(.box, id: from) {
                throw gone(Text(vi: "hộp gốc của nó không còn", en: "the box it was made from is gone"))
            }
        case .file:
            guard try tx.corrections.exists(.box, id: value("box_id")) else {
                throw gone(
                    Text(
                        vi: "hộp \((value("box") ?? "?")) của nó đã bị xóa; hãy hoàn tác việc xóa hộp trước",
                        en: "its box \((value("box") ?? "?")) was deleted; undo that first"))
            }
            if try tx.corrections.fileCodeInUse(boxId: value("box_id"), code: value("code")) {
                throw gone(
                    Text(
                        vi: "số hồ sơ \(code) đã được dùng lại trong hộp",
                        en: "file code \(code) is in use again in its box"))
            }
        }
    }

    /// Removes exactly the rows an import added, when none of them has been touched since.
    private func undoImport(_ tx: Stores, original: Event, by who: Attribution) throws -> Event {
        let (subject, _) = Self.subject(of: original.kind)
        let id = original.id ?? 0
        let expected = EventDetail(json: original.detail).count ?? 0
        let found = try tx.corrections.countAdded(subject, by: id)
        if found < expected {
            let deleteKind: EventKind = subject == .box ? .boxDelete : .fileDelete
            if let deleted = try tx.corrections.deletionOfAdded(deleteKind, by: id) {
                let code = deleted.code ?? "?"
                let row = subject == .box ? code : "\(deleted.box ?? "?")/\(code)"
                throw CorrectionError.importRowDeleted(event: id, row: row, by: deleted.event)
            }
            throw CorrectionError.importUntracked(event: id, count: expected)
        }
        if let happened = try History.firstHappening(tx, subject, .addedBy(id), strict: true, time: time) {
            throw CorrectionError.importTouched(event: id, row: happened.row, happened: happened.text)
        }
        // Events that name a row (undone edits and their undos) keep naming it: its id is never given out again.
        try tx.corrections.deleteAdded(subject, by: id)
        var event = Event(
            kind: .undo, attribution: who, time: time,
            detail: EventDetail(count: found, note: original.kind.rawValue))
        event.undoes = original.id
        event.fondsId = original.fondsId
        try tx.events.append(&event)
        return event
    }
}
