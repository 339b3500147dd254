import Foundation
import Testing

@testable import KhoKit

@Suite struct WorkTests {
    /// A catalogue with bundle B1 (0.5 m) and box H1 holding files 01 (open) and 02 (secret).
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0.5"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.registrar)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Sổ", sheets: "40"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "Mật", access: "secret"), by: Fixture.who())
        return store
    }

    @Test func arrangementStartsAndFinishesWithKeptAndWeeded() throws {
        let store = try catalogue()
        try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-02T08:00"))
        let events = try store.finishArrangement(
            of: ["B1"], kept: "0,4", by: Fixture.who("Trần Văn Minh", at: "2026-11-03T16:00"))
        #expect(events[0].metresMM == 500)
        #expect(events[0].keptMM == 400)
        #expect(events[0].happenedDay == "2026-11-03")
        let status = try store.status(now: Fixture.now).progress
        #expect(status.arrangedMetres == 0.5)
        #expect(status.keptMetres == 0.4)
        #expect(status.weededMetres == 0.1)
    }

    @Test func finishingTwiceNamesWhenAndWho() throws {
        let store = try catalogue()
        try store.finishArrangement(of: ["B1"], by: Fixture.who("Trần Văn Minh", at: "2026-11-03T16:00"))
        expectError(WorkError.alreadyFinished(box: "B1", when: "2026-11-03 16:00", who: "Trần Văn Minh")) {
            try store.finishArrangement(of: ["B1"], by: Fixture.who())
        }
        expectError(WorkError.alreadyFinished(box: "B1", when: "2026-11-03 16:00", who: "Trần Văn Minh")) {
            try store.startArrangement(of: ["B1"], by: Fixture.who())
        }
    }

    @Test func startingTwiceIsRefused() throws {
        let store = try catalogue()
        try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-02T08:00"))
        expectError(WorkError.alreadyStarted(box: "B1", when: "2026-11-02 08:00", who: "Nguyễn Thị Thu")) {
            try store.startArrangement(of: ["B1"], by: Fixture.who())
        }
    }

    @Test func keptMoreThanExtentIsRefusedAndNothingChanges() throws {
        let store = try catalogue()
        let before = try Fixture.eventCount(store)
        expectError(WorkError.keptTooLarge(box: "B1", kept: Millimetres(600), extent: Millimetres(500))) {
            try store.finishArrangement(of: ["B1"], kept: "0.6", by: Fixture.who())
        }
        expectError(WorkError.badKept("nhiều")) {
            try store.finishArrangement(of: ["B1"], kept: "nhiều", by: Fixture.who())
        }
        #expect(try store.showBox("B1").box.arrangement == .unarranged)
        #expect(try Fixture.eventCount(store) == before)
    }

    @Test func manyBoxesAreAllOrNothing() throws {
        let store = try catalogue()
        try store.finishArrangement(of: ["H1"], by: Fixture.who())
        // B1 is fine but H1 is finished already: neither is changed
        #expect(throws: WorkError.self) { try store.finishArrangement(of: ["B1", "H1"], by: Fixture.who()) }
        #expect(try store.showBox("B1").box.arrangement == .unarranged)
        expectError(WorkError.keptWithManyBoxes) {
            try store.finishArrangement(of: ["B1", "H1"], kept: "0.1", by: Fixture.who())
        }
    }

    @Test func secretFilesAreNeverScanned() throws {
        let store = try catalogue()
        expectError(WorkError.secretFile("H1/02")) {
            try store.recordScan(of: FileRef(box: "H1", file: "02"), pages: 3, by: Fixture.who())
        }
        #expect(try store.showFile(FileRef(box: "H1", file: "02")).scanState == ScanState.none)
        // and a scanned file cannot be made secret
        try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 60, by: Fixture.who())
        #expect(throws: WorkError.self) {
            try store.editFile(FileRef(box: "H1", file: "01"), FileChanges(access: "secret"), by: Fixture.who())
        }
    }

    @Test func recordingTwiceNamesTheEventToUndo() throws {
        let store = try catalogue()
        let first = try store.recordScan(
            of: FileRef(box: "H1", file: "01"), pages: 60, by: Fixture.who("Hùng", at: "2026-11-20T09:00"))
        expectError(
            WorkError.alreadyRecorded(
                ref: "H1/01", when: "2026-11-20 09:00", who: "Hùng", event: try #require(first.id))
        ) {
            try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 61, by: Fixture.who())
        }
        expectError(WorkError.badPages("0")) {
            try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 0, by: Fixture.who())
        }
    }

    @Test func undoAppendsACompensatingEventAndRestoresState() throws {
        // Given a finished arrangement and a hand scan record
        let store = try catalogue()
        let finish = try #require(try store.finishArrangement(of: ["B1"], kept: "0.3", by: Fixture.who()).first?.id)
        let scan = try #require(
            try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 60, by: Fixture.who()).id)
        let count = try Fixture.eventCount(store)
        // When both are undone
        let undo1 = try store.undo(eventId: finish, by: Fixture.who("Trần Văn Minh"))
        try store.undo(eventId: scan, by: Fixture.who())
        // Then the state is as before, the log grew by two, and the originals are marked undone
        #expect(try store.showBox("B1").box.arrangement == .unarranged)
        #expect(try store.showBox("B1").box.keptMetres == nil)
        let file = try store.showFile(FileRef(box: "H1", file: "01"))
        #expect(file.scanState == ScanState.none)
        #expect(file.pages == 0)
        let log = try store.events(lang: .vi)
        // (two undo events for the finish: it also takes back the start recorded with it; one for the scan record)
        #expect(log.count == count + 3)
        #expect(log.first { $0.id == finish }?.undoneBy == undo1.id)
        #expect(undo1.undoes == finish)
        #expect(undo1.actor == "Trần Văn Minh")
        let status = try store.status(now: Fixture.now).progress
        #expect(status.arrangedMetres == 0)
        #expect(status.pagesScanned == 0)
        // and the box can be finished again
        try store.finishArrangement(of: ["B1"], by: Fixture.who())
    }

    @Test func undoRefusals() throws {
        let store = try catalogue()
        let start = try #require(try store.startArrangement(of: ["B1"], by: Fixture.who()).first?.id)
        let finish = try #require(try store.finishArrangement(of: ["B1"], by: Fixture.who()).first?.id)
        expectError(WorkError.laterEventFirst(id: start, later: finish, kind: EventKind.sortFinish.label)) {
            try store.undo(eventId: start, by: Fixture.who())
        }
        expectError(WorkError.unknownEvent(9999)) { try store.undo(eventId: 9999, by: Fixture.who()) }
        expectError(WorkError.notUndoable(id: 1, kind: EventKind.fondsAdd.label)) {
            try store.undo(eventId: 1, by: Fixture.who())
        }
        let undo = try #require(try store.undo(eventId: finish, by: Fixture.who()).id)
        expectError(WorkError.alreadyUndone(id: finish, by: undo)) {
            try store.undo(eventId: finish, by: Fixture.who())
        }
        expectError(WorkError.notUndoable(id: undo, kind: EventKind.undo.label)) {
            try store.undo(eventId: undo, by: Fixture.who())
        }
    }
}

@Suite struct AttributionTests {
    let time = Fixture.time
    let now = Fixture.now

    @Test func aPersonIsRequired() {
        expectError(AttributionError.noActor) {
            try Attribution.resolve(by: nil, at: nil, opening: false, now: now, env: [:], time: time)
        }
        expectError(AttributionError.noActor) {
            try Attribution.resolve(by: "  ", at: nil, opening: false, now: now, env: [:], time: time)
        }
    }

    @Test func operatorComesFromTheEnvironment() throws {
        let who = try Attribution.resolve(
            by: nil, at: nil, opening: false, now: now, env: ["KHO_OPERATOR": "Lê Thị Hoa", "USER": "hoa"], time: time)
        #expect(who.actor == "Lê Thị Hoa")
        #expect(who.recorder.hasPrefix("hoa@"))
        #expect(who.happenedAt == now)
    }

    @Test func backFillingAcceptsPastRefusesFutureAndNonsense() throws {
        let past = try Attribution.resolve(
            by: "Thu", at: "2026-03-15T08:30", opening: false, now: now, env: [:], time: time)
        #expect(time.dateTime(of: past.happenedAt) == "2026-03-15 08:30")
        #expect(past.recordedAt == now)
        let today = try Attribution.resolve(by: "Thu", at: "2026-11-27", opening: false, now: now, env: [:], time: time)
        #expect(today.happenedAt <= now)
        expectError(AttributionError.future("2026-11-28")) {
            try Attribution.resolve(by: "Thu", at: "2026-11-28", opening: false, now: now, env: [:], time: time)
        }
        for bad in ["27/11/2026", "2026-13-01", "2026-02-30", "2026-11-27T25:00", "hôm qua"] {
            expectError(AttributionError.badDate(bad)) {
                try Attribution.resolve(by: "Thu", at: bad, opening: false, now: now, env: [:], time: time)
            }
        }
    }

    @Test func openingBalancesAreMarked() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "1"), by: Fixture.registrar)
        try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2025-06-30", opening: true))
        let event = try #require(try store.events(LogFilter(kind: "sort.finish"), lang: .vi).first)
        #expect(event.opening)
        #expect(event.day == "2025-06-30")
        #expect(try store.status(now: Fixture.now).progress.arrangedMetres == 1)
    }
}
