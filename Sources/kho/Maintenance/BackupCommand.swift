import ArgumentParser
import Foundation
import KhoKit

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: Text(
            vi: "Sao lưu danh mục ra một tệp, kể cả khi người khác đang ghi.",
            en: "Back up the catalogue to one file, even while others are writing.")(),
        discussion: Text(
            vi: """
                Bản sao nhất quán (API sao lưu của SQLite), là một tệp duy nhất, không cần tệp -wal/-shm đi kèm,
                có thể chép sang USB hay ổ mạng. Không ghi đè tệp đã có nếu không có --force.
                Khôi phục bằng `kho restore TỆP`. Ví dụ: kho backup /media/usb/kho-2026-11-27.sqlite
                Cho một thư mục thì ghi vào đó tệp kho-NĂM-THÁNG-NGÀY.sqlite (ngày hôm nay; đã có thì thêm -2, -3…): kho backup /media/usb
                """,
            en: """
                A consistent copy (SQLite's online backup API) as one self-contained file, with no -wal/-shm beside it,
                safe to copy to a USB stick or a network share. An existing file is not overwritten without --force.
                Restore with `kho restore FILE`. Example: kho backup /media/usb/kho-2026-11-27.sqlite
                Given a folder, writes kho-YEAR-MONTH-DAY.sqlite (today's date; -2, -3… when taken) into it: kho backup /media/usb
                """)())
    @Argument(
        help: ArgumentHelp(
            Text(
                vi: "Tệp sao lưu sẽ ghi, hoặc thư mục để ghi vào.",
                en: "The backup file to write, or a folder to write it in.")(), valueName: Placeholder.file()
        ))
    var file: String
    @Flag(help: ArgumentHelp(Text(vi: "Ghi đè tệp đã có.", en: "Overwrite an existing file.")()))
    var force = false
    @Flag(
        help: ArgumentHelp(
            Text(
                vi: "Đọc lại toàn bộ bản sao để kiểm tra (PRAGMA integrity_check); chậm hơn với danh mục lớn.",
                en: "Read the whole copy back to check it (PRAGMA integrity_check); slower on a large catalogue.")()))
    var verify = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let report = try global.openForReading().backup(to: file, overwrite: force, verify: verify)
        if global.json { return try Printer.json(report) }
        let size = Format.decimal(Double(report.bytes) / 1_000_000, maxFractionDigits: 1)
        let secs = Format.decimal(report.seconds, maxFractionDigits: 2)
        Printer.line(
            Text(
                vi:
                    "Đã sao lưu vào \(report.path): \(size) MB, \(Format.integer(Int64(report.events))) sự kiện, \(Format.integer(Int64(report.boxes))) hộp, \(Format.integer(Int64(report.files))) hồ sơ, \(Format.integer(Int64(report.masters))) bản quét (\(secs) giây)",
                en:
                    "Backed up to \(report.path): \(size) MB, \(Format.integer(Int64(report.events))) events, \(Format.integer(Int64(report.boxes))) boxes, \(Format.integer(Int64(report.files))) files, \(Format.integer(Int64(report.masters))) masters (\(secs) s)"
            )())
    }
}
