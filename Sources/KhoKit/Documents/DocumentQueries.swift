import Foundation
import KhoLocale

/// A document as people read it, named `BOX/FILE/SEQ`: its record as it applies (the language, condition, retention
/// and access it inherits from its file filled in; every field read through the view: `view.summary`) and what a
/// list adds — its identifier, its kind's name, the number and symbol as written, a warning about its date.
public struct DocumentView: RecordView, Encodable, Sendable, Hashable {
    /// The document as it applies: its record, with what it inherits from its file filled in.
    public var record: DocumentRecord
    public var ref: String
    /// The file it belongs to, `BOX/FILE`.
    public var file: String
    /// *Mã định danh tài liệu*: `<mã hồ sơ>.<số thứ tự>`; empty while the file has no archival code.
    public var identifier: String
    public var kindName: String
    /// "Số, ký hiệu" as written: `12/QĐ-UBND`.
    public var numberSymbol: String
    /// Said when the date is outside the file's years by more than one; nil otherwise.
    public var warning: String? = nil

    /// Its access level as stored (`open`), the file's when it gives none.
    public var access: String { record.access ?? Access.open.rawValue }

    /// The record's fields with the record's own keys, less its ids and the import that added it, then the view's own.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: LeavingOutEncoder(base: encoder, leaving: ["id", "file_id", "added_event"]))
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(file, forKey: .file)
        try container.encode(identifier, forKey: .identifier)
        try container.encode(kindName, forKey: .kindName)
        try container.encode(numberSymbol, forKey: .numberSymbol)
        try container.encodeIfPresent(warning, forKey: .warning)
    }

    enum CodingKeys: String, CodingKey {
        case ref, file, identifier, warning
        case kindName = "kind_name"
        case numberSymbol = "number_symbol"
    }
}

/// What the last page of a document's range says against the file's masters.
public struct PageRangeFinding: Codable, Sendable, Hashable {
    public var document: String
    public var pageTo: Int
    public var masterPages: Int

    enum CodingKeys: String, CodingKey {
        case document
        case pageTo = "page_to"
        case masterPages = "master_pages"
    }

    public var text: Text {
        Text(
            vi:
                "văn bản \(document) đến trang \(pageTo) nhưng hồ sơ chỉ có \(masterPages) trang bản quét: sửa khoảng trang (kho doc edit \(document) --pages …) hoặc quét bổ sung",
            en:
                "document \(document) runs to page \(pageTo) but the file's masters have \(masterPages) pages: correct the range (kho doc edit \(document) --pages …) or scan the missing pages"
        )
    }
}

enum DocumentQueries {
    static func find(_ tx: Stores, _ ref: DocumentRef) throws -> (FileRecord, DocumentRecord) {
        let (_, file) = try tx.catalogue.file(ref: ref.file)
        guard let seq = ref.seq, let doc = try tx.documents.document(fileId: file.id, seq: seq)
        else { throw DocumentError.unknownDocument(ref.description) }
        return (file, doc)
    }

    static func view(_ store: DocumentStore, _ doc: DocumentRecord, lang: Lang) throws -> DocumentView {
        try views(store, [doc], lang: lang).first!
    }

    /// Views of `docs`, their files, codes and kinds read once; kind names and warnings in `lang`.
    static func views(_ store: DocumentStore, _ docs: [DocumentRecord], lang: Lang) throws -> [DocumentView] {
        let kinds = Dictionary(uniqueKeysWithValues: try store.kinds().map { ($0.key, $0) })
        let fileIds = Array(Set(docs.map(\.fileId)))
        let files = try store.files(ids: fileIds)
        let codes = try store.archiveCodes(fileIds: fileIds, fonds: Set(files.values.map(\.fonds)))
        return docs.map { d in
            let f = files[d.fileId]
            let code = codes[d.fileId].map { "\($0).\(d.seq)" } ?? ""
            let numberSymbol = [d.number, d.symbol].filter { !$0.isEmpty }.joined(separator: "/")
            // The document as it applies: what it does not say, its file does.
            var applies = d
            if d.language.isEmpty { applies.language = f?.file.language ?? "" }
            if d.condition.isEmpty { applies.condition = f?.file.condition.rawValue ?? "" }
            applies.retention = d.retention ?? f?.file.retention
            applies.access = d.access ?? f?.file.access.rawValue ?? Access.open.rawValue
            return DocumentView(
                record: applies, ref: "\(f?.ref ?? "?")/\(d.seq)", file: f?.ref ?? "?", identifier: code,
                kindName: d.kind.flatMap { kinds[$0]?.name(lang) } ?? "", numberSymbol: numberSymbol,
                warning: f.flatMap { DocumentFields.yearWarning(date: d.date, file: $0.file) }.map { $0(lang) })
        }
    }

}

extension KhoStore {
    /// One document, its kind's name and any warning in `lang`.
    public func document(_ ref: DocumentRef, lang: Lang) throws -> DocumentView {
        try reading { tx in try DocumentQueries.view(tx.documents, try DocumentQueries.find(tx, ref).1, lang: lang) }
    }

    /// The documents of a file (in number order), or of every file of a box, or all when `scope` is nil; kind names and
    /// warnings in `lang`.
    public func documents(in scope: String? = nil, search: String? = nil, lang: Lang) throws -> [DocumentView] {
        try reading { tx in
            var documents = DocumentStore.Scope.all
            if let scope {
                if scope.contains("/") {
                    let (_, file) = try tx.catalogue.file(ref: try FileRef(parsing: scope))
                    documents = .file(file.id)
                } else {
                    documents = .box(try tx.catalogue.box(code: scope).id)
                }
            }
            return try DocumentQueries.views(
                tx.documents, try tx.documents.documents(documents, search: search), lang: lang)
        }
    }

    /// Documents whose page range runs past their file's masters.
    public func documentPageFindings() throws -> [PageRangeFinding] {
        try reading { tx in try tx.documents.pageRangeFindings() }
    }
}
