import KhoTestTags
import Testing

@testable import KhoEstimation

/// The sustained pace's band against simulated truth when whole weeks go idle (other duties, holidays, no budget).
@Suite(.tags(.slow)) struct SustainedCalibrationTests {
    static let people = 3
    static let mean = 100.0
    static let idleProbability = 0.3
    static let historyWeeks = 26
    static let seeds = 1_000
    static let resamples = 1_000

    /// One seed: 26 weeks of history in which each week is idle with probability 0.3, an estimate, then the truth.
    static func run(seed: UInt64) -> (covered: Bool, p50Error: Double) {
        var sim = WorkSimulator(seed: seed &* 104_729 &+ 3, people: people, mean: mean, correlation: 0)
        var weekRNG = SeededGenerator(seed: seed &* 31 &+ 7)
        let start = Fixtures.day(2026, 1, 5)  // a Monday
        var obs: [Observation] = []
        for w in 0..<historyWeeks {
            let idle = weekRNG.unit() < idleProbability
            for k in 0..<5 {
                let outputs = sim.nextDay()
                guard !idle else { continue }
                let d = start.adding(days: 7 * w + k)
                for (p, amount) in outputs.enumerated() {
                    obs.append(Observation(day: d, person: "P\(p)", kind: .scanning, amount: amount))
                }
            }
        }
        let today = start.adding(days: 7 * (historyWeeks - 1) + 4)  // the Friday of the last week
        // About 40 active weeks of work left, i.e. ~57 calendar weeks at 70 % availability.
        let remaining = 40 * 5 * Double(people) * mean * 0.9
        let r = estimate(
            EstimateInputs(
                observations: obs, today: today,
                remaining: RemainingWork(unarrangedMetres: 0, pagesKnownUnscanned: remaining),
                rates: Fixtures.ratesWithoutHolidays, seed: seed, resamples: resamples))
        // The truth: weeks go on being idle with the same probability.
        var done = 0.0
        var finish = today
        var w = 0
        outer: while true {
            let idle = weekRNG.unit() < idleProbability
            for k in 0..<5 {
                let outputs = sim.nextDay()
                if idle { continue }
                done += outputs.reduce(0, +)
                if done >= remaining {
                    finish = today.adding(days: 3 + 7 * w + k)
                    break outer
                }
            }
            w += 1
        }
        guard let band = r.sustained?.scanning.finishDate else { return (false, 1) }
        let span = Double(finish.dayNumber - today.dayNumber)
        let error = abs(Double(band.p50.dayNumber - finish.dayNumber)) / span
        return (band.p10 <= finish && finish <= band.p90, error)
    }

    @Test func sustainedBandHoldsTheTruthWithIdleWeeks() {
        // Given 1,000 seeded histories of 3 people over 26 weeks, each week idle with probability 0.3
        var covered = 0
        var errors: [Double] = []
        for seed in 0..<Self.seeds {
            // When each is estimated and its continuation (idle weeks included) simulated to the end
            let run = Self.run(seed: UInt64(seed))
            if run.covered { covered += 1 }
            errors.append(run.p50Error)
        }
        let coverage = Double(covered) / Double(Self.seeds)
        let medianError = errors.sorted()[errors.count / 2]
        print("sustained calibration with idle weeks: coverage \(coverage), median |P50 error| \(medianError)")
        // Then the sustained P10–P90 holds the realised finish in 75–90 % of seeds
        #expect((0.75...0.90).contains(coverage), "coverage \(coverage)")
        #expect(medianError <= 0.12, "median |P50 error| \(medianError)")
    }
}
