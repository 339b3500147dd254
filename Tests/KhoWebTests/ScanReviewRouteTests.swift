import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import KhoTestSupport
import Testing

@testable import KhoWeb

/// The operator's review of scanning on a file's page: a page count confirmed, changed masters accepted
/// (`kho scan confirm`, `kho scan accept`).
@Suite struct ScanReviewRouteTests {
    static let hoa = Attribution(actor: "Lê Thị Hoa", recorder: "test@local", happenedAt: Date(), recordedAt: Date())

    @Test func theOperatorConfirmsAPageCountOutsideTheSheets() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let ref = FileRef(box: "H01", file: "04")
        try fixture.store.registerFile(FileDraft(ref: ref, title: "Bản đồ địa chính", sheets: "5"), by: Self.hoa)
        try fixture.store.recordScan(of: ref, pages: 20, by: Self.hoa)
        #expect(try fixture.store.showFile(ref).scanState == .mismatch)
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            #expect(!(try await client.get("/files/H01/04", viewer).text.contains("/files/H01/04/confirm")))
            #expect(try await client.post("/files/H01/04/confirm", viewer, ["note": "x"]).status == .forbidden)
            let login = try await client.login("quet")
            #expect(try await client.get("/files/H01/04", login).text.contains("action=\"/files/H01/04/confirm\""))
            let confirmed = try await client.post("/files/H01/04/confirm", login, ["note": "5 bản đồ gấp 4 trang"])
            #expect(confirmed.status == .seeOther)
            #expect(
                try await client.get("/files/H01/04", login).text.contains("action=\"/files/H01/04/confirm\"") == false)
        }
        #expect(try fixture.store.showFile(ref).scanState != .mismatch)
        let event = try #require(try fixture.store.events(LogFilter(file: ref), lang: .vi).last)
        #expect(event.actor == "Lê Thị Hoa")
        #expect(event.recorder.hasPrefix("quet@"))
    }

    @Test func theOperatorAcceptsAChangedMaster() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let ref = FileRef(box: "H01", file: "04")
        try fixture.store.registerFile(FileDraft(ref: ref, title: "Sổ hộ tịch", sheets: "2"), by: Self.hoa)
        let root = fixture.folder.appendingPathComponent("scans")
        let path = root.appendingPathComponent("H01/04/0001.tif").path
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([.rgb, .rgb], to: path)
        _ = try fixture.store.ingest(root: root.path, profile: .vn2025, by: Self.hoa, lang: .vi) { _ in }
        // The same master, changed after it passed, ingested again: the file needs review.
        try FixtureWriter.write([FixturePage(width: 17, height: 16), .rgb], to: path)
        _ = try fixture.store.ingest(root: root.path, profile: .vn2025, by: Self.hoa, lang: .vi) { _ in }
        #expect(try fixture.store.showFile(ref).scanState == .review)
        try await fixture.test { client in
            let login = try await client.login("quet")
            #expect(try await client.get("/files/H01/04", login).text.contains("action=\"/files/H01/04/accept\""))
            let unsure = try await client.post("/files/H01/04/accept", login, ["reason": "khong-ro"])
            #expect(unsure.status == .badRequest)
            let accepted = try await client.post("/files/H01/04/accept", login, ["reason": "rescan"])
            #expect(accepted.status == .seeOther)
            let leader = try await client.login("chutich")
            #expect(try await client.post("/files/H01/04/accept", leader, ["reason": "rescan"]).status == .forbidden)
        }
        #expect(try fixture.store.showFile(ref).scanState == .passed)
        #expect(try fixture.store.events(LogFilter(file: ref), lang: .vi).last?.actor == "Lê Thị Hoa")
    }
}
