import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import Synchronization
import Testing

@testable import KhoWeb

/// What the server keeps within bounds: idle sessions, upload size, one long job at a time.
@Suite struct LimitRouteTests {
    @Test func aSessionIdleLongerThanItsLimitIsOver() async throws {
        // The sessions' clock is the test's: 29 minutes pass, then 31.
        let now = Mutex(Date())
        let fixture = try WebFixture(clock: { now.withLock { $0 } })
        defer { fixture.remove() }
        let wait: @Sendable (_ minutes: Double) -> Void = { minutes in now.withLock { $0 += minutes * 60 } }
        try await fixture.test { client in
            let login = try await client.login("xem")
            #expect(try await client.get("/api/status", login).status == .ok)
            wait(29)
            #expect(try await client.get("/api/status", login).status == .ok, "29 minutes idle: still logged in")
            wait(29)
            #expect(try await client.get("/api/status", login).status == .ok, "a request started the idle time again")
            wait(31)
            #expect(try await client.get("/api/status", login).status == .unauthorized, "31 minutes idle: over")
            let page = try await client.get("/boxes", login)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login")
        }
    }

    @Test func anUploadOverFiveMegabytesIsRefusedAndChangesNothing() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let before = try fixture.store.events(lang: .vi).count
        // A valid box sheet, padded past 5 MB with rows of one more valid box each.
        var csv = "box,fonds,extent_m,location\n"
        var n = 100
        while csv.utf8.count <= WebLimits.uploadBytes {
            csv += "H\(n),UBND-SK1,\"0,1\",A-2\n"
            n += 1
        }
        let sheet = csv
        try await fixture.test { client in
            let login = try await client.login("thu")
            let boundary = "kho-test-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(login.csrf)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nboxes\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"hop.csv\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(sheet)\r\n--\(boundary)--\r\n"
            let response = try await client.execute(
                uri: "/import", method: .post,
                headers: [.cookie: login.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: body))
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentSecurityPolicy] != nil, "the refusal carries the security headers")
            #expect(response.text.contains("tối đa 5 MB"), "\(response.headers) \(response.text)")
        }
        #expect(try fixture.store.events(lang: .vi).count == before)
        #expect(try fixture.store.listBoxes().map(\.code) == ["H01"])
    }

    @Test func longJobsRunOneAtATimeWithAProgressPage() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let release = DispatchSemaphore(value: 0)
        // A job that stays at 3 of 10 until released.
        let started = fixture.services.jobs.start(.ingest, by: "Lê Thị Hoa") { progress in
            progress(3, 10)
            release.wait()
            return JobReport(headline: Text(vi: "Xong việc thử.", en: "Test job done."))
        }
        #expect(started)
        try await fixture.test { client in
            let operatorLogin = try await client.login("quet")
            for job in ["/jobs/pdf", "/jobs/ingest"] {
                let busy = try await client.post(job, operatorLogin)
                #expect(busy.status == .seeOther)
                #expect(busy.headers[.location] == "/jobs?busy=1", "\(job) while a job runs")
            }
            let running = try await client.get("/jobs?busy=1", operatorLogin).text
            #expect(running.contains("mỗi lần một việc"))
            #expect(running.contains("<progress max=\"10\" value=\"3\">"))
            #expect(running.contains("http-equiv=\"refresh\""), "the page refreshes itself while the job runs")
            #expect(running.contains("Lê Thị Hoa"))
            for login in ["xem", "chutich"] {
                let other = try await client.login(login)
                #expect(try await client.post("/jobs/ingest", other).status == .forbidden, "\(login)")
            }
            release.signal()
            var finished = ""
            for _ in 0..<200 where !finished.contains("Xong việc thử.") {
                try await Task.sleep(for: .milliseconds(20))
                finished = try await client.get("/jobs", operatorLogin).text
            }
            #expect(finished.contains("Xong việc thử."))
            #expect(!finished.contains("http-equiv=\"refresh\""), "a finished job's page stays still")
        }
        #expect(fixture.services.jobs.current?.kind == .ingest, "no other job was started meanwhile")
    }
}
