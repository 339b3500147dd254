import Foundation
import GRDB
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
    static func find(_ db: Database, _ ref: DocumentRef) throws -> (FileRecord, DocumentRecord) {
        let (_, file) = try Lookup.file(db, ref: ref.file)
        guard let seq = ref.seq,
            let doc = try DocumentRecord.filter(Column("file_id") == file.id && Column("seq") == seq).fetchOne(db)
        else { throw DocumentError.unknownDocument(ref.description) }
        return (file, doc)
    }

    static func view(_ db: Database, _ doc: DocumentRecord, lang: Lang) throws -> DocumentView {
        try views(db, [doc], lang: lang).first!
    }

    /// Views of `docs`, their files, codes and kinds read once; kind names and warnings in `lang`.
    static func views(_ db: Database, _ docs: [DocumentRecord], lang: Lang) throws -> [DocumentView] {
        let kinds = Dictionary(uniqueKeysWithValues: try DocumentKind.all(db).map { ($0.key, $0) })
        let fileIds = Array(Set(docs.map(\.fileId)))
        var files: [Int64: (ref: String, file: FileRecord, fonds: Int64)] = [:]
        for id in fileIds {
            guard let file = try FileRecord.fetchOne(db, key: id),
                let row = try Row.fetchOne(
                    db, sql: "SELECT code, fonds_id FROM box WHERE id = ?", arguments: [file.boxId])
            else { continue }
            files[id] = ("\(row["code"] as String)/\(file.code)", file, row["fonds_id"])
        }
        let codes = try KhoStore.archiveCodes(db, fileIds: fileIds, fonds: Set(files.values.map(\.fonds)))
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

    /// Documents whose page range runs past the last page of their file's masters (files with masters only).
    static func pageRangeFindings(_ db: Database) throws -> [PageRangeFinding] {
        // Each master's pages bounded, as everywhere: a damaged value cannot overflow the sum.
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.code AS file, d.seq, d.page_to, m.pages
                FROM document d JOIN file f ON f.id = d.file_id JOIN box b ON b.id = f.box_id
                JOIN (SELECT file_id, SUM(\(Bounds.sql("pages"))) AS pages FROM master WHERE NOT missing GROUP BY file_id) m ON m.file_id = d.file_id
                WHERE d.page_to IS NOT NULL AND d.page_to > m.pages
                ORDER BY b.code, f.code, d.seq
                """
        ).map {
            PageRangeFinding(
                document: "\($0["box"] as String)/\($0["file"] as String)/\($0["seq"] as Int)", pageTo: $0["page_to"],
                masterPages: $0["pages"])
        }
    }
}

extension KhoStore {
    /// One document, its kind's name and any warning in `lang`.
    public func document(_ ref: DocumentRef, lang: Lang) throws -> DocumentView {
        try read { db in try DocumentQueries.view(db, try DocumentQueries.find(db, ref).1, lang: lang) }
    }

    /// The documents of a file (in number order), or of every file of a box, or all when `scope` is nil; kind names and
    /// warnings in `lang`.
    public func documents(in scope: String? = nil, search: String? = nil, lang: Lang) throws -> [DocumentView] {
        try read { db in
            var conditions: [SQL] = []
            if let scope {
                if scope.contains("/") {
                    let (_, file) = try Lookup.file(db, ref: try FileRef(parsing: scope))
                    conditions.append("d.file_id = \(file.id)")
                } else {
                    conditions.append("f.box_id = \(try Lookup.box(db, code: scope).id)")
                }
            }
            if let search, let filter = SearchQuery.filter(search, kind: .document, idSQL: "d.id") {
                conditions.append(SQL(sql: filter.sql, arguments: [filter.argument]))
            }
            let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
            let request = SQLRequest<DocumentRecord>(
                literal: """
                    SELECT d.* FROM document d JOIN file f ON f.id = d.file_id JOIN box b ON b.id = f.box_id
                    \(whereSQL) ORDER BY b.code, f.code, d.seq
                    """)
            return try DocumentQueries.views(db, try request.fetchAll(db), lang: lang)
        }
    }

    /// Documents whose page range runs past their file's masters.
    public func documentPageFindings() throws -> [PageRangeFinding] {
        try read { try DocumentQueries.pageRangeFindings($0) }
    }
}
