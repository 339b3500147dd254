import ArgumentParser
import KhoKit

extension ScanCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: Text(
                vi: "Kiểm tra toàn vẹn: tính lại SHA-256 và báo tệp mất, thay đổi, không đọc được.",
                en: "Fixity check: re-hash masters and report missing, changed and unreadable ones.")(),
            discussion: Text(vi: "Thoát với mã khác 0 nếu có vấn đề.", en: "Exits non-zero when anything is wrong.")())
        @Option(
            name: .customLong("older-than"),
            help: ArgumentHelp(
                Text(vi: "Chỉ tệp chưa kiểm tra trong N ngày.", en: "Only masters not verified for N days.")(),
                valueName: Text(vi: "NGÀY", en: "DAYS")()), transform: NumberBound.days.option)
        var olderThan: Int?
        @Option(
            help: ArgumentHelp(
                Text(vi: "Chỉ kiểm tra một mẫu ngẫu nhiên N tệp.", en: "Only a random sample of N masters.")()),
            transform: NumberBound.count.option)
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
                try Printer.json(report)
            } else {
                Printer.line(
                    Text(
                        vi:
                            "Đã kiểm tra \(report.checked) tệp: \(report.ok) tốt, \(report.missing) mất, \(report.changed) thay đổi, \(report.unreadable) không đọc được.",
                        en:
                            "Checked \(report.checked) masters: \(report.ok) ok, \(report.missing) missing, \(report.changed) changed, \(report.unreadable) unreadable."
                    )())
                for p in report.problems { Printer.line("  \(p.path): \(p.message)") }
            }
            if !report.clean { throw ExitCode.failure }
        }
    }
}
