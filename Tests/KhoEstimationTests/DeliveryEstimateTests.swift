import Foundation
import Testing

@testable import KhoEstimation

/// The legal copies still to build: machine hours and PDF storage from the copies measured, or stated defaults.
@Suite struct DeliveryEstimateTests {
    static let remaining = RemainingWork(unarrangedMetres: 0, pagesKnownUnscanned: 1_000, storedBytesNow: 7)
    static let measured = MeasuredRatios(bytesPerPage: 2_000_000)

    func inputs(_ delivery: DeliveryInputs?) -> EstimateInputs {
        var i = EstimateInputs(
            observations: [], today: Fixtures.day(2026, 11, 27), remaining: Self.remaining,
            measured: Self.measured, rates: Fixtures.ratesWithoutHolidays)
        i.delivery = delivery
        return i
    }

    @Test func copiesMeasuredGiveTheMachineHoursAndPdfStorage() throws {
        // Given 6 copies measured at 300 pages an hour and 500,000 bytes a page, 10 MB of copies stored,
        // and 200 pages of files that passed QC waiting for their copy
        let d = DeliveryInputs(
            pagesAwaitingCopy: 200, storedBytesNow: 10_000_000, copiesMeasured: 6, pagesMeasured: 20,
            bytesPerPage: 500_000, pagesPerHour: 300, cores: 4)
        let r = estimate(inputs(d))
        let e = try #require(r.delivery)
        // Then the pages to build are those waiting plus every page still to scan
        #expect(e.pagesToBuild == 1_200)
        #expect(e.pagesPerHourSource == .measured && e.bytesPerPageSource == .measured && e.cores == 4)
        #expect(e.machineHours == 4)
        // And PDF storage = stored + pages × bytes per page, times the copies kept
        #expect(e.remainingBytesPerCopy == 600_000_000)
        #expect(e.totalBytesPerCopy == 610_000_000)
        #expect(e.totalBytes == 610_000_000 * Int64(r.storage.copies))
        #expect(e.storedBytesNow == 10_000_000 * Int64(r.storage.copies))
        // And masters and copies together are the two totals added once
        #expect(e.mastersAndCopiesTotalBytes == r.storage.totalBytes + e.totalBytes)
        #expect(!r.assumptions.contains { $0.key.hasPrefix("pdf_") })
    }

    @Test func beforeEnoughCopiesTheBenchmarkSpeedAndTheMastersBytesAreAssumedAndListed() throws {
        // Given two copies only (fewer than the five trusted)
        let d = DeliveryInputs(
            pagesAwaitingCopy: 0, storedBytesNow: 0, copiesMeasured: 2, pagesMeasured: 4,
            bytesPerPage: 1, pagesPerHour: 1, cores: 16)
        let e = try #require(estimate(inputs(d)).delivery)
        // Then the stated benchmark figure and the masters' bytes per page are used, on the benchmark machine's cores
        #expect(e.pagesPerHour == EstimationDefaults.pdfPagesPerHour && e.pagesPerHourSource == .assumed)
        #expect(e.cores == EstimationDefaults.pdfBenchmarkCores)
        #expect(e.bytesPerPage == 2_000_000 && e.bytesPerPageSource == .assumed)
        #expect(e.machineHours == 1_000 / EstimationDefaults.pdfPagesPerHour)
        let keys = estimate(inputs(d)).assumptions.map(\.key)
        #expect(keys.contains("pdf_pages_per_hour") && keys.contains("pdf_bytes_per_page"))
    }

    @Test func anEstimateSavedBeforeCopiesExistedStillDecodes() throws {
        // Given a result encoded without its delivery figures
        var r = estimate(inputs(nil))
        #expect(r.delivery?.pagesToBuild == 1_000)
        r.delivery = nil
        let data = try JSONEncoder().encode(r)
        // When decoded, Then it reads without them
        let back = try JSONDecoder().decode(EstimateResult.self, from: data)
        #expect(back.delivery == nil && back.storage == r.storage)
    }
}
