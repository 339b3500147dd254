import Foundation

extension KhoStore {
    /// Refuses weeding a box that is out of the store, or one of whose files is (`kho out`), naming who has it: the
    /// custody check for writes that touch a whole box (``CustodyStore/touching(boxId:now:)``), called for every box an
    /// item of the destruction list is recorded against (`kho weed add`, `kho import weed`).
    func ensureNotOut(_ tx: Stores, box: Box) throws {
        guard let boxId = box.id, let hold = try tx.custody.touching(boxId: boxId).first else { return }
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
        try writing { tx in
            let record = try validatedWeed(tx, draft, pendingMM: 0)
            var event = Event(
                kind: .weedAdd, attribution: who, time: time,
                detail: EventDetail(after: ["title": record.title, "reason": record.reason]))
            event.boxId = record.boxId
            event.fondsId = record.fondsId
            event.metresMM = record.quantity.millimetres
            event.sheets = record.quantity.sheets
            try tx.events.append(&event)
            let id = try tx.weeding.insert(record, event: event.id ?? 0)
            return try tx.weeding.items(.id(id)).first
                ?? WeedItemView(
                    id: id, box: draft.box, fonds: "", title: record.title, quantity: record.quantity,
                    reason: record.reason,
                    notes: record.notes, stage: .proposed, event: event.id ?? 0)
        }
    }

    /// Checks a draft against the catalogue: the box, its arrangement, the fields, and (for an arranged box) that the
    /// metres proposed, with `pendingMM` more from the same import, stay within what arrangement left out.
    func validatedWeed(_ tx: Stores, _ draft: WeedDraft, pendingMM: Int64) throws -> WeedRecord {
        let box = try tx.catalogue.box(code: draft.box)
        if !box.acceptsWeeding {
            if let from = box.fromBoxId {
                let root = try tx.weeding.arrangementRoot(of: from)
                throw WeedError.madeByArrangement(box: box.code, from: try tx.catalogue.boxCode(id: root))
            }
            throw WeedError.notInArrangement(box: box.code)
        }
        try ensureNotOut(tx, box: box)
        let title = try Clean.paragraph(draft.title, .weedTitle)
        guard !title.isEmpty else { throw WeedError.emptyField(.title) }
        let reason = try Clean.paragraph(draft.reason, .reason)
        guard !reason.isEmpty else { throw WeedError.emptyField(.reason) }
        let (start, end) = try Clean.yearRange(draft.years)
        let quantity = try WeedQuantity.parse(draft.quantity)
        let notes = try Clean.notes(draft.notes)
        if let adding = quantity.millimetres {
            let kept = box.arrangement == .arranged ? box.keptMM ?? box.extentMM : 0
            let proposed = try tx.weeding.proposedMM(boxId: box.id) + pendingMM
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
    static func ensureRoomForWeeds(_ tx: Stores, box: Box, keptMM: Int64) throws {
        try tx.weeding.ensureRoom(box: box, keptMM: keptMM)
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
        try writing { tx in
            let reference = try Clean.line(decision, .decision)
            guard !reference.isEmpty else { throw WeedError.emptyField(.decision) }
            let day = try Self.checkedDay(day, now: who.recordedAt, time: time)
            let scope = try Self.weedScope(tx, fonds: fonds, step: .approve)
            if let early = try tx.weeding.proposedAfter(day, items: scope.ids) {
                throw WeedError.approvedBeforeProposed(day: day, proposedDay: early.day, box: early.box)
            }
            for balance in try tx.weeding.balances(.boxesOf(items: scope.ids)) where !balance.balanced {
                throw WeedError.unbalanced(
                    box: balance.box, proposedMM: balance.proposedMM, leftOutMM: balance.leftOutMM)
            }
            return try recordStep(tx, .approve, scope: scope, reference: reference, day: day, by: who)
        }
    }

    /// Records that the approved items of a fonds were destroyed, with the destruction record (*biên bản hủy*), as one
    /// attributed `weed.destroy` event. Refused when the day is before the council's approval of an item.
    @discardableResult
    public func recordDestruction(
        fonds: String?, record: String, day: String, by who: Attribution
    ) throws -> WeedStepResult {
        try writing { tx in
            let reference = try Clean.line(record, .record)
            guard !reference.isEmpty else { throw WeedError.emptyField(.record) }
            let day = try Self.checkedDay(day, now: who.recordedAt, time: time)
            let scope = try Self.weedScope(tx, fonds: fonds, step: .destroy)
            if let late = try tx.weeding.approvedAfter(day, items: scope.ids) {
                throw WeedError.destroyedBeforeApproval(day: day, approvalDay: late.day, decision: late.decision)
            }
            return try recordStep(tx, .destroy, scope: scope, reference: reference, day: day, by: who)
        }
    }

    /// The items of one fonds waiting for a step.
    struct WeedScope {
        var fondsId: Int64
        var fondsCode: String
        var ids: [Int64]
    }

    /// The items of the fonds waiting for a step; the fonds is found when only one has items waiting.
    private static func weedScope(_ tx: Stores, fonds: String?, step: WeedError.Step) throws -> WeedScope {
        let f = try fonds.map { try tx.catalogue.fonds(code: Clean.code($0)) }
        let rows = try tx.weeding.waiting(for: step, in: f)
        guard let first = rows.first else { throw WeedError.nothingWaiting(step: step, fonds: fonds.map(Clean.code)) }
        let codes = Set(rows.map(\.fonds))
        if codes.count > 1 { throw WeedError.manyFonds(step: step, fonds: codes.sorted()) }
        return WeedScope(fondsId: first.fondsId, fondsCode: first.fonds, ids: rows.map(\.id))
    }

    private func recordStep(
        _ tx: Stores, _ step: WeedError.Step, scope: WeedScope, reference: String, day: String, by who: Attribution
    ) throws -> WeedStepResult {
        let (mm, sheets) = try tx.weeding.sums(items: scope.ids)
        let key = step == .approve ? "decision" : "record"
        var event = Event(
            kind: step == .approve ? .weedApprove : .weedDestroy, attribution: who, time: time,
            detail: EventDetail(after: [key: reference, "day": day], count: scope.ids.count))
        event.fondsId = scope.fondsId
        event.metresMM = mm
        event.sheets = sheets
        try tx.events.append(&event)
        try tx.weeding.recordDecision(
            step, fondsId: scope.fondsId, reference: reference, day: day, event: event.id, items: scope.ids)
        return WeedStepResult(
            fonds: scope.fondsCode, items: scope.ids.count, metres: Double(mm) / 1000, sheets: sheets,
            reference: reference, day: day, event: event.id ?? 0)
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
    func undoWeed(_ tx: Stores, original: Event, by who: Attribution) throws -> Event {
        let id = original.id ?? 0
        switch original.kind {
        case .weedAdd, .importWeed:
            if let approved = try tx.weeding.approvedItem(addedBy: id) {
                throw WeedError.alreadyApproved(item: approved.item, decision: approved.decision, event: approved.event)
            }
            let count = try tx.weeding.deleteItems(addedBy: id)
            return try appendUndo(tx, of: original, by: who, count: count)
        default:
            let decision = try tx.weeding.decision(event: id)
            if original.kind == .weedApprove, let decision,
                let destroyed = try tx.weeding.destruction(ofApproval: decision)
            {
                throw WeedError.alreadyDestroyed(record: destroyed.record, event: destroyed.event)
            }
            let count = try tx.weeding.deleteDecision(decision, of: original.kind == .weedApprove ? .approve : .destroy)
            return try appendUndo(tx, of: original, by: who, count: count)
        }
    }
}
