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
                if box.arrangement == .arranged {
                    let last = try tx.events.last(.sortFinish, boxId: box.id)
                    throw WorkError.alreadyFinished(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                }
                if let keptMM, keptMM.value > box.extentMM {
                    throw WorkError.keptTooLarge(
                        box: box.code, kept: keptMM, extent: box.extent)
                }
                if let keptMM { try Self.ensureRoomForWeeds(tx.db, box: box, keptMM: keptMM.value) }
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

    /// Marks a file as scanned by hand with its page count (the "recorded" rung of the ladder).
    ///
    /// Secret files are refused; so is a file already recorded or already ingested, and pages beyond 100,000.
    @discardableResult
    public func recordScan(of ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        try writing { tx in try recordScan(tx, ref: ref, pages: pages, by: who) }
    }

    func recordScan(_ tx: Stores, ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        guard pages > 0 else { throw WorkError.badPages(String(pages)) }
        guard pages <= Clean.largestFile else { throw CatalogueError.pagesTooLarge(String(pages)) }
        var (box, file) = try tx.catalogue.file(ref: ref)
        let name = "\(box.code)/\(file.code)"
        if file.access == .secret { throw WorkError.secretFile(name) }
        switch file.scanState {
        case .none: break
        case .recorded:
            let last = try tx.events.last(.scanRecord, fileId: file.id)
            throw WorkError.alreadyRecorded(
                ref: name, when: whenText(last), who: last?.actor ?? "?", event: last?.id ?? 0)
        case .mismatch where try tx.scan.masters(fileId: file.id ?? -1).count == 0:
            let last = try tx.events.last(.scanRecord, fileId: file.id)
            throw WorkError.alreadyRecorded(
                ref: name, when: whenText(last), who: last?.actor ?? "?", event: last?.id ?? 0)
        case .passed, .rescan, .mismatch, .review, .rebuild, .delivered:
            throw WorkError.alreadyIngested(ref: name, state: file.scanState.label)
        }
        let before: [String: String?] = ["scan_state": file.scanState.rawValue, "pages": String(file.pages)]
        file.scanState = .recorded
        file.pages = pages
        try tx.catalogue.update(file)
        var event = Event(kind: .scanRecord, attribution: who, time: time, detail: EventDetail(before: before))
        event.boxId = box.id
        event.fileId = file.id
        event.fondsId = box.fondsId
        event.pages = pages
        event.sheets = file.sheets
        try tx.events.append(&event)
        // A hand record follows the same rule as masters: pages outside sheets…2 × sheets is a count mismatch.
        if let id = file.id { try FileLadder.apply(tx.scan, fileId: id) }
        return event
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
