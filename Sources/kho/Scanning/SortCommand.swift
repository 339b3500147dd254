import ArgumentParser
import KhoKit

struct SortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sort",
        abstract: Text(
            vi: "Chỉnh lý: ghi bắt đầu và hoàn thành cho từng hộp.",
            en: "Arrangement: record start and finish for boxes.")(),
        subcommands: [Start.self, Finish.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: Text(
                vi: "Ghi bắt đầu chỉnh lý một hoặc nhiều hộp.",
                en: "Record that arrangement of one or more boxes has started.")())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box codes.")())))
        var boxes: [String]
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let events = try global.openForWriting().startArrangement(of: boxes, by: try who.attribution())
            if global.json { return try Printer.json(events.compactMap(\.id)) }
            for (box, event) in zip(boxes, events) {
                Printer.done(
                    Text(vi: "Bắt đầu chỉnh lý hộp \(box)", en: "Arrangement of box \(box) started"), event: event.id)
            }
        }
    }

    struct Finish: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "finish",
            abstract: Text(
                vi: "Ghi hoàn thành chỉnh lý một hoặc nhiều hộp.",
                en: "Record that arrangement of one or more boxes is finished.")(),
            discussion: Text(
                vi: """
                    --kept là số mét giữ lại sau khi loại tài liệu hết giá trị; phần còn lại được ghi là đề nghị hủy. Mặc định: giữ lại toàn bộ.
                    Lúc hoàn thành (--at) không được sớm hơn lúc bắt đầu. Hộp chưa ghi bắt đầu thì được ghi bắt đầu cùng lúc với hoàn thành
                    (trừ khi --opening: số dư đầu kỳ không cần ghi bắt đầu).
                    """,
                en: """
                    --kept is the metres kept after weeding; the rest is recorded as proposed for destruction. Default: all kept.
                    The finish (--at) cannot be earlier than the start. A box that was not started gets its start recorded at the
                    same time as the finish (except with --opening: opening balances need no start).
                    """)())
        @Argument(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Mã hộp.", en: "Box codes.")())))
        var boxes: [String]
        @Option(
            help: ArgumentHelp(
                Text(vi: "Số mét giữ lại (chỉ khi hoàn thành một hộp).", en: "Metres kept (with a single box only).")(),
                valueName: Placeholder.metres()))
        var kept: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let finished = try global.openForWriting().finishArrangementRecordingStarts(
                of: boxes, kept: kept, by: try who.attribution())
            if global.json { return try Printer.json(finished.compactMap(\.finish.id)) }
            for done in finished {
                let box = done.box
                if let start = done.start {
                    Printer.done(
                        Text(
                            vi: "Hộp \(box) chưa được ghi bắt đầu chỉnh lý: đã ghi bắt đầu cùng lúc với hoàn thành",
                            en: "Box \(box) had not been started: its start is recorded at the same time as the finish"),
                        event: start.id)
                }
                let kept = Printer.metres(Double(done.finish.keptMM ?? 0) / 1000)
                let extent = Printer.metres(Double(done.finish.metresMM ?? 0) / 1000)
                Printer.done(
                    Text(
                        vi: "Hoàn thành chỉnh lý hộp \(box): giữ lại \(kept) / \(extent) m",
                        en: "Arrangement of box \(box) finished: kept \(kept) of \(extent) m"), event: done.finish.id)
            }
        }
    }
}
