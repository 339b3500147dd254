import Foundation
import GRDB

extension KhoStore {
    /// Registers a fonds. When the method returns, the fonds and its event are in the catalogue.
    @discardableResult
    public func addFonds(code: String, name: String, notes: String? = nil, by who: Attribution) throws -> Fonds {
        try writing { tx in
            let code = try Clean.newCode(code, .fonds)
            let name = try Clean.line(name, .fondsName)
            guard !name.isEmpty else { throw CatalogueError.emptyText(.fondsName) }
            let notes = try Clean.notes(notes)
            if let existing = try tx.catalogue.existingFonds(code: code) {
                throw CatalogueError.duplicateFonds(code: code, name: existing.name)
            }
            var fonds = Fonds(id: nil, code: code, name: name, notes: notes)
            try tx.catalogue.insert(&fonds)
            var event = Event(kind: .fondsAdd, attribution: who, time: time)
            event.fondsId = fonds.id
            try tx.events.append(&event)
            return fonds
        }
    }

    /// Registers a box. When the method returns, the box and its event are in the catalogue.
    @discardableResult
    public func registerBox(_ draft: BoxDraft, by who: Attribution) throws -> Box {
        try writing { tx in try Self.insertBox(tx, draft: draft, by: who, time: time) }
    }

    static func insertBox(_ tx: Stores, draft: BoxDraft, by who: Attribution, time: LocalTime) throws -> Box {
        var box = try draft.validated(
            fondsId: { try tx.catalogue.fondsId(code: $0) }, boxId: { try tx.catalogue.boxId(code: $0) })
        if let from = box.fromBoxId, let parent = try tx.catalogue.box(id: from) { draft.inherit(&box, from: parent) }
        if let existing = try tx.catalogue.existingBox(code: box.code) {
            throw CatalogueError.duplicateBox(
                code: box.code, fonds: try tx.catalogue.fondsCode(id: existing.fondsId), location: existing.location)
        }
        try tx.catalogue.insert(&box)
        var event = Event(kind: .boxAdd, attribution: who, time: time)
        event.fondsId = box.fondsId
        event.boxId = box.id
        event.metresMM = box.extentMM
        try tx.events.append(&event)
        try tx.catalogue.setBoxAddedBy(box.id, event: event.id)
        return box
    }

    /// Registers a file. When the method returns, the file and its event are in the catalogue.
    @discardableResult
    public func registerFile(_ draft: FileDraft, by who: Attribution) throws -> FileRecord {
        try writing { tx in
            var file = try draft.validated(boxId: { try tx.catalogue.boxId(code: $0) })
            if let existing = try tx.catalogue.existingFile(boxId: file.boxId, code: file.code) {
                throw CatalogueError.duplicateFile(
                    ref: FileRef(box: Clean.code(draft.ref.box), file: file.code).description, title: existing.title)
            }
            try tx.catalogue.insert(&file)
            var event = Event(kind: .fileAdd, attribution: who, time: time)
            event.boxId = file.boxId
            event.fileId = file.id
            event.sheets = file.sheets
            try tx.events.append(&event)
            try tx.catalogue.setFileAddedBy(file.id, event: event.id)
            return file
        }
    }
}
