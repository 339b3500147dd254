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
        @OptionGroup var select: VerifySelectionOptions
        @Option(
            help: Placeholder.root.on(
                ArgumentHelp(
                    Text(
                        vi: "Tìm bản quét ở thư mục này thay vì nơi đã nạp.",
                        en: "Look for masters under this folder instead of where they were ingested from.")())))
        var root: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let selection = select.selection
            let bar = ProgressBar(Text(vi: "Kiểm tra", en: "Verify")())
            let report = try global.openForWriting().verify(
                selection, root: root, by: try who.attribution(), lang: .current, progress: { bar.update($0) })
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
