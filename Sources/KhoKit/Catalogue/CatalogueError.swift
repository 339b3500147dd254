import Foundation

/// What can be wrong with a catalogue change: unknown or duplicate codes and values out of range.
public enum CatalogueError: KhoError, Equatable {
    case unknownFonds(String)
    case unknownBox(String)
    case unknownFile(String)
    case duplicateFonds(code: String, name: String)
    case duplicateBox(code: String, fonds: String, location: String)
    case duplicateFile(ref: String, title: String)
    case badExtent(String)
    /// An extent above ``Millimetres/largestBox`` (10 m).
    case extentTooLarge(String)
    /// Kept metres above ``Millimetres/largestBox``: more than any box holds.
    case keptBeyondLargestBox(String)
    /// Sheets above the most one file may have (100,000).
    case sheetsTooLarge(String)
    /// Pages of a scan record above the most one file may have (100,000).
    case pagesTooLarge(String)
    /// A new code that does not follow ``CodeRule``.
    case badCode(Thing, code: String, problem: CodeRule.Problem)
    /// A name, title, location or note holding a control or bidi character (shown as `U+001B`).
    case forbiddenCharacter(Field, text: String, character: String)
    /// An extent greater than zero that rounds to 0 mm, e.g. `0.0001`.
    case extentRoundsToZero(String)
    /// A new extent smaller than the metres the box's arrangement kept.
    case extentBelowKept(box: String, extent: Millimetres, kept: Millimetres)
    /// A file with masters on record that was to be moved into another box: how many, and the folders.
    case fileHasMasters(ref: String, masters: Int, folder: String, newFolder: String)
    case badYear(String)
    /// Years written as one text (*thời gian tài liệu*) that is not a year or a range of years.
    case badYearRange(String)
    case yearsBackwards(start: Int, end: Int)
    case badRetention(String)
    case badSheets(String)
    case badCondition(String)
    case badAccess(String)
    case badFileRef(String)
    case emptyCode(Thing)
    case emptyText(Field)

    /// What kind of thing a code names.
    public enum Thing: Sendable, Equatable {
        case fonds, box, file
        var text: Text {
            switch self {
            case .fonds: Text(vi: "phông", en: "fonds")
            case .box: Text(vi: "hộp", en: "box")
            case .file: Text(vi: "hồ sơ", en: "file")
            }
        }

        var example: String {
            switch self {
            case .fonds: "UBND-SK1"
            case .box: "H0012"
            case .file: "03"
            }
        }
    }

    /// Which required text is empty.
    public enum Field: Sendable, Equatable {
        case fondsName, fileTitle, location, notes, holder
        /// Of the destruction list: the group's title, the reason, the council's decision, the destruction record.
        case weedTitle, reason, decision, record
        /// Of a document (the inventory's columns): number, symbol, issuer, summary (*trích yếu*), language,
        /// keywords, information symbol, reliability.
        case docNumber, docSymbol, issuer, summary, language, keywords, infoSymbol, reliability
        var text: Text {
            switch self {
            case .docNumber: Text(vi: "số văn bản", en: "the document number")
            case .docSymbol: Text(vi: "ký hiệu văn bản", en: "the document symbol")
            case .issuer: Text(vi: "tác giả (cơ quan ban hành)", en: "the issuer")
            case .summary: Text(vi: "trích yếu nội dung", en: "the summary")
            case .language: Text(vi: "ngôn ngữ", en: "the language")
            case .keywords: Text(vi: "từ khóa", en: "the keywords")
            case .infoSymbol: Text(vi: "ký hiệu thông tin", en: "the information symbol")
            case .reliability: Text(vi: "mức độ tin cậy", en: "the reliability")
            case .holder: Text(vi: "tên người nhận", en: "the name of who takes it")
            case .weedTitle: Text(vi: "tên loại/nhóm tài liệu", en: "the title of the group of records")
            case .reason: Text(vi: "lý do hủy", en: "the reason for destruction")
            case .decision: Text(vi: "quyết định của Hội đồng", en: "the council's decision")
            case .record: Text(vi: "biên bản hủy", en: "the destruction record")
            case .fondsName: Text(vi: "tên phông", en: "the fonds name")
            case .fileTitle: Text(vi: "tiêu đề hồ sơ", en: "the file title")
            case .location: Text(vi: "vị trí", en: "the location")
            case .notes: Text(vi: "ghi chú", en: "the notes")
            }
        }

        /// Whether the field is one line (no line breaks or tabs): a fonds name, a location.
        var isOneLine: Bool {
            self == .fondsName || self == .location || self == .holder || self == .decision || self == .record
                || self == .docNumber || self == .docSymbol || self == .issuer || self == .language || self == .keywords
                || self == .infoSymbol || self == .reliability
        }
    }
    case boxFromItself(String)
    case nothingToChange

    public var text: Text {
        switch self {
        case .unknownFonds(let code):
            Text(
                vi:
                    "không có phông \(Visible.escaped(code)); xem danh sách bằng `kho fonds list` hoặc thêm bằng `kho fonds add \(Visible.escaped(code)) --name TÊN`",
                en:
                    "there is no fonds \(Visible.escaped(code)); list them with `kho fonds list` or add it with `kho fonds add \(Visible.escaped(code)) --name NAME`"
            )
        case .unknownBox(let code):
            Text(
                vi:
                    "không có hộp \(Visible.escaped(code)); xem danh sách bằng `kho box list` hoặc thêm bằng `kho box add \(Visible.escaped(code)) --fonds MÃ`",
                en:
                    "there is no box \(Visible.escaped(code)); list boxes with `kho box list` or add it with `kho box add \(Visible.escaped(code)) --fonds CODE`"
            )
        case .unknownFile(let ref):
            Text(
                vi: "không có hồ sơ \(Visible.escaped(ref)); xem danh sách bằng `kho file list --box HỘP`",
                en: "there is no file \(Visible.escaped(ref)); list files with `kho file list --box BOX`")
        case .duplicateFonds(let code, let name):
            Text(
                vi: "phông \(code) đã có (\(name)); hãy dùng mã khác",
                en: "fonds \(code) is already registered (\(name)); choose another code")
        case .duplicateBox(let code, let fonds, let location):
            Text(
                vi:
                    "hộp \(code) đã có (phông \(fonds)\(location.isEmpty ? "" : ", vị trí \(location)")); hãy dùng mã khác hoặc sửa bằng `kho box edit \(code)`",
                en:
                    "box \(code) is already registered (fonds \(fonds)\(location.isEmpty ? "" : ", shelf \(location)")); choose another code or change it with `kho box edit \(code)`"
            )
        case .duplicateFile(let ref, let title):
            Text(
                vi: "hồ sơ \(ref) đã có («\(title)»); hãy dùng số hồ sơ khác hoặc sửa bằng `kho file edit \(ref)`",
                en:
                    "file \(ref) is already registered (“\(title)”); choose another file code or change it with `kho file edit \(ref)`"
            )
        case .badExtent(let text):
            Text(
                vi:
                    "độ dài \(text.isEmpty ? "(trống)" : "«\(Visible.escaped(text))»") không hợp lệ: cần một số mét lớn hơn 0, ví dụ 0,125 (một hộp tiêu chuẩn)",
                en:
                    "extent \(text.isEmpty ? "(empty)" : "“\(Visible.escaped(text))”") is not valid: give metres greater than 0, e.g. 0.125 (one standard box)"
            )
        case .extentTooLarge(let text):
            Text(
                vi:
                    "độ dài «\(Visible.escaped(text))» quá lớn: một hộp hay bó tài liệu dài tối đa \(Millimetres.largestBox.formatted(.vi)) m; hãy ghi số mét của từng hộp, ví dụ 0,125 (một hộp tiêu chuẩn)",
                en:
                    "extent “\(Visible.escaped(text))” is too large: one box or bundle is at most \(Millimetres.largestBox.formatted(.en)) m; give the metres of each box, e.g. 0.125 (one standard box)"
            )
        case .keptBeyondLargestBox(let text):
            Text(
                vi:
                    "số mét giữ lại «\(Visible.escaped(text))» quá lớn: một hộp dài tối đa \(Millimetres.largestBox.formatted(.vi)) m và giữ lại không thể hơn độ dài của hộp",
                en:
                    "kept “\(Visible.escaped(text))” is too large: a box is at most \(Millimetres.largestBox.formatted(.en)) m and cannot keep more than its extent"
            )
        case .sheetsTooLarge(let text):
            Text(
                vi: "số tờ «\(Visible.escaped(text))» quá lớn: một hồ sơ có tối đa 100.000 tờ; hãy kiểm tra lại số tờ",
                en: "sheets “\(Visible.escaped(text))” is too large: a file has at most 100,000 sheets; check the count"
            )
        case .pagesTooLarge(let text):
            Text(
                vi:
                    "số trang «\(Visible.escaped(text))» quá lớn: một hồ sơ có tối đa 100.000 trang; hãy kiểm tra lại số trang",
                en: "pages “\(Visible.escaped(text))” is too large: a file has at most 100,000 pages; check the count")
        case .badCode(let thing, let code, let problem):
            Text(
                vi:
                    "mã \(thing.text.vi) «\(Visible.escaped(code))» không hợp lệ: \(Self.problemText(problem).vi). Mã chỉ gồm chữ, số, «-», «_» và «.», không bắt đầu bằng «.» hay «-», không có «..», tối đa \(CodeRule.maxLength) ký tự; ví dụ \(thing.example)",
                en:
                    "\(thing.text.en) code “\(Visible.escaped(code))” is not valid: \(Self.problemText(problem).en). A code has only letters, digits, “-”, “_” and “.”, does not start with “.” or “-”, has no “..”, and is at most \(CodeRule.maxLength) characters; e.g. \(thing.example)"
            )
        case .forbiddenCharacter(let field, let text, let character):
            Text(
                vi:
                    "\(field.text.vi) «\(Visible.escaped(text))» có ký tự điều khiển hoặc ký tự đổi chiều chữ (\(character)): những ký tự này làm sai lệch màn hình và báo cáo; hãy gõ lại không có ký tự đó\(field.isOneLine ? " (viết trên một dòng)" : "")",
                en:
                    "\(field.text.en) “\(Visible.escaped(text))” holds a control or bidi character (\(character)): such characters garble screens and reports; type it again without it\(field.isOneLine ? " (on one line)" : "")"
            )
        case .extentRoundsToZero(let text):
            Text(
                vi:
                    "độ dài «\(Visible.escaped(text))» làm tròn thành 0 mm (kho lưu số mét theo milimét): cần ít nhất 0,001, ví dụ 0,125 (một hộp tiêu chuẩn)",
                en:
                    "extent “\(Visible.escaped(text))” rounds to 0 mm (kho stores metres as whole millimetres): give at least 0.001, e.g. 0.125 (one standard box)"
            )
        case .extentBelowKept(let box, let extent, let kept):
            Text(
                vi:
                    "độ dài mới \(extent.formatted(.vi)) m của hộp \(box) nhỏ hơn số mét đã giữ lại khi chỉnh lý (\(kept.formatted(.vi)) m); giữ lại phải ≤ độ dài: sửa cả hai, ví dụ `kho box edit \(box) --extent \(extent.formatted(.vi)) --kept \(extent.formatted(.vi))`",
                en:
                    "the new extent \(extent.formatted(.en)) m of box \(box) is less than the \(kept.formatted(.en)) m its arrangement kept; kept must not exceed the extent: change both, e.g. `kho box edit \(box) --extent \(extent.formatted(.en)) --kept \(extent.formatted(.en))`"
            )
        case .fileHasMasters(let ref, let masters, let folder, let newFolder):
            Text(
                vi:
                    "hồ sơ \(ref) có \(masters) bản quét đã nạp (thư mục \(folder)), nên không chuyển trong danh mục được: bản quét đi theo thư mục. Hãy chuyển thư mục \(folder) sang \(newFolder), rồi chạy `kho scan ingest`",
                en:
                    "file \(ref) has \(masters) masters on record (folder \(folder)), so it cannot be moved in the catalogue alone: masters follow their folder. Move the folder \(folder) to \(newFolder), then run `kho scan ingest`"
            )
        case .badYear(let text):
            Text(
                vi: "năm «\(Visible.escaped(text))» không hợp lệ: cần năm có 4 chữ số, ví dụ 1998",
                en: "year “\(Visible.escaped(text))” is not valid: give a four-digit year, e.g. 1998")
        case .badYearRange(let text):
            Text(
                vi:
                    "thời gian tài liệu «\(Visible.escaped(text))» không đọc được: viết năm hoặc khoảng năm có 4 chữ số, ví dụ 1995 hoặc 1995-1996",
                en:
                    "dates “\(Visible.escaped(text))” cannot be read: write a four-digit year or a range of years, e.g. 1995 or 1995-1996"
            )
        case .yearsBackwards(let start, let end):
            Text(
                vi: "khoảng năm \(start)–\(end) bị ngược: năm bắt đầu phải trước năm kết thúc",
                en: "year range \(start)–\(end) is backwards: the start year must not be after the end year")
        case .badRetention(let text):
            Text(
                vi:
                    "thời hạn bảo quản «\(Visible.escaped(text))» không hợp lệ: ghi «Vĩnh viễn» hoặc số năm, ví dụ «20 năm» hoặc 10",
                en:
                    "retention “\(Visible.escaped(text))” is not valid: give `permanent` or a positive number of years, e.g. 10"
            )
        case .badSheets(let text):
            Text(
                vi:
                    "số tờ «\(Visible.escaped(text))» không hợp lệ: ghi số tờ là số nguyên không âm, ví dụ 42 hoặc «42 tờ»",
                en: "sheets “\(Visible.escaped(text))” is not valid: give a whole number, 0 or more")
        case .badCondition(let text):
            Text(
                vi: "tình trạng «\(Visible.escaped(text))» không hợp lệ: ghi một trong \(Condition.words(.vi))",
                en: "condition “\(Visible.escaped(text))” is not valid: use one of \(Condition.keys)")
        case .badAccess(let text):
            Text(
                vi: "chế độ sử dụng «\(Visible.escaped(text))» không hợp lệ: ghi một trong \(Access.words(.vi))",
                en: "access “\(Visible.escaped(text))” is not valid: use one of \(Access.keys)")
        case .badFileRef(let text):
            Text(
                vi: "«\(Visible.escaped(text))» không phải tên hồ sơ: viết HỘP/HỒSƠ, ví dụ H0012/03",
                en: "“\(Visible.escaped(text))” is not a file name: write BOX/FILE, e.g. H0012/03")
        case .emptyCode(let what):
            Text(vi: "mã \(what.text.vi) không được để trống", en: "the \(what.text.en) code must not be empty")
        case .emptyText(let field):
            Text(vi: "\(field.text.vi) không được để trống", en: "\(field.text.en) must not be empty")
        case .boxFromItself(let code):
            Text(
                vi: "hộp \(code) không thể được tạo từ chính nó (--from)",
                en: "box \(code) cannot be made from itself (--from)")
        case .nothingToChange:
            Text(
                vi: "không có gì để thay đổi: hãy cho ít nhất một tùy chọn, ví dụ --title hoặc --location",
                en: "nothing to change: give at least one option, e.g. --title or --location")
        }
    }

    /// What is wrong with a code, in words.
    static func problemText(_ problem: CodeRule.Problem) -> Text {
        switch problem {
        case .empty: Text(vi: "mã trống", en: "it is empty")
        case .tooLong(let n): Text(vi: "dài \(n) ký tự", en: "it is \(n) characters long")
        case .character(let c): Text(vi: "có ký tự «\(c)»", en: "it holds “\(c)”")
        case .badStart(let c): Text(vi: "bắt đầu bằng «\(c)»", en: "it starts with “\(c)”")
        case .doubleDot: Text(vi: "có «..»", en: "it holds “..”")
        }
    }
}
