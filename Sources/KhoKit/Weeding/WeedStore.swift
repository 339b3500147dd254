import GRDB

/// The destruction list (items, the council's decisions, destruction records) as one transaction reads and writes it.
struct WeedStore {
    let db: Database

    /// Which items ``items(_:)`` reads.
    enum ItemScope {
        /// The item with this id.
        case id(Int64)
        /// Items of a fonds, of a box, at a stage; nil: any.
        case matching(fonds: Fonds?, box: Box?, stage: WeedStage?)
    }

    /// Which boxes ``balances(_:)`` adds up.
    enum BalanceScope {
        case all
        case fonds(Fonds)
        /// The boxes these items are recorded against.
        case boxesOf(items: [Int64])
    }

    /// `1,2,3`: item ids for `IN (…)` (written out, as ids read from the catalogue, not bound one by one).
    private static func list(_ ids: [Int64]) -> SQL { SQL(sql: ids.map(String.init).joined(separator: ",")) }

    private static let stageSQL: [WeedStage: SQL] = [
        .proposed: "w.approval_id IS NULL",
        .approved: "w.approval_id IS NOT NULL AND w.destruction_id IS NULL",
        .destroyed: "w.destruction_id IS NOT NULL",
    ]

    /// The column of an item that a step sets to its decision.
    private static func column(_ step: WeedError.Step) -> SQL {
        step == .approve ? "approval_id" : "destruction_id"
    }

    /// The items in `scope`, in box order.
    func items(_ scope: ItemScope) throws -> [WeedItemView] {
        let condition: SQL
        switch scope {
        case .id(let id): condition = "w.id = \(id)"
        case .matching(let fonds, let box, let stage):
            var conditions: [SQL] = []
            if let fonds { conditions.append("b.fonds_id = \(fonds.id)") }
            if let box { conditions.append("w.box_id = \(box.id)") }
            if let stage { conditions.append(Self.stageSQL[stage] ?? "1") }
            condition = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        }
        return try Row.fetchAll(
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

    /// How each box in `scope` adds up (boxes with items, and arranged boxes that left something out), in box order.
    func balances(_ scope: BalanceScope) throws -> [WeedBalance] {
        let condition: SQL
        switch scope {
        case .all: condition = "1"
        case .fonds(let fonds): condition = "b.fonds_id = \(fonds.id ?? 0)"
        case .boxesOf(let ids): condition = "b.id IN (SELECT box_id FROM weed_item WHERE id IN (\(Self.list(ids))))"
        }
        return try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT b.code AS box, f.code AS fonds, b.arrangement, \(sql: Bounds.sql("b.extent_mm")) AS extent_mm,
                           \(sql: Bounds.sql("b.kept_mm")) AS kept_mm, COALESCE(SUM(\(sql: Bounds.sql("w.quantity_mm"))), 0) AS proposed_mm,
                           COALESCE(SUM(\(sql: Bounds.sql("w.sheets"))), 0) AS sheets, COUNT(w.id) AS items,
                           COALESCE(SUM(CASE WHEN w.quantity_mm IS NULL THEN \(sql: Bounds.sql("w.sheets")) END), 0) AS sheets_only
                    FROM box b JOIN fonds f ON f.id = b.fonds_id LEFT JOIN weed_item w ON w.box_id = b.id
                    WHERE (\(condition)) AND (w.id IS NOT NULL OR (b.arrangement = 'arranged' AND b.kept_mm < b.extent_mm))
                    GROUP BY b.id ORDER BY b.code
                    """)
        ).map { r in
            WeedBalance(
                box: r["box"], fonds: r["fonds"],
                arrangement: ArrangementState(rawValue: r["arrangement"]) ?? .unarranged,
                extentMM: r["extent_mm"], keptMM: r["kept_mm"], proposedMM: r["proposed_mm"], sheets: r["sheets"],
                sheetsWithoutMetres: r["sheets_only"], items: r["items"])
        }
    }

    /// Every fonds' code and name, by code.
    func fondsNames() throws -> [(code: String, name: String)] {
        try Row.fetchAll(db, sql: "SELECT code, name FROM fonds ORDER BY code").map { ($0["code"], $0["name"]) }
    }

    /// Metres and sheets on the destruction list by fonds id and stage, for `kho status` (millimetres).
    func figures() throws -> [Int64: WeedFigures] {
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

    /// The box as received that box `id` was made from by arrangement, following boxes made from made boxes.
    func arrangementRoot(of id: Int64) throws -> Int64 {
        var root = id
        while let parent = try Int64.fetchOne(
            db, sql: "SELECT from_box_id FROM box WHERE id = ?", arguments: [root])
        { root = parent }
        return root
    }

    /// The millimetres proposed for destruction from a box so far (every item on its list, whatever its stage).
    func proposedMM(boxId: Int64?) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT COALESCE(SUM(quantity_mm), 0) FROM weed_item WHERE box_id = ?", arguments: [boxId]) ?? 0
    }

    /// Refuses kept metres that leave less left out (extent − kept) than the box's destruction list proposes.
    func ensureRoom(box: Box, keptMM: Int64) throws {
        let proposed = try proposedMM(boxId: box.id)
        if proposed > 0, box.extentMM - keptMM < proposed {
            throw WorkError.keptLeavesNoRoom(
                box: box.code, kept: Millimetres(keptMM), extent: box.extent, proposed: Millimetres(proposed))
        }
    }

    /// Inserts a checked item, added by event `event` (one cached statement: an import inserts one per row); its id.
    func insert(_ r: WeedRecord, event: Int64) throws -> Int64 {
        try db.cachedStatement(
            sql: """
                INSERT INTO weed_item (box_id, title, start_year, end_year, quantity_mm, sheets, reason, notes, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            r.boxId, r.title, r.startYear, r.endYear, r.quantity.millimetres, r.quantity.sheets, r.reason, r.notes,
            event,
        ])
        return db.lastInsertedRowID
    }

    /// The items waiting for `step` (of `fonds`, or of any), in id order, with their fonds' id and code.
    func waiting(for step: WeedError.Step, in fonds: Fonds?) throws -> [(id: Int64, fondsId: Int64, fonds: String)] {
        var condition: SQL =
            step == .approve ? "w.approval_id IS NULL" : "w.approval_id IS NOT NULL AND w.destruction_id IS NULL"
        if let fonds { condition = condition + " AND b.fonds_id = \(fonds.id)" }
        return try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT w.id, b.fonds_id, f.code AS fonds FROM weed_item w JOIN box b ON b.id = w.box_id JOIN fonds f ON f.id = b.fonds_id
                    WHERE \(condition) ORDER BY w.id
                    """)
        ).map { ($0["id"], $0["fonds_id"], $0["fonds"]) }
    }

    /// Of `items`, the one proposed last after `day`: that day and its box's code; nil when none was.
    func proposedAfter(_ day: String, items: [Int64]) throws -> (day: String, box: String)? {
        try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT e.happened_day, b.code FROM weed_item w JOIN event e ON e.id = w.added_by
                    JOIN box b ON b.id = w.box_id
                    WHERE w.id IN (\(Self.list(items))) AND e.happened_day > \(day) ORDER BY e.happened_day DESC LIMIT 1
                    """)
        ).map { ($0[0], $0[1]) }
    }

    /// Of `items`, the one approved last after `day`: the approval's day and reference; nil when none was.
    func approvedAfter(_ day: String, items: [Int64]) throws -> (day: String, decision: String)? {
        try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT d.day, d.reference FROM weed_item w JOIN weed_decision d ON d.id = w.approval_id
                    WHERE w.id IN (\(Self.list(items))) AND d.day > \(day) ORDER BY d.day DESC LIMIT 1
                    """)
        ).map { ($0[0], $0[1]) }
    }

    /// The millimetres and sheets of `items`.
    func sums(items: [Int64]) throws -> (mm: Int64, sheets: Int) {
        let sums = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal:
                    "SELECT COALESCE(SUM(quantity_mm), 0), COALESCE(SUM(sheets), 0) FROM weed_item WHERE id IN (\(Self.list(items)))"
            ))
        return (sums?[0] ?? 0, sums?[1] ?? 0)
    }

    /// Records the council's decision (or the destruction record) `reference` of `day` for `step`, written by event
    /// `event`, and sets it on `items`; the decision's id.
    @discardableResult
    func recordDecision(
        _ step: WeedError.Step, fondsId: Int64, reference: String, day: String, event: Int64?, items: [Int64]
    ) throws -> Int64 {
        try db.execute(
            sql: "INSERT INTO weed_decision (kind, fonds_id, reference, day, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [step == .approve ? "approval" : "destruction", fondsId, reference, day, event])
        let decision = db.lastInsertedRowID
        try db.execute(
            literal: "UPDATE weed_item SET \(Self.column(step)) = \(decision) WHERE id IN (\(Self.list(items)))")
        return decision
    }

    /// The first item added by event `id` that the council approved since: its id, the decision and its event.
    func approvedItem(addedBy id: Int64) throws -> (item: Int64, decision: String, event: Int64)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT w.id, d.reference, d.event_id FROM weed_item w JOIN weed_decision d ON d.id = w.approval_id
                WHERE w.added_by = ? ORDER BY w.id LIMIT 1
                """, arguments: [id]
        ).map { ($0[0], $0[1], $0[2]) }
    }

    /// Deletes the items added by event `id`; how many.
    func deleteItems(addedBy id: Int64) throws -> Int {
        try db.execute(sql: "DELETE FROM weed_item WHERE added_by = ?", arguments: [id])
        return db.changesCount
    }

    /// The decision (or destruction record) event `id` wrote; nil when none.
    func decision(event id: Int64) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM weed_decision WHERE event_id = ?", arguments: [id])
    }

    /// The first destruction of items that approval `decision` approved: its record and event; nil when none.
    func destruction(ofApproval decision: Int64) throws -> (record: String, event: Int64)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT d.reference, d.event_id FROM weed_item w JOIN weed_decision d ON d.id = w.destruction_id
                WHERE w.approval_id = ? ORDER BY d.id LIMIT 1
                """, arguments: [decision]
        ).map { ($0[0], $0[1]) }
    }

    /// Takes `decision` (of `step`) off its items and forgets it; how many items it was on.
    func deleteDecision(_ decision: Int64?, of step: WeedError.Step) throws -> Int {
        try db.execute(
            literal: "UPDATE weed_item SET \(Self.column(step)) = NULL WHERE \(Self.column(step)) = \(decision)")
        let count = db.changesCount
        try db.execute(sql: "DELETE FROM weed_decision WHERE id = ?", arguments: [decision])
        return count
    }
}

extension Stores {
    /// The destruction list in this transaction.
    var weeding: WeedStore { WeedStore(db: db) }
}
