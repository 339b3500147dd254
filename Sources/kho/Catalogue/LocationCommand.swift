import ArgumentParser
import KhoKit

struct LocationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "location",
        abstract: Text(
            vi: "Vị trí trên giá: đánh dấu nguy cơ (ẩm, dột, nóng, côn trùng) và liệt kê.",
            en: "Shelf locations: mark risks (damp, leak, heat, pests) and list them.")(),
        subcommands: [Mark.self, List.self])

    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mark",
            abstract: Text(
                vi: "Đánh dấu nguy cơ của một vị trí; --risk none bỏ đánh dấu.",
                en: "Mark the risks of a location; --risk none clears the mark.")(),
            discussion: Text(
                vi: """
                    Vị trí viết như vị trí của hộp (so khớp đúng từng ký tự, sau khi bỏ khoảng trắng ở hai đầu). Đánh dấu A-3 áp dụng cho
                    hộp ở A-3 và ở mọi vị trí bên trong nó (A-3-2, A-3.1), không áp dụng cho A-30. Nguy cơ của vị trí trở thành đúng
                    các nguy cơ đã cho (nhiều nguy cơ: --risk damp,leak). Có thể hoàn tác bằng `kho undo`.
                    Ví dụ: kho location mark "Kho tạm" --risk damp --note "tường thấm khi mưa" --by Thu
                    """,
                en: """
                    A location is written as boxes' locations are (matched character for character, after trimming). A mark on A-3
                    applies to boxes at A-3 and at every location inside it (A-3-2, A-3.1), never to A-30. The location's risks become
                    exactly those given (several: --risk damp,leak). `kho undo` takes a mark back.
                    Example: kho location mark "Kho tạm" --risk damp --note "walls wet when it rains" --by Thu
                    """)())
        @Argument(
            help: Placeholder.place.on(
                ArgumentHelp(
                    Text(vi: "Vị trí, ví dụ A-3 hoặc \"Kho tạm\".", en: "Location, e.g. A-3 or \"Kho tạm\".")())))
        var location: String
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Nguy cơ: damp (ẩm), leak (dột), heat (nóng), pests (côn trùng), hoặc none (bỏ đánh dấu).",
                    en: "Risk: damp, leak, heat, pests, or none (clear the mark).")(),
                valueName: "damp|leak|heat|pests|none"))
        var risk: [String] = []
        @Option(
            help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú về vị trí.", en: "A note about the location.")())))
        var note: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        struct Marked: Encodable {
            var location: String
            var before: [LocationRisk]
            var after: [LocationRisk]
            var boxes: Int
            var event: Int64?
        }

        func run() throws {
            let result = try global.openForWriting().markLocation(
                location, risks: risk, note: note, by: try who.attribution())
            if global.json {
                return try Printer.json(
                    Marked(
                        location: result.location, before: result.before, after: result.after, boxes: result.boxes,
                        event: result.event.id))
            }
            let lang = Lang.current
            let before =
                result.before.isEmpty ? Text(vi: "không", en: "none")() : LocationRisk.words(result.before, lang)
            let after = result.after.isEmpty ? Text(vi: "không", en: "none")() : LocationRisk.words(result.after, lang)
            Printer.done(
                result.after.isEmpty
                    ? Text(
                        vi: "Đã bỏ đánh dấu vị trí \(result.location) (trước: \(before))",
                        en: "Cleared the mark of \(result.location) (was: \(before))")
                    : Text(
                        vi:
                            "Vị trí \(result.location): nguy cơ \(before) → \(after); \(result.boxes) hộp ở vị trí này hoặc bên trong",
                        en:
                            "Location \(result.location): risks \(before) → \(after); \(result.boxes) boxes at or inside it"
                    ),
                event: result.event.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi: "Liệt kê các vị trí có hộp hoặc đã đánh dấu, với nguy cơ và số hộp.",
                en: "List the locations that hold boxes or are marked, with their risks and boxes.")())
        @Flag(
            name: .customLong("at-risk"),
            help: ArgumentHelp(Text(vi: "Chỉ các vị trí có nguy cơ.", en: "Only locations at risk.")()))
        var atRisk = false
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let locations = try global.openForReading().locations(atRisk: atRisk)
            if global.json { return try Printer.json(locations) }
            let lang = Lang.current
            Printer.table(
                [
                    Text(vi: "Vị trí", en: "Location")(), Text(vi: "Nguy cơ", en: "Risks")(),
                    Text(vi: "Theo đánh dấu", en: "Marked at")(),
                    Text(vi: "Hộp", en: "Boxes")(), Text(vi: "Ghi chú", en: "Note")(),
                ],
                locations.map {
                    [
                        $0.location, LocationRisk.words($0.risks, lang),
                        $0.markedAt.map(DateFormat.day).joined(separator: ", "),
                        String($0.boxes), $0.note,
                    ]
                },
                right: [3])
        }
    }
}
