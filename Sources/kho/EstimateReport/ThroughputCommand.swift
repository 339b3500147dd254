import ArgumentParser
import KhoEstimation
import KhoKit

struct ThroughputCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "throughput",
        abstract: Text(
            vi: "Năng suất đo được theo tuần và theo người (bảng mà dự toán dựa vào).",
            en: "Measured output per week and per person (the table the estimate rests on).")())
    @Option(
        help: Placeholder.days.on(
            ArgumentHelp(
                Text(vi: "Số ngày có việc để đo (mặc định 90).", en: "Days with work to measure over (default 90).")())),
        transform: NumberBound.window.option)
    var window: Int = 90
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(Text(vi: "Như vào ngày này.", en: "As of this day.")(), valueName: Placeholder.day()))
    var asOf: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try OptionRules.throughputWindow(window)
        let store = try global.openForReading()
        let asOfDay = asOf.flatMap { LocalDay(iso: $0) }
        let observations = try store.observations(asOf: asOfDay)
        let today = asOfDay ?? LocalDay(.now, in: store.time.timeZone)
        let rows = throughputTable(observations: observations, today: today, window: .lastDaysWithWork(window))
        if global.json { return try Printer.json(rows) }
        if rows.isEmpty {
            return Printer.line(
                Text(
                    vi: "Chưa có công việc nào được ghi (ngoài số dư đầu kỳ).",
                    en: "No work recorded yet (besides opening balances).")())
        }
        Printer.table(
            [
                Text(vi: "Việc", en: "Work")(), Text(vi: "Tuần", en: "Week")(), Text(vi: "Người", en: "Person")(),
                Text(vi: "Sản lượng", en: "Output")(),
                Text(vi: "Ngày công", en: "Person-days")(), Text(vi: "Mỗi ngày công", en: "Per person-day")(),
            ],
            rows.map { r in
                let unit = r.kind == .arrangement ? "m" : Text(vi: "trang", en: "pages")()
                let digits = r.kind == .arrangement ? 3 : 0
                return [
                    r.kind == .arrangement
                        ? Text(vi: "chỉnh lý", en: "arrangement")() : Text(vi: "số hóa", en: "scanning")(), r.week,
                    r.person ?? Text(vi: "(cả đội)", en: "(team)")(),
                    "\(Format.decimal(r.amount, maxFractionDigits: digits)) \(unit)",
                    String(r.personDays), Format.decimal(r.ratePerPersonDay, maxFractionDigits: digits),
                ]
            },
            right: [3, 4, 5])
    }
}
