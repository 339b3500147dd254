import ArgumentParser
import Foundation
import KhoKit
import KhoTIFF

extension ScanCommand {
    struct Ingest: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                root: root, profile: chosen, by: try who.attribution(), progress: { bar.update($0) })
            bar.finish()
            if global.json { return try Out.json(summary) }
            ScanCommand.printSummary(summary, time: store.time)
            if summary.failedQC + summary.unreadable + summary.missing > 0 {
                Out.line(Text(vi: "Xem chi tiết: kho scan problems", en: "Details: kho scan problems")())
            }
        }
    }

    static func printSummary(_ s: IngestSummary, time: LocalTime) {
        let secs = Format.decimal(s.seconds, maxFractionDigits: 2)
        Out.line(
            Text(
                vi: "Đã nạp theo chuẩn \(s.profile) trong \(secs) giây:",
                en: "Ingested against profile \(s.profile) in \(secs) s:")())
        Out.table(
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
        if let line = workDayLine(s, time: time) { Out.line(line()) }
        if !s.changedPaths.isEmpty {
            Out.line(Text(vi: "Tệp đã thay đổi:", en: "Changed masters:")())
            for path in s.changedPaths.prefix(50) { Out.line("  \(path)") }
        }
        if !s.changedAfterCheck.isEmpty {
            Out.line(
                Text(
                    vi:
                        "! \(s.changedAfterCheck.count) tệp đã đạt kiểm tra nay đổi nội dung: giữ SHA-256 cũ, hồ sơ «cần xem lại»; nếu là quét lại đúng: kho scan accept HỘP/HỒSƠ --reason rescan",
                    en:
                        "! \(s.changedAfterCheck.count) checked masters changed content: the old SHA-256 is kept and their files need review; if it is a proper rescan: kho scan accept BOX/FILE --reason rescan"
                )())
        }
        for m in s.countMismatch.prefix(50) {
            Out.line(ScanTexts.mismatch(ref: m.ref, pages: m.pages, sheets: m.sheets)())
        }
        if !s.problems.isEmpty {
            Out.line(Text(vi: "Vấn đề:", en: "Problems:")())
            for p in s.problems.prefix(50) {
                Out.line("  \(p.ref)/\(p.master)\(p.page.map { " tr.\($0)" } ?? ""): \(p.message)")
            }
            if s.problemsTotal > 50 {
                Out.line(
                    Text(
                        vi: "  … và \(s.problemsTotal - 50) vấn đề nữa (kho scan problems)",
                        en: "  … and \(s.problemsTotal - 50) more (kho scan problems)")())
            }
        }
        if !s.findings.isEmpty {
            Out.line(Text(vi: "Lưu ý về thư mục:", en: "About the folders:")())
            for f in s.findings.prefix(50) { Out.line("  \(f)") }
            if s.findings.count > 50 {
                Out.line(
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

    struct Problems: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(
                vi: "Liệt kê bản quét có vấn đề (không đạt chuẩn, không đọc được, mất) theo hộp và hồ sơ.",
                en: "List masters with problems (failing QC, unreadable, missing) by box and file.")())
        @Option(help: ArgumentHelp(Text(vi: "Chỉ hộp này.", en: "Only this box.")()))
        var box: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let problems = try global.openForReading().scanProblems(box: box)
            if global.json { return try Out.json(problems) }
            if problems.isEmpty {
                return Out.line(Text(vi: "Không có bản quét nào có vấn đề.", en: "No master has a problem.")())
            }
            Out.table(
                [
                    Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Tệp", en: "Master")(), Text(vi: "Trang", en: "Page")(),
                    Text(vi: "Vấn đề", en: "Problem")(),
                ],
                problems.map { [$0.ref, $0.master, $0.page.map(String.init) ?? "", $0.message] })
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(
                vi: "Xem các bản quét của một hồ sơ: thẻ TIFF, SHA-256, vấn đề.",
                en: "Show a file's masters: TIFF tags, SHA-256, problems.")())
        @Argument(help: ArgumentHelp(Text(vi: "HỘP/HỒSƠ", en: "BOX/FILE")()))
        var ref: String
        @OptionGroup var global: GlobalOptions

        struct Shown: Encodable {
            var file: FileView
            var masters: [MasterView]
        }

        func run() throws {
            let (file, masters) = try global.openForReading().masters(of: try FileRef(parsing: ref))
            if global.json { return try Out.json(Shown(file: file, masters: masters)) }
            Out.line("\(file.ref) — \(file.title) — \(file.scanState.label())")
            Out.table(
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
                        page.map { $0.colourMode.rawValue } ?? "?", page.map { $0.compression.rawValue } ?? "?",
                        Format.integer(m.size), String((m.sha256 ?? "").prefix(12)),
                        m.problems.map(\.message).joined(separator: "; "),
                    ]
                },
                right: [1, 2, 5])
            for m in masters {
                for w in m.tiff?.libtiffWarnings ?? [] {
                    Out.line(
                        Text(vi: "  \(m.name): cảnh báo của libtiff: \(w)", en: "  \(m.name): libtiff warning: \(w)")())
                }
                // The history of accepted contents, when there is more than the first.
                if m.hashHistory.count > 1 || m.seenSHA256 != nil {
                    Out.line(Text(vi: "  \(m.name): lịch sử SHA-256:", en: "  \(m.name): SHA-256 history:")())
                    for h in m.hashHistory {
                        Out.line("    \(h.since)  \(h.sha256.prefix(16))…  \(h.reason)")
                    }
                    if let seen = m.seenSHA256 {
                        Out.line(
                            Text(
                                vi:
                                    "    \(m.changedAt ?? "?")  \(seen.prefix(16))…  đã đổi, chưa chấp nhận (kho scan accept)",
                                en:
                                    "    \(m.changedAt ?? "?")  \(seen.prefix(16))…  changed, not accepted (kho scan accept)"
                            )())
                    }
                }
            }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(
                vi: "Kiểm tra toàn vẹn: tính lại SHA-256 và báo tệp mất, thay đổi, không đọc được.",
                en: "Fixity check: re-hash masters and report missing, changed and unreadable ones.")(),
            discussion: Text(vi: "Thoát với mã khác 0 nếu có vấn đề.", en: "Exits non-zero when anything is wrong.")())
        @Option(
            name: .customLong("older-than"),
            help: ArgumentHelp(
                Text(vi: "Chỉ tệp chưa kiểm tra trong N ngày.", en: "Only masters not verified for N days.")(),
                valueName: Text(vi: "NGÀY", en: "DAYS")()))
        var olderThan: Int?
        @Option(
            help: ArgumentHelp(
                Text(vi: "Chỉ kiểm tra một mẫu ngẫu nhiên N tệp.", en: "Only a random sample of N masters.")()))
        var sample: Int?
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Tìm bản quét ở thư mục này thay vì nơi đã nạp.",
                    en: "Look for masters under this folder instead of where they were ingested from.")()))
        var root: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if olderThan != nil && sample != nil {
                throw ValidationError(
                    Text(
                        vi: "chọn --older-than hoặc --sample, không cả hai",
                        en: "use --older-than or --sample, not both")())
            }
        }

        func run() throws {
            let selection: VerifySelection =
                olderThan.map { .olderThan(days: $0) } ?? sample.map { .sample($0) } ?? .all
            let bar = ProgressBar(Text(vi: "Kiểm tra", en: "Verify")())
            let report = try global.openForWriting().verify(
                selection, root: root, by: try who.attribution(), progress: { bar.update($0) })
            bar.finish()
            if global.json {
                try Out.json(report)
            } else {
                Out.line(
                    Text(
                        vi:
                            "Đã kiểm tra \(report.checked) tệp: \(report.ok) tốt, \(report.missing) mất, \(report.changed) thay đổi, \(report.unreadable) không đọc được.",
                        en:
                            "Checked \(report.checked) masters: \(report.ok) ok, \(report.missing) missing, \(report.changed) changed, \(report.unreadable) unreadable."
                    )())
                for p in report.problems { Out.line("  \(p.path): \(p.message)") }
            }
            if !report.clean { throw ExitCode.failure }
        }
    }

    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: Text(
                vi: "Xem hoặc đặt chuẩn chất lượng mặc định của danh mục.",
                en: "Show or set the catalogue's default quality profile.")(),
            discussion: Text(
                vi: "Ví dụ: kho scan profile nara-textual --by Thu; kho scan profile catalog/chuan-rieng.txt --by Thu",
                en: "Example: kho scan profile nara-textual --by Thu; kho scan profile catalog/my-profile.txt --by Thu")()
        )
        @Argument(
            help: ArgumentHelp(
                Text(vi: "Tên chuẩn hoặc tệp chuẩn; bỏ trống để xem.", en: "Profile name or file; leave out to show.")()
            ))
        var profile: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if let profile {
                let store = try global.openForWriting()
                let chosen = try store.resolveProfile(profile)
                try store.setDefaultProfile(chosen, by: try who.attribution())
                if global.json { return try Out.json(chosen) }
                Out.line(
                    Text(vi: "Chuẩn mặc định nay là \(chosen.name)", en: "The default profile is now \(chosen.name)")())
                return
            }
            let current = try global.openForReading().storedProfile()
            if global.json { return try Out.json(current) }
            Out.line(Text(vi: "Chuẩn mặc định: \(current.name)", en: "Default profile: \(current.name)")())
            Out.line("  min dpi: \(Format.decimal(current.minimumDPI, maxFractionDigits: 1))")
            Out.line("  colour: \(current.colourModes.map(\.rawValue).sorted().joined(separator: ", "))")
            Out.line("  compression: \(current.compressions.map(\.rawValue).sorted().joined(separator: ", "))")
            Out.line(
                "  icc: \(current.iccRequired ? "required" : "-")   max pages: \(current.maximumPages.map(String.init) ?? "-")"
            )
        }
    }
}
