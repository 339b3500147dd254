import Foundation
import GRDB
import KhoReport

extension KhoStore {
    /// The items of the destruction list matching `filter`, in box order.
    public func weedItems(_ filter: WeedFilter = WeedFilter()) throws -> [WeedItemView] {
        try read { db in
            var conditions: [SQL] = []
            if let fonds = filter.fonds {
                conditions.append("b.fonds_id = \(try Lookup.fonds(db, code: Clean.code(fonds)).id)")
            }
            if let box = filter.box {
                conditions.append("w.box_id = \(try Lookup.box(db, code: box).id)")
            }
            if let stage = filter.stage {
                guard let s = WeedStage.parse(stage) else {
                    throw FilterError.badValue(field: "--stage", value: stage, allowed: WeedStage.keys)
                }
                conditions.append(Self.stageSQL[s] ?? "1")
            }
            return try Self.weedItems(db, where: conditions.isEmpty ? "1" : conditions.joined(separator: " AND "))
        }
    }

    private static let stageSQL: [WeedStage: SQL] = [
        .proposed: "w.approval_id IS NULL",
        .approved: "w.approval_id IS NOT NULL AND w.destruction_id IS NULL",
        .destroyed: "w.destruction_id IS NOT NULL",
    ]

    static func weedItems(_ db: Database, where condition: SQL) throws -> [WeedItemView] {
        try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT w.id, b.code AS box, f.code AS fonds, w.title, w.start_year, w.end_year, w.quantity_mm, w.sheets, w.reason, w.notes,
                           w.added_by, a.reference AS decision, a.day AS decision_day, d.reference AS record, d.day AS record_day
                    FROM weed_item w JOIN box b ON b.id = w.box_id JOIN fonds f ON f.id = b.fonds_id
                    LEFT JOIN weed_decision a ON a.id = w.approval_id LEFT JOIN weed_decision d ON d.id = w.destruction_id
                    WHERE \(condition) ORDER BY f.code, b.code, w.id
                    """)
        ).map { r in
            let decision: String? = r["decision"]
            let record: String? = r["record"]
            return WeedItemView(
                id: r["id"], box: r["box"], fonds: r["fonds"], title: r["title"], startYear: r["start_year"],
                endYear: r["end_year"],
                quantity: WeedQuantity(millimetres: r["quantity_mm"], sheets: r["sheets"]), reason: r["reason"],
                notes: r["notes"],
                stage: record != nil ? .destroyed : decision != nil ? .approved : .proposed, decision: decision,
                decisionDay: r["decision_day"],
                record: record, recordDay: r["record_day"], event: r["added_by"])
        }
    }

    /// How each box's list adds up (boxes with items, and arranged boxes that left something out), in box order.
    public func weedBalances(fonds: String? = nil) throws -> [WeedBalance] {
        try read { db in
            guard let fonds else { return try Self.weedBalances(db, where: "1") }
            let id = try Lookup.fonds(db, code: Clean.code(fonds)).id
            return try Self.weedBalances(db, where: "b.fonds_id = \(id ?? 0)")
        }
    }

    static func weedBalances(_ db: Database, where condition: String) throws -> [WeedBalance] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.code AS fonds, b.arrangement, \(Bounds.sql("b.extent_mm")) AS extent_mm,
                       \(Bounds.sql("b.kept_mm")) AS kept_mm, COALESCE(SUM(\(Bounds.sql("w.quantity_mm"))), 0) AS proposed_mm,
                       COALESCE(SUM(\(Bounds.sql("w.sheets"))), 0) AS sheets, COUNT(w.id) AS items,
                       COALESCE(SUM(CASE WHEN w.quantity_mm IS NULL THEN \(Bounds.sql("w.sheets")) END), 0) AS sheets_only
                FROM box b JOIN fonds f ON f.id = b.fonds_id LEFT JOIN weed_item w ON w.box_id = b.id
                WHERE (\(condition)) AND (w.id IS NOT NULL OR (b.arrangement = 'arranged' AND b.kept_mm < b.extent_mm))
                GROUP BY b.id ORDER BY b.code
                """
        ).map { r in
            WeedBalance(
                box: r["box"], fonds: r["fonds"],
                arrangement: ArrangementState(rawValue: r["arrangement"]) ?? .unarranged,
                extentMM: r["extent_mm"], keptMM: r["kept_mm"], proposedMM: r["proposed_mm"], sheets: r["sheets"],
                sheetsWithoutMetres: r["sheets_only"], items: r["items"])
        }
    }

    /// The destruction list of each fonds (or one), as the appraisal council reviews it, in box order.
    public func weedList(fonds: String? = nil) throws -> [WeedListFonds] {
        let items = try weedItems(WeedFilter(fonds: fonds))
        return try read { db in
            var fondsRows = try Row.fetchAll(db, sql: "SELECT code, name FROM fonds ORDER BY code")
            if let fonds {
                let code = Clean.code(fonds)
                fondsRows = fondsRows.filter { ($0["code"] as String) == code }
            } else if !items.isEmpty {
                // The fonds that have a list; with no list anywhere, every fonds (each says it has none yet).
                let used = Set(items.map(\.fonds))
                fondsRows = fondsRows.filter { used.contains($0["code"] as String) }
            }
            return fondsRows.map { f in
                let code: String = f["code"]
                let rows = items.filter { $0.fonds == code }.map { i in
                    WeedListRow(
                        box: i.box, title: i.title, startYear: i.startYear, endYear: i.endYear,
                        metres: i.quantity.metres,
                        sheets: i.quantity.sheets, reason: i.reason, notes: i.notes,
                        stage: WeedListStage(rawValue: i.stage.rawValue) ?? .proposed, decision: i.decision,
                        decisionDay: i.decisionDay,
                        record: i.record, recordDay: i.recordDay)
                }
                return WeedListFonds(code: code, name: f["name"], rows: rows)
            }
        }
    }

    /// Metres and sheets on the destruction list by fonds id and stage, for `kho status` (millimetres).
    static func weedFigures(_ db: Database) throws -> [Int64: WeedFigures] {
        var figures: [Int64: WeedFigures] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT b.fonds_id, w.approval_id IS NOT NULL AS approved, w.destruction_id IS NOT NULL AS destroyed,
                       COUNT(*) AS items, COALESCE(SUM(\(Bounds.sql("w.quantity_mm"))), 0) AS mm,
                       COALESCE(SUM(\(Bounds.sql("w.sheets"))), 0) AS sheets
                FROM weed_item w JOIN box b ON b.id = w.box_id GROUP BY 1, 2, 3
                """)
        while let row = try rows.next() {
            let fonds: Int64 = row["fonds_id"]
            let approved: Bool = row["approved"]
            let destroyed: Bool = row["destroyed"]
            let stage: WeedStage = destroyed ? .destroyed : approved ? .approved : .proposed
            figures[fonds, default: WeedFigures()].add(
                stage: stage, items: row["items"], mm: row["mm"], sheets: row["sheets"])
        }
        return figures
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
