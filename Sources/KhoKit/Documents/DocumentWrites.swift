import Foundation
import KhoLocale

extension KhoStore {
    /// Adds a document to a file: numbered `ref.seq`, or the next number when nil. Attributed and undoable.
    @discardableResult
    public func addDocument(
        _ ref: DocumentRef, _ draft: DocumentDraft, by who: Attribution, lang: Lang
    ) throws -> DocumentView {
        try writing { tx in
            let (_, file) = try tx.catalogue.file(ref: ref.file)
            let fileId = file.id ?? 0
            let seq = try ref.seq ?? tx.documents.nextSeq(fileId: fileId)
            if let clash = try tx.documents.document(fileId: fileId, seq: seq) {
                throw DocumentError.duplicateDocument(ref: "\(ref.file)/\(seq)", summary: clash.summary)
            }
            var doc = Self.blankDocument(fileId: fileId, seq: seq)
            try DocumentFields.apply(
                draft, to: &doc, kinds: try tx.documents.kinds(), today: time.day(of: Date()))
            try tx.documents.insert(&doc)
            var event = Event(
                kind: .docAdd, attribution: who, time: time,
                detail: EventDetail(after: ["seq": String(seq)], note: Self.documentNote(doc.id)))
            event.boxId = file.boxId
            event.fileId = fileId
            event.pages = doc.pages
            try tx.events.append(&event)
            return try DocumentQueries.view(tx.documents, doc, lang: lang)
        }
    }

    /// Changes a document's fields; the event keeps the values before and after, so it can be undone.
    @discardableResult
    public func editDocument(
        _ ref: DocumentRef, _ draft: DocumentDraft, by who: Attribution, lang: Lang
    ) throws -> DocumentView {
        try writing { tx in
            let (file, old) = try DocumentQueries.find(tx, ref)
            var doc = old
            try DocumentFields.apply(
                draft, to: &doc, kinds: try tx.documents.kinds(), today: time.day(of: Date()))
            try tx.catalogue.saveChange(old: old, new: doc, kind: .docEdit, by: who, time: time) { event in
                event.boxId = file.boxId
                event.fileId = file.id
                event.detail = Self.withNote(event.detail, Self.documentNote(doc.id))
            }
            return try DocumentQueries.view(tx.documents, doc, lang: lang)
        }
    }

    /// Moves a document to another file (or another number in its file): `to.seq` nil takes the next number there.
    @discardableResult
    public func moveDocument(
        _ ref: DocumentRef, to target: DocumentRef, by who: Attribution, lang: Lang
    ) throws -> DocumentView {
        try writing { tx in
            let (_, old) = try DocumentQueries.find(tx, ref)
            let (_, file) = try tx.catalogue.file(ref: target.file)
            let fileId = file.id ?? 0
            // Within its own file a document keeps its number unless a new one is asked for: no silent renumbering.
            if fileId == old.fileId, target.seq == nil || target.seq == old.seq {
                throw DocumentError.alreadyInFile(doc: "\(target.file)/\(old.seq)", file: target.file.description)
            }
            let seq = try target.seq ?? tx.documents.nextSeq(fileId: fileId)
            if let clash = try tx.documents.document(fileId: fileId, seq: seq), clash.id != old.id {
                throw DocumentError.duplicateDocument(ref: "\(target.file)/\(seq)", summary: clash.summary)
            }
            var doc = old
            doc.fileId = fileId
            doc.seq = seq
            try tx.catalogue.saveChange(old: old, new: doc, kind: .docMove, by: who, time: time) { event in
                event.boxId = file.boxId
                event.fileId = fileId
                event.detail = Self.withNote(event.detail, Self.documentNote(doc.id))
            }
            return try DocumentQueries.view(tx.documents, doc, lang: lang)
        }
    }

    /// Undoes a document event (add: removes it; edit and move: puts the values back), when it is the document's
    /// latest; called by ``undo(eventId:by:)``.
    func undoDocument(_ store: DocumentStore, original: Event) throws {
        guard let id = Self.documentId(original.decodedDetail.note) else { return }
        if let later = try store.laterChange(ofDocument: Self.documentNote(id), after: original.id) {
            throw DocumentError.notUndoableTouched(doc: "#\(id)", event: later)
        }
        switch original.kind {
        case .docAdd:
            try store.delete(id: id)
        default:
            let before = try EventDetail(decoding: original.detail).before ?? [:]
            let columns = Set(DocumentRecord.CodingKeys.allCases.map(\.rawValue))
            for (column, value) in before where columns.contains(column) && column != "id" {
                try store.set(column, to: value, id: id)
            }
        }
    }

    /// Undoes a document import: removes exactly the documents it added, when none has been edited or moved since.
    func undoDocumentImport(_ store: DocumentStore, original: Event) throws {
        if let touched = try store.firstTouched(addedBy: original.id) {
            throw DocumentError.notUndoableTouched(doc: "#\(touched.document)", event: touched.event)
        }
        try store.deleteDocuments(addedBy: original.id)
    }

    static func blankDocument(fileId: Int64, seq: Int) -> DocumentRecord {
        DocumentRecord(
            id: nil, fileId: fileId, seq: seq, kind: nil, number: "", symbol: "", date: "", issuer: "", summary: "",
            language: "", pages: nil, pageFrom: nil, pageTo: nil, sheets: "", autograph: false, condition: "",
            notes: "",
            retention: nil, access: nil, keywords: "", infoSymbol: "", reliability: "", addedEvent: nil)
    }

    static func documentNote(_ id: Int64?) -> String { "document:\(id ?? 0)" }

    static func documentId(_ note: String?) -> Int64? {
        guard let note, note.hasPrefix("document:") else { return nil }
        return Int64(note.dropFirst(9))
    }

    static func withNote(_ json: String, _ note: String) -> String {
        var detail = EventDetail(json: json)
        detail.note = note
        return detail.json
    }
}
