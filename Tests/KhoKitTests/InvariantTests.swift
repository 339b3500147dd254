import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// A catalogue with bundle B1 (0.5 m), box H1 made from it, and box H2 holding files 01 and 02.
private func catalogue() throws -> KhoStore {
    let store = try Fixture.store()
    try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0.5"), by: Fixture.registrar)
    try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", from: "B1"), by: Fixture.registrar)
    try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1"), by: Fixture.registrar)
    try store.registerFile(FileDraft(ref: FileRef(box: "H2", file: "01"), title: "Sổ"), by: Fixture.who())
    try store.registerFile(FileDraft(ref: FileRef(box: "H2", file: "02"), title: "Công văn"), by: Fixture.who())
    return store
}

/// Everything the catalogue holds that a refused write must leave alone: the log and the box and file rows.
private func snapshot(_ store: KhoStore) throws -> [String] {
    try store.read { db in
        try ["SELECT * FROM event ORDER BY id", "SELECT * FROM box ORDER BY id", "SELECT * FROM file ORDER BY id"]
            .flatMap { sql in
                try Row.fetchAll(db, sql: sql).map(\.description)
            }
    }
}

private func codes(_ report: CheckReport) -> Set<String> { Set(report.problems.map { "\($0.code) \($0.subject)" }) }

@Suite struct ArrangementDatesTests {
    @Test func aFinishBeforeTheStartIsRefusedNamingBothTimesAndNothingChanges() throws {
        // Given B1 started on 15 Jan at 08:00
        let store = try catalogue()
        let start = try #require(
            try store.startArrangement(of: ["B1"], by: Fixture.who("Minh", at: "2026-01-15T08:00")).first?.id)
        let before = try snapshot(store)
        // When its finish is back-filled to 10 Jan
        // Then it is refused, naming both times, who started it and the start event, and nothing changes
        let expected = WorkError.finishBeforeStart(
            box: "B1", finish: "2026-01-10 16:00", start: "2026-01-15 08:00", who: "Minh", event: start,
            earliest: "2026-01-15T08:00")
        expectError(expected) { try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2026-01-10T16:00")) }
        #expect(expected.text.vi.contains("2026-01-10 16:00") && expected.text.vi.contains("2026-01-15 08:00"))
        #expect(expected.text.en.contains("2026-01-10 16:00") && expected.text.en.contains("2026-01-15 08:00"))
        #expect(expected.text.en.contains("kho undo \(start)"))
        #expect(try snapshot(store) == before)
        #expect(try store.showBox("B1").box.arrangement == .inProgress)
    }

    @Test func aFinishAtTheStartOrLaterIsAccepted() throws {
        let store = try catalogue()
        try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-01-15T08:00"))
        let finish = try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2026-01-15T08:00"))
        #expect(finish.count == 1)
        #expect(try store.check().problems == [])
    }

    @Test func timesInTheSameMinuteAreShownWithSeconds() throws {
        // Given a start recorded at 10:00:30 (now, unrounded)
        let store = try catalogue()
        let now = Fixture.now.addingTimeInterval(30)
        let who = Attribution(actor: "Thu", recorder: "test@host", happenedAt: now, recordedAt: now)
        let start = try #require(try store.startArrangement(of: ["B1"], by: who).first?.id)
        // When the finish is back-filled to 10:00 of the same minute
        // Then the message tells the two apart by their seconds
        expectError(
            WorkError.finishBeforeStart(
                box: "B1", finish: "2026-11-27 10:00:00", start: "2026-11-27 10:00:30", who: "Thu", event: start,
                earliest: "2026-11-27T10:01")
        ) {
            try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-27T10:00"))
        }
    }

    @Test func manyBoxesAreRefusedTogetherWhenOneFinishIsBeforeItsStart() throws {
        let store = try catalogue()
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1"), by: Fixture.registrar)
        try store.startArrangement(of: ["B2"], by: Fixture.who(at: "2026-02-01T08:00"))
        let before = try snapshot(store)
        #expect(throws: WorkError.self) {
            try store.finishArrangement(of: ["B1", "B2"], by: Fixture.who(at: "2026-01-20T08:00"))
        }
        #expect(try snapshot(store) == before)
    }

    @Test func aBoxNeverStartedGetsItsStartAtTheFinishTime() throws {
        // Given B1, never started
        let store = try catalogue()
        // When it is finished on 3 Nov at 16:00
        let done = try #require(
            try store.finishArrangementRecordingStarts(
                of: ["B1"], kept: "0.4", by: Fixture.who("Minh", at: "2026-11-03T16:00")
            ).first)
        // Then a sort.start and the sort.finish are both recorded, at the same time and by the same person
        let start = try #require(done.start)
        #expect(start.kind == .sortStart && done.finish.kind == .sortFinish)
        #expect(start.happenedAt == done.finish.happenedAt)
        #expect(start.actor == "Minh")
        #expect(try #require(start.id) < (try #require(done.finish.id)))
        let log = try store.events(LogFilter(box: "B1"), lang: .vi).map(\.kind)
        #expect(log == ["box.add", "sort.start", "sort.finish"])
        #expect(try store.showBox("B1").box.arrangement == .arranged)
        #expect(try store.check().problems == [])
        // and undoing the finish takes back the start recorded with it: the box is as before
        try store.undo(eventId: try #require(done.finish.id), by: Fixture.who())
        #expect(try store.showBox("B1").box.arrangement == .unarranged)
        #expect(try store.check().problems == [])
    }

    @Test func anOpeningBalanceNeedsNoStart() throws {
        let store = try catalogue()
        let done = try #require(
            try store.finishArrangementRecordingStarts(of: ["B1"], by: Fixture.who(at: "2025-06-30", opening: true))
                .first)
        #expect(done.start == nil)
        #expect(try store.events(LogFilter(box: "B1"), lang: .vi).map(\.kind) == ["box.add", "sort.finish"])
        #expect(try store.check().problems == [])
    }

    @Test func aBoxAlreadyStartedGetsNoSecondStart() throws {
        let store = try catalogue()
        try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-02T08:00"))
        let done = try #require(try store.finishArrangementRecordingStarts(of: ["B1"], by: Fixture.who()).first)
        #expect(done.start == nil)
        #expect(try store.events(LogFilter(kind: "sort.start"), lang: .vi).count == 1)
    }
}

@Suite struct KeptAndExtentTests {
    @Test(arguments: ["0.0001", "0,0004", "+0.0002"])
    func keptThatRoundsToNothingIsRefusedQuotingIt(kept: String) throws {
        let store = try catalogue()
        let before = try snapshot(store)
        expectError(WorkError.keptRoundsToZero(kept)) {
            try store.finishArrangement(of: ["B1"], kept: kept, by: Fixture.who())
        }
        #expect(WorkError.keptRoundsToZero(kept).text.vi.contains("«\(kept)»"))
        #expect(WorkError.keptRoundsToZero(kept).text.en.contains("“\(kept)”"))
        #expect(try snapshot(store) == before)
    }

    @Test func keptZeroAndNegativeKept() throws {
        let store = try catalogue()
        expectError(WorkError.badKept("-0.0001")) {
            try store.finishArrangement(of: ["B1"], kept: "-0.0001", by: Fixture.who())
        }
        expectError(WorkError.badKept("-0.1")) {
            try store.finishArrangement(of: ["B1"], kept: "-0.1", by: Fixture.who())
        }
        // everything weeded is a real outcome
        let finish = try store.finishArrangement(of: ["B1"], kept: "0", by: Fixture.who())
        #expect(finish.first?.keptMM == 0)
    }

    @Test(arguments: ["0.0001", "0,0004"])
    func extentThatRoundsToNothingIsRefusedQuotingIt(extent: String) throws {
        let store = try catalogue()
        let before = try snapshot(store)
        expectError(CatalogueError.extentRoundsToZero(extent)) {
            try store.registerBox(BoxDraft(code: "B9", fonds: "UBND-SK1", extent: extent), by: Fixture.registrar)
        }
        expectError(CatalogueError.extentRoundsToZero(extent)) {
            try store.editBox("B1", BoxChanges(extent: extent), by: Fixture.who())
        }
        #expect(CatalogueError.extentRoundsToZero(extent).text.en.contains("“\(extent)”"))
        #expect(try snapshot(store) == before)
    }

    @Test func anImportWithAnExtentThatRoundsToNothingIsRefusedWholly() throws {
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Fixture.write("box,fonds,extent_m\nB7,UBND-SK1,0.25\nB8,UBND-SK1,0.0001\n", to: "boxes.csv", in: dir)
        let before = try snapshot(store)
        do {
            try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("the import was not refused")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.count == 1)
            #expect(problems.first?.line == 3)
            #expect(problems.first?.message == CatalogueError.extentRoundsToZero("0.0001").localizedDescription)
        }
        #expect(try snapshot(store) == before)
    }

    @Test func boxEditKeptAboveTheExtentIsRefused() throws {
        // Given B1 (0.5 m) arranged, keeping 0.4 m
        let store = try catalogue()
        try store.finishArrangement(of: ["B1"], kept: "0.4", by: Fixture.who())
        let before = try snapshot(store)
        // When kept is edited above the extent, or to a value that rounds to 0 mm: refused, nothing changes
        expectError(WorkError.keptTooLarge(box: "B1", kept: Millimetres(600), extent: Millimetres(500))) {
            try store.editBox("B1", BoxChanges(kept: "0.6"), by: Fixture.who())
        }
        expectError(WorkError.keptRoundsToZero("0.0001")) {
            try store.editBox("B1", BoxChanges(kept: "0.0001"), by: Fixture.who())
        }
        expectError(WorkError.keptTooLarge(box: "B1", kept: Millimetres(400), extent: Millimetres(300))) {
            try store.editBox("B1", BoxChanges(extent: "0.3", kept: "0.4"), by: Fixture.who())
        }
        #expect(try snapshot(store) == before)
    }

    @Test func boxEditExtentBelowKeptIsRefused() throws {
        let store = try catalogue()
        try store.finishArrangement(of: ["B1"], kept: "0.4", by: Fixture.who())
        let before = try snapshot(store)
        let expected = CatalogueError.extentBelowKept(box: "B1", extent: Millimetres(300), kept: Millimetres(400))
        expectError(expected) { try store.editBox("B1", BoxChanges(extent: "0.3"), by: Fixture.who()) }
        #expect(expected.text.en.contains("--kept"))
        #expect(try snapshot(store) == before)
        // both together are fine
        let box = try store.editBox("B1", BoxChanges(extent: "0.3", kept: "0.3"), by: Fixture.who())
        #expect(box.extentMM == 300 && box.keptMM == 300)
        #expect(try store.check().problems == [])
    }

    @Test func keptIsCorrectedOnAnArrangedBoxOnlyAndTheCheckAgrees() throws {
        let store = try catalogue()
        expectError(WorkError.keptNotArranged(box: "B1", state: ArrangementState.unarranged.label)) {
            try store.editBox("B1", BoxChanges(kept: "0.2"), by: Fixture.who())
        }
        try store.finishArrangement(of: ["B1"], kept: "0.4", by: Fixture.who())
        let edit = try store.editBox("B1", BoxChanges(kept: "0,35"), by: Fixture.who())
        #expect(edit.keptMM == 350)
        #expect(try store.showBox("B1").box.keptMetres == 0.35)
        #expect(try store.check().problems == [])
        // and the correction can be undone
        let last = try #require(try store.events(LogFilter(kind: "box.edit"), lang: .vi).last?.id)
        try store.undo(eventId: last, by: Fixture.who())
        #expect(try store.showBox("B1").box.keptMetres == 0.4)
        #expect(try store.check().problems == [])
    }

    @Test func aBoxMadeByArrangementKeepsAllOfANewExtent() throws {
        let store = try catalogue()
        let box = try store.editBox("H1", BoxChanges(extent: "0.1"), by: Fixture.who())
        #expect(box.extentMM == 100 && box.keptMM == 100)
        let wider = try store.editBox("H1", BoxChanges(extent: "0.2"), by: Fixture.who())
        #expect(wider.keptMM == 200)
        #expect(try store.check().problems == [])
    }
}

@Suite struct FileMoveWithMastersTests {
    let scans = try! TemporaryDirectory()

    @Test func aFileWithMastersOnRecordIsNotMovedAndTheMessageSaysWhatToDo() throws {
        // Given H2/01 with one master ingested (so it passed QC)
        let store = try catalogue()
        let path = scans.file("H2/01/0001.tif")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb], to: path)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who(), lang: .vi, now: Fixture.now)
        #expect(try store.showFile(FileRef(box: "H2", file: "01")).scanState == .passed)
        try store.registerBox(BoxDraft(code: "H3", fonds: "UBND-SK1"), by: Fixture.registrar)
        let before = try snapshot(store)
        // When it is moved to H3
        // Then the move is refused, naming the folder to move and where, and nothing changes
        let root = URL(fileURLWithPath: scans.path).standardizedFileURL.path
        let expected = CatalogueError.fileHasMasters(
            ref: "H2/01", masters: 1, folder: root + "/H2/01", newFolder: root + "/H3/01")
        expectError(expected) { try store.moveFile(FileRef(box: "H2", file: "01"), toBox: "H3", by: Fixture.who()) }
        #expect(expected.text.en.contains("Move the folder \(root)/H2/01 to \(root)/H3/01, then run `kho scan ingest`"))
        #expect(expected.text.vi.contains("kho scan ingest"))
        #expect(try snapshot(store) == before)
        #expect(try store.check().problems == [])
        // and a file without masters still moves
        try store.moveFile(FileRef(box: "H2", file: "02"), toBox: "H3", by: Fixture.who())
    }

    @Test func mastersMarkedMissingDoNotHoldAFileBack() throws {
        let store = try catalogue()
        try store.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, pages, readable, profile, ingested_at, missing)
                    VALUES ((SELECT id FROM file WHERE code = '01'), 'H2/01/0001.tif', '/scans', '/scans/H2/01/0001.tif', '0001.tif', 1, 1, 1, 1, 1, 1, 1, 'vn-2025', 0, 1)
                    """)
        }
        let moved = try store.moveFile(FileRef(box: "H2", file: "01"), toBox: "H1", by: Fixture.who())
        #expect(moved.code == "01")
    }
}

@Suite struct InvariantCheckTests {
    @Test func aCatalogueWrittenThroughTheNewRulesIsClean() throws {
        let store = try catalogue()
        try store.finishArrangement(of: ["B1"], kept: "0.4", by: Fixture.who(at: "2026-11-03T16:00"))
        try store.editBox("B1", BoxChanges(kept: "0.3"), by: Fixture.who())
        try store.editBox("H1", BoxChanges(extent: "0.2"), by: Fixture.who())
        try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: 12, by: Fixture.who())
        #expect(try store.check().problems == [])
    }

    @Test func aFinishEarlierThanItsStartIsFound() throws {
        // Given a box started and finished in order, whose finish was moved before its start behind kho's back
        let store = try catalogue()
        let start = try #require(
            try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-02T08:00")).first?.id)
        let finish = try #require(
            try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-03T16:00")).first?.id)
        #expect(try store.check().problems == [])
        try store.writer.write { db in
            try db.tamperWithLog(
                "UPDATE event SET happened_at = happened_at - 3 * 86400, happened_day = '2026-10-31' WHERE id = ?",
                arguments: [finish])
        }
        // When it is checked
        let report = try store.check()
        // Then the box is named, with both times and both events
        let problem = try #require(report.problems.first { $0.code == "finish_before_start" })
        #expect(problem.subject == "box B1")
        #expect(problem.text.en.contains("2026-10-31 16:00") && problem.text.en.contains("2026-11-02 08:00"))
        #expect(problem.text.en.contains("event \(finish)") && problem.text.en.contains("event \(start)"))
        #expect(!problem.text.vi.isEmpty && problem.text.vi != problem.text.en)
    }

    @Test func anUndoneStartDoesNotCount() throws {
        // A start undone, then a new start and a finish: the finish is compared with the live start only
        let store = try catalogue()
        let first = try #require(
            try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-20T08:00")).first?.id)
        try store.undo(eventId: first, by: Fixture.who())
        try store.startArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-01T08:00"))
        try store.finishArrangement(of: ["B1"], by: Fixture.who(at: "2026-11-05T16:00"))
        #expect(try store.check().problems == [])
    }

    @Test func keptAboveTheExtentIsFoundOnTheBoxAndOnTheFinish() throws {
        let store = try catalogue()
        let finish = try #require(try store.finishArrangement(of: ["B1"], kept: "0.4", by: Fixture.who()).first?.id)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE box SET extent_mm = 300 WHERE code = 'B1'")
            try db.tamperWithLog("UPDATE event SET kept_mm = 600 WHERE id = ?", arguments: [finish])
        }
        let report = try store.check()
        let box = try #require(
            report.problems.first {
                $0.code == "metres" && $0.subject == "box B1" && $0.text.en.contains("exceeds its extent")
            })
        #expect(box.text.en.contains("400 mm") && box.text.en.contains("300 mm"))
        let event = try #require(report.problems.first { $0.code == "metres" && $0.subject == "event \(finish)" })
        #expect(event.text.en.contains("600 mm") && event.text.en.contains("500 mm"))
    }

    /// A catalogue with two hand-recorded files; returns the ids of their scan.record events and of H2/01's file.add.
    private func recorded() throws -> (KhoStore, one: Int64, two: Int64, fileAdd: Int64) {
        let store = try catalogue()
        let one = try #require(
            try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: 10, by: Fixture.who()).id)
        let two = try #require(
            try store.recordScan(of: FileRef(box: "H2", file: "02"), pages: 12, by: Fixture.who()).id)
        let fileAdd = try #require(
            try store.events(LogFilter(kind: "file.add"), lang: .vi).first { $0.file == "H2/01" }?.id)
        #expect(try store.check().problems == [])
        return (store, one, two, fileAdd)
    }

    @Test func aSupersedesLinkToNothingIsFound() throws {
        let (store, _, two, _) = try recorded()
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.tamperWithLog("UPDATE event SET supersedes = 9999 WHERE id = ?", arguments: [two])
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let problem = try #require(try store.check().problems.first { $0.code == "event_supersedes" })
        #expect(problem.subject == "event \(two)")
        #expect(problem.text.en.contains("9999") && problem.text.en.contains("does not exist"))
    }

    @Test func aSupersedesLinkToAnotherFilesEventIsFound() throws {
        let (store, one, two, _) = try recorded()
        try store.writer.write { db in
            try db.tamperWithLog("UPDATE event SET supersedes = ? WHERE id = ?", arguments: [one, two])
        }
        let problems = try store.check().problems.filter { $0.code == "event_supersedes" }
        #expect(problems.count == 1)
        #expect(problems.first?.subject == "event \(two)")
        #expect(problems.first?.text.en.contains("another file (H2/01)") == true)
    }

    @Test func aSupersedesLinkToANonScanEventIsFound() throws {
        let (store, one, _, fileAdd) = try recorded()
        try store.writer.write { db in
            try db.tamperWithLog("UPDATE event SET supersedes = ? WHERE id = ?", arguments: [fileAdd, one])
        }
        let problems = try store.check().problems.filter { $0.code == "event_supersedes" }
        #expect(problems.count == 1)
        #expect(problems.first?.subject == "event \(one)")
        #expect(problems.first?.text.en.contains("file.add") == true)
        #expect(problems.first?.text.en.contains("not a scan event") == true)
    }

    @Test(arguments: [ScanState.passed, .delivered])
    func aFileThatPassedWithoutMastersIsFound(state: ScanState) throws {
        // Given a file with a master on record, then one whose masters are all gone from the record
        let store = try catalogue()
        try store.writer.write { db in
            try db.execute(sql: "UPDATE file SET scan_state = ? WHERE code = '01'", arguments: [state.rawValue])
            try db.execute(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, pages, readable, profile, ingested_at)
                    VALUES ((SELECT id FROM file WHERE code = '01'), 'H2/01/0001.tif', '/nowhere', '/nowhere/H2/01/0001.tif', '0001.tif', 1, 1, 1, 1, 1, 1, 1, 'vn-2025', 0)
                    """)
        }
        #expect(!codes(try store.check()).contains("file_no_masters file H2/01"))
        // When its only master is marked missing
        try store.writer.write { db in try db.execute(sql: "UPDATE master SET missing = 1") }
        // Then the check names the file and its state
        let problem = try #require(try store.check().problems.first { $0.code == "file_no_masters" })
        #expect(problem.subject == "file H2/01")
        #expect(problem.text.en.contains("“\(state.rawValue)”") && problem.text.en.contains("kho scan ingest"))
        #expect(!problem.text.vi.isEmpty)
    }
}

@Suite struct LiveEventTests {
    @Test func undoneAndSupersededEventsAreNotLive() throws {
        // Given a start that was undone, a hand record superseded (by hand) and a live record
        let store = try catalogue()
        let start = try #require(try store.startArrangement(of: ["B1"], by: Fixture.who()).first?.id)
        try store.undo(eventId: start, by: Fixture.who())
        let one = try #require(
            try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: 10, by: Fixture.who()).id)
        let two = try #require(
            try store.recordScan(of: FileRef(box: "H2", file: "02"), pages: 12, by: Fixture.who()).id)
        try store.writer.write { db in
            try db.tamperWithLog("UPDATE event SET supersedes = ? WHERE id = ?", arguments: [one, two])
        }
        // When live events of those kinds are read through the one definition
        let live = try store.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT e.kind || ' ' || e.id FROM event e WHERE e.kind IN ('sort.start', 'scan.record') AND \(LiveEvent.sql(alias: "e"))
                    ORDER BY e.id
                    """)
        }
        // Then only the record that is neither undone nor superseded is live
        #expect(live == ["scan.record \(two)"])
        // and a condition on the later event lets the log be read as it stood before the supersedes link
        let before = try store.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM event e WHERE e.kind = 'scan.record' AND \(LiveEvent.sql(alias: "e", counting: "later.id < ?"))
                    """, arguments: [two])
        }
        #expect(before == 2)
    }

    @Test func theConditionWorksOnTheQueryInterface() throws {
        let store = try catalogue()
        let start = try #require(try store.startArrangement(of: ["B1"], by: Fixture.who()).first?.id)
        try store.undo(eventId: start, by: Fixture.who())
        let count = try store.read { db in
            try Event.filter(Column("kind") == "sort.start").filter(sql: LiveEvent.sql(alias: "event")).fetchCount(db)
        }
        #expect(count == 0)
    }
}

@Suite struct MetresRoundingTests {
    @Test(arguments: [
        ("0.0001", true), ("0,0004", true), ("-0.0004", true), ("0.0005", false), ("0", false), ("0.001", false),
        ("abc", false), ("", false),
    ])
    func roundsToZero(text: String, expected: Bool) {
        #expect(Millimetres.roundsToZero(metres: text) == expected)
    }

    @Test func aNumberTooLargeForMillimetresIsNotANumberOfMetres() {
        #expect(Millimetres.parse(metres: "99999999999999999999999") == nil)
        #expect(Millimetres.parse(metres: "1000000000")?.value == 1_000_000_000_000)
    }
}
