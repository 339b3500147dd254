import ArgumentParser
import KhoKit

struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: Text(
            vi: "Văn bản trong hồ sơ: thêm, liệt kê, xem, sửa, chuyển. Tên văn bản viết HỘP/HỒSƠ/SỐ, ví dụ H0012/03/7.",
            en: "Documents inside files: add, list, show, edit, move. A document is named BOX/FILE/NO, e.g. H0012/03/7."
        )(),
        subcommands: [Add.self, List.self, Show.self, Edit.self, Move.self, Kind.self])

    /// The fields of Circular 05/2025 a commune fills for a document, shared by `doc add` and `doc edit`.
    struct Fields: ParsableArguments {
        @Option(
            help: Placeholder.kind.on(
                ArgumentHelp(
                    Text(
                        vi: "Tên loại: Quyết định, Công văn, Tờ trình, Báo cáo… (xem kho doc kind).",
                        en: "Kind: Decision, Official letter, Submission, Report… (see kho doc kind).")())))
        var kind: String?
        @Option(
            help: Placeholder.number.on(
                ArgumentHelp(
                    Text(
                        vi: "Số, hoặc cả số và ký hiệu: 12/QĐ-UBND (được tách).",
                        en: "Number, or number and symbol together: 12/QĐ-UBND (split).")())))
        var number: String?
        @Option(help: Placeholder.symbol.on(ArgumentHelp(Text(vi: "Ký hiệu: QĐ-UBND.", en: "Symbol: QĐ-UBND.")())))
        var symbol: String?
        @Option(
            help: Placeholder.date.on(
                ArgumentHelp(
                    Text(
                        vi: "Ngày tháng năm: 15/03/2001, 03/2001 hoặc 2001.", en: "Date: 15/03/2001, 03/2001 or 2001.")()
                )))
        var date: String?
        @Option(
            help: Placeholder.issuer.on(
                ArgumentHelp(
                    Text(vi: "Cơ quan, tổ chức, cá nhân ban hành (tác giả).", en: "Issuing body or person (author).")())
            ))
        var issuer: String?
        @Option(
            help: Placeholder.summary.on(ArgumentHelp(Text(vi: "Trích yếu nội dung.", en: "Summary of contents.")())))
        var summary: String?
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Trang trong bản quét của hồ sơ: TỪ-ĐẾN, ví dụ 3-5.",
                    en: "Pages in the file's masters: FROM-TO, e.g. 3-5.")(), valueName: Placeholder.fromTo()))
        var pages: String?
        @Option(
            name: .customLong("page-count"),
            help: Placeholder.count.on(
                ArgumentHelp(
                    Text(
                        vi: "Số lượng trang (khi chưa có khoảng trang).",
                        en: "Number of pages (when no range is known).")()
                )))
        var pageCount: String?
        @Option(
            help: Placeholder.fromTo.on(
                ArgumentHelp(Text(vi: "Tờ số như trên mục lục: 3-5.", en: "Sheet numbers as in the list: 3-5.")())))
        var sheets: String?
        @Option(
            help: Placeholder.language.on(
                ArgumentHelp(Text(vi: "Ngôn ngữ (mặc định: của hồ sơ).", en: "Language (default: the file's).")())))
        var language: String?
        @Option(
            help: ArgumentHelp(
                Text(vi: "Bút tích: yes hoặc no.", en: "Handwritten marks: yes or no.")(), valueName: "yes|no"))
        var autograph: String?
        @Option(
            help: Placeholder.condition.on(
                ArgumentHelp(
                    Text(
                        vi: "Tình trạng vật lý: \(Condition.keys) (mặc định: của hồ sơ).",
                        en: "Condition: \(Condition.keys) (default: the file's).")())))
        var condition: String?
        @Option(
            help: Placeholder.retention.on(
                ArgumentHelp(Text(vi: "Thời hạn lưu trữ nếu khác hồ sơ.", en: "Retention when not the file's.")())))
        var retention: String?
        @Option(
            help: Placeholder.access.on(
                ArgumentHelp(
                    Text(
                        vi: "Chế độ sử dụng nếu khác hồ sơ: \(Access.keys).",
                        en: "Access when not the file's: \(Access.keys).")())))
        var access: String?
        @Option(help: Placeholder.keywords.on(ArgumentHelp(Text(vi: "Từ khóa.", en: "Keywords.")())))
        var keywords: String?
        @Option(help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")())))
        var notes: String?

        func draft() throws -> DocumentDraft {
            var autographValue: Bool?
            if let autograph {
                switch autograph.lowercased() {
                case "yes", "có", "co", "true", "1": autographValue = true
                case "no", "không", "khong", "false", "0": autographValue = false
                default:
                    throw ValidationError(
                        Text(
                            vi: "--autograph nhận yes hoặc no, không phải «\(autograph)»",
                            en: "--autograph takes yes or no, not “\(autograph)”")())
                }
            }
            return DocumentDraft(
                kind: kind, number: number, symbol: symbol, date: date, issuer: issuer, summary: summary,
                language: language,
                pages: pages, pageCount: pageCount, sheets: sheets, autograph: autographValue, condition: condition,
                notes: notes, retention: retention, access: access, keywords: keywords)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(
                vi: "Thêm một văn bản vào hồ sơ (số thứ tự tiếp theo nếu không ghi).",
                en: "Add a document to a file (the next number unless given).")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho doc add H0012/03 --number 12/QĐ-UBND --date 15/03/2001 --issuer \"UBND xã Sơn Kim\" --summary \"Về việc giao đất\" --pages 3-5 --by Thu",
                en:
                    "Example: kho doc add H0012/03 --number 12/QĐ-UBND --date 15/03/2001 --issuer \"UBND xã Sơn Kim\" --summary \"On land allocation\" --pages 3-5 --by Thu"
            )())
        @Argument(
            help: Placeholder.boxFileOptionalDocument.on(
                ArgumentHelp(
                    Text(
                        vi: "Hồ sơ, ví dụ H0012/03, hoặc văn bản với số của nó, ví dụ H0012/03/7.",
                        en: "The file, e.g. H0012/03, or the document with its number, e.g. H0012/03/7.")()))
        )
        var ref: String
        @OptionGroup var fields: Fields
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let doc = try global.openForWriting().addDocument(
                try DocumentRef(parsing: ref, seqOptional: true), try fields.draft(), by: try who.attribution(),
                lang: .current)
            if global.json { return try Printer.json(doc) }
            Printer.line(
                Text(vi: "Đã thêm văn bản \(doc.ref)", en: "Added document \(doc.ref)")()
                    + (doc.identifier.isEmpty ? "" : " (\(doc.identifier))"))
            if let warning = doc.warning { Printer.line(Text(vi: "  chú ý: ", en: "  note: ")() + warning) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi: "Liệt kê văn bản của một hồ sơ, một hộp hoặc tất cả.",
                en: "List the documents of a file, a box, or all.")())
        @Argument(
            help: Placeholder.boxOptionalFile.on(
                ArgumentHelp(Text(vi: "HỘP hoặc HỘP/HỒSƠ (bỏ trống: tất cả).", en: "BOX or BOX/FILE (none: all).")())))
        var scope: String?
        @Option(
            help: Placeholder.text.on(
                ArgumentHelp(
                    Text(
                        vi: "Chỉ văn bản có chuỗi này (không phân biệt dấu, hoa thường).",
                        en: "Only documents containing this text (diacritics and case ignored).")())))
        var search: String?
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let docs = try global.openForReading().documents(in: scope, search: search, lang: .current)
            if global.json { return try Printer.json(docs) }
            DocCommand.printTable(docs)
        }
    }

    static func printTable(_ docs: [DocumentView]) {
        Printer.table(
            [
                Text(vi: "Văn bản", en: "Document")(), Text(vi: "Số, ký hiệu", en: "No./symbol")(),
                Text(vi: "Ngày", en: "Date")(),
                Text(vi: "Tên loại", en: "Kind")(), Text(vi: "Tác giả", en: "Issuer")(),
                Text(vi: "Trích yếu", en: "Summary")(),
                Text(vi: "Trang", en: "Pages")(),
            ],
            docs.map { d in
                let pages = d.pageFrom.map { from in "\(from)–\(d.pageTo ?? from)" } ?? d.pages.map(String.init) ?? ""
                return [d.ref, d.numberSymbol, DateFormat.day(d.date), d.kindName, d.issuer, d.summary, pages]
            },
            right: [6])
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: Text(vi: "Xem một văn bản.", en: "Show a document.")())
        @Argument(
            help: Placeholder.boxFileDocument.on(
                ArgumentHelp(Text(vi: "Văn bản, ví dụ H0012/03/7.", en: "The document, e.g. H0012/03/7.")())))
        var ref: String
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let d = try global.openForReading().document(try DocumentRef(parsing: ref), lang: .current)
            if global.json { return try Printer.json(d) }
            let rows: [(Text, String)] = [
                (Text(vi: "Mã định danh", en: "Identifier"), d.identifier),
                (Text(vi: "Tên loại", en: "Kind"), d.kindName),
                (Text(vi: "Số, ký hiệu", en: "No./symbol"), d.numberSymbol),
                (Text(vi: "Ngày tháng năm", en: "Date"), DateFormat.day(d.date)),
                (Text(vi: "Tác giả", en: "Issuer"), d.issuer), (Text(vi: "Trích yếu", en: "Summary"), d.summary),
                (
                    Text(vi: "Trang", en: "Pages"),
                    d.pageFrom.map { "\($0)–\(d.pageTo ?? $0)" } ?? d.pages.map(String.init) ?? ""
                ),
                (Text(vi: "Tờ số", en: "Sheets"), d.sheets), (Text(vi: "Ngôn ngữ", en: "Language"), d.language),
                (Text(vi: "Bút tích", en: "Handwritten marks"), d.autograph ? Text(vi: "có", en: "yes")() : ""),
                (Text(vi: "Thời hạn", en: "Retention"), Retention.label(stored: d.retention, Lang.current)),
                (Text(vi: "Tình trạng", en: "Condition"), Condition(rawValue: d.condition)?.label() ?? d.condition),
                (Text(vi: "Từ khóa", en: "Keywords"), d.keywords), (Text(vi: "Ghi chú", en: "Notes"), d.notes),
            ]
            Printer.line(d.ref)
            for (label, value) in rows where !value.isEmpty { Printer.line("  " + label() + ": " + value) }
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: Text(
                vi: "Sửa một văn bản (ghi giá trị cũ để có thể hoàn tác).",
                en: "Change a document (the old values are kept, so it can be undone).")())
        @Argument(
            help: Placeholder.boxFileDocument.on(
                ArgumentHelp(Text(vi: "Văn bản, ví dụ H0012/03/7.", en: "The document, e.g. H0012/03/7.")())))
        var ref: String
        @OptionGroup var fields: Fields
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let draft = try fields.draft()
            guard !draft.isEmpty else { throw CatalogueError.nothingToChange }
            let doc = try global.openForWriting().editDocument(
                try DocumentRef(parsing: ref), draft, by: try who.attribution(), lang: .current)
            if global.json { return try Printer.json(doc) }
            Printer.line(Text(vi: "Đã sửa văn bản \(doc.ref)", en: "Changed document \(doc.ref)")())
            if let warning = doc.warning { Printer.line(Text(vi: "  chú ý: ", en: "  note: ")() + warning) }
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "move",
            abstract: Text(
                vi: "Chuyển văn bản sang hồ sơ khác hoặc số thứ tự khác.",
                en: "Move a document to another file or number.")())
        @Argument(
            help: Placeholder.boxFileDocument.on(
                ArgumentHelp(Text(vi: "Văn bản, ví dụ H0012/03/7.", en: "The document, e.g. H0012/03/7.")())))
        var ref: String
        @Option(
            help: Placeholder.boxFileOptionalDocument.on(
                ArgumentHelp(Text(vi: "Đích: HỘP/HỒSƠ[/SỐ].", en: "Destination: BOX/FILE[/NO].")())))
        var to: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let doc = try global.openForWriting().moveDocument(
                try DocumentRef(parsing: ref), to: try DocumentRef(parsing: to, seqOptional: true),
                by: try who.attribution(), lang: .current)
            if global.json { return try Printer.json(doc) }
            Printer.line(Text(vi: "Văn bản \(ref) nay là \(doc.ref)", en: "Document \(ref) is now \(doc.ref)")())
        }
    }

    struct Kind: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kind",
            abstract: Text(
                vi: "Các tên loại văn bản; thêm một tên loại mới.", en: "The document kinds; add a new one.")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho doc kind; kho doc kind --add to_trinh_2 --vi \"Tờ trình liên tịch\" --en \"Joint submission\" --by Thu",
                en:
                    "Example: kho doc kind; kho doc kind --add joint --vi \"Tờ trình liên tịch\" --en \"Joint submission\" --by Thu"
            )())
        @Option(
            help: Placeholder.key.on(
                ArgumentHelp(
                    Text(
                        vi: "Mã tên loại mới (chữ không dấu, số, _).",
                        en: "New kind key (unaccented letters, digits, _).")()
                )))
        var add: String?
        @Option(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên tiếng Việt.", en: "Vietnamese name.")())))
        var vi: String?
        @Option(help: Placeholder.name.on(ArgumentHelp(Text(vi: "Tên tiếng Anh.", en: "English name.")())))
        var en: String?
        @Option(
            help: Placeholder.abbreviation.on(
                ArgumentHelp(
                    Text(
                        vi: "Chữ viết tắt trong ký hiệu (ví dụ TTr).", en: "Abbreviation used in symbols (e.g. TTr).")()
                )))
        var abbreviation: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            if let add {
                guard let vi else {
                    throw ValidationError(
                        Text(vi: "--add cần --vi (tên tiếng Việt)", en: "--add needs --vi (the Vietnamese name)")())
                }
                let kind = try global.openForWriting().addDocumentKind(
                    DocumentKind(key: add, vi: vi, en: en ?? vi, abbreviation: abbreviation ?? ""),
                    by: try who.attribution())
                if global.json { return try Printer.json(kind) }
                return Printer.line(
                    Text(vi: "Đã thêm tên loại \(kind.key): \(kind.vi)", en: "Added kind \(kind.key): \(kind.en)")())
            }
            let kinds = try global.openForReading().documentKinds()
            if global.json { return try Printer.json(kinds) }
            Printer.table(
                [Text(vi: "Mã", en: "Key")(), "Tiếng Việt", "English", Text(vi: "Viết tắt", en: "Abbr.")()],
                kinds.map { [$0.key, $0.vi, $0.en, $0.abbreviation] })
        }
    }
}
