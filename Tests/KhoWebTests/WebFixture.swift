import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Testing

@testable import KhoWeb

/// A catalogue with one fonds, one box and three files (open, restricted, secret), one user per role, and the
/// application serving it, for route tests.
struct WebFixture {
    static let password = "mat-khau-dung-1"
    static let time = LocalTime(timeZone: TimeZone(identifier: "Asia/Ho_Chi_Minh")!)
    let store: KhoStore
    let services: WebServices
    let folder: URL

    static let people: [(login: String, full: String, role: Role)] = [
        ("xem", "Trần Văn Xem", .viewer), ("quet", "Lê Thị Hoa", .operator),
        ("thu", "Nguyễn Thị Thu", .archivist), ("chutich", "Phạm Văn Chủ", .leader),
    ]

    init(recheck: TimeInterval = 30, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kho-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("kho.sqlite").path
        store = try KhoStore.open(path: path, forWriting: true, create: true)
        let admin = Attribution(actor: "Quản trị", recorder: "test@local", happenedAt: Date(), recordedAt: Date())
        try store.addFonds(code: "UBND-SK1", name: "UBND xã Sơn Kim 1", by: admin)
        _ = try store.registerBox(
            BoxDraft(code: "H01", fonds: "UBND-SK1", extent: "0,6", location: "A-1", condition: "good"), by: admin)
        for (code, title, access) in [
            ("01", "Hồ sơ cấp đất thôn Tân Hương", "open"), ("02", "Hồ sơ nhân sự hạn chế", "restricted"),
            ("03", "Hồ sơ an ninh tuyệt mật", "secret"),
        ] {
            _ = try store.registerFile(
                FileDraft(ref: FileRef(box: "H01", file: code), title: title, access: access), by: admin)
        }
        for person in Self.people {
            try store.addUser(
                name: person.login, fullName: person.full, role: person.role, password: Self.password, by: admin,
                cost: 4)
        }
        services = WebServices(
            store: store, settings: WebSettings(catalogue: path, scansRoot: folder.path),
            sessions: SessionStore(recheck: recheck, clock: clock))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs `body` against the router, with a fresh session store.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: WebServer.router(services))
        try await app.test(.router, body)
    }
}

/// A logged-in client: its cookie and CSRF token.
struct Login: Sendable {
    var cookie: String
    var csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    /// Headers of a form POST carrying the cookie.
    var form: HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
}

extension TestClientProtocol {
    /// Logs in as `login` and reads the session's CSRF token from `GET /api/session`.
    func login(_ login: String, password: String = WebFixture.password) async throws -> Login {
        let response = try await execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: "user=\(login)&password=\(password)"))
        #expect(response.status == .seeOther, "login of \(login)")
        let setCookie = response.headers[.setCookie] ?? ""
        let cookie = String(setCookie.split(separator: ";").first ?? "")
        let session = try await execute(uri: "/api/session", method: .get, headers: [.cookie: cookie])
        let object = try JSONSerialization.jsonObject(with: Data(session.body.readableBytesView)) as? [String: String]
        return Login(cookie: cookie, csrf: object?["csrf"] ?? "")
    }

    /// A form POST with the session's token unless `csrf` is false.
    func post(
        _ uri: String, _ login: Login, _ fields: [String: String] = [:], csrf: Bool = true
    ) async throws
        -> TestResponse
    {
        var all = fields
        if csrf { all["_csrf"] = login.csrf }
        let body = all.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: login.form, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, _ login: Login) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: login.headers)
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
}
