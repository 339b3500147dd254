import Foundation
import GRDB
import GRDBSQLite

/// What can go wrong opening or writing the catalogue database.
public enum StoreError: KhoError, Equatable {
    case notSQLite(path: String)
    case notAFile(path: String)
    case readOnly(path: String)
    case missing(path: String)
    case newerSchema(path: String, unknown: [String])
    case cannotCreate(path: String, reason: String)
    case busy(path: String)
    case diskFull(path: String)
    case io(path: String, reason: String)
    /// Any other SQLite error, as a sentence: its primary code and SQLite's generic words for it, never the SQL.
    case database(path: String, code: Int32, reason: String)
    /// A migration met a table that is not as kho's earlier migrations left it (a catalogue changed by hand).
    case unexpectedSchema(table: String, expected: String)
    /// The catalogue file was replaced (a restore, a copy over it) while a long task was working on it.
    case catalogueReplaced(path: String, task: Text)

    public var text: Text {
        switch self {
        case .notSQLite(let path):
            return Text(
                vi:
                    "tệp \(path) không phải cơ sở dữ liệu SQLite của kho; hãy chỉ --db (hoặc KHO_DB) tới đúng tệp danh mục, hoặc một đường dẫn mới để tạo danh mục mới",
                en:
                    "\(path) is not a kho SQLite database; point --db (or KHO_DB) at the catalogue file, or at a new path to create a new catalogue"
            )
        case .notAFile(let path):
            return Text(
                vi: "\(path) không phải là một tệp; hãy chỉ --db tới tệp danh mục (ví dụ catalog/kho.sqlite)",
                en: "\(path) is not a file; point --db at the catalogue file (e.g. catalog/kho.sqlite)")
        case .readOnly(let path):
            return Text(
                vi:
                    "danh mục \(path) chỉ đọc, không ghi được; hãy cấp quyền ghi (chmod u+w \(path)) hoặc dùng một bản sao ghi được",
                en:
                    "catalogue \(path) is read-only and cannot be written; make it writable (chmod u+w \(path)) or use a writable copy"
            )
        case .missing(let path):
            return Text(
                vi:
                    "chưa có danh mục tại \(path); hãy tạo bằng `kho fonds add MÃ --name TÊN --by TÊN_NGƯỜI`, hoặc chạy tools/demo để có dữ liệu mẫu",
                en:
                    "there is no catalogue at \(path); create one with `kho fonds add CODE --name NAME --by PERSON`, or run tools/demo for sample data"
            )
        case .newerSchema(let path, let unknown):
            return Text(
                vi:
                    "danh mục \(path) được ghi bởi phiên bản kho mới hơn (các bước nâng cấp lạ: \(unknown.joined(separator: ", "))); hãy cập nhật kho trước khi dùng danh mục này",
                en:
                    "catalogue \(path) was written by a newer kho (unknown migrations: \(unknown.joined(separator: ", "))); upgrade kho before using it"
            )
        case .cannotCreate(let path, let reason):
            return Text(
                vi: "không tạo được danh mục tại \(path): \(reason)",
                en: "cannot create a catalogue at \(path): \(reason)")
        case .busy(let path):
            return Text(
                vi: "danh mục \(path) đang bận (người khác đang ghi quá lâu); hãy thử lại sau ít phút",
                en: "catalogue \(path) is busy (someone else has been writing for too long); try again in a few minutes"
            )
        case .diskFull(let path):
            return Text(
                vi:
                    "đĩa chứa \(path) đã đầy; không có gì được ghi. Hãy giải phóng dung lượng (kho cần một ít chỗ trống kể cả khi chỉ đọc) rồi chạy lại",
                en:
                    "the disk holding \(path) is full; nothing was written. Free some space (kho needs a little even to read) and run again"
            )
        case .io(let path, let reason):
            return Text(
                vi: "lỗi đọc/ghi danh mục \(path): \(reason)",
                en: "input/output error on catalogue \(path): \(reason)")
        case .database(let path, let code, let reason):
            return Text(
                vi:
                    "kho không làm xong việc này trên danh mục \(path) (SQLite báo lỗi \(code): \(reason)); không có gì bị thay đổi. Hãy chạy `kho check`; nếu lỗi lặp lại, gửi câu này cho người quản trị",
                en:
                    "kho could not finish this on catalogue \(path) (SQLite error \(code): \(reason)); nothing was changed. Run `kho check`; if it happens again, send this line to your administrator"
            )
        case .unexpectedSchema(let table, let expected):
            return Text(
                vi:
                    "không nâng cấp được danh mục: bảng «\(table)» không có «\(expected)» như kho đã tạo (danh mục bị sửa tay?); không có gì được ghi. Hãy khôi phục một bản sao lưu tốt (`kho restore TỆP --force`)",
                en:
                    "cannot upgrade the catalogue: table “\(table)” does not hold “\(expected)” as kho made it (changed by hand?); nothing was written. Restore a good backup (`kho restore FILE --force`)"
            )
        case .catalogueReplaced(let path, let task):
            return Text(
                vi:
                    "danh mục \(path) đã bị thay (khôi phục hoặc chép đè) trong khi \(task.vi) đang chạy; việc này dừng lại và không ghi gì vào danh mục mới. Hãy xem lại danh mục (`kho check`) rồi chạy lại",
                en:
                    "catalogue \(path) was replaced (restored or copied over) while \(task.en) was running; it stopped and wrote nothing into the new catalogue. Look at the catalogue (`kho check`), then run again"
            )
        }
    }
}

extension StoreError {
    /// `error` as a sentence when it is SQLite's (its extended code's generic words; the SQL and SQLite's own message,
    /// which may quote it, never reach a person), else nil.
    public static func sentence(for error: any Error, path: String) -> StoreError? {
        guard let error = error as? DatabaseError else { return nil }
        return database(error, path: path)
    }

    static func database(_ error: DatabaseError, path: String) -> StoreError {
        let code = error.extendedResultCode.rawValue
        return .database(path: path, code: code, reason: String(cString: sqlite3_errstr(code)))
    }
}
