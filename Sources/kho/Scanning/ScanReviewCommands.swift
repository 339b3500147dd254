import ArgumentParser
import KhoKit

extension ScanCommand {
    /// `kho scan confirm`: a page count outside sheets…2 × sheets that is right for a reason.
    struct Confirm: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: Text(
                vi: "Xác nhận số trang đúng dù nằm ngoài khoảng số tờ…2 × số tờ (bản đồ gấp, bỏ mặt sau trắng).",
                en: "Confirm a page count outside sheets…2 × sheets that is right (fold-out maps, blank backs skipped)."
            )(),
            discussion: Text(
                vi:
                    "Một hồ sơ có S tờ là đủ khi số trang P thỏa S ≤ P ≤ 2S; ngoài khoảng đó nó ở bậc «số trang không khớp số tờ» và không tính là đã số hóa. Ví dụ: kho scan confirm H0012/03 --note \"2 bản đồ gấp 4 trang\" --by Hoa. Hoàn tác bằng kho undo.",
                en:
                    "A file of S sheets is complete when its pages P satisfy S ≤ P ≤ 2S; outside that it is a “count mismatch” and not digitized. Example: kho scan confirm H0012/03 --note \"2 fold-out maps of 4 pages\" --by Hoa. Undo with kho undo."
            )())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(
            help: Placeholder.note.on(
                ArgumentHelp(Text(vi: "Vì sao số trang này đúng.", en: "Why this count is right.")())))
        var note: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            let fileRef = try FileRef(parsing: ref)
            let event = try store.confirmCount(of: fileRef, note: note, by: try who.attribution())
            if global.json { return try Printer.json(event.id) }
            let file = try store.showFile(fileRef)
            Printer.done(
                Text(
                    vi:
                        "Đã xác nhận \(file.pages) trang cho hồ sơ \(ref) (\(file.sheets.map(String.init) ?? "?") tờ); bậc: \(file.scanState.label.vi)",
                    en:
                        "Confirmed \(file.pages) pages for file \(ref) (\(file.sheets.map(String.init) ?? "?") sheets); rung: \(file.scanState.label.en)"
                ),
                event: event.id)
        }
    }

    /// `kho scan accept`: the new content of changed masters becomes their reference.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accept",
            abstract: Text(
                vi:
                    "Chấp nhận nội dung mới của bản quét đã đổi sau khi kiểm tra (quét lại, sửa chữa); giữ lịch sử mã SHA-256.",
                en:
                    "Accept the new content of masters changed after they were checked (rescan, repair); the SHA-256 history is kept."
            )(),
            discussion: Text(
                vi:
                    "Khi nội dung một bản quét đã đạt kiểm tra thay đổi, kho giữ mã SHA-256 cũ, hồ sơ chuyển sang «cần xem lại» và `kho scan verify` tiếp tục báo lỗi cho đến khi có người chấp nhận. Ví dụ: kho scan accept H0012/03 --page 0007.tif --reason rescan --by Hoa. Bản gốc mất khỏi đĩa vẫn được ghi là mất (verify và check báo lỗi) cho đến khi có lại hoặc có người chấp nhận mất: kho scan accept H0012/03 --page 0007.tif --reason lost --by Hoa. Hoàn tác bằng kho undo.",
                en:
                    "When a checked master's content changes, kho keeps the old SHA-256, the file goes to “needs review” and `kho scan verify` keeps failing until a person accepts it. Example: kho scan accept H0012/03 --page 0007.tif --reason rescan --by Hoa. A master gone from disk stays missing (verify and check fail) until it is back or a person accepts the loss: kho scan accept H0012/03 --page 0007.tif --reason lost --by Hoa. Undo with kho undo."
            )())
        @Argument(
            help: Placeholder.boxFile.on(
                ArgumentHelp(Text(vi: "Hồ sơ, ví dụ H0012/03.", en: "The file, e.g. H0012/03.")())))
        var ref: String
        @Option(
            help: Placeholder.fileName.on(
                ArgumentHelp(
                    Text(
                        vi: "Chỉ bản quét này (tên tệp, ví dụ 0007.tif); mặc định: mọi bản quét đã đổi của hồ sơ.",
                        en: "Only this master (its name, e.g. 0007.tif); default: every changed master of the file.")())
            ))
        var page: String?
        @Option(
            help: Placeholder("rescan|repair|lost").on(
                ArgumentHelp(
                    Text(
                        vi: "rescan (quét lại), repair (sửa chữa, khôi phục) hoặc lost (chấp nhận bản gốc đã mất).",
                        en: "rescan, repair, or lost (accept that a missing master is lost).")())))
        var reason: AcceptReason
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            let fileRef = try FileRef(parsing: ref)
            let event = try store.acceptMasters(of: fileRef, page: page, reason: reason, by: try who.attribution())
            if global.json { return try Printer.json(event.id) }
            let file = try store.showFile(fileRef)
            let count = event.decodedDetail.count ?? 0
            if reason == .lost {
                return Printer.done(
                    Text(
                        vi: "Đã ghi nhận mất \(count) bản gốc của hồ sơ \(ref); bậc: \(file.scanState.label.vi)",
                        en: "Recorded \(count) masters of file \(ref) as lost; rung: \(file.scanState.label.en)"),
                    event: event.id)
            }
            Printer.done(
                Text(
                    vi:
                        "Đã chấp nhận nội dung mới của \(event.decodedDetail.count ?? 0) bản quét của hồ sơ \(ref) (\(reason.rawValue)); bậc: \(file.scanState.label.vi)",
                    en:
                        "Accepted the new content of \(event.decodedDetail.count ?? 0) masters of file \(ref) (\(reason.rawValue)); rung: \(file.scanState.label.en)"
                ),
                event: event.id)
        }
    }
}

extension AcceptReason: ExpressibleByArgument {}
