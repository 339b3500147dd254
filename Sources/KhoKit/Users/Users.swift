import Foundation
import HummingbirdBcrypt

/// A person who may log in to `kho serve`, as `kho user list` shows them (never with the password's hash).
public struct UserView: Codable, Sendable, Hashable {
    public var id: Int64
    /// The login name (`thu.nt`), ASCII, unique without regard to case.
    public var name: String
    /// The name recorded as the actor of every write the person makes on the web.
    public var fullName: String
    public var role: Role
    public var disabled: Bool
    /// Until when wrong passwords lock the account; nil when it is not locked.
    public var lockedUntil: Date?
    /// The language the person chose for the pages.
    public var lang: Lang

    enum CodingKeys: String, CodingKey {
        case id, name, role, disabled, lang
        case fullName = "full_name"
        case lockedUntil = "locked_until"
    }
}

/// What a login attempt came to.
public enum LoginOutcome: Sendable, Equatable {
    /// The password is right: the person is logged in.
    case success(UserView)
    /// Unknown name, wrong password or disabled account (the page does not say which).
    case refused
    /// Too many wrong passwords: the account is locked until then (whatever the password).
    case locked(until: Date)
}

/// How passwords are kept and how many wrong ones lock an account.
public enum PasswordPolicy {
    /// bcrypt's cost for new hashes (2^12 rounds, about a quarter of a second).
    public static let cost: UInt8 = 12
    public static let minimumLength = 8
    /// Wrong passwords in a row that lock the account.
    public static let maxFailures = 5
    /// How long a locked account stays locked.
    public static let lockSeconds: TimeInterval = 15 * 60
    /// A hash checked when the name is unknown, so that a refusal takes as long either way.
    static let decoy = Bcrypt.hash("kho-decoy-password", cost: 4)
}

extension KhoStore {
    /// Adds a person who may log in, with a bcrypt hash of `password` (the password itself is never stored nor logged).
    @discardableResult
    public func addUser(
        name: String, fullName: String, role: Role, password: String, by who: Attribution,
        cost: UInt8 = PasswordPolicy.cost
    ) throws -> UserView {
        let login = try Self.cleanLogin(name)
        let full = fullName.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !full.isEmpty else { throw UserError.emptyFullName }
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: cost)
        return try writing { tx in
            if try tx.users.user(named: login) != nil { throw UserError.exists(login) }
            try tx.users.insert(
                name: login, fullName: full, role: role, hash: hash,
                createdAt: Int64(who.recordedAt.timeIntervalSince1970))
            var event = Event(
                kind: .userAdd, attribution: who, time: time,
                detail: EventDetail(after: ["user": login, "full_name": full, "role": role.rawValue]))
            try tx.events.append(&event)
            guard let user = try tx.users.user(named: login) else { throw UserError.unknown(login) }
            return user.view
        }
    }

    /// Sets a new password (and unlocks the account).
    public func setPassword(
        name: String, password: String, by who: Attribution, cost: UInt8 = PasswordPolicy.cost
    )
        throws
    {
        try Self.checkStrength(password)
        let hash = Bcrypt.hash(password, cost: cost)
        try editUser(name, by: who, note: "password") { users, id in try users.setPassword(hash: hash, id: id) }
    }

    /// Disables an account (or enables it again): a disabled person cannot log in.
    public func setUserDisabled(name: String, _ disabled: Bool, by who: Attribution) throws {
        try editUser(name, by: who, after: ["disabled": disabled ? "yes" : "no"]) { users, id in
            try users.setDisabled(disabled, id: id)
        }
    }

    /// Changes a person's role.
    public func setUserRole(name: String, _ role: Role, by who: Attribution) throws {
        try editUser(name, by: who, after: ["role": role.rawValue]) { users, id in
            try users.setRole(role, id: id)
        }
    }

    /// Saves the language a person chose for the pages (a preference, not an event).
    public func setUserLanguage(id: Int64, _ lang: Lang) throws {
        try writing { tx in try tx.users.setLanguage(lang, id: id) }
    }

    /// Every person who may log in, by login name.
    public func users() throws -> [UserView] {
        try reading { tx in try tx.users.all() }
    }

    /// The person with this id, if the account exists and is enabled.
    public func activeUser(id: Int64) throws -> UserView? {
        try reading { tx in try tx.users.active(id: id) }
    }

    /// Checks a login: a right password resets the count of wrong ones; the fifth wrong one in a row locks the
    /// account for ``PasswordPolicy/lockSeconds`` and records a `user.lock` event (with the client, never the password).
    public func authenticate(
        name: String, password: String, client: String, now: Date = Date()
    ) throws
        -> LoginOutcome
    {
        let login = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let user = try reading({ tx in try tx.users.user(named: login) }) else {
            _ = Bcrypt.verify(password, hash: PasswordPolicy.decoy)
            return .refused
        }
        if let until = user.lockedUntil, until > now { return .locked(until: until) }
        let right = Bcrypt.verify(password, hash: user.hash)
        if right {
            if user.failedAttempts > 0 || user.lockedUntil != nil {
                try writing { tx in try tx.users.clearFailures(id: user.id) }
            }
            return user.disabled ? .refused : .success(user.view)
        }
        return try writing { tx in
            let failures = try tx.users.addFailure(id: user.id)
            guard failures >= PasswordPolicy.maxFailures else { return .refused }
            let until = now.addingTimeInterval(PasswordPolicy.lockSeconds)
            try tx.users.lock(id: user.id, until: Int64(until.timeIntervalSince1970.rounded(.up)))
            let who = Attribution(actor: "kho serve", recorder: "\(login)@\(client)", happenedAt: now, recordedAt: now)
            var event = Event(
                kind: .userLock, attribution: who, time: time,
                detail: EventDetail(
                    after: ["user": login, "locked_until": time.dateTime(of: until)],
                    note: "\(PasswordPolicy.maxFailures) wrong passwords from \(client)"))
            try tx.events.append(&event)
            return .locked(until: until)
        }
    }

    private func editUser(
        _ name: String, by who: Attribution, after: [String: String?] = [:], note: String? = nil,
        _ change: (UserStore, Int64) throws -> Void
    ) throws {
        let login = name.lowercased()
        try writing { tx in
            guard let user = try tx.users.user(named: login) else { throw UserError.unknown(login) }
            try change(tx.users, user.id)
            var detail = after
            detail["user"] = login
            var event = Event(
                kind: .userEdit, attribution: who, time: time, detail: EventDetail(after: detail, note: note))
            try tx.events.append(&event)
        }
    }

    static func cleanLogin(_ name: String) throws -> String {
        let login = name.trimmingCharacters(in: .whitespaces).lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (2...32).contains(login.count), login.allSatisfy({ allowed.contains($0) }) else {
            throw UserError.badName(name)
        }
        return login
    }

    static func checkStrength(_ password: String) throws {
        guard password.count >= PasswordPolicy.minimumLength else {
            throw UserError.weakPassword(minimum: PasswordPolicy.minimumLength)
        }
    }
}
