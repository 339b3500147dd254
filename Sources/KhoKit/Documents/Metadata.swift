import Foundation
import KhoLocale

/// Which level `kho export metadata` writes.
public enum MetadataLevel: String, Sendable, CaseIterable {
    case file, document
}

/// One field of the Circular 05/2025 metadata: its name in both languages, in the order the Circular lists them.
public struct MetadataField: Sendable, Hashable {
    public var key: String
    public var name: Text
}

/// The Circular's field lists, as data (one table, so a correction is one line; see REFERENCE.md).
public enum MetadataFields {
    static func f(_ key: String, _ vi: String, _ en: String) -> MetadataField {
        MetadataField(key: key, name: Text(vi: vi, en: en))
    }

    /// File-level fields (*hồ sơ*), in the order the Circular lists them.
    public static let file: [MetadataField] = [
        f("archive_id", "Mã hồ sơ", "File code"),
        f("title", "Tiêu đề hồ sơ", "File title"),
        f("retention", "Thời hạn lưu trữ", "Retention period"),
        f("access", "Mức độ tiếp cận", "Access level"),
        f("language", "Ngôn ngữ", "Language"),
        f("start", "Thời gian bắt đầu", "Start date"),
        f("end", "Thời gian kết thúc", "End date"),
        f("keywords", "Từ khóa", "Keywords"),
        f("documents", "Tổng số tài liệu trong hồ sơ", "Documents in the file"),
        f("sheets", "Số lượng tờ", "Sheets"),
        f("pages", "Số lượng trang", "Pages"),
        f("condition", "Tình trạng vật lý", "Physical condition"),
        f("info_symbol", "Ký hiệu thông tin", "Information symbol"),
        f("reliability", "Mức độ tin cậy", "Reliability"),
        f("paper_code", "Mã hồ sơ gốc giấy", "Paper file code"),
        f("backup_mode", "Chế độ lập tài liệu lưu trữ dự phòng", "Backup copy mode"),
        f("backup_state", "Tình trạng lập tài liệu lưu trữ dự phòng", "Backup copy state"),
        f("digital_file", "Tệp tin hồ sơ", "Digital file"),
    ]

    /// Document-level fields (*tài liệu*), the Circular's 21, in its order.
    public static let document: [MetadataField] = [
        f("identifier", "Mã định danh tài liệu", "Document identifier"),
        f("archive_id", "Mã lưu trữ của tài liệu", "Archival code of the document"),
        f("retention", "Thời hạn lưu trữ", "Retention period"),
        f("kind", "Tên loại tài liệu", "Document type"),
        f("number", "Số của tài liệu", "Document number"),
        f("symbol", "Ký hiệu của tài liệu", "Document symbol"),
        f("date", "Ngày tháng năm tài liệu", "Document date"),
        f("issuer", "Cơ quan, tổ chức, cá nhân ban hành", "Issuing body or person"),
        f("summary", "Trích yếu nội dung", "Summary of contents"),
        f("language", "Ngôn ngữ", "Language"),
        f("pages", "Số lượng trang", "Pages"),
        f("info_symbol", "Ký hiệu thông tin", "Information symbol"),
        f("keywords", "Từ khóa", "Keywords"),
        f("access", "Chế độ sử dụng", "Access"),
        f("reliability", "Mức độ tin cậy", "Reliability"),
        f("autograph", "Bút tích", "Handwritten marks"),
        f("condition", "Tình trạng vật lý", "Physical condition"),
        f("backup_mode", "Chế độ dự phòng", "Backup mode"),
        f("backup_state", "Tình trạng dự phòng", "Backup state"),
        f("workflow", "Quy trình xử lý", "Processing workflow"),
        f("notes", "Ghi chú", "Notes"),
    ]

    public static func fields(_ level: MetadataLevel) -> [MetadataField] { level == .file ? file : document }
}

/// The metadata of every file or document, one row each in the Circular's field order, with the page-range findings.
public struct MetadataExport: Sendable {
    public var level: MetadataLevel
    public var header: [String]
    public var keys: [String]
    public var rows: [[String]]
    public var findings: [PageRangeFinding]
}

extension KhoStore {
    /// The Circular 05/2025 metadata of the catalogue's files or documents (secret files left out), in `lang`.
    public func metadata(_ level: MetadataLevel, fonds: String? = nil, lang: Lang) throws -> MetadataExport {
        try reading { tx in
            var fondsId: Int64?
            if let fonds { fondsId = try tx.catalogue.fonds(code: Clean.code(fonds)).id }
            let files = try Self.metadataFiles(tx.documents, fondsId: fondsId)
            let fields = MetadataFields.fields(level)
            let rows: [[String]]
            switch level {
            case .file:
                rows = files.map { f in fields.map { Self.fileValue($0.key, f, lang) } }
            case .document:
                let byId = Dictionary(uniqueKeysWithValues: files.map { ($0.id, $0) })
                let docs = try tx.documents.allByFile().filter {
                    byId[$0.fileId] != nil
                }
                let views = try DocumentQueries.views(tx.documents, docs, lang: lang)
                let order = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1.id, $0) })
                rows = zip(docs, views).sorted {
                    (order[$0.0.fileId] ?? 0, $0.0.seq) < (order[$1.0.fileId] ?? 0, $1.0.seq)
                }
                .map { doc, view in fields.map { Self.documentValue($0.key, view, file: byId[doc.fileId]!, lang) } }
            }
            return MetadataExport(
                level: level, header: fields.map { $0.name.text(lang) }, keys: fields.map(\.key), rows: rows,
                findings: try tx.documents.pageRangeFindings())
        }
    }

    struct MetadataFile {
        var id: Int64
        var record: FileRecord
        var archiveId: String
        var documents: Int
        var copyPath: String
    }

    private static func metadataFiles(_ store: DocumentStore, fondsId: Int64?) throws -> [MetadataFile] {
        let rows = try store.metadataFiles(fondsId: fondsId)
        let codes = try store.archiveCodes(fileIds: rows.map(\.id), fonds: Set(rows.map(\.fondsId)))
        return rows.map { row in
            MetadataFile(
                id: row.id, record: row.record, archiveId: codes[row.id] ?? "", documents: row.documents,
                copyPath: row.copyPath.map { ($0 as NSString).lastPathComponent } ?? "")
        }
    }

    private static func fileValue(_ key: String, _ f: MetadataFile, _ lang: Lang) -> String {
        let r = f.record
        switch key {
        case "archive_id": return f.archiveId
        case "title": return r.title
        case "retention": return r.retentionValue?.label(lang) ?? ""
        case "access": return r.access.label.text(lang)
        case "language": return r.language
        case "start": return r.startYear.map(String.init) ?? ""
        case "end": return r.endYear.map(String.init) ?? ""
        case "keywords": return r.keywords
        case "documents": return f.documents > 0 ? String(f.documents) : ""
        case "sheets": return r.sheets.map(String.init) ?? ""
        case "pages": return r.pages > 0 ? String(r.pages) : ""
        case "condition": return r.condition.label.text(lang)
        case "info_symbol": return r.infoSymbol
        case "reliability": return r.reliability
        case "paper_code": return r.paperCode
        case "backup_mode": return r.backupMode
        case "backup_state": return r.backupState
        case "digital_file": return f.copyPath
        default: return ""
        }
    }

    private static func documentValue(_ key: String, _ d: DocumentView, file: MetadataFile, _ lang: Lang) -> String {
        switch key {
        case "identifier": return d.identifier
        case "archive_id": return file.archiveId
        case "retention": return Retention(stored: d.retention)?.label(lang) ?? ""
        case "kind": return d.kindName
        case "number": return d.number
        case "symbol": return d.symbol
        case "date": return d.date
        case "issuer": return d.issuer
        case "summary": return d.summary
        case "language": return d.language
        case "pages": return d.pages.map(String.init) ?? ""
        case "info_symbol": return d.infoSymbol
        case "keywords": return d.keywords
        case "access": return (Access(rawValue: d.access) ?? .open).label.text(lang)
        case "reliability": return d.reliability
        case "autograph": return d.autograph ? Text(vi: "Có", en: "Yes").text(lang) : ""
        case "condition": return Condition(rawValue: d.condition)?.label.text(lang) ?? d.condition
        case "backup_mode": return file.record.backupMode
        case "backup_state": return file.record.backupState
        default: return ""
        }
    }
}
