import Foundation
import KhoEstimation
import Testing

@testable import KhoKit

@Suite struct EstimateBuilderTests {
    /// Bundles B1 (1 m, arranged before kho into H1 and H2, kept 0.8 m) and B2, B3 (2 m each, unarranged).
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        for (code, extent) in [("B1", "1"), ("B2", "2"), ("B3", "2")] {
            try store.registerBox(BoxDraft(code: code, fonds: "UBND-SK1", extent: extent), by: Fixture.registrar)
        }
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0.4", from: "B1"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1", extent: "0.4", from: "B1"), by: Fixture.registrar)
        try store.finishArrangement(of: ["B1"], kept: "0.8", by: Fixture.who(at: "2025-06-30", opening: true))
        for (ref, sheets, retention) in [
            ("H1/01", "100", "permanent"), ("H1/02", "50", "10"), ("H2/01", "200", "permanent"),
            ("H2/02", "50", "permanent"),
        ] {
            let r = try FileRef(parsing: ref)
            try store.registerFile(
                FileDraft(ref: r, title: ref, retention: retention, sheets: sheets), by: Fixture.who())
        }
        return store
    }

    @Test func observationsLeaveOutOpeningUndoneAndSupersededWork() throws {
        // Given opening work, a finished box, a started box, a hand record superseded by nothing, and an undone record
        let store = try catalogue()
        try store.startArrangement(of: ["B2"], by: Fixture.who("Minh", at: "2026-11-02T08:00"))
        try store.finishArrangement(of: ["B2"], kept: "1.5", by: Fixture.who("Minh", at: "2026-11-03T16:00"))
        try store.startArrangement(of: ["B3"], by: Fixture.who("Minh", at: "2026-11-03T16:30"))
        try store.recordScan(
            of: FileRef(box: "H1", file: "01"), pages: 140, by: Fixture.who("Hoa", at: "2026-11-04T09:00"))
        let undone = try store.recordScan(
            of: FileRef(box: "H1", file: "02"), pages: 70, by: Fixture.who("Hoa", at: "2026-11-04T10:00"))
        try store.undo(eventId: try #require(undone.id), by: Fixture.who())
        // When observations are read
        let obs = try store.observations()
        // Then: Minh arranged 2 m on 3 Nov and 0 m on 2 Nov (a start day is a person-day too); Hoa scanned 140 pages
        let described = obs.map { "\($0.day) \($0.person) \($0.kind.rawValue) \($0.amount)" }
        #expect(
            described == [
                "2026-11-02 Minh arrangement 0.0",
                "2026-11-03 Minh arrangement 2.0",
                "2026-11-04 Hoa scanning 140.0",
            ])
        // And as of 2 November only the first remains
        #expect(try store.observations(asOf: LocalDay(iso: "2026-11-02")).count == 1)
    }

    @Test func asKnownLeavesOutWorkRecordedLater() throws {
        let store = try catalogue()
        // Work done on 3 Nov but only recorded on 27 Nov (Fixture.now)
        try store.finishArrangement(of: ["B2"], by: Fixture.who("Minh", at: "2026-11-03T16:00"))
        #expect(try store.observations(asOf: LocalDay(iso: "2026-11-10")).count == 1)
        #expect(try store.observations(asOf: LocalDay(iso: "2026-11-10"), asKnown: true).isEmpty)
    }

    @Test func remainingWorkAndMeasuredRatiosComeFromTheCatalogue() throws {
        // Given H1/01 (100 sheets) scanned as 150 pages
        let store = try catalogue()
        try store.recordScan(
            of: FileRef(box: "H1", file: "01"), pages: 150, by: Fixture.who("Hoa", at: "2026-11-04T09:00"))
        let request = EstimateRequest(rates: .defaults, ratesFound: false)
        let inputs = try store.estimateInputs(request, now: Fixture.now)
        // Then 4 m are unarranged, the 300 unscanned sheets are known, and the ratios are measured
        #expect(inputs.remaining.unarrangedMetres == 4)
        #expect(inputs.remaining.sheetsKnownUnscanned == 300)
        #expect(inputs.remaining.keptMetresUnscannedWithoutSheets == 0)
        #expect(inputs.measured.keptPerExtent == 0.8)
        #expect(inputs.measured.pagesPerSheet == 1.5)
        #expect(inputs.measured.pagesPerKeptMetre == nil)  // no family is fully scanned yet
        #expect(inputs.measured.bytesPerPage == nil)  // no masters ingested
        #expect(inputs.measured.filesPerKeptMetre == 5)  // 4 files in 0.8 kept metres
        #expect(inputs.today == LocalDay(iso: "2026-11-27"))
        // Only permanent records: the 10-year file drops out and 3 of 4 files are permanent
        var permanent = request
        permanent.permanentOnly = true
        let scoped = try store.estimateInputs(permanent, now: Fixture.now)
        #expect(scoped.remaining.sheetsKnownUnscanned == 250)
        #expect(scoped.remaining.scanningShareOfUnarranged == 0.75)
        // One fonds only
        try store.addFonds(code: "DU", name: "Đảng ủy", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "C1", fonds: "DU", extent: "3"), by: Fixture.registrar)
        var du = request
        du.fonds = "DU"
        #expect(try store.estimateInputs(du, now: Fixture.now).remaining.unarrangedMetres == 3)
    }

    @Test func anEstimateIsSavedWithItsInputsAndShownAgainExactly() throws {
        let store = try catalogue()
        try store.finishArrangement(of: ["B2"], by: Fixture.who("Minh", at: "2026-11-03T16:00"))
        var request = EstimateRequest(rates: .defaults, ratesFound: false)
        request.resamples = 500
        let inputs = try store.estimateInputs(request, now: Fixture.now)
        let result = estimate(inputs)
        try store.saveEstimate(name: "Gửi tỉnh 12/2026", inputs: inputs, result: result, by: Fixture.who())
        let saved = try store.savedEstimate("Gửi tỉnh 12/2026")
        #expect(saved.inputs == inputs)
        #expect(saved.result == result)
        #expect(estimate(saved.inputs) == result)  // recomputing from the saved inputs gives the same answer
        expectError(EstimateError.nameTaken("Gửi tỉnh 12/2026")) {
            try store.saveEstimate(name: "Gửi tỉnh 12/2026", inputs: inputs, result: result, by: Fixture.who())
        }
        expectError(EstimateError.unknown("khác")) { try store.savedEstimate("khác") }
    }

    @Test func noDataGivesAnAssumptionBasedAnswerNotACrash() throws {
        let store = try KhoStore.inMemory(time: Fixture.time)
        let result = estimate(
            try store.estimateInputs(EstimateRequest(rates: .defaults, ratesFound: false), now: Fixture.now))
        #expect(result.noData)
        #expect(!result.assumptions.isEmpty)
    }

    @Test func ratesFileErrorsNameTheFileAndLine() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = Fixture.write("[contractor]\nper_page_scanned = nhiều\n", to: "rates.toml", in: dir)
        #expect(throws: RatesError.self) { try RatesFile.load(path: path) }
        #expect(try RatesFile.load(path: dir.appendingPathComponent("none.toml").path) == nil)
        let fresh = dir.appendingPathComponent("fresh.toml").path
        try RatesFile.writeDefaults(to: fresh, force: false)
        #expect(try RatesFile.load(path: fresh) == (try parseRates(text: defaultRatesFileText, fileName: "fresh.toml")))
        expectError(RatesError.exists(path: fresh)) { try RatesFile.writeDefaults(to: fresh, force: false) }
    }
}
