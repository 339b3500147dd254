import KhoTestTags
import Testing

@testable import KhoEstimation

/// Simulated daily output per person-day: gamma (mean μ, CV 0.6) with 10 % of days zero; the latent normal behind the gamma is AR(1).
struct WorkSimulator {
    var rng: SeededGenerator
    let mean: Double
    let correlation: Double
    var latent: [Double]
    let shape = 1 / (0.6 * 0.6)

    init(seed: UInt64, people: Int, mean: Double, correlation: Double) {
        rng = SeededGenerator(seed: seed)
        self.mean = mean
        self.correlation = correlation
        latent = []
        for _ in 0..<people { latent.append(normal()) }
    }

    mutating func normal() -> Double {
        // Box–Muller on the seeded generator.
        let u1 = max(rng.unit(), 1e-300)
        let u2 = rng.unit()
        return (-2 * portableLog(u1)).squareRoot() * portableCos(2 * Double.pi * u2)
    }

    /// One working day's output of every person.
    mutating func nextDay() -> [Double] {
        var out: [Double] = []
        for p in latent.indices {
            latent[p] = correlation * latent[p] + (1 - correlation * correlation).squareRoot() * normal()
            let zero = rng.unit() < 0.1
            // Wilson–Hilferty: a monotone map from the normal to a gamma with this shape and mean.
            let c = 1 - 1 / (9 * shape) + latent[p] / (3 * shape.squareRoot())
            out.append(zero ? 0 : mean * max(0, c * c * c))
        }
        return out
    }
}

/// Natural logarithm with plain arithmetic, so the simulation is identical on every platform's libm.
func portableLog(_ x: Double) -> Double {
    let e = Double(x.exponent)
    let m = x.significand  // in [1, 2)
    let t = (m - 1) / (m + 1)
    var sum = 0.0
    var term = t
    var k = 1.0
    while abs(term) > 1e-17 {
        sum += term / k
        term *= t * t
        k += 2
    }
    return e * 0.693_147_180_559_945_3 + 2 * sum
}

/// Cosine with plain arithmetic (range reduction, then a Taylor series).
func portableCos(_ x: Double) -> Double {
    var y = x.truncatingRemainder(dividingBy: 2 * .pi)
    if y > .pi { y -= 2 * .pi }
    if y < -.pi { y += 2 * .pi }
    var sum = 1.0
    var term = 1.0
    var n = 0.0
    while abs(term) > 1e-17 {
        n += 2
        term *= -y * y / ((n - 1) * n)
        sum += term
    }
    return sum
}

@Suite(.tags(.slow)) struct CalibrationTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let correlation: Double
        let coverage: ClosedRange<Double>
        var description: String { name }
    }

    static let people = 3
    static let mean = 100.0  // pages on a working (non-zero) day
    static let remainingDays = 200.0
    static let seeds = 1_000
    static let resamples = 1_000

    /// Runs one seed: 8 weeks of history, an estimate, then the simulated truth.
    static func run(seed: UInt64, correlation: Double) -> (covered: Bool, p50Error: Double, width: Double) {
        var sim = WorkSimulator(seed: seed &* 7919 &+ 17, people: people, mean: mean, correlation: correlation)
        let days = Fixtures.workingDays(from: Fixtures.day(2026, 1, 5), weeks: 8)
        var obs: [Observation] = []
        for d in days {
            for (p, amount) in sim.nextDay().enumerated() {
                obs.append(Observation(day: d, person: "P\(p)", kind: .scanning, amount: amount))
            }
        }
        let remaining = remainingDays * Double(people) * mean * 0.9
        let r = estimate(
            EstimateInputs(
                observations: obs, today: days[days.count - 1],
                remaining: RemainingWork(unarrangedMetres: 0, pagesKnownUnscanned: remaining),
                rates: Fixtures.ratesWithoutHolidays, seed: seed, resamples: resamples))
        var done = 0.0
        var truth = 0
        while done < remaining {
            truth += 1
            done += sim.nextDay().reduce(0, +)
        }
        let band = r.scanning.projection.workingDays
        let t = Double(truth)
        return (band.p10 <= truth && truth <= band.p90, abs(Double(band.p50) - t) / t, Double(band.p90 - band.p10) / t)
    }

    @Test(arguments: [
        Case(name: "A: independent days", correlation: 0, coverage: 0.75...0.88),
        Case(name: "B: day-to-day correlation 0.6", correlation: 0.6, coverage: 0.65...1.0),
    ])
    func bandHoldsTheTruthAsOftenAsItSays(_ c: Case) {
        // Given 1,000 seeded histories of 3 people over 8 weeks, ~200 working days of work left
        var covered = 0
        var errors: [Double] = []
        var widths: [Double] = []
        for seed in 0..<Self.seeds {
            // When each is estimated and its continuation simulated to the end
            let run = Self.run(seed: UInt64(seed), correlation: c.correlation)
            if run.covered { covered += 1 }
            errors.append(run.p50Error)
            widths.append(run.width)
        }
        let coverage = Double(covered) / Double(Self.seeds)
        let medianError = errors.sorted()[errors.count / 2]
        let medianWidth = widths.sorted()[widths.count / 2]
        print(
            "calibration \(c.name): coverage \(coverage), median |P50 error| \(medianError), median band width \(medianWidth)"
        )
        // Then the P10–P90 band holds the truth about 80 % of the time, and the median is close
        #expect(c.coverage.contains(coverage), "coverage \(coverage)")
        #expect(medianError <= 0.10, "median |P50 error| \(medianError)")
    }
}

@Suite struct PortableMathTests {
    @Test func logAndCosAreAccurate() {
        // Given known values; When computed with plain arithmetic; Then they match to 1e-12
        #expect(abs(portableLog(1) - 0) < 1e-12)
        #expect(abs(portableLog(2.718_281_828_459_045) - 1) < 1e-12)
        #expect(abs(portableLog(1e-10) + 23.025_850_929_940_457) < 1e-9)
        #expect(abs(portableCos(0) - 1) < 1e-12)
        #expect(abs(portableCos(Double.pi) + 1) < 1e-12)
        #expect(abs(portableCos(Double.pi / 3) - 0.5) < 1e-12)
    }
}
