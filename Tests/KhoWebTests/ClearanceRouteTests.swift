import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoTestSupport
import Testing

@testable import KhoKit
@testable import KhoWeb

/// Secret and restricted files stay out of every list a person without clearance sees: overdue hand-outs on the
/// dashboard, scan problems, search counts, and hand-outs themselves.
@Suite struct ClearanceRouteTests {
    /// Masters at 150 dpi (a QC problem) for H01/01 (open) and H01/02 (restricted; a secret file is never
    /// digitized), and H01/01 (open) and H01/03 (secret) out since 40 days,
    /// due 35 days ago: H01/01 with Ông An, H01/03 with Ông Hùng.
    static func problemsAndHandOuts(_ fixture: WebFixture) throws {
        var page = FixturePage.rgb
        page.xResolution = 150
        page.yResolution = 150
        let root = fixture.folder.appendingPathComponent("scans")
        for file in ["01", "02"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("H01/\(file)"), withIntermediateDirectories: true)
            try FixtureWriter.write([page], to: root.appendingPathComponent("H01/\(file)/0001.tif").path)
        }
        let past = Date().addingTimeInterval(-40 * 86_400)
        let who = Attribution(actor: "Lê Thị Hoa", recorder: "test@local", happenedAt: past, recordedAt: past)
        _ = try fixture.store.ingest(root: root.path, profile: .vn2025, by: who, lang: .vi, now: past) { _ in }
        let due = WebFixture.time.day(of: past.addingTimeInterval(5 * 86_400))
        for (file, holder) in [("01", "Ông An"), ("03", "Ông Hùng")] {
            _ = try fixture.store.takeOut(
                .file(FileRef(box: "H01", file: file)), to: holder, purpose: "read", due: due, by: who, now: past)
        }
    }

    @Test func overdueHandOutsAndScanProblemsOfHiddenFilesAreNotShown() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try Self.problemsAndHandOuts(fixture)
        #expect(
            try fixture.store.scanProblems(lang: .vi).map(\.ref).contains("H01/02"), "the restricted file has a problem"
        )
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            let dashboard = try await client.get("/", viewer).text
            #expect(dashboard.contains("Ông An"), "the open file's overdue hand-out is listed")
            #expect(!dashboard.contains("Ông Hùng"), "the secret file's is not")
            #expect(!dashboard.contains("H01/03"))
            let operatorLogin = try await client.login("quet")
            let scan = try await client.get("/scan", operatorLogin).text
            #expect(scan.contains("H01/01"), "the open file's scan problem is listed")
            #expect(!scan.contains("H01/02"), "the restricted file's is not")
            let archivist = try await client.login("thu")
            #expect(try await client.get("/", archivist).text.contains("Ông Hùng"))
            #expect(try await client.get("/scan", archivist).text.contains("H01/02"))
        }
    }

    @Test func aPersonWithoutClearanceCannotHandOutOrTakeBackAHiddenFile() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let admin = Attribution(actor: "Quản trị", recorder: "test@local", happenedAt: Date(), recordedAt: Date())
        _ = try fixture.store.takeOut(
            .file(FileRef(box: "H01", file: "02")), to: "Lê Thị Hoa", purpose: "scan", by: admin)
        let before = try fixture.store.events(lang: .vi).count
        try await fixture.test { client in
            let operatorLogin = try await client.login("quet")
            let out = try await client.post(
                "/custody/out", operatorLogin, ["target": "H01/03", "to": "Lê Thị Hoa", "purpose": "scan"])
            #expect(out.status == .notFound, "as if the secret file did not exist")
            let back = try await client.post("/custody/in", operatorLogin, ["target": "H01/02"])
            #expect(back.status == .notFound, "the restricted file out for scanning is not the operator's to see")
        }
        #expect(try fixture.store.events(lang: .vi).count == before, "nothing was written")
        #expect(try fixture.store.custodyList().map(\.thing) == ["H01/02"])
    }

    @Test func aBoxCountsOnlyTheFilesThePersonMaySee() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // The library: every file by default (the CLI), only the readable ones when asked.
        #expect(try fixture.store.listBoxes().first?.files == 3)
        #expect(try fixture.store.listBoxes(BoxFilter(readable: [.open])).first?.files == 1)
        let shown = try fixture.store.showBox("H01", readable: [.open])
        #expect(shown.box.files == 1)
        #expect(shown.files.map(\.file) == ["01"])
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            let list = try await client.get("/boxes", viewer).text
            #expect(list.contains("<td class=\"num\">1</td>"), "H01 counts one file for a viewer")
            #expect(!list.contains("<td class=\"num\">3</td>"))
            let archivist = try await client.login("thu")
            #expect(try await client.get("/boxes", archivist).text.contains("<td class=\"num\">3</td>"))
        }
    }

    @Test func searchCountsNoMatchInAHiddenFile() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            func answer(_ login: Login) async throws -> [String: Any] {
                let response = try await client.get("/api/search?q=tuyet%20mat", login)
                return try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
                    ?? [:]
            }
            let viewer = try await client.login("xem")
            let seen = try await answer(viewer)
            #expect((seen["matches"] as? Int) == 0, "\(seen)")
            #expect((seen["files"] as? [Any])?.isEmpty == true)
            #expect(try await client.get("/search?q=tuyet+mat", viewer).text.contains("0 hồ sơ, 0 chỗ khớp"))
            let archivist = try await client.login("thu")
            let all = try await answer(archivist)
            #expect((all["matches"] as? Int ?? 0) >= 1, "\(all)")
        }
    }
}

/// The PDF/A copy of a file, addressed by the file: downloaded by whoever may read the file, 404 for others.
@Suite struct CopyDownloadRouteTests {
    /// Records a copy of `ref` at a file in the fixture's folder (as `kho pdf build` would) and returns its bytes.
    static func recordCopy(_ fixture: WebFixture, _ ref: FileRef, archiveId: String) throws -> Data {
        let bytes = Data("%PDF-1.7 bản sao \(archiveId)\n%%EOF\n".utf8)
        let path = fixture.folder.appendingPathComponent("\(archiveId).pdf").path
        try bytes.write(to: URL(fileURLWithPath: path))
        try fixture.store.writer.write { db in
            let fileId = try CatalogueStore(db: db).file(ref: ref).1.id
            let eventId = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event")
            try db.execute(
                sql: """
                    INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine,
                                          ocr_language, seconds, sources, built_at)
                    VALUES (?, ?, ?, ?, ?, 1, ?, 'PDF/A-2B', 'Tesseract', 'vie', 1, '', 0)
                    """,
                arguments: [fileId, eventId, archiveId, path, String(repeating: "0", count: 64), bytes.count])
        }
        return bytes
    }

    @Test func aCopyIsDownloadedByWhoeverMayReadItsFile() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let open = try Self.recordCopy(fixture, FileRef(box: "H01", file: "01"), archiveId: "UBND-SK1.H01.01")
        let secret = try Self.recordCopy(fixture, FileRef(box: "H01", file: "03"), archiveId: "UBND-SK1.H01.03")
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            let download = try await client.get("/files/H01/01/pdf", viewer)
            #expect(download.status == .ok)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"UBND-SK1.H01.01.pdf\"")
            #expect(Data(download.body.readableBytesView) == open)
            #expect(try await client.get("/files/H01/01", viewer).text.contains("/files/H01/01/pdf"))
            #expect(try await client.get("/files/H01/03/pdf", viewer).status == .notFound)
            let leader = try await client.login("chutich")
            #expect(Data(try await client.get("/files/H01/03/pdf", leader).body.readableBytesView) == secret)
        }
    }
}
