import ArgumentParser
import Foundation
import KhoKit

struct CopiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copies",
        abstract: Text(
            vi:
                "Các bản lưu (USB, NAS, nơi khác): đăng ký, chép nội dung đã kiểm tra, kiểm tra toàn vẹn, sửa từ bản tốt.",
            en: "Copies (USB, NAS, elsewhere): register, sync checked content, audit fixity, repair from a good copy.")(),
        discussion: Text(
            vi: """
                Mỗi bản lưu là một thư mục có scans/ và pdf/ như bản chính (nơi quét, đăng ký sẵn với tên primary).
                Thường làm: kho copies add usb-1 --path /media/usb/kho --place "tủ sắt phòng văn thư" --by Thu;
                kho copies sync --by Thu; kho copies verify --older-than 90 --by Thu; kho copies repair H0012/03 --by Thu.
                """,
            en: """
                Each copy is a folder holding scans/ and pdf/ as the primary does (where operators scan, registered as primary).
                Usual work: kho copies add usb-1 --path /media/usb/kho --place "safe in the records office" --by Thu;
                kho copies sync --by Thu; kho copies verify --older-than 90 --by Thu; kho copies repair H0012/03 --by Thu.
                """)(),
        subcommands: [Add.self, List.self, Edit.self, Remove.self, Sync.self, Verify.self, Repair.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(
                vi: "Đăng ký một thư mục (ổ USB, NAS) làm bản lưu; ghi tệp đánh dấu .kho-copy ở gốc của nó.",
                en: "Register a folder (USB disk, NAS) as a copy; writes the marker file .kho-copy at its root.")())
        @Argument(
            help: Placeholder.name.on(
                ArgumentHelp(Text(vi: "Tên ngắn, ví dụ usb-1, nas.", en: "A short name, e.g. usb-1, nas.")())))
        var name: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Thư mục của bản lưu.", en: "The copy's folder.")(), valueName: Placeholder.folder()))
        var path: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Nơi cất, ví dụ \"tủ sắt phòng văn thư\".", en: "Where it is kept.")(),
                valueName: Placeholder.place()))
        var place: String
        @Flag(help: ArgumentHelp(Text(vi: "Cất ở nơi khác (ngoài trụ sở).", en: "Kept off-site.")()))
        var offsite = false
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let (site, event) = try global.openForWriting().addCopy(
                name: name, path: path, place: place, offsite: offsite, by: try who.attribution())
            if global.json { return try Printer.json(site) }
            Printer.done(
                Text(
                    vi:
                        "Đã đăng ký bản lưu \(site.name) ở \(site.path) (\(site.place)\(site.offsite ? ", ngoài trụ sở" : ""))",
                    en:
                        "Registered copy \(site.name) at \(site.path) (\(site.place)\(site.offsite ? ", off-site" : ""))"
                ),
                event: event.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi:
                    "Các bản lưu: nơi cất, số tệp và dung lượng đang giữ so với cần giữ, lần chép, lần kiểm tra, vấn đề.",
                en: "The copies: place, files and bytes held vs expected, last sync, last audit, problems.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let summary = try global.openForReading().copiesSummary()
            if global.json { return try Printer.json(summary) }
            CopiesPrinter.table(summary)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: Text(
                vi: "Sửa nơi cất của một bản lưu (cả bản chính: kho copies edit primary --place \"…\").",
                en: "Change where a copy is kept (the primary too: kho copies edit primary --place \"…\").")())
        @Argument(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên của bản lưu.", en: "The copy's name.")())))
        var name: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Nơi cất mới.", en: "The new place.")(), valueName: Placeholder.place()))
        var place: String?
        @Flag(
            inversion: .prefixedNo,
            help: ArgumentHelp(Text(vi: "Cất ở nơi khác (ngoài trụ sở) hay không.", en: "Kept off-site or not.")()))
        var offsite: Bool?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let event = try global.openForWriting().editCopy(
                name: name, place: place, offsite: offsite, by: try who.attribution())
            Printer.done(Text(vi: "Đã sửa bản lưu \(name)", en: "Copy \(name) changed"), event: event.id)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: Text(
                vi: "Bỏ đăng ký một bản lưu (tệp trên ổ vẫn giữ nguyên).",
                en: "Stop tracking a copy (its files stay on the disk).")())
        @Argument(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên của bản lưu.", en: "The copy's name.")())))
        var name: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let event = try global.openForWriting().removeCopy(name: name, by: try who.attribution())
            Printer.done(
                Text(
                    vi: "Đã bỏ đăng ký bản lưu \(name); tệp trên ổ vẫn giữ nguyên",
                    en: "Copy \(name) is no longer tracked; its files stay on the disk"), event: event.id)
        }
    }
}

/// The table of copies `kho copies list` and `kho status` print.
enum CopiesPrinter {
    static func table(_ summary: CopiesSummary) {
        Printer.table(
            [
                Text(vi: "Bản lưu", en: "Copy")(), Text(vi: "Nơi cất", en: "Place")(),
                Text(vi: "Tệp giữ/cần", en: "Files held/expected")(),
                Text(vi: "Dung lượng giữ/cần", en: "Bytes held/expected")(),
                Text(vi: "Chép lần cuối", en: "Last sync")(), Text(vi: "Kiểm tra lần cuối", en: "Last audit")(),
                Text(vi: "Vấn đề", en: "Problems")(), Text(vi: "Trạng thái", en: "State")(),
            ],
            summary.copies.map { c in
                [
                    c.name + (c.primary ? " *" : ""),
                    c.place + (c.offsite ? Text(vi: " (ngoài trụ sở)", en: " (off-site)")() : ""),
                    "\(Format.integer(Int64(c.files)))/\(Format.integer(Int64(summary.expectedFiles)))",
                    "\(Format.bytes(c.bytes))/\(Format.bytes(summary.expectedBytes))",
                    c.lastSync.map(DateFormat.day) ?? Text(vi: "chưa", en: "never")(),
                    c.lastAudit.map(DateFormat.day) ?? Text(vi: "chưa", en: "never")(),
                    Format.integer(Int64(c.problems)), c.availability.label(),
                ]
            }, right: [2, 3, 6])
        Printer.line(
            Text(
                vi: "* bản chính (nơi quét): \(summary.primaryPath)",
                en: "* the primary (where operators scan): \(summary.primaryPath)")())
    }
}
