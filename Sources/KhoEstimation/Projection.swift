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
    }
}
