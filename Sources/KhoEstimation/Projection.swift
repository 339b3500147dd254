/// Whether a figure was measured from this archive's own work or is a stated default.
public enum FigureSource: String, Sendable, Codable {
    /// Measured from recorded work.
    case measured
    /// A stated default, listed in the assumptions.
    case assumed
}

/// How one kind of work is projected: rate, staff, and the P10/P50/P90 of time, staff-days and cost.
public struct Projection: Sendable, Codable, Equatable {
    /// Mean output per person-day (metres or pages).
    public var ratePerPersonDay: Double
    /// Whether the rate was measured or assumed.
    public var rateSource: FigureSource
    /// People planned on this work.
    public var plannedStaff: Int
    /// Salaried people on this work now.
    public var currentStaff: Int
    /// Planned − current (≥ 0): the people whose days cost money in-house.
    public var extraStaff: Int
    /// Distinct days with recorded work in the window.
    public var daysOfData: Int
    /// Person-days with recorded work in the window.
    public var personDaysOfData: Int
    /// True when fewer than 10 days of data (or none).
    public var weak: Bool
    /// Resampling unit: `iso_week`, `day`, or `none` (assumed rate, no spread).
    public var block: String
    /// Working days from tomorrow until done.
    public var workingDays: Band<Int>
    /// The working day the work is done on.
    public var finishDate: Band<LocalDay>
    /// Person-days of work.
    public var staffDays: Band<Double>
    /// Person-days worked by extra staff: staff-days × extra ÷ planned.
    public var extraStaffDays: Band<Double>
    /// In-house cost: extra staff-days × day rate (VND).
    public var costVND: Band<Int64>
    /// Contractor cost of this part (VND), without one-off lines.
    public var contractorVND: Int64
    /// First-third vs last-third rate comparison, when there are at least 3 days.
    public var drift: Drift?
    /// What-if: people needed to finish by the `until` day, at P50 and P90 (nil: no working day left).
    public var staffNeededByUntil: Band<Int>?
    /// Why no P10–P90 band is given (too few weeks of work, or an assumed rate); nil when the band stands.
    /// JSON: `band_reason`, and `band` (`{"p10", "p90"}` of the finish, or null with this reason).
    public var bandWithheld: Text?

    enum CodingKeys: String, CodingKey {
        case ratePerPersonDay = "rate_per_person_day"
        case rateSource = "rate_source"
        case plannedStaff = "planned_staff"
        case currentStaff = "current_staff"
        case extraStaff = "extra_staff"
        case daysOfData = "days_of_data"
        case personDaysOfData = "person_days_of_data"
        case weak, block
        case workingDays = "working_days"
        case finishDate = "finish_date"
        case staffDays = "staff_days"
        case extraStaffDays = "extra_staff_days"
        case costVND = "cost_vnd"
        case contractorVND = "contractor_vnd"
        case drift
        case staffNeededByUntil = "staff_needed_by_until"
        case bandWithheld = "band_reason"
        case band
    }

    /// The finish's P10 and P90 when a band stands, else nil (see ``bandWithheld``).
    public var band: Band<LocalDay>? { bandWithheld == nil ? finishDate : nil }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        ratePerPersonDay = try c.decode(Double.self, forKey: .ratePerPersonDay)
        rateSource = try c.decode(FigureSource.self, forKey: .rateSource)
        plannedStaff = try c.decode(Int.self, forKey: .plannedStaff)
        currentStaff = try c.decode(Int.self, forKey: .currentStaff)
        extraStaff = try c.decode(Int.self, forKey: .extraStaff)
        daysOfData = try c.decode(Int.self, forKey: .daysOfData)
        personDaysOfData = try c.decode(Int.self, forKey: .personDaysOfData)
        weak = try c.decode(Bool.self, forKey: .weak)
        block = try c.decode(String.self, forKey: .block)
        workingDays = try c.decode(Band<Int>.self, forKey: .workingDays)
        finishDate = try c.decode(Band<LocalDay>.self, forKey: .finishDate)
        staffDays = try c.decode(Band<Double>.self, forKey: .staffDays)
        extraStaffDays = try c.decode(Band<Double>.self, forKey: .extraStaffDays)
        costVND = try c.decode(Band<Int64>.self, forKey: .costVND)
        contractorVND = try c.decode(Int64.self, forKey: .contractorVND)
        drift = try c.decodeIfPresent(Drift.self, forKey: .drift)
        staffNeededByUntil = try c.decodeIfPresent(Band<Int>.self, forKey: .staffNeededByUntil)
        bandWithheld = try c.decodeIfPresent(Text.self, forKey: .bandWithheld)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ratePerPersonDay, forKey: .ratePerPersonDay)
        try c.encode(rateSource, forKey: .rateSource)
        try c.encode(plannedStaff, forKey: .plannedStaff)
        try c.encode(currentStaff, forKey: .currentStaff)
        try c.encode(extraStaff, forKey: .extraStaff)
        try c.encode(daysOfData, forKey: .daysOfData)
        try c.encode(personDaysOfData, forKey: .personDaysOfData)
        try c.encode(weak, forKey: .weak)
        try c.encode(block, forKey: .block)
        try c.encode(workingDays, forKey: .workingDays)
        try c.encode(finishDate, forKey: .finishDate)
        try c.encode(staffDays, forKey: .staffDays)
        try c.encode(extraStaffDays, forKey: .extraStaffDays)
        try c.encode(costVND, forKey: .costVND)
        try c.encode(contractorVND, forKey: .contractorVND)
        try c.encodeIfPresent(drift, forKey: .drift)
        try c.encodeIfPresent(staffNeededByUntil, forKey: .staffNeededByUntil)
        try c.encode(band, forKey: .band)
        try c.encodeIfPresent(bandWithheld, forKey: .bandWithheld)
    }

    /// Makes a projection (the projector's one way in).
    init(
        ratePerPersonDay: Double, rateSource: FigureSource, plannedStaff: Int, currentStaff: Int, extraStaff: Int,
        daysOfData: Int, personDaysOfData: Int, weak: Bool, block: String, workingDays: Band<Int>,
        finishDate: Band<LocalDay>, staffDays: Band<Double>, extraStaffDays: Band<Double>, costVND: Band<Int64>,
        contractorVND: Int64, drift: Drift?, staffNeededByUntil: Band<Int>?, bandWithheld: Text? = nil
    ) {
        self.ratePerPersonDay = ratePerPersonDay
        self.rateSource = rateSource
        self.plannedStaff = plannedStaff
        self.currentStaff = currentStaff
        self.extraStaff = extraStaff
        self.daysOfData = daysOfData
        self.personDaysOfData = personDaysOfData
        self.weak = weak
        self.block = block
        self.workingDays = workingDays
        self.finishDate = finishDate
        self.staffDays = staffDays
        self.extraStaffDays = extraStaffDays
        self.costVND = costVND
        self.contractorVND = contractorVND
        self.drift = drift
        self.staffNeededByUntil = staffNeededByUntil
        self.bandWithheld = bandWithheld
    }
}
