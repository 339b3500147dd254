import ArgumentParser
import KhoKit

struct FileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file",
        abstract: Text(
            vi:
                "Hồ sơ: thêm, liệt kê, xem, sửa, chuyển hộp, đổi số, xóa hồ sơ đăng ký nhầm. Tên hồ sơ viết HỘP/HỒSƠ, ví dụ H0012/03.",
            en:
                "Files: add, list, show, edit, move, rename, delete one registered by mistake. A file is named BOX/FILE, e.g. H0012/03."
        )(),
        subcommands: [Add.self, List.self, Show.self, Edit.self, Move.self, Rename.self, Delete.self])

    /// The descriptive options shared by `file add` and `file edit`.
    struct Description: ParsableArguments {
        @Option(
            help: Placeholder.count.on(
                ArgumentHelp(
                    Text(
                        vi: "Số tờ (số nguyên, từ 0 đến 100.000).", en: "Number of sheets (whole number, 0 to 100,000)."
                    )()
                )))
        var sheets: String?
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Thời hạn bảo quản: permanent (vĩnh viễn) hoặc số năm.",
                    en: "Retention: permanent or a number of years.")(), valueName: Placeholder.years()))
        var retention: String?
        @Option(
            help: Placeholder.access.on(
                ArgumentHelp(
                    Text(
                        vi: "Chế độ sử dụng: \(Access.keys) (hồ sơ mật không bao giờ được số hóa).",
                        en: "Access: \(Access.keys) (secret files are never scanned).")())))
        var access: String?
        @Option(
            name: .customLong("start-year"),
            help: Placeholder.year.on(ArgumentHelp(Text(vi: "Năm bắt đầu.", en: "First year.")())))
        var startYear: String?
        @Option(
            name: .customLong("end-year"),
            help: Placeholder.year.on(ArgumentHelp(Text(vi: "Năm kết thúc.", en: "Last year.")())))
        var endYear: String?
        @Option(
            help: Placeholder.condition.on(
                ArgumentHelp(Text(vi: "Tình trạng: \(Condition.keys).", en: "Condition: \(Condition.keys).")())))
        var condition: String?
        @Option(help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")())))
        var notes: String?
    }

    /// The Circular 05/2025 file fields `kho file edit` sets (`kho export metadata` writes them).
    struct CircularFields: ParsableArguments {
        @Option(
            help: Placeholder.language.on(ArgumentHelp(Text(vi: "Ngôn ngữ (ví dụ: vi).", en: "Language (e.g. vi).")())))
        var language: String?
        @Option(
            help: Placeholder.keywords.on(
                ArgumentHelp(Text(vi: "Từ khóa, cách nhau bởi dấu ;", en: "Keywords, separated by ;")())))
        var keywords: String?
        @Option(
            name: .customLong("info-symbol"),
            help: Placeholder.symbol.on(ArgumentHelp(Text(vi: "Ký hiệu thông tin.", en: "Information symbol.")())))
        var infoSymbol: String?
        @Option(
            help: Placeholder.reliability.on(
                ArgumentHelp(
                    Text(vi: "Mức độ tin cậy (ví dụ: bản chính, bản sao).", en: "Reliability (e.g. original, copy).")())
            ))
        var reliability: String?
        @Option(
            name: .customLong("paper-code"),
            help: Placeholder.code.on(ArgumentHelp(Text(vi: "Mã hồ sơ gốc giấy.", en: "The paper file's code.")())))
        var paperCode: String?
        @Option(
            name: .customLong("backup-mode"),
            help: Placeholder.mode.on(
                ArgumentHelp(Text(vi: "Chế độ lập tài liệu lưu trữ dự phòng.", en: "Backup copy mode.")())))
        var backupMode: String?
        @Option(
            name: .customLong("backup-state"),
            help: Placeholder.state.on(
                ArgumentHelp(Text(vi: "Tình trạng lập tài liệu lưu trữ dự phòng.", en: "Backup copy state.")())))
        var backupState: String?
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(vi: "Thêm một hồ sơ vào hộp.", en: "Register a file in a box.")(),
            discussion: Text(
                vi:
                    "Mã hồ sơ: chữ, số, - _ . (không bắt đầu bằng . hay -), tối đa 32 ký tự.\nVí dụ: kho file add H0012/03 --title \"Hồ sơ đất đai thôn 2\" --sheets 42 --retention permanent --by Thu",
                en:
                    "A file code has letters, digits, - _ . (not starting with . or -), at most 32 characters.\nExample: kho file add H0012/03 --title \"Land records, hamlet 2\" --sheets 42 --retention permanent --by Thu"
            )())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(help: Placeholder.title.on(ArgumentHelp(Text(vi: "Tiêu đề hồ sơ.", en: "File title.")())))
        var title: String
        @OptionGroup var description: Description
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let d = description
            let file = try global.openForWriting().registerFile(
                FileDraft(
                    ref: try FileRef(parsing: ref), title: title, startYear: d.startYear, endYear: d.endYear,
                    retention: d.retention, access: d.access, sheets: d.sheets, condition: d.condition, notes: d.notes),
                by: try who.attribution())
            if global.json { return try Printer.json(file) }
            Printer.line(Text(vi: "Đã thêm hồ sơ \(ref): \(file.title)", en: "Registered file \(ref): \(file.title)")())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(vi: "Liệt kê hồ sơ, có lọc.", en: "List files, with filters.")())
        @Option(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Chỉ hộp này.", en: "Only this box.")())))
        var box: String?
        @Option(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Chỉ phông này.", en: "Only this fonds.")())))
        var fonds: String?
        @Option(
            help: Placeholder.scanLevel.on(
                ArgumentHelp(
                    Text(vi: "Bậc số hóa: \(ScanState.keys).", en: "Digitization rung: \(ScanState.keys).")())))
        var scan: String?
        @Option(
            help: Placeholder.access.on(
                ArgumentHelp(Text(vi: "Chế độ sử dụng: \(Access.keys).", en: "Access: \(Access.keys).")())))
        var access: String?
        @Option(
            help: Placeholder.text.on(
                ArgumentHelp(Text(vi: "Tiêu đề có chứa chuỗi này.", en: "Titles containing this text.")())))
        var search: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let files = try global.openForReading().listFiles(
                FileFilter(box: box, fonds: fonds, scanState: scan, access: access, search: search))
            if global.json { return try Printer.json(files) }
            FileCommand.printTable(files)
        }
    }

    static func printTable(_ files: [FileView]) {
        Printer.table(
            [
                Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Tiêu đề", en: "Title")(), Text(vi: "Năm", en: "Years")(),
                Text(vi: "Thời hạn", en: "Retention")(), Text(vi: "Số tờ", en: "Sheets")(),
                Text(vi: "Sử dụng", en: "Access")(),
                Text(vi: "Số hóa", en: "Digitization")(), Text(vi: "Trang", en: "Pages")(),
            ],
            files.map {
                [
                    $0.ref, $0.title, Format.years($0.startYear, $0.endYear),
                    Retention.label(stored: $0.retention, Lang.current),
                    $0.sheets.map { Format.integer(Int64($0)) } ?? "?",
                    $0.access.label(), $0.scanState.label(), $0.pages > 0 ? Format.integer(Int64($0.pages)) : "",
                ]
            },
            right: [4, 7])
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: Text(vi: "Xem một hồ sơ.", en: "Show a file.")())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let file = try global.openForReading().showFile(try FileRef(parsing: ref))
            if global.json { return try Printer.json(file) }
            FileCommand.printTable([file])
            Printer.line(
                Text(vi: "Mã hồ sơ: ", en: "Archival code: ")()
                    + (file.archiveId ?? Text(vi: "chưa có (xem kho pdf rule)", en: "none yet (see kho pdf rule)")()))
            if !file.notes.isEmpty { Printer.line(Text(vi: "Ghi chú: ", en: "Notes: ")() + file.notes) }
            if let missing = file.missingMasters {
                let names = missing.joined(separator: ", ")
                Printer.line(
                    Text(
                        vi:
                            "Bản gốc đang mất: \(names) — quét lại rồi chạy kho scan ingest, hoặc chấp nhận mất: kho scan accept \(file.ref) --reason lost",
                        en:
                            "Masters missing: \(names) — rescan and run kho scan ingest, or accept the loss: kho scan accept \(file.ref) --reason lost"
                    )())
            }
            Printer.line(
                Text(vi: "Đang ở: ", en: "Where: ")()
                    + BoxCommand.whereabouts(location: file.location, custody: file.custody))
            Printer.line(
                Text(vi: "Văn bản đã mô tả: \(file.documents)", en: "Documents described: \(file.documents)")()
                    + (file.documents > 0 ? "  (kho doc list \(file.ref))" : ""))
            for (label, value) in [
                (Text(vi: "Ngôn ngữ", en: "Language"), file.language),
                (Text(vi: "Từ khóa", en: "Keywords"), file.keywords),
                (Text(vi: "Ký hiệu thông tin", en: "Information symbol"), file.infoSymbol),
                (Text(vi: "Mức độ tin cậy", en: "Reliability"), file.reliability),
                (Text(vi: "Mã hồ sơ gốc giấy", en: "Paper file code"), file.paperCode),
                (
                    Text(vi: "Dự phòng", en: "Backup copy"),
                    [file.backupMode, file.backupState].filter { !$0.isEmpty }.joined(separator: ", ")
                ),
            ]
            where !value.isEmpty {
                Printer.line(label() + ": " + value)
            }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: Text(
                vi: "Sửa mô tả một hồ sơ (ghi lại giá trị cũ để có thể hoàn tác).",
                en: "Change a file's description (the old values are kept, so it can be undone).")())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(help: Placeholder.title.on(ArgumentHelp(Text(vi: "Tiêu đề mới.", en: "New title.")())))
        var title: String?
        @OptionGroup var description: Description
        @OptionGroup var circular: CircularFields
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let d = description
            let file = try global.openForWriting().editFile(
                try FileRef(parsing: ref),
                FileChanges(
                    title: title, startYear: d.startYear, endYear: d.endYear, retention: d.retention, access: d.access,
                    sheets: d.sheets, condition: d.condition, notes: d.notes, language: circular.language,
                    keywords: circular.keywords, infoSymbol: circular.infoSymbol, reliability: circular.reliability,
                    paperCode: circular.paperCode, backupMode: circular.backupMode, backupState: circular.backupState),
                by: try who.attribution())
            if global.json { return try Printer.json(file) }
            Printer.line(Text(vi: "Đã sửa hồ sơ \(ref)", en: "Changed file \(ref)")())
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: Text(
                vi: "Chuyển hồ sơ sang hộp khác (giữ nguyên số hồ sơ).",
                en: "Move a file into another box (keeping its code).")())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Hộp đích.", en: "Destination box.")())))
        var to: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let file = try global.openForWriting().moveFile(
                try FileRef(parsing: ref), toBox: to, by: try who.attribution())
            if global.json { return try Printer.json(file) }
            Printer.line(
                Text(vi: "Hồ sơ \(ref) nay ở hộp \(to)/\(file.code)", en: "File \(ref) is now \(to)/\(file.code)")())
        }
    }
}

extension FileCommand {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: Text(
                vi: "Đổi số hồ sơ trong hộp (hoàn tác được).", en: "Give a file a new code in its box (undoable).")(),
            discussion: Text(
                vi:
                    "Không đổi được khi hồ sơ đã có bản quét hoặc bản PDF/A bàn giao. Ví dụ: kho file rename H0012/3 03 --by Thu",
                en:
                    "Refused once it has masters or a delivered PDF/A copy. Example: kho file rename H0012/3 03 --by Thu"
            )())
        @Argument(
            help: ArgumentHelp(
                Text(vi: "HỘP/HỒSƠ hiện tại.", en: "The current BOX/FILE.")(), valueName: Placeholder.boxOld()))
        var ref: String
        @Argument(
            help: ArgumentHelp(
                Text(vi: "Số hồ sơ mới (chỉ phần HỒSƠ).", en: "The new file code (the FILE part only).")(),
                valueName: Placeholder.new()))
        var new: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let r = try FileRef(parsing: ref)
            let file = try global.openForWriting().renameFile(r, to: new, by: try who.attribution())
            if global.json { return try Printer.json(file) }
            Printer.line(
                Text(
                    vi: "Đã đổi hồ sơ \(ref) thành \(r.box)/\(file.code)",
                    en: "File \(ref) is now \(r.box)/\(file.code)")())
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: Text(
                vi: "Xóa một hồ sơ đăng ký nhầm, khi chưa có việc gì trên hồ sơ (hoàn tác được).",
                en: "Delete a file registered by mistake, while nothing has happened to it (undoable).")(),
            discussion: Text(
                vi:
                    "Chỉ xóa được hồ sơ chưa quét, chưa có bản PDF, văn bản hay việc nào khác ngoài đăng ký, sửa, chuyển và đổi số.",
                en:
                    "Only a file with no scans, no PDF copy, no documents and nothing else but its registration, edits, moves and renames."
            )())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let event = try global.openForWriting().deleteFile(try FileRef(parsing: ref), by: try who.attribution())
            try Printer.deleted(Text(vi: "hồ sơ", en: "file"), ref, event: event.id, json: global.json)
        }
    }
}
