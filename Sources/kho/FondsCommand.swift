import ArgumentParser
import KhoKit

struct FondsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonds",
        abstract: Text(vi: "Phông lưu trữ: thêm, liệt kê.", en: "Fonds: add and list.")(),
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(vi: "Thêm một phông lưu trữ.", en: "Register a fonds.")(),
            discussion: Text(vi: "Ví dụ: kho fonds add UBND-SK1 --name \"UBND xã Sơn Kim 1\" --by \"Nguyễn Thị Thu\"",
                             en: "Example: kho fonds add UBND-SK1 --name \"People's Committee of Son Kim 1\" --by Thu")())

        @Argument(help: ArgumentHelp(Text(vi: "Mã phông, ví dụ UBND-SK1.", en: "Fonds code, e.g. UBND-SK1.")()))
        var code: String
        @Option(help: ArgumentHelp(Text(vi: "Tên phông.", en: "Fonds name.")()))
        var name: String
        @Option(help: ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")()))
        var notes: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let fonds = try global.openForWriting(create: true).addFonds(code: code, name: name, notes: notes, by: try who.attribution())
            if global.json { return try Out.json(fonds) }
            Out.line(Text(vi: "Đã thêm phông \(fonds.code) — \(fonds.name)", en: "Registered fonds \(fonds.code) — \(fonds.name)")())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: Text(vi: "Liệt kê các phông.", en: "List fonds.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let list = try global.openForReading().listFonds()
            if global.json { return try Out.json(list) }
            Out.table(
                [Text(vi: "Mã", en: "Code")(), Text(vi: "Tên", en: "Name")(), Text(vi: "Hộp", en: "Boxes")(),
                 Text(vi: "Hồ sơ", en: "Files")(), Text(vi: "Mét", en: "Metres")()],
                list.map { [$0.code, $0.name, String($0.boxes), String($0.files), Out.metres($0.totalMetres)] },
                right: [2, 3, 4])
        }
    }
}
