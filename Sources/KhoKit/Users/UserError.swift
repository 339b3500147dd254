import Foundation

/// What can be wrong with a user of `kho serve` or their password.
public enum UserError: KhoError, Equatable {
    case badName(String)
    case exists(String)
    case unknown(String)
    case badRole(String)
    case emptyFullName
    case weakPassword(minimum: Int)
    case passwordMismatch

    public var text: Text {
        switch self {
        case .badName(let name):
            Text(
                vi:
                    "tên đăng nhập «\(name)» không hợp lệ: dùng 2–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ thu.nt)",
                en:
                    "login name “\(name)” is not valid: use 2–32 ASCII letters, digits, dots, dashes or underscores (e.g. thu.nt)"
            )
        case .exists(let name):
            Text(
                vi: "người dùng «\(name)» đã có: đổi mật khẩu bằng kho user passwd \(name)",
                en: "user “\(name)” already exists: change the password with kho user passwd \(name)")
        case .unknown(let name):
            Text(
                vi: "không có người dùng «\(name)»: xem danh sách bằng kho user list",
                en: "there is no user “\(name)”: see kho user list")
        case .badRole(let role):
            Text(
                vi: "vai trò «\(role)» không có: dùng một trong \(Role.keys)",
                en: "there is no role “\(role)”: use one of \(Role.keys)")
        case .emptyFullName:
            Text(
                vi: "cần họ tên đầy đủ: --full-name \"Nguyễn Thị Thu\" (tên này ghi vào mọi việc người đó làm)",
                en:
                    "a full name is needed: --full-name \"Nguyen Thi Thu\" (it is recorded on every piece of their work)"
            )
        case .weakPassword(let minimum):
            Text(
                vi: "mật khẩu quá ngắn: cần ít nhất \(minimum) ký tự",
                en: "the password is too short: it needs at least \(minimum) characters")
        case .passwordMismatch:
            Text(
                vi: "hai lần nhập mật khẩu không giống nhau; chưa đổi gì",
                en: "the two passwords differ; nothing changed")
        }
    }
}
