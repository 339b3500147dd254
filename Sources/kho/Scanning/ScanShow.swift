import ArgumentParser
import KhoKit
import KhoTIFF

extension ScanCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Text(
                vi: "Xem các bản quét của một hồ sơ: thẻ TIFF, SHA-256, vấn đề.",
                en: "Show a file's masters: TIFF tags, SHA-256, problems.")())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @OptionGroup var global: GlobalOptions

        struct Shown: Encodable {
            var file: FileView
            var masters: [MasterView]
        }

        func run() throws {
            let (file, masters) = try global.openForReading().masters(of: try FileRef(parsing: ref), lang: .current)
            if global.json { return try Printer.json(Shown(file: file, masters: masters)) }
            Printer.line("\(file.ref) — \(file.title) — \(file.scanState.label())")
            Printer.table(
                [
                    Text(vi: "Tệp", en: "Master")(), Text(vi: "Trang", en: "Pages")(), "dpi",
                    Text(vi: "Màu", en: "Colour")(),
                    Text(vi: "Nén", en: "Compression")(), Text(vi: "Byte", en: "Bytes")(), "SHA-256",
                    Text(vi: "Vấn đề", en: "Problems")(),
                ],
                masters.map { m in
                    let page = m.tiff?.pages.first
                    return [
                        m.name, String(m.pages), page?.dpi.map { Format.decimal($0, maxFractionDigits: 0) } ?? "?",
                        page.map { $0.colourMode.rawValue } ?? "?",
                        page.map { $0.compression.shown(in: Lang.current) } ?? "?",
                        Format.integer(m.size), String((m.sha256 ?? "").prefix(12)),
                        m.problems.map(\.message).joined(separator: "; "),
                    ]
                },
                right: [1, 2, 5])
            for m in masters {
                for w in m.tiff?.libtiffWarnings ?? [] {
                    Printer.line(
                        Text(vi: "  \(m.name): cảnh báo của libtiff: \(w)", en: "  \(m.name): libtiff warning: \(w)")())
                }
                // The history of accepted contents, when there is more than the first.
                if m.hashHistory.count > 1 || m.seenSHA256 != nil {
                    Printer.line(Text(vi: "  \(m.name): lịch sử SHA-256:", en: "  \(m.name): SHA-256 history:")())
                    for h in m.hashHistory {
                        Printer.line("    \(DateFormat.dateTime(h.since))  \(h.sha256.prefix(16))…  \(h.reason)")
                    }
                    if let seen = m.seenSHA256 {
                        Printer.line(
                            Text(
                                vi:
                                    "    \(m.changedAt.map(DateFormat.dateTime) ?? "?")  \(seen.prefix(16))…  đã đổi, chưa chấp nhận (kho scan accept)",
                                en:
                                    "    \(m.changedAt.map(DateFormat.dateTime) ?? "?")  \(seen.prefix(16))…  changed, not accepted (kho scan accept)"
                            )())
                    }
                }
            }
        }
    }
}
