import ArgumentParser
import KhoKit

/// `kho out`: hand a box or file out of the store (the default), or list what is out.
struct OutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "out",
        abstract: Text(
            vi:
                "Giao hộp hoặc hồ sơ ra khỏi kho (ai giữ, từ bao giờ, để làm gì, hạn trả); `kho out list`: những gì đang ở ngoài.",
            en:
                "Hand a box or file out of the store (who has it, since when, why, due when); `kho out list`: what is out."
        )(),
        subcommands: [Give.self, List.self],
        defaultSubcommand: Give.self)

    struct Give: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "give",
            abstract: Text(
                vi: "Ghi nhận giao một hộp (cả hộp) hoặc một hồ sơ ra khỏi kho.",
                en: "Record that a whole box or one file leaves the store.")(),
            discussion: Text(
                vi: """
                    Hồ sơ trong hộp đang ở ngoài thì cũng đang ở ngoài. Không giao được thứ đang ở ngoài; hộp/hồ sơ đang ở ngoài không chuyển
                    vị trí được (ghi `kho in` trước). Quét số hóa không cần ghi giao ra.
                    Ví dụ: kho out H0012 --to "Lê Thị Hoa" --purpose scan --due 2026-12-15 --by Thu;  kho out H0012/03 --to "Chủ tịch UBND" --purpose read --by Thu
                    """,
                en: """
                    A file inside a box that is out is out too. Something already out cannot be handed out; a box or file that is out cannot be
                    moved (record `kho in` first). Scanning does not require a hand-out.
                    Example: kho out H0012 --to "Lê Thị Hoa" --purpose scan --due 2026-12-15 --by Thu;  kho out H0012/03 --to "Chairman" --purpose read --by Thu
                    """)())
        @Argument(
            help: Placeholder.boxOptionalFile.on(ArgumentHelp(Text(vi: "HỘP hoặc HỘP/HỒSƠ.", en: "BOX or BOX/FILE.")()))
        )
        var target: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Người nhận giữ.", en: "Who takes it.")(), valueName: Placeholder.name()))
        var to: String
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Mục đích: scan (số hóa), read (đọc, khai thác), repair (tu bổ), lend (cho mượn).",
                    en: "Purpose: scan, read, repair, lend.")(), valueName: "scan|read|repair|lend"))
        var purpose: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Hạn trả (giờ địa phương).", en: "Due back on (local day).")(), valueName: Placeholder.day()))
        var due: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let view = try global.openForWriting().takeOut(
                try CustodyTarget(parsing: target), to: to, purpose: purpose, due: due, by: try who.attribution())
            if global.json { return try Printer.json(view) }
            let due = view.due.map { Text(vi: ", hạn trả \(DateFormat.day($0))", en: ", due \($0)")() } ?? ""
            Printer.done(
                Text(
                    vi:
                        "Đã giao \(view.thing) cho \(view.holder) (\(view.purpose.label.vi)) lúc \(DateFormat.dateTime(view.since))\(due)",
                    en: "\(view.thing) handed to \(view.holder) (\(view.purpose.label.en)) on \(view.since)\(due)"),
                event: view.event)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi: "Những gì đang ở ngoài kho: ai giữ, từ bao giờ, mục đích, hạn trả; quá hạn lên đầu.",
                en: "What is out of the store now: with whom, since when, purpose, due; overdue first.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let out = try global.openForReading().custodyList()
            if global.json { return try Printer.json(out) }
            guard !out.isEmpty else {
                return Printer.line(Text(vi: "Không có gì đang ở ngoài kho.", en: "Nothing is out of the store.")())
            }
            Printer.table(
                [
                    Text(vi: "Hộp/hồ sơ", en: "Box/file")(), Text(vi: "Người giữ", en: "Holder")(),
                    Text(vi: "Từ", en: "Since")(),
                    Text(vi: "Mục đích", en: "Purpose")(), Text(vi: "Hạn trả", en: "Due")(),
                    Text(vi: "Quá hạn", en: "Overdue")(),
                ],
                out.map {
                    [
                        $0.thing, $0.holder, DateFormat.dateTime($0.since), $0.purpose.label(),
                        $0.due.map(DateFormat.day) ?? "",
                        $0.overdue
                            ? Text(vi: "\($0.daysOverdue) ngày", en: Format.english($0.daysOverdue, "day", "days"))()
                            : "",
                    ]
                },
                right: [5])
        }
    }
}

/// `kho in`: record that a box or file handed out is back in the store.
struct InCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "in",
        abstract: Text(
            vi: "Ghi nhận hộp hoặc hồ sơ đã trả về kho.",
            en: "Record that a box or file handed out is back in the store.")(),
        discussion: Text(
            vi: "Ví dụ: kho in H0012 --by Thu. Hồ sơ ra ngoài cùng cả hộp thì trả về cùng hộp (kho in HỘP).",
            en:
                "Example: kho in H0012 --by Thu. A file that went out with its whole box comes back with the box (kho in BOX)."
        )())
    @Argument(
        help: Placeholder.boxOptionalFile.on(ArgumentHelp(Text(vi: "HỘP hoặc HỘP/HỒSƠ.", en: "BOX or BOX/FILE.")())))
    var target: String
    @OptionGroup var who: WhoOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let view = try global.openForWriting().bringIn(try CustodyTarget(parsing: target), by: try who.attribution())
        if global.json { return try Printer.json(view) }
        Printer.done(
            Text(
                vi:
                    "Đã nhận lại \(view.thing) từ \(view.holder) lúc \(view.returned.map(DateFormat.dateTime) ?? "?") (ra ngoài \(view.daysOut) ngày)",
                en:
                    "\(view.thing) is back from \(view.holder) on \(view.returned ?? "?") (out \(Format.english(view.daysOut, "day", "days")))"
            ),
            event: view.returnEvent)
    }
}
