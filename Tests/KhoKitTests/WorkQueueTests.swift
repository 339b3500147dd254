import Foundation
import Testing

@testable import KhoKit

/// `kho next`: the risk-first work queue, its one score and the reason it gives.
@Suite struct WorkQueueTests {
    /// Four boxes as received, none arranged, the store's "Kho tạm" marked damp:
    /// - B-MOULD: mould, a permanent file, from 1990, in "Kho tạm" (damp);
    /// - B-DRY: mould, a permanent file, from 1990, on a dry shelf A-1;
    /// - B-WATER: water damage, 10-year files, from 1960, on A-1;
    /// - B-OLD: good, a permanent file, from 1950, on A-1.
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        let who = Fixture.who()
        for (code, condition, year, location) in [
            ("B-MOULD", "mould", "1990", "Kho tạm"), ("B-DRY", "mould", "1990", "A-1"),
            ("B-WATER", "water", "1960", "A-1"), ("B-OLD", "good", "1950", "A-1"),
        ] {
            try store.registerBox(
                BoxDraft(
                    code: code, fonds: "UBND-SK1", extent: "0,5", location: location, startYear: year,
                    condition: condition), by: who)
        }
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B-MOULD", file: "01"), title: "Địa bạ", retention: "permanent"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B-DRY", file: "01"), title: "Địa bạ", retention: "vĩnh viễn"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B-WATER", file: "01"), title: "Công văn", retention: "10"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B-OLD", file: "01"), title: "Sổ hộ tịch", retention: "permanent"), by: who)
        try store.markLocation("Kho tạm", risks: ["ẩm"], by: who)
        return store
    }

    @Test func aMouldPermanentBoxInADampLocationComesFirstWithItsReason() throws {
        // Given the four boxes
        let store = try catalogue()
        // When the arrangement queue is asked for, in Vietnamese and in English
        let vi = try store.nextWork(.arrangement, lang: .vi, now: Fixture.now)
        let en = try store.nextWork(.arrangement, lang: .en, now: Fixture.now)
        // Then the mouldy permanent box in the damp store comes first, saying why in words
        #expect(vi.map(\.ref) == ["B-MOULD", "B-DRY", "B-WATER", "B-OLD"])
        #expect(vi[0].reason == "nấm mốc, vĩnh viễn, tài liệu từ 1990, Kho tạm ẩm")
        #expect(en[0].reason == "mould, permanent, records from 1990, Kho tạm damp")
        #expect(vi[0].risks == [.damp])
        // And its score is the sum of its named weights: mould 36 + permanent 30 + 3 decades × 2 + damp 25
        #expect(vi[0].score == PriorityScore(total: 97, condition: 36, retention: 30, age: 6, location: 25))
        #expect(vi.map(\.rank) == [1, 2, 3, 4])
        // And a box whose records weigh nothing says so
        #expect(vi[2].reason == "ngấm nước, tài liệu từ 1960")
    }

    @Test func theLimitKeepsTheBestAndArrangedOrMadeBoxesAreNotQueued() throws {
        let store = try catalogue()
        // When B-OLD is arranged into H1, only the unarranged boxes as received remain
        try store.finishArrangement(of: ["B-OLD"], by: Fixture.who())
        try store.registerBox(
            BoxDraft(code: "H1", fonds: "UBND-SK1", condition: "water", from: "B-OLD"), by: Fixture.who())
        let queue = try store.nextWork(.arrangement, limit: 2, lang: .vi, now: Fixture.now)
        #expect(queue.map(\.ref) == ["B-MOULD", "B-DRY"])
        #expect(
            try store.nextWork(.arrangement, limit: nil, lang: .vi, now: Fixture.now).map(\.ref).contains("B-OLD")
                == false)
    }

    @Test func aFileMoreAtRiskInsideTheBoxRaisesTheBox() throws {
        let store = try catalogue()
        // When a file of the good box is found with insect damage
        try store.registerFile(
            FileDraft(ref: FileRef(box: "B-OLD", file: "02"), title: "Sổ", condition: "insects"), by: Fixture.who())
        let item = try #require(
            try store.nextWork(.arrangement, limit: nil, lang: .vi, now: Fixture.now).first { $0.ref == "B-OLD" })
        // Then the box counts as insect-damaged
        #expect(item.condition == .insects)
        #expect(item.reason.hasPrefix("côn trùng, vĩnh viễn"))
    }

    @Test func scanningTakesNotDigitizedFilesOfArrangedBoxesNeverSecretAndSaysWhenOut() throws {
        // Given box H1 arranged from a bundle B5 at "Kho tạm", with a permanent file, a 5-year file, a secret file and a scanned one
        let store = try catalogue()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "B5", fonds: "UBND-SK1", location: "Kho tạm"), by: who)
        try store.finishArrangement(of: ["B5"], by: who)
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", location: "Kho tạm-2", from: "B5"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Địa bạ", startYear: "1930", retention: "permanent"),
            by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "Công văn", retention: "5"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "03"), title: "Mật", retention: "permanent", access: "secret"),
            by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "04"), title: "Đã quét", retention: "permanent", sheets: "2"),
            by: who)
        try store.recordScan(of: FileRef(box: "H1", file: "04"), pages: 2, by: who)
        // When the whole box is out for repair
        try store.takeOut(.box("H1"), to: "Lê Thị Hoa", purpose: "repair", by: who, now: Fixture.now)
        let queue = try store.nextWork(.scanning, lang: .vi, now: Fixture.now)
        // Then only the two files to scan are queued, the permanent old one first, each saying it is out with its box
        #expect(queue.map(\.ref) == ["H1/01", "H1/02"])
        #expect(queue[0].reason == "vĩnh viễn, tài liệu từ 1930, Kho tạm-2 ẩm")
        #expect(queue[0].custody?.holder == "Lê Thị Hoa")
        #expect(queue[0].custody?.withBox == true)
        #expect(queue[1].title == "Công văn")
    }

    /// A score case: the factors and the total the standard weights give.
    struct ScoreCase: Sendable, CustomTestStringConvertible {
        var factors: PriorityFactors
        var total: Double
        var testDescription: String {
            "\(factors.condition) \(String(describing: factors.retention)) \(String(describing: factors.startYear)) \(factors.risks) = \(total)"
        }
    }

    static let scoreCases: [ScoreCase] = [
        // every cap reached: water 40 + permanent 30 + age 20 (12 decades, capped) + risks 90 capped at 40
        ScoreCase(
            factors: PriorityFactors(
                condition: .water, retention: .permanent, startYear: 1900, location: "A",
                risks: [.leak, .damp, .pests, .heat]),
            total: 130),
        // nothing known: retention not known yet 15
        ScoreCase(factors: PriorityFactors(condition: .good, retention: nil, startYear: nil), total: 15),
        // worn 10 + 20 years 10 + under a decade 0 + heat 10
        ScoreCase(
            factors: PriorityFactors(
                condition: .worn, retention: .years(20), startYear: 2020, location: "A", risks: [.heat]), total: 30),
        // brittle 24 + 10 years 0 + two decades 4 + damp once 25
        ScoreCase(
            factors: PriorityFactors(
                condition: .brittle, retention: .years(10), startYear: 2006, location: "A", risks: [.damp, .damp]),
            total: 53),
    ]

    @Test(arguments: scoreCases)
    func theScoreAddsItsNamedWeightsWithTheirCaps(_ c: ScoreCase) {
        #expect(priorityScore(c.factors, currentYear: 2026).total == c.total)
    }

    @Test func heavierWeightsChangeTheOrder() {
        // Given a permanent good file and a 10-year mouldy one
        let permanent = PriorityFactors(condition: .good, retention: .permanent, startYear: nil)
        let mould = PriorityFactors(condition: .mould, retention: .years(10), startYear: nil)
        // When retention weighs more than condition, Then the permanent one comes first; with the standard weights it does not
        var weights = PriorityWeights.standard
        weights.permanent = 50
        #expect(
            priorityScore(permanent, currentYear: 2026, weights: weights).total
                > priorityScore(mould, currentYear: 2026, weights: weights).total)
        #expect(priorityScore(permanent, currentYear: 2026).total < priorityScore(mould, currentYear: 2026).total)
    }
}

/// `kho location mark` and how a mark reaches box locations.
@Suite struct LocationRiskTests {
    @Test(arguments: [
        ("A-3", "A-3", true), ("A-3", "A-3-2", true), ("A-3", "A-3.1", true), ("A-3", "A-3 kệ 2", true),
        ("A-3", "A-30", false),
        ("A-3", "a-3", false), ("A-3", "A-", false), ("Kho tạm", "Kho tạm", true), ("Kho tạm", "Kho tạm 2", true),
        ("Kho", "Khoa", false),
        ("A-", "A-30", true),
    ])
    func aMarkCoversItsLocationAndWhatLiesInsideIt(mark: String, location: String, covers: Bool) {
        #expect(LocationCover.covers(mark, location) == covers)
    }

    @Test func markingReplacesClearsAndUndoes() throws {
        // Given boxes at A-3-2 and A-30
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", location: "A-3-2"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1", location: "A-30"), by: Fixture.who())
        // When A-3 is marked damp and leaking (typed with a space and in NFD)
        let first = try store.markLocation(" A-3 ", risks: ["damp,dột"], note: "mái dột", by: Fixture.who())
        #expect(first.after == [.damp, .leak])
        #expect(first.boxes == 1)
        // Then the box at A-3-2 is at both risks, the one at A-30 at none
        let list = try store.locations()
        #expect(list.first { $0.location == "A-3-2" }?.risks == [.damp, .leak])
        #expect(list.first { $0.location == "A-3-2" }?.markedAt == ["A-3"])
        #expect(list.first { $0.location == "A-30" }?.risks == [])
        #expect(try store.locations(atRisk: true).map(\.location) == ["A-3", "A-3-2"])
        // When the mark is made exactly "heat", Then it replaces the old risks and keeps the note
        let second = try store.markLocation("A-3", risks: ["nóng"], by: Fixture.who())
        #expect(second.before == [.damp, .leak])
        #expect(try store.locationMarks().first?.risks == [.heat])
        #expect(try store.locationMarks().first?.note == "mái dột")
        // When the first mark is undone, Then that is refused: the later mark must be undone first
        let firstId = try #require(first.event.id)
        let secondId = try #require(second.event.id)
        expectError(WorkError.laterEventFirst(id: firstId, later: secondId, kind: EventKind.locationMark.label)) {
            _ = try store.undo(eventId: firstId, by: Fixture.who())
        }
        // When the second is undone, Then the first mark is back, note and all
        try store.undo(eventId: secondId, by: Fixture.who())
        #expect(try store.locationMarks().first?.risks == [.damp, .leak])
        #expect(try store.locationMarks().first?.note == "mái dột")
        // When cleared with none, Then no mark is left, and the log agrees with what is stored
        try store.markLocation("A-3", risks: ["none"], by: Fixture.who())
        #expect(try store.locationMarks().isEmpty)
        #expect(try store.check(now: Fixture.now).problems.filter { $0.code == "location_mark" }.isEmpty)
    }

    @Test func badMarksAreRefusedNamingTheValue() throws {
        let store = try Fixture.store()
        expectError(LocationError.badRisk("lũ")) { try store.markLocation("A-1", risks: ["lũ"], by: Fixture.who()) }
        expectError(LocationError.noneWithRisks) {
            try store.markLocation("A-1", risks: ["none", "damp"], by: Fixture.who())
        }
        expectError(LocationError.noRisk) { try store.markLocation("A-1", risks: [], by: Fixture.who()) }
        expectError(CatalogueError.emptyText(.location)) {
            try store.markLocation("  ", risks: ["damp"], by: Fixture.who())
        }
        try store.markLocation("A-1", risks: ["damp"], by: Fixture.who())
        expectError(LocationError.unchanged(location: "A-1", risks: [.damp])) {
            try store.markLocation("A-1", risks: ["ẩm"], by: Fixture.who())
        }
        #expect(LocationError.badRisk("lũ").text.vi.contains("«lũ»"))
    }

    @Test func checkFindsAMarkTheLogDoesNotExplain() throws {
        let store = try Fixture.store()
        try store.markLocation("A-1", risks: ["damp"], by: Fixture.who())
        try store.write { db in try db.execute(sql: "UPDATE location_risk SET risks = 'leak' WHERE location = 'A-1'") }
        let problems = try store.check(now: Fixture.now).problems
        #expect(problems.contains { $0.code == "location_mark" && $0.subject == "location A-1" })
    }
}
