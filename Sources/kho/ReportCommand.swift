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
    @Option(help: ArgumentHelp(Text(vi: "Tệp HTML cần ghi.", en: "The HTML file to write.")(), valueName: "FILE"))
    var html: String
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Dùng dự toán đã lưu với tên này (mặc định: lập dự toán mới).",
                en: "Use the estimate saved under this name (default: a new estimate).")()))
    var estimate: String?
    @Option(help: ArgumentHelp(Text(vi: "Tệp đơn giá cho dự toán mới.", en: "Rates file for a new estimate.")()))
    var rates: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openForReading()
        let source: ReportEstimate
        if let estimate {
            source = .saved(estimate)
        } else {
            let loaded = try RatesFile.load(path: rates ?? RatesFile.defaultPath(catalogue: global.path))
            source = .new(EstimateRequest(rates: loaded ?? .defaults, ratesFound: loaded != nil))
        }
        let report = try store.leadershipReport(source, lang: Lang.current)
        let page = report.html
        try OutputFile.write(page, to: html, catalogue: global.path)
        if global.json { return try Out.json(report.model) }
        Out.line(
            Text(
                vi:
                    "Đã ghi báo cáo \(html) (\(Format.integer(Int64(page.utf8.count))) byte); mở bằng trình duyệt, in khổ A4.",
                en:
                    "Wrote the report \(html) (\(Format.integer(Int64(page.utf8.count))) bytes); open it in a browser, print on A4."
            )())
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Text(
            vi: "Xuất mục lục hồ sơ (Nghị định 30/2020, Phụ lục V) hoặc dữ liệu thô (CSV, JSON).",
            en: "Export the file inventory (Decree 30/2020, Annex V) or raw data (CSV, JSON).")(),
        discussion: Text(
            vi: "Ví dụ: kho export inventory --format html --out muc-luc.html; kho export files --out ho-so.csv",
            en: "Example: kho export inventory --format html --out inventory.html; kho export files --out files.csv")())
    @Argument(
        help: ArgumentHelp(
            Text(
                vi:
                    "inventory (mục lục hồ sơ), metadata (siêu dữ liệu Thông tư 05/2025), weed-list (danh mục tài liệu hết giá trị), boxes, files, pages hoặc events.",
                en:
                    "inventory, metadata (Circular 05/2025), weed-list (the destruction list), boxes, files, pages or events."
            )()))
    var what: String
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "csv (mặc định), html (mục lục, danh mục hủy) hoặc json (dữ liệu thô).",
                en: "csv (default), html (inventory, weed list) or json (raw data).")()))
    var format: String = "csv"
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Chỉ phông này (mục lục, siêu dữ liệu, danh mục hủy).",
                en: "Only this fonds (inventory, metadata, weed list).")()))
    var fonds: String?
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Siêu dữ liệu theo Thông tư 05/2025: file (hồ sơ, mặc định) hoặc document (văn bản).",
                en: "Circular 05/2025 metadata: file (default) or document.")(), valueName: "file|document"))
    var level = "file"
    @Option(
        help: ArgumentHelp(
            Text(vi: "Tệp cần ghi (mặc định: in ra màn hình).", en: "File to write (default: standard output).")(),
            valueName: "FILE"))
    var out: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let kinds = ["inventory", "metadata", "weed-list"] + ExportKind.allCases.map(\.rawValue)
        guard kinds.contains(what) else {
            throw ValidationError(
                Text(
                    vi: "không xuất được «\(what)»: dùng \(kinds.joined(separator: ", "))",
                    en: "cannot export “\(what)”: use \(kinds.joined(separator: ", "))")())
        }
        let formats = what == "inventory" || what == "weed-list" ? ["csv", "html"] : ["csv", "json"]
        if what == "metadata", MetadataLevel(rawValue: level) == nil {
            throw ValidationError(
                Text(
                    vi: "--level là file hoặc document, không phải «\(level)»",
                    en: "--level is file or document, not “\(level)”")())
        }
        guard formats.contains(format) else {
            throw ValidationError(
                Text(
                    vi: "\(what) xuất được dạng \(formats.joined(separator: " hoặc ")), không phải «\(format)»",
                    en: "\(what) exports as \(formats.joined(separator: " or ")), not “\(format)”")())
        }
    }

    func run() throws {
        let store = try global.openForReading()
        let lang = Lang.current
        let text: String
        if what == "metadata" {
            let export = try store.metadata(MetadataLevel(rawValue: level) ?? .file, fonds: fonds, lang: lang)
            text =
                format == "json" || global.json
                ? MetadataJSON.render(export)
                : renderCSV(header: export.header, rows: export.rows.map { $0.map(CSVCell.text) }, bom: true)
            for finding in export.findings { FileHandle.standardError.write(Data(("! " + finding.text() + "\n").utf8)) }
        } else if what == "weed-list" {
            let list = try store.weedList(fonds: fonds)
            text =
                format == "html"
                ? renderWeedListHTML(list, lang: lang, generatedAt: store.time.dateTime(of: Date()))
                : renderWeedListCSV(list, lang: lang)
        } else if what == "inventory" {
            let inventory = try store.inventory(fonds: fonds)
            text =
                format == "html"
                ? renderInventoryHTML(inventory, lang: lang, generatedAt: store.time.dateTime(of: Date()))
                : renderInventoryCSV(inventory, lang: lang)
        } else {
            let kind = ExportKind(rawValue: what) ?? .files
            let table = try store.exportTable(kind)
            if format == "json" {
                let objects: [[String: Any]] = table.rows.map { row in
                    Dictionary(
                        uniqueKeysWithValues: zip(
                            table.header,
                            row.map { cell -> Any in
                                switch cell {
                                case .text(let s): return s
                                case .number(let s):
                                    return Int64(s).map { NSNumber(value: $0) } ?? Double(s).map { NSNumber(value: $0) }
                                        ?? s
                                }
                            }))
                }
                let data = try JSONSerialization.data(
                    withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                text = String(decoding: data, as: UTF8.self) + "\n"
            } else {
                text = renderCSV(header: table.header, rows: table.rows, bom: true)
            }
        }
        if let out {
            try OutputFile.write(text, to: out, catalogue: global.path)
            FileHandle.standardError.write(Data(Text(vi: "Đã ghi \(out)\n", en: "Wrote \(out)\n")().utf8))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// The metadata as JSON: one object per row, its keys the Circular's field names in the header's order.
enum MetadataJSON {
    static func render(_ export: MetadataExport) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func quoted(_ s: String) -> String {
            String(decoding: (try? encoder.encode(s)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
        let objects = export.rows.map { row in
            "  {\n" + zip(export.header, row).map { "    \(quoted($0)): \(quoted($1))" }.joined(separator: ",\n")
                + "\n  }"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
