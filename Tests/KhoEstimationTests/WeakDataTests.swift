import Testing

@testable import KhoEstimation

@Suite struct WeakDataTests {
    static func result(weeks: Int) -> EstimateResult {
        let obs = Fixtures.history(.scanning, people: ["Minh"], from: Fixtures.day(2026, 11, 2), weeks: weeks) { i, _ in
            Double(800 + (i * 53) % 400)
        }
        return estimate(
            EstimateInputs(
                observations: obs, today: Fixtures.day(2026, 11, 27),
                remaining: RemainingWork(unarrangedMetres: 0, pagesKnownUnscanned: 30_000),
                rates: Fixtures.ratesWithoutHolidays, resamples: 1_000))
    }

    @Test func fewerThanTenDaysIsFlaggedWeak() {
        // Given one week (5 days) of scanning
        let r = Self.result(weeks: 1)
        // Then the estimate says how little it rests on and is flagged weak
        #expect(r.scanning.projection.daysOfData == 5)
        #expect(r.scanning.projection.weak && r.weak)
        #expect(r.warnings.contains { $0.code == "weak_scanning" && $0.message.en.contains("5 days") })
    }

    @Test func fewWeeksResampleSingleDays() {
        // Given two weeks (10 days): enough days, too few weeks to resample weeks
        let r = Self.result(weeks: 2)
        // Then single days are resampled, it says so, and the band has width
        let p = r.scanning.projection
        #expect(!p.weak && p.block == "day")
        #expect(r.warnings.contains { $0.code == "day_blocks_scanning" })
        #expect(p.workingDays.p10 < p.workingDays.p90)
    }

    @Test func fourWeeksResampleWeeks() {
        // Given four weeks
        let r = Self.result(weeks: 4)
        // Then whole ISO weeks are the resampling blocks
        #expect(r.scanning.projection.block == "iso_week")
        #expect(!r.warnings.contains { $0.code.hasPrefix("day_blocks") })
    }
}

@Suite struct PerformanceTests {
    @Test func tenThousandResamplesOnTwoYearsIsQuick() {
        // Given two years of three people on each kind of work (release: ~25 ms for the whole estimate)
        var rng = SeededGenerator(seed: 1)
        var obs: [Observation] = []
        let start = Fixtures.day(2024, 11, 25)
        for i in 0..<730 {
            let d = start.adding(days: i)
            guard d.isoWeekday <= 5 else { continue }
            for p in 0..<3 {
                obs.append(Observation(day: d, person: "A\(p)", kind: .arrangement, amount: 0.1 + 0.1 * rng.unit()))
                obs.append(Observation(day: d, person: "S\(p)", kind: .scanning, amount: 800 + 400 * rng.unit()))
            }
        }
        let inputs = EstimateInputs(
            observations: obs, today: Fixtures.day(2026, 11, 27),
            remaining: RemainingWork(unarrangedMetres: 60.6), window: .lastDaysWithWork(10_000))
        // When estimated with 10,000 resamples
        let clock = ContinuousClock()
        var r: EstimateResult?
        let elapsed = clock.measure { r = estimate(inputs) }
        // Then it rests on all 522 days, and even a debug build stays within a few seconds
        #expect(r?.daysOfData == 522)
        #expect(r?.scanning.projection.block == "iso_week")
        print("estimate on two years, 10,000 resamples: \(elapsed)")
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}
