/// One day's value of a cumulative series, e.g. metres arranged up to and including that day.
public struct SeriesPoint: Sendable, Codable, Hashable {
    /// The local day, `YYYY-MM-DD`.
    public var day: String
    /// The cumulative value on that day.
    public var value: Double

    /// Makes a point.
    public init(day: String, value: Double) {
        self.day = day
        self.value = value
    }
}

/// One day of a projection: the cumulative value at P10, P50 and P90.
public struct BandPoint: Sendable, Codable, Hashable {
    /// The local day, `YYYY-MM-DD`.
    public var day: String
    /// The optimistic (10th percentile) cumulative value.
    public var p10: Double
    /// The median cumulative value.
    public var p50: Double
    /// The pessimistic (90th percentile) cumulative value.
    public var p90: Double

    /// Makes a band point.
    public init(day: String, p10: Double, p50: Double, p90: Double) {
        self.day = day
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }
}

/// What one person did in one ISO week: *rõ người, rõ việc*.
public struct WeeklyRow: Sendable, Codable, Hashable {
    /// The ISO week, `YYYY-Www`, e.g. `2026-W40`.
    public var week: String
    /// The person who did the work.
    public var person: String
    /// Metres arranged that week.
    public var arrangementMetres: Double
    /// Pages scanned that week.
    public var scanningPages: Int
    /// The Monday the week starts on, `YYYY-MM-DD` (charts are labelled by it); empty when not known.
    public var weekStart: String
    /// True when the person did arrangement that week (even with 0 metres finished).
    public var didArrangement: Bool
    /// True when the person scanned that week.
    public var didScanning: Bool

    /// Makes a weekly row; without `did…` flags, a kind counts as done when its amount is above 0.
    public init(
        week: String, person: String, arrangementMetres: Double, scanningPages: Int, weekStart: String = "",
        didArrangement: Bool? = nil, didScanning: Bool? = nil
    ) {
        self.week = week
        self.person = person
        self.arrangementMetres = arrangementMetres
        self.scanningPages = scanningPages
        self.weekStart = weekStart
        self.didArrangement = didArrangement ?? (arrangementMetres > 0)
        self.didScanning = didScanning ?? (scanningPages > 0)
    }
}
