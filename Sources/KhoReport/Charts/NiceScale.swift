import Foundation

/// An axis from zero (or the data minimum) to a round maximum, with ticks at 1, 2 or 5 × 10ⁿ steps.
struct NiceScale {
    let lower: Double
    let upper: Double
    let step: Double

    /// Chooses round ticks covering `min...max` with about `target` intervals; non-finite or empty input gives 0...1.
    init(min rawMin: Double, max rawMax: Double, target: Int = 5) {
        var lo = rawMin.isFinite ? rawMin : 0
        var hi = rawMax.isFinite ? rawMax : 0
        if lo > hi { swap(&lo, &hi) }
        if hi - lo <= 0 {
            if hi == 0 {
                hi = 1
            } else if hi > 0 {
                lo = Swift.min(lo, 0)
                hi = hi == lo ? hi + 1 : hi
            } else {
                hi = 0
            }
        }
        let raw = (hi - lo) / Double(Swift.max(target, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        var s = nice * magnitude
        if !s.isFinite || s <= 0 { s = 1 }
        step = s
        lower = floor(lo / s) * s
        upper = Swift.max(ceil(hi / s) * s, lower + s)
    }

    /// The tick values from `lower` to `upper` (at most 50, so that a pathological scale cannot explode).
    var ticks: [Double] {
        var out: [Double] = []
        var i = 0.0
        while out.count < 50 {
            let v = lower + i * step
            if v > upper + step / 1e6 { break }
            out.append(abs(v) < step / 1e9 ? 0 : v)
            i += 1
        }
        return out
    }

    /// Where `v` falls between `lower` (0) and `upper` (1), clamped; 0 for non-finite input.
    func fraction(_ v: Double) -> Double {
        guard v.isFinite, upper > lower else { return 0 }
        return Swift.min(Swift.max((v - lower) / (upper - lower), 0), 1)
    }
}
