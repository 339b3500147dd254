import ArgumentParser
import Foundation
import KhoKit
import KhoReport

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
        help: Placeholder("inventory|metadata|weed-list|boxes|files|pages|events").on(
            ArgumentHelp(
                Text(
                    vi:
                        "inventory (mục lục hồ sơ), metadata (siêu dữ liệu Thông tư 05/2025), weed-list (danh mục tài liệu hết giá trị), boxes, files, pages hoặc events.",
                    en:
                        "inventory, metadata (Circular 05/2025), weed-list (the destruction list), boxes, files, pages or events."
                )())))
    var what: ExportSubject
    @Option(
        help: Placeholder("csv|html|json").on(
            ArgumentHelp(
                Text(
                    vi: "csv (mặc định), html (mục lục, danh mục hủy) hoặc json (dữ liệu thô).",
                    en: "csv (default), html (inventory, weed list) or json (raw data).")())))
    var format: ExportFormat = .csv
    @Option(
        help: Placeholder.fonds.on(
            ArgumentHelp(
                Text(
                    vi: "Chỉ phông này (mục lục, siêu dữ liệu, danh mục hủy).",
                    en: "Only this fonds (inventory, metadata, weed list).")())))
    var fonds: String?
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Siêu dữ liệu theo Thông tư 05/2025: file (hồ sơ, mặc định) hoặc document (văn bản).",
                en: "Circular 05/2025 metadata: file (default) or document.")(), valueName: "file|document"))
    var level: MetadataLevel = .file
    @Option(
        help: ArgumentHelp(
            Text(vi: "Tệp cần ghi (mặc định: in ra màn hình).", en: "File to write (default: standard output).")(),
            valueName: Placeholder.file()))
    var out: String?
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        let formats = what.formats.map(\.rawValue)
        guard what.formats.contains(format) else {
            throw ValidationError(
                Text(
                    vi:
                        "\(what.rawValue) xuất được dạng \(formats.joined(separator: " hoặc ")), không phải «\(format.rawValue)»",
                    en: "\(what.rawValue) exports as \(formats.joined(separator: " or ")), not “\(format.rawValue)”")())
        }
    }

    func run() throws {
        let store = try global.openForReading()
        let lang = Lang.current
        let text: String
        switch what {
        case .metadata:
            let export = try store.metadata(level, fonds: fonds, lang: lang)
            text =
                format == .json || global.json
                ? MetadataJSON.render(export)
                : renderCSV(header: export.header, rows: export.rows.map { $0.map(CSVCell.text) }, bom: true)
            for finding in export.findings { Printer.error("! " + finding.text()) }
        case .weedList:
            let list = try store.weedList(fonds: fonds)
            text =
                format == .html
                ? renderWeedListHTML(list, lang: lang, generatedAt: store.time.dateTime(of: Date()))
                : renderWeedListCSV(list, lang: lang)
        case .inventory:
            let inventory = try store.inventory(fonds: fonds, lang: .current)
            text =
                format == .html
                ? renderInventoryHTML(inventory, lang: lang, generatedAt: store.time.dateTime(of: Date()))
                : renderInventoryCSV(inventory, lang: lang)
        case .table(let kind):
            let table = try store.exportTable(kind)
            if format == .json {
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
            try OutputFile.write(text, to: out, protecting: try store.protectedPaths())
            Printer.error(Text(vi: "Đã ghi \(out)", en: "Wrote \(out)")())
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// The metadata as JSON: one object per row, its keys the Circular's field names in the header's order.
enum MetadataJSON {
    static func render(_ export: MetadataExport) -> String {
        let encoder = KhoJSON.encoder(.current)
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

/// What `kho export` writes: the inventory, the Circular's metadata, the destruction list, or a raw table.
enum ExportSubject: Hashable, CaseIterable, ExpressibleByArgument {
    case inventory, metadata, weedList
    case table(ExportKind)

    static let allCases: [ExportSubject] = [.inventory, .metadata, .weedList] + ExportKind.allCases.map(Self.table)

    /// The word on the command line.
    var rawValue: String {
        switch self {
        case .inventory: "inventory"
        case .metadata: "metadata"
        case .weedList: "weed-list"
        case .table(let kind): kind.rawValue
        }
    }

    /// The formats it is written in; the first is the default.
    var formats: [ExportFormat] {
        switch self {
        case .inventory, .weedList: [.csv, .html]
        case .metadata, .table: [.csv, .json]
        }
    }

    init?(argument: String) {
        guard let subject = Self.allCases.first(where: { $0.rawValue == argument }) else { return nil }
        self = subject
    }

    var defaultValueDescription: String { rawValue }
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The formats `kho export --format` takes.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, html, json
}

extension MetadataLevel: ExpressibleByArgument {}
