import Foundation
import GRDB
import KhoEstimation
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// What counts as done: complete files (S ≤ P ≤ 2S or confirmed), and fixity that is never silently reset.
@Suite struct CompleteFilesFixityTests {
    let scans = try! TemporaryDirectory()

    /// Box H1 with file 01 of `sheets` sheets and file 02 of 2 sheets.
    func catalogue(sheets: String = "10") throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "1"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a", sheets: sheets), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "b", sheets: "2"), by: Fixture.who())
        return store
    }

    @discardableResult
    func master(_ rel: String, _ pages: [FixturePage]) throws -> String {
        let path = scans.file(rel)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write(pages, to: path)
        return path
    }

    func ingest(_ store: KhoStore, at: String? = nil) throws -> IngestSummary {
        try store.ingest(
            root: scans.path, profile: .vn2025, by: Fixture.who("Hoa", at: at), lang: .vi, now: Fixture.now)
    }

    static let a = FileRef(box: "H1", file: "01")
    static let b = FileRef(box: "H1", file: "02")

    // MARK: complete files

    @Test func tooFewPagesIsACountMismatchNotDigitizedUntilConfirmed() throws {
        // Given a file of 10 sheets with 3 ingested pages that pass QC
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb, .rgb, .rgb])
        // When ingested
        let summary = try ingest(store)
        // Then it is a count mismatch, listed with both numbers, and not digitized
        #expect(try store.showFile(Self.a).scanState == .mismatch)
        #expect(summary.countMismatch == [CountMismatch(ref: "H1/01", pages: 3, sheets: 10)])
        let status = try store.status(now: Fixture.now)
        #expect(status.progress.ladder.mismatch == 1 && status.progress.ladder.passed == 0)
        #expect(status.progress.digitizedMetres == 0)
        // When a person confirms the count for a reason
        let confirm = try store.confirmCount(of: Self.a, note: "3 trang gộp nhiều tờ", by: Fixture.who("Thu"))
        // Then the file passed and counts as digitized
        #expect(try store.showFile(Self.a).scanState == .passed)
        #expect(try store.status(now: Fixture.now).progress.digitizedMetres > 0)
        // And the confirmation is an attributed event that can be undone
        #expect(confirm.actor == "Thu" && confirm.pages == 3)
        try store.undo(eventId: try #require(confirm.id), by: Fixture.who("Thu"))
        #expect(try store.showFile(Self.a).scanState == .mismatch)
    }

    @Test func oneOrTwoSidesPerSheetIsComplete() throws {
        // Given a file of 2 sheets: 2 pages (one side) and then 4 pages (both sides) are complete; 5 is not
        let store = try catalogue()
        try master("H1/02/0001.tif", [.rgb, .rgb])
        _ = try ingest(store)
        #expect(try store.showFile(Self.b).scanState == .passed)
        try master("H1/02/0002.tif", [FixturePage(width: 18, height: 16), FixturePage(width: 18, height: 16)])
        _ = try ingest(store)
        #expect(try store.showFile(Self.b).scanState == .passed)
        try master("H1/02/0003.tif", [FixturePage(width: 19, height: 16)])
        _ = try ingest(store)
        #expect(try store.showFile(Self.b).scanState == .mismatch)
    }

    @Test func confirmNeedsAMismatchAndANote() throws {
        let store = try catalogue()
        expectError(ReviewError.emptyNote) { try store.confirmCount(of: Self.a, note: "  ", by: Fixture.who()) }
        #expect(throws: ReviewError.self) { try store.confirmCount(of: Self.a, note: "x", by: Fixture.who()) }
    }

    @Test func aHandRecordFollowsTheSameRule() throws {
        // Given a file of 10 sheets recorded by hand with 500 pages
        let store = try catalogue()
        try store.recordScan(of: Self.a, pages: 500, by: Fixture.who("Hùng"))
        // Then it is a count mismatch, not recorded, and does not feed pages per sheet
        #expect(try store.showFile(Self.a).scanState == .mismatch)
        #expect(try store.status(now: Fixture.now).progress.ladder.recorded == 0)
        var request = EstimateRequest(rates: .defaults, ratesFound: false)
        request.resamples = 50
        #expect(try store.estimateInputs(request, now: Fixture.now).measured.pagesPerSheet == nil)
        // And 15 pages on the other file are recorded (within 2…4? no: 2 sheets take 2…4 pages)
        try store.recordScan(of: Self.b, pages: 3, by: Fixture.who("Hùng"))
        #expect(try store.showFile(Self.b).scanState == .recorded)
    }

    // MARK: fixity

    @Test func aChangedCheckedMasterNeedsReviewAndKeepsItsHashUntilAccepted() throws {
        // Given a file whose 10 one-page masters... simpler: a 2-sheet file with one 2-page master that passed
        let store = try catalogue()
        let path = try master("H1/02/0001.tif", [.rgb, .rgb])
        _ = try ingest(store)
        let before = try #require(try store.masters(of: Self.b, lang: .vi).masters.first?.sha256)
        // When its content changes (a different image, same name) and it is ingested again
        try FixtureWriter.write([FixturePage(width: 17, height: 16), .rgb], to: path)
        let summary = try ingest(store)
        // Then the old hash stays the reference, the file needs review, and the summary says so
        #expect(summary.changedAfterCheck == ["H1/02/0001.tif"])
        #expect(summary.problems.contains { $0.code == "changed_after_check" })
        #expect(try store.masters(of: Self.b, lang: .vi).masters.first?.sha256 == before)
        #expect(try store.showFile(Self.b).scanState == .review)
        #expect(try store.status(now: Fixture.now).progress.ladder.review == 1)
        // And verify keeps failing, also after another ingest
        _ = try ingest(store)
        #expect(try store.showFile(Self.b).scanState == .review)
        let verified = try store.verify(by: Fixture.who(), lang: .vi, now: Fixture.now)
        #expect(!verified.clean && verified.changed == 1)
        // When a person accepts it as a rescan
        let accept = try store.acceptMasters(of: Self.b, reason: .rescan, by: Fixture.who("Hoa"))
        // Then the new content is the reference, the history keeps both hashes, and verify is clean
        let m = try #require(try store.masters(of: Self.b, lang: .vi).masters.first)
        #expect(m.sha256 != before)
        #expect(try store.showFile(Self.b).scanState == .passed)
        #expect(try store.verify(by: Fixture.who(), lang: .vi, now: Fixture.now).clean)
        let history = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT sha256, reason FROM master_hash ORDER BY id")
        }
        #expect(history.map { $0["reason"] as String } == ["ingest", "rescan"])
        #expect((history.first?["sha256"] as String?) == before)
        // And the acceptance can be undone: back to review with the old reference
        try store.undo(eventId: try #require(accept.id), by: Fixture.who("Hoa"))
        #expect(try store.showFile(Self.b).scanState == .review)
        #expect(try store.masters(of: Self.b, lang: .vi).masters.first?.sha256 == before)
        // And nothing to accept is a readable error
        try store.acceptMasters(of: Self.b, page: "0001.tif", reason: .repair, by: Fixture.who("Hoa"))
        expectError(ReviewError.nothingToAccept(ref: "H1/02")) {
            try store.acceptMasters(of: Self.b, reason: .rescan, by: Fixture.who())
        }
    }

    @Test func aFailedMasterReplacedByARescanIsNotAReview() throws {
        // Given a master that failed QC (150 dpi)
        let store = try catalogue()
        let path = try master(
            "H1/02/0001.tif",
            [FixturePage(xResolution: 150, yResolution: 150), FixturePage(xResolution: 150, yResolution: 150)])
        _ = try ingest(store)
        #expect(try store.showFile(Self.b).scanState == .rescan)
        // When it is scanned again properly
        try FixtureWriter.write([.rgb, .rgb], to: path)
        let summary = try ingest(store)
        // Then the new content is simply the master, and the file passed
        #expect(summary.changedAfterCheck.isEmpty)
        #expect(try store.showFile(Self.b).scanState == .passed)
    }

    @Test func theSameImageTwiceIsAFinding() throws {
        // Given the same master in two files
        let store = try catalogue()
        try master("H1/02/0001.tif", [.rgb, .rgb])
        _ = try ingest(store)
        try master("H1/01/0001.tif", [.rgb, .rgb])
        // When ingested
        let summary = try ingest(store)
        // Then the later one is flagged with the other's path
        let dup = try #require(summary.problems.first { $0.code == "duplicate" })
        #expect(dup.ref == "H1/01" && dup.message.contains("H1/02/0001.tif"))
        #expect(try store.showFile(Self.a).scanState == .rescan)
    }

    // MARK: kho check

    @Test func checkFindsAStoredRungTheRuleDoesNotGive() throws {
        // Given a count mismatch and a changed master, stored as "passed" by hand (a damaged catalogue)
        let store = try catalogue()
        try master("H1/01/0001.tif", [.rgb, .rgb, .rgb])
        let path = try master(
            "H1/02/0001.tif", [FixturePage(width: 20, height: 16), FixturePage(width: 20, height: 16)])
        _ = try ingest(store)
        try FixtureWriter.write([FixturePage(width: 21, height: 16), FixturePage(width: 21, height: 16)], to: path)
        _ = try ingest(store)
        #expect(try store.check(now: Fixture.now).problems.isEmpty)
        try store.write { db in try db.execute(sql: "UPDATE file SET scan_state = 'passed'") }
        // When checked
        let report = try store.check(now: Fixture.now)
        // Then both files are named, with the rung the rule gives
        let states = report.problems.filter { $0.code == "file_state" }
        #expect(states.map(\.subject).sorted() == ["file H1/01", "file H1/02"])
        #expect(states.contains { $0.text.en.contains("“mismatch”") && $0.text.en.contains("3 pages, 10 sheets") })
        #expect(states.contains { $0.text.en.contains("“review”") })
    }

    @Test func checkListsDigitizedFilesWithoutASheetCountWithoutFailing() throws {
        // Given a digitized file whose sheets are not counted
        let store = try catalogue(sheets: "")
        try store.recordScan(of: Self.a, pages: 40, by: Fixture.who("Hùng"))
        // When checked
        let report = try store.check(now: Fixture.now)
        // Then it is clean, with a notice naming the file
        #expect(report.clean)
        #expect(report.notices.contains { $0.code == "sheets_not_counted" && $0.text.vi.contains("H1/01") })
    }
}
