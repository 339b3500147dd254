import ArgumentParser
import Foundation
import KhoKit

#if canImport(Glibc)
    import Glibc
#endif

/// `kho user`: who may log in to `kho serve`, with which role. Only at the server's terminal.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: Text(
            vi:
                "Người dùng của kho serve: thêm, đổi mật khẩu, khóa, liệt kê (vai trò viewer|operator|archivist|leader).",
            en: "Users of kho serve: add, change password, disable, list (roles viewer|operator|archivist|leader).")(),
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, SetRole.self, List.self])

    /// How the password is read: from the terminal twice (not shown), or one line of standard input.
    struct PasswordOptions: ParsableArguments {
        @Flag(
            name: .customLong("password-stdin"),
            help: ArgumentHelp(
                Text(
                    vi: "Đọc mật khẩu từ đầu vào chuẩn (một dòng), cho script.",
                    en: "Read the password from standard input (one line), for scripts.")()))
        var stdin = false

        func read() throws -> String {
            if stdin {
                let line = Swift.readLine(strippingNewline: true) ?? ""
                return line.hasSuffix("\r") ? String(line.dropLast()) : line
            }
            let first = prompt(Text(vi: "Mật khẩu: ", en: "Password: ")())
            let second = prompt(Text(vi: "Nhập lại mật khẩu: ", en: "Repeat the password: ")())
            guard first == second else { throw UserError.passwordMismatch }
            return first
        }

        private func prompt(_ text: String) -> String {
            guard let raw = getpass(text) else { return "" }
            return String(cString: raw)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(vi: "Thêm người dùng.", en: "Add a user.")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho user add thu --full-name \"Nguyễn Thị Thu\" --role archivist --by \"Quản trị\"\nVai trò: viewer (xem, tìm, tải bản PDF/A hồ sơ công khai), operator (thêm: ghi việc số hóa), archivist (thêm: mọi việc ghi danh mục; xem hồ sơ mật/hạn chế), leader (xem tất cả, dự toán, báo cáo, quyết định hủy).",
                en:
                    "Example: kho user add thu --full-name \"Nguyen Thi Thu\" --role archivist --by Admin\nRoles: viewer (read, search, download PDF/A copies of open files), operator (also scanning work), archivist (also every catalogue write; sees secret/restricted files), leader (reads everything, estimates, report, destruction decisions)."
            )())
        @Argument(
            help: Placeholder.login.on(
                ArgumentHelp(Text(vi: "Tên đăng nhập, ví dụ thu.nt.", en: "Login name, e.g. thu.nt.")())))
        var name: String
        @Option(
            name: .customLong("full-name"),
            help: Placeholder.fullName.on(
                ArgumentHelp(
                    Text(vi: "Họ tên, ghi vào mọi việc người đó làm.", en: "Full name, recorded on all their work.")()))
        )
        var fullName: String
        @Option(help: ArgumentHelp(Text(vi: "Vai trò.", en: "Role.")(), valueName: "viewer|operator|archivist|leader"))
        var role: String
        @OptionGroup var password: PasswordOptions
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard let parsed = Role.parse(role) else { throw UserError.badRole(role) }
            let store = try global.openForWriting()
            let user = try store.addUser(
                name: name, fullName: fullName, role: parsed, password: try password.read(), by: try who.attribution())
            if global.json { return try Printer.json(user) }
            Printer.line(
                Text(
                    vi: "Đã thêm người dùng \(user.name) (\(user.fullName)), vai trò \(user.role.label.vi).",
                    en: "Added user \(user.name) (\(user.fullName)), role \(user.role.label.en).")())
        }
    }

    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: Text(vi: "Đặt mật khẩu mới (và mở khóa).", en: "Set a new password (and unlock).")())
        @Argument(
            help: Placeholder.login.on(ArgumentHelp(Text(vi: "Tên đăng nhập.", en: "Login name.")())))
        var name: String
        @OptionGroup var password: PasswordOptions
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            try store.setPassword(name: name, password: try password.read(), by: try who.attribution())
            Printer.line(Text(vi: "Đã đổi mật khẩu của \(name).", en: "Changed the password of \(name).")())
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: Text(vi: "Khóa tài khoản: không đăng nhập được nữa.", en: "Disable an account: no more logins.")()
        )
        @Argument(
            help: Placeholder.login.on(ArgumentHelp(Text(vi: "Tên đăng nhập.", en: "Login name.")())))
        var name: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.openForWriting().setUserDisabled(name: name, true, by: try who.attribution())
            Printer.line(Text(vi: "Đã khóa tài khoản \(name).", en: "Disabled \(name).")())
        }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "enable",
            abstract: Text(vi: "Mở lại tài khoản đã khóa.", en: "Enable a disabled account again.")())
        @Argument(
            help: Placeholder.login.on(ArgumentHelp(Text(vi: "Tên đăng nhập.", en: "Login name.")())))
        var name: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try global.openForWriting().setUserDisabled(name: name, false, by: try who.attribution())
            Printer.line(Text(vi: "Đã mở lại tài khoản \(name).", en: "Enabled \(name).")())
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "role",
            abstract: Text(vi: "Đổi vai trò của người dùng.", en: "Change a user's role.")())
        @Argument(
            help: Placeholder.login.on(ArgumentHelp(Text(vi: "Tên đăng nhập.", en: "Login name.")())))
        var name: String
        @Argument(help: ArgumentHelp(valueName: "viewer|operator|archivist|leader")) var role: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            guard let parsed = Role.parse(role) else { throw UserError.badRole(role) }
            try global.openForWriting().setUserRole(name: name, parsed, by: try who.attribution())
            Printer.line(
                Text(vi: "\(name): vai trò \(parsed.label.vi).", en: "\(name): role \(parsed.label.en).")())
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: Text(vi: "Liệt kê người dùng.", en: "List users.")())
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForReading()
            let all = try store.users()
            if global.json { return try Printer.json(all) }
            Printer.table(
                [
                    Text(vi: "Tên đăng nhập", en: "Login")(), Text(vi: "Họ tên", en: "Full name")(),
                    Text(vi: "Vai trò", en: "Role")(), Text(vi: "Trạng thái", en: "State")(),
                ],
                all.map { u in
                    let state: String
                    if u.disabled {
                        state = Text(vi: "đã khóa", en: "disabled")()
                    } else if let until = u.lockedUntil, until > Date() {
                        state = Text(
                            vi: "tạm khóa đến \(DateFormat.dateTime(store.time.dateTime(of: until)))",
                            en: "locked until \(store.time.dateTime(of: until))")()
                    } else {
                        state = Text(vi: "hoạt động", en: "active")()
                    }
                    return [u.name, u.fullName, u.role.rawValue, state]
                })
        }
    }
}
