import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Testing

@testable import KhoWeb

/// Writes on the web: each is the library's write, attributed to the person logged in, refused to other roles.
@Suite struct WriteRouteTests {
    @Test func registeringABoxIsAttributedToThePersonLoggedIn() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let login = try await client.login("thu")
            let response = try await client.post(
                "/boxes", login, ["box": "H02", "fonds": "UBND-SK1", "extent_m": "0,5", "location": "Kho tạm"])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/boxes/H02")
        }
        let event = try #require(try fixture.store.events(LogFilter(kind: "box.add"), lang: .vi).last)
        #expect(event.actor == "Nguyễn Thị Thu")
        #expect(event.recorder.hasPrefix("thu@"))
        #expect(event.box == "H02")
    }

    @Test(arguments: ["xem", "quet", "chutich"])
    func otherRolesMayNotRegisterABox(_ login: String) async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let session = try await client.login(login)
            let form = try await client.post("/boxes", session, ["box": "H03", "fonds": "UBND-SK1"])
            #expect(form.status == .forbidden)
            let api = try await client.execute(
                uri: "/api/boxes", method: .post,
                headers: [
                    .cookie: session.cookie, .contentType: "application/json",
                    HTTPField.Name("X-CSRF-Token")!: session.csrf,
                ],
                body: ByteBuffer(string: #"{"box": "H03", "fonds": "UBND-SK1"}"#))
            #expect(api.status == .forbidden)
        }
        #expect(try fixture.store.listBoxes().map(\.code) == ["H01"])
    }

    @Test func theAPIRegistersABoxAndStartsItsArrangement() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let login = try await client.login("thu")
            let headers: HTTPFields = [
                .cookie: login.cookie, .contentType: "application/json", HTTPField.Name("X-CSRF-Token")!: login.csrf,
            ]
            let created = try await client.execute(
                uri: "/api/boxes", method: .post, headers: headers,
                body: ByteBuffer(
                    string: #"{"box": "B017", "fonds": "UBND-SK1", "extent_m": 0.6, "condition": "mould"}"#))
            #expect(created.status == .created)
            #expect(created.text.contains("\"extent_m\" : 0.6"))
            let bad = try await client.execute(
                uri: "/api/boxes", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"box": "B018", "fonds": "KHONG-CO"}"#))
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("KHONG-CO"))
            let started = try await client.execute(uri: "/api/boxes/B017/sort-start", method: .post, headers: headers)
            #expect(started.status == .ok)
        }
        let start = try #require(try fixture.store.events(LogFilter(kind: "sort.start"), lang: .vi).last)
        #expect(start.actor == "Nguyễn Thị Thu")
        #expect(try fixture.store.showBox("B017").box.arrangement == .inProgress)
    }

    @Test func anUploadedCSVIsCheckedByADryRunThenImportedWhole() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let good = "box,fonds,extent_m,location\nH10,UBND-SK1,\"0,5\",A-2\nH11,UBND-SK1,\"0,25\",A-2\n"
        let bad = "box,fonds,extent_m,location\nH10,UBND-SK1,\"0,5\",A-2\nH11,KHONG-CO,\"0,25\",A-2\n"
        try await fixture.test { client in
            let login = try await client.login("thu")
            func upload(_ csv: String, dryRun: Bool) async throws -> TestResponse {
                let boundary = "kho-test-boundary"
                var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(login.csrf)\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nboxes\r\n"
                if dryRun { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n" }
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hop.csv\"\r\n"
                body += "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
                return try await client.execute(
                    uri: "/import", method: .post,
                    headers: [.cookie: login.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                    body: ByteBuffer(string: body))
            }
            let rejected = try await upload(bad, dryRun: false)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("<td class=\"num\">3</td>"), "the bad row's line")
            #expect(rejected.text.contains("KHONG-CO"))
            #expect(!rejected.text.contains("kho-upload-"), "no server path")
            let dry = try await upload(good, dryRun: true)
            #expect(dry.status == .ok)
            #expect(try fixture.store.listBoxes().count == 1, "a dry run writes nothing")
            let done = try await upload(good, dryRun: false)
            #expect(done.status == .ok)
        }
        #expect(try fixture.store.listBoxes().map(\.code) == ["H01", "H10", "H11"])
        #expect(try fixture.store.events(LogFilter(kind: "import.boxes"), lang: .vi).last?.actor == "Nguyễn Thị Thu")
    }

    @Test func theOperatorRecordsPagesAndHandsOutForScanningOnly() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let login = try await client.login("quet")
            let recorded = try await client.post("/files/H01/01/scan-record", login, ["pages": "12"])
            #expect(recorded.status == .seeOther)
            let hidden = try await client.post("/files/H01/03/scan-record", login, ["pages": "12"])
            #expect(hidden.status == .notFound)
            let read = try await client.post("/custody/out", login, ["target": "H01", "to": "Hoa", "purpose": "read"])
            #expect(read.status == .forbidden)
            let scan = try await client.post("/custody/out", login, ["target": "H01", "to": "Hoa", "purpose": "scan"])
            #expect(scan.status == .seeOther)
            let viewer = try await client.login("xem")
            #expect(try await client.post("/custody/in", viewer, ["target": "H01"]).status == .forbidden)
            #expect(try await client.post("/custody/in", login, ["target": "H01"]).status == .seeOther)
        }
        let scan = try #require(try fixture.store.events(LogFilter(kind: "scan.record"), lang: .vi).last)
        #expect(scan.actor == "Lê Thị Hoa")
        #expect(scan.pages == 12)
        #expect(try fixture.store.custodyList().isEmpty)
    }

    @Test func theLeaderSavesAnEstimateAndOthersMayNot() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let archivist = try await client.login("thu")
            #expect(try await client.post("/estimate/save", archivist, ["name": "Thử"]).status == .forbidden)
            let leader = try await client.login("chutich")
            let saved = try await client.post(
                "/estimate/save", leader, ["name": "Gửi tỉnh 12/2026", "staff_scanning": "2"])
            #expect(saved.status == .seeOther)
            let report = try await client.get("/estimate/report?staff_scanning=3&days_per_week=2", leader)
            #expect(report.status == .ok)
            #expect(report.text.contains("data-key=\"money-contractor-total\""))
        }
        #expect(try fixture.store.savedEstimates().map(\.name) == ["Gửi tỉnh 12/2026"])
        #expect(try fixture.store.savedEstimates().first?.actor == "Phạm Văn Chủ")
    }
}
