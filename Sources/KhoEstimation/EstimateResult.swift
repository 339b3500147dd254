/// An estimate of the work, time and money left, with its assumptions and warnings. Codable to snake_case JSON.
public struct EstimateResult: Sendable, Codable, Equatable {
    /// The scope label from the inputs.
    public var scope: String?
    /// The day the estimate was made for.
    public var today: LocalDay
    /// True when neither arrangement nor scanning has any recorded work.
    public var noData: Bool
    /// Distinct days with any recorded work in the windows.
    public var daysOfData: Int
    /// True when either part rests on fewer than 10 days of data.
    public var weak: Bool
    /// Warnings: no data, weak, drift, …
    public var warnings: [Notice]
    /// Every figure used that was not measured.
    public var assumptions: [Assumption]
    /// Arrangement.
    public var arrangement: ArrangementEstimate
    /// Scanning.
    public var scanning: ScanningEstimate
    /// Storage.
    public var storage: StorageEstimate
    /// Both parts together.
    public var total: TotalEstimate
    /// Contractor and in-house variants.
    public var money: MoneyBreakdown
    /// What-if deadline, carried through.
    public var until: LocalDay?
    /// Output per ISO week and per person, for each kind of work, over the window.
    public var throughput: [ThroughputRow]
    /// How the spread was computed.
    public var method: MethodNote

    enum CodingKeys: String, CodingKey {
        case scope, today
        case noData = "no_data"
        case daysOfData = "days_of_data"
        case weak, warnings, assumptions, arrangement, scanning, storage, total, money, until, throughput, method
    }
}

/// How the spread was computed, so a saved estimate explains itself.
public struct MethodNote: Sendable, Codable, Equatable {
    /// Bootstrap resamples.
    public var resamples: Int
    /// Generator seed.
    public var seed: UInt64
    /// The measurement window.
    public var window: MeasurementWindow
    /// Short description of the method, in both languages.
    public var description: Bilingual
}
