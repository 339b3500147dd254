/// Where an item of the destruction list stands.
public enum WeedListStage: String, Sendable, Codable, Hashable {
    case proposed, approved, destroyed
}

/// One fonds' destruction list (*danh mục tài liệu hết giá trị*), rows in box order as the caller sorted them.
public struct WeedListFonds: Sendable, Codable, Hashable {
    /// The fonds code.
    public var code: String
    /// The fonds name.
    public var name: String
    /// The groups of records proposed for destruction.
    public var rows: [WeedListRow]

    /// Makes one fonds' list.
    public init(code: String, name: String, rows: [WeedListRow]) {
        self.code = code
        self.name = name
        self.rows = rows
    }
}

/// One group of records on the destruction list, with the fields of the form the appraisal council reviews.
public struct WeedListRow: Sendable, Codable, Hashable {
    /// The box as received the records were weeded from.
    public var box: String
    /// The name of the group of records (*tên loại/nhóm tài liệu*).
    public var title: String
    /// The first year, if known.
    public var startYear: Int?
    /// The last year, if known.
    public var endYear: Int?
    /// Linear metres, when given.
    public var metres: Double?
    /// Sheets, when given.
    public var sheets: Int?
    /// Why it may be destroyed (*lý do hủy*).
    public var reason: String
    /// Notes (*ghi chú*).
    public var notes: String
    /// Where it stands.
    public var stage: WeedListStage
    /// The council's decision and its day (`YYYY-MM-DD`), once approved.
    public var decision: String?
    public var decisionDay: String?
    /// The destruction record and its day, once destroyed.
    public var record: String?
    public var recordDay: String?

    /// Makes a row.
    public init(
        box: String, title: String, startYear: Int? = nil, endYear: Int? = nil, metres: Double? = nil,
        sheets: Int? = nil,
        reason: String, notes: String = "", stage: WeedListStage = .proposed, decision: String? = nil,
        decisionDay: String? = nil,
        record: String? = nil, recordDay: String? = nil
    ) {
        self.box = box
        self.title = title
        self.startYear = startYear
        self.endYear = endYear
        self.metres = metres
        self.sheets = sheets
        self.reason = reason
        self.notes = notes
        self.stage = stage
        self.decision = decision
        self.decisionDay = decisionDay
        self.record = record
        self.recordDay = recordDay
    }
}

/// The derived fields of the list: years, quantity, the notes cell, totals.
enum WeedListFields {
    /// The years, as kho writes them everywhere (``Format/years(_:_:)``).
    static func years(_ row: WeedListRow) -> String { Format.years(row.startYear, row.endYear) }

    /// "0,15 m", "120 tờ", "0,02 m (120 tờ)".
    static func quantity(metres: Double?, sheets: Int?, _ lang: Lang) -> String {
        let m = metres.map { Format.decimal($0, maxFractionDigits: 3, lang: lang) + " m" }
        let s = sheets.map { T.sheetCount($0, lang) }
        switch (m, s) {
        case let (m?, s?): return "\(m) (\(s))"
        case let (m?, nil): return m
        case let (nil, s?): return s
        default: return ""
        }
    }

    /// The notes cell: the box, the notes, and the decision or destruction record.
    static func notes(_ row: WeedListRow, _ lang: Lang) -> String {
        var parts = [WT.box.text(lang) + " " + row.box]
        if !row.notes.isEmpty { parts.append(row.notes) }
        if let decision = row.decision {
            parts.append(
                WT.approvedBy.text(lang) + " " + decision
                    + (row.decisionDay.map { " (" + DateFormat.day($0, lang: lang) + ")" } ?? ""))
        }
        if let record = row.record {
            parts.append(
                WT.destroyedBy.text(lang) + " " + record
                    + (row.recordDay.map { " (" + DateFormat.day($0, lang: lang) + ")" } ?? ""))
        }
        return parts.joined(separator: "; ")
    }

    /// The total metres and sheets of `rows`.
    static func totals(_ rows: [WeedListRow]) -> (metres: Double, sheets: Int) {
        // Summed in millimetres, as the catalogue counts them, so that the total is exact.
        let mm = rows.reduce(Int64(0)) { $0 + Int64((($1.metres ?? 0) * 1000).rounded()) }
        return (Double(mm) / 1000, rows.reduce(0) { $0 + ($1.sheets ?? 0) })
    }

    /// The column headers of the form, in its order.
    static func headers(_ lang: Lang) -> [String] {
        [WT.colNo, WT.colTitle, WT.colYears, WT.colQuantity, WT.colReason, WT.colNotes].map { $0.text(lang) }
    }
}

/// The fixed words of the destruction list.
enum WT {
    static let title = Text(vi: "DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ", en: "LIST OF RECORDS PROPOSED FOR DESTRUCTION")
    static let council = Text(vi: "HỘI ĐỒNG XÁC ĐỊNH GIÁ TRỊ TÀI LIỆU", en: "APPRAISAL COUNCIL")
    static let nation = Text(vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIET NAM")
    static let motto = Text(vi: "Độc lập - Tự do - Hạnh phúc", en: "Independence - Freedom - Happiness")
    static let fonds = Text(vi: "Phông lưu trữ", en: "Fonds")
    static let colNo = Text(vi: "STT", en: "No.")
    static let colTitle = Text(vi: "Tên loại/nhóm tài liệu", en: "Records (type or group)")
    static let colYears = Text(vi: "Thời gian", en: "Dates")
    static let colQuantity = Text(vi: "Số lượng", en: "Quantity")
    static let colReason = Text(vi: "Lý do hủy", en: "Reason for destruction")
    static let colNotes = Text(vi: "Ghi chú", en: "Notes")
    static let colBox = Text(vi: "Hộp số", en: "Box no.")
    static let colFondsCode = Text(vi: "Mã phông", en: "Fonds code")
    static let colFondsName = Text(vi: "Tên phông", en: "Fonds name")
    static let colStage = Text(vi: "Tình trạng", en: "Stage")
    static let box = Text(vi: "Hộp", en: "Box")
    static let approvedBy = Text(vi: "Đã duyệt theo", en: "Approved by")
    static let destroyedBy = Text(vi: "Đã hủy theo", en: "Destroyed under")
    static let total = Text(vi: "Tổng cộng", en: "Total")
    static let groups = Text(vi: "nhóm tài liệu", en: "groups of records")
    static let noItems = Text(
        vi: "Chưa có tài liệu nào được đề nghị hủy.", en: "No records are proposed for destruction yet.")
    static let place = Text(vi: "…………, ngày …… tháng …… năm 20……", en: "…………, on …… / …… / 20……")
    static let compiler = Text(vi: "NGƯỜI LẬP DANH MỤC", en: "COMPILED BY")
    static let secretary = Text(vi: "THƯ KÝ HỘI ĐỒNG", en: "SECRETARY OF THE COUNCIL")
    static let chair = Text(vi: "CHỦ TỊCH HỘI ĐỒNG", en: "CHAIR OF THE COUNCIL")
    static let sign = Text(vi: "(Ký, ghi rõ họ tên)", en: "(Signature and full name)")
    static let signSeal = Text(vi: "(Ký tên, đóng dấu)", en: "(Signature and seal)")
    static func stage(_ stage: WeedListStage) -> Text {
        switch stage {
        case .proposed: Text(vi: "chờ Hội đồng duyệt", en: "waiting for the council")
        case .approved: Text(vi: "đã duyệt, chờ hủy", en: "approved, not yet destroyed")
        case .destroyed: Text(vi: "đã hủy", en: "destroyed")
        }
    }
}
