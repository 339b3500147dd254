/// What meeting a deadline takes for one part: people, extra staff-days and their in-house cost.
///
/// JSON: `staff_p50`, `staff_p90`, `current_staff`, `extra_staff_p50`, `extra_staff_days`, `cost_vnd`, `cost_vnd_p90`.
public struct DeadlinePart: Sendable, Codable, Equatable {
    /// People needed (working the planned days per week) to finish by the deadline at P50.
    public var staffP50: Int
    /// People needed at P90 (9 chances in 10 of finishing in time).
    public var staffP90: Int
    /// Salaried people on this work now (paid anyway).
    public var currentStaff: Int
    /// People to hire at P50: staff needed − current, never below 0.
    public var extraStaffP50: Int
    /// Staff-days worked by the extra people at P50: person-days × extra ÷ staff.
    public var extraStaffDays: Double
    /// In-house cost of those extra staff-days at the day rate (VND), P50.
    public var costVND: Int64
    /// The same at P90 staffing and P90 person-days (VND).
    public var costVNDP90: Int64

    enum CodingKeys: String, CodingKey {
        case staffP50 = "staff_p50"
        case staffP90 = "staff_p90"
        case currentStaff = "current_staff"
        case extraStaffP50 = "extra_staff_p50"
        case extraStaffDays = "extra_staff_days"
        case costVND = "cost_vnd"
        case costVNDP90 = "cost_vnd_p90"
    }
}

/// The answer to "what does finishing by this day take?", per part and in money.
///
/// JSON: `until`, `working_days_available`, `days_per_week`, `arrangement`, `scanning` (null when no working
/// day is left), `in_house_total_vnd` (both parts' P50 cost + one-off lines), `contractor_total_vnd` (unit
/// prices do not depend on staffing: the same as the contractor variant), `one_off_total_vnd`.
public struct Deadline: Sendable, Codable, Equatable {
    public var until: LocalDay
    public var workingDaysAvailable: Int
    public var daysPerWeek: Double
    public var arrangement: DeadlinePart?
    public var scanning: DeadlinePart?
    public var inHouseTotalVND: Int64
    /// The in-house total at P90 staffing and person-days (nil in estimates saved before).
    public var inHouseTotalVNDP90: Int64?
    public var contractorTotalVND: Int64
    public var oneOffTotalVND: Int64

    enum CodingKeys: String, CodingKey {
        case until
        case workingDaysAvailable = "working_days_available"
        case daysPerWeek = "days_per_week"
        case arrangement, scanning
        case inHouseTotalVND = "in_house_total_vnd"
        case inHouseTotalVNDP90 = "in_house_total_vnd_p90"
        case contractorTotalVND = "contractor_total_vnd"
        case oneOffTotalVND = "one_off_total_vnd"
    }

    /// The deadline part of one kind of work.
    public subscript(kind: WorkKind) -> DeadlinePart? { kind == .arrangement ? arrangement : scanning }

    /// People needed to do `personDays` in `available` working days at `daysPerWeek` days a week each.
    static func staff(personDays: Double, available: Int, daysPerWeek: Double) -> Int {
        guard personDays.isFinite, personDays > 0, available > 0 else { return 0 }
        let perPerson = Double(available) * daysPerWeek / 5
        return Int(min(1e9, max(1, (personDays / perPerson - 1e-9).rounded(.up))))
    }

    /// One part's staffing and cost for the deadline, from its person-days band.
    static func part(
        personDays: Band<Double>, available: Int, daysPerWeek: Double, current: Int, dayRate: Int64
    ) -> DeadlinePart {
        let s50 = staff(personDays: personDays.p50, available: available, daysPerWeek: daysPerWeek)
        let s90 = staff(personDays: personDays.p90, available: available, daysPerWeek: daysPerWeek)
        func extraDays(_ pd: Double, _ staff: Int) -> Double {
            staff > 0 ? pd * Double(max(0, staff - current)) / Double(staff) : 0
        }
        let e50 = extraDays(personDays.p50, s50)
        let e90 = extraDays(personDays.p90, s90)
        func money(_ days: Double) -> Int64 {
            roundedVND(MoneyLine.displayed(days, unit: "staff-day") * Double(dayRate))
        }
        return DeadlinePart(
            staffP50: s50, staffP90: s90, currentStaff: current, extraStaffP50: max(0, s50 - current),
            extraStaffDays: MoneyLine.displayed(e50, unit: "staff-day"),
            costVND: money(e50), costVNDP90: money(e90))
    }
}
