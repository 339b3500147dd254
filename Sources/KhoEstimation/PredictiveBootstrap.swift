/// The predictive block bootstrap: how many person-days the remaining work takes, drawn many times.
///
/// Each resample (1) draws the history's blocks (ISO weeks of person-days) with
/// replacement, which gives one plausible history and its mean rate; then (2)
/// plays the future forward by drawing blocks from *that resampled history*
/// until the remaining amount is done, interpolating inside the last block.
/// Step 1 carries the uncertainty of the mean rate, step 2 the week-to-week
/// noise of the work still to do, so the spread answers "when will it be done"
/// rather than only "what is the mean rate". Weekly blocks keep days in a row
/// together, which is what handles day-to-day correlation. Finally every draw's
/// distance from the median is widened by ``Statistics/expansionFactor(blocks:)``.
struct PredictiveBootstrap {
    /// Output of each block.
    let amounts: [Double]
    /// Person-days in each block.
    let personDays: [Double]

    /// Blocks drawn in step 2 before the rest is extrapolated at the resample's mean rate.
    static let maxFutureBlocks = 2_000

    /// Person-days needed to finish `remaining`, one per resample, expanded; `nil` when the history has no output at all.
    func personDaysNeeded(remaining: Double, resamples: Int, seed: UInt64) -> [Double]? {
        let n = amounts.count
        guard n > 0, amounts.reduce(0, +) > 0, resamples > 0 else { return nil }
        guard remaining > 0 else { return [Double](repeating: 0, count: resamples) }
        var rng = SeededGenerator(seed: seed)
        var out = [Double](repeating: 0, count: resamples)
        var drawn = [Int](repeating: 0, count: n)
        amounts.withUnsafeBufferPointer { a in
            personDays.withUnsafeBufferPointer { p in
                drawn.withUnsafeMutableBufferPointer { idx in
                    for r in 0..<resamples {
                        var sumA = 0.0
                        var sumP = 0.0
                        for k in 0..<n {
                            let j = rng.index(below: n)
                            idx[k] = j
                            sumA += a[j]
                            sumP += p[j]
                        }
                        guard sumA > 0 else {
                            out[r] = .infinity
                            continue
                        }
                        var done = 0.0
                        var used = 0.0
                        var blocks = 0
                        while true {
                            let j = idx[rng.index(below: n)]
                            let aj = a[j]
                            if done + aj >= remaining {
                                used += p[j] * (remaining - done) / aj
                                break
                            }
                            done += aj
                            used += p[j]
                            blocks += 1
                            if blocks >= Self.maxFutureBlocks {
                                used += (remaining - done) * sumP / sumA
                                break
                            }
                        }
                        out[r] = used
                    }
                }
            }
        }
        return Self.expand(out, by: Statistics.expansionFactor(blocks: n))
    }

    /// Widens each draw's distance from the median by `factor` (never below zero); infinite draws stay infinite.
    static func expand(_ values: [Double], by factor: Double) -> [Double] {
        let median = Statistics.quantile(sorted: values.sorted(), 0.5)
        guard median.isFinite, factor != 1 else { return values }
        return values.map { v in v.isFinite ? max(0, median + factor * (v - median)) : v }
    }
}
