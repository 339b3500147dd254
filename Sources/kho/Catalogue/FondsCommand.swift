import ArgumentParser
import KhoKit

struct FondsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonds",
        abstract: Text(
            vi: "Phông lưu trữ: thêm, liệt kê, đổi mã, xóa phông đăng ký nhầm.",
            en: "Fonds: add, list, rename, delete one registered by mistake.")(),
        subcommands: [Add.self, List.self, Rename.self, Delete.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(vi: "Thêm một phông lưu trữ.", en: "Register a fonds.")(),
            discussion: Text(
                vi: "Ví dụ: kho fonds add UBND-SK1 --name \"UBND xã Sơn Kim 1\" --by \"Nguyễn Thị Thu\"",
                en: "Example: kho fonds add UBND-SK1 --name \"People's Committee of Son Kim 1\" --by Thu")())

        @Argument(
            help: Placeholder.fonds.on(
                ArgumentHelp(Text(vi: "Mã phông, ví dụ UBND-SK1.", en: "Fonds code, e.g. UBND-SK1.")())))
        var code: String
        @Option(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên phông.", en: "Fonds name.")())))
        var name: String
        @Option(help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")())))
        var notes: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let fonds = try global.openForWriting(create: true).addFonds(
                code: code, name: name, notes: notes, by: try who.attribution())
            if global.json { return try Printer.json(fonds) }
            Printer.line(
                Text(
                    vi: "Đã thêm phông \(fonds.code) — \(fonds.name)",
                    en: "Registered fonds \(fonds.code) — \(fonds.name)")())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text(vi: "Liệt kê các phông.", en: "List fonds.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let list = try global.openForReading().listFonds()
            if global.json { return try Printer.json(list) }
            Printer.table(
                [
                    Text(vi: "Mã", en: "Code")(), Text(vi: "Tên", en: "Name")(), Text(vi: "Hộp", en: "Boxes")(),
                    Text(vi: "Hồ sơ", en: "Files")(), Text(vi: "Mét", en: "Metres")(),
                ],
                list.map { [$0.code, $0.name, String($0.boxes), String($0.files), Printer.metres($0.totalMetres)] },
                right: [2, 3, 4])
        }
    }
}

extension FondsCommand {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: Text(
                vi: "Đổi mã một phông (hoàn tác được); không đổi được khi phông đã có bản PDF/A bàn giao.",
                en: "Give a fonds a new code (undoable); refused once it has a delivered PDF/A copy.")())
        @Argument(help: ArgumentHelp(Text(vi: "Mã hiện tại.", en: "The current code.")(), valueName: Placeholder.old()))
        var old: String
        @Argument(help: ArgumentHelp(Text(vi: "Mã mới.", en: "The new code.")(), valueName: Placeholder.new()))
        var new: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let fonds = try global.openForWriting().renameFonds(old, to: new, by: try who.attribution())
            if global.json { return try Printer.json(fonds) }
            Printer.line(
                Text(vi: "Đã đổi mã phông \(old) thành \(fonds.code)", en: "Fonds \(old) is now \(fonds.code)")())
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: Text(
                vi: "Xóa một phông đăng ký nhầm, khi phông chưa có hộp và chưa có việc gì (hoàn tác được).",
                en:
                    "Delete a fonds registered by mistake, while it has no boxes and nothing has happened to it (undoable)."
            )())
        @Argument(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Mã phông.", en: "Fonds code.")())))
        var code: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let event = try global.openForWriting().deleteFonds(code, by: try who.attribution())
            try Printer.deleted(Text(vi: "phông", en: "fonds"), code, event: event.id, json: global.json)
        }
    }
}
