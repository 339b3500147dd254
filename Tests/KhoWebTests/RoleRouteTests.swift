import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Testing

@testable import KhoWeb

/// Each role gets exactly what it may: every page and API route, read by every role.
@Suite struct RoleRouteTests {
    /// A route and the status each role gets (viewer, operator, archivist, leader).
    struct Case: Sendable, CustomStringConvertible {
        let uri: String
        let expected: [HTTPResponse.Status]
        var description: String { uri }
    }

    static let ok = HTTPResponse.Status.ok
    static let no = HTTPResponse.Status.forbidden
    static let gone = HTTPResponse.Status.notFound

    static let cases: [Case] = [
        Case(uri: "/", expected: [ok, ok, ok, ok]),
        Case(uri: "/boxes", expected: [ok, ok, ok, ok]),
        Case(uri: "/files", expected: [ok, ok, ok, ok]),
        Case(uri: "/boxes/H01", expected: [ok, ok, ok, ok]),
        Case(uri: "/files/H01/01", expected: [ok, ok, ok, ok]),
        Case(uri: "/files/H01/02", expected: [gone, gone, ok, ok]),
        Case(uri: "/files/H01/03", expected: [gone, gone, ok, ok]),
        Case(uri: "/files/H01/01/pdf", expected: [gone, gone, gone, gone]),
        Case(uri: "/search?q=ho+so", expected: [ok, ok, ok, ok]),
        Case(uri: "/log", expected: [ok, ok, ok, ok]),
        Case(uri: "/scan", expected: [no, ok, ok, no]),
        Case(uri: "/jobs", expected: [no, ok, ok, no]),
        Case(uri: "/work", expected: [no, no, ok, no]),
        Case(uri: "/labels?boxes=H01", expected: [no, no, ok, no]),
        Case(uri: "/estimate", expected: [no, no, no, ok]),
        Case(uri: "/estimate/report?staff_scanning=2", expected: [no, no, no, ok]),
        Case(uri: "/report", expected: [no, no, no, ok]),
        Case(uri: "/api/session", expected: [ok, ok, ok, ok]),
        Case(uri: "/api/status", expected: [ok, ok, ok, ok]),
        Case(uri: "/api/search?q=dat", expected: [ok, ok, ok, ok]),
        Case(uri: "/api/files/H01/01", expected: [ok, ok, ok, ok]),
        Case(uri: "/api/files/H01/03", expected: [gone, gone, ok, ok]),
        Case(uri: "/api/files/H01/99", expected: [gone, gone, gone, gone]),
        Case(uri: "/api/estimate", expected: [no, no, no, ok]),
    ]

    @Test(arguments: cases)
    func eachRoleGetsWhatItMay(_ route: Case) async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            for (index, person) in WebFixture.people.enumerated() {
                let login = try await client.login(person.login)
                let response = try await client.get(route.uri, login)
                #expect(
                    response.status == route.expected[index], "\(route.uri) as \(person.role): \(response.status)")
            }
        }
    }

    @Test func withoutASessionPagesGoToLoginAndTheAPIIs401() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let page = try await client.execute(uri: "/boxes", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
            let api = try await client.execute(uri: "/api/status", method: .get)
            #expect(api.status == .unauthorized)
            let login = try await client.execute(uri: "/login", method: .get)
            #expect(login.status == .ok)
            #expect(login.text.contains("name=\"user\""))
            #expect(login.text.contains("name=\"password\""))
        }
    }

    @Test func statusAPIHasTheCLIKeysAndValues() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let expected = try fixture.store.status().progress.totalMetres
        try await fixture.test { client in
            let login = try await client.login("xem")
            let response = try await client.get("/api/status", login)
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect((object?["total_m"] as? Double) == expected)
            for key in ["arranged_m", "kept_m", "weeded_m", "digitized_m", "boxes", "files", "ladder", "fonds"] {
                #expect(object?[key] != nil, "key \(key)")
            }
            let page = try await client.get("/", login)
            #expect(page.text.contains("data-key=\"total_m\" data-value=\"\(expected)\""))
        }
    }
}
