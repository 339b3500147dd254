import Testing

@testable import KhoEstimation

@Suite struct ConstantRateTests {
    // Given 8 weeks of one archivist at 0.1 m/day and one operator at 500 pages/day,
    // with today the Friday after the last recorded week.
    static let start = Fixtures.day(2026, 9, 7)  // a Monday
    static let today = Fixtures.day(2026, 10, 30)  // Friday of the 8th week
    static var observations: [Observation] {
        Fixtures.history(.arrangement, people: ["Lan"], from: start, weeks: 8) { _, _ in 0.1 }
            + Fixtures.history(.scanning, people: ["Minh"], from: start, weeks: 8) { _, _ in 500 }
    }

    static func inputs(staff: StaffPlan = StaffPlan()) -> EstimateInputs {
        EstimateInputs(
            observations: observations, today: today,
            remaining: RemainingWork(unarrangedMetres: 2.0),
            measured: MeasuredRatios(
                keptPerExtent: 0.5, pagesPerSheet: 1.2, pagesPerKeptMetre: 10_000, bytesPerPage: 10_000_000),
            staff: staff, rates: Fixtures.ratesWithoutHolidays, resamples: 2_000)
    }

    @Test func constantHistoryGivesExactTimeAndZeroWidthBand() {
        // When estimated with the current staff (one person on each)
        let r = estimate(Self.inputs())
        // Then 2 m at 0.1 m/day is 20 working days, from Monday 2 Nov to Friday 27 Nov
        let a = r.arrangement.projection
        #expect(a.ratePerPersonDay == 0.1 * 1.0 || abs(a.ratePerPersonDay - 0.1) < 1e-12)
        #expect(a.workingDays == Band(all: 20))
        #expect(a.finishDate == Band(all: Fixtures.day(2026, 11, 27)))
        #expect(abs(a.staffDays.p90 - a.staffDays.p10) < 1e-9)
        #expect(a.block == "iso_week" && a.daysOfData == 40 && !a.weak)
        // And 2 m × 0.5 kept × 10,000 pages = 10,000 pages at 500 pages/day is 20 working days
        #expect(r.scanning.remainingPages == 10_000)
        #expect(r.scanning.projection.workingDays == Band(all: 20))
        #expect(r.total.finishDate == Band(all: Fixtures.day(2026, 11, 27)))
        // And with nobody extra, the in-house variant costs only describing and the one-offs
        #expect(r.total.costVND == Band(all: 0))
        let describing = r.money.inHouse.filter { $0.part == "description" }.reduce(Int64(0)) { $0 + $1.amountVND }
        #expect(r.money.inHouseTotalVND == Band(all: r.money.oneOffTotalVND + describing))
        #expect(r.warnings.isEmpty)
    }

    @Test func extraStaffCostTheirStaffDaysAtTheDayRate() {
        // When two people are planned on each part and one is salaried
        let r = estimate(Self.inputs(staff: StaffPlan(arrangement: 2, scanning: 2)))
        // Then each part takes 10 working days; the extra person works 10 staff-days at 400,000 đ
        let a = r.arrangement.projection
        #expect(a.workingDays == Band(all: 10))
        #expect(a.extraStaff == 1 && a.currentStaff == 1)
        #expect(a.extraStaffDays.p50 == 10 || abs(a.extraStaffDays.p50 - 10) < 1e-9)
        #expect(a.costVND == Band(all: 4_000_000))
        #expect(r.total.costVND == Band(all: 8_000_000))
        #expect(r.arrangement.rateMetresPerDay == 0.2 || abs(r.arrangement.rateMetresPerDay - 0.2) < 1e-12)
        // And the contractor variant prices every quantity with its source line
        let metres = r.money.contractor.first { $0.item == "per_metre_arranged" }
        #expect(metres?.amountVND == 16_000_000)
        #expect(metres?.source.stored.hasPrefix("rates.toml line ") == true)
        let pages = r.money.contractor.first { $0.item == "per_page_scanned" }
        #expect(pages?.amountVND == 15_000_000)
        #expect(r.money.inHouse.allSatisfy { $0.unitPriceVND == 400_000 })
    }

    @Test func dayRateOverrideAndDeadlineWhatIf() {
        // Given a what-if: day rate 500,000 đ and a deadline 10 working days away
        var inputs = Self.inputs(staff: StaffPlan(arrangement: 2, scanning: 2))
        inputs.dayRateOverride = 500_000
        inputs.until = Fixtures.day(2026, 11, 13)
        // When estimated
        let r = estimate(inputs)
        // Then the override is priced with its own source, and 20 person-days in 10 days needs 2 people
        #expect(r.arrangement.projection.costVND == Band(all: 5_000_000))
        #expect(r.money.inHouse.allSatisfy { $0.source == "what-if --day-rate" })
        #expect(r.arrangement.projection.staffNeededByUntil == Band(all: 2))
        #expect(r.total.staffNeededByUntil == Band(all: 4))
    }

    @Test func scanningAheadOfArrangementIsFlaggedAndTotalFollowsArrangement() {
        // When four people scan while one arranges the same unarranged metres
        let r = estimate(Self.inputs(staff: StaffPlan(scanning: 4)))
        // Then scanning alone would finish in 5 days, but the total waits for arrangement's 20
        #expect(r.scanning.projection.workingDays == Band(all: 5))
        #expect(r.total.workingDays == Band(all: 20))
        #expect(
            r.warnings.map(\.code).filter { !$0.hasPrefix("staff_unrealistic") } == ["scanning_waits_for_arrangement"])
        // And four people scanning on the default rates' one scanner is flagged
        #expect(r.warnings.contains { $0.code == "staff_unrealistic_scanning" })
    }

    @Test func sameSeedSameResult() {
        // Given a noisy history
        var inputs = Self.inputs()
        inputs.observations = Fixtures.history(.scanning, people: ["A", "B"], from: Self.start, weeks: 8) { i, p in
            Double((i * 37 + p * 11) % 13) * 100
        }
        // When estimated twice
        // Then the results are identical, and another seed moves the band
        #expect(estimate(inputs) == estimate(inputs))
        var other = inputs
        other.seed = 7
        #expect(estimate(other).scanning.projection.staffDays != estimate(inputs).scanning.projection.staffDays)
    }
}
