/// The mean rate in the first and last thirds of the window, and whether they differ enough to warn.
public struct Drift: Sendable, Codable, Equatable {
    /// Mean output per person-day over the first third of the days with work.
    public let firstThirdRate: Double
    /// Mean output per person-day over the last third of the days with work.
    public let lastThirdRate: Double
    /// `last / first − 1` (0 when the first third produced nothing).
    public let relativeChange: Double
    /// Whether |relative change| exceeds the threshold.
    public let drifting: Bool

    enum CodingKeys: String, CodingKey {
        case firstThirdRate = "first_third_rate"
        case lastThirdRate = "last_third_rate"
        case relativeChange = "relative_change"
        case drifting
    }

    /// A drift between two measured rates.
    init(firstThirdRate: Double, lastThirdRate: Double, threshold: Double = EstimationDefaults.driftThreshold) {
        self.firstThirdRate = firstThirdRate
        self.lastThirdRate = lastThirdRate
        relativeChange = firstThirdRate > 0 ? lastThirdRate / firstThirdRate - 1 : 0
        drifting = firstThirdRate > 0 ? abs(relativeChange) > threshold : lastThirdRate > 0
    }

    /// Compares the first and last thirds of the history's days; nil with fewer than 3 days.
    public init?(history: WorkHistory, threshold: Double = EstimationDefaults.driftThreshold) {
        let days = history.days
        guard days.count >= 3 else { return nil }
        let third = days.count / 3
        let firstEnd = days[third - 1]
        let lastStart = days[days.count - third]
        func rate(_ include: (LocalDay) -> Bool) -> Double {
            var a = 0.0
            var n = 0
            for pd in history.personDays where include(pd.day) {
                a += pd.amount
                n += 1
            }
            return n > 0 ? a / Double(n) : 0
        }
        self.init(
            firstThirdRate: rate { $0 <= firstEnd }, lastThirdRate: rate { $0 >= lastStart }, threshold: threshold)
    }
}
