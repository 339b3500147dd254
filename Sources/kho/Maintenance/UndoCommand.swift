import ArgumentParser
import KhoKit

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: Text(
            vi: "Hoàn tác một sự kiện bằng một sự kiện bù (nhật ký không bao giờ bị sửa).",
            en: "Undo an event by appending a compensating event (the log is never edited).")(),
        discussion: Text(
            vi: "Xem số sự kiện bằng `kho log`. Ví dụ: kho undo 42 --by Thu",
            en: "Find event ids with `kho log`. Example: kho undo 42 --by Thu")())
    @Argument(
        help: ArgumentHelp(Text(vi: "Số sự kiện.", en: "Event id.")(), valueName: Placeholder.eventId()),
        transform: NumberBound.eventId.option64)
    var id: Int64
    @OptionGroup var who: WhoOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let event = try global.openForWriting().undo(eventId: id, by: try who.attribution())
        if global.json { return try Printer.json(event.id) }
        Printer.done(Text(vi: "Đã hoàn tác sự kiện \(id)", en: "Undid event \(id)"), event: event.id)
    }
}
