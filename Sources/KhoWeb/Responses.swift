import Foundation
import HTTPTypes
import Hummingbird
import KhoKit

/// Builds responses: HTML pages, JSON, redirects and error pages.
enum Responses {
    static func html(_ page: String, status: HTTPResponse.Status = .ok, policy: String? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        if let policy { headers[.contentSecurityPolicy] = policy }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// JSON as the CLI's `--json` writes it (``KhoJSON``), its texts in the person's language.
    static func json<T: Encodable>(_ value: T, lang: Lang, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try KhoJSON.encode(value, lang: lang)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// After a successful form POST: 303 to the page that shows the result.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// An HTTP error as a short page (or JSON under /api/), in the person's language.
    static func error(_ error: HTTPError, context: KhoContext) -> Response {
        let lang = context.lang
        let message: String
        switch error.status {
        case .unauthorized: message = Text(vi: "Cần đăng nhập.", en: "Please log in.")(lang)
        case .forbidden:
            message =
                error.body == "CSRF token missing or wrong"
                ? Text(
                    vi: "Biểu mẫu đã cũ hoặc không hợp lệ (thiếu mã chống giả mạo): tải lại trang rồi làm lại.",
                    en: "The form is stale or invalid (no anti-forgery token): reload the page and try again.")(lang)
                : Text(
                    vi: "Vai trò của bạn không được làm việc này.", en: "Your role may not do this.")(lang)
        case .notFound: message = Text(vi: "Không có trang này.", en: "There is no such page.")(lang)
        case .contentTooLarge:
            message = Text(vi: "Tệp gửi lên quá lớn (tối đa 5 MB).", en: "The upload is too large (5 MB at most).")(
                lang)
        default: message = error.body ?? "\(error.status.code)"
        }
        let builder = PageBuilder(lang: lang, session: context.session)
        let body =
            "<p class=\"error\">\(h(message))</p><p>\(builder.link("/", Text(vi: "Về trang tổng quan", en: "Back to the dashboard")(lang)))</p>"
        var response = html(builder.page("\(error.status.code)", body), status: error.status)
        if error.status == .unauthorized { response.headers[.location] = "/login" }
        return response
    }
}

/// A page-level failure a person can act on: a KhoKit error shown as the form's message, 400 or 409.
struct PageError: Error {
    let status: HTTPResponse.Status
    let message: Text
}

/// Registers routes that need a logged-in person with a permission; handlers get the session.
struct Guarded {
    let router: Router<KhoContext>
    let services: WebServices

    typealias Handler = @Sendable (Request, KhoContext, WebSession) async throws -> Response

    func get(_ path: RouterPath, _ permission: Permission, _ handler: @escaping Handler) {
        router.get(path) { request, context in
            try await Self.run(request, context, permission, api: false, handler)
        }
    }

    func post(_ path: RouterPath, _ permission: Permission, _ handler: @escaping Handler) {
        let services = self.services
        router.post(path) { request, context in
            let response = try await Self.run(request, context, permission, api: false, handler)
            if let token = context.session?.token { await services.noteWrite(token) }
            return response
        }
    }

    func apiGet(_ path: RouterPath, _ permission: Permission, _ handler: @escaping Handler) {
        router.get(path) { request, context in try await Self.run(request, context, permission, api: true, handler) }
    }

    func apiPost(_ path: RouterPath, _ permission: Permission, _ handler: @escaping Handler) {
        let services = self.services
        router.post(path) { request, context in
            let response = try await Self.run(request, context, permission, api: true, handler)
            if let token = context.session?.token { await services.noteWrite(token) }
            return response
        }
    }

    /// Checks the session and the permission, runs the handler, and turns a refusal of the library into a page
    /// (or JSON) that says what to do.
    private static func run(
        _ request: Request, _ context: KhoContext, _ permission: Permission, api: Bool, _ handler: Handler
    ) async throws -> Response {
        guard let session = context.session else {
            if api { throw HTTPError(.unauthorized) }
            return Responses.redirect("/login")
        }
        guard permission.allows(session.role) else { throw HTTPError(.forbidden) }
        do {
            return try await handler(request, context, session)
        } catch let error as PageError {
            return try failure(error.message, status: error.status, request, session, api: api)
        } catch let error as KhoError {
            return try failure(error.text, status: .badRequest, request, session, api: api)
        }
    }

    /// A write the catalogue refused: its message as JSON, or a page with a way back.
    private static func failure(
        _ message: Text, status: HTTPResponse.Status, _ request: Request, _ session: WebSession, api: Bool
    ) throws -> Response {
        if api { return try Responses.json(["error": message(session.lang)], lang: session.lang, status: status) }
        let builder = PageBuilder(lang: session.lang, session: session)
        let back = request.headers[.referer].flatMap(Self.sameSitePath) ?? "/"
        let body =
            "<p class=\"error\">\(h(message(session.lang)))</p><p>\(builder.link(back, builder.t("Quay lại", "Go back")))</p>"
        return Responses.html(builder.page(builder.t("Chưa làm được", "Not done"), body), status: status)
    }

    /// The path of a Referer on this site (never another site's address).
    static func sameSitePath(_ referer: String) -> String? {
        guard let url = URL(string: referer) else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        return path + (url.query.map { "?\($0)" } ?? "")
    }
}
