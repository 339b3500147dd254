import Foundation
import KhoReport

extension KhoStore {
    /// The items of the destruction list matching `filter`, in box order.
    public func weedItems(_ filter: WeedFilter = WeedFilter()) throws -> [WeedItemView] {
        try reading { tx in
            let fonds = try filter.fonds.map { try tx.catalogue.fonds(code: Clean.code($0)) }
            let box = try filter.box.map { try tx.catalogue.box(code: $0) }
            var stage: WeedStage?
            if let text = filter.stage {
                guard let s = WeedStage.parse(text) else {
                    throw FilterError.badValue(field: "--stage", value: text, allowed: WeedStage.keys)
                }
                stage = s
            }
            return try tx.weeding.items(.matching(fonds: fonds, box: box, stage: stage))
        }
    }

    /// How each box's list adds up (boxes with items, and arranged boxes that left something out), in box order.
    public func weedBalances(fonds: String? = nil) throws -> [WeedBalance] {
        try reading { tx in
            guard let fonds else { return try tx.weeding.balances(.all) }
            return try tx.weeding.balances(.fonds(try tx.catalogue.fonds(code: Clean.code(fonds))))
        }
    }

    /// The destruction list of each fonds (or one), as the appraisal council reviews it, in box order.
    public func weedList(fonds: String? = nil) throws -> [WeedListFonds] {
        let items = try weedItems(WeedFilter(fonds: fonds))
        return try reading { tx in
            var fondsRows = try tx.weeding.fondsNames()
            if let fonds {
                let code = Clean.code(fonds)
                fondsRows = fondsRows.filter { $0.code == code }
            } else if !items.isEmpty {
                // The fonds that have a list; with no list anywhere, every fonds (each says it has none yet).
                let used = Set(items.map(\.fonds))
                fondsRows = fondsRows.filter { used.contains($0.code) }
            }
            return fondsRows.map { f in
                let rows = items.filter { $0.fonds == f.code }.map { i in
                    WeedListRow(
                        box: i.box, title: i.title, startYear: i.startYear, endYear: i.endYear,
                        metres: i.quantity.metres,
                        sheets: i.quantity.sheets, reason: i.reason, notes: i.notes,
                        stage: WeedListStage(rawValue: i.stage.rawValue) ?? .proposed, decision: i.decision,
                        decisionDay: i.decisionDay,
                        record: i.record, recordDay: i.recordDay)
                }
                return WeedListFonds(code: f.code, name: f.name, rows: rows)
            }
        }
    }
}

/// The destruction list in figures: items, metres and sheets at each stage.
public struct WeedFigures: Codable, Sendable, Hashable {
    /// Waiting for the appraisal council.
    public var proposedMetres = 0.0
    /// Approved by the council, not yet destroyed.
    public var approvedMetres = 0.0
    /// Destroyed.
    public var destroyedMetres = 0.0
    public var proposedSheets = 0
    public var approvedSheets = 0
    public var destroyedSheets = 0
    /// Items on the list, every stage.
    public var items = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case items
        case proposedMetres = "proposed_m"
        case approvedMetres = "approved_m"
        case destroyedMetres = "destroyed_m"
        case proposedSheets = "proposed_sheets"
        case approvedSheets = "approved_sheets"
        case destroyedSheets = "destroyed_sheets"
    }

    mutating func add(stage: WeedStage, items: Int, mm: Int64, sheets: Int) {
        self.items += items
        switch stage {
        case .proposed:
            proposedMetres += Double(mm)
            proposedSheets += sheets
        case .approved:
            approvedMetres += Double(mm)
            approvedSheets += sheets
        case .destroyed:
            destroyedMetres += Double(mm)
            destroyedSheets += sheets
        }
    }

    mutating func add(_ other: WeedFigures) {
        proposedMetres += other.proposedMetres
        approvedMetres += other.approvedMetres
        destroyedMetres += other.destroyedMetres
        proposedSheets += other.proposedSheets
        approvedSheets += other.approvedSheets
        destroyedSheets += other.destroyedSheets
        items += other.items
    }

    /// The same figures with millimetres turned into metres.
    func inMetres() -> WeedFigures {
        var w = self
        w.proposedMetres = proposedMetres.rounded() / 1000
        w.approvedMetres = approvedMetres.rounded() / 1000
        w.destroyedMetres = destroyedMetres.rounded() / 1000
        return w
    }
}
