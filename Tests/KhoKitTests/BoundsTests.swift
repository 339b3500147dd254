import Foundation
import GRDB
import KhoEstimation
import KhoTestSupport
import Testing

@testable import KhoKit

/// Issue 11, class 6: quantities have bounds a real archive never reaches (a box ≤ 10 m, a file ≤ 100,000 pages
/// and sheets), refused beyond them through commands and CSV alike; no input reaches a trap, and a catalogue
/// damaged with huge values by raw SQL still gives status, check, estimate and report.
@Suite struct BoundsTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    func counts(_ store: KhoStore) throws -> [Int] {
        try store.read { db in
            try ["box", "file", "event"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }

    /// A catalogue with box H1 (1 m, arranged, 0.5 m kept), box H2 and three files, two recorded as scanned.
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "1"), by: who)
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1"), by: who)
        for (box, file) in [("H1", "01"), ("H1", "02"), ("H2", "01")] {
            try store.registerFile(
                FileDraft(ref: FileRef(box: box, file: file), title: "Hồ sơ \(file)", sheets: "10"), by: who)
        }
        try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 10, by: who)
        try store.recordScan(of: FileRef(box: "H1", file: "02"), pages: 12, by: who)
        try store.finishArrangement(of: ["H1"], kept: "0.5", by: who)
        return store
    }

    @Test func theIssuesHugeExtentIsRefusedByCommandCSVAndKept() throws {
        // Given a catalogue
        let store = try catalogue()
        let before = try counts(store)
        let huge = "9223372036854776"
        // When the issue's extent comes as an option, Then it is refused with the bound, not a crash
        expectError(
            CatalogueError.extentTooLarge(huge),
            { try store.registerBox(BoxDraft(code: "H9", fonds: "UBND-SK1", extent: huge), by: Fixture.who()) })
        expectError(
            CatalogueError.extentTooLarge(huge),
            { try store.editBox("H2", BoxChanges(extent: huge), by: Fixture.who()) })
        // and as --kept
        expectError(
            CatalogueError.keptBeyondLargestBox(huge),
            { try store.editBox("H1", BoxChanges(kept: huge), by: Fixture.who()) })
        expectError(
            CatalogueError.keptBeyondLargestBox(huge),
            { try store.finishArrangement(of: ["H2"], kept: huge, by: Fixture.who()) })
        // and through CSV, named by line
        let path = Fixture.write("box,fonds,extent_m\nH8,UBND-SK1,0.125\nH9,UBND-SK1,\(huge)\n", to: "b.csv", in: dir)
        do {
            _ = try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("a huge extent was imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3])
            #expect(problems.first?.message == CatalogueError.extentTooLarge(huge).localizedDescription)
        }
        #expect(try counts(store) == before)
        #expect(CatalogueError.extentTooLarge(huge).text.en.contains("at most 10 m"))
    }

    @Test(arguments: [
        ("10", true), ("10,000", true), ("10.001", false), ("1e3", false), ("1e400", false),
        ("99999999999999999999999", false),
    ])
    func theBoxBoundIsTenMetres(extent: String, accepted: Bool) throws {
        let store = try Fixture.store()
        do {
            let box = try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: extent), by: Fixture.who())
            #expect(accepted, "\(extent) was accepted")
            #expect(box.extentMM == 10_000)
        } catch let error as CatalogueError {
            #expect(!accepted, "\(extent): \(error)")
            // Numbers beyond the bound are "too large", never "not valid" nor a trap ("1e3" is not a way to write metres).
            if extent.allSatisfy({ $0.isNumber || $0 == "." }) { #expect(error == .extentTooLarge(extent)) }
        }
    }

    @Test func sheetsAndPagesAreBoundedByCommandAndCSV() throws {
        // Given a catalogue
        let store = try catalogue()
        let who = Fixture.who()
        let before = try counts(store)
        let max = String(Int64.max)
        // When a file gets 2^63 − 1 sheets, or a hand record that many pages, Then both are refused
        expectError(
            CatalogueError.sheetsTooLarge(max),
            { try store.registerFile(FileDraft(ref: FileRef(box: "H2", file: "09"), title: "x", sheets: max), by: who) }
        )
        expectError(
            CatalogueError.sheetsTooLarge("100001"),
            { try store.editFile(FileRef(box: "H2", file: "01"), FileChanges(sheets: "100001"), by: who) })
        expectError(
            CatalogueError.sheetsTooLarge("99999999999999999999999"),
            {
                try store.editFile(
                    FileRef(box: "H2", file: "01"), FileChanges(sheets: "99999999999999999999999"), by: who)
            })
        expectError(
            CatalogueError.badSheets("-1"),
            { try store.editFile(FileRef(box: "H2", file: "01"), FileChanges(sheets: "-1"), by: who) })
        expectError(
            CatalogueError.pagesTooLarge(max),
            { try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: Int.max, by: who) })
        expectError(
            CatalogueError.pagesTooLarge("100001"),
            { try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: 100_001, by: who) })
        // and through CSV, each named by its line
        let files = Fixture.write("box,file,title,sheets\nH2,08,a,100000\nH2,09,b,\(max)\n", to: "f.csv", in: dir)
        do {
            _ = try store.importCSV(.files, path: files, by: who, lang: .vi)
            Issue.record("huge sheets were imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3])
        }
        let scans = Fixture.write("box,file,pages\nH2,01,\(max)\n", to: "s.csv", in: dir)
        do {
            _ = try store.importCSV(.scans, path: scans, by: who, lang: .vi)
            Issue.record("huge pages were imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.first?.message == CatalogueError.pagesTooLarge(max).localizedDescription)
        }
        #expect(try counts(store) == before)
        // The bound itself is accepted
        try store.editFile(FileRef(box: "H2", file: "01"), FileChanges(sheets: "100000"), by: who)
        try store.recordScan(of: FileRef(box: "H2", file: "01"), pages: 100_000, by: who)
    }

    @Test func aCatalogueDamagedWithHugeValuesStillGivesStatusCheckEstimateAndReport() throws {
        // Given the issue's damage: pages and sheets of 2^63 − 1 written by raw SQL, and more of it in boxes,
        // events and masters
        let store = try catalogue()
        try store.write { db in
            try db.execute(sql: "UPDATE file SET pages = 9223372036854775807, sheets = 9223372036854775807")
            try db.execute(sql: "UPDATE box SET extent_mm = 9223372036854775807, kept_mm = 9223372036854775807")
            try db.tamperWithLog(
                "UPDATE event SET pages = 9223372036854775807, sheets = 9223372036854775807, metres_mm = 9223372036854775807, kept_mm = 9223372036854775807"
            )
            for n in 1...2 {
                try db.execute(
                    sql: """
                        INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, sha256, pages, readable, profile, ingested_at)
                        SELECT id, 'H1/01/\(n).tif', '/nowhere', '/nowhere/H1/01/\(n).tif', '\(n).tif', 1, \(n), 9223372036854775807, 0, 0, 'x', 9223372036854775807, 1, 'vn-2025', 0
                        FROM file WHERE code = '01' AND box_id = (SELECT id FROM box WHERE code = 'H1')
                        """)
            }
        }
        // When every reading command's library call runs, Then none fails ("integer overflow") or traps
        let status = try store.status(now: Fixture.now)
        #expect(status.fonds.count == 1)
        _ = try store.check(now: Fixture.now)
        let request = EstimateRequest(rates: .defaults, ratesFound: false)
        _ = estimate(try store.estimateInputs(request, now: Fixture.now))
        _ = try store.leadershipReport(.new(request), lang: .vi, now: Fixture.now)
        #expect(try store.listBoxes().count == 2)
        #expect(try store.listFonds().count == 1)
        _ = try store.listFiles()
        _ = try store.events(lang: .vi)
    }

    @Test func negativeDamageIsReadSafelyToo() throws {
        // Given the other end: Int64.min pages on every file and event
        let store = try catalogue()
        try store.write { db in
            try db.execute(sql: "UPDATE file SET pages = -9223372036854775808")
            try db.tamperWithLog("UPDATE event SET pages = -9223372036854775808, metres_mm = -9223372036854775808")
        }
        _ = try store.status(now: Fixture.now)
        _ = try store.check(now: Fixture.now)
        _ = try store.leadershipReport(
            .new(EstimateRequest(rates: .defaults, ratesFound: false)), lang: .en, now: Fixture.now)
    }

    @Test func metreSumsSaturateInsteadOfTrapping() {
        #expect(Millimetres(.max) + Millimetres(1) == Millimetres(.max))
        #expect(Millimetres(.min) - Millimetres(1) == Millimetres(.min))
        #expect(Millimetres(125) + Millimetres(250) == Millimetres(375))
        #expect(Millimetres.parse(metres: "9223372036854776") == nil)
        #expect(Millimetres.isBeyondRange(metres: "9223372036854776"))
        #expect(!Millimetres.isBeyondRange(metres: "abc"))
    }
}
