import ArgumentParser
import KhoKit

extension ScanCommand {
    struct Problems: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "problems",
            abstract: Text(
                vi: "Liệt kê bản quét có vấn đề (không đạt chuẩn, không đọc được, mất) theo hộp và hồ sơ.",
                en: "List masters with problems (failing QC, unreadable, missing) by box and file.")())
        @Option(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Chỉ hộp này.", en: "Only this box.")())))
        var box: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let problems = try global.openForReading().scanProblems(box: box, lang: .current)
            if global.json { return try Printer.json(problems) }
            if problems.isEmpty {
                return Printer.line(Text(vi: "Không có bản quét nào có vấn đề.", en: "No master has a problem.")())
            }
            Printer.table(
                [
                    Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Tệp", en: "Master")(), Text(vi: "Trang", en: "Page")(),
                    Text(vi: "Vấn đề", en: "Problem")(),
                ],
                problems.map { [$0.ref, $0.master, $0.page.map(String.init) ?? "", $0.message] })
        }
    }
}
