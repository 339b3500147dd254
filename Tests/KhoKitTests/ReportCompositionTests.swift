import Foundation
import KhoEstimation
import KhoTestSupport
import Testing

@testable import KhoKit

/// The leadership report is composed in the library, in the language asked for, from one estimate.
@Suite struct ReportCompositionTests {
    let scans = try! TemporaryDirectory()

    @Test func theReportIsInTheLanguageAskedForAndShowsTheEstimatesOwnFigures() throws {
        // Given a catalogue with a master that fails QC (150 dpi)
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "đất"), by: Fixture.who())
        let path = scans.file("H1/01/0001.tif")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([FixturePage(xResolution: 150, yResolution: 150)], to: path)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
        var request = EstimateRequest(rates: .defaults, ratesFound: false)
        request.resamples = 200
        // When the report is made in English and in Vietnamese, whatever the process's language
        let en = try store.leadershipReport(.new(request), lang: .en, now: Fixture.now)
        let vi = try store.leadershipReport(.new(request), lang: .vi, now: Fixture.now)
        // Then every word follows the language asked for, the QC reasons included
        #expect(en.model.title == "Archive arrangement and digitization progress")
        #expect(vi.model.title == "Báo cáo tiến độ chỉnh lý và số hóa tài liệu lưu trữ")
        #expect(en.model.qcProblems.first?.message.contains("needs") == true)
        #expect(
            vi.model.qcProblems.first?.message.contains("yêu cầu") == true
                || vi.model.qcProblems.first?.message.contains("cần") == true)
        #expect(en.html.contains("Summary for leadership") && vi.html.contains("Tóm tắt cho lãnh đạo"))
        // And the money and storage figures are the estimate's, copied, not recomputed
        let cost = try #require(en.model.cost)
        #expect(cost.money == en.estimate.money)
        #expect(en.model.storage == en.estimate.storage)
        #expect(en.model.delivery == en.estimate.delivery)
        #expect(
            en.html.contains(
                "data-value=\"\(en.estimate.money.contractorTotalVND)\" data-key=\"money-contractor-total\""))
        #expect(en.html.contains("data-value=\"\(en.estimate.total.finishDate.p50)\" data-key=\"finish-p50\""))
    }
}
