import ArgumentParser
import Foundation
import KhoKit

@main
struct Kho: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kho",
        abstract: Text(
            vi: "kho — danh mục, chỉnh lý, số hóa và dự toán cho kho lưu trữ xã.",
            en: "kho — catalogue, arrangement, digitization and estimates for a commune archive.")(),
        discussion: Text(
            vi: """
                Mọi thao tác ghi đều ghi rõ người làm (--by TÊN hoặc biến KHO_OPERATOR).
                Danh mục mặc định: catalog/kho.sqlite (đổi bằng --db hoặc KHO_DB).
                Ngôn ngữ: tiếng Việt mặc định; --lang en hoặc KHO_LANG=en cho tiếng Anh.
                """,
            en: """
                Every write names who did the work (--by NAME or KHO_OPERATOR).
                Default catalogue: catalog/kho.sqlite (change with --db or KHO_DB).
                Language: Vietnamese by default; --lang en or KHO_LANG=en for English.
                """)(),
        version: "0.1.0",
        groupedSubcommands: [
            CommandGroup(
                name: Text(vi: "danh mục", en: "catalogue")(),
                subcommands: [
                    FondsCommand.self, BoxCommand.self, FileCommand.self, DocCommand.self, SearchCommand.self,
                    LocationCommand.self, ImportCommand.self, OutCommand.self, InCommand.self, LabelsCommand.self,
                ]),
            CommandGroup(
                name: Text(vi: "chỉnh lý và số hóa", en: "arrangement and scanning")(),
                subcommands: [SortCommand.self, WeedCommand.self, ScanCommand.self, NextCommand.self]),
            CommandGroup(
                name: Text(vi: "giao nộp", en: "delivery")(),
                subcommands: [PdfCommand.self, CopiesCommand.self, ExportCommand.self]),
            CommandGroup(
                name: Text(vi: "tiến độ, dự toán và báo cáo", en: "progress, estimates and reports")(),
                subcommands: [
                    StatusCommand.self, EstimateCommand.self, ThroughputCommand.self, RatesCommand.self,
                    ReportCommand.self,
                ]),
            CommandGroup(
                name: Text(vi: "bảo trì", en: "maintenance")(),
                subcommands: [
                    LogCommand.self, UndoCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self,
                    UserCommand.self, ServeCommand.self,
                ]),
        ]
    )

    /// Runs the command; errors a person can act on are printed as one line, without a stack of prefixes.
    static func main() {
        // `--lang` is read before parsing, so that help text and parsing errors are in that language too.
        let args = CommandLine.arguments
        for (index, arg) in args.enumerated() {
            let value =
                arg.hasPrefix("--lang=")
                ? String(arg.dropFirst(7)) : (arg == "--lang" && index + 1 < args.count ? args[index + 1] : nil)
            if let value, let lang = Lang(rawValue: value.lowercased()) { Lang.choose(lang) }
        }
        // SIGINT/SIGTERM: the library ends the tools kho started and removes their folders, no catalogue write is
        // cut in half; then one line, and exit 130 (SIGINT) or 143 (SIGTERM).
        CleanStop.install { signal in
            let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
            let line = Text(
                vi:
                    "đã dừng (\(name)): các công cụ đã kết thúc, thư mục làm việc đã xóa, danh mục giữ như trước tệp đang làm\n",
                en:
                    "stopped (\(name)): tools ended, work folders removed, the catalogue as it was before the file in progress\n"
            )()
            fflush(nil)
            // After a progress bar (a terminal only), the line starts on its own.
            FileHandle.standardError.write(Data(((isatty(2) == 1 ? "\n" : "") + line).utf8))
            _exit(128 + signal)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            CleanStop.waitIfStopping()
        } catch let error as KhoError {
            CleanStop.waitIfStopping()
            Printer.error("\(Text(vi: "lỗi", en: "error")()): \(error.localizedDescription)")
            Foundation.exit(1)
        } catch {
            // No SQLite error reaches a person raw (its message may quote SQL): one sentence instead.
            if let sentence = StoreError.sentence(for: error, path: KhoStore.defaultPath()) {
                Printer.error("\(Text(vi: "lỗi", en: "error")()): \(sentence.localizedDescription)")
                Foundation.exit(1)
            }
            CleanStop.waitIfStopping()
            // argument-parser writes its help and its parsing errors in English: kho says them in Vietnamese. Either
            // way kho prints them, as every other line: a parsing error quotes what was typed (an escape sequence in
            // an argument would reach the terminal raw).
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if !text.isEmpty {
                let vi = Lang.current == .vi
                if code == .success {
                    Printer.help(vi ? ParserWords.vietnameseHelp(text) : text)
                } else {
                    Printer.error(vi ? ParserWords.vietnameseError(text) : text)
                }
            }
            Foundation.exit(code.rawValue)
        }
    }
}
