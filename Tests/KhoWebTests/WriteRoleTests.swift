import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Testing

@testable import KhoWeb

/// Each role gets exactly what it may on every write route (form and API), each role on a catalogue of its own.
@Suite struct WriteRoleTests {
    /// A write, what is set up before it, and the status each role gets (viewer, operator, archivist, leader).
    struct Case: Sendable, CustomStringConvertible {
        let uri: String
        var fields: [String: String] = [:]
        var json: String?
        var setup: @Sendable (KhoStore, Attribution) throws -> Void = { _, _ in }
        let expected: [HTTPResponse.Status]
        var description: String { uri + (fields["target"].map { " " + $0 } ?? "") + (fields["purpose"] ?? "") }
    }

    static let done = HTTPResponse.Status.seeOther
    static let no = HTTPResponse.Status.forbidden
    static let gone = HTTPResponse.Status.notFound

    static let cases: [Case] = [
        Case(
            uri: "/boxes", fields: ["box": "H02", "fonds": "UBND-SK1", "extent_m": "0,5"], expected: [no, no, done, no]),
        Case(uri: "/boxes/H01/sort-start", expected: [no, no, done, no]),
        Case(
            uri: "/boxes/H01/sort-finish", fields: ["kept": "0,5"],
            setup: { store, who in _ = try store.startArrangement(of: ["H01"], by: who) }, expected: [no, no, done, no]),
        Case(uri: "/boxes/H01/move", fields: ["location": "B-2-1"], expected: [no, no, done, no]),
        Case(
            uri: "/boxes/H01/weed",
            fields: [
                "title": "Giấy mời họp thôn", "years": "1995-1996", "quantity": "0,05 m",
                "reason": "Hết thời hạn bảo quản",
            ], setup: { store, who in _ = try store.startArrangement(of: ["H01"], by: who) },
            expected: [no, no, done, no]),
        Case(
            uri: "/files/H01/01/documents", fields: ["summary": "Quyết định giao đất", "date": "1995-03-02"],
            expected: [no, no, done, no]),
        Case(uri: "/files/H01/01/scan-record", fields: ["pages": "12"], expected: [no, done, done, no]),
        Case(uri: "/files/H01/02/scan-record", fields: ["pages": "12"], expected: [no, gone, done, no]),
        // A secret file is never digitized: the archivist may ask, the catalogue refuses.
        Case(uri: "/files/H01/03/scan-record", fields: ["pages": "12"], expected: [no, gone, .badRequest, no]),
        Case(
            uri: "/custody/out", fields: ["target": "H01/01", "to": "Lê Thị Hoa", "purpose": "scan"],
            expected: [no, done, done, no]),
        Case(
            uri: "/custody/out", fields: ["target": "H01/01", "to": "Ông An", "purpose": "read"],
            expected: [no, no, done, no]),
        Case(
            uri: "/custody/out", fields: ["target": "H01/03", "to": "Lê Thị Hoa", "purpose": "scan"],
            expected: [no, gone, done, no]),
        Case(
            uri: "/custody/in", fields: ["target": "H01"],
            setup: { store, who in _ = try store.takeOut(.box("H01"), to: "Lê Thị Hoa", purpose: "scan", by: who) },
            expected: [no, done, done, no]),
        Case(uri: "/estimate/save", fields: ["name": "Gửi tỉnh 12/2026"], expected: [no, no, no, done]),
        Case(
            uri: "/weed/approve",
            fields: ["fonds": "UBND-SK1", "decision": "QĐ số 12/QĐ-HĐXĐGTTL", "date": WebFixture.time.day(of: Date())],
            setup: { store, who in
                _ = try store.startArrangement(of: ["H01"], by: who)
                _ = try store.addWeed(
                    WeedDraft(
                        box: "H01", title: "Giấy mời họp thôn", years: "1995-1996", quantity: "0,05 m",
                        reason: "Hết thời hạn bảo quản", notes: nil), by: who)
                _ = try store.finishArrangement(of: ["H01"], kept: "0,55", by: who)
            }, expected: [no, no, no, done]),
        Case(uri: "/lang", fields: ["lang": "en"], expected: [done, done, done, done]),
        Case(
            uri: "/api/boxes", json: #"{"box": "H02", "fonds": "UBND-SK1", "extent_m": "0,5"}"#,
            expected: [no, no, .created, no]),
        Case(uri: "/api/boxes/H01/sort-start", json: "{}", expected: [no, no, .ok, no]),
    ]

    @Test(arguments: cases)
    func eachRoleGetsWhatItMayWrite(_ route: Case) async throws {
        for (index, person) in WebFixture.people.enumerated() {
            let fixture = try WebFixture()
            defer { fixture.remove() }
            let admin = Attribution(actor: "Quản trị", recorder: "test@local", happenedAt: Date(), recordedAt: Date())
            try route.setup(fixture.store, admin)
            let before = try fixture.store.events(lang: .vi).count
            let expected = route.expected[index]
            try await fixture.test { client in
                let login = try await client.login(person.login)
                let response: TestResponse
                if let json = route.json {
                    response = try await client.execute(
                        uri: route.uri, method: .post,
                        headers: [
                            .cookie: login.cookie, .contentType: "application/json",
                            HTTPField.Name("X-CSRF-Token")!: login.csrf,
                        ],
                        body: ByteBuffer(string: json))
                } else {
                    response = try await client.post(route.uri, login, route.fields)
                }
                #expect(
                    response.status == expected,
                    "\(route) as \(person.role): \(response.status) \(response.text.components(separatedBy: "class=\"error\">").dropFirst().first?.prefix(300) ?? "")"
                )
            }
            // A refused write changes nothing; an allowed one appends events attributed to the person.
            let events = try fixture.store.events(lang: .vi)
            if ![Self.done, .created, .ok].contains(expected) {
                #expect(events.count == before, "\(route) as \(person.role) wrote")
            } else if route.uri != "/lang" {
                #expect(events.count > before, "\(route) as \(person.role) wrote nothing")
                #expect(events.last?.actor == person.full, "\(route) as \(person.role)")
            }
        }
    }
}
