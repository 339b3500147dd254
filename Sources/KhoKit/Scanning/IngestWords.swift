import Foundation

/// What an ingest did, in words: the same sentences for `kho scan ingest` and for the web's job page, so that an
/// operator who ingests in the browser reads every warning the command line prints (problems, folders that name no
/// catalogued file, masters changed after their check, page counts that do not match).
extension IngestSummary {
    /// How many changed masters, problems, mismatches and folder findings the words list (the rest are counted).
    public static let linesShown = 50

    /// One sentence of counts: "Đã nạp 3 tệp (3 mới, 0 thay đổi), 1 không đạt chuẩn, 0 không đọc được."
    public var headline: Text {
        func n(_ v: Int, _ lang: Lang) -> String { Format.integer(Int64(v), lang: lang) }
        return Text(
            vi:
                "Đã nạp \(n(masters, .vi)) tệp (\(n(new, .vi)) mới, \(n(changed, .vi)) thay đổi), \(n(failedQC, .vi)) không đạt chuẩn, \(n(unreadable, .vi)) không đọc được.",
            en:
                "Ingested \(n(masters, .en)) masters (\(n(new, .en)) new, \(n(changed, .en)) changed), \(n(failedQC, .en)) failed QC, \(n(unreadable, .en)) unreadable."
        )
    }

    /// The lines after the counts, in the order the command line prints them: the work day recorded, the masters
    /// that changed, the files whose pages do not match their sheets, the problems and the folder findings (at most
    /// ``linesShown`` of each, then how many more). A line that belongs to the one before starts with two spaces.
    public func notes() -> [Text] {
        var lines: [Text] = []
        if let day = workDayWords() { lines.append(day) }
        if !changedPaths.isEmpty {
            lines.append(Text(vi: "Tệp đã thay đổi:", en: "Changed masters:"))
            lines += changedPaths.prefix(Self.linesShown).map { Text(verbatim: "  \($0)") }
        }
        if !changedAfterCheck.isEmpty {
            let n = changedAfterCheck.count
            lines.append(
                Text(
                    vi:
                        "! \(n) tệp đã đạt kiểm tra nay đổi nội dung: giữ SHA-256 cũ, hồ sơ «cần xem lại»; nếu là quét lại đúng: kho scan accept HỘP/HỒSƠ --reason rescan",
                    en:
                        "! \(n) checked masters changed content: the old SHA-256 is kept and their files need review; if it is a proper rescan: kho scan accept BOX/FILE --reason rescan"
                ))
        }
        lines += countMismatch.prefix(Self.linesShown).map {
            Self.mismatchWords(ref: $0.ref, pages: $0.pages, sheets: $0.sheets)
        }
        lines += problemWords() + findingWords()
        return lines
    }

    /// "! H1/01: 12 trang nhưng 3 tờ …": a file whose pages lie outside its sheets…2 × sheets, and what to do.
    public static func mismatchWords(ref: String, pages: Int, sheets: Int?) -> Text {
        let s = sheets ?? 0
        return Text(
            vi:
                "! \(ref): \(pages) trang nhưng \(s) tờ (cần từ \(s) đến \(2 * s) trang): chưa tính là đã số hóa. Kiểm tra số tờ (`kho file edit \(ref) --sheets N`), quét bổ sung, hoặc nếu số trang đúng thì `kho scan confirm \(ref) --note \"lý do\"`",
            en:
                "! \(ref): \(pages) pages but \(s) sheets (\(s) to \(2 * s) pages expected): not counted as digitized. Check the sheets (`kho file edit \(ref) --sheets N`), scan what is missing, or if the count is right, `kho scan confirm \(ref) --note \"why\"`"
        )
    }

    private func problemWords() -> [Text] {
        guard !problems.isEmpty else { return [] }
        var lines = [Text(vi: "Vấn đề:", en: "Problems:")]
        lines += problems.prefix(Self.linesShown).map { p in
            Text(verbatim: "  \(p.ref)/\(p.master)\(p.page.map { " tr.\($0)" } ?? ""): \(p.message)")
        }
        if problemsTotal > Self.linesShown {
            let more = problemsTotal - Self.linesShown
            lines.append(
                Text(
                    vi: "  … và \(more) vấn đề nữa (kho scan problems)", en: "  … and \(more) more (kho scan problems)")
            )
        }
        return lines
    }

    private func findingWords() -> [Text] {
        guard !findings.isEmpty else { return [] }
        var lines = [Text(vi: "Lưu ý về thư mục:", en: "About the folders:")]
        lines += findings.prefix(Self.linesShown).map { Text(verbatim: "  \($0)") }
        if findings.count > Self.linesShown {
            let more = findings.count - Self.linesShown
            lines.append(Text(vi: "  … và \(more) lưu ý nữa", en: "  … and \(more) more"))
        }
        return lines
    }

    /// Which work day(s) the ingest events were dated on and why, and how many files' DateTime tags were not believed.
    func workDayWords() -> Text? {
        guard !workDays.isEmpty else { return nil }
        func day(_ d: IngestWorkDay, _ lang: Lang) -> String { DateFormat.day(d.day, lang: lang, english: .iso) }
        let days = workDays.map { d -> Text in
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
        if implausibleDates > 0 {
            let r = implausibleReasons
            let reasons = [
                (r.beforeRegistration, Text(vi: "trước ngày đăng ký hồ sơ", en: "before the file was registered")),
                (
                    r.tooOld,
                    Text(
                        vi: "hơn \(Self.maximumTagAgeDays) ngày trước khi nạp",
                        en: "more than \(Self.maximumTagAgeDays) days before the ingest")
                ),
                (r.future, Text(vi: "ở tương lai", en: "in the future")),
            ].filter { $0.0 > 0 }
            let n = implausibleDates
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
