import Foundation
import KhoLocale

/// Why a document cannot be recorded as given.
public enum DocumentError: KhoError, Equatable {
    case badRef(String)
    case unknownDocument(String)
    case duplicateDocument(ref: String, summary: String)
    case unknownKind(String, known: String)
    case badKindKey(String)
    case duplicateKind(key: String, name: String)
    case badDate(String)
    /// A document dated after today (the day given, and today).
    case futureDate(String, today: String)
    case badPages(String)
    /// A page count (`--page-count`, *số trang*) that is not a whole number.
    case badPageCount(String)
    case pagesDisagree(range: String, count: Int)
    case badSheetRange(String)
    case notUndoableTouched(doc: String, event: Int64)
    /// A move to the file the document is already in, without a new number: nothing to do.
    case alreadyInFile(doc: String, file: String)

    public var text: Text {
        switch self {
        case .badRef(let t):
            Text(
                vi: "«\(Visible.escaped(t))» không phải tên văn bản: viết HỘP/HỒSƠ/SỐ_THỨ_TỰ, ví dụ H0012/03/7",
                en: "“\(Visible.escaped(t))” is not a document name: write BOX/FILE/NO, e.g. H0012/03/7")
        case .unknownDocument(let ref):
            Text(
                vi:
                    "không có văn bản \(ref) trong danh mục: xem `kho doc list \(ref.split(separator: "/").prefix(2).joined(separator: "/"))`",
                en:
                    "no document \(ref) in the catalogue: see `kho doc list \(ref.split(separator: "/").prefix(2).joined(separator: "/"))`"
            )
        case .duplicateDocument(let ref, let summary):
            Text(
                vi:
                    "đã có văn bản \(ref) («\(Visible.escaped(summary))»): chọn số thứ tự khác, hoặc bỏ số để lấy số tiếp theo",
                en:
                    "document \(ref) already exists (“\(Visible.escaped(summary))”): choose another number, or leave it out to take the next"
            )
        case .unknownKind(let t, let known):
            Text(
                vi:
                    "không có tên loại văn bản «\(Visible.escaped(t))»: dùng một trong \(known), hoặc thêm bằng `kho doc kind add`",
                en: "no document kind “\(Visible.escaped(t))”: use one of \(known), or add it with `kho doc kind add`")
        case .badKindKey(let t):
            Text(
                vi: "mã tên loại «\(Visible.escaped(t))» không hợp lệ: chỉ chữ không dấu, số và _, ví dụ `quyet_dinh`",
                en:
                    "kind key “\(Visible.escaped(t))” is not valid: unaccented letters, digits and _ only, e.g. `quyet_dinh`"
            )
        case .duplicateKind(let key, let name):
            Text(vi: "đã có tên loại \(key) («\(name)»)", en: "kind \(key) (“\(name)”) already exists")
        case .alreadyInFile(let doc, let file):
            Text(
                vi:
                    "văn bản \(doc) đã ở trong hồ sơ \(file): không có gì để chuyển; để đổi số thứ tự hãy cho --to \(file)/SỐ",
                en: "document \(doc) is already in file \(file): nothing to move; to renumber it give --to \(file)/NO")
        case .futureDate(let t, let today):
            Text(
                vi:
                    "ngày văn bản «\(Visible.escaped(t))» sau hôm nay (\(today)): văn bản lưu trữ đã được ban hành, hãy kiểm tra lại ngày",
                en:
                    "document date “\(Visible.escaped(t))” is after today (\(today)): archived records were issued already, check the date"
            )
        case .badDate(let t):
            Text(
                vi: "ngày «\(Visible.escaped(t))» không hợp lệ: viết 15/03/2001, 2001-03-15, 03/2001 hoặc 2001",
                en: "date “\(Visible.escaped(t))” is not valid: write 15/03/2001, 2001-03-15, 03/2001 or 2001")
        case .badPages(let t):
            Text(
                vi:
                    "khoảng trang «\(Visible.escaped(t))» không hợp lệ: viết TỪ-ĐẾN, ví dụ 3-5, hoặc một trang, ví dụ 7",
                en: "page range “\(Visible.escaped(t))” is not valid: write FROM-TO, e.g. 3-5, or one page, e.g. 7")
        case .badPageCount(let t):
            Text(
                vi: "số trang «\(Visible.escaped(t))» không hợp lệ: ghi số nguyên không âm, ví dụ 4",
                en: "page count “\(Visible.escaped(t))” is not valid: give a whole number, 0 or more, e.g. 4")
        case .pagesDisagree(let range, let count):
            Text(
                vi: "khoảng trang \(range) không khớp số lượng trang \(count): bỏ một trong hai, hoặc sửa cho khớp",
                en: "page range \(range) does not agree with the page count \(count): leave one out, or make them agree"
            )
        case .badSheetRange(let t):
            Text(
                vi: "tờ số «\(Visible.escaped(t))» không hợp lệ: viết 3-5 hoặc 7",
                en: "sheet numbers “\(Visible.escaped(t))” are not valid: write 3-5 or 7")
        case .notUndoableTouched(let doc, let event):
            Text(
                vi: "văn bản \(doc) đã được sửa hoặc chuyển sau đó (sự kiện #\(event)): hãy hoàn tác sự kiện đó trước",
                en: "document \(doc) was edited or moved since (event #\(event)): undo that event first")
        }
    }
}

/// Reading the fields of a document as people write them.
enum DocumentFields {
    /// "Số, ký hiệu" split: `12/QĐ-UBND` → (`12`, `QĐ-UBND`); `Số 12/QĐ-UBND` and `12 / QĐ-UBND` too; a value
    /// without `/` is the number when it starts with a digit, else the symbol.
    static func splitNumber(_ raw: String) -> (number: String, symbol: String) {
        var t = Substring(Clean.text(raw))
        // "Số 12/…", "Số: 12/…", "so 12/…": the word is dropped (compared by scalars: String's `hasPrefix` normalises).
        let folded = SearchFold.fold(String(t.prefix(3)))
        if folded.hasPrefix("so"), let second = t.unicodeScalars.dropFirst(2).first,
            second == " " || second == ":" || ("0"..."9").contains(second)
        {
            t = Substring(String(t.unicodeScalars.dropFirst(2).drop { $0 == " " || $0 == ":" }))
        }
        if let slash = t.firstIndex(of: "/") {
            return (trimmed(t[..<slash]), trimmed(t[t.index(after: slash)...]))
        }
        return t.first?.isNumber == true ? (String(t), "") : ("", String(t))
    }

    /// The kind a symbol names by its first part (`QĐ-UBND` → Quyết định), nil when none does. Written with
    /// diacritics, the abbreviation written the same way wins (`HĐ` is Hợp đồng, `HD` Hướng dẫn); without, the first
    /// kind whose abbreviation folds to it.
    static func kind(fromSymbol symbol: String, in kinds: [DocumentKind]) -> DocumentKind? {
        // The first non-empty part between `-` and `/` (found in the bytes: both are ASCII).
        let bytes = symbol.utf8
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "/") }) else {
            return nil
        }
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") } ?? bytes.endIndex
        let part = String(symbol[start..<end])
        let key = SearchFold.fold(part)
        let candidates = kinds.lazy.filter { !$0.abbreviation.isEmpty && SearchFold.folds($0.abbreviation, to: key) }
        if part.utf8.contains(where: { $0 >= 0x80 }) {
            let lowered = SearchFold.lower(part)
            if let exact = candidates.first(where: { SearchFold.lower($0.abbreviation) == lowered }) { return exact }
        }
        return candidates.first
    }

    /// A document's page count (*số trang*): blank, or a whole number 0…100.000; a wrong one is named as pages.
    static func pageCount(_ raw: String) throws -> Int? {
        let t = Clean.text(raw)
        guard !t.isEmpty else { return nil }
        let digits = t.hasPrefix("+") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DocumentError.badPageCount(t)
        }
        guard let n = Int(digits), n <= Clean.largestFile else { throw CatalogueError.pagesTooLarge(t) }
        return n
    }

    /// A date as stored: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, from `15/03/2001`, `15-3-2001`, `15.03.2001`,
    /// `2001-03-15`, `03/2001` or `2001` (the day and month checked against the calendar).
    static func date(_ raw: String?) throws -> String {
        let t = Clean.text(raw)
        guard !t.isEmpty else { return "" }
        guard let parts = DateParts(t) else { throw DocumentError.badDate(t) }
        var y = 0, m = 0, d = 0
        switch parts.count {
        case 1 where parts.digits[0] == 4: y = parts.values[0]
        case 2 where parts.digits[1] == 4: (m, y) = (parts.values[0], parts.values[1])
        case 2 where parts.digits[0] == 4: (y, m) = (parts.values[0], parts.values[1])
        case 3 where parts.digits[0] == 4: (y, m, d) = (parts.values[0], parts.values[1], parts.values[2])
        case 3 where parts.digits[2] == 4: (d, m, y) = (parts.values[0], parts.values[1], parts.values[2])
        default: throw DocumentError.badDate(t)
        }
        guard (1000...2999).contains(y) else { throw DocumentError.badDate(t) }
        if parts.count == 1 { return String(y) }
        guard (1...12).contains(m) else { throw DocumentError.badDate(t) }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        if parts.count == 2 { return "\(y)-\(two(m))" }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { throw DocumentError.badDate(t) }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The numbers of a date written with `/`, `-` or `.` between them (empty parts skipped), read from its bytes:
    /// an import reads one date per row. Nil when a part is not ASCII digits, or has more than 9 of them.
    private struct DateParts {
        var values = [0, 0, 0, 0]
        var digits = [0, 0, 0, 0]
        var count = 0

        init?(_ text: String) {
            var inPart = false
            for byte in text.utf8 {
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") {
                    inPart = false
                    continue
                }
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                if !inPart {
                    guard count < values.count else { return nil }
                    (inPart, count) = (true, count + 1)
                }
                digits[count - 1] += 1
                guard digits[count - 1] <= 9 else { return nil }
                values[count - 1] = values[count - 1] * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
    }

    /// `s` without spaces at either end (by scalars: Foundation's trimming is slow, and an import calls this per cell).
    static func trimmed(_ s: Substring) -> String {
        // Most cells start and end with a visible ASCII character: nothing to trim.
        if let first = s.utf8.first, let last = s.utf8.last, (0x21..<0x80).contains(first),
            (0x21..<0x80).contains(last)
        {
            return String(s)
        }
        let scalars = s.unicodeScalars.drop { $0.properties.isWhitespace }
        var end = scalars.endIndex
        while end > scalars.startIndex, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(scalars[scalars.startIndex..<end])
    }

    /// A range `3-5`, `3–5`, `3 - 5` or one number `7`: (from, to) with 1 ≤ from ≤ to ≤ 100,000.
    static func range(_ raw: String) -> (Int, Int)? {
        // Digits around one `-`, as an import mostly reads them, are read from the bytes.
        func digits(_ s: Substring.UTF8View) -> Int? {
            s.count <= 9 && !s.isEmpty && s.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(Substring(s)) : nil
        }
        if let dash = raw.utf8.firstIndex(of: UInt8(ascii: "-")), let a = digits(raw[..<dash].utf8),
            let b = digits(raw[raw.utf8.index(after: dash)...].utf8)
        {
            return 1 <= a && a <= b && b <= Bounds.filePages ? (a, b) : nil
        }
        let parts = raw.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map(trimmed)
        guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts.last!), 1 <= a, a <= b,
            b <= Bounds.filePages
        else { return nil }
        return (a, b)
    }

    /// Sets `doc`'s fields from `draft` (only those given); `kinds` are the catalogue's document kinds.
    static func apply(
        _ draft: DocumentDraft, to doc: inout DocumentRecord, kinds: [DocumentKind], today: String
    ) throws {
        if let number = draft.number {
            if draft.symbol == nil {
                let (n, s) = splitNumber(number)
                (doc.number, doc.symbol) = (try Clean.line(n, .docNumber), try Clean.line(s, .docSymbol))
            } else {
                doc.number = try Clean.line(number, .docNumber)
            }
        }
        if let symbol = draft.symbol { doc.symbol = try Clean.line(symbol, .docSymbol) }
        if let kind = draft.kind {
            if Clean.text(kind).isEmpty {
                doc.kind = nil
            } else {
                guard let found = DocumentKind.parse(kind, in: kinds) else {
                    throw DocumentError.unknownKind(kind, known: kinds.map(\.vi).joined(separator: ", "))
                }
                doc.kind = found.key
            }
        } else if doc.kind == nil, let inferred = kind(fromSymbol: doc.symbol, in: kinds) {
            doc.kind = inferred.key
        }
        if let date = draft.date {
            doc.date = try Self.date(date)
            // `2031` is after `2026-12-06` when compared on the stored precision.
            if !doc.date.isEmpty, doc.date > today.prefix(doc.date.count) {
                throw DocumentError.futureDate(Clean.text(date), today: today)
            }
        }
        if let issuer = draft.issuer { doc.issuer = try Clean.line(issuer, .issuer) }
        if let summary = draft.summary { doc.summary = try Clean.paragraph(summary, .summary) }
        if let language = draft.language { doc.language = try Clean.line(language, .language) }
        if let pages = draft.pages {
            if Clean.text(pages).isEmpty {
                (doc.pageFrom, doc.pageTo) = (nil, nil)
            } else {
                guard let (a, b) = range(pages) else { throw DocumentError.badPages(pages) }
                (doc.pageFrom, doc.pageTo) = (a, b)
                doc.pages = b - a + 1
            }
        }
        if let count = draft.pageCount {
            let n = try pageCount(count)
            if let a = doc.pageFrom, let b = doc.pageTo, let n, n != b - a + 1 {
                throw DocumentError.pagesDisagree(range: "\(a)-\(b)", count: n)
            }
            doc.pages = n
        }
        if let sheets = draft.sheets {
            let t = Clean.text(sheets)
            guard t.isEmpty || range(t) != nil else { throw DocumentError.badSheetRange(sheets) }
            doc.sheets = t
        }
        if let autograph = draft.autograph { doc.autograph = autograph }
        if let condition = draft.condition {
            doc.condition = Clean.text(condition).isEmpty ? "" : try Clean.condition(condition).rawValue
        }
        if let notes = draft.notes { doc.notes = try Clean.notes(notes) }
        if let retention = draft.retention { doc.retention = try Clean.retention(retention)?.stored }
        if let access = draft.access {
            doc.access = Clean.text(access).isEmpty ? nil : try Clean.access(access).rawValue
        }
        if let keywords = draft.keywords { doc.keywords = try Clean.line(keywords, .keywords) }
        if let info = draft.infoSymbol { doc.infoSymbol = try Clean.line(info, .infoSymbol) }
        if let reliability = draft.reliability { doc.reliability = try Clean.line(reliability, .reliability) }
    }
}

extension DocumentFields {
    /// A warning when a document's date is outside its file's years by more than one year (a reply dated early in the
    /// next year belongs to the file); nil when it is within them, or either is unknown.
    static func yearWarning(date: String, file: FileRecord) -> Text? {
        yearWarning(date: date, startYear: file.startYear, endYear: file.endYear)
    }

    /// ``yearWarning(date:file:)`` from the file's first and last years.
    static func yearWarning(date: String, startYear: Int?, endYear: Int?) -> Text? {
        guard date.utf8.count >= 4, let year = Int(date.prefix(4)), let start = startYear ?? endYear else { return nil }
        let end = endYear ?? start
        guard year < start - 1 || year > end + 1 else { return nil }
        let years = start == end ? "\(start)" : "\(start)–\(end)"
        return Text(
            vi:
                "ngày văn bản \(DateFormat.day(date, lang: .vi)) nằm ngoài thời gian của hồ sơ (\(years)); kiểm tra lại ngày hoặc hồ sơ",
            en: "the document's date \(date) is outside its file's years (\(years)); check the date or the file")
    }
}
