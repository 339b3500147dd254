import ArgumentParser
import KhoKit

struct BoxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "box",
        abstract: Text(
            vi: "Hộp: thêm, liệt kê, xem, sửa, chuyển vị trí, đổi mã, xóa hộp đăng ký nhầm.",
            en: "Boxes: add, list, show, edit, move, rename, delete one registered by mistake.")(),
        subcommands: [Add.self, List.self, Show.self, Edit.self, Move.self, Rename.self, Delete.self])

    /// The descriptive options shared by `box add` and `box edit`.
    struct Description: ParsableArguments {
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Độ dài (mét giá), > 0 và tối đa 10; mặc định 0,125 = một hộp tiêu chuẩn.",
                    en: "Extent in linear metres, > 0 and at most 10; default 0.125 = one standard box.")(),
                valueName: Placeholder.metres()))
        var extent: String?
        @Option(
            help: Placeholder.place.on(
                ArgumentHelp(Text(vi: "Vị trí trên giá, ví dụ A-3-2.", en: "Shelf location, e.g. A-3-2.")())))
        var location: String?
        @Option(
            name: .customLong("start-year"),
            help: Placeholder.year.on(
                ArgumentHelp(Text(vi: "Năm bắt đầu của tài liệu.", en: "First year of the records.")())))
        var startYear: String?
        @Option(
            name: .customLong("end-year"),
            help: Placeholder.year.on(
                ArgumentHelp(Text(vi: "Năm kết thúc của tài liệu.", en: "Last year of the records.")())))
        var endYear: String?
        @Option(
            help: Placeholder.condition.on(
                ArgumentHelp(Text(vi: "Tình trạng: \(Condition.keys).", en: "Condition: \(Condition.keys).")())))
        var condition: String?
        @Option(help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")())))
        var notes: String?
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(
                vi: "Thêm một hộp (hoặc bó tài liệu khi tiếp nhận).", en: "Register a box (or a bundle as received).")(),
            discussion: Text(
                vi:
                    "Hộp tạo ra khi chỉnh lý một hộp/bó khác được ghi --from HỘP_GỐC: không cộng thêm vào tổng số mét.\nVí dụ: kho box add H0012 --fonds UBND-SK1 --extent 0,125 --location A-3-2 --by Thu",
                en:
                    "A box made by arranging another box or bundle takes --from SOURCE: it never adds to the total metres.\nExample: kho box add H0012 --fonds UBND-SK1 --extent 0.125 --location A-3-2 --by Thu"
            )())

        @Argument(
            help: Placeholder.box.on(
                ArgumentHelp(
                    Text(
                        vi: "Mã hộp, ví dụ H0012: chữ, số, - _ . (không bắt đầu bằng . hay -), tối đa 32 ký tự.",
                        en:
                            "Box code, e.g. H0012: letters, digits, - _ . (not starting with . or -), at most 32 characters."
                    )())))
        var code: String
        @Option(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Mã phông.", en: "Fonds code.")())))
        var fonds: String
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Hộp/bó gốc mà hộp này được tạo ra từ đó khi chỉnh lý.",
                    en: "The box or bundle this box was made from by arrangement.")(),
                valueName: Placeholder.box()))
        var from: String?
        @OptionGroup var description: Description
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let d = description
            let draft = BoxDraft(
                code: code, fonds: fonds, extent: d.extent, location: d.location, startYear: d.startYear,
                endYear: d.endYear, condition: d.condition, notes: d.notes, from: from)
            let box = try global.openForWriting().registerBox(draft, by: try who.attribution())
            if global.json { return try Printer.json(box) }
            Printer.line(
                Text(
                    vi: "Đã thêm hộp \(box.code) (\(box.extent.formatted()) m)",
                    en: "Registered box \(box.code) (\(box.extent.formatted()) m)")())
            let defaults = draft.defaultsTaken(by: box, parent: from)
            if !defaults.isEmpty {
                Printer.line(
                    Text(vi: "  chưa cho nên lấy: ", en: "  not given, so taken: ")()
                        + defaults.map { $0() }.joined(separator: "; "))
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(vi: "Liệt kê hộp, có lọc.", en: "List boxes, with filters.")())
        @Option(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Chỉ phông này.", en: "Only this fonds.")())))
        var fonds: String?
        @Option(
            help: Placeholder.place.on(
                ArgumentHelp(
                    Text(
                        vi: "Chỉ vị trí bắt đầu bằng chuỗi này, ví dụ A-3.",
                        en: "Only locations starting with this, e.g. A-3.")())))
        var location: String?
        @Option(
            help: Placeholder.state.on(
                ArgumentHelp(
                    Text(
                        vi: "Trạng thái chỉnh lý: \(ArrangementState.keys).",
                        en: "Arrangement state: \(ArrangementState.keys).")())))
        var state: String?
        @Option(
            help: Placeholder.condition.on(
                ArgumentHelp(Text(vi: "Tình trạng: \(Condition.keys).", en: "Condition: \(Condition.keys).")())))
        var condition: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let boxes = try global.openForReading().listBoxes(
                BoxFilter(fonds: fonds, location: location, arrangement: state, condition: condition))
            if global.json { return try Printer.json(boxes) }
            BoxCommand.printTable(boxes)
        }
    }

    static func printTable(_ boxes: [BoxView]) {
        Printer.table(
            [
                Text(vi: "Hộp", en: "Box")(), Text(vi: "Phông", en: "Fonds")(), Text(vi: "Mét", en: "Metres")(),
                Text(vi: "Vị trí", en: "Location")(), Text(vi: "Năm", en: "Years")(),
                Text(vi: "Tình trạng", en: "Condition")(),
                Text(vi: "Chỉnh lý", en: "Arrangement")(), Text(vi: "Giữ lại", en: "Kept")(),
                Text(vi: "Từ hộp", en: "From")(),
                Text(vi: "Hồ sơ", en: "Files")(),
            ],
            boxes.map {
                [
                    $0.code, $0.fonds, Printer.metres($0.extentMetres), $0.location,
                    Format.years($0.startYear, $0.endYear),
                    $0.condition.label(), $0.arrangement.label(), $0.keptMetres.map(Printer.metres) ?? "",
                    $0.from ?? "",
                    String($0.files),
                ]
            },
            right: [2, 7, 9])
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Text(vi: "Xem một hộp và các hồ sơ trong hộp.", en: "Show a box and its files.")())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box code.")())))
        var code: String
        @OptionGroup var global: GlobalOptions

        struct Shown: Encodable {
            var box: BoxView
            var files: [FileView]
        }

        func run() throws {
            let (box, files) = try global.openForReading().showBox(code)
            if global.json { return try Printer.json(Shown(box: box, files: files)) }
            BoxCommand.printTable([box])
            if !box.notes.isEmpty { Printer.line(Text(vi: "Ghi chú: ", en: "Notes: ")() + box.notes) }
            Printer.line(
                Text(vi: "Đang ở: ", en: "Where: ")()
                    + BoxCommand.whereabouts(location: box.location, custody: box.custody))
            for file in files where file.custody.map({ !$0.withBox }) == true {
                Printer.line(
                    Text(vi: "  hồ sơ \(file.ref): ", en: "  file \(file.ref): ")()
                        + (file.custody?.whereabouts(Lang.current) ?? ""))
            }
            Printer.line()
            FileCommand.printTable(files)
        }
    }

    /// Where a box or file is: out of the store with someone, else its shelf location.
    static func whereabouts(location: String, custody: CustodyView?) -> String {
        if let custody { return custody.whereabouts(Lang.current) }
        return location.isEmpty
            ? Text(vi: "trong kho (chưa ghi vị trí)", en: "in the store (no location recorded)")()
            : Text(vi: "trong kho, vị trí \(location)", en: "in the store, at \(location)")()
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: Text(
                vi: "Sửa mô tả một hộp (ghi lại giá trị cũ để có thể hoàn tác).",
                en: "Change a box's description (the old values are kept, so it can be undone).")())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box code.")())))
        var code: String
        @Option(
            help: Placeholder.fonds.on(
                ArgumentHelp(Text(vi: "Chuyển sang phông khác.", en: "Move to another fonds.")())))
        var fonds: String?
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Sửa số mét giữ lại của hộp đã chỉnh lý (≤ độ dài).",
                    en: "Correct the metres kept by an arranged box (not more than its extent).")(),
                valueName: Placeholder.metres()))
        var kept: String?
        @OptionGroup var description: Description
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let d = description
            let box = try global.openForWriting().editBox(
                code,
                BoxChanges(
                    fonds: fonds, extent: d.extent, location: d.location, startYear: d.startYear, endYear: d.endYear,
                    condition: d.condition, notes: d.notes, kept: kept),
                by: try who.attribution())
            if global.json { return try Printer.json(box) }
            Printer.line(Text(vi: "Đã sửa hộp \(box.code)", en: "Changed box \(box.code)")())
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: Text(vi: "Ghi vị trí mới của hộp trên giá.", en: "Record a box's new shelf location.")())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box code.")())))
        var code: String
        @Option(
            help: Placeholder.place.on(
                ArgumentHelp(Text(vi: "Vị trí mới, ví dụ B-1-4.", en: "New location, e.g. B-1-4.")())))
        var to: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let box = try global.openForWriting().moveBox(code, to: to, by: try who.attribution())
            if global.json { return try Printer.json(box) }
            Printer.line(
                Text(vi: "Hộp \(box.code) nay ở \(box.location)", en: "Box \(box.code) is now at \(box.location)")())
        }
    }
}

extension BoxCommand {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: Text(vi: "Đổi mã một hộp (hoàn tác được).", en: "Give a box a new code (undoable).")(),
            discussion: Text(
                vi:
                    "Không đổi được khi hồ sơ trong hộp đã có bản quét hoặc bản PDF/A bàn giao. Ví dụ: kho box rename H012 H0012 --by Thu",
                en:
                    "Refused once a file in it has masters or a delivered PDF/A copy. Example: kho box rename H012 H0012 --by Thu"
            )())
        @Argument(help: ArgumentHelp(Text(vi: "Mã hiện tại.", en: "The current code.")(), valueName: Placeholder.old()))
        var old: String
        @Argument(help: ArgumentHelp(Text(vi: "Mã mới.", en: "The new code.")(), valueName: Placeholder.new()))
        var new: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let box = try global.openForWriting().renameBox(old, to: new, by: try who.attribution())
            if global.json { return try Printer.json(box) }
            Printer.line(Text(vi: "Đã đổi mã hộp \(old) thành \(box.code)", en: "Box \(old) is now \(box.code)")())
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: Text(
                vi: "Xóa một hộp đăng ký nhầm, khi chưa có việc gì trên hộp (hoàn tác được).",
                en: "Delete a box registered by mistake, while nothing has happened to it (undoable).")(),
            discussion: Text(
                vi:
                    "Chỉ xóa được hộp chưa có hồ sơ, chưa chỉnh lý, chưa có danh mục hủy hay việc nào khác ngoài đăng ký, sửa, chuyển và đổi mã.",
                en:
                    "Only a box with no files, no arrangement, no destruction list and nothing else but its registration, edits, moves and renames."
            )())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box code.")())))
        var code: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let event = try global.openForWriting().deleteBox(code, by: try who.attribution())
            try Printer.deleted(Text(vi: "hộp", en: "box"), code, event: event.id, json: global.json)
        }
    }
}
