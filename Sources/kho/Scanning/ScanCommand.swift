import ArgumentParser
import KhoKit

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: Text(
            vi: "Số hóa: nạp bản quét TIFF, kiểm tra chất lượng và toàn vẹn, ghi nhận bằng tay.",
            en: "Digitization: ingest TIFF masters, check quality and fixity, record by hand.")(),
        subcommands: [
            Ingest.self, Problems.self, Show.self, Verify.self, Profile.self, Record.self, Confirm.self, Accept.self,
        ])

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record",
            abstract: Text(
                vi: "Ghi nhận bằng tay một hồ sơ đã quét với số trang (bậc «đã ghi nhận»).",
                en: "Mark a file as scanned by hand, with its pages (the “recorded” rung).")(),
            discussion: Text(
                vi: "Ví dụ: kho scan record H0012/03 --pages 84 --by Hùng. Hồ sơ mật không được số hóa.",
                en: "Example: kho scan record H0012/03 --pages 84 --by Hung. Secret files are never scanned.")())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(
            help: Placeholder.count.on(
                ArgumentHelp(Text(vi: "Số trang đã quét (số ảnh).", en: "Pages scanned (images).")())),
            transform: NumberBound.pages.option)
        var pages: Int
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if pages <= 0 {
                throw ValidationError(
                    Text(
                        vi: "--pages phải là số dương, không phải \(pages)",
                        en: "--pages must be positive, not \(pages)")())
            }
        }

        func run() throws {
            let store = try global.openForWriting()
            let fileRef = try FileRef(parsing: ref)
            let event = try store.recordScan(of: fileRef, pages: pages, by: try who.attribution())
            if global.json { return try Printer.json(event.id) }
            Printer.done(
                Text(vi: "Đã ghi nhận hồ sơ \(ref): \(pages) trang", en: "Recorded file \(ref): \(pages) pages"),
                event: event.id)
            let file = try store.showFile(fileRef)
            if file.scanState == .mismatch {
                Printer.line(IngestSummary.mismatchWords(ref: ref, pages: file.pages, sheets: file.sheets)())
            }
        }
    }
}
