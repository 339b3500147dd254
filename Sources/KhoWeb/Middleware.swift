import Foundation
import HTTPTypes
import Hummingbird
import KhoKit

/// The name of the session cookie.
let sessionCookie = "kho_session"

/// Security headers on every response: a Content-Security-Policy that allows no script at all (and, unless a
/// route set its own, no inline style either), no framing, no sniffing, no referrer, no caching of pages.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = KhoContext
    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// For the report and labels, whose HTML (the same as `kho report`) carries its stylesheet inline: still no script.
    static let inlineStylePolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func handle(
        _ request: Request, context: KhoContext, next: (Request, KhoContext) async throws -> Response
    )
        async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Responses.error(error, context: context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own refusals (an upload over the limit: NIOTooManyBytesError, 413) get the same page
            // and the same headers as any other.
            response = Responses.error(HTTPError(error.status), context: context)
        }
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Finds the session of the cookie, if any, and puts it in the context (touching it: idle time starts again).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = KhoContext
    let services: WebServices

    func handle(
        _ request: Request, context: KhoContext, next: (Request, KhoContext) async throws -> Response
    )
        async throws -> Response
    {
        var context = context
        if let token = request.cookies[sessionCookie]?.value, var session = services.sessions.touch(token) {
            if services.sessions.clock().timeIntervalSince(session.checked) >= services.sessions.recheck {
                let id = session.userId
                let user = try await services.db { store in try store.activeUser(id: id) }
                guard let fresh = services.sessions.refresh(token, with: user) else {
                    return try await next(request, context)
                }
                session = fresh
            }
            context.session = session
        }
        return try await next(request, context)
    }
}

/// Refuses (403) every POST but the login whose CSRF token is missing or wrong: the `X-CSRF-Token` header, else the
/// form's `_csrf` field. Reads the form once (URL-encoded or multipart, within ``WebLimits/uploadBytes``).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = KhoContext

    func handle(
        _ request: Request, context: KhoContext, next: (Request, KhoContext) async throws -> Response
    )
        async throws -> Response
    {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        let type = request.headers[.contentType] ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("multipart/form-data") {
            let buffer = try await request.collectBody(upTo: WebLimits.uploadBytes)
            let data = Data(buffer: buffer)
            context.form =
                type.hasPrefix("multipart/form-data")
                ? try Multipart.parse(data, contentType: type)
                : FormData.urlEncoded(String(decoding: data, as: UTF8.self))
        }
        if request.uri.path == "/login" { return try await next(request, context) }
        guard let session = context.session else { throw HTTPError(.unauthorized) }
        let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? context.form["_csrf"] ?? ""
        guard Self.same(sent, session.csrf) else {
            throw HTTPError(.forbidden, message: "CSRF token missing or wrong")
        }
        return try await next(request, context)
    }

    /// Compares two tokens in constant time.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}

extension Data {
    init(buffer: ByteBuffer) { self.init(buffer.readableBytesView) }
}
