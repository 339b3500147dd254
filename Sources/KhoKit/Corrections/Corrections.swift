import Foundation

extension KhoStore {
    /// Gives a box a new code; refused when a file in it has a delivered PDF/A copy or masters on record (their folder
    /// is named by the code). The event keeps the old code, so it can be undone.
    @discardableResult
    public func renameBox(_ code: String, to newCode: String, by who: Attribution) throws -> Box {
        try holdingWorkLock(.rename, by: who) {
            try writing { tx in
                let old = try tx.catalogue.box(code: code)
                let new = try Clean.newCode(newCode, .box)
                guard new != old.code else { throw CorrectionError.sameCode(thing: .box, code: old.code) }
                if let taken = try tx.catalogue.existingBox(code: new) {
                    throw CatalogueError.duplicateBox(
                        code: new, fonds: try tx.catalogue.fondsCode(id: taken.fondsId), location: taken.location)
                }
                try Self.ensureRenamable(tx, .box, thing: .box, code: old.code, id: old.id)
                var box = old
                box.code = new
                try tx.catalogue.saveChange(old: old, new: box, kind: .boxRename, by: who, time: time) { event in
                    event.boxId = box.id
                    event.fondsId = box.fondsId
                }
                return box
            }
        }
    }

    /// Gives a file a new code in its box; refused as ``renameBox(_:to:by:)`` is.
    @discardableResult
    public func renameFile(_ ref: FileRef, to newCode: String, by who: Attribution) throws -> FileRecord {
        try holdingWorkLock(.rename, by: who) {
            try writing { tx in
                let (box, old) = try tx.catalogue.file(ref: ref)
                let new = try Clean.newCode(newCode, .file)
                let name = "\(box.code)/\(old.code)"
                guard new != old.code else { throw CorrectionError.sameCode(thing: .file, code: name) }
                if let taken = try tx.catalogue.existingFile(boxId: old.boxId, code: new) {
                    throw CatalogueError.duplicateFile(ref: "\(box.code)/\(new)", title: taken.title)
                }
                try Self.ensureRenamable(tx, .file, thing: .file, code: name, id: old.id)
                var file = old
                file.code = new
                try tx.catalogue.saveChange(old: old, new: file, kind: .fileRename, by: who, time: time) { event in
                    event.boxId = file.boxId
                    event.fileId = file.id
                    event.fondsId = box.fondsId
                }
                return file
            }
        }
    }

    /// Gives a fonds a new code; refused when a file of the fonds has a delivered PDF/A copy (the code is in it).
    @discardableResult
    public func renameFonds(_ code: String, to newCode: String, by who: Attribution) throws -> Fonds {
        try holdingWorkLock(.rename, by: who) {
            try writing { tx in
                let old = try tx.catalogue.fonds(code: Clean.code(code))
                let new = try Clean.newCode(newCode, .fonds)
                guard new != old.code else { throw CorrectionError.sameCode(thing: .fonds, code: old.code) }
                if let taken = try tx.catalogue.existingFonds(code: new) {
                    throw CatalogueError.duplicateFonds(code: new, name: taken.name)
                }
                try Self.ensureRenamable(tx, .fonds, thing: .fonds, code: old.code, id: old.id)
                var fonds = old
                fonds.code = new
                try tx.catalogue.saveChange(old: old, new: fonds, kind: .fondsRename, by: who, time: time) { event in
                    event.fondsId = fonds.id
                }
                return fonds
            }
        }
    }

    /// Refuses a rename when a file of the fonds, box or file `id` has a PDF/A copy, or (boxes and files) masters on
    /// record.
    static func ensureRenamable(
        _ tx: Stores, _ subject: Subject, thing: CatalogueError.Thing, code: String, id: Int64?
    ) throws {
        if let copy = try tx.corrections.deliveredCopy(in: subject, id: id) {
            throw CorrectionError.deliveredCopy(thing: thing, code: code, file: copy.file, archiveId: copy.archiveId)
        }
        guard thing != .fonds else { return }
        if let found = try tx.corrections.mastersOnRecord(in: subject, id: id) {
            throw CorrectionError.mastersInFolder(
                thing: thing, code: code, file: "\(found.box)/\(found.file)", masters: found.masters,
                folder: (found.root as NSString).appendingPathComponent("\(found.box)/\(found.file)"))
        }
    }

    /// Deletes a file registered by mistake, when nothing has happened to it (``History``). The event keeps the whole
    /// row, so `kho undo` brings it back under the same id, which the events that named it still name.
    @discardableResult
    public func deleteFile(_ ref: FileRef, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try writing { tx in
                let (box, file) = try tx.catalogue.file(ref: ref)
                let name = "\(box.code)/\(file.code)"
                return try deleteRow(tx, .file, id: file.id ?? 0, code: name, extra: ["box": box.code], by: who) {
                    event in
                    event.boxId = box.id
                    event.fondsId = box.fondsId
                    event.sheets = file.sheets
                }
            }
        }
    }

    /// Deletes a box registered by mistake, when nothing has happened to it and it holds no files.
    @discardableResult
    public func deleteBox(_ code: String, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try writing { tx in
                let box = try tx.catalogue.box(code: code)
                let fonds = try tx.catalogue.fondsCode(id: box.fondsId)
                return try deleteRow(tx, .box, id: box.id ?? 0, code: box.code, extra: ["fonds": fonds], by: who) {
                    event in
                    event.fondsId = box.fondsId
                    event.metresMM = box.fromBoxId == nil ? box.extentMM : nil
                }
            }
        }
    }

    /// Deletes a fonds registered by mistake, when nothing has happened to it and it holds no boxes.
    @discardableResult
    public func deleteFonds(_ code: String, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try writing { tx in
                let fonds = try tx.catalogue.fonds(code: Clean.code(code))
                return try deleteRow(tx, .fonds, id: fonds.id ?? 0, code: fonds.code, extra: [:], by: who) { _ in }
            }
        }
    }

    /// Deletes one row when nothing has happened to it; the delete event keeps every column of the row, for the undo.
    private func deleteRow(
        _ tx: Stores, _ subject: Subject, id: Int64, code: String, extra: [String: String?], by who: Attribution,
        target: (inout Event) -> Void
    ) throws -> Event {
        let thing: CatalogueError.Thing = subject == .fonds ? .fonds : subject == .box ? .box : .file
        if let happened = try History.firstHappening(tx, subject, .one(id), strict: false, time: time) {
            throw CorrectionError.notUntouched(thing: thing, code: code, happened: happened.text)
        }
        var before = extra
        for (column, value) in try tx.corrections.columns(of: subject, id: id) { before[column] = value }
        // The events that name the row keep naming it: its id is never given to another row (AUTOINCREMENT).
        try tx.corrections.delete(subject, id: id)
        let kind: EventKind = subject == .fonds ? .fondsDelete : subject == .box ? .boxDelete : .fileDelete
        var event = Event(kind: kind, attribution: who, time: time, detail: EventDetail(before: before))
        target(&event)
        try tx.events.append(&event)
        return event
    }
}
