import ArgumentParser
import Foundation
import KhoKit
import KhoReport

struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: Text(
            vi: "In nhãn gáy hộp: tệp HTML khổ A4, mỗi tờ 4 nhãn 90 × 125 mm (gáy hộp TCVN 9252:2012), có đường cắt.",
            en:
                "Print box spine labels: an A4 HTML file, four 90 × 125 mm labels a sheet (the TCVN 9252:2012 box spine), with cut marks."
        )(),
        discussion: Text(
            vi: """
                Mỗi nhãn: tên và mã phông, số hộp chữ lớn (cao hơn 20 mm), hồ sơ số từ–đến, năm từ–đến, thời hạn bảo quản (dài nhất của các hồ sơ).
                Không chọn gì thì in mọi hộp. In ở tỷ lệ 100 % (không «vừa trang»).
                Ví dụ: kho labels H0120 H0121 --out nhan.html;  kho labels --fonds UBND-SK1 --made-since 2026-11-01 --out nhan.html
                """,
            en: """
                Each label: fonds name and code, the box number in large type (over 20 mm high), files from–to, years from–to, retention (the
                longest of its files'). With nothing chosen, every box. Print at 100 % scale (not "fit to page").
                Example: kho labels H0120 H0121 --out labels.html;  kho labels --fonds UBND-SK1 --made-since 2026-11-01 --out labels.html
                """)())
    @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp (tùy chọn).", en: "Box codes (optional).")())))
    var boxes: [String] = []
    @Option(
        help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Mọi hộp của phông này.", en: "Every box of this fonds.")())))
    var fonds: String?
    @Option(
        name: .customLong("made-since"),
        help: ArgumentHelp(
            Text(
                vi: "Các hộp đăng ký từ ngày này (box add hoặc import).",
                en: "Boxes registered on or after this day (box add or import).")(), valueName: Placeholder.day()))
    var madeSince: String?
    @Option(
        help: ArgumentHelp(
            Text(vi: "Tệp HTML cần ghi.", en: "The HTML file to write.")(), valueName: Placeholder.htmlFile()))
    var out: String
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if !boxes.isEmpty && (fonds != nil || madeSince != nil) {
            throw ValidationError(
                Text(
                    vi: "hãy chọn hoặc các mã hộp, hoặc --fonds/--made-since, không cả hai",
                    en: "give either box codes or --fonds/--made-since, not both")())
        }
    }

    func run() throws {
        let store = try global.openForReading()
        let labels = try store.boxLabels(LabelSelection(boxes: boxes, fonds: fonds, madeSince: madeSince))
        let page = renderLabelsHTML(labels, lang: Lang.current, generatedAt: store.time.dateTime(of: Date()))
        try OutputFile.write(page, to: out, protecting: try store.protectedPaths())
        let sheets = (labels.count + LabelSheet.perSheet - 1) / LabelSheet.perSheet
        if global.json { return try Printer.json(labels) }
        Printer.line(
            Text(
                vi:
                    "Đã ghi \(labels.count) nhãn trên \(sheets) tờ A4 vào \(out); in ở tỷ lệ 100 %, cắt theo đường gạch.",
                en:
                    "Wrote \(labels.count) labels on \(sheets) A4 sheets to \(out); print at 100 % scale and cut along the dashed lines."
            )())
    }
}
