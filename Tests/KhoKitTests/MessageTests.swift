import Foundation
import GRDB
import KhoEstimation
import KhoTestSupport
import Testing

@testable import KhoKit

/// What people read when the disk is full, KHO_TZ is bogus, or the clock is behind the log.
@Suite(.timeLimit(.minutes(20))) struct MessageTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    // MARK: KHO_TZ

    @Test(arguments: ["Mars/Olympus", " Asia/Ho_Chi_Minh", "GMT+25", "Asia/Ho Chi Minh"])
    func aBogusKHO_TZIsAnErrorNamingIt(zone: String) throws {
        // The issue's example (a zone that does not exist) and others of its kind
        expectError(LocalTimeError.unknownZone(zone)) { try LocalTime.configured(["KHO_TZ": zone]) }
        #expect(LocalTimeError.unknownZone(zone).text.vi.contains("«\(zone)»"))
        #expect(LocalTimeError.unknownZone(zone).text.en.contains("“\(zone)”"))
    }

    @Test func anUnsetOrRealKHO_TZStillWorks() throws {
        #expect(try LocalTime.configured([:]).timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(try LocalTime.configured(["KHO_TZ": ""]).timeZone.identifier == "Asia/Ho_Chi_Minh")
        #expect(try LocalTime.configured(["KHO_TZ": "Europe/Paris"]).timeZone.identifier == "Europe/Paris")
        #expect(try LocalTime.configured(["KHO_TZ": "UTC"]).timeZone.secondsFromGMT() == 0)
    }

    // MARK: the clock behind the log

    func estimateRequest() -> EstimateRequest {
        var request = EstimateRequest(rates: .defaults, ratesFound: false)
        request.resamples = 200
        return request
    }

    /// A catalogue whose work was done on 2026-11-19…26 and recorded on the 27th (Fixture.now).
    func workedCatalogue() throws -> KhoStore {
        let store = try Fixture.store()
        for i in 1...8 {
            try store.registerBox(BoxDraft(code: "B\(i)", fonds: "UBND-SK1", extent: "0,5"), by: Fixture.registrar)
        }
        for (i, day) in (19...26).enumerated() {
            let who = Fixture.who(at: "2026-11-\(day)T09:00")
            try store.startArrangement(of: ["B\(i + 1)"], by: who)
            try store.finishArrangement(of: ["B\(i + 1)"], by: Fixture.who(at: "2026-11-\(day)T16:00"))
        }
        return store
    }

    @Test func aClockBehindTheLatestEventsIsAWarningNotASilentZeroDays() throws {
        // Given work recorded up to 2026-11-27, and a computer whose clock says 2026-11-10 (the issue's example)
        let store = try workedCatalogue()
        let behind = Fixture.time.parse("2026-11-10T08:00")!
        // When an estimate is made
        let (_, result) = try store.makeEstimate(estimateRequest(), now: behind)
        // Then it warns, first, with key clock_behind, naming the clock and the latest event
        let warning = try #require(result.warnings.first)
        #expect(warning.code == "clock_behind" && warning.key == "clock_behind" && warning.part == nil)
        #expect(warning.message.en.contains("2026-11-10 08:00") && warning.message.en.contains("2026-11-27"))
        #expect(warning.message.vi.contains("đồng hồ"))
        // And the JSON keeps its shape: a warning is {code, key, part, message} like every other
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any]
        let first = (json?["warnings"] as? [[String: Any]])?.first
        #expect(
            Set(first?.keys.map { $0 } ?? [])
                == Set(((json?["warnings"] as? [[String: Any]])?.last?.keys.map { $0 }) ?? []))
        // And with the clock right there is no such warning
        let (_, right) = try store.makeEstimate(estimateRequest(), now: Fixture.now)
        #expect(!right.warnings.contains { $0.key == "clock_behind" })
        #expect(right.daysOfData > 0)
    }

    @Test func aClockAFewHoursBehindOnTheSameDayIsWarnedToo() throws {
        // Given events recorded at 10:00 and a clock saying 07:30 the same day
        let store = try workedCatalogue()
        let early = Fixture.time.parse("2026-11-27T07:30")!
        #expect(try store.clockNotice(now: early)?.key == "clock_behind")
        // But not a clock two minutes behind (machines differ a little), nor an estimate --as-of a past day
        #expect(try store.clockNotice(now: Fixture.now.addingTimeInterval(-120)) == nil)
        #expect(try store.clockNotice(now: early, asOf: LocalDay(iso: "2026-11-01")) == nil)
        // And an empty catalogue says nothing
        #expect(
            try KhoStore.inMemory(time: Fixture.time).clockNotice(now: early.addingTimeInterval(-86_400 * 400)) == nil)
    }

    // MARK: a full disk

    @Test func aFullDiskReadsAsAFullDiskAndTheCatalogueIsUnchanged() throws {
        // Given a catalogue on a small disk (a 2 MiB tmpfs; root only, skipped where mount is not permitted),
        // closed cleanly, then the disk filled by something else
        let mount = dir.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard shell("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount) == 0 else { return }
        defer { _ = shell("umount", mount) }
        let path = mount + "/kho.sqlite"
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        try store.writer.close()
        _ = shell("dd", "if=/dev/zero", "of=\(mount)/fill", "bs=16k", "count=200")
        let before = try fingerprint(path)
        // When kho reads it, and writes to it (the issue's example: SQLite says "disk I/O error")
        var errors: [any Error] = []
        do {
            let again = try KhoStore.open(path: path, forWriting: true)
            _ = try again.listBoxes()
            try again.registerBox(BoxDraft(code: "B1", fonds: "F"), by: Fixture.who())
        } catch { errors.append(error) }
        do { _ = try KhoStore.open(path: path, forWriting: false).status(now: Fixture.now) } catch {
            errors.append(error)
        }
        // Then each says the disk is full, and the catalogue is byte for byte what it was
        #expect(errors.count == 2)
        for error in errors {
            #expect(error as? StoreError == .diskFull(path: path), "\(error)")
            #expect(!(error.localizedDescription.contains("I/O")))
        }
        #expect(try fingerprint(path) == before)
    }

    @Test func aRestoreOntoAFullDiskSaysSoAndLeavesTheCatalogueAsItWas() throws {
        // Given a catalogue on a small disk with room for itself but not for a restore's staging copy
        let mount = dir.appendingPathComponent("disk").path
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        guard shell("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount) == 0 else { return }
        defer { _ = shell("umount", mount) }
        let path = mount + "/kho.sqlite"
        let store = try KhoStore.open(path: path, forWriting: true)
        try store.addFonds(code: "F", name: "Phông", by: Fixture.who())
        try store.writer.close()
        // And a backup elsewhere bigger than the room left
        let big = try KhoStore.open(path: dir.appendingPathComponent("big.sqlite").path, forWriting: true)
        try big.addFonds(code: "G", name: "Phông lớn", by: Fixture.who())
        try big.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
                    INSERT INTO box (code, fonds_id, extent_mm, location) SELECT 'B' || i, 1, 100, printf('%.2000c', 'x') FROM n
                    """)
        }
        let backup = try big.backup(to: dir.appendingPathComponent("big-backup.sqlite").path)
        #expect(backup.bytes > 1 << 20)
        let before = try fingerprint(path)
        // When it is restored
        let live = try KhoStore.open(path: path, forWriting: true)
        do {
            _ = try live.restore(from: backup.path, replacing: true, by: Fixture.who("Hoa"))
            Issue.record("a restore bigger than the disk succeeded")
        } catch let error as MaintenanceError {
            // Then the message says the disk is full and that nothing changed
            guard case .restoreFailed(_, let reason) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(reason.en.contains("full") && error.text.en.contains("unchanged"))
        } catch let error as StoreError {
            #expect(error == .diskFull(path: path))
        }
        try live.writer.close()
        #expect(try fingerprint(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: mount).filter { $0.contains(".partial-") } == [])
    }
}
