/// Projects one kind of work: its rate, staff, and the resampled person-days the rest takes.
struct PartProjector {
    /// Working days beyond which a projection is capped (about 4,000 years).
    static let maxWorkingDays = 1_000_000

    let kind: WorkKind
    let history: WorkHistory
    let remaining: Double
    let inputs: EstimateInputs

    /// The projection, the person-days needed per resample (index-aligned across parts), and notices.
    struct Output {
        var projection: Projection
        var personDays: [Double]
        var workingDays: [Int]
        var cost: [Int64]
        var assumptions: [Assumption]
        var notices: [Notice]
    }

    func project(contractorVND: Int64, dayRate: Int64) -> Output {
        var assumptions: [Assumption] = []
        var notices: [Notice] = []
        let calendar = inputs.rates.calendar
        let resamples = EstimationDefaults.clampedResamples(inputs.resamples)
        let people = history.people.count
        let days = history.days.count

        var planned = inputs.staff.planned(kind) ?? people
        if planned <= 0 && inputs.staff.planned(kind) == nil {
            planned = EstimationDefaults.plannedStaffWithoutData
            assumptions.append(Texts.plannedStaff(kind, planned))
        }
        planned = max(1, planned)
        let current = max(0, inputs.staff.current(kind) ?? people)
        let extra = max(0, planned - current)

        // Person-days needed, one per resample.
        let blocks = history.blocks(minimumWeeks: EstimationDefaults.minimumWeeklyBlocks)
        let measuredRate = history.ratePerPersonDay ?? 0
        var rate = measuredRate
        var source = FigureSource.measured
        var blockName = blocks.weekly ? "iso_week" : "day"
        var needed: [Double]
        let boot = PredictiveBootstrap(amounts: blocks.amounts, personDays: blocks.personDays)
        if measuredRate > 0, let drawn = boot.personDaysNeeded(remaining: remaining, resamples: resamples, seed: seed) {
            needed = drawn
            if !blocks.weekly && remaining > 0 {
                notices.append(Texts.dayBlocks(kind, weeks: Set(history.personDays.map { $0.day.isoWeek }).count))
            }
        } else {
            if !history.personDays.isEmpty { notices.append(Texts.zeroOutput(kind)) }
            rate =
                kind == .arrangement
                ? EstimationDefaults.arrangementMetresPerPersonDay : EstimationDefaults.scanningPagesPerPersonDay
            source = .assumed
            blockName = "none"
            assumptions.append(Texts.defaultRate(kind, value: rate))
            needed = [Double](repeating: remaining / rate, count: resamples)
        }
        let cap = Double(Self.maxWorkingDays) * Double(planned)
        if needed.contains(where: { !$0.isFinite || $0 > cap }) {
            notices.append(Texts.unbounded(kind))
            needed = needed.map { $0.isFinite ? min($0, cap) : cap }
        }

        let share = Double(extra) / Double(planned)
        // The plan: each planned person gives `daysPerWeek` of the 5 working days of a week to this work.
        let dpw = inputs.planDaysPerWeek
        let capacity = Double(planned) * dpw / 5
        let workingDays = needed.map { Self.workingDays(personDays: $0, capacity: capacity) }
        let cost = needed.map { roundedVND($0 * share * Double(dayRate)) }
        let sortedNeeded = needed.sorted()
        let pd = Band(
            p10: Statistics.quantile(sorted: sortedNeeded, 0.1),
            p50: Statistics.quantile(sorted: sortedNeeded, 0.5),
            p90: Statistics.quantile(sorted: sortedNeeded, 0.9))
        let wd = pd.map { Self.workingDays(personDays: $0, capacity: capacity) }

        var staffNeeded: Band<Int>?
        if let until = inputs.until {
            let available = calendar.workingDays(after: inputs.today, through: until)
            if available > 0 {
                staffNeeded = pd.map { Deadline.staff(personDays: $0, available: available, daysPerWeek: dpw) }
            }
        }

        let projection = Projection(
            ratePerPersonDay: rate, rateSource: source, plannedStaff: planned, currentStaff: current,
            extraStaff: extra, daysOfData: days, personDaysOfData: history.personDays.count,
            weak: days < EstimationDefaults.weakBelowDays, block: blockName,
            workingDays: wd, finishDate: wd.map { calendar.adding(workingDays: $0, after: inputs.today) },
            staffDays: pd, extraStaffDays: pd.map { $0 * share },
            costVND: pd.map { roundedVND($0 * share * Double(dayRate)) }, contractorVND: contractorVND,
            drift: Drift(history: history), staffNeededByUntil: staffNeeded)
        return Output(
            projection: projection, personDays: needed, workingDays: workingDays, cost: cost,
            assumptions: assumptions, notices: notices)
    }

    /// A seed per kind of work, so the two parts draw independent streams.
    var seed: UInt64 { kind == .arrangement ? inputs.seed : inputs.seed ^ 0xD1B5_4A32_D192_ED03 }

    /// Whole working days for `personDays` at `capacity` person-days per working day (a tiny tolerance absorbs rounding).
    static func workingDays(personDays: Double, capacity: Double) -> Int {
        guard personDays.isFinite, personDays > 0 else { return 0 }
        let days = (personDays / max(1e-9, capacity) - 1e-9).rounded(.up)
        return Int(min(Double(maxWorkingDays), max(0, days)))
    }
}
