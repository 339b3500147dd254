import ArgumentParser
import Foundation
import KhoKit

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: Text(
            vi: "Khôi phục danh mục từ một bản sao lưu (kiểm tra bản sao trước).",
            en: "Restore the catalogue from a backup (the backup is checked first).")(),
        discussion: Text(
            vi: """
                Bản sao lưu được kiểm tra trước: là SQLite, không hỏng (integrity_check, foreign_key_check), là danh mục kho
                với đúng cấu trúc kho tạo ra (không thừa trigger, view, cột…), không do kho mới hơn ghi.
                Danh mục đang có dữ liệu chỉ bị thay khi có --force (hãy sao lưu nó trước). Bản sao được chép và kiểm tra
                ở một tệp tạm cạnh danh mục, ghi sẵn sự kiện khôi phục (người làm: --by), rồi mới thay vào danh mục trong
                một bước: có lỗi ở bất kỳ đâu thì danh mục đang dùng giữ nguyên từng byte.
                Dùng --check để chỉ kiểm tra bản sao lưu mà không khôi phục.
                """,
            en: """
                The backup is checked first: SQLite, not damaged (integrity_check, foreign_key_check), a kho catalogue with
                exactly the structure kho makes (no extra trigger, view, column…), not written by a newer kho.
                A catalogue holding data is replaced only with --force (back it up first). The backup is copied and checked
                in a staging file beside the catalogue, its restore event (who: --by) is added there, and only then does it
                replace the catalogue, in one step: on any failure the live catalogue stays byte for byte as it was.
                Use --check to check a backup without restoring it.
                """)())
    @Argument(
        help: ArgumentHelp(Text(vi: "Tệp sao lưu.", en: "The backup file.")(), valueName: Placeholder.file())
    )
    var file: String
    @Flag(help: ArgumentHelp(Text(vi: "Thay danh mục đang có dữ liệu.", en: "Replace a catalogue that holds data.")()))
    var force = false
    @Flag(
        help: ArgumentHelp(
            Text(vi: "Chỉ kiểm tra bản sao lưu, không khôi phục.", en: "Only check the backup; restore nothing.")()))
    var check = false
    @OptionGroup var who: WhoOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if check {
            let info = try KhoStore.inspectBackup(file)
            if global.json { return try Printer.json(info) }
            Printer.line(
                Text(
                    vi:
                        "Bản sao lưu \(info.path) tốt: \(Format.integer(Int64(info.events))) sự kiện, \(Format.integer(Int64(info.boxes))) hộp, \(Format.integer(Int64(info.files))) hồ sơ",
                    en:
                        "Backup \(info.path) is sound: \(Format.integer(Int64(info.events))) events, \(Format.integer(Int64(info.boxes))) boxes, \(Format.integer(Int64(info.files))) files"
                )())
            return
        }
        let attribution = try who.attribution()
        let report = try global.openForWriting(create: true).restore(from: file, replacing: force, by: attribution)
        if global.json { return try Printer.json(report) }
        let b = report.backup
        Printer.done(
            Text(
                vi:
                    "Đã khôi phục \(report.catalogue) từ \(b.path): \(Format.integer(Int64(b.events))) sự kiện, \(Format.integer(Int64(b.boxes))) hộp, \(Format.integer(Int64(b.files))) hồ sơ (thay \(Format.integer(Int64(report.replacedEvents))) sự kiện cũ)",
                en:
                    "Restored \(report.catalogue) from \(b.path): \(Format.integer(Int64(b.events))) events, \(Format.integer(Int64(b.boxes))) boxes, \(Format.integer(Int64(b.files))) files (replacing \(Format.integer(Int64(report.replacedEvents))) events)"
            ),
            event: report.event)
    }
}
