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
                valueName: "ROOT"))
        var root: String = "scans"
        @Option(
            help: ArgumentHelp(
                Text(
                    vi:
                        "Chuẩn chất lượng: vn-2025, nara-textual hoặc đường dẫn tệp chuẩn (mặc định: chuẩn của danh mục).",
                    en: "Quality profile: vn-2025, nara-textual or a profile file (default: the catalogue's).")()))
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
            ScanCommand.printSummary(summary, time: store.time)
            if summary.failedQC + summary.unreadable + summary.missing > 0 {
                Printer.line(Text(vi: "Xem chi tiết: kho scan problems", en: "Details: kho scan problems")())
            }
        }
    }

    /// What `kho scan ingest` did, for people: counts, the work day recorded, changed masters and problems.
    static func printSummary(_ s: IngestSummary, time: LocalTime) {
        printIngestCounts(s)
        if let line = workDayLine(s, time: time) { Printer.line(line()) }
        printIngestChanges(s)
        printIngestProblems(s)
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
                [Text(vi: "dung lượng đã đọc", en: "bytes read")(), Format.integer(s.bytes)],
                [Text(vi: "hồ sơ được ghi nhận", en: "catalogue files recorded")(), Format.integer(Int64(s.records))],
                [Text(vi: "tệp không đạt chuẩn", en: "masters failing QC")(), Format.integer(Int64(s.failedQC))],
                [Text(vi: "tệp không đọc được", en: "unreadable masters")(), Format.integer(Int64(s.unreadable))],
            ],
            right: [1])
    }

    /// Masters whose content changed (the first 50), and a warning when checked masters changed after their check.
    private static func printIngestChanges(_ s: IngestSummary) {
        if !s.changedPaths.isEmpty {
            Printer.line(Text(vi: "Tệp đã thay đổi:", en: "Changed masters:")())
            for path in s.changedPaths.prefix(50) { Printer.line("  \(path)") }
        }
        if !s.changedAfterCheck.isEmpty {
            Printer.line(
                Text(
                    vi:
                        "! \(s.changedAfterCheck.count) tệp đã đạt kiểm tra nay đổi nội dung: giữ SHA-256 cũ, hồ sơ «cần xem lại»; nếu là quét lại đúng: kho scan accept HỘP/HỒSƠ --reason rescan",
                    en:
                        "! \(s.changedAfterCheck.count) checked masters changed content: the old SHA-256 is kept and their files need review; if it is a proper rescan: kho scan accept BOX/FILE --reason rescan"
                )())
        }
    }

    /// Files whose pages do not match their sheets, masters with problems and folder findings (50 of each at most).
    private static func printIngestProblems(_ s: IngestSummary) {
        for m in s.countMismatch.prefix(50) {
            Printer.line(ScanTexts.mismatch(ref: m.ref, pages: m.pages, sheets: m.sheets)())
        }
        if !s.problems.isEmpty {
            Printer.line(Text(vi: "Vấn đề:", en: "Problems:")())
            for p in s.problems.prefix(50) {
                Printer.line("  \(p.ref)/\(p.master)\(p.page.map { " tr.\($0)" } ?? ""): \(p.message)")
            }
            if s.problemsTotal > 50 {
                Printer.line(
                    Text(
                        vi: "  … và \(s.problemsTotal - 50) vấn đề nữa (kho scan problems)",
                        en: "  … and \(s.problemsTotal - 50) more (kho scan problems)")())
            }
        }
        if !s.findings.isEmpty {
            Printer.line(Text(vi: "Lưu ý về thư mục:", en: "About the folders:")())
            for f in s.findings.prefix(50) { Printer.line("  \(f)") }
            if s.findings.count > 50 {
                Printer.line(
                    Text(vi: "  … và \(s.findings.count - 50) lưu ý nữa", en: "  … and \(s.findings.count - 50) more")()
                )
            }
        }
    }

    /// Which work day(s) the ingest events were dated on and why, and how many files' DateTime tags were not believed.
    static func workDayLine(_ s: IngestSummary, time: LocalTime) -> Text? {
        guard !s.workDays.isEmpty else { return nil }
        func day(_ d: IngestWorkDay, _ lang: Lang) -> String {
            time.parse(d.day).map { time.displayDay(of: $0, lang: lang) } ?? d.day
        }
        let days = s.workDays.map { d -> Text in
            let why =
                switch d.source {
                case .tag: Text(vi: "theo thẻ DateTime", en: "DateTime tag")
                case .ingest: Text(vi: "ngày nạp", en: "ingest day")
                case .at: Text(vi: "theo --at", en: "given with --at")
                }
            return Text(
                vi: "\(day(d, .vi)) (\(why.vi), \(Format.integer(Int64(d.files), lang: .vi)) hồ sơ)",
                en:
                    "\(day(d, .en)) (\(why.en), \(Format.integer(Int64(d.files), lang: .en)) file\(d.files == 1 ? "" : "s"))"
            )
        }
        var vi = "Ngày làm việc ghi nhận: " + days.map(\.vi).joined(separator: "; ")
        var en = "Work day recorded: " + days.map(\.en).joined(separator: "; ")
        if s.implausibleDates > 0 {
            let r = s.implausibleReasons
            let reasons = [
                (r.beforeRegistration, Text(vi: "trước ngày đăng ký hồ sơ", en: "before the file was registered")),
                (
                    r.tooOld,
                    Text(
                        vi: "hơn \(IngestSummary.maximumTagAgeDays) ngày trước khi nạp",
                        en: "more than \(IngestSummary.maximumTagAgeDays) days before the ingest")
                ),
                (r.future, Text(vi: "ở tương lai", en: "in the future")),
            ].filter { $0.0 > 0 }
            let n = s.implausibleDates
            vi +=
                "; \(Format.integer(Int64(n), lang: .vi)) hồ sơ có ngày trong thẻ DateTime không hợp lý ("
                + reasons.map { "\(Format.integer(Int64($0.0), lang: .vi)) \($0.1.vi)" }.joined(separator: ", ")
                + ") nên tính theo ngày nạp"
            en +=
                "; \(Format.integer(Int64(n), lang: .en)) file\(n == 1 ? "" : "s") had an implausible DateTime tag ("
                + reasons.map { "\(Format.integer(Int64($0.0), lang: .en)) \($0.1.en)" }.joined(separator: ", ")
                + "), so the ingest day was used"
        }
        return Text(vi: vi, en: en)
    }
}
