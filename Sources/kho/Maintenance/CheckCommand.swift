import ArgumentParser
import Foundation
import KhoKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Text(
            vi: "Kiểm tra danh mục: tệp SQLite, khóa ngoại, trạng thái khớp nhật ký, số mét, bản quét trên đĩa.",
            en: "Check the catalogue: SQLite file, foreign keys, state against the log, metres, masters on disk.")(),
        discussion: Text(
            vi: """
                Kiểm tra: PRAGMA integrity_check và foreign_key_check; mã sự kiện (ULID) duy nhất; trạng thái chỉnh lý của
                mỗi hộp và trạng thái số hóa của mỗi hồ sơ khớp sự kiện cuối cùng chưa hoàn tác; giữ lại ≤ độ dài, có số mét
                giữ lại khi và chỉ khi đã chỉnh lý; không có lần hoàn thành nào sớm hơn lần bắt đầu của nó; mỗi liên kết
                «thay thế» trỏ tới một sự kiện số hóa của cùng hồ sơ; mỗi hồ sơ đạt chuẩn hoặc đã bàn giao có bản quét trong
                danh mục; tổng theo phông bằng tổng toàn kho; mọi bản quét đã nạp còn trên đĩa.
                Không thay đổi gì. Thoát với mã khác 0 nếu có vấn đề.
                """,
            en: """
                Checks: PRAGMA integrity_check and foreign_key_check; event ids (ULID) unique; each box's arrangement state
                and each file's scan state match their latest event not undone; kept ≤ extent, kept set exactly when arranged;
                no finish earlier than its start; every "supersedes" link points to a scan event of the same file; every file
                that passed QC or was delivered has masters on record; the fonds add up to the total; every ingested master
                is still on disk.
                Changes nothing. Exits non-zero when anything is wrong.
                """)())
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try global.openForReading().check()
        if global.json {
            try Printer.json(report)
        } else {
            let summary = Text(
                vi:
                    "Đã kiểm tra \(Format.integer(Int64(report.boxes))) hộp, \(Format.integer(Int64(report.files))) hồ sơ, \(Format.integer(Int64(report.events))) sự kiện, \(Format.integer(Int64(report.masters))) bản quét",
                en:
                    "Checked \(Format.integer(Int64(report.boxes))) boxes, \(Format.integer(Int64(report.files))) files, \(Format.integer(Int64(report.events))) events, \(Format.integer(Int64(report.masters))) masters"
            )()
            if report.clean {
                Printer.line(summary + Text(vi: ": không có vấn đề.", en: ": no problems.")())
            } else {
                Printer.line(
                    summary
                        + Text(vi: ": \(report.problems.count) vấn đề:", en: ": \(report.problems.count) problems:")())
                for p in report.problems { Printer.line("  \(p.text())") }
            }
            if !report.notices.isEmpty {
                Printer.line(Text(vi: "Cần biết (không phải lỗi):", en: "Worth knowing (not faults):")())
                for n in report.notices { Printer.line("  - \(n.text())") }
            }
            if report.mastersMarkedMissing > 0 {
                Printer.line(
                    Text(
                        vi:
                            "(\(report.mastersMarkedMissing) bản quét đã được ghi nhận là mất: xem `kho scan problems`)",
                        en:
                            "(\(report.mastersMarkedMissing) masters are already recorded as gone: see `kho scan problems`)"
                    )())
            }
        }
        if !report.clean { throw ExitCode.failure }
    }
}
