import ArgumentParser
import KhoKit

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: Text(
            vi: "Việc nên làm trước: hộp cần chỉnh lý hoặc hồ sơ cần số hóa, xếp theo mức nguy cơ.",
            en: "What to take next: boxes to arrange or files to scan, most at risk first.")(),
        discussion: Text(
            vi: """
                Điểm = tình trạng (ngấm nước 40, nấm mốc 36, côn trùng 32, giòn mủn 24, cũ nát 10, tốt 0)
                     + thời hạn bảo quản (vĩnh viễn 30, chưa rõ 15, từ 20 năm 10, dưới 20 năm 0)
                     + tuổi (2 điểm mỗi 10 năm, tối đa 20)
                     + nguy cơ tại vị trí (dột 30, ẩm 25, côn trùng 25, nóng 10; cộng lại, tối đa 40; xem `kho location mark`).
                Chỉnh lý: hộp/bó khi tiếp nhận chưa chỉnh lý. Số hóa: hồ sơ chưa số hóa (hoặc cần quét lại) trong hộp đã chỉnh lý, trừ hồ sơ mật.
                Ví dụ: kho next;  kho next --for scanning --limit 10;  kho next --json
                """,
            en: """
                Score = condition (water damage 40, mould 36, insects 32, brittle 24, worn 10, good 0)
                      + retention (permanent 30, not known 15, 20 years or more 10, under 20 years 0)
                      + age (2 points per decade, at most 20)
                      + location risk (leak 30, damp 25, pests 25, heat 10; added up, at most 40; see `kho location mark`).
                Arrangement: boxes and bundles as received, not arranged yet. Scanning: files not digitized (or needing a rescan)
                in arranged boxes, secret files never.
                Example: kho next;  kho next --for scanning --limit 10;  kho next --json
                """)())
    @Option(
        name: .customLong("for"),
        help: ArgumentHelp(
            Text(
                vi: "arrangement (chỉnh lý, mặc định) hoặc scanning (số hóa).", en: "arrangement (default) or scanning."
            )(), valueName: "arrangement|scanning"))
    var kind: QueueKind = .arrangement
    @Option(
        help: Placeholder.count.on(
            ArgumentHelp(Text(vi: "Số dòng tối đa (mặc định 20).", en: "At most this many rows (default 20).")())),
        transform: NumberBound.count.option)
    var limit: Int = 20
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = Lang.current
        let items = try global.openForReading().nextWork(kind, limit: limit, lang: lang)
        if global.json { return try Printer.json(items) }
        guard !items.isEmpty else {
            return Printer.line(
                kind == .arrangement
                    ? Text(vi: "Không còn hộp nào chờ chỉnh lý.", en: "No box is waiting for arrangement.")()
                    : Text(
                        vi: "Không còn hồ sơ nào chờ số hóa trong các hộp đã chỉnh lý.",
                        en: "No file in an arranged box is waiting to be scanned.")())
        }
        let score = { (item: QueueItem) in Format.decimal(item.score.total, maxFractionDigits: 0) }
        switch kind {
        case .arrangement:
            Printer.table(
                [
                    "#", Text(vi: "Hộp", en: "Box")(), Text(vi: "Điểm", en: "Score")(), Text(vi: "Lý do", en: "Why")(),
                    Text(vi: "Mét", en: "Metres")(), Text(vi: "Đang ở", en: "Where")(),
                ],
                items.map {
                    [
                        String($0.rank), $0.ref, score($0), $0.reason, $0.metres.map(Printer.metres) ?? "",
                        Self.place($0),
                    ]
                },
                right: [0, 2, 4])
        case .scanning:
            Printer.table(
                [
                    "#", Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Tiêu đề", en: "Title")(),
                    Text(vi: "Điểm", en: "Score")(),
                    Text(vi: "Lý do", en: "Why")(), Text(vi: "Đang ở", en: "Where")(),
                ],
                items.map { [String($0.rank), $0.ref, $0.title ?? "", score($0), $0.reason, Self.place($0)] },
                right: [0, 3])
        }
    }

    /// The location, or who has it when it is out.
    static func place(_ item: QueueItem) -> String {
        guard let out = item.custody else { return item.location }
        return Text(
            vi: "ngoài kho: \(out.holder) từ \(DateFormat.day(out.sinceDay))\(out.withBox ? " (cả hộp)" : "")",
            en: "out: \(out.holder) since \(out.sinceDay)\(out.withBox ? " (whole box)" : "")")()
    }
}

/// `--for` takes a queue's key or any word ``Vocabulary/parse(_:)`` reads as it (`sort`, `quét`, `số hóa`).
extension QueueKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = Self.parse(argument) else { return nil }
        self = kind
    }
}
