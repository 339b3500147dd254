import Foundation

/// One bad row of an import: where it is and what is wrong.
public struct RowProblem: Codable, Sendable, Hashable {
    /// The line of the file where the row starts (1 is the header).
    public var line: Int
    /// The row's code as written (box, or BOX/FILE), when it has one.
    public var code: String?
    public var message: String
}

/// What can be wrong with a CSV import; nothing is imported when any of these is thrown.
public enum ImportError: KhoError, Equatable {
    case cannotRead(path: String, reason: Text)
    case empty(path: String)
    case notUTF8(path: String, looksLike1258: Bool)
    case mojibake(path: String, line: Int, sample: String)
    case missingColumns(path: String, missing: [String], found: [String])
    case unknownColumns(path: String, unknown: [String], accepted: [String])
    case duplicateColumn(path: String, column: String)
    case badRows(path: String, problems: [RowProblem], rows: Int)
    /// A quoted field opened on `line` and never closed: every later row would be swallowed into it.
    case unterminatedQuote(path: String, line: Int, sample: String)
    /// A NUL byte on `line`: the file is damaged or not a text CSV (SQLite would cut text at it).
    case nulByte(path: String, line: Int)
    /// Text after the closing quote of a field on `line` (`"a"b`), which the reader would garble.
    case textAfterQuote(path: String, line: Int, sample: String)

    /// A column's Vietnamese heading, with its English name: «Hộp số» (box).
    static func vietnamese(_ column: String) -> String {
        let names: [String: String] = [
            "box": "Hộp số", "file": "Hồ sơ số (Số, ký hiệu hồ sơ)", "title": "Tiêu đề hồ sơ", "fonds": "Mã phông",
            "extent_m": "Số mét",
            "location": "Vị trí", "start_year": "Năm bắt đầu", "end_year": "Năm kết thúc",
            "years": "Thời gian tài liệu",
            "condition": "Tình trạng", "notes": "Ghi chú", "from": "Từ hộp", "retention": "Thời hạn bảo quản",
            "sheets": "Số tờ",
            "sheets_pages": "Số tờ/Số trang", "access": "Chế độ sử dụng", "archive_id": "Mã hồ sơ", "pages": "Số trang",
            "date": "Ngày quét", "by": "Người quét", "quantity": "Số lượng", "reason": "Lý do hủy",
        ]
        return names[column].map { "«\($0)» (\(column))" } ?? column
    }

    public var text: Text {
        switch self {
        case .cannotRead(let path, let reason):
            return Text(vi: "không đọc được tệp \(path): \(reason.vi)", en: "cannot read \(path): \(reason.en)")
        case .empty(let path):
            return Text(
                vi: "tệp \(path) trống: cần một dòng tiêu đề cột và ít nhất một dòng dữ liệu",
                en: "\(path) is empty: it needs a header row and at least one data row")
        case .notUTF8(let path, let looks1258):
            let hintVI = looks1258 ? " (có vẻ là bảng mã Windows-1258 của Excel tiếng Việt)" : ""
            let hintEN = looks1258 ? " (it looks like Windows-1258, as Excel writes on Vietnamese Windows)" : ""
            return Text(
                vi:
                    "tệp \(path) không phải UTF-8\(hintVI). Trong Excel hãy chọn File › Save As › «CSV UTF-8 (Comma delimited) (*.csv)», hoặc chạy lại với --encoding windows-1258. Chưa nhập gì.",
                en:
                    "\(path) is not UTF-8\(hintEN). In Excel use File › Save As › “CSV UTF-8 (Comma delimited) (*.csv)”, or run again with --encoding windows-1258. Nothing was imported."
            )
        case .mojibake(let path, let line, let sample):
            return Text(
                vi:
                    "tệp \(path) dòng \(line) có chữ bị lỗi mã hóa («\(Visible.escaped(sample))»): tệp đã từng bị mở sai bảng mã rồi lưu lại. Hãy lấy lại tệp gốc và lưu dạng «CSV UTF-8». Chưa nhập gì.",
                en:
                    "\(path) line \(line) holds garbled text (“\(Visible.escaped(sample))”): the file was once opened in the wrong encoding and saved again. Take the original and save it as “CSV UTF-8”. Nothing was imported."
            )
        case .missingColumns(let path, let missing, let found):
            return Text(
                vi:
                    "tệp \(path) thiếu cột: \(missing.map(Self.vietnamese).joined(separator: ", ")) (dòng tiêu đề có: \(Visible.escaped(found.joined(separator: ", ")))). Chưa nhập gì.",
                en:
                    "\(path) lacks columns: \(missing.joined(separator: ", ")) (the header has: \(Visible.escaped(found.joined(separator: ", ")))). Nothing was imported."
            )
        case .unknownColumns(let path, let unknown, let accepted):
            return Text(
                vi:
                    "tệp \(path) có cột lạ: \(Visible.escaped(unknown.joined(separator: ", "))); các cột dùng được: \(accepted.map(Self.vietnamese).joined(separator: ", ")). Chưa nhập gì.",
                en:
                    "\(path) has unknown columns: \(Visible.escaped(unknown.joined(separator: ", "))); accepted columns: \(accepted.joined(separator: ", ")). Nothing was imported."
            )
        case .duplicateColumn(let path, let column):
            return Text(
                vi: "tệp \(path) có cột \(Visible.escaped(column)) hai lần. Chưa nhập gì.",
                en: "\(path) has column \(Visible.escaped(column)) twice. Nothing was imported.")
        case .unterminatedQuote(let path, let line, let sample):
            let shown = Visible.escaped(sample)
            return Text(
                vi:
                    "tệp \(path) dòng \(line): ô bắt đầu bằng dấu ngoặc kép («\(shown)») không có dấu ngoặc kép đóng, nên mọi dòng sau đó sẽ bị gộp vào ô này. Hãy thêm dấu \" đóng ở cuối ô (hoặc bỏ dấu \" mở; dấu \" trong ô thì gõ hai lần \"\"), rồi nhập lại. Chưa nhập gì.",
                en:
                    "\(path) line \(line): a field opens with a quote (“\(shown)”) that is never closed, so every later row would be swallowed into it. Add the closing \" at the end of the field (or remove the opening \"; a \" inside a field is written twice, \"\"), then import again. Nothing was imported."
            )
        case .textAfterQuote(let path, let line, let sample):
            let shown = Visible.escaped(sample)
            return Text(
                vi:
                    "tệp \(path) dòng \(line): ô «\(shown)» có chữ sau dấu ngoặc kép đóng; ô có ngoặc kép phải kết thúc ngay sau dấu \" đóng, và dấu \" trong ô thì gõ hai lần (\"\"). Sửa rồi nhập lại. Chưa nhập gì.",
                en:
                    "\(path) line \(line): field “\(shown)” has text after its closing quote; a quoted field ends right after its closing \", and a \" inside it is written twice (\"\"). Fix it and import again. Nothing was imported."
            )
        case .nulByte(let path, let line):
            return Text(
                vi:
                    "tệp \(path) dòng \(line) có ký tự NUL (byte 0): tệp bị hỏng hoặc không phải CSV văn bản; hãy lưu lại từ Excel dạng \"CSV UTF-8\" rồi nhập lại. Chưa nhập gì.",
                en:
                    "\(path) line \(line) holds a NUL character (byte 0): the file is damaged or not a text CSV; save it again from Excel as \"CSV UTF-8\" and import again. Nothing was imported."
            )
        case .badRows(let path, let problems, let rows):
            let shown = problems.prefix(200)
            let listVI = shown.map {
                "  dòng \($0.line)\($0.code.map { " (\(Visible.escaped($0)))" } ?? ""): \(Visible.escaped($0.message))"
            }.joined(separator: "\n")
            let listEN = shown.map {
                "  line \($0.line)\($0.code.map { " (\(Visible.escaped($0)))" } ?? ""): \(Visible.escaped($0.message))"
            }.joined(separator: "\n")
            let moreVI = problems.count > shown.count ? "\n  … và \(problems.count - shown.count) dòng lỗi nữa" : ""
            let moreEN = problems.count > shown.count ? "\n  … and \(problems.count - shown.count) more bad rows" : ""
            return Text(
                vi:
                    "tệp \(path): \(problems.count) trong \(rows) dòng có lỗi; chưa nhập dòng nào. Sửa các dòng sau rồi nhập lại:\n\(listVI)\(moreVI)",
                en:
                    "\(path): \(problems.count) of \(rows) rows are bad; nothing was imported. Fix these rows and import again:\n\(listEN)\(moreEN)"
            )
        }
    }
}
