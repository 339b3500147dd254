import Foundation
import Testing

@testable import KhoKit

/// `kho out` / `kho in`: who has a box or file, since when, and what that forbids.
@Suite struct CustodyTests {
    /// Boxes H1 (A-1, files 01 and 02) and H2 (A-2, file 01).
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", location: "A-1"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1", location: "A-2"), by: Fixture.registrar)
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Sổ địa bạ"), by: who)
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "02"), title: "Công văn"), by: who)
        try store.registerFile(FileDraft(ref: FileRef(box: "H2", file: "01"), title: "Sổ hộ tịch"), by: who)
        return store
    }

    let h1 = CustodyTarget.box("H1")
    let h101 = CustodyTarget.file(FileRef(box: "H1", file: "01"))

    @Test func outAndInAreAttributedEventsAndShowWhereThingsAre() throws {
        let store = try catalogue()
        // When H1 goes out to Hoa for scanning, recorded by Thu
        let out = try store.takeOut(
            h1, to: "Lê Thị Hoa", purpose: "số hóa", due: "2026-11-30",
            by: Fixture.who("Nguyễn Thị Thu", at: "2026-11-20T09:00"), now: Fixture.now)
        // Then who, since when, why and until when are kept, and the event is attributed
        #expect(out.thing == "H1")
        #expect(out.holder == "Lê Thị Hoa")
        #expect(out.purpose == .scan)
        #expect(out.since == "2026-11-20 09:00")
        #expect(out.due == "2026-11-30")
        #expect(out.daysOut == 7)
        #expect(!out.overdue)
        let event = try #require(try store.events(LogFilter(kind: "custody.out"), lang: .vi).first)
        #expect(event.actor == "Nguyễn Thị Thu")
        #expect(event.box == "H1")
        // And the box and its files say they are out; the other box is in
        #expect(try store.custodyHolder(of: h1, now: Fixture.now)?.holder == "Lê Thị Hoa")
        let file = try store.showFile(FileRef(box: "H1", file: "01"))
        #expect(file.custody?.withBox == true)
        #expect(file.custody?.whereabouts(.vi).contains("cùng cả hộp H1") == true)
        #expect(try store.showBox("H1").box.custody?.holder == "Lê Thị Hoa")
        #expect(try store.custodyHolder(of: .box("H2")) == nil)
        #expect(try store.showFile(FileRef(box: "H2", file: "01")).location == "A-2")
        // When it comes back, Then it is in, and the custody says when and who recorded it
        let back = try store.bringIn(h1, by: Fixture.who("Trần Văn Minh", at: "2026-11-25T16:00"), now: Fixture.now)
        #expect(back.returned == "2026-11-25 16:00")
        #expect(back.returnedBy == "Trần Văn Minh")
        #expect(back.daysOut == 5)
        #expect(try store.custodyHolder(of: h1) == nil)
        #expect(try store.custodyList(now: Fixture.now).isEmpty)
        #expect(try store.check(now: Fixture.now).problems.isEmpty)
    }

    @Test func somethingAlreadyOutCannotGoOutAgainAndTheMessageSaysWhoHasIt() throws {
        let store = try catalogue()
        try store.takeOut(
            h1, to: "Lê Thị Hoa", purpose: "scan", by: Fixture.who(at: "2026-11-20T09:00"), now: Fixture.now)
        let before = try Fixture.eventCount(store)
        // Taking out the box again
        expectError(
            CustodyError.alreadyOut(
                thing: "H1", holder: "Lê Thị Hoa", since: "2026-11-20 09:00", purpose: CustodyPurpose.scan.label,
                returnWith: "kho in H1")
        ) {
            try store.takeOut(h1, to: "Minh", purpose: "read", by: Fixture.who())
        }
        // A file of the box that is out
        expectError(
            CustodyError.insideBoxOut(file: "H1/01", box: "H1", holder: "Lê Thị Hoa", since: "2026-11-20 09:00")
        ) {
            try store.takeOut(h101, to: "Minh", purpose: "read", by: Fixture.who())
        }
        #expect(try Fixture.eventCount(store) == before)
        // When the box is back and one file goes out, Then the file cannot go out twice, nor the box as a whole
        try store.bringIn(h1, by: Fixture.who(at: "2026-11-21T09:00"))
        try store.takeOut(h101, to: "Chủ tịch UBND", purpose: "read", by: Fixture.who(at: "2026-11-22T09:00"))
        expectError(
            CustodyError.alreadyOut(
                thing: "H1/01", holder: "Chủ tịch UBND", since: "2026-11-22 09:00",
                purpose: CustodyPurpose.read.label, returnWith: "kho in H1/01")
        ) {
            try store.takeOut(h101, to: "Minh", purpose: "read", by: Fixture.who())
        }
        expectError(CustodyError.filesOut(box: "H1", files: "H1/01 (Chủ tịch UBND)")) {
            try store.takeOut(h1, to: "Minh", purpose: "scan", by: Fixture.who())
        }
        #expect(
            CustodyError.alreadyOut(
                thing: "H1/01", holder: "Chủ tịch UBND", since: "s", purpose: Text(verbatim: "p"),
                returnWith: "kho in H1/01"
            )
            .text.vi.hasPrefix("hồ sơ H1/01 đang ở ngoài kho: Chủ tịch UBND giữ"))
    }

    @Test func bringingInWhatIsNotOutIsRefusedSayingWhatIsOut() throws {
        let store = try catalogue()
        expectError(CustodyError.notOut(thing: "H1", hint: nil)) { try store.bringIn(h1, by: Fixture.who()) }
        try store.takeOut(h1, to: "Hoa", purpose: "repair", by: Fixture.who(at: "2026-11-20T09:00"))
        expectError(CustodyError.notOut(thing: "H1/01", hint: .withBox(box: "H1", holder: "Hoa"))) {
            try store.bringIn(h101, by: Fixture.who())
        }
        try store.bringIn(h1, by: Fixture.who(at: "2026-11-21T09:00"))
        try store.takeOut(h101, to: "Minh", purpose: "lend", by: Fixture.who(at: "2026-11-22T09:00"))
        expectError(CustodyError.notOut(thing: "H1", hint: .files("H1/01 (Minh)"))) {
            try store.bringIn(h1, by: Fixture.who())
        }
        // A return before the hand-out is refused
        expectError(
            CustodyError.returnBeforeOut(
                thing: "H1/01", returned: "2026-11-21 09:00", out: "2026-11-22 09:00", earliest: "2026-11-22T09:00")
        ) {
            try store.bringIn(h101, by: Fixture.who(at: "2026-11-21T09:00"))
        }
    }

    @Test func aBoxOrFileOutCannotBeMoved() throws {
        let store = try catalogue()
        try store.takeOut(h1, to: "Lê Thị Hoa", purpose: "scan", by: Fixture.who(at: "2026-11-20T09:00"))
        let refusal = CustodyError.cannotMoveWhileOut(
            thing: "H1", holder: "Lê Thị Hoa", since: "2026-11-20 09:00", returnWith: "kho in H1")
        // Moving the box, editing its location, moving a file out of it or into it: all refused, naming who has it
        expectError(refusal) { try store.moveBox("H1", to: "B-1", by: Fixture.who()) }
        expectError(refusal) { try store.editBox("H1", BoxChanges(location: "B-1", notes: "x"), by: Fixture.who()) }
        expectError(refusal) { try store.moveFile(FileRef(box: "H1", file: "02"), toBox: "H2", by: Fixture.who()) }
        expectError(refusal) { try store.moveFile(FileRef(box: "H2", file: "01"), toBox: "H1", by: Fixture.who()) }
        #expect(refusal.text.vi.contains("Lê Thị Hoa") && refusal.text.vi.contains("`kho in H1`"))
        // Other edits of the box stay allowed
        try store.editBox("H1", BoxChanges(notes: "mốc ở góc"), by: Fixture.who())
        // When it is back, Then it moves
        try store.bringIn(h1, by: Fixture.who(at: "2026-11-21T09:00"))
        let moved = try store.moveBox("H1", to: "B-1", by: Fixture.who())
        #expect(moved.location == "B-1")
        // And a file out on its own cannot be moved either, nor can an undo put it back
        try store.moveFile(FileRef(box: "H1", file: "02"), toBox: "H2", by: Fixture.who())
        let move = try #require(try store.events(LogFilter(kind: "file.move"), lang: .vi).last?.id)
        try store.takeOut(.file(FileRef(box: "H2", file: "02")), to: "Minh", purpose: "read", by: Fixture.who())
        #expect(throws: CustodyError.self) {
            try store.moveFile(FileRef(box: "H2", file: "02"), toBox: "H1", by: Fixture.who())
        }
        #expect(throws: CustodyError.self) { try store.undo(eventId: move, by: Fixture.who()) }
        #expect(try store.showFile(FileRef(box: "H2", file: "02")).custody?.holder == "Minh")
    }

    @Test func theListPutsOverdueFirstMostOverdueFirst() throws {
        // Given four things out: two overdue (by 7 and by 2 days), one not yet due, one without a due day
        let store = try catalogue()
        try store.takeOut(
            .box("H2"), to: "An", purpose: "scan", due: "2026-12-31", by: Fixture.who(at: "2026-11-01T08:00"))
        try store.takeOut(h101, to: "Bình", purpose: "read", due: "2026-11-25", by: Fixture.who(at: "2026-11-10T08:00"))
        try store.takeOut(
            .file(FileRef(box: "H1", file: "02")), to: "Chi", purpose: "lend", due: "2026-11-20",
            by: Fixture.who(at: "2026-11-15T08:00"))
        // When the list is asked for on 2026-11-27
        let list = try store.custodyList(now: Fixture.now)
        // Then the overdue ones come first, the most overdue first, then the rest, longest out first
        #expect(list.map(\.thing) == ["H1/02", "H1/01", "H2"])
        #expect(list.map(\.daysOverdue) == [7, 2, 0])
        #expect(list.map(\.overdue) == [true, true, false])
        // And kho check notes them, without calling them faults
        let report = try store.check(now: Fixture.now)
        #expect(report.problems.isEmpty)
        #expect(report.notices.filter { $0.code == "custody_overdue" }.map(\.subject) == ["file H1/01", "file H1/02"])
    }

    @Test func badValuesAreRefusedNamingThem() throws {
        let store = try catalogue()
        expectError(CustodyError.badPurpose("ngắm")) {
            try store.takeOut(h1, to: "Hoa", purpose: "ngắm", by: Fixture.who())
        }
        expectError(CustodyError.badDue("30/11/2026")) {
            try store.takeOut(h1, to: "Hoa", purpose: "scan", due: "30/11/2026", by: Fixture.who())
        }
        expectError(CustodyError.dueBeforeOut(due: "2026-11-26", out: "2026-11-27")) {
            try store.takeOut(h1, to: "Hoa", purpose: "scan", due: "2026-11-26", by: Fixture.who())
        }
        expectError(CatalogueError.emptyText(.holder)) {
            try store.takeOut(h1, to: " ", purpose: "scan", by: Fixture.who())
        }
        expectError(CatalogueError.unknownBox("H9")) {
            try store.takeOut(.box("H9"), to: "Hoa", purpose: "scan", by: Fixture.who())
        }
        #expect(try CustodyTarget(parsing: "H1/01") == h101)
        #expect(try CustodyTarget(parsing: " H1 ") == h1)
    }

    @Test func outAndInAreUndoneLatestFirst() throws {
        let store = try catalogue()
        let out = try store.takeOut(h1, to: "Hoa", purpose: "scan", by: Fixture.who(at: "2026-11-20T09:00"))
        let back = try store.bringIn(h1, by: Fixture.who(at: "2026-11-21T09:00"))
        let backId = try #require(back.returnEvent)
        // The hand-out cannot be undone while its return stands
        expectError(WorkError.laterEventFirst(id: out.event, later: backId, kind: EventKind.custodyIn.label)) {
            _ = try store.undo(eventId: out.event, by: Fixture.who())
        }
        // Undoing the return puts it out again; then the hand-out can be undone, and nothing is out
        try store.undo(eventId: backId, by: Fixture.who())
        #expect(try store.custodyHolder(of: h1)?.holder == "Hoa")
        try store.undo(eventId: out.event, by: Fixture.who())
        #expect(try store.custodyHolder(of: h1) == nil)
        #expect(try store.check(now: Fixture.now).problems.isEmpty)
        // A return cannot be undone once the thing is out again with someone else
        try store.takeOut(h1, to: "Hoa", purpose: "scan", by: Fixture.who(at: "2026-11-22T09:00"))
        let second = try store.bringIn(h1, by: Fixture.who(at: "2026-11-23T09:00"))
        let again = try store.takeOut(h1, to: "Minh", purpose: "read", by: Fixture.who(at: "2026-11-24T09:00"))
        expectError(
            WorkError.laterEventFirst(
                id: try #require(second.returnEvent), later: again.event, kind: EventKind.custodyOut.label)
        ) {
            _ = try store.undo(eventId: try #require(second.returnEvent), by: Fixture.who())
        }
    }

    @Test func checkFindsCustodyTheLogDoesNotExplain() throws {
        let store = try catalogue()
        try store.takeOut(h1, to: "Hoa", purpose: "scan", by: Fixture.who(at: "2026-11-20T09:00"))
        try store.bringIn(h1, by: Fixture.who(at: "2026-11-21T09:00"))
        // When the return is wiped from the custody by hand (its event stays)
        try store.write { db in try db.execute(sql: "UPDATE custody SET in_at = NULL, in_event_id = NULL") }
        // Then kho check names the box and the orphaned return event
        let problems = try store.check(now: Fixture.now).problems.filter { $0.code == "custody" }
        #expect(
            problems.map(\.subject).contains(
                "event \(try #require(try store.events(LogFilter(kind: "custody.in"), lang: .vi).first?.id))"))
    }
}
