import ArgumentParser
import Foundation
import KhoEstimation
import KhoKit

/// `kho estimate [options]` makes the estimate; `show` and `list` read saved ones.
struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: Text(
            vi: "Dự toán thời gian, nhân lực, dung lượng và kinh phí còn lại, từ năng suất đo được.",
            en: "Estimate remaining time, staff, storage and money from measured throughput.")(),
        usage: Text(
            vi: "kho estimate [<tùy chọn>]\nkho estimate show <tên>\nkho estimate list",
            en: "kho estimate [<options>]\nkho estimate show <name>\nkho estimate list")(),
        discussion: EstimateOptions.discussion(),
        subcommands: [Show.self, List.self, Make.self])

    @OptionGroup var options: EstimateOptions

    func validate() throws { try options.check() }

    func run() throws { try options.run() }

    /// `kho estimate make`, as before: the same estimate, for scripts written for it (not listed in the help).
    struct Make: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "make",
            abstract: Text(
                vi: "Lập dự toán (như `kho estimate`).", en: "Make an estimate (as `kho estimate` does).")(),
            shouldDisplay: false)

        @OptionGroup var options: EstimateOptions

        func validate() throws { try options.check() }

        func run() throws { try options.run() }
    }

}

/// The options of a new estimate, and making it: only what applies to an estimate (who saves it, not when work was
/// done).
struct EstimateOptions: ParsableArguments {
    /// How the estimate is made, for `kho estimate --help`.
    static func discussion() -> String {
        Text(
            vi: """
                Năng suất đo từ nhật ký (mét chỉnh lý và trang số hóa mỗi ngày công), trong 90 ngày có việc gần nhất; \
                số dư đầu kỳ không tính. Khoảng P10–P90 lấy từ lấy mẫu lại theo tuần (bootstrap, 10.000 lần, --seed \
                cố định).

                Hai cách tính ngày xong: KẾ HOẠCH (--staff người, --days-per-week ngày/tuần, bắt đầu từ hôm nay) và \
                NHỊP ĐỘ THỰC TẾ (số ngày công mỗi tuần đo được trong 26 tuần qua, kể cả tuần không làm).

                Ví dụ: kho estimate --staff arrangement=3,scanning=2 --until 2027-12-31 --save "Gửi tỉnh 12/2026" --by Thu
                """,
            en: """
                Throughput is measured from the log (metres arranged and pages scanned per person-day) over the last \
                90 days with work; opening balances never count. P10–P90 come from a weekly block bootstrap (10,000, \
                fixed --seed).

                Two finish dates: the PLAN (--staff people, --days-per-week days a week, starting today) and the \
                SUSTAINED PACE (person-days per week as measured over the last 26 weeks, idle weeks included).

                Example: kho estimate --staff arrangement=3,scanning=2 --until 2027-12-31 --save "Province 12/2026" --by Thu
                """)()
    }

    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Nhân lực dự kiến, ví dụ arrangement=3,scanning=2 (mặc định: số người đã làm trong kỳ đo).",
                en: "Planned staff, e.g. arrangement=3,scanning=2 (default: the people active in the window).")(),
            valueName: "arrangement=N,scanning=N"))
    var staff: String?
    @Option(
        name: .customLong("days-per-week"),
        help: ArgumentHelp(
            Text(
                vi: "Số ngày mỗi tuần mỗi người dành cho việc này theo kế hoạch (mặc định 5: toàn thời gian).",
                en: "Days a week each planned person gives to the work (default 5: full time).")(),
            valueName: Placeholder.count()))
    var daysPerWeek: Double?
    @Option(
        name: .customLong("day-rate"),
        help: Placeholder.vnd.on(
            ArgumentHelp(
                Text(
                    vi: "Đơn giá một ngày công thuê thêm (đồng), thay cho tệp đơn giá.",
                    en: "Day rate for extra staff (VND), instead of the rates file's.")())),
        transform: NumberBound.dayRate.option64)
    var dayRate: Int64?
    @Option(
        help: ArgumentHelp(
            Text(
                vi: "Hạn hoàn thành: cần bao nhiêu người để xong trước ngày này (P50, P90).",
                en: "Deadline: what staffing finishes by this day (P50, P90).")(), valueName: Placeholder.day()))
    var until: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            Text(
                vi: "Dự toán như vào ngày này (chỉ việc đã làm đến ngày đó).",
                en: "Estimate as of this day (only work done by then).")(), valueName: Placeholder.day()))
    var asOf: String?
    @Flag(
        name: .customLong("as-known"),
        help: ArgumentHelp(
            Text(
                vi: "Cùng --as-of: chỉ việc đã được ghi đến ngày đó (điều có thể biết vào hôm ấy).",
                en: "With --as-of: only work recorded by then (what one could have known that day).")()))
    var asKnown = false
    @Option(
        help: Placeholder("all|permanent").on(
            ArgumentHelp(
                Text(
                    vi: "Phạm vi: all (mặc định) hoặc permanent (chỉ số hóa hồ sơ vĩnh viễn).",
                    en: "Scope: all (default) or permanent (digitize permanent records only).")())))
    var scope: EstimateScope = .all
    @Option(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Chỉ một phông.", en: "Only one fonds.")())))
    var fonds: String?
    @Option(
        help: Placeholder.days.on(
            ArgumentHelp(
                Text(
                    vi: "Số ngày có việc dùng để đo năng suất (mặc định 90).",
                    en: "Days with work to measure throughput over (default 90).")())),
        transform: NumberBound.window.option)
    var window: Int?
    @Option(
        help: Placeholder.count.on(
            ArgumentHelp(
                Text(
                    vi: "Hạt giống cho lấy mẫu lại (kết quả giống nhau trên mọi máy).",
                    en: "Seed of the bootstrap (same output on every machine).")())))
    var seed: UInt64 = 2026
    @Option(
        help: Placeholder.count.on(ArgumentHelp(Text(vi: "Số lần lấy mẫu lại.", en: "Bootstrap resamples.")())),
        transform: NumberBound.resamples.option)
    var resamples: Int = 10_000
    @Option(
        help: Placeholder.file.on(
            ArgumentHelp(
                Text(
                    vi: "Tệp đơn giá (mặc định: rates.toml cạnh danh mục, hoặc KHO_RATES).",
                    en: "Rates file (default: rates.toml beside the catalogue, or KHO_RATES).")())))
    var rates: String?
    @Option(
        help: Placeholder.name.on(
            ArgumentHelp(
                Text(
                    vi: "Lưu dự toán với tên này (để trình lại đúng như đã gửi).",
                    en: "Save the estimate under this name (to show it again exactly).")())))
    var save: String?
    @Flag(help: ArgumentHelp(Text(vi: "In bảng CSV cho bảng tính.", en: "Print CSV for a spreadsheet.")()))
    var csv = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            Text(
                vi: "Người lưu dự toán, cùng --save (mặc định: biến KHO_OPERATOR).",
                en: "Who saves the estimate, with --save (default: KHO_OPERATOR).")(),
            valueName: Placeholder.name()))
    var by: String?
    @OptionGroup var global: GlobalOptions

    func check() throws {
        _ = try staffPlan()
        if let until, LocalDay(iso: until) == nil {
            throw ValidationError(
                Text(
                    vi: "--until «\(until)» không phải ngày YYYY-MM-DD",
                    en: "--until “\(until)” is not a YYYY-MM-DD day")())
        }
        if let asOf, LocalDay(iso: asOf) == nil {
            throw ValidationError(
                Text(
                    vi: "--as-of «\(asOf)» không phải ngày YYYY-MM-DD",
                    en: "--as-of “\(asOf)” is not a YYYY-MM-DD day")())
        }
        if asKnown && asOf == nil {
            throw ValidationError(Text(vi: "--as-known cần --as-of", en: "--as-known needs --as-of")())
        }
        if let daysPerWeek, !(daysPerWeek > 0 && daysPerWeek <= 7) {
            throw ValidationError(
                Text(
                    vi: "--days-per-week «\(daysPerWeek)»: cần một số lớn hơn 0 và không quá 7",
                    en: "--days-per-week “\(daysPerWeek)”: must be above 0 and at most 7")())
        }
        if csv && global.json {
            throw ValidationError(Text(vi: "chọn --csv hoặc --json", en: "use --csv or --json, not both")())
        }
    }

    func staffPlan() throws -> StaffPlan {
        do {
            return try staff.map(StaffPlan.init(parsing:)) ?? StaffPlan()
        } catch let error as StaffPlanError {
            throw ValidationError(error.text())
        }
    }

    func run() throws {
        let store = try save == nil ? global.openForReading() : global.openForWriting()
        let ratesPath = rates ?? RatesFile.defaultPath(catalogue: global.path)
        var request = try EstimateRequest(ratesFile: ratesPath)
        request.permanentOnly = scope == .permanent
        request.fonds = fonds
        request.staff = try staffPlan()
        request.dayRate = dayRate
        request.until = until.flatMap { LocalDay(iso: $0) }
        request.daysPerWeek = daysPerWeek
        request.asOf = asOf.flatMap { LocalDay(iso: $0) }
        request.asKnown = asKnown
        request.windowDays = window
        request.seed = seed
        request.resamples = resamples
        let (inputs, result) = try store.makeEstimate(request)
        if let save {
            try store.saveEstimate(
                name: save, inputs: inputs, result: result,
                by: try Attribution.resolve(by: by, at: nil, opening: false))
        }
        if global.json { return try Printer.json(result) }
        if csv { return EstimateOutput.csv(result) }
        EstimateOutput.text(
            result,
            ratesNote: !request.ratesFound
                ? Text(
                    vi:
                        "Đơn giá: giá trị mặc định (chưa có \(ratesPath); tạo bằng `kho rates init` rồi sửa theo đơn giá của tỉnh).",
                    en:
                        "Prices: built-in defaults (no \(ratesPath) yet; create it with `kho rates init` and edit it to the province's prices)."
                )()
                : Text(vi: "Đơn giá từ \(ratesPath).", en: "Prices from \(ratesPath).")(), saved: save)
    }
}

extension EstimateCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Text(
                vi: "Trình lại một dự toán đã lưu, đúng như khi lập.",
                en: "Show a saved estimate exactly as it was made.")())
        @Argument(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên dự toán.", en: "The estimate's name.")())))
        var name: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let saved = try global.openForReading().savedEstimate(name)
            if global.json { return try Printer.json(saved) }
            Printer.line(
                Text(
                    vi:
                        "Dự toán đã lưu «\(saved.name)», lập lúc \(DateFormat.dateTime(saved.createdAt)) bởi \(saved.actor) (kho \(saved.version), seed \(saved.inputs.seed)).",
                    en:
                        "Saved estimate “\(saved.name)”, made \(saved.createdAt) by \(saved.actor) (kho \(saved.version), seed \(saved.inputs.seed))."
                )())
            Printer.line()
            EstimateOutput.text(saved.result, ratesNote: nil, saved: nil)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(vi: "Liệt kê các dự toán đã lưu.", en: "List saved estimates.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let all = try global.openForReading().savedEstimates()
            if global.json {
                return try Printer.json(
                    all.map { ["name": $0.name, "created_at": $0.createdAt, "actor": $0.actor, "version": $0.version] })
            }
            Printer.table(
                [
                    Text(vi: "Tên", en: "Name")(), Text(vi: "Lập lúc", en: "Made")(), Text(vi: "Người lập", en: "By")(),
                    Text(vi: "Xong (P50)", en: "Finish (P50)")(),
                ],
                all.map {
                    [
                        $0.name, DateFormat.dateTime($0.createdAt), $0.actor,
                        EstimateOutput.day($0.result.total.finishDate.p50),
                    ]
                })
        }
    }
}

/// What `kho estimate --scope` takes: everything, or digitizing permanent records only.
enum EstimateScope: String, CaseIterable, ExpressibleByArgument {
    case all, permanent
}
