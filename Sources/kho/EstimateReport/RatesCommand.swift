import ArgumentParser
import KhoEstimation
import KhoKit

struct RatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rates",
        abstract: Text(
            vi: "Tệp đơn giá: tạo bản mặc định có chú thích, xem.",
            en: "The rates file: write the commented defaults, show it.")(),
        subcommands: [Init.self, Show.self])

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: Text(
                vi: "Tạo tệp đơn giá mặc định (có chú thích) để sửa theo đơn giá của tỉnh.",
                en: "Write the default, commented rates file, to edit to the province's prices.")())
        @Option(
            help: Placeholder.file.on(
                ArgumentHelp(
                    Text(
                        vi: "Đường dẫn (mặc định rates.toml cạnh danh mục).",
                        en: "Path (default rates.toml beside the catalogue).")())))
        var path: String?
        @Flag(help: ArgumentHelp(Text(vi: "Ghi đè tệp đã có.", en: "Overwrite an existing file.")()))
        var force = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let target = path ?? RatesFile.defaultPath(catalogue: global.path)
            try RatesFile.writeDefaults(to: target, force: force, catalogue: global.path)
            Printer.line(
                Text(
                    vi: "Đã ghi \(target): hãy sửa đơn giá theo quyết định của tỉnh.",
                    en: "Wrote \(target): edit the prices to the province's decision.")())
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Text(
                vi: "Xem đơn giá đang dùng và nguồn của từng con số.",
                en: "Show the prices in use and where each comes from.")())
        @Option(help: Placeholder.file.on(ArgumentHelp(Text(vi: "Đường dẫn tệp đơn giá.", en: "Rates file path.")())))
        var path: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let target = path ?? RatesFile.defaultPath(catalogue: global.path)
            let rates = try RatesFile.load(path: target) ?? .builtIn(missing: target)
            if global.json { return try Printer.json(rates) }
            let c = rates.contractor
            Printer.table(
                [Text(vi: "Khoản", en: "Item")(), Text(vi: "Giá", en: "Price")(), Text(vi: "Nguồn", en: "Source")()],
                [
                    [
                        Texts.moneyItem("per_metre_arranged").text(Lang.current),
                        Format.money(c.perMetreArranged.value), c.perMetreArranged.source.text(),
                    ],
                    [
                        Texts.moneyItem("per_page_scanned").text(Lang.current), Format.money(c.perPageScanned.value),
                        c.perPageScanned.source.text(),
                    ],
                    [
                        Texts.moneyItem("per_file_described").text(Lang.current),
                        Format.money(c.perFileDescribed.value), c.perFileDescribed.source.text(),
                    ],
                    [
                        Texts.moneyItem("per_document_described").text(Lang.current),
                        Format.money(c.perDocumentDescribed.value), c.perDocumentDescribed.source.text(),
                    ],
                    [
                        Texts.moneyItem("day_rate").text(Lang.current), Format.money(rates.dayRate.value),
                        rates.dayRate.source.text(),
                    ],
                    [Text(vi: "số bản lưu", en: "copies")(), String(rates.copies.value), rates.copies.source.text()],
                ] + rates.oneOff.map { [$0.name, Format.money($0.amountVND), $0.source.text()] } + optional(rates),
                right: [1])
            Printer.line(
                Text(vi: "Ngày nghỉ lễ: \(rates.holidays.count)", en: "Public holidays: \(rates.holidays.count)")())
        }

        /// The rows a rates file may leave out: the price of a terabyte of disk, the scanners the office owns.
        private func optional(_ rates: Rates) -> [[String]] {
            var rows: [[String]] = []
            if let tb = rates.storagePerTB {
                rows.append(
                    [
                        Texts.moneyItem("storage_per_tb").text(Lang.current) + " — "
                            + Text(vi: "mỗi TB", en: "per TB")(), Format.money(tb.value), tb.source.text(),
                    ])
            }
            if let scanners = rates.scanners {
                rows.append(
                    [Text(vi: "số máy quét", en: "scanners")(), String(scanners.value), scanners.source.text()])
            }
            return rows
        }
    }
}
