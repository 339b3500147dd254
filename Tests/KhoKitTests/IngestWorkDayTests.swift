import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// Issue 9, "When work happened": an ingest dates a file's work on its DateTime tag only when the tag is plausible.
@Suite struct IngestWorkDayTests {
    let scans = try! TemporaryDirectory()
    /// The ingest happens at Fixture.now, 2026-11-27 10:00 in Hà Tĩnh.
    let ingestDay = "2026-11-27"

    /// Someone acting at `date`, recorded then too (no --at).
    func who(_ date: Date, _ name: String = "Nguyễn Thị Thu") -> Attribution {
        Attribution(actor: name, recorder: "test@kho", happenedAt: date, recordedAt: date)
    }

    /// `days` days (and `hours` hours) before the ingest.
    func before(days: Double, hours: Double = 0) -> Date {
        Fixture.now.addingTimeInterval(-(days * 86_400 + hours * 3600))
    }

    /// A TIFF DateTime tag for `date`, in the archive's time zone.
    func tag(_ date: Date) -> String {
        let text = Fixture.time.dateTime(of: date)  // YYYY-MM-DD HH:MM
        return text.replacingOccurrences(of: "-", with: ":") + ":00"
    }

    /// A catalogue with box H1 and the files `codes`, each registered (file.add) at the given time.
    func catalogue(_ files: [(code: String, registered: Date)]) throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: who(before(days: 100)))
        for f in files {
            try store.registerFile(
                FileDraft(ref: FileRef(box: "H1", file: f.code), title: "hồ sơ \(f.code)"), by: who(f.registered))
        }
        return store
    }

    /// Writes master `H1/<code>/0001.tif` whose pages carry the DateTime tags `tags` (nil: no tag).
    func master(_ code: String, _ tags: [String?], name: String = "0001.tif") throws {
        let path = scans.file("H1/\(code)/\(name)")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write(tags.map { FixturePage(dateTime: $0) }, to: path)
    }

    func ingest(_ store: KhoStore, by attribution: Attribution? = nil) throws -> IngestSummary {
        try store.ingest(
            root: scans.path, profile: .vn2025, by: attribution ?? Fixture.who("Lê Thị Hoa"), lang: .vi,
            now: Fixture.now)
    }

    /// Each file's scan.ingest event: its happened day and time.
    func events(_ store: KhoStore) throws -> [String: (day: String, at: Int64)] {
        try store.read { db in
            var out: [String: (day: String, at: Int64)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT f.code, e.happened_day, e.happened_at FROM event e JOIN file f ON f.id = e.file_id WHERE e.kind = 'scan.ingest'
                    """)
            {
                out[row[0]] = (row[1], row[2])
            }
            return out
        }
    }

    @Test func aScannerClockSaying2019DatesTheWorkOnTheIngestDay() throws {
        // Given a file registered ten days ago whose master's scanner clock said 2019
        let store = try catalogue([("01", before(days: 10))])
        try master("01", ["2019:03:15 08:30:00"])
        // When it is ingested
        let summary = try ingest(store)
        // Then the work happened on the ingest day, not in 2019, and the summary says why
        let event = try #require(try events(store)["01"])
        #expect(event.day == ingestDay)
        #expect(event.at == Int64(Fixture.now.timeIntervalSince1970))
        #expect(summary.workDays == [IngestWorkDay(day: ingestDay, files: 1, source: .ingest)])
        #expect(summary.implausibleDates == 1)
        #expect(summary.implausibleReasons.beforeRegistration + summary.implausibleReasons.tooOld == 1)
        #expect(summary.implausibleReasons.future == 0)
        // and throughput counts it today
        #expect(
            try store.events(LogFilter(kind: "scan.ingest", from: "2019-01-01", to: "2019-12-31"), lang: .vi).isEmpty)
        // while the master keeps what its tag says as its scan time
        let masters = try store.masters(of: FileRef(box: "H1", file: "01"), lang: .vi).masters
        #expect(
            masters.first?.scannedAt?.hasPrefix("2019-03-15") == true, "\(String(describing: masters.first?.scannedAt))"
        )
    }

    @Test func aTagThreeDaysBeforeTheIngestAndAfterRegistrationIsTheWorkDay() throws {
        // Given a file registered ten days ago, scanned (says its tag) three days ago
        let store = try catalogue([("01", before(days: 10))])
        let scanned = before(days: 3)
        try master("01", [tag(scanned)])
        let summary = try ingest(store)
        // Then the event happened when the tag says
        let event = try #require(try events(store)["01"])
        #expect(event.day == "2026-11-24")
        #expect(event.at == Int64(scanned.timeIntervalSince1970))
        #expect(summary.workDays == [IngestWorkDay(day: "2026-11-24", files: 1, source: .tag)])
        #expect(summary.implausibleDates == 0)
    }

    @Test func aTagBeforeTheFileWasRegisteredIsNotBelieved() throws {
        // Given a file registered two days ago whose master says it was scanned three days ago (within 30 days, not future)
        let store = try catalogue([("01", before(days: 2)), ("02", before(days: 4))])
        try master("01", [tag(before(days: 3))])
        // and, beside it, a file registered four days ago with the same tag, which is believed
        try master("02", [tag(before(days: 3))])
        let summary = try ingest(store)
        let events = try events(store)
        #expect(events["01"]?.day == ingestDay)
        #expect(events["02"]?.day == "2026-11-24")
        #expect(
            summary.workDays == [
                IngestWorkDay(day: "2026-11-24", files: 1, source: .tag),
                IngestWorkDay(day: ingestDay, files: 1, source: .ingest),
            ])
        #expect(summary.implausibleDates == 1)
        #expect(summary.implausibleReasons.beforeRegistration == 1)
    }

    @Test func filesRegisteredByCSVImportAreDatedByTheirImport() throws {
        // Given files added one by one and by two imports, at different times
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: who(before(days: 100)))
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "A"), title: "a"), by: who(before(days: 20)))
        try store.importCSV(
            .files, path: Fixture.write("box,file,title\nH1,B,b\nH1,C,c\n", to: "1.csv", in: dir),
            by: who(before(days: 10)), lang: .vi)
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "D"), title: "d"), by: who(before(days: 2)))
        try store.importCSV(
            .files, path: Fixture.write("box,file,title\nH1,E,e\n", to: "2.csv", in: dir), by: who(before(days: 1)),
            lang: .vi)
        // whose masters all say they were scanned five days ago
        for code in ["A", "B", "C", "D", "E"] { try master(code, [tag(before(days: 5))]) }
        let summary = try ingest(store)
        // Then the tag counts for files registered before it, and not for those registered after
        let events = try events(store)
        #expect(
            events.mapValues(\.day) == [
                "A": "2026-11-22", "B": "2026-11-22", "C": "2026-11-22", "D": ingestDay, "E": ingestDay,
            ])
        #expect(summary.implausibleReasons.beforeRegistration == 2)
    }

    @Test func aTagInTheFutureIsNotBelieved() throws {
        // Given masters dated tomorrow and next year by their scanner's clock
        let store = try catalogue([("01", before(days: 10)), ("02", before(days: 10))])
        try master("01", ["2026:11:28 09:00:00"])
        try master("02", ["2027:06:01 09:00:00"])
        let summary = try ingest(store)
        // Then their work happened at the ingest
        let events = try events(store)
        #expect(events["01"]?.day == ingestDay && events["02"]?.day == ingestDay)
        #expect(events["01"]?.at == Int64(Fixture.now.timeIntervalSince1970))
        #expect(summary.workDays == [IngestWorkDay(day: ingestDay, files: 2, source: .ingest)])
        #expect(summary.implausibleDates == 2)
        #expect(summary.implausibleReasons.future == 2)
    }

    @Test func aTagMoreThanThirtyDaysOldIsNotBelieved() throws {
        // Given a file registered sixty days ago, and masters tagged 31 and 29 days before the ingest
        let store = try catalogue([("01", before(days: 60)), ("02", before(days: 60))])
        try master("01", [tag(before(days: 31))])
        try master("02", [tag(before(days: 29))])
        let summary = try ingest(store)
        let events = try events(store)
        #expect(events["01"]?.day == ingestDay)
        #expect(events["02"]?.day == "2026-10-29")
        #expect(summary.implausibleDates == 1 && summary.implausibleReasons.tooOld == 1)
    }

    @Test func theLatestPlausibleTagOfAFileCountsAndNoTagMeansTheIngest() throws {
        // Given one file whose pages were tagged 2019, two days ago and tomorrow, and another with no tag at all
        let store = try catalogue([("01", before(days: 10)), ("02", before(days: 10))])
        try master("01", ["2019:01:01 08:00:00", tag(before(days: 2)), "2026:11:28 08:00:00"])
        try master("01", [tag(before(days: 4))], name: "0002.tif")
        try master("02", [nil])
        let summary = try ingest(store)
        let events = try events(store)
        #expect(events["01"]?.day == "2026-11-25")
        #expect(events["02"]?.day == ingestDay)
        #expect(
            summary.workDays == [
                IngestWorkDay(day: "2026-11-25", files: 1, source: .tag),
                IngestWorkDay(day: ingestDay, files: 1, source: .ingest),
            ])
        // a file with no tag was not rejected: there was nothing to reject
        #expect(summary.implausibleDates == 0)
    }

    @Test func atOverridesEveryTag() throws {
        // Given masters with a plausible tag and an implausible one
        let store = try catalogue([("01", before(days: 10)), ("02", before(days: 10))])
        try master("01", [tag(before(days: 3))])
        try master("02", ["2019:03:15 08:30:00"])
        // When the ingest is back-dated with --at
        let summary = try ingest(store, by: Fixture.who("Lê Thị Hoa", at: "2026-11-20T14:00"))
        // Then every event happened when --at says
        let events = try events(store)
        #expect(events["01"]?.day == "2026-11-20" && events["02"]?.day == "2026-11-20")
        #expect(events["01"]?.at == Int64(Fixture.time.parse("2026-11-20T14:00")!.timeIntervalSince1970))
        #expect(summary.workDays == [IngestWorkDay(day: "2026-11-20", files: 2, source: .at)])
        #expect(summary.implausibleDates == 0)
    }

    @Test func theSummaryStatesTheWorkDaysInJSON() throws {
        let store = try catalogue([("01", before(days: 10)), ("02", before(days: 10))])
        try master("01", [tag(before(days: 3))])
        try master("02", ["2019:03:15 08:30:00"])
        let summary = try ingest(store)
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
        let days = try #require(json["work_days"] as? [[String: Any]])
        #expect(days.count == 2)
        #expect(
            days[0]["day"] as? String == "2026-11-24" && days[0]["files"] as? Int == 1
                && days[0]["source"] as? String == "tag")
        #expect(days[1]["day"] as? String == ingestDay && days[1]["source"] as? String == "ingest")
        #expect(json["implausible_dates"] as? Int == 1)
        let reasons = try #require(json["implausible_reasons"] as? [String: Any])
        #expect(Set(reasons.keys) == ["future", "before_registration", "too_old"])
        // and it reads back
        let back = try JSONDecoder().decode(IngestSummary.self, from: JSONEncoder().encode(summary))
        #expect(back.workDays == summary.workDays && back.implausibleDates == 1)
    }

    @Test func theRuleAlone() {
        let now = Fixture.now
        let plain = Attribution(actor: "a", recorder: "r", happenedAt: now, recordedAt: now)
        func decide(_ tags: [Date], registered: Date? = nil) -> (Date, WorkDaySource, IngestWorkTime.Rejection?) {
            let d = IngestWorkTime.decide(tags: tags, registered: registered, attribution: plain, now: now)
            return (d.happened, d.source, d.rejected)
        }
        #expect(decide([]) == (now, .ingest, nil))
        #expect(decide([now]) == (now, .tag, nil))
        #expect(decide([now.addingTimeInterval(1)]) == (now, .ingest, .future))
        #expect(decide([before(days: 30)]) == (before(days: 30), .tag, nil))
        #expect(decide([before(days: 30, hours: 1)]) == (now, .ingest, .tooOld))
        #expect(decide([before(days: 3)], registered: before(days: 3)) == (before(days: 3), .tag, nil))
        #expect(
            decide([before(days: 3)], registered: before(days: 3).addingTimeInterval(1)) == (
                now, .ingest, .beforeRegistration
            ))
        var at = plain
        at.happenedAt = before(days: 40)
        #expect(
            IngestWorkTime.decide(tags: [before(days: 1)], registered: nil, attribution: at, now: now).source == .at)
    }
}
