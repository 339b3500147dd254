import ArgumentParser
import KhoKit

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Text(
            vi: "Nhập danh sách hộp hoặc hồ sơ từ tệp CSV (tất cả hoặc không dòng nào).",
            en: "Import boxes or files from CSV (every row or none).")(),
        discussion: Text(
            vi: """
                Cột của hộp:    box,fonds,extent_m,location,start_year,end_year,condition,notes[,from]
                Cột của hồ sơ:  box,file,title,start_year,end_year,retention,sheets,notes[,access,condition]
                Cột ghi nhận quét: box,file,pages[,date,by] (sổ ghi chép việc quét; mỗi dòng là một lần ghi nhận)
                Tên cột tiếng Việt cũng được (hộp, phông, số mét, vị trí, hồ sơ, tiêu đề, thời hạn bảo quản, số tờ, ghi chú…),
                và mục lục như văn thư vẫn lập: STT, Hộp số, Hồ sơ số, Tiêu đề hồ sơ, Thời gian tài liệu (1995-1996), Thời hạn bảo quản
                (Vĩnh viễn, 20 năm), Số lượng tờ, Ghi chú; tệp `kho export inventory --format csv` nhập lại được.
                Danh mục tài liệu hết giá trị: `kho import weed` (Hộp số, Tên loại/nhóm tài liệu, Thời gian, Số lượng, Lý do hủy, Ghi chú).
                Tệp UTF-8 (có hoặc không BOM); dấu phân cách , ; hoặc tab; số thập phân dùng dấu phẩy được.
                Nếu có dòng lỗi, không dòng nào được nhập và mọi dòng lỗi được liệt kê kèm số dòng.
                Dấu ngoặc kép mở mà không đóng thì không nhập gì, kèm số dòng nơi nó mở.
                Mã: chữ, số, - _ . (không bắt đầu bằng . hay -), tối đa 32 ký tự; hộp tối đa 10 m; hồ sơ tối đa 100.000 tờ/trang.
                """,
            en: """
                Box columns:   box,fonds,extent_m,location,start_year,end_year,condition,notes[,from]
                File columns:  box,file,title,start_year,end_year,retention,sheets,notes[,access,condition]
                Scan columns:  box,file,pages[,date,by] (a paper scanning log; each row is one hand record)
                Vietnamese column names work too (hộp, phông, số mét, vị trí, hồ sơ, tiêu đề, thời hạn bảo quản, số tờ, ghi chú…),
                and the file list as a clerk writes it: STT, Hộp số, Hồ sơ số, Tiêu đề hồ sơ, Thời gian tài liệu (1995-1996), Thời hạn
                bảo quản (Vĩnh viễn, 20 năm), Số lượng tờ, Ghi chú; a `kho export inventory --format csv` file imports back.
                The destruction list: `kho import weed` (box, title, years, quantity, reason, notes).
                UTF-8 with or without BOM; separated by , ; or tab; decimal commas are read.
                If any row is bad, nothing is imported and every bad row is listed with its line number.
                A quote that is never closed imports nothing, naming the line where it opened.
                Codes: letters, digits, - _ . (not starting with . or -), at most 32 characters; a box is at most 10 m; a file at most 100,000 sheets/pages.
                """)(),
        subcommands: [Boxes.self, Files.self, Scans.self, Docs.self, Weed.self])

    struct Source: ParsableArguments {
        @Argument(help: ArgumentHelp(Text(vi: "Tệp CSV.", en: "The CSV file.")(), valueName: Placeholder.csvFile()))
        var path: String
        @Flag(
            name: .customLong("dry-run"),
            help: ArgumentHelp(Text(vi: "Chỉ kiểm tra, không ghi gì.", en: "Check only; write nothing.")()))
        var dryRun = false
        @Option(
            help: Placeholder("auto|utf-8|windows-1258").on(
                ArgumentHelp(
                    Text(
                        vi: "Bảng mã: auto (UTF-8), utf-8 hoặc windows-1258.",
                        en: "Encoding: auto (UTF-8), utf-8 or windows-1258.")())))
        var encoding: CSVEncoding = .auto

        func run(_ kind: ImportKind, who: WhoOptions, global: GlobalOptions) throws {
            let store = try global.openForWriting()
            let report = try store.importCSV(
                kind, path: path, encoding: encoding, dryRun: dryRun,
                by: try who.attribution(), lang: .current)
            if global.json { return try Printer.json(report) }
            let what =
                switch kind {
                case .boxes: Text(vi: "hộp", en: "boxes")()
                case .files: Text(vi: "hồ sơ", en: "files")()
                case .scans: Text(vi: "ghi nhận quét", en: "scan records")()
                case .weed: Text(vi: "mục tài liệu hết giá trị", en: "destruction list items")()
                }
            if report.dryRun {
                Printer.line(
                    Text(
                        vi: "Kiểm tra xong: \(report.rows) dòng \(what) đều hợp lệ; chưa ghi gì (--dry-run).",
                        en: "Checked: all \(report.rows) \(what) rows are valid; nothing written (--dry-run).")())
            } else {
                let metres = report.metres.map { " (\(Printer.metres($0)) m)" } ?? ""
                Printer.line(
                    Text(
                        vi: "Đã nhập \(report.imported) \(what)\(metres) từ \(path).",
                        en: "Imported \(report.imported) \(what)\(metres) from \(path).")())
            }
        }
    }

    struct Boxes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "boxes",
            abstract: Text(vi: "Nhập hộp từ CSV.", en: "Import boxes from CSV.")())
        @OptionGroup var source: Source
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions
        func run() throws { try source.run(.boxes, who: who, global: global) }
    }

    struct Files: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "files",
            abstract: Text(vi: "Nhập hồ sơ từ CSV.", en: "Import files from CSV.")())
        @OptionGroup var source: Source
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions
        func run() throws { try source.run(.files, who: who, global: global) }
    }
}

extension ImportCommand {
    struct Scans: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scans",
            abstract: Text(
                vi: "Nhập sổ ghi nhận quét (box,file,pages[,date,by]) từ CSV.",
                en: "Import hand scan records (box,file,pages[,date,by]) from CSV.")(),
            discussion: Text(
                vi:
                    "Mỗi dòng như một lệnh `kho scan record`; ngày và người lấy từ cột date/by, nếu trống thì từ --at/--by.",
                en:
                    "Each row is like one `kho scan record`; date and person come from the date/by columns, else from --at/--by."
            )())
        @OptionGroup var source: Source
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions
        func run() throws { try source.run(.scans, who: who, global: global) }
    }
}

extension ImportCommand {
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs",
            abstract: Text(
                vi: "Nhập mục lục văn bản từ CSV (tất cả hoặc không dòng nào; hoàn tác được).",
                en: "Import a document list from CSV (every row or none; undoable).")(),
            discussion: Text(
                vi: """
                    Cột như văn thư ghi: STT, Số ký hiệu (12/QĐ-UBND được tách thành số và ký hiệu), Ngày tháng, Tác giả, Trích yếu, \
                    Tờ số, Ghi chú; thêm Hộp số và Hồ sơ số nếu không dùng --file. Cũng nhận: Tên loại, Trang (3-5), Số trang, Ngôn ngữ, \
                    Bút tích (x), Từ khóa. Dòng không có STT lấy số tiếp theo của hồ sơ.
                    Ví dụ: kho import docs muc-luc-van-ban.csv --file H0012/03 --by Thu
                    """,
                en: """
                    Columns as a clerk writes them: STT, Số ký hiệu (12/QĐ-UBND is split into number and symbol), Ngày tháng, Tác giả, \
                    Trích yếu, Tờ số, Ghi chú; plus Hộp số and Hồ sơ số unless --file is given. Also read: Tên loại, Trang (3-5), Số trang, \
                    Ngôn ngữ, Bút tích (x), Từ khóa. Rows without STT take the file's next numbers.
                    Example: kho import docs document-list.csv --file H0012/03 --by Thu
                    """)())
        @OptionGroup var source: Source
        @Option(
            help: ArgumentHelp(
                Text(vi: "Mọi dòng thuộc hồ sơ này (HỘP/HỒSƠ).", en: "Every row belongs to this file (BOX/FILE).")(),
                valueName: Placeholder.boxFile()))
        var file: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            let report = try store.importDocuments(
                path: source.path, into: try file.map { try FileRef(parsing: $0) },
                encoding: source.encoding, dryRun: source.dryRun,
                by: try who.attribution(), lang: .current)
            if global.json { return try Printer.json(report) }
            if report.dryRun {
                Printer.line(
                    Text(
                        vi: "Kiểm tra xong: \(report.rows) dòng văn bản đều hợp lệ; chưa ghi gì (--dry-run).",
                        en: "Checked: all \(report.rows) document rows are valid; nothing written (--dry-run).")())
            } else {
                Printer.line(
                    Text(
                        vi: "Đã nhập \(report.imported) văn bản từ \(source.path).",
                        en: "Imported \(report.imported) documents from \(source.path).")())
            }
            for warning in report.warnings.prefix(20) {
                Printer.line(Text(vi: "  chú ý, dòng ", en: "  note, line ")() + "\(warning.line): \(warning.message)")
            }
            if report.warnings.count > 20 {
                Printer.line(
                    Text(
                        vi: "  … và \(report.warnings.count - 20) dòng nữa cần xem lại ngày",
                        en: "  … and \(report.warnings.count - 20) more rows whose dates to check")())
            }
        }
    }
}

extension ImportCommand {
    struct Weed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "weed",
            abstract: Text(
                vi: "Nhập danh mục tài liệu hết giá trị từ CSV (tất cả hoặc không dòng nào).",
                en: "Import the destruction list from CSV (every row or none).")(),
            discussion: Text(
                vi: """
                    Cột: Hộp số, Tên loại/nhóm tài liệu, Thời gian, Số lượng, Lý do hủy[, Ghi chú] (STT, Mã phông, Tên phông được bỏ qua;
                    Mã phông, nếu có, phải đúng phông của hộp). Số lượng ghi «0,15 m» (mét giá) hoặc «120 tờ», hoặc cả hai.
                    Mỗi dòng như một lệnh `kho weed add`; cả tệp là một sự kiện import.weed, hoàn tác được bằng `kho undo`.
                    """,
                en: """
                    Columns: box, title, years, quantity, reason[, notes] (or their Vietnamese names: Hộp số, Tên loại/nhóm tài liệu,
                    Thời gian, Số lượng, Lý do hủy, Ghi chú; STT and fonds names are read past; a fonds code, if given, must be the box's).
                    A quantity is "0.15 m" (linear metres) or "120 sheets", or both. Each row is like one `kho weed add`; the file is
                    one import.weed event, which `kho undo` takes back.
                    """)())
        @OptionGroup var source: Source
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions
        func run() throws { try source.run(.weed, who: who, global: global) }
    }
}

/// `--encoding` takes `auto`, `utf-8` or `windows-1258`, and the spellings ``CSVEncoding/parse(_:)`` reads as them
/// (`utf8`, `cp1258`, `1258`).
extension CSVEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        guard let encoding = Self.parse(argument) else { return nil }
        self = encoding
    }

    public var defaultValueDescription: String { rawValue }
}
