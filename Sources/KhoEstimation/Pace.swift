/// How much time a kind of work actually gets: person-days per calendar week over the last 26 weeks, idle weeks included.
///
/// Productivity (output per person-day) says how fast people work on the days
/// they do this work; availability says how many such days there are. Commune
/// staff have other duties, and work stops for weeks at a time: a forecast from
/// productivity alone assumes every planned day is worked and is always early.
/// JSON: `person_days_per_week`, `weeks_measured`, `idle_weeks`, `last_work`, `idle`.
public struct Pace: Sendable, Codable, Equatable {
    /// Person-days of this work per calendar week, over the availability window (idle weeks count as 0).
    public var personDaysPerWeek: Double
    /// Output per calendar week over the same window (metres or pages).
    public var outputPerWeek: Double
    /// Calendar weeks the availability was measured over (at most 26; fewer when the work began later).
    public var weeksMeasured: Double
    /// The last day on which this work was recorded (nil: never).
    public var lastWork: LocalDay?
    /// Whole weeks from the last day of work to today (nil: never worked).
    public var idleWeeks: Int?
    /// True when the work has been idle for ``EstimationDefaults/idleWarningWeeks`` weeks or more.
    public var idle: Bool

    enum CodingKeys: String, CodingKey {
        case personDaysPerWeek = "person_days_per_week"
        case outputPerWeek = "output_per_week"
        case weeksMeasured = "weeks_measured"
        case lastWork = "last_work"
        case idleWeeks = "idle_weeks"
        case idle
    }
}

/// The plan and the sustained pace for both parts, side by side. JSON: `pace.arrangement`, `pace.scanning`.
public struct PaceByPart: Sendable, Codable, Equatable {
    public var arrangement: Pace
    public var scanning: Pace

    /// The pace of one kind of work.
    public subscript(kind: WorkKind) -> Pace { kind == .arrangement ? arrangement : scanning }
}

/// The finish at the pace actually sustained (availability as measured), for one part.
///
/// JSON: `person_days_per_week`, `working_days`, `finish_date` (`p10`, `p50`, `p90`; null when nothing was
/// done in the whole window, so no finish can be projected), `capped`.
public struct SustainedProjection: Sendable, Codable, Equatable {
    /// Person-days per week as measured (the same figure as ``Pace/personDaysPerWeek``).
    public var personDaysPerWeek: Double
    /// Working days from tomorrow until done; nil when the sustained pace is zero.
    public var workingDays: Band<Int>?
    /// The day the work is done at the sustained pace; nil when the sustained pace is zero.
    public var finishDate: Band<LocalDay>?
    /// True when some resamples did nothing at all and were capped (the upper percentiles are then a floor).
    public var capped: Bool
    /// Why no P10–P90 band is given (the part's, see ``Projection/bandWithheld``); nil when it stands.
    public var bandWithheld: Text?

    enum CodingKeys: String, CodingKey {
        case personDaysPerWeek = "person_days_per_week"
        case workingDays = "working_days"
        case finishDate = "finish_date"
        case capped
        case bandWithheld = "band_reason"
    }
}

/// The sustained finish of both parts, and of both together (the later, per resample). JSON: `sustained.<part>`.
public struct SustainedByPart: Sendable, Codable, Equatable {
    public var arrangement: SustainedProjection
    public var scanning: SustainedProjection
    /// Both parts done; nil when either part cannot be projected.
    public var total: SustainedProjection

    /// The sustained projection of one kind of work.
    public subscript(kind: WorkKind) -> SustainedProjection { kind == .arrangement ? arrangement : scanning }
}

/// Measures availability and projects the sustained finish of one kind of work.
///
/// The window is the last 26 calendar weeks up to `today`, cut into 7-day blocks
/// that end on `today`, going back no further than the block that holds the first
/// day this work was ever recorded; a block with no work is a block of 0. The predictive block
/// bootstrap (``PredictiveBootstrap``) then draws calendar weeks, idle ones
/// included, until the remaining work is done: its output is calendar days,
/// which carries productivity × availability and their week-to-week noise.
struct SustainedProjector {
    let kind: WorkKind
    let observations: [Observation]
    let today: LocalDay
    let calendar: WorkingCalendar

    /// Person-days and output per 7-day block, newest first, and the pace they give.
    func measure() -> (pace: Pace, amounts: [Double], days: [Double]) {
        var perDay: [PersonDayKey: Double] = [:]
        var first: LocalDay?
        var last: LocalDay?
        for o in observations where o.kind == kind && o.day <= today && o.amount.isFinite {
            perDay[PersonDayKey(day: o.day, person: o.person), default: 0] += o.amount
            if first.map({ o.day < $0 }) ?? true { first = o.day }
            if last.map({ o.day > $0 }) ?? true { last = o.day }
        }
        guard let first, let last else {
            return (
                Pace(
                    personDaysPerWeek: 0, outputPerWeek: 0, weeksMeasured: 0, lastWork: nil, idleWeeks: nil, idle: false
                ), [], []
            )
        }
        // Whole 7-day blocks ending today, back to the block holding the first work (at most 26).
        let blockCount = min(EstimationDefaults.availabilityWeeks, (today.dayNumber - first.dayNumber) / 7 + 1)
        let start = today.dayNumber - 7 * blockCount + 1
        var amounts = [Double](repeating: 0, count: blockCount)
        var personDays = 0.0
        var output = 0.0
        for (key, amount) in perDay where key.day.dayNumber >= start {
            let b = (today.dayNumber - key.day.dayNumber) / 7
            amounts[b] += max(0, amount)
            personDays += 1
            output += max(0, amount)
        }
        let days = [Double](repeating: 7, count: blockCount)
        let weeks = Double(blockCount)
        let idleWeeks = (today.dayNumber - last.dayNumber) / 7
        let pace = Pace(
            personDaysPerWeek: personDays / weeks, outputPerWeek: output / weeks, weeksMeasured: weeks,
            lastWork: last, idleWeeks: idleWeeks, idle: idleWeeks >= EstimationDefaults.idleWarningWeeks)
        return (pace, amounts, days)
    }

    /// The sustained projection of `remaining`, and the calendar days it takes per resample (index-aligned across parts; nil when it cannot be projected).
    func project(
        remaining: Double, resamples: Int, seed: UInt64
    ) -> (pace: Pace, projection: SustainedProjection, days: [Double]?) {
        let (pace, amounts, days) = measure()
        let none = SustainedProjection(
            personDaysPerWeek: pace.personDaysPerWeek, workingDays: nil, finishDate: nil, capped: false)
        guard remaining > 0 else {
            let zero = [Double](repeating: 0, count: resamples)
            return (pace, projection(from: zero, pace: pace, capped: false), zero)
        }
        let boot = PredictiveBootstrap(amounts: amounts, personDays: days)
        guard var drawn = boot.personDaysNeeded(remaining: remaining, resamples: resamples, seed: seed) else {
            return (pace, none, nil)
        }
        let cap = Double(PartProjector.maxWorkingDays)
        let capped = drawn.contains { !$0.isFinite || $0 > cap }
        if capped { drawn = drawn.map { $0.isFinite ? min($0, cap) : cap } }
        return (pace, projection(from: drawn, pace: pace, capped: capped), drawn)
    }

    private func projection(from calendarDays: [Double], pace: Pace, capped: Bool) -> SustainedProjection {
        let sorted = calendarDays.sorted()
        let band = Band(
            p10: Statistics.quantile(sorted: sorted, 0.1), p50: Statistics.quantile(sorted: sorted, 0.5),
            p90: Statistics.quantile(sorted: sorted, 0.9))
        let finish = band.map { finishDay(calendarDays: $0) }
        return SustainedProjection(
            personDaysPerWeek: pace.personDaysPerWeek,
            workingDays: finish.map { calendar.workingDays(after: today, through: $0) }, finishDate: finish,
            capped: capped)
    }

    /// The working day on or after `today + ⌈days⌉` (today itself when nothing is left).
    func finishDay(calendarDays: Double) -> LocalDay {
        Self.finishDay(calendarDays: calendarDays, after: today, calendar: calendar)
    }

    static func finishDay(calendarDays: Double, after today: LocalDay, calendar: WorkingCalendar) -> LocalDay {
        guard calendarDays.isFinite, calendarDays > 1e-9 else { return today }
        let n = Int(min(Double(PartProjector.maxWorkingDays) * 1.5, (calendarDays - 1e-9).rounded(.up)))
        var day = today.adding(days: n)
        // A finish on a weekend or holiday is the next working day (bounded: a calendar has working days).
        var guardDays = 0
        while !calendar.isWorkingDay(day) && guardDays < 400 {
            day = day.adding(days: 1)
            guardDays += 1
        }
        return day
    }
}
