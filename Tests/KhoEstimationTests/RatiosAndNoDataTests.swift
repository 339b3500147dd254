import Foundation
import Testing

@testable import KhoEstimation

@Suite struct RatiosTests {
    static let remaining = RemainingWork(
        unarrangedMetres: 10, pagesKnownUnscanned: 100, sheetsKnownUnscanned: 1_000,
        keptMetresUnscannedWithoutSheets: 2, storedBytesNow: 5)

    @Test func measuredRatiosAreUsedAndNotListedAsAssumptions() {
        // Given every ratio measured
        let measured = MeasuredRatios(
            keptPerExtent: 0.6, pagesPerSheet: 1.8, pagesPerKeptMetre: 9_000, bytesPerPage: 20_000_000,
            filesPerKeptMetre: 50, documentsPerFile: 10)
        // When estimated
        let r = estimate(
            EstimateInputs(
                observations: [], today: Fixtures.day(2026, 11, 27), remaining: Self.remaining,
                measured: measured, rates: Fixtures.ratesWithoutHolidays))
        // Then pages = 100 + 1,000 × 1.8 + (10 × 0.6 + 2) × 9,000, weeding applied once
        #expect(r.scanning.remainingPages == 100 + 1_800 + 8 * 9_000)
        #expect(r.scanning.pagesPerMetre == 9_000 && r.scanning.pagesPerSheet == 1.8 && r.scanning.keptPerExtent == 0.6)
        // And storage = pages × bytes per page × 3 copies, plus what is stored now
        #expect(r.storage.remainingBytesPerCopy == Int64(73_900 * 20_000_000))
        #expect(r.storage.remainingBytes == Int64(73_900 * 20_000_000 * 3))
        // (5 bytes stored now, one copy: 15 over the 3 copies)
        #expect(r.storage.totalBytesPerCopy == r.storage.remainingBytesPerCopy + 5)
        #expect(r.storage.totalBytes == r.storage.remainingBytes + 15)
        #expect(r.storage.bytesPerPageSource == .measured)
        // And files = 10 × 0.6 × 50 predicted, documents = files × 10
        #expect(r.money.contractor.first { $0.item == "per_file_described" }?.quantity == 300)
        #expect(r.money.contractor.first { $0.item == "per_document_described" }?.quantity == 3_000)
        let keys = Set(r.assumptions.map(\.key))
        for k in [
            "kept_per_extent", "pages_per_sheet", "pages_per_kept_metre", "bytes_per_page", "files_per_kept_metre",
            "documents_per_file",
        ] {
            #expect(!keys.contains(k), "\(k) was measured")
        }
    }

    @Test func missingRatiosUseListedDefaults() {
        // Given nothing measured
        let r = estimate(
            EstimateInputs(
                observations: [], today: Fixtures.day(2026, 11, 27), remaining: Self.remaining,
                rates: Fixtures.ratesWithoutHolidays))
        // Then the defaults are used …
        #expect(r.scanning.keptPerExtent == 0.7)
        #expect(r.scanning.pagesPerSheet == 1.5)
        #expect(r.scanning.pagesPerMetre == 11_850)
        #expect(r.storage.bytesPerPage == 26_099_520)
        #expect(r.scanning.remainingPages == 100 + 1_500 + 9 * 11_850)
        // … and each is listed as an assumption with its value and both languages
        let byKey = Dictionary(r.assumptions.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byKey["kept_per_extent"]?.value == 0.7)
        #expect(byKey["pages_per_sheet"]?.value == 1.5)
        #expect(byKey["pages_per_kept_metre"]?.value == 11_850)
        #expect(byKey["bytes_per_page"]?.value == 26_099_520)
        #expect(byKey["files_per_kept_metre"] != nil && byKey["documents_per_file"] != nil)
        #expect(
            r.assumptions.allSatisfy {
                !$0.message.vi.isEmpty && !$0.message.en.isEmpty && $0.message.vi != $0.message.en
            })
    }

    @Test func measuredPagesPerSheetCarriesIntoPagesPerKeptMetre() {
        // Given pages per sheet measured but pages per kept metre not
        let r = estimate(
            EstimateInputs(
                observations: [], today: Fixtures.day(2026, 11, 27), remaining: Self.remaining,
                measured: MeasuredRatios(pagesPerSheet: 1.2), rates: Fixtures.ratesWithoutHolidays))
        // Then the default sheets per metre is multiplied by the measured figure
        #expect(r.scanning.pagesPerMetre == 7_900 * 1.2)
        #expect(r.assumptions.contains { $0.key == "pages_per_kept_metre" && $0.value == 7_900 * 1.2 })
    }
}

@Suite struct NoDataTests {
    @Test func noDataGivesAClearAnswerAndFiniteJSON() throws {
        // Given nothing recorded, and even degenerate counts
        let inputs = EstimateInputs(
            observations: [], today: Fixtures.day(2026, 11, 27),
            remaining: RemainingWork(
                unarrangedMetres: 60.6, sheetsKnownUnscanned: .nan, keptMetresUnscannedWithoutSheets: -3),
            rates: Fixtures.ratesWithoutHolidays, scope: "vĩnh viễn, UBND-SK1")
        // When estimated
        let r = estimate(inputs)
        // Then it says so plainly, and uses the stated default rates
        #expect(r.noData && r.weak && r.daysOfData == 0)
        #expect(r.warnings.first?.code == "no_data")
        #expect(
            r.warnings.first?.message.en
                == "no throughput measured yet; record work with `kho sort finish` / `kho scan record`")
        #expect(r.arrangement.projection.rateSource == .assumed)
        #expect(r.arrangement.projection.ratePerPersonDay == 0.15)
        #expect(r.arrangement.projection.workingDays == Band(all: 404))  // 60.6 / 0.15
        #expect(r.scanning.projection.ratePerPersonDay == 1_000)
        #expect(r.assumptions.contains { $0.key == "planned_staff_scanning" })
        // And with nobody on staff, the one planned person is extra and costs the day rate
        #expect(r.arrangement.projection.costVND.p50 == 404 * 400_000)
        #expect(r.scope == "vĩnh viễn, UBND-SK1")
        // And the JSON encodes (JSONEncoder refuses NaN and infinity) with the documented keys
        let json = try JSONEncoder().encode(r)
        let object = try JSONSerialization.jsonObject(with: json) as? [String: Any] ?? [:]
        let arrangement = object["arrangement"] as? [String: Any] ?? [:]
        let scanning = object["scanning"] as? [String: Any] ?? [:]
        let storage = object["storage"] as? [String: Any] ?? [:]
        let total = object["total"] as? [String: Any] ?? [:]
        for key in ["remaining_m", "rate_m_per_day", "finish_date", "cost_vnd", "working_days", "staff_days"] {
            #expect(arrangement[key] != nil, "arrangement.\(key)")
        }
        for key in ["remaining_pages", "rate_pages_per_day", "pages_per_metre", "finish_date", "cost_vnd"] {
            #expect(scanning[key] != nil, "scanning.\(key)")
        }
        #expect(storage["remaining_bytes"] != nil)
        for part in [arrangement, scanning, total] {
            for key in ["finish_date", "cost_vnd"] {
                let band = part[key] as? [String: Any] ?? [:]
                #expect(Set(band.keys) == ["p10", "p50", "p90"])
            }
        }
        #expect((total["finish_date"] as? [String: Any])?["p50"] as? String != nil)
        for key in ["assumptions", "days_of_data", "weak", "warnings", "no_data"] {
            #expect(object[key] != nil, "\(key)")
        }
        // And it decodes back to the same result
        #expect(try JSONDecoder().decode(EstimateResult.self, from: json) == r)
    }

    @Test func workWithZeroOutputFallsBackWithoutDividingByZero() throws {
        // Given days recorded with nothing finished
        let obs = Fixtures.history(.arrangement, people: ["Lan"], from: Fixtures.day(2026, 10, 5), weeks: 4) { _, _ in 0
        }
        // When estimated
        let r = estimate(
            EstimateInputs(
                observations: obs, today: Fixtures.day(2026, 11, 27),
                remaining: RemainingWork(unarrangedMetres: 3), rates: Fixtures.ratesWithoutHolidays))
        // Then the default rate is used and flagged, and everything is finite
        #expect(r.arrangement.projection.rateSource == .assumed)
        #expect(r.warnings.contains { $0.code == "zero_output_arrangement" })
        _ = try JSONEncoder().encode(r)
    }

    @Test func nothingLeftFinishesToday() throws {
        // Given work recorded but nothing remaining
        let obs = Fixtures.history(.scanning, people: ["Minh"], from: Fixtures.day(2026, 10, 5), weeks: 4) { i, _ in
            Double(100 + i)
        }
        let r = estimate(
            EstimateInputs(
                observations: obs, today: Fixtures.day(2026, 11, 27),
                remaining: RemainingWork(unarrangedMetres: 0), rates: Fixtures.ratesWithoutHolidays))
        // Then both parts finish today at no cost
        #expect(r.total.finishDate == Band(all: Fixtures.day(2026, 11, 27)))
        #expect(r.total.costVND == Band(all: 0))
        _ = try JSONEncoder().encode(r)
    }
}
