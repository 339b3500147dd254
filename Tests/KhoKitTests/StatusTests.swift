import Foundation
import Testing

@testable import KhoKit

@Suite struct StatusTests {
    @Test func metresCountBoxesAsReceivedOnce() throws {
        // Given a 0.6 m bundle arranged into three standard boxes, keeping 0.375 m, and an unarranged 1 m bundle
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0.6"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1", extent: "1"), by: Fixture.who())
        for code in ["H1", "H2", "H3"] {
            try store.registerBox(BoxDraft(code: code, fonds: "UBND-SK1", from: "B1"), by: Fixture.who())
        }
        try store.finishArrangement(of: ["B1"], kept: "0.375", by: Fixture.who())
        // Then the boxes made by arrangement add nothing to the total
        let p = try store.status(now: Fixture.now).progress
        #expect(p.totalMetres == 1.6)
        #expect(p.arrangedMetres == 0.6)
        #expect(p.keptMetres == 0.375)
        #expect(p.weededMetres == 0.225)
        #expect(p.boxes == 5)
        #expect(p.boxesReceived == 2)
    }

    @Test func digitizedShareIsBySheetsWhenAllAreKnownElseByFiles() throws {
        // Given bundle B1 (1 m) re-boxed into H1 with files of 30 and 10 sheets, of which the 30-sheet file is scanned
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "1"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", from: "B1"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a", sheets: "30"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "b", sheets: "10"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "03"), title: "mật", access: "secret"), by: Fixture.who())
        try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 45, by: Fixture.who())
        // Then 30/40 of the family is digitized (the secret file is left out)
        var p = try store.status(now: Fixture.now).progress
        #expect(p.digitizedMetres == 0.75)
        #expect(p.pagesScanned == 45)
        #expect(p.ladder.recorded == 1)
        #expect(p.ladder.none == 1)
        #expect(p.ladder.secret == 1)
        #expect(p.digitizedSplitMetres["recorded"] == 0.75)
        // When a file of unknown sheets is added, the share falls back to files: 1 of 3
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "04"), title: "c"), by: Fixture.who())
        p = try store.status(now: Fixture.now).progress
        #expect(p.digitizedMetres == 0.333)
    }

    @Test func perFondsFiguresAddUpToTheTotal() throws {
        let store = try Fixture.store()
        try store.addFonds(code: "DU", name: "Đảng ủy", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "A1", fonds: "UBND-SK1", extent: "2.5"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "C1", fonds: "DU", extent: "1.25"), by: Fixture.who())
        try store.finishArrangement(of: ["C1"], by: Fixture.who())
        let status = try store.status(now: Fixture.now)
        #expect(status.progress.totalMetres == 3.75)
        #expect(status.fonds.map(\.code) == ["DU", "UBND-SK1"])
        #expect(status.fonds.map(\.progress.totalMetres) == [1.25, 2.5])
        #expect(status.fonds.map(\.progress.arrangedMetres) == [1.25, 0])
    }

    @Test func jsonHasTheHeadlineKeysAtTopLevel() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "A1", fonds: "UBND-SK1", extent: "7.56"), by: Fixture.who())
        let data = try JSONEncoder().encode(try store.status(now: Fixture.now))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["total_m", "arranged_m", "digitized_m", "boxes", "files", "pages_scanned"] {
            #expect(object[key] is NSNumber, "missing \(key)")
        }
        #expect(object["total_m"] as? Double == 7.56)
    }

    @Test func anEmptyCatalogueIsAllZeros() throws {
        let p = try KhoStore.inMemory(time: Fixture.time).status(now: Fixture.now).progress
        #expect(p.totalMetres == 0 && p.digitizedMetres == 0 && p.files == 0)
    }
}

@Suite struct FormatTests {
    @Test(arguments: [
        (75.6, 3, Lang.vi, "75,6"), (75.6, 3, .en, "75.6"), (19_162_000, 0, .vi, "19.162.000"),
        (19_162_000, 0, .en, "19,162,000"),
        (0.125, 3, .vi, "0,125"), (-1.5, 1, .vi, "-1,5"), (0, 2, .vi, "0"), (1234.5, 1, .en, "1,234.5"),
    ])
    func decimals(value: Double, digits: Int, lang: Lang, expected: String) {
        #expect(Format.decimal(value, maxFractionDigits: digits, lang: lang) == expected)
    }

    /// A size is written in the largest unit in which it reads at least 1: a small master is never "0 MB" (the file
    /// page showed every master under 50 kB so), and a size just under a unit's step takes the next unit.
    @Test(arguments: [
        (Int64(0), Lang.vi, "0 MB"), (512, .vi, "512 B"), (23_400, .vi, "23,4 kB"), (23_400, .en, "23.4 kB"),
        (999_960, .vi, "1 MB"), (13_100_000, .vi, "13,1 MB"), (999_960_000, .en, "1 GB"),
        (840_000_000_000, .vi, "840 GB"),
        (1_500_000_000_000, .vi, "1,5 TB"), (1_570_000_000_000, .en, "1.57 TB"), (-23_400, .vi, "-23,4 kB"),
    ])
    func sizes(value: Int64, lang: Lang, expected: String) {
        #expect(Format.bytes(value, lang: lang) == expected)
    }

    /// Years are written one way everywhere (lists, pages, the inventory, the destruction list, a copy's metadata).
    @Test(arguments: [
        (Int?(2001), Int?(2003), "2001–2003"), (1998, 1998, "1998"), (2001, nil, "2001–"), (nil, 2003, "–2003"),
        (nil, nil, ""),
    ])
    func years(start: Int?, end: Int?, expected: String) {
        #expect(Format.years(start, end) == expected)
    }

    @Test(arguments: [
        ("0,125", Int64(125)), ("0.125", 125), ("2", 2000), ("75,6", 75600), ("1e3", nil), ("", nil), ("1,2,3", nil),
        ("abc", nil),
    ])
    func metres(text: String, mm: Int64?) {
        #expect(Millimetres.parse(metres: text)?.value == mm)
    }

    @Test func languageFromEnvironment() {
        #expect(Lang.fromEnvironment([:]) == .vi)
        #expect(Lang.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Lang.fromEnvironment(["LANG": "vi_VN.UTF-8"]) == .vi)
        #expect(Lang.fromEnvironment(["LANG": "en_US.UTF-8", "KHO_LANG": "vi"]) == .vi)
        #expect(Lang.fromEnvironment(["KHO_LANG": "en"]) == .en)
    }
}

@Suite struct LocalTimeTests {
    @Test(arguments: ["2026-11-27T10:00", "1990-01-01T00:00", "2024-02-29T23:59", "2000-12-31T12:30"])
    func directInstantMatchesTheCalendar(text: String) throws {
        let time = Fixture.time
        let date = try #require(time.parse(text))
        let parts = text.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        #expect(
            time.instant(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: 0)
                == date)
    }
}
