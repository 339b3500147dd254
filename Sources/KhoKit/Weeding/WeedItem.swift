import Foundation
import GRDB

/// Where an item of the destruction list stands: proposed (waiting for the appraisal council), approved by the
/// council (waiting for destruction), destroyed.
public enum WeedStage: String, Vocabulary {
    case proposed, approved, destroyed

    public var label: Text {
        switch self {
        case .proposed: Text(vi: "chờ Hội đồng duyệt", en: "waiting for the council")
        case .approved: Text(vi: "đã duyệt, chờ hủy", en: "approved, not yet destroyed")
        case .destroyed: Text(vi: "đã hủy", en: "destroyed")
        }
    }

    public var aliases: [String] {
        switch self {
        case .proposed: ["đề nghị", "chờ duyệt", "pending"]
        case .approved: ["đã duyệt", "duyệt"]
        case .destroyed: ["hủy", "huỷ", "đã huỷ"]
        }
    }
}

/// A group of records proposed for destruction, as a person typed it (options or a CSV row), before it is checked.
public struct WeedDraft: Sendable, Hashable {
    /// The box as received that the records were weeded from.
    public var box: String
    /// The name of the group of records (*tên loại/nhóm tài liệu*).
    public var title: String
    /// The years, `1995`, `1995-1996` or `1995 - 1996`.
    public var years: String?
    /// `0,15 m`, `120 tờ` or both.
    public var quantity: String
    /// Why it may be destroyed (*lý do hủy*).
    public var reason: String
    public var notes: String?

    public init(
        box: String, title: String, years: String? = nil, quantity: String, reason: String, notes: String? = nil
    ) {
        self.box = box
        self.title = title
        self.years = years
        self.quantity = quantity
        self.reason = reason
        self.notes = notes
    }
}

/// An item of the destruction list as people read it.
public struct WeedItemView: Codable, Sendable, Hashable {
    public var id: Int64
    public var box: String
    public var fonds: String
    public var title: String
    public var startYear: Int?
    public var endYear: Int?
    public var quantity: WeedQuantity
    public var reason: String
    public var notes: String
    public var stage: WeedStage
    /// The council's decision and its day, once approved.
    public var decision: String?
    public var decisionDay: String?
    /// The destruction record and its day, once destroyed.
    public var record: String?
    public var recordDay: String?
    /// The event that proposed it (`weed.add` or `import.weed`).
    public var event: Int64

    enum CodingKeys: String, CodingKey {
        case id, box, fonds, title, quantity, reason, notes, stage, decision, record, event
        case startYear = "start_year"
        case endYear = "end_year"
        case decisionDay = "decision_day"
        case recordDay = "record_day"
    }
}

/// How a box's list adds up: the metres proposed against what its arrangement left out (extent − kept).
public struct WeedBalance: Codable, Sendable, Hashable {
    public var box: String
    public var fonds: String
    public var arrangement: ArrangementState
    public var extentMM: Int64
    public var keptMM: Int64?
    /// Σ metres of the box's items (every stage), in millimetres; items given only in sheets add nothing.
    public var proposedMM: Int64
    /// Σ sheets of the box's items.
    public var sheets: Int
    /// Σ sheets of the items given in sheets only (which add nothing to the metres).
    public var sheetsWithoutMetres: Int
    public var items: Int

    /// What arrangement left out, once it is finished.
    public var leftOutMM: Int64? {
        guard arrangement == .arranged else { return nil }
        return extentMM - (keptMM ?? extentMM)
    }

    /// Whether the list adds up: the box is arranged and its items' metres are what arrangement left out.
    public var balanced: Bool { leftOutMM == proposedMM }

    enum CodingKeys: String, CodingKey {
        case box, fonds, arrangement, sheets, items, balanced
        case sheetsWithoutMetres = "sheets_without_metres"
        case extentMM = "extent_mm"
        case keptMM = "kept_mm"
        case proposedMM = "proposed_mm"
        case leftOutMM = "left_out_mm"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(box, forKey: .box)
        try c.encode(fonds, forKey: .fonds)
        try c.encode(arrangement, forKey: .arrangement)
        try c.encode(extentMM, forKey: .extentMM)
        try c.encode(keptMM, forKey: .keptMM)
        try c.encode(proposedMM, forKey: .proposedMM)
        try c.encode(leftOutMM, forKey: .leftOutMM)
        try c.encode(sheets, forKey: .sheets)
        try c.encode(sheetsWithoutMetres, forKey: .sheetsWithoutMetres)
        try c.encode(items, forKey: .items)
        try c.encode(balanced, forKey: .balanced)
    }

    public init(
        box: String, fonds: String, arrangement: ArrangementState, extentMM: Int64, keptMM: Int64?, proposedMM: Int64,
        sheets: Int,
        sheetsWithoutMetres: Int = 0, items: Int
    ) {
        self.sheetsWithoutMetres = sheetsWithoutMetres
        self.box = box
        self.fonds = fonds
        self.arrangement = arrangement
        self.extentMM = extentMM
        self.keptMM = keptMM
        self.proposedMM = proposedMM
        self.sheets = sheets
        self.items = items
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            box: try c.decode(String.self, forKey: .box), fonds: try c.decode(String.self, forKey: .fonds),
            arrangement: try c.decode(ArrangementState.self, forKey: .arrangement),
            extentMM: try c.decode(Int64.self, forKey: .extentMM),
            keptMM: try c.decodeIfPresent(Int64.self, forKey: .keptMM),
            proposedMM: try c.decode(Int64.self, forKey: .proposedMM),
            sheets: try c.decode(Int.self, forKey: .sheets),
            sheetsWithoutMetres: try c.decodeIfPresent(Int.self, forKey: .sheetsWithoutMetres) ?? 0,
            items: try c.decode(Int.self, forKey: .items))
    }
}

/// What `kho weed approve` or `kho weed destroyed` recorded.
public struct WeedStepResult: Codable, Sendable, Hashable {
    public var fonds: String
    public var items: Int
    public var metres: Double
    public var sheets: Int
    public var reference: String
    public var day: String
    public var event: Int64

    /// The metres and sheets of the step, as a quantity.
    public var quantity: WeedQuantity {
        WeedQuantity(millimetres: Int64((metres * 1000).rounded()), sheets: sheets > 0 ? sheets : nil)
    }
}

/// Which items `kho weed list` shows.
public struct WeedFilter: Sendable, Hashable {
    public var fonds: String?
    public var box: String?
    public var stage: String?

    public init(fonds: String? = nil, box: String? = nil, stage: String? = nil) {
        self.fonds = fonds
        self.box = box
        self.stage = stage
    }
}

/// A checked item, ready to insert.
struct WeedRecord {
    var boxId: Int64
    var fondsId: Int64
    var title: String
    var startYear: Int?
    var endYear: Int?
    var quantity: WeedQuantity
    var reason: String
    var notes: String
}
