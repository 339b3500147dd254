import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Testing

@testable import KhoWeb

/// Sessions, CSRF, lock-out, headers, and secret files kept from people without clearance.
@Suite struct SecurityRouteTests {
    @Test func theSessionCookieIsHttpOnlyAndStrict() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let response = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "user=thu&password=\(WebFixture.password)"))
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("kho_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"), "no TLS here")
        }
    }

    @Test func aWrongPasswordIsRefusedAndFiveLockTheAccount() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            for attempt in 1...5 {
                let response = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "user=thu&password=sai-mat-khau"))
                #expect(response.status == (attempt < 5 ? .unauthorized : .tooManyRequests), "attempt \(attempt)")
                #expect(response.headers[.setCookie] == nil)
            }
            // Locked: even the right password is refused now.
            let right = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "user=thu&password=\(WebFixture.password)"))
            #expect(right.status == .tooManyRequests)
            #expect(right.text.contains("khóa"))
        }
        let locks = try fixture.store.events(LogFilter(kind: "user.lock"), lang: .vi)
        #expect(locks.count == 1)
        #expect(locks.first?.recorder.hasPrefix("thu@") == true)
        #expect(try fixture.store.users().first { $0.name == "thu" }?.lockedUntil != nil)
    }

    @Test func aPostWithoutTheCSRFTokenIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let before = try fixture.store.events(lang: .vi).count
        try await fixture.test { client in
            let login = try await client.login("thu")
            let form = try await client.post(
                "/boxes", login, ["box": "H99", "fonds": "UBND-SK1", "extent_m": "0,5"], csrf: false)
            #expect(form.status == .forbidden)
            let wrong = try await client.post(
                "/boxes", login, ["box": "H99", "fonds": "UBND-SK1", "_csrf": "0000"], csrf: false)
            #expect(wrong.status == .forbidden)
            let api = try await client.execute(
                uri: "/api/boxes", method: .post, headers: [.cookie: login.cookie, .contentType: "application/json"],
                body: ByteBuffer(string: #"{"box": "H98", "fonds": "UBND-SK1"}"#))
            #expect(api.status == .forbidden)
        }
        #expect(try fixture.store.events(lang: .vi).count == before)
        #expect(try fixture.store.listBoxes().map(\.code) == ["H01"])
    }

    @Test func everyResponseCarriesAPolicyWithoutScript() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let login = try await client.login("chutich")
            for uri in ["/login", "/", "/report", "/api/status"] {
                let response = try await client.get(uri, login)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"), "\(uri)")
                #expect(!policy.contains("script-src"), "\(uri): scripts fall under default-src 'none'")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(!response.text.contains("<script"), "\(uri)")
            }
        }
    }

    @Test func secretAndRestrictedFilesAreAbsentEverywhereForAViewer() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            for uri in ["/files", "/boxes/H01", "/search?q=ho+so", "/api/search?q=ho%20so", "/log", "/"] {
                let text = try await client.get(uri, viewer).text
                #expect(!text.contains("tuyệt mật"), "\(uri) shows the secret file")
                #expect(!text.contains("H01/03"), "\(uri) names the secret file")
                #expect(!text.contains("nhân sự hạn chế"), "\(uri) shows the restricted file")
            }
            #expect(try await client.get("/search?q=ho+so", viewer).text.contains("Tân Hương"))
            let archivist = try await client.login("thu")
            #expect(try await client.get("/search?q=tuyet+mat", archivist).text.contains("tuyệt mật"))
            #expect(try await client.get("/boxes/H01", archivist).text.contains("H01/03"))
        }
    }

    @Test func loggingOutEndsTheSession() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let login = try await client.login("xem")
            #expect(try await client.post("/logout", login).status == .seeOther)
            #expect(try await client.get("/api/status", login).status == .unauthorized)
        }
    }
}

/// A change made at the server's terminal reaches the sessions already open.
@Suite struct SessionRecheckTests {
    @Test func aDisabledAccountLosesItsSessionAndANewRoleTakesEffect() async throws {
        let fixture = try WebFixture(recheck: 0)
        defer { fixture.remove() }
        let admin = Attribution(actor: "Quản trị", recorder: "test@local", happenedAt: Date(), recordedAt: Date())
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            #expect(try await client.get("/work", viewer).status == .forbidden)
            try fixture.store.setUserRole(name: "xem", .archivist, by: admin)
            #expect(try await client.get("/work", viewer).status == .ok)
            try fixture.store.setUserDisabled(name: "xem", true, by: admin)
            #expect(try await client.get("/api/status", viewer).status == .unauthorized)
        }
    }
}
