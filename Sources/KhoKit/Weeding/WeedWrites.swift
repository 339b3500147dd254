import Foundation
import GRDB

extension KhoStore {
    /// Refuses weeding a box that is out of the store, or one of whose files is (`kho out`), naming who has it: the
    /// custody check for writes that touch a whole box (``CustodyStore/touching(boxId:now:)``), called for every box an
    /// item of the destruction list is recorded against (`kho weed add`, `kho import weed`).
    func ensureNotOut(_ db: Database, box: Box) throws {
        guard let boxId = box.id, let hold = try CustodyStore(db: db, time: time).touching(boxId: boxId).first else {
            return
        }
        throw CustodyError.cannotWeedWhileOut(
            thing: hold.thing, holder: hold.holder, since: hold.since, returnWith: "kho in \(hold.thing)")
    }

    /// Records a group of records proposed for destruction from a box during its arrangement, as one attributed
    /// `weed.add` event. When the method returns, the item is on the list, waiting for the appraisal council.
    ///
    /// Refused for a box made by arranging another box (its weeding belongs to the box as received), for a box whose
    /// arrangement has not started, and for an arranged box when the metres proposed would exceed what its
    /// arrangement left out (extent − kept).
    @discardableResult
    public func addWeed(_ draft: WeedDraft, by who: Attribution) throws -> WeedItemView {
        try write { db in
            let record = try validatedWeed(db, draft, pendingMM: 0)
            var event = Event(
                kind: .weedAdd, attribution: who, time: time,
                detail: EventDetail(after: ["title": record.title, "reason": record.reason]))
            event.boxId = record.boxId
            event.fondsId = record.fondsId
            event.metresMM = record.quantity.millimetres
            event.sheets = record.quantity.sheets
            try event.append(db)
            let id = try Self.insertWeed(db, record, event: event.id ?? 0)
            return try Self.weedItems(db, where: "w.id = \(id)").first
                ?? WeedItemView(
                    id: id, box: draft.box, fonds: "", title: record.title, quantity: record.quantity,
                    reason: record.reason,
                    notes: record.notes, stage: .proposed, event: event.id ?? 0)
        }
    }

    /// Checks a draft against the catalogue: the box, its arrangement, the fields, and (for an arranged box) that the
    /// metres proposed, with `pendingMM` more from the same import, stay within what arrangement left out.
    func validatedWeed(_ db: Database, _ draft: WeedDraft, pendingMM: Int64) throws -> WeedRecord {
        let box = try Lookup.box(db, code: draft.box)
        if let from = box.fromBoxId {
            var root = from
            while let parent = try Int64.fetchOne(
                db, sql: "SELECT from_box_id FROM box WHERE id = ?", arguments: [root])
            { root = parent }
            throw WeedError.madeByArrangement(box: box.code, from: try Lookup.boxCode(db, id: root))
        }
        if box.arrangement == .unarranged { throw WeedError.notInArrangement(box: box.code) }
        try ensureNotOut(db, box: box)
        let title = try Clean.paragraph(draft.title, .weedTitle)
        guard !title.isEmpty else { throw WeedError.emptyField(.title) }
        let reason = try Clean.paragraph(draft.reason, .reason)
        guard !reason.isEmpty else { throw WeedError.emptyField(.reason) }
        let (start, end) = try Clean.yearRange(draft.years)
        let quantity = try WeedQuantity.parse(draft.quantity)
        let notes = try Clean.notes(draft.notes)
        if let adding = quantity.millimetres {
            let kept = box.arrangement == .arranged ? box.keptMM ?? box.extentMM : 0
            let proposed = try Self.proposedMM(db, boxId: box.id) + pendingMM
            if box.arrangement != .arranged, proposed + adding > box.extentMM {
                throw WeedError.moreThanExtent(
                    box: box.code, proposedMM: proposed, addingMM: adding, extentMM: box.extentMM)
            }
            if box.arrangement == .arranged, proposed + adding > box.extentMM - kept {
                throw WeedError.moreThanLeftOut(
                    box: box.code, proposedMM: proposed, addingMM: adding, extentMM: box.extentMM, keptMM: kept)
            }
        }
        return WeedRecord(
            boxId: box.id ?? 0, fondsId: box.fondsId, title: title, startYear: start, endYear: end, quantity: quantity,
            reason: reason, notes: notes)
    }

    /// Refuses kept metres that leave less left out (extent − kept) than the box's destruction list proposes.
    static func ensureRoomForWeeds(_ db: Database, box: Box, keptMM: Int64) throws {
        let proposed = try proposedMM(db, boxId: box.id)
        if proposed > 0, box.extentMM - keptMM < proposed {
            throw WorkError.keptLeavesNoRoom(
                box: box.code, kept: Millimetres(keptMM), extent: box.extent, proposed: Millimetres(proposed))
        }
    }

    /// The millimetres proposed for destruction from a box so far (every item on its list, whatever its stage).
    static func proposedMM(_ db: Database, boxId: Int64?) throws -> Int64 {
        try Int64.fetchOne(
            db, sql: "SELECT COALESCE(SUM(quantity_mm), 0) FROM weed_item WHERE box_id = ?", arguments: [boxId]) ?? 0
    }

    static func insertWeed(_ db: Database, _ r: WeedRecord, event: Int64) throws -> Int64 {
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

    /// Records the appraisal council's decision (*quyết định*) approving the destruction of every item of a fonds that
    /// waits for it, as one attributed `weed.approve` event. `fonds` may be left out when one fonds has items waiting.
    ///
    /// Refused when a box of those items is not arranged yet or its list does not add up to what its arrangement left
    /// out: the council reviews a list that adds up.
    @discardableResult
    public func approveWeeds(
        fonds: String?, decision: String, day: String, by who: Attribution
    ) throws -> WeedStepResult {
        try write { db in
            let reference = try Clean.line(decision, .decision)
            guard !reference.isEmpty else { throw WeedError.emptyField(.decision) }
            let day = try Self.checkedDay(day, now: who.recordedAt, time: time)
            let (fondsId, fondsCode, ids) = try Self.weedScope(
                db, fonds: fonds, step: .approve, waiting: "w.approval_id IS NULL")
            if let early = try Row.fetchOne(
                db,
                sql: """
                    SELECT e.happened_day, b.code FROM weed_item w JOIN event e ON e.id = w.added_by
                    JOIN box b ON b.id = w.box_id
                    WHERE w.id IN (\(ids.list)) AND e.happened_day > ? ORDER BY e.happened_day DESC LIMIT 1
                    """, arguments: [day])
            {
                throw WeedError.approvedBeforeProposed(day: day, proposedDay: early[0], box: early[1])
            }
            for balance in try Self.weedBalances(
                db, where: "b.id IN (SELECT box_id FROM weed_item WHERE id IN (\(ids.list)))") where !balance.balanced
            {
                throw WeedError.unbalanced(
                    box: balance.box, proposedMM: balance.proposedMM, leftOutMM: balance.leftOutMM)
            }
            return try Self.recordStep(
                db, kind: .weedApprove, fondsId: fondsId, fondsCode: fondsCode, ids: ids, reference: reference,
                day: day, by: who, time: time, column: "approval_id")
        }
    }

    /// Records that the approved items of a fonds were destroyed, with the destruction record (*biên bản hủy*), as one
    /// attributed `weed.destroy` event. Refused when the day is before the council's approval of an item.
    @discardableResult
    public func recordDestruction(
        fonds: String?, record: String, day: String, by who: Attribution
    ) throws -> WeedStepResult {
        try write { db in
            let reference = try Clean.line(record, .record)
            guard !reference.isEmpty else { throw WeedError.emptyField(.record) }
            let day = try Self.checkedDay(day, now: who.recordedAt, time: time)
            let (fondsId, fondsCode, ids) = try Self.weedScope(
                db, fonds: fonds, step: .destroy,
                waiting: "w.approval_id IS NOT NULL AND w.destruction_id IS NULL")
            if let late = try Row.fetchOne(
                db,
                sql: """
                    SELECT d.day, d.reference FROM weed_item w JOIN weed_decision d ON d.id = w.approval_id
                    WHERE w.id IN (\(ids.list)) AND d.day > ? ORDER BY d.day DESC LIMIT 1
                    """, arguments: [day])
            {
                throw WeedError.destroyedBeforeApproval(day: day, approvalDay: late[0], decision: late[1])
            }
            return try Self.recordStep(
                db, kind: .weedDestroy, fondsId: fondsId, fondsCode: fondsCode, ids: ids, reference: reference,
                day: day, by: who, time: time, column: "destruction_id")
        }
    }

    /// Item ids, with their SQL list.
    struct ItemIds {
        var ids: [Int64]
        var list: String { ids.map(String.init).joined(separator: ",") }
    }

    /// The items of the fonds waiting for a step; the fonds is found when only one has items waiting.
    private static func weedScope(
        _ db: Database, fonds: String?, step: WeedError.Step, waiting: String
    ) throws -> (Int64, String, ItemIds) {
        var condition = waiting
        var arguments: StatementArguments = []
        if let fonds {
            let f = try Lookup.fonds(db, code: Clean.code(fonds))
            condition += " AND b.fonds_id = ?"
            arguments += [f.id]
        }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT w.id, b.fonds_id, f.code AS fonds FROM weed_item w JOIN box b ON b.id = w.box_id JOIN fonds f ON f.id = b.fonds_id
                WHERE \(condition) ORDER BY w.id
                """, arguments: arguments)
        guard let first = rows.first else { throw WeedError.nothingWaiting(step: step, fonds: fonds.map(Clean.code)) }
        let codes = Set(rows.map { $0["fonds"] as String })
        if codes.count > 1 { throw WeedError.manyFonds(step: step, fonds: codes.sorted()) }
        return (first["fonds_id"], first["fonds"], ItemIds(ids: rows.map { $0["id"] }))
    }

    private static func recordStep(
        _ db: Database, kind: EventKind, fondsId: Int64, fondsCode: String, ids: ItemIds, reference: String,
        day: String,
        by who: Attribution, time: LocalTime, column: String
    ) throws -> WeedStepResult {
        let sums = try Row.fetchOne(
            db,
            sql:
                "SELECT COALESCE(SUM(quantity_mm), 0), COALESCE(SUM(sheets), 0) FROM weed_item WHERE id IN (\(ids.list))"
        )
        let mm: Int64 = sums?[0] ?? 0
        let sheets: Int = sums?[1] ?? 0
        let key = kind == .weedApprove ? "decision" : "record"
        var event = Event(
            kind: kind, attribution: who, time: time,
            detail: EventDetail(after: [key: reference, "day": day], count: ids.ids.count))
        event.fondsId = fondsId
        event.metresMM = mm
        event.sheets = sheets
        try event.append(db)
        try db.execute(
            sql: "INSERT INTO weed_decision (kind, fonds_id, reference, day, event_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [kind == .weedApprove ? "approval" : "destruction", fondsId, reference, day, event.id])
        let decision = db.lastInsertedRowID
        try db.execute(sql: "UPDATE weed_item SET \(column) = ? WHERE id IN (\(ids.list))", arguments: [decision])
        return WeedStepResult(
            fonds: fondsCode, items: ids.ids.count, metres: Double(mm) / 1000, sheets: sheets, reference: reference,
            day: day, event: event.id ?? 0)
    }

    /// A day typed as `YYYY-MM-DD`, not after today.
    static func checkedDay(_ text: String, now: Date, time: LocalTime) throws -> String {
        let t = Clean.text(text)
        guard t.count == 10, let date = time.parse(t), time.day(of: date) == t else { throw WeedError.badDay(text) }
        guard t <= time.day(of: now) else { throw WeedError.futureDay(t) }
        return t
    }

    /// Takes back a step of the destruction list: an item or an import of items (while not approved), an approval
    /// (while none of its items is destroyed), a destruction.
    func undoWeed(_ db: Database, original: Event, by who: Attribution) throws -> Event {
        let id = original.id ?? 0
        switch original.kind {
        case .weedAdd, .importWeed:
            if let approved = try Row.fetchOne(
                db,
                sql: """
                    SELECT w.id, d.reference, d.event_id FROM weed_item w JOIN weed_decision d ON d.id = w.approval_id
                    WHERE w.added_by = ? ORDER BY w.id LIMIT 1
                    """, arguments: [id])
            {
                throw WeedError.alreadyApproved(item: approved[0], decision: approved[1], event: approved[2])
            }
            try db.execute(sql: "DELETE FROM weed_item WHERE added_by = ?", arguments: [id])
            return try appendUndo(db, of: original, by: who, count: db.changesCount)
        default:
            let decision = try Int64.fetchOne(
                db, sql: "SELECT id FROM weed_decision WHERE event_id = ?", arguments: [id])
            if original.kind == .weedApprove, let decision,
                let destroyed = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.reference, d.event_id FROM weed_item w JOIN weed_decision d ON d.id = w.destruction_id
                        WHERE w.approval_id = ? ORDER BY d.id LIMIT 1
                        """, arguments: [decision])
            {
                throw WeedError.alreadyDestroyed(record: destroyed[0], event: destroyed[1])
            }
            let column = original.kind == .weedApprove ? "approval_id" : "destruction_id"
            try db.execute(sql: "UPDATE weed_item SET \(column) = NULL WHERE \(column) = ?", arguments: [decision])
            let count = db.changesCount
            try db.execute(sql: "DELETE FROM weed_decision WHERE id = ?", arguments: [decision])
            return try appendUndo(db, of: original, by: who, count: count)
        }
    }
}
