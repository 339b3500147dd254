import Foundation
import KhoLocale

/// A kind of document (*tên loại văn bản*): Quyết định, Công văn, Tờ trình… The built-in list follows the kinds of
/// administrative documents of Decree 30/2020 a commune files; `kho doc kind add` extends it in the catalogue.
public struct DocumentKind: Codable, Sendable, Hashable {
    /// The key stored and typed: `quyet_dinh`.
    public var key: String
    public var vi: String
    public var en: String
    /// The abbreviation used in document symbols (`QĐ` in `12/QĐ-UBND`).
    public var abbreviation: String

    public init(key: String, vi: String, en: String, abbreviation: String = "") {
        self.key = key
        self.vi = vi
        self.en = en
        self.abbreviation = abbreviation
    }

    /// The name in `lang`.
    public func name(_ lang: Lang) -> String { lang == .vi ? vi : en }

    /// The kinds every catalogue starts with.
    static let builtIn: [DocumentKind] = [
        .init(key: "nghi_quyet", vi: "Nghị quyết", en: "Resolution", abbreviation: "NQ"),
        .init(key: "quyet_dinh", vi: "Quyết định", en: "Decision", abbreviation: "QĐ"),
        .init(key: "chi_thi", vi: "Chỉ thị", en: "Directive", abbreviation: "CT"),
        .init(key: "quy_che", vi: "Quy chế", en: "Regulation", abbreviation: "QC"),
        .init(key: "thong_bao", vi: "Thông báo", en: "Notice", abbreviation: "TB"),
        .init(key: "huong_dan", vi: "Hướng dẫn", en: "Guidance", abbreviation: "HD"),
        .init(key: "chuong_trinh", vi: "Chương trình", en: "Programme", abbreviation: "CTr"),
        .init(key: "ke_hoach", vi: "Kế hoạch", en: "Plan", abbreviation: "KH"),
        .init(key: "phuong_an", vi: "Phương án", en: "Scheme", abbreviation: "PA"),
        .init(key: "de_an", vi: "Đề án", en: "Project", abbreviation: "ĐA"),
        .init(key: "bao_cao", vi: "Báo cáo", en: "Report", abbreviation: "BC"),
        .init(key: "bien_ban", vi: "Biên bản", en: "Minutes", abbreviation: "BB"),
        .init(key: "to_trinh", vi: "Tờ trình", en: "Submission", abbreviation: "TTr"),
        .init(key: "hop_dong", vi: "Hợp đồng", en: "Contract", abbreviation: "HĐ"),
        .init(key: "cong_van", vi: "Công văn", en: "Official letter", abbreviation: "CV"),
        .init(key: "cong_dien", vi: "Công điện", en: "Official telegram", abbreviation: "CĐ"),
        .init(key: "giay_moi", vi: "Giấy mời", en: "Invitation", abbreviation: "GM"),
        .init(key: "giay_chung_nhan", vi: "Giấy chứng nhận", en: "Certificate", abbreviation: "GCN"),
        .init(key: "giay_xac_nhan", vi: "Giấy xác nhận", en: "Confirmation", abbreviation: "GXN"),
        .init(key: "danh_sach", vi: "Danh sách", en: "List", abbreviation: "DS"),
        .init(key: "don", vi: "Đơn", en: "Petition", abbreviation: ""),
        .init(key: "to_khai", vi: "Tờ khai", en: "Declaration form", abbreviation: ""),
        .init(key: "ban_do", vi: "Bản đồ", en: "Map", abbreviation: ""),
        .init(key: "ban_ve", vi: "Bản vẽ", en: "Drawing", abbreviation: ""),
        .init(key: "khac", vi: "Khác", en: "Other", abbreviation: ""),
    ]

    /// The kind `input` names: its key, its Vietnamese or English name or its abbreviation, case and diacritics ignored.
    static func parse(_ input: String, in kinds: [DocumentKind]) -> DocumentKind? {
        let key = SearchFold.fold(input).replacingOccurrences(of: " ", with: "_").replacingOccurrences(
            of: "-", with: "_")
        guard !key.isEmpty else { return nil }
        return kinds.first { kind in
            [kind.key, kind.vi, kind.en, kind.abbreviation].contains {
                !$0.isEmpty
                    && SearchFold.fold($0).replacingOccurrences(of: " ", with: "_").replacingOccurrences(
                        of: "-", with: "_") == key
            }
        }
    }
}

extension KhoStore {
    /// The document kinds of the catalogue.
    public func documentKinds() throws -> [DocumentKind] { try reading { tx in try tx.documents.kinds() } }

    /// Adds a document kind (attributed as a setting change).
    @discardableResult
    public func addDocumentKind(_ kind: DocumentKind, by who: Attribution) throws -> DocumentKind {
        try writing { tx in
            let key = SearchFold.fold(Clean.text(kind.key)).replacingOccurrences(of: " ", with: "_")
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw DocumentError.badKindKey(kind.key)
            }
            let kinds = try tx.documents.kinds()
            if let clash = kinds.first(where: { $0.key == key }) {
                throw DocumentError.duplicateKind(key: key, name: clash.vi)
            }
            let made = DocumentKind(
                key: key, vi: try Clean.line(kind.vi, .notes),
                en: try Clean.line(kind.en.isEmpty ? kind.vi : kind.en, .notes),
                abbreviation: try Clean.line(kind.abbreviation, .notes))
            guard !made.vi.isEmpty else { throw CatalogueError.emptyText(.notes) }
            try tx.documents.insert(kind: made)
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(after: ["document_kind": made.key, "vi": made.vi], note: "document_kind"))
            try tx.events.append(&event)
            return made
        }
    }
}
