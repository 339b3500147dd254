import Foundation
import GRDB

extension KhoStore {
    /// Records that arrangement (*chỉnh lý*) of each box has started; all boxes or none.
    @discardableResult
    public func startArrangement(of codes: [String], by who: Attribution) throws -> [Event] {
        guard !codes.isEmpty else { throw WorkError.noBoxes }
        return try write { db in
            try codes.map { code in
                var box = try Lookup.box(db, code: code)
                switch box.arrangement {
                case .inProgress:
                    let last = try lastEvent(db, kind: .sortStart, boxId: box.id)
                    throw WorkError.alreadyStarted(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                case .arranged:
                    let last = try lastEvent(db, kind: .sortFinish, boxId: box.id)
                    throw WorkError.alreadyFinished(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                case .unarranged: break
                }
                box.arrangement = .inProgress
                try box.update(db)
                var event = Event(kind: .sortStart, attribution: who, time: time,
                                  detail: EventDetail(before: ["arrangement": ArrangementState.unarranged.rawValue]))
                event.boxId = box.id
                event.fondsId = box.fondsId
                try event.append(db)
                return event
            }
        }
    }

    /// Records that arrangement of each box is finished, keeping `kept` metres (default: all); all boxes or none.
    ///
    /// What is not kept is recorded as proposed for destruction (weeded). Finishing a box twice is refused,
    /// naming when and by whom it was finished.
    @discardableResult
    public func finishArrangement(of codes: [String], kept: String? = nil, by who: Attribution) throws -> [Event] {
        guard !codes.isEmpty else { throw WorkError.noBoxes }
        if kept != nil && codes.count > 1 { throw WorkError.keptWithManyBoxes }
        return try write { db in
            try codes.map { code in
                var box = try Lookup.box(db, code: code)
                if box.arrangement == .arranged {
                    let last = try lastEvent(db, kind: .sortFinish, boxId: box.id)
                    throw WorkError.alreadyFinished(box: box.code, when: whenText(last), who: last?.actor ?? "?")
                }
                var keptMM = box.extentMM
                if let kept {
                    guard let mm = Millimetres.parse(metres: kept), mm.value >= 0 else { throw WorkError.badKept(kept) }
                    guard mm.value <= box.extentMM else {
                        throw WorkError.keptTooLarge(box: box.code, kept: mm.formatted(), extent: box.extent.formatted())
                    }
                    keptMM = mm.value
                }
                let before = box.arrangement
                box.arrangement = .arranged
                box.keptMM = keptMM
                try box.update(db)
                var event = Event(kind: .sortFinish, attribution: who, time: time,
                                  detail: EventDetail(before: ["arrangement": before.rawValue]))
                event.boxId = box.id
                event.fondsId = box.fondsId
                event.metresMM = box.extentMM
                event.keptMM = keptMM
                try event.append(db)
                return event
            }
        }
    }

    /// Marks a file as scanned by hand with its page count (the "recorded" rung of the ladder).
    ///
    /// Secret files are refused; so is a file already recorded or already ingested.
    @discardableResult
    public func recordScan(of ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        try write { db in try recordScan(db, ref: ref, pages: pages, by: who) }
    }

    func recordScan(_ db: Database, ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        guard pages > 0 else { throw WorkError.badPages(String(pages)) }
        var (box, file) = try Lookup.file(db, ref: ref)
        let name = "\(box.code)/\(file.code)"
        if file.access == .secret { throw WorkError.secretFile(name) }
        switch file.scanState {
        case .none: break
        case .recorded:
            let last = try lastEvent(db, kind: .scanRecord, fileId: file.id)
            throw WorkError.alreadyRecorded(ref: name, when: whenText(last), who: last?.actor ?? "?", event: last?.id ?? 0)
        case .passed, .rescan, .delivered:
            throw WorkError.alreadyIngested(ref: name, state: file.scanState.label())
        }
        let before: [String: String?] = ["scan_state": file.scanState.rawValue, "pages": String(file.pages)]
        file.scanState = .recorded
        file.pages = pages
        try file.update(db)
        var event = Event(kind: .scanRecord, attribution: who, time: time, detail: EventDetail(before: before))
        event.boxId = box.id
        event.fileId = file.id
        event.fondsId = box.fondsId
        event.pages = pages
        event.sheets = file.sheets
        try event.append(db)
        return event
    }

    /// The latest event of `kind` on a box or file that has not been undone.
    func lastEvent(_ db: Database, kind: EventKind, boxId: Int64? = nil, fileId: Int64? = nil) throws -> Event? {
        var request = Event.filter(Column("kind") == kind.rawValue)
            .filter(sql: "NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = event.id)")
        if let boxId { request = request.filter(Column("box_id") == boxId) }
        if let fileId { request = request.filter(Column("file_id") == fileId) }
        return try request.order(Column("id").desc).fetchOne(db)
    }

    func whenText(_ event: Event?) -> String {
        guard let event else { return "?" }
        return time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(event.happenedAt)))
    }
}
