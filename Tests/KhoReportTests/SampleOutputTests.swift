import Foundation
import Testing
@testable import KhoReport

/// Writes sample reports for a person to look at (`tools/render-report`), only when `KHO_REPORT_SAMPLE_DIR` is set.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KHO_REPORT_SAMPLE_DIR"] != nil))
struct SampleOutputTests {
    @Test func writeSampleReports() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KHO_REPORT_SAMPLE_DIR"] ?? "/tmp")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let empty = ReportModel(title: "Báo cáo tiến độ", archiveName: "Kho lưu trữ xã Sơn Kim 1", asOf: "2026-11-27 10:00", headline: Headline())
        let files: [(String, String)] = [
            ("report-vi.html", renderReport(Fixtures.model(sample: true), lang: .vi)),
            ("report-en.html", renderReport(Fixtures.model(sample: true), lang: .en)),
            ("report-empty-vi.html", renderReport(empty, lang: .vi)),
            ("hostile-vi.html", renderReport(ReportSafetyTests.hostileModel(), lang: .vi)),
            ("inventory-vi.html", renderInventoryHTML(InventoryTests.fonds, lang: .vi, generatedAt: "2026-11-27")),
            ("inventory-vi.csv", renderInventoryCSV(InventoryTests.fonds, lang: .vi)),
        ]
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }
}
