import ArgumentParser
import KhoKit

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: Text(
            vi: "Nhật ký sự kiện: ai làm gì, khi nào, trên hộp/hồ sơ nào.",
            en: "The event log: who did what, when, on which box or file.")())
    @Option(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Chỉ người này.", en: "Only this person.")())))
    var person: String?
    @Option(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Chỉ hộp này.", en: "Only this box.")())))
    var box: String?
    @Option(
        help: Placeholder.boxFile.on(
            ArgumentHelp(Text(vi: "Chỉ hồ sơ này (HỘP/HỒSƠ).", en: "Only this file (BOX/FILE).")())))
    var file: String?
    @Option(
        help: Placeholder.kind.on(
            ArgumentHelp(
                Text(
                    vi: "Chỉ loại này, ví dụ sort.finish hoặc sort.", en: "Only this kind, e.g. sort.finish or sort.")()
            )))
    var kind: String?
    @Option(help: Placeholder.day.on(ArgumentHelp(Text(vi: "Từ ngày (YYYY-MM-DD).", en: "From day (YYYY-MM-DD).")())))
    var from: String?
    @Option(help: Placeholder.day.on(ArgumentHelp(Text(vi: "Đến ngày (YYYY-MM-DD).", en: "To day (YYYY-MM-DD).")())))
    var to: String?
    @Option(
        name: [.customLong("last"), .customLong("limit")],
        help: Placeholder.count.on(ArgumentHelp(Text(vi: "Chỉ N sự kiện cuối.", en: "Only the last N events.")())),
        transform: NumberBound.count.option)
    var last: Int?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let events = try global.openForReading().events(
            LogFilter(
                person: person, box: box, file: try file.map { try FileRef(parsing: $0) }, kind: kind, from: from,
                to: to, limit: last), lang: .current)
        if global.json { return try Printer.json(events) }
        Printer.table(
            [
                "#", Text(vi: "Lúc", en: "When")(), Text(vi: "Việc", en: "What")(), Text(vi: "Người làm", en: "By")(),
                Text(vi: "Hộp/hồ sơ", en: "Box/file")(), Text(vi: "Số lượng", en: "Quantity")(),
                Text(vi: "Ghi chú", en: "Notes")(),
            ],
            events.map { e in
                [
                    String(e.id), DateFormat.dateTime(e.happenedAt), e.what, e.actor, e.file ?? e.box ?? e.fonds ?? "",
                    e.quantity,
                    e.notes(.current).joined(separator: "; "),
                ]
            },
            right: [0])
    }
}
