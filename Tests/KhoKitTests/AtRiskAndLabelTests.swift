import Foundation
import KhoReport
import Testing

@testable import KhoKit

/// The report's metres at risk, computed once in the library, and the data of box spine labels.
@Suite struct MetresAtRiskTests {
    @Test func unarrangedAndUndigitizedMetresByConditionAddUpToStatus() throws {
        // Given: B1 (0.5 m, mould, "Kho tạm" damp) unarranged; B2 (0.25 m, good, A-1) arranged into H1 and H2
        // (0.125 m each, H2's file insect-damaged) with half its files digitized; B3 (0.2 m, water, A-1) unarranged.
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(
            BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0,5", location: "Kho tạm", condition: "mould"), by: who)
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1", extent: "0,25", location: "A-1"), by: who)
        try store.registerBox(
            BoxDraft(code: "B3", fonds: "UBND-SK1", extent: "0,2", location: "A-1", condition: "water"), by: who)
        try store.finishArrangement(of: ["B2"], by: who)
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", location: "A-1-1", from: "B2"), by: who)
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1", location: "A-1-2", from: "B2"), by: who)
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "a"), by: who)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H2", file: "01"), title: "b", condition: "insects"), by: who)
        try store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 10, by: who)
        try store.markLocation("Kho tạm", risks: ["damp"], by: who)
        // When the metres at risk are computed
        let risk = try store.metresAtRisk()
        let status = try store.status(now: Fixture.now).progress
        // Then the totals are status's own
        #expect(abs(risk.unarrangedMetres - (status.totalMetres - status.arrangedMetres)) < 0.0005)
        #expect(abs(risk.undigitizedMetres - (status.totalMetres - status.digitizedMetres)) < 0.0005)
        #expect(risk.unarrangedMetres == 0.7)
        #expect(risk.undigitizedMetres == 0.825)
        // And by condition, worst first: B2's undigitized half sits in H1 and H2 by extent, H2 counting as insect-damaged
        #expect(risk.byCondition.map(\.key) == ["water", "mould", "insects", "good"])
        #expect(risk.byCondition.map(\.unarrangedMetres) == [0.2, 0.5, 0, 0])
        #expect(risk.byCondition.map(\.undigitizedMetres) == [0.2, 0.5, 0.063, 0.063])
        // And at risk: everything but the good box's share
        #expect(risk.unarrangedAtRiskMetres == 0.7)
        #expect(risk.undigitizedAtRiskMetres == 0.763)
        // And the marked location lists its box and metres
        #expect(risk.locations.map(\.location) == ["Kho tạm"])
        #expect(risk.locations.first?.boxes == 1)
        #expect(risk.locations.first?.risks.vi == "ẩm")
        #expect(risk.locations.first?.undigitizedMetres == 0.5)
    }

    @Test func theReportCarriesTheSameFigures() throws {
        let store = try Fixture.store()
        try store.registerBox(
            BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0,5", location: "Kho tạm", condition: "mould"),
            by: Fixture.who())
        let model = try store.reportModel(estimate: nil, now: Fixture.now)
        #expect(model.atRisk == (try store.metresAtRisk()))
        let html = renderReport(model, lang: .vi)
        #expect(html.contains("<section id=\"risk\""))
        #expect(html.contains("data-value=\"0.5\" data-key=\"risk-undigitized-at-risk-m\""))
    }
}

@Suite struct BoxLabelDataTests {
    @Test func aLabelSaysFilesYearsAndTheLongestRetention() throws {
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "H0012", fonds: "UBND-SK1"), by: who)
        for (code, year, retention) in [("10", "1984", "10"), ("2", "1979", "permanent"), ("9", "1981", "20")] {
            try store.registerFile(
                FileDraft(ref: FileRef(box: "H0012", file: code), title: "t", startYear: year, retention: retention),
                by: who)
        }
        try store.registerBox(BoxDraft(code: "H0013", fonds: "UBND-SK1", startYear: "1990", endYear: "1995"), by: who)
        let labels = try store.boxLabels(LabelSelection(boxes: ["H0013", "H0012"]))
        // Named boxes come in the order given; files in number order (2 before 10); years from the files unless the box has them
        #expect(labels.map(\.box) == ["H0013", "H0012"])
        #expect(labels[1].firstFile == "2")
        #expect(labels[1].lastFile == "10")
        #expect(labels[1].files == 3)
        #expect(labels[1].startYear == 1979)
        #expect(labels[1].endYear == 1984)
        #expect(labels[1].retention == "permanent")
        #expect(
            labels[0].startYear == 1990 && labels[0].endYear == 1995 && labels[0].firstFile == nil
                && labels[0].retention == nil)
        #expect(labels[1].fondsName == "UBND xã Sơn Kim 1")
    }

    @Test func madeSinceTakesBoxesAddedOrImportedFromThatDay() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "OLD", fonds: "UBND-SK1"), by: Fixture.who(at: "2026-10-01"))
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = Fixture.write("box,fonds,extent_m\nI1,UBND-SK1,0.125\nI2,UBND-SK1,0.125\n", to: "hop.csv", in: dir)
        try store.importCSV(.boxes, path: csv, by: Fixture.who(at: "2026-11-20"), lang: .vi)
        try store.registerBox(BoxDraft(code: "NEW", fonds: "UBND-SK1"), by: Fixture.who(at: "2026-11-21"))
        #expect(try store.boxLabels(LabelSelection(madeSince: "2026-11-20")).map(\.box) == ["I1", "I2", "NEW"])
        #expect(try store.boxLabels(LabelSelection(madeSince: "2026-11-21")).map(\.box) == ["NEW"])
        #expect(try store.boxLabels(LabelSelection()).count == 4)
        expectError(LabelError.noBoxes) { try store.boxLabels(LabelSelection(madeSince: "2026-11-26")) }
        expectError(LabelError.badDay("hôm qua")) { try store.boxLabels(LabelSelection(madeSince: "hôm qua")) }
        expectError(CatalogueError.unknownBox("H9")) { try store.boxLabels(LabelSelection(boxes: ["H9"])) }
    }
}
