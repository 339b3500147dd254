import Foundation

extension KhoStore {
    /// Records that arrangement (*chỉnh lý*) of each box has started; all boxes or none.
    @discardableResult
    public func startArrangement(of codes: [String], by who: Attribution) throws -> [Event] {
        guard !codes.isEmpty else { throw WorkError.noBoxes }
        return try writing { tx in
            try codes.map { code in
                var box = try tx.catalogue.box(code: code)
                switch box.arrangement {
                case .inProgress:
                    let last = try tx.events.last(.sortStart, boxId: box.id)
                    throw WorkError.alreadyStarted(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                case .arranged:
                    let last = try tx.events.last(.sortFinish, boxId: box.id)
                    throw WorkError.alreadyFinished(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                case .unarranged: break
                }
                box.arrangement = .inProgress
                try tx.catalogue.update(box)
                var event = Event(
                    kind: .sortStart, attribution: who, time: time,
                    detail: EventDetail(before: ["arrangement": ArrangementState.unarranged.rawValue]))
                event.boxId = box.id
                event.fondsId = box.fondsId
                try tx.events.append(&event)
                return event
            }
        }
    }

    /// Records that arrangement of each box is finished, keeping `kept` metres (default: all); all boxes or none.
    ///
    /// Returns the `sort.finish` events, one per box; ``finishArrangementRecordingStarts(of:kept:by:)`` also says
    /// which boxes had their start recorded with the finish.
    @discardableResult
    public func finishArrangement(of codes: [String], kept: String? = nil, by who: Attribution) throws -> [Event] {
        try finishArrangementRecordingStarts(of: codes, kept: kept, by: who).map(\.finish)
    }

    /// Records that arrangement of each box is finished, keeping `kept` metres (default: all); all boxes or none.
    ///
    /// What is not kept is recorded as proposed for destruction (weeded). Finishing a box twice is refused, naming
    /// when and by whom it was finished; so is a finish earlier than the box's live `sort.start`, and kept metres
    /// more than the extent or that round to 0 mm. A box that was never started gets a `sort.start` at the same
    /// time as its finish, so that every finish has its start; an opening balance (work done before kho) needs none.
    @discardableResult
    public func finishArrangementRecordingStarts(
        of codes: [String], kept: String? = nil, by who: Attribution
    ) throws -> [FinishedArrangement] {
        guard !codes.isEmpty else { throw WorkError.noBoxes }
        if kept != nil && codes.count > 1 { throw WorkError.keptWithManyBoxes }
        let keptMM = try kept.map(Clean.kept)
        return try writing { tx in
            try codes.map { code in
                var box = try tx.catalogue.box(code: code)
                if !box.arrangement.canFinish {
                    let last = try tx.events.last(.sortFinish, boxId: box.id)
                    throw WorkError.alreadyFinished(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                }
                if let keptMM, keptMM.value > box.extentMM {
                    throw WorkError.keptTooLarge(
                        box: box.code, kept: keptMM, extent: box.extent)
                }
                if let keptMM { try Self.ensureRoomForWeeds(tx, box: box, keptMM: keptMM.value) }
                let finishedAt = Int64(who.happenedAt.timeIntervalSince1970.rounded(.down))
                var start: Event?
                if box.arrangement == .inProgress, let live = try tx.events.last(.sortStart, boxId: box.id),
                    finishedAt < live.happenedAt
                {
                    let (finish, started) = whenTexts(finishedAt, live.happenedAt)
                    throw WorkError.finishBeforeStart(
                        box: box.code, finish: finish, start: started, who: live.actor, event: live.id ?? 0,
                        earliest: time.earliestAt(live.happenedAt))
                }
                if box.arrangement == .unarranged && !who.opening {
                    var event = Event(
                        kind: .sortStart, attribution: who, time: time,
                        detail: EventDetail(
                            before: ["arrangement": ArrangementState.unarranged.rawValue],
                            note: EventKind.sortFinish.rawValue))
                    event.boxId = box.id
                    event.fondsId = box.fondsId
                    try tx.events.append(&event)
                    box.arrangement = .inProgress
                    start = event
                }
                let before = box.arrangement
                box.arrangement = .arranged
                box.keptMM = keptMM?.value ?? box.extentMM
                try tx.catalogue.update(box)
                var event = Event(
                    kind: .sortFinish, attribution: who, time: time,
                    detail: EventDetail(before: ["arrangement": before.rawValue]))
                event.boxId = box.id
                event.fondsId = box.fondsId
                event.metresMM = box.extentMM
                event.keptMM = box.keptMM
                try tx.events.append(&event)
                return FinishedArrangement(box: box.code, finish: event, start: start)
            }
        }
    }
}

/// A box whose arrangement was recorded as finished: its `sort.finish`, and the `sort.start` recorded with it when
/// the box had never been started.
public struct FinishedArrangement: Sendable, Hashable {
    /// The box code.
    public var box: String
    /// The `sort.finish` event.
    public var finish: Event
    /// The `sort.start` recorded at the finish's time because the box had not been started; nil when it had
    /// been, and for opening balances.
    public var start: Event?
}
