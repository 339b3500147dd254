import Foundation
import KhoKit
import Synchronization

/// A logged-in person's session, kept in the server's memory (a restart logs everyone out).
public struct WebSession: Sendable, Hashable {
    /// The cookie's value: 32 random bytes in hex.
    public var token: String
    public var userId: Int64
    public var login: String
    public var fullName: String
    public var role: Role
    public var lang: Lang
    /// The token every form (`_csrf`) and API write (`X-CSRF-Token`) must carry.
    public var csrf: String
    public var lastSeen: Date
    /// When the account was last read again from the catalogue (a role changed or an account disabled at the
    /// terminal takes effect within ``SessionStore/recheck``).
    public var checked: Date
    /// The catalogue's state (newest event id) after this person's latest write on the web: nothing they read is
    /// older (``ReadCache``).
    public var wrote: Int64 = 0
}

/// The sessions of the people logged in; each expires after ``idle`` without a request.
public final class SessionStore: Sendable {
    public let idle: TimeInterval
    /// How often a session's account is read again from the catalogue.
    public let recheck: TimeInterval
    /// The time now (a test sets its own clock).
    let clock: @Sendable () -> Date
    private let sessions = Mutex<[String: WebSession]>([:])

    public init(
        idle: TimeInterval = 30 * 60, recheck: TimeInterval = 30, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.idle = idle
        self.recheck = recheck
        self.clock = clock
    }

    /// Starts a session for `user`.
    public func start(_ user: UserView) -> WebSession {
        let now = clock()
        let session = WebSession(
            token: Self.randomToken(), userId: user.id, login: user.name, fullName: user.fullName, role: user.role,
            lang: user.lang, csrf: Self.randomToken(), lastSeen: now, checked: now)
        sessions.withLock { all in
            all = all.filter { now.timeIntervalSince($0.value.lastSeen) < idle }
            all[session.token] = session
        }
        return session
    }

    /// The live session with this token, touched; nil (and forgotten) once idle too long.
    /// Records that the person of session `token` wrote, leaving the catalogue at `generation`.
    public func noteWrite(_ token: String, generation: Int64) {
        sessions.withLock { all in
            guard var session = all[token] else { return }
            session.wrote = max(session.wrote, generation)
            all[token] = session
        }
    }

    public func touch(_ token: String) -> WebSession? {
        let now = clock()
        return sessions.withLock { all in
            guard var session = all[token] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < idle else {
                all[token] = nil
                return nil
            }
            session.lastSeen = now
            all[token] = session
            return session
        }
    }

    /// Brings a session in line with its account as the catalogue has it now: ended when the account is gone or
    /// disabled, else with the current role and full name.
    public func refresh(_ token: String, with user: UserView?) -> WebSession? {
        let now = clock()
        return sessions.withLock { all in
            guard let user, !user.disabled else {
                all[token] = nil
                return nil
            }
            all[token]?.role = user.role
            all[token]?.fullName = user.fullName
            all[token]?.checked = now
            return all[token]
        }
    }

    /// Sets the language of a session.
    public func setLanguage(_ token: String, _ lang: Lang) {
        sessions.withLock { $0[token]?.lang = lang }
    }

    /// Ends a session (log out).
    public func end(_ token: String) {
        _ = sessions.withLock { $0.removeValue(forKey: token) }
    }

    /// Ends every session of a user (disabled, role changed).
    public func endAll(userId: Int64) {
        sessions.withLock { all in all = all.filter { $0.value.userId != userId } }
    }

    /// 32 bytes from the system's cryptographic generator, in hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
