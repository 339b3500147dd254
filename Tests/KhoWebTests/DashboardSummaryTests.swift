import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KhoKit
import KhoReport
import Synchronization
import Testing

@testable import KhoWeb

/// The leader's dashboard opens with the leadership report's first-page summary: the library's value, rendered by
/// the report's own function, never computed again by the page.
@Suite struct DashboardSummaryTests {
    @Test func theLeadersDashboardShowsTheReportsFirstPageSummary() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Given the summary the library computes, as `kho report` opens with it.
        let expected = try fixture.store.reportSummary(.new(try EstimateRequest(ratesFile: fixture.services.ratesPath)))
        let figures = expected.chairman.compactMap { piece in piece.key.map { ($0, piece.value ?? "") } }
        #expect(figures.map(\.0).contains("money-contractor-total"))
        #expect(figures.map(\.0).contains("finish-p50"))
        let paragraph = renderReportSummary(expected, lang: .vi)
        try await fixture.test { client in
            // When the leader opens the dashboard, then the same paragraph is on it, figure by figure.
            let leader = try await client.login("chutich")
            let page = try await client.get("/", leader).text
            #expect(page.contains(paragraph))
            for (key, value) in figures {
                #expect(page.contains("data-value=\"\(value)\" data-key=\"\(key)\""), "\(key) = \(value)")
            }
            #expect(
                page.contains("Kinh phí") || page.contains("Thuê đơn vị dịch vụ"), "Vietnamese words, diacritics kept")
            // And the report the leader opens starts with the very same paragraph.
            #expect(try await client.get("/report", leader).text.contains(paragraph))
            // Other roles do not open the report, and their dashboard has no summary of it.
            for login in ["xem", "quet", "thu"] {
                let other = try await client.login(login)
                let text = try await client.get("/", other).text
                #expect(!text.contains("chairman-summary"), "\(login)")
                #expect(!text.contains("money-contractor-total"), "\(login)")
            }
        }
    }

    @Test func aBrokenRatesFileIsSaidOnTheDashboardWhichStillShowsTheRest() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try "[contractor]\nper_metre_arranged = \"nhiều\"\n".write(
            toFile: fixture.services.ratesPath, atomically: true, encoding: .utf8)
        try await fixture.test { client in
            let leader = try await client.login("chutich")
            let page = try await client.get("/", leader)
            #expect(page.status == .ok)
            #expect(page.text.contains("tệp đơn giá"), "the rates file's error is said")
            #expect(!page.text.contains("chairman-summary"))
            #expect(page.text.contains("data-key=\"total_m\""), "the figures are still there")
        }
    }

    @Test func theEstimateAPIEstimatesAsTheCLIDoesWithoutARatesFile() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Without a rates file the CLI prices with the built-in rates, each source naming the missing file.
        let expected = try fixture.store.makeEstimate(try EstimateRequest(ratesFile: fixture.services.ratesPath))
            .result
        #expect(expected.money.contractor.allSatisfy { $0.source.isDefault })
        try await fixture.test { client in
            let leader = try await client.login("chutich")
            let response = try await client.get("/api/estimate", leader)
            #expect(response.status == .ok)
            let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            let money = object?["money"] as? [String: Any]
            #expect((money?["contractor_total_vnd"] as? NSNumber)?.int64Value == expected.money.contractorTotalVND)
            #expect((money?["one_off_total_vnd"] as? NSNumber)?.int64Value == expected.money.oneOffTotalVND)
            let sources = (money?["contractor"] as? [[String: Any]])?.compactMap { $0["source"] as? String } ?? []
            #expect(!sources.isEmpty)
            #expect(sources.allSatisfy { $0.hasPrefix("mặc định (chưa có") }, "\(sources)")
        }
    }
}

/// A value computed once per state of the catalogue.
@Suite struct ComputedOnceTests {
    @Test func anOlderValueIsShownWhileTheNewOneIsComputedOnce() async throws {
        let cache = ComputedOnce<Int>()
        let runs = Mutex(0)
        let count: @Sendable () -> Void = { runs.withLock { $0 += 1 } }
        #expect(
            try await cache.get("1", orStale: true) {
                count()
                return 1
            } == 1)
        // A newer state: the older value comes back at once, the new one is computed in the background.
        let stale = try await cache.get("2", orStale: true) {
            try await Task.sleep(for: .milliseconds(300))
            count()
            return 2
        }
        #expect(stale == 1)
        // Whoever asks for the new state without accepting an older one waits for that same computation.
        #expect(
            try await cache.get("2") {
                count()
                return 99
            } == 2)
        #expect(try await cache.get("2", orStale: true) { 98 } == 2)
        #expect(runs.withLock { $0 } == 2)
        // Without orStale a new state is computed and waited for.
        #expect(try await cache.get("3") { 3 } == 3)
    }
}

/// The report and the labels print from the browser as from the CLI: the same HTML the library makes for `kho report`
/// and `kho labels`.
@Suite struct PrintableRouteTests {
    @Test func theReportAndTheLabelsAreTheCLIsPages() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        let store = fixture.store
        let path = fixture.services.ratesPath
        let report: @Sendable () throws -> String = {
            try store.leadershipReport(.new(try EstimateRequest(ratesFile: path)), lang: .vi).html
        }
        let labels: @Sendable (LabelSelection) throws -> String = { selection in
            renderLabelsHTML(
                try store.boxLabels(selection), lang: .vi, generatedAt: store.time.dateTime(of: Date()))
        }
        try await fixture.test { client in
            let leader = try await client.login("chutich")
            // Made before and after the request: the page is one of them (a minute may turn meanwhile).
            let reportBefore = try report()
            let shown = try await client.get("/report", leader).text
            let reportAfter = try report()
            #expect(shown == reportBefore || shown == reportAfter)
            let archivist = try await client.login("thu")
            for (query, selection) in [
                ("boxes=H01", LabelSelection(boxes: ["H01"])), ("fonds=UBND-SK1", LabelSelection(fonds: "UBND-SK1")),
            ] {
                let before = try labels(selection)
                let page = try await client.get("/labels?\(query)", archivist)
                #expect(page.status == .ok)
                let after = try labels(selection)
                #expect(page.text == before || page.text == after, "\(query)")
                #expect(page.text.contains("H01"))
            }
        }
    }
}
