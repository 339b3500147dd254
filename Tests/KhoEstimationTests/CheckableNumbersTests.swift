import Testing

@testable import KhoEstimation

/// Issue 22 in the estimator: quantities priced as displayed, bands withheld on too little data, storage measured and
/// priced, warnings that do not contradict themselves.
@Suite struct CheckableNumbersTests {
    static let today = Fixtures.day(2026, 3, 27)

    static func inputs(weeks: Int, delivery: DeliveryInputs? = nil) -> EstimateInputs {
        let start = Fixtures.day(2026, 3, 23).adding(days: -7 * (weeks - 1))  // Mondays, the last week ends today
        let obs =
            Fixtures.history(.scanning, people: ["Hoa"], from: start, weeks: weeks) { i, _ in 400 + Double(i % 3) * 50 }
            + Fixtures.history(.arrangement, people: ["Minh"], from: start, weeks: weeks) { i, _ in
                0.1 + Double(i % 2) * 0.05
            }
        var i = EstimateInputs(
            observations: obs, today: today,
            remaining: RemainingWork(unarrangedMetres: 1.2345, pagesKnownUnscanned: 12_345.5),
            rates: Fixtures.ratesWithoutHolidays, seed: 3, resamples: 300)
        i.delivery = delivery
        return i
    }

    @Test func everyLineIsItsDisplayedQuantityTimesItsPrice() {
        // Given an estimate with fractional pages and metres left
        let r = estimate(Self.inputs(weeks: 6))
        for (_, l) in r.money.allLines {
            // Then each quantity is rounded as displayed and the amount is that quantity × the price
            #expect(l.quantity == MoneyLine.displayed(l.quantity, unit: l.unit))
            #expect(l.amountVND == Int64((l.quantity * Double(l.unitPriceVND)).rounded()), "\(l.item)")
        }
        let pages = r.money.contractor.first { $0.item == "per_page_scanned" }
        #expect(pages?.quantity == r.scanning.remainingPages.rounded())
        #expect(r.money.contractor.first { $0.item == "per_metre_arranged" }?.quantity == 1.23)
        // And describing is its own part, priced in house too
        #expect(r.money.inHouse.contains { $0.part == "description" && $0.amountVND > 0 })
        #expect(r.documents?.work?.staffDays ?? 0 > 0)
    }

    @Test func fewerThanFourWeeksGiveNoBandAndTheMoneyBandFollows() {
        let few = estimate(Self.inputs(weeks: 2))
        #expect(few.scanning.projection.band == nil && few.scanning.projection.bandWithheld != nil)
        #expect(few.total.band == nil)
        let enough = estimate(Self.inputs(weeks: 6))
        #expect(enough.scanning.projection.band != nil && enough.scanning.projection.bandWithheld == nil)
    }

    @Test func pdfBytesPerPageIsMeasuredFromFiveCopiesWithinOnePercent() {
        // Given five built copies averaging 16.384 bytes a page
        let measured = estimate(
            Self.inputs(
                weeks: 6,
                delivery: DeliveryInputs(copiesMeasured: 5, pagesMeasured: 500, bytesPerPage: 16_384)))
        let pdf = measured.storage.pdf
        #expect(pdf?.bytesPerPageSource == .measured)
        #expect(abs((pdf?.bytesPerPage ?? 0) - 16_384) / 16_384 < 0.01)
        // Given four, with JPEG pages: an assumption from the masters and the build settings
        let assumed = estimate(
            Self.inputs(
                weeks: 6,
                delivery: DeliveryInputs(
                    copiesMeasured: 4, pagesMeasured: 400, bytesPerPage: 16_384, pdfShareOfMaster: 0.1)))
        #expect(assumed.storage.pdf?.bytesPerPageSource == .assumed)
        #expect(assumed.storage.pdf?.bytesPerPage == assumed.storage.bytesPerPage * 0.1)
    }

    @Test func storageIsPricedByTheTerabyteOnlyWithARate() {
        var i = Self.inputs(weeks: 6)
        i.rates.storagePerTB = Sourced(3_000_000, source: "rates.toml line 9")
        let r = estimate(i)
        let line = r.money.oneOff.first { $0.part == "storage" }
        let tb = Double(r.storage.remainingBytes + (r.delivery?.remainingBytes ?? 0)) / 1e12
        #expect(line?.quantity == (tb * 100).rounded() / 100)
        #expect(line?.amountVND == Int64(((tb * 100).rounded() / 100 * 3_000_000).rounded()))
        i.rates.storagePerTB = nil
        #expect(!estimate(i).money.oneOff.contains { $0.part == "storage" })
    }

    @Test func aRisingRateIsNotCalledEasierFirstWork() {
        let drift = Drift(firstThirdRate: 0.03, lastThirdRate: 0.07)
        let text = Texts.drift(.scanning, drift).message.vi
        #expect(!text.contains("dễ hơn"))
        #expect(Texts.drift(.scanning, Drift(firstThirdRate: 0.07, lastThirdRate: 0.03)).message.vi.contains("dễ hơn"))
    }

    @Test func roundedPartsAddUpToTheRoundedTotal() {
        let parts = Format.roundedParts([14.954, 0.0, 0.036], total: 14.99, digits: 2)
        #expect(parts == [14.95, 0, 0.04])
        let many = Format.roundedParts([20.213, 20.213, 20.204], total: 60.63, digits: 2)
        #expect(abs(many.reduce(0, +) - 60.63) < 1e-9)
    }

    @Test func withoutARatesFileSourcesSaySoAndNoOneOffIsInvented() {
        let r = Rates.builtIn(missing: "catalog/rates.toml")
        #expect(r.oneOff.isEmpty)
        #expect(r.contractor.perPageScanned.source == "mặc định (chưa có catalog/rates.toml)")
        #expect(r.storagePerTB != nil)
    }
}
