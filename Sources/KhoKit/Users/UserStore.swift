import Foundation
import GRDB

/// The people who may log in (table `users`), as one transaction reads and writes them.
struct UserStore {
    let db: Database

    /// The person with login `name` (lower case), enabled or not; nil when there is none.
    func user(named login: String) throws -> UserRow? {
        try Row.fetchOne(db, sql: "SELECT * FROM users WHERE name = ?", arguments: [login]).map(UserRow.init)
    }

    /// Adds a person with a password's hash, created at `createdAt` (seconds since 1970).
    func insert(name: String, fullName: String, role: Role, hash: String, createdAt: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO users (name, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [name, fullName, role.rawValue, hash, createdAt])
    }

    /// Sets person `id`'s password hash and unlocks the account.
    func setPassword(hash: String, id: Int64) throws {
        try db.execute(
            sql: "UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
            arguments: [hash, id])
    }

    func setDisabled(_ disabled: Bool, id: Int64) throws {
        try db.execute(sql: "UPDATE users SET disabled = ? WHERE id = ?", arguments: [disabled, id])
    }

    func setRole(_ role: Role, id: Int64) throws {
        try db.execute(sql: "UPDATE users SET role = ? WHERE id = ?", arguments: [role.rawValue, id])
    }

    func setLanguage(_ lang: Lang, id: Int64) throws {
        try db.execute(sql: "UPDATE users SET lang = ? WHERE id = ?", arguments: [lang.rawValue, id])
    }

    /// Every person, by login name.
    func all() throws -> [UserView] {
        try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY name").map { UserRow(row: $0).view }
    }

    /// The person with this id, if the account exists and is enabled.
    func active(id: Int64) throws -> UserView? {
        try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ? AND disabled = 0", arguments: [id])
            .map { UserRow(row: $0).view }
    }

    /// Forgets person `id`'s wrong passwords and lock.
    func clearFailures(id: Int64) throws {
        try db.execute(sql: "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?", arguments: [id])
    }

    /// Counts one more wrong password for person `id`; returns how many there are in a row now.
    func addFailure(id: Int64) throws -> Int {
        try db.execute(sql: "UPDATE users SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [id])
        return try Int.fetchOne(db, sql: "SELECT failed_attempts FROM users WHERE id = ?", arguments: [id]) ?? 0
    }

    /// Locks person `id`'s account until `until` (seconds since 1970), forgetting the wrong passwords.
    func lock(id: Int64, until: Int64) throws {
        try db.execute(
            sql: "UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?", arguments: [until, id])
    }

    /// The access of file `file` in box `box` as stored; nil when there is no such file (one cached statement: a page
    /// asks for each ref it shows).
    func access(box: String, file: String) throws -> String? {
        let statement = try db.cachedStatement(
            sql: "SELECT f.access FROM file f JOIN box b ON b.id = f.box_id WHERE b.code = ? AND f.code = ?")
        return try String.fetchOne(statement, arguments: [box, file])
    }
}

extension Stores {
    /// The people who may log in, in this transaction.
    var users: UserStore { UserStore(db: db) }
}

/// A row of the `users` table, with the hash and the count of wrong passwords.
struct UserRow {
    var id: Int64
    var hash: String
    var failedAttempts: Int
    var lockedUntil: Date?
    var disabled: Bool
    var view: UserView

    init(row: Row) {
        id = row["id"]
        hash = row["password_hash"]
        failedAttempts = row["failed_attempts"]
        disabled = row["disabled"]
        lockedUntil = (row["locked_until"] as Int64?).map { Date(timeIntervalSince1970: TimeInterval($0)) }
        view = UserView(
            id: id, name: row["name"], fullName: row["full_name"], role: Role(rawValue: row["role"]) ?? .viewer,
            disabled: disabled, lockedUntil: lockedUntil, lang: Lang(rawValue: row["lang"]) ?? .vi)
    }
}
