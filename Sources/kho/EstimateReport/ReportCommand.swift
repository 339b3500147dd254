import ArgumentParser
import Foundation
import KhoEstimation
import KhoKit
import KhoReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Text(
            vi:
                "Báo cáo cho lãnh đạo: một tệp HTML tự chứa, in được khổ A4 (biểu đồ, kinh phí, chất lượng quét, tình trạng).",
            en: "Leadership report: one self-contained HTML file, printable on A4 (charts, money, scan QC, condition).")(),
        discussion: Text(
            vi: "Ví dụ: kho report --html bao-cao.html; kho report --html bao-cao.html --estimate \"Gửi tỉnh 12/2026\"",
            en: "Example: kho report --html report.html; kho report --html report.html --estimate \"Province 12/2026\"")()
    )
    @Option(
        help: ArgumentHelp(
            Text(vi: "Tệp HTML cần ghi.", en: "The HTML file to write.")(), valueName: Placeholder.file()))
    var html: String
    @Option(
        help: Placeholder.name.on(
            ArgumentHelp(
                Text(
                    vi: "Dùng dự toán đã lưu với tên này (mặc định: lập dự toán mới).",
                    en: "Use the estimate saved under this name (default: a new estimate).")())))
    var estimate: String?
    @Option(
        help: Placeholder.file.on(
            ArgumentHelp(Text(vi: "Tệp đơn giá cho dự toán mới.", en: "Rates file for a new estimate.")())))
    var rates: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openForReading()
        let source: ReportEstimate
        if let estimate {
            source = .saved(estimate)
        } else {
            let ratesPath = rates ?? RatesFile.defaultPath(catalogue: global.path)
            source = .new(try EstimateRequest(ratesFile: ratesPath))
        }
        let report = try store.leadershipReport(source, lang: Lang.current)
        let page = report.html
        try OutputFile.write(page, to: html, protecting: try store.protectedPaths())
        if global.json { return try Printer.json(report.model) }
        Printer.line(
            Text(
                vi:
                    "Đã ghi báo cáo \(html) (\(Format.integer(Int64(page.utf8.count))) byte); mở bằng trình duyệt, in khổ A4.",
                en:
                    "Wrote the report \(html) (\(Format.integer(Int64(page.utf8.count))) bytes); open it in a browser, print on A4."
            )())
    }
}
