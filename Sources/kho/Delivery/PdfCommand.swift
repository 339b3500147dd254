import ArgumentParser
import Foundation
import KhoKit

struct PdfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: Text(
            vi:
                "Bản số hóa hợp pháp: PDF/A hai lớp có lớp chữ tiếng Việt, đặt tên theo mã hồ sơ (Thông tư 05/2025/TT-BNV).",
            en:
                "The legal digital copy: a two-layer PDF/A with a Vietnamese text layer, named by the archival code (Circular 05/2025/TT-BNV)."
        )(),
        subcommands: [Build.self, Verify.self, List.self, Rule.self, Settings.self])

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: Text(
                vi: "Làm bản PDF/A cho các hồ sơ có bản quét đã đạt chuẩn (OCRmyPDF + Tesseract vie).",
                en: "Build the PDF/A copy of files whose masters passed QC (OCRmyPDF + Tesseract vie).")(),
            discussion: Text(
                vi: """
                    Mỗi hồ sơ thành một tệp <thư mục>/<phông>/<mã hồ sơ>.pdf: PDF/A-2b, ảnh trang giữ nguyên không mất dữ liệu
                    (đổi bằng kho pdf settings), lớp chữ do Tesseract đọc với mô hình tiếng Việt. Hồ sơ đã có bản PDF và bản quét
                    không đổi thì bỏ qua. Mỗi bản được ghi một sự kiện cho người chạy (--by); hồ sơ lên bậc «đã bàn giao».
                    Lỗi của công cụ ở một trang được báo kèm số trang; các hồ sơ khác vẫn được làm. Thoát với mã khác 0 nếu có lỗi.
                    Cần các gói Debian ocrmypdf, tesseract-ocr-vie, poppler-utils.
                    Ví dụ: kho pdf build; kho pdf build H0012 H0013/04 --jobs 2 --by Hoa
                    """,
                en: """
                    Each file becomes <folder>/<fonds>/<archival code>.pdf: PDF/A-2b, page images kept without loss (change with
                    kho pdf settings), a text layer read by Tesseract with its Vietnamese model. A file whose copy exists and whose
                    masters have not changed is skipped. Each copy is an event for the person running it (--by); the file moves
                    to "delivered". A tool's failure on a page is reported with the page; the other files still build. Exits
                    non-zero when a file failed. Needs the Debian packages ocrmypdf, tesseract-ocr-vie, poppler-utils.
                    Example: kho pdf build; kho pdf build H0012 H0013/04 --jobs 2 --by Hoa
                    """)())
        @Argument(
            help: ArgumentHelp(
                Text(
                    vi: "Hộp (H0012) hoặc hồ sơ (H0012/03); bỏ trống là tất cả.",
                    en: "Boxes (H0012) or files (H0012/03); none means all.")(),
                valueName: Placeholder.boxOptionalFile()))
        var targets: [String] = []
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Số hồ sơ làm cùng lúc (mặc định: số lõi CPU).",
                    en: "Files built at once (default: the CPU cores).")(), valueName: Placeholder.count()),
            transform: NumberBound.jobs.option)
        var jobs: Int?
        @Flag(
            help: ArgumentHelp(
                Text(
                    vi: "Làm lại cả bản đã có (sau khi đổi thiết lập).",
                    en: "Build again even copies that are up to date (after changing settings).")()))
        var force = false
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            // Without the tools, say which packages to install and do nothing else.
            let tools = try DeliveryTools.locate()
            let who = try who.attribution()
            let store = try global.openForWriting()
            let bar = ProgressBar(Text(vi: "PDF/A (trang)", en: "PDF/A (pages)")())
            let summary = try store.buildCopies(
                PdfBuildOptions(
                    targets: targets, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, force: force),
                tools: tools, by: who, lang: .current, progress: { bar.update($0) })
            bar.finish()
            if global.json {
                try Printer.json(summary)
            } else {
                PdfCommand.printSummary(summary)
            }
            if !summary.clean { throw ExitCode.failure }
        }
    }

    /// What `kho pdf build` did, for people: the library's headline, a row for each copy built, then its words for
    /// what was skipped, numbered, not ready or failed (the same the web's job page shows).
    static func printSummary(_ s: PdfBuildSummary) {
        Printer.line(s.headline())
        if !s.built.isEmpty {
            Printer.table(
                [
                    Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Mã hồ sơ", en: "Archival code")(),
                    Text(vi: "Trang", en: "Pages")(),
                    Text(vi: "Byte", en: "Bytes")(), "PDF/A", Text(vi: "Tin cậy OCR", en: "OCR confidence")(),
                    Text(vi: "Giây", en: "Seconds")(),
                    Text(vi: "Bậc", en: "Rung")(),
                ],
                s.built.map {
                    [
                        $0.ref, $0.archiveId, Format.integer(Int64($0.pages)), Format.integer($0.bytes), $0.pdfa,
                        $0.meanConfidence.map { Format.decimal($0, maxFractionDigits: 1) } ?? "–",
                        Format.decimal($0.seconds, maxFractionDigits: 1),
                        $0.scanState.label(),
                    ]
                },
                right: [2, 3, 5, 6])
        }
        for line in s.notes { Printer.line(line()) }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: Text(
                vi: "Kiểm tra bản PDF/A: còn đó, SHA-256 không đổi, đủ trang, khai báo PDF/A, có lớp chữ.",
                en: "Check the PDF/A copies: present, SHA-256 unchanged, all pages, PDF/A declared, text layer present."
            )(),
            discussion: Text(
                vi: "Thoát với mã khác 0 và nêu từng lỗi. Cần gói poppler-utils (pdfinfo, pdftotext).",
                en: "Exits non-zero, naming each failure. Needs poppler-utils (pdfinfo, pdftotext).")())
        @Option(
            name: .customLong("older-than"),
            help: ArgumentHelp(
                Text(vi: "Chỉ bản chưa kiểm tra trong N ngày.", en: "Only copies not checked for N days.")(),
                valueName: Placeholder.days()), transform: NumberBound.days.option)
        var olderThan: Int?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let tools = try PopplerTools.locate()
            let who = try who.attribution()
            let bar = ProgressBar(Text(vi: "Kiểm tra PDF", en: "Verify PDF")())
            let report = try global.openForWriting().verifyCopies(
                olderThanDays: olderThan, tools: tools, by: who, lang: .current, progress: { bar.update($0) })
            bar.finish()
            if global.json {
                try Printer.json(report)
            } else {
                let bad = report.checked - report.ok
                Printer.line(
                    Text(
                        vi: "Đã kiểm tra \(report.checked) bản PDF/A: \(report.ok) tốt, \(bad) có lỗi.",
                        en: "Checked \(report.checked) PDF/A copies: \(report.ok) sound, \(bad) with problems.")())
                for p in report.problems { Printer.line("  \(p.ref) (\(p.archiveId)): \(p.message)") }
            }
            if !report.clean { throw ExitCode.failure }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi: "Liệt kê bản PDF/A đã làm: mã hồ sơ, đường dẫn, trang, dung lượng, lần kiểm tra.",
                en: "List the PDF/A copies: archival code, path, pages, size, last check.")())
        @Argument(
            help: ArgumentHelp(
                Text(vi: "Hộp hoặc HỘP/HỒSƠ; bỏ trống là tất cả.", en: "A box or BOX/FILE; none means all.")(),
                valueName: Placeholder.boxOptionalFile()))
        var target: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForReading()
            let copies: [PdfCopyView]
            if let target, target.contains("/") {
                copies = try store.pdfCopies(file: try FileRef(parsing: target))
            } else {
                copies = try store.pdfCopies(box: target)
            }
            if global.json { return try Printer.json(copies) }
            if copies.isEmpty { return Printer.line(Text(vi: "Chưa có bản PDF/A nào.", en: "No PDF/A copy yet.")()) }
            Printer.table(
                [
                    Text(vi: "Hồ sơ", en: "File")(), Text(vi: "Mã hồ sơ", en: "Archival code")(),
                    Text(vi: "Trang", en: "Pages")(),
                    Text(vi: "Byte", en: "Bytes")(), "PDF/A", Text(vi: "Làm lúc", en: "Built")(),
                    Text(vi: "Kiểm tra", en: "Verified")(),
                    Text(vi: "Tệp", en: "Path")(),
                ],
                copies.map {
                    [
                        $0.ref, $0.archiveId, Format.integer(Int64($0.pages)), Format.integer($0.bytes), $0.pdfa,
                        DateFormat.dateTime($0.builtAt), $0.verifiedAt.map(DateFormat.dateTime) ?? "–", $0.path,
                    ]
                },
                right: [2, 3])
        }
    }

    struct Rule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rule",
            abstract: Text(
                vi: "Xem hoặc đặt quy tắc mã hồ sơ của phông.", en: "Show or set a fonds' archival code rule.")(),
            discussion: Text(
                vi: """
                    Trường: {fonds} mã phông, {inventory} số mục lục, {year} năm của hồ sơ, {number} số hồ sơ trong phông
                    (đánh theo thứ tự mục lục khi làm bản PDF đầu tiên của phông, rồi cố định), {box}, {file}; {a|b} lấy trường
                    đầu tiên có giá trị; {number:4} viết đủ 4 chữ số. Mặc định: \(ArchiveRule.defaultPattern) (ví dụ
                    UBND-SK1.01.0123). Không đổi được khi làm mã của hồ sơ đã bàn giao thay đổi.
                    Ví dụ: kho pdf rule UBND-SK1 --inventory 01 --by Thu; kho pdf rule UBND-SK1 --pattern "{fonds}.{box}.{file}" --by Thu
                    """,
                en: """
                    Fields: {fonds} fonds code, {inventory} inventory number, {year} the file's year, {number} the file's number in
                    its fonds (given in inventory order when the fonds' first copy is built, then fixed), {box}, {file}; {a|b} takes
                    the first that has a value; {number:4} writes at least 4 digits. Default: \(ArchiveRule.defaultPattern) (e.g.
                    UBND-SK1.01.0123). Refused when it would change the code of a file already delivered.
                    Example: kho pdf rule UBND-SK1 --inventory 01 --by Thu; kho pdf rule UBND-SK1 --pattern "{fonds}.{box}.{file}" --by Thu
                    """)())
        @Argument(
            help: Placeholder.fonds.on(
                ArgumentHelp(
                    Text(vi: "Mã phông; bỏ trống để xem mọi phông.", en: "Fonds code; leave out to show every fonds.")()
                )))
        var fonds: String?
        @Option(help: Placeholder.pattern.on(ArgumentHelp(Text(vi: "Quy tắc mới.", en: "The new rule.")())))
        var pattern: String?
        @Option(
            help: Placeholder.inventory.on(
                ArgumentHelp(
                    Text(
                        vi: "Số mục lục của phông (chuỗi rỗng để bỏ).",
                        en: "The fonds' inventory number (empty to clear).")()
                )))
        var inventory: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if (pattern != nil || inventory != nil) && fonds == nil {
                throw ValidationError(
                    Text(vi: "cần nêu mã phông để đặt quy tắc", en: "name the fonds to set its rule")())
            }
        }

        func run() throws {
            let rules: [FondsArchiveRule]
            if let fonds, pattern != nil || inventory != nil {
                let set = try global.openForWriting().setArchiveRule(
                    fonds: fonds, pattern: pattern, inventory: inventory, by: try who.attribution(), lang: .current)
                rules = [set]
                if !global.json {
                    Printer.line(
                        Text(
                            vi: "Đã đặt quy tắc mã hồ sơ của phông \(set.fonds)",
                            en: "Set the archival code rule of fonds \(set.fonds)")())
                }
            } else {
                rules = try global.openForReading().archiveRules(fonds: fonds, lang: .current)
            }
            if global.json { return try Printer.json(rules) }
            Printer.table(
                [
                    Text(vi: "Phông", en: "Fonds")(), Text(vi: "Quy tắc", en: "Rule")(),
                    Text(vi: "Số mục lục", en: "Inventory")(),
                    Text(vi: "Đã đánh số", en: "Numbered")(), Text(vi: "Đã bàn giao", en: "Delivered")(),
                    Text(vi: "Ví dụ", en: "Example")(),
                ],
                rules.map {
                    [
                        $0.fonds, $0.pattern + ($0.isDefault ? Text(vi: " (mặc định)", en: " (default)")() : ""),
                        $0.inventory ?? "–",
                        Format.integer(Int64($0.numbered)), Format.integer(Int64($0.delivered)),
                        $0.example ?? ($0.exampleProblem ?? "–"),
                    ]
                },
                right: [3, 4])
        }
    }

    struct Settings: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settings",
            abstract: Text(
                vi: "Xem hoặc đặt cách làm bản PDF/A: thư mục, nén ảnh, độ phân giải.",
                en: "Show or set how the PDF/A copies are made: folder, image compression, resolution.")(),
            discussion: Text(
                vi:
                    "Mặc định: ảnh giữ nguyên như bản quét (không mất dữ liệu), thư mục pdf/ cạnh danh mục. Ví dụ: kho pdf settings --image jpeg --jpeg-quality 85 --dpi 300 --by Thu",
                en:
                    "Default: images as the masters (lossless), folder pdf/ beside the catalogue. Example: kho pdf settings --image jpeg --jpeg-quality 85 --dpi 300 --by Thu"
            )())
        @Option(
            help: ArgumentHelp(
                Text(vi: "Thư mục chứa bản PDF.", en: "The folder for the copies.")(),
                valueName: Placeholder.folder()))
        var folder: String?
        @Option(
            help: ArgumentHelp(
                Text(vi: "Ảnh trang: lossless (mặc định) hoặc jpeg.", en: "Page images: lossless (default) or jpeg.")(),
                valueName: "lossless|jpeg"))
        var image: DeliverySettings.Image?
        @Option(
            name: .customLong("jpeg-quality"),
            help: Placeholder.count.on(
                ArgumentHelp(
                    Text(vi: "Chất lượng JPEG 1–100 (mặc định 85).", en: "JPEG quality 1–100 (default 85).")())))
        var jpegQuality: String?
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Hạ ảnh xuống độ phân giải này nếu bản quét cao hơn; master để giữ nguyên.",
                    en: "Bring images down to this resolution when the master's is higher; master to keep it.")(),
                valueName: "DPI|master"))
        var dpi: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if folder != nil || image != nil || jpegQuality != nil || dpi != nil {
                let store = try global.openForWriting()
                var settings = try DeliverySettings.parse(
                    image: image?.rawValue, jpegQuality: jpegQuality, dpi: dpi, onto: try store.deliverySettings())
                if let folder { settings.folder = folder }
                try store.setDeliverySettings(settings, by: try who.attribution())
            }
            let store = try global.openForReading()
            let settings = try store.deliverySettings()
            if global.json { return try Printer.json(settings) }
            let folderPath = (try? settings.resolvedFolder(catalogue: store.path)) ?? "?"
            Printer.line(Text(vi: "Thư mục: ", en: "Folder: ")() + folderPath)
            Printer.line(
                Text(vi: "Ảnh trang: ", en: "Page images: ")()
                    + (settings.image == .lossless
                        ? Text(vi: "không mất dữ liệu", en: "lossless")() : "JPEG \(settings.jpegQuality)"))
            Printer.line(
                Text(vi: "Độ phân giải: ", en: "Resolution: ")()
                    + (settings.dpi.map { "≤ \($0) dpi" } ?? Text(vi: "như bản quét", en: "as the master")()))
        }
    }
}

/// `--image` takes `lossless` or `jpeg`, in any case.
extension DeliverySettings.Image: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
