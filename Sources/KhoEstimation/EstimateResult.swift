/// An estimate of the work, time and money left, with its assumptions and warnings. Codable to snake_case JSON.
public struct EstimateResult: Sendable, Codable, Equatable {
    /// The scope label from the inputs (Vietnamese).
    public var scope: String?
    /// The scope label in both languages.
    public var scopeText: Text?
    /// The day the estimate was made for.
    public var today: LocalDay
    /// Days a week each planned person works on the part (the plan).
    public var daysPerWeek: Double
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
    /// Storage of the masters.
    public var storage: StorageEstimate
    /// The legal copies still to build: machine hours and PDF storage (nil in estimates saved before copies existed).
    public var delivery: DeliveryEstimate?
    /// Describing documents: how many, from what documents per file (nil in estimates saved before documents existed).
    public var documents: DescriptionEstimate?
    /// Both parts together.
    public var total: TotalEstimate
    /// Contractor and in-house variants.
    public var money: MoneyBreakdown
    /// What-if deadline, carried through.
    public var until: LocalDay?
    /// Availability (person-days per week, idle weeks included) and idleness, per part.
    public var pace: PaceByPart?
    /// The finish at the pace actually sustained, per part and in all (the plan is `arrangement`, `scanning`, `total`).
    public var sustained: SustainedByPart?
    /// With `until`: staff, extra staff-days and money to finish by then, per part.
    public var deadline: Deadline?
    /// Output per ISO week and per person, for each kind of work, over the window.
    public var throughput: [ThroughputRow]
    /// How the spread was computed.
    public var method: MethodNote

    enum CodingKeys: String, CodingKey {
        case scope
        case scopeText = "scope_text"
        case today
        case daysPerWeek = "days_per_week"
        case noData = "no_data"
        case daysOfData = "days_of_data"
        case weak, warnings, assumptions, arrangement, scanning, storage, delivery, documents, total, money, until,
            pace, sustained, deadline
        case throughput, method
    }

    /// Decodes; an estimate saved before plans had days per week reads as 5 days a week.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        scope = try c.decodeIfPresent(String.self, forKey: .scope)
        scopeText = try c.decodeIfPresent(Text.self, forKey: .scopeText)
        today = try c.decode(LocalDay.self, forKey: .today)
        daysPerWeek = try c.decodeIfPresent(Double.self, forKey: .daysPerWeek) ?? EstimationDefaults.daysPerWeek
        noData = try c.decode(Bool.self, forKey: .noData)
        daysOfData = try c.decode(Int.self, forKey: .daysOfData)
        weak = try c.decode(Bool.self, forKey: .weak)
        warnings = try c.decode([Notice].self, forKey: .warnings)
        assumptions = try c.decode([Assumption].self, forKey: .assumptions)
        arrangement = try c.decode(ArrangementEstimate.self, forKey: .arrangement)
        scanning = try c.decode(ScanningEstimate.self, forKey: .scanning)
        storage = try c.decode(StorageEstimate.self, forKey: .storage)
        delivery = try c.decodeIfPresent(DeliveryEstimate.self, forKey: .delivery)
        documents = try c.decodeIfPresent(DescriptionEstimate.self, forKey: .documents)
        total = try c.decode(TotalEstimate.self, forKey: .total)
        money = try c.decode(MoneyBreakdown.self, forKey: .money)
        until = try c.decodeIfPresent(LocalDay.self, forKey: .until)
        pace = try c.decodeIfPresent(PaceByPart.self, forKey: .pace)
        sustained = try c.decodeIfPresent(SustainedByPart.self, forKey: .sustained)
        deadline = try c.decodeIfPresent(Deadline.self, forKey: .deadline)
        throughput = try c.decode([ThroughputRow].self, forKey: .throughput)
        method = try c.decode(MethodNote.self, forKey: .method)
    }

    /// Makes a result (the estimator's one way in).
    init(
        scope: String?, scopeText: Text?, today: LocalDay, daysPerWeek: Double, noData: Bool, daysOfData: Int,
        weak: Bool,
        warnings: [Notice], assumptions: [Assumption], arrangement: ArrangementEstimate, scanning: ScanningEstimate,
        storage: StorageEstimate, delivery: DeliveryEstimate?, documents: DescriptionEstimate?, total: TotalEstimate,
        money: MoneyBreakdown, until: LocalDay?, pace: PaceByPart?,
        sustained: SustainedByPart?, deadline: Deadline?, throughput: [ThroughputRow], method: MethodNote
    ) {
        self.scope = scope
        self.scopeText = scopeText
        self.today = today
        self.daysPerWeek = daysPerWeek
        self.noData = noData
        self.daysOfData = daysOfData
        self.weak = weak
        self.warnings = warnings
        self.assumptions = assumptions
        self.arrangement = arrangement
        self.scanning = scanning
        self.storage = storage
        self.delivery = delivery
        self.documents = documents
        self.total = total
        self.money = money
        self.until = until
        self.pace = pace
        self.sustained = sustained
        self.deadline = deadline
        self.throughput = throughput
        self.method = method
    }

    /// The scope in `lang`.
    public func scopeLabel(_ lang: Lang) -> String { scopeText?.text(lang) ?? scope ?? "" }
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
    public var description: Text
    /// How the sustained pace is projected, in both languages.
    public var sustainedDescription: Text?

    enum CodingKeys: String, CodingKey {
        case resamples, seed, window, description
        case sustainedDescription = "sustained_description"
    }
}
