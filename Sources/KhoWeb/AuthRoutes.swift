import Foundation
import HTTPTypes
import Hummingbird
import KhoKit

/// Log in, log out, the language switch, the session for scripts, the stylesheet.
enum AuthRoutes {
    static func register(_ router: Router<KhoContext>, _ services: WebServices) {
        router.get("/static/kho.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: WebCSS.sheet)))
        }
        router.get("/login") { request, context in
            if context.session != nil { return Responses.redirect("/") }
            let lang: Lang = request.query["lang"] == "en" ? .en : .vi
            return Responses.html(loginPage(lang, message: nil))
        }
        router.post("/login") { request, context in
            let name = context.form.value("user") ?? ""
            let password = context.form["password"] ?? ""
            let client = context.client
            let outcome = try await services.db { store in
                try store.authenticate(name: name, password: password, client: client)
            }
            switch outcome {
            case .success(let user):
                if let old = context.session { services.sessions.end(old.token) }
                let session = services.sessions.start(user)
                var response = Responses.redirect("/")
                response.setCookie(
                    Cookie(
                        name: sessionCookie, value: session.token, path: "/", secure: services.settings.secureCookies,
                        httpOnly: true, sameSite: .strict))
                return response
            case .refused:
                return Responses.html(
                    loginPage(
                        .vi,
                        message: Text(
                            vi: "Sai tên đăng nhập hoặc mật khẩu.", en: "Wrong login name or password.")),
                    status: .unauthorized)
            case .locked(let until):
                let at = services.store.time.dateTime(of: until)
                return Responses.html(
                    loginPage(
                        .vi,
                        message: Text(
                            vi:
                                "Tài khoản tạm khóa đến \(DateFormat.dateTime(at, lang: .vi)) vì nhập sai mật khẩu \(PasswordPolicy.maxFailures) lần. Hỏi người quản trị nếu cần mở sớm (kho user passwd).",
                            en:
                                "The account is locked until \(at) after \(PasswordPolicy.maxFailures) wrong passwords. Ask the administrator to unlock it sooner (kho user passwd)."
                        )),
                    status: .tooManyRequests)
            }
        }
        router.post("/logout") { _, context in
            if let session = context.session { services.sessions.end(session.token) }
            var response = Responses.redirect("/login")
            response.setCookie(
                Cookie(
                    name: sessionCookie, value: "", maxAge: 0, path: "/", secure: services.settings.secureCookies,
                    httpOnly: true, sameSite: .strict))
            return response
        }
        let guarded = Guarded(router: router, services: services)
        guarded.post("/lang", .read) { request, context, session in
            let lang: Lang = context.form["lang"] == "en" ? .en : .vi
            services.sessions.setLanguage(session.token, lang)
            let id = session.userId
            try await services.db { store in try store.setUserLanguage(id: id, lang) }
            return Responses.redirect(request.headers[.referer].flatMap(Guarded.sameSitePath) ?? "/")
        }
        guarded.apiGet("/api/session", .read) { _, _, session in
            try Responses.json(
                [
                    "user": session.login, "full_name": session.fullName, "role": session.role.rawValue,
                    "csrf": session.csrf, "lang": session.lang.rawValue,
                ], lang: session.lang)
        }
    }

    /// The login form (`user`, `password`), with a message after a refusal.
    static func loginPage(_ lang: Lang, message: Text?) -> String {
        let b = PageBuilder(lang: lang, session: nil)
        let body = """
            <div class="login">
            \(message.map { "<p class=\"error\">\(h($0.vi))<br><span class=\"muted\">\(h($0.en))</span></p>" } ?? "")
            <form method="post" action="/login" class="stack">
            \(b.input("user", b.t("Tên đăng nhập", "Login name"), required: true))
            \(b.input("password", b.t("Mật khẩu", "Password"), type: "password", required: true))
            <button type="submit">\(h(b.t("Đăng nhập", "Log in")))</button>
            </form>
            <p class="muted">\(b.link(lang == .vi ? "/login?lang=en" : "/login", lang == .vi ? "English" : "Tiếng Việt"))</p>
            </div>
            """
        return b.page(b.t("Kho lưu trữ — đăng nhập", "Archive — log in"), body)
    }
}
