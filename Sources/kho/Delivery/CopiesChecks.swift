import ArgumentParser
import Foundation
import KhoKit

extension CopiesCommand {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: Text(
                vi: "Chép vào các bản lưu mọi tệp bản quét và bản PDF/A có nội dung khớp SHA-256 của danh mục.",
                en: "Copy to the copies every master and PDF/A copy whose content matches the catalogue's SHA-256.")(),
            discussion: Text(
                vi: """
                    Tính SHA-256 của chính các byte đang chép; tệp khác danh mục không bao giờ được chép. Mỗi tệp ghi ra tên tạm
                    trong cùng thư mục, đồng bộ xuống đĩa rồi mới đổi tên: lượt chép bị ngắt không để lại tệp dở, lượt sau làm tiếp.
                    Không ghi đè tệp có nội dung khác danh mục (báo ra để người xem và `kho copies repair`).
                    Thoát với mã khác 0 nếu có phát hiện hoặc bản lưu không truy cập được.
                    """,
                en: """
                    Hashes the very bytes it copies; content that differs from the catalogue is never copied. Each file is written
                    under a temporary name in the same folder, synced to disk, then renamed: a killed sync leaves no partial file
                    and the next one finishes. A file whose content differs from the catalogue is never overwritten (a finding,
                    for a person and `kho copies repair`). Exits non-zero on a finding or an unavailable copy.
                    """)())
        @Argument(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Chỉ bản lưu này.", en: "Only this copy.")())))
        var name: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let bar = ProgressBar(Text(vi: "Chép", en: "Sync")())
            let environment = ProcessInfo.processInfo.environment
            let hook = CopySyncOptions(
                pauseAfter: environment["KHO_TEST_COPIES_PAUSE_AFTER"].flatMap { Int($0) },
                resumeWhen: environment["KHO_TEST_COPIES_RESUME_WHEN"])
            let report = try global.openForWriting().syncCopies(
                name, by: try who.attribution(), lang: .current, options: hook,
                progress: { bar.update($0) })
            bar.finish()
            if global.json {
                try Printer.json(report)
            } else {
                for c in report.copies {
                    Printer.line(
                        c.availability == .unavailable
                            ? Text(
                                vi: "\(c.name): không truy cập được (chưa gắn ổ?), bỏ qua",
                                en: "\(c.name): unavailable (not mounted?), skipped")()
                            : Text(
                                vi:
                                    "\(c.name): chép \(c.copied) tệp, cập nhật \(c.updated), đã có sẵn \(c.held + c.adopted), \(Format.bytes(c.bytes)); \(c.findings) phát hiện",
                                en:
                                    "\(c.name): copied \(c.copied) files, updated \(c.updated), already held \(c.held + c.adopted), \(Format.bytes(c.bytes)); \(c.findings) findings"
                            )())
                }
                CopiesPrinter.findings(report.findings)
                if let event = report.event { Printer.line(Text(vi: "Sự kiện #\(event)", en: "Event #\(event)")()) }
            }
            if !report.clean { throw ExitCode.failure }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: Text(
                vi: "Kiểm tra toàn vẹn các bản lưu: tính lại SHA-256; báo tệp mất, thay đổi, lạ, không đọc được.",
                en: "Audit the copies: re-hash files; report missing, changed, unexpected and unreadable ones.")(),
            discussion: Text(
                vi: "Bản lưu chưa gắn ổ là «không truy cập được», không phải trống. Thoát với mã khác 0 nếu có vấn đề.",
                en: "A copy not mounted is \"unavailable\", not empty. Exits non-zero when anything is wrong.")())
        @Argument(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Chỉ bản lưu này.", en: "Only this copy.")())))
        var name: String?
        @OptionGroup var select: VerifySelectionOptions
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let bar = ProgressBar(Text(vi: "Kiểm tra", en: "Audit")())
            let report = try global.openForWriting().verifyCopies(
                name, selection: select.selection, by: try who.attribution(), lang: .current,
                progress: { bar.update($0) })
            bar.finish()
            if global.json {
                try Printer.json(report)
            } else {
                for c in report.copies {
                    Printer.line(
                        c.availability == .unavailable
                            ? Text(
                                vi: "\(c.name): không truy cập được (chưa gắn ổ hoặc thiếu tệp đánh dấu .kho-copy)",
                                en: "\(c.name): unavailable (not mounted, or its .kho-copy marker is missing)")()
                            : Text(
                                vi:
                                    "\(c.name): kiểm tra \(c.checked) tệp: \(c.ok) tốt, \(c.missing) mất, \(c.changed) thay đổi, \(c.unreadable) không đọc được, \(c.unexpected) lạ; \(c.pending) chưa chép",
                                en:
                                    "\(c.name): checked \(c.checked) files: \(c.ok) ok, \(c.missing) missing, \(c.changed) changed, \(c.unreadable) unreadable, \(c.unexpected) unexpected; \(c.pending) not synced yet"
                            )())
                }
                CopiesPrinter.findings(report.findings)
            }
            if !report.clean { throw ExitCode.failure }
        }
    }

    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: Text(
                vi:
                    "Thay tệp hỏng hoặc mất của một hồ sơ trên mọi bản lưu (cả bản chính) bằng tệp từ bản khớp danh mục.",
                en:
                    "Replace a file's damaged or missing masters and PDF/A copy on every copy (the primary too) from a matching copy."
            )(),
            discussion: Text(
                vi:
                    "Không bao giờ lấy từ bản không khớp SHA-256 của danh mục; tệp không còn bản tốt nào bị báo là mất. Thoát với mã khác 0 khi đó.",
                en:
                    "Never takes a file from a copy that does not match the catalogue's SHA-256; a file with no good copy left is reported lost (non-zero exit)."
            )())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(
            help: ArgumentHelp(
                Text(vi: "Chỉ tệp bản quét này, ví dụ 0007.tif.", en: "Only this master, e.g. 0007.tif.")(),
                valueName: Placeholder.file()))
        var page: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let report = try global.openForWriting().repairCopies(
                try FileRef(parsing: ref), page: page, by: try who.attribution(), lang: .current)
            if global.json {
                try Printer.json(report)
            } else {
                CopiesPrinter.repair(report)
            }
            if !report.clean { throw ExitCode.failure }
        }
    }
}

extension CopiesPrinter {
    static func findings(_ findings: [CopyFinding]) {
        for f in findings { Printer.line("  \(f.copy): \(f.path): \(f.message)") }
    }

    static func repair(_ r: CopyRepairReport) {
        Printer.line(
            Text(
                vi: "\(r.ref): kiểm tra \(r.files) tệp trên mọi bản lưu; sửa \(r.repaired.count), mất \(r.lost.count)",
                en:
                    "\(r.ref): checked \(r.files) files on every copy; repaired \(r.repaired.count), lost \(r.lost.count)"
            )())
        for line in r.repaired {
            Printer.line(
                Text(
                    vi: "  đã sửa \(line.copy): \(line.path) (\(line.state.vi)) từ bản \(line.source ?? "?")",
                    en: "  repaired \(line.copy): \(line.path) (\(line.state.en)) from copy \(line.source ?? "?")")())
        }
        for line in r.failed {
            Printer.line(
                Text(
                    vi: "  không sửa được \(line.copy): \(line.path): \(line.message)",
                    en: "  could not repair \(line.copy): \(line.path): \(line.message)")())
        }
        for path in r.lost {
            Printer.line(
                Text(
                    vi: "  MẤT: \(path): không bản lưu nào còn nội dung khớp danh mục",
                    en: "  LOST: \(path): no copy holds content matching the catalogue")())
        }
        if !r.unavailable.isEmpty {
            Printer.line(
                Text(
                    vi: "  không kiểm tra được (chưa gắn ổ): \(r.unavailable.joined(separator: ", "))",
                    en: "  not checked (not mounted): \(r.unavailable.joined(separator: ", "))")())
        }
    }
}
