import Foundation
import KhoLocale

/// A document as people read it: named `BOX/FILE/NO`, with its identifier (*mã định danh*) and the fields it takes
/// from its file when not set (retention, access, language).
public struct DocumentView: Codable, Sendable, Hashable {
    public var ref: String
    public var file: String
    public var seq: Int
    /// *Mã định danh tài liệu*: `<mã hồ sơ>.<số thứ tự>`; empty while the file has no archival code.
    public var identifier: String
    public var kind: String?
    public var kindName: String
    public var number: String
    public var symbol: String
    /// "Số, ký hiệu" as written: `12/QĐ-UBND`.
    public var numberSymbol: String
    public var date: String
    public var issuer: String
    public var summary: String
    public var language: String
    public var pages: Int?
    public var pageFrom: Int?
    public var pageTo: Int?
    public var sheets: String
    public var autograph: Bool
    public var condition: String
    public var notes: String
    public var retention: String?
    public var access: String
    public var keywords: String
    public var infoSymbol: String
    public var reliability: String
    /// Said when the date is outside the file's years by more than one; nil otherwise.
    public var warning: String? = nil

    enum CodingKeys: String, CodingKey {
        case ref, file, seq, identifier, kind, number, symbol, date, issuer, summary, language, pages, sheets, autograph
        case warning
        case condition, notes, retention, access, keywords, reliability
        case kindName = "kind_name"
        case numberSymbol = "number_symbol"
        case pageFrom = "page_from"
        case pageTo = "page_to"
        case infoSymbol = "info_symbol"
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
            return DocumentView(
                ref: "\(f?.ref ?? "?")/\(d.seq)", file: f?.ref ?? "?", seq: d.seq, identifier: code, kind: d.kind,
                kindName: d.kind.flatMap { kinds[$0]?.name(lang) } ?? "", number: d.number, symbol: d.symbol,
                numberSymbol: numberSymbol,
                date: d.date, issuer: d.issuer, summary: d.summary,
                language: d.language.isEmpty ? (f?.file.language ?? "") : d.language,
                pages: d.pages, pageFrom: d.pageFrom, pageTo: d.pageTo, sheets: d.sheets, autograph: d.autograph,
                condition: d.condition.isEmpty ? (f?.file.condition.rawValue ?? "") : d.condition, notes: d.notes,
                retention: d.retention ?? f?.file.retention,
                access: d.access ?? f?.file.access.rawValue ?? Access.open.rawValue,
                keywords: d.keywords, infoSymbol: d.infoSymbol, reliability: d.reliability,
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
