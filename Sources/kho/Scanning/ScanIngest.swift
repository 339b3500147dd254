import ArgumentParser
import Foundation
import KhoKit
import KhoTIFF

extension ScanCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ingest",
            abstract: Text(
                vi: "Nạp bản quét TIFF từ thư mục bản quét: đọc thẻ, tính SHA-256, kiểm tra theo chuẩn.",
                en: "Ingest TIFF masters from the scans folder: read tags, SHA-256, check against the profile.")(),
            discussion: Text(
                vi: """
                    Bản quét đặt tại THƯ_MỤC/<mã hộp>/<mã hồ sơ>/<trang>.tif (thứ tự trang theo tên tệp).
                    Chỉ đọc lại tệp mới hoặc đã thay đổi. Mỗi hồ sơ được ghi một sự kiện cho người quét (--by);
                    bản quét thay thế ghi nhận bằng tay của cùng hồ sơ. Hồ sơ có trang không đạt chuẩn thành «cần quét lại».
                    """,
                en: """
                    Masters live in ROOT/<box code>/<file code>/<page>.tif (page order by file name).
                    Only new or changed files are read again. Each file gets one event for the person who scanned (--by);
                    ingested masters supersede a hand record of the same file. A file with a failing page becomes "needs rescan".
                    """)())
        @Argument(
            help: ArgumentHelp(
                Text(vi: "Thư mục bản quét (mặc định scans/).", en: "Scans folder (default scans/).")(),
                valueName: Placeholder.root()))
        var root: String = "scans"
        @Option(
            help: Placeholder.profile.on(
                ArgumentHelp(
                    Text(
                        vi:
                            "Chuẩn chất lượng: vn-2025, nara-textual hoặc đường dẫn tệp chuẩn (mặc định: chuẩn của danh mục).",
                        en: "Quality profile: vn-2025, nara-textual or a profile file (default: the catalogue's).")())))
        var profile: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            let chosen = try store.resolveProfile(profile)
            let bar = ProgressBar(Text(vi: "Nạp", en: "Ingest")())
            let summary = try store.ingest(
                root: root, profile: chosen, by: try who.attribution(), lang: .current, progress: { bar.update($0) })
            bar.finish()
            if global.json { return try Printer.json(summary) }
            ScanCommand.printSummary(summary)
            if summary.failedQC + summary.unreadable + summary.missing > 0 {
                Printer.line(Text(vi: "Xem chi tiết: kho scan problems", en: "Details: kho scan problems")())
            }
        }
    }

    /// What `kho scan ingest` did, for people: counts, then the library's words for the rest (the work day recorded,
    /// changed masters, problems, folder findings), the same the web's job page shows.
    static func printSummary(_ s: IngestSummary) {
        printIngestCounts(s)
        for line in s.notes() { Printer.line(line()) }
    }

    /// How long the ingest took against which profile, and the table of masters, pages, bytes and files it counted.
    private static func printIngestCounts(_ s: IngestSummary) {
        let secs = Format.decimal(s.seconds, maxFractionDigits: 2)
        Printer.line(
            Text(
                vi: "Đã nạp theo chuẩn \(s.profile) trong \(secs) giây:",
                en: "Ingested against profile \(s.profile) in \(secs) s:")())
        Printer.table(
            [Text(vi: "Chỉ tiêu", en: "Measure")(), Text(vi: "Số lượng", en: "Count")()],
            [
                [Text(vi: "tệp TIFF", en: "TIFF masters")(), Format.integer(Int64(s.masters))],
                [Text(vi: "  mới", en: "  new")(), Format.integer(Int64(s.new))],
                [Text(vi: "  đã thay đổi", en: "  changed")(), Format.integer(Int64(s.changed))],
                [
                    Text(vi: "  không đổi (không đọc lại)", en: "  unchanged (not read again)")(),
                    Format.integer(Int64(s.unchanged)),
                ],
                [Text(vi: "  không còn trên đĩa", en: "  gone from disk")(), Format.integer(Int64(s.missing))],
                [Text(vi: "trang đã đọc", en: "pages read")(), Format.integer(Int64(s.pages))],
                [Text(vi: "dung lượng đã đọc", en: "size read")(), Format.bytes(s.bytes)],
                [Text(vi: "hồ sơ được ghi nhận", en: "catalogue files recorded")(), Format.integer(Int64(s.records))],
                [Text(vi: "tệp không đạt chuẩn", en: "masters failing QC")(), Format.integer(Int64(s.failedQC))],
                [Text(vi: "tệp không đọc được", en: "unreadable masters")(), Format.integer(Int64(s.unreadable))],
            ],
            right: [1])
    }
}
