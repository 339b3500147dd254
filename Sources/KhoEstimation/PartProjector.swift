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
        let staff = staffing(&assumptions)
        var draw = drawPersonDays(&assumptions, &notices)
        draw.needed = capped(draw.needed, planned: staff.planned, &notices)

        let share = Double(staff.extra) / Double(staff.planned)
        // The plan: each planned person gives `daysPerWeek` of the 5 working days of a week to this work.
        let capacity = Double(staff.planned) * inputs.planDaysPerWeek / 5
        let workingDays = draw.needed.map { Self.workingDays(personDays: $0, capacity: capacity) }
        // Money from the staff-days as displayed (0,1 day), so staff-days × day rate is the printed amount.
        func money(_ personDays: Double) -> Int64 {
            roundedVND(MoneyLine.displayed(personDays * share, unit: "staff-day") * Double(dayRate))
        }
        let cost = draw.needed.map(money)
        let pd = Self.percentiles(draw.needed)
        let wd = pd.map { Self.workingDays(personDays: $0, capacity: capacity) }
        let days = history.days.count
        let projection = Projection(
            ratePerPersonDay: draw.rate, rateSource: draw.source, plannedStaff: staff.planned,
            currentStaff: staff.current, extraStaff: staff.extra, daysOfData: days,
            personDaysOfData: history.personDays.count, weak: days < EstimationDefaults.weakBelowDays,
            block: draw.blockName, workingDays: wd,
            finishDate: wd.map { inputs.rates.calendar.adding(workingDays: $0, after: inputs.today) },
            staffDays: pd, extraStaffDays: pd.map { $0 * share },
            costVND: pd.map(money), contractorVND: contractorVND,
            drift: Drift(history: history), staffNeededByUntil: staffNeededByUntil(pd),
            bandWithheld: bandReason(source: draw.source))
        return Output(
            projection: projection, personDays: draw.needed, workingDays: workingDays, cost: cost,
            assumptions: assumptions, notices: notices)
    }

    /// People planned, salaried now, and extra (paid for in-house) on this work.
    private struct Staffing {
        var planned: Int
        var current: Int
        var extra: Int
    }

    /// The staffing: planned as given, else the people who did the work, else a stated default (an assumption).
    private func staffing(_ assumptions: inout [Assumption]) -> Staffing {
        let people = history.people.count
        var planned = inputs.staff.planned(kind) ?? people
        if planned <= 0 && inputs.staff.planned(kind) == nil {
            planned = EstimationDefaults.plannedStaffWithoutData
            assumptions.append(Texts.plannedStaff(kind, planned))
        }
        planned = max(1, planned)
        let current = max(0, inputs.staff.current(kind) ?? people)
        return Staffing(planned: planned, current: current, extra: max(0, planned - current))
    }

    /// The rate used, where it comes from, the resampling unit, and the person-days needed per resample.
    private struct Draw {
        var rate: Double
        var source: FigureSource
        var blockName: String
        var needed: [Double]
    }

    /// Person-days needed, one per resample: bootstrapped from the measured blocks, or at the default rate.
    private func drawPersonDays(_ assumptions: inout [Assumption], _ notices: inout [Notice]) -> Draw {
        let resamples = EstimationDefaults.clampedResamples(inputs.resamples)
        let blocks = history.blocks(minimumWeeks: EstimationDefaults.minimumWeeklyBlocks)
        let measuredRate = history.ratePerPersonDay ?? 0
        let boot = PredictiveBootstrap(amounts: blocks.amounts, personDays: blocks.personDays)
        if measuredRate > 0, let drawn = boot.personDaysNeeded(remaining: remaining, resamples: resamples, seed: seed) {
            if !blocks.weekly && remaining > 0 {
                notices.append(Texts.dayBlocks(kind, weeks: Set(history.personDays.map { $0.day.isoWeek }).count))
            }
            return Draw(
                rate: measuredRate, source: .measured, blockName: blocks.weekly ? "iso_week" : "day", needed: drawn)
        }
        if !history.personDays.isEmpty { notices.append(Texts.zeroOutput(kind)) }
        let rate =
            kind == .arrangement
            ? EstimationDefaults.arrangementMetresPerPersonDay : EstimationDefaults.scanningPagesPerPersonDay
        assumptions.append(Texts.defaultRate(kind, value: rate))
        return Draw(
            rate: rate, source: .assumed, blockName: "none",
            needed: [Double](repeating: remaining / rate, count: resamples))
    }

    /// The person-days with any endless or over-long draw capped at ``maxWorkingDays`` for `planned` people (a notice).
    private func capped(_ needed: [Double], planned: Int, _ notices: inout [Notice]) -> [Double] {
        let cap = Double(Self.maxWorkingDays) * Double(planned)
        guard needed.contains(where: { !$0.isFinite || $0 > cap }) else { return needed }
        notices.append(Texts.unbounded(kind))
        return needed.map { $0.isFinite ? min($0, cap) : cap }
    }

    /// Why the finish gets no P10–P90 band: an assumed rate has no spread, and fewer than
    /// ``EstimationDefaults/minimumWeeksForBand`` weeks of work give a band that is mostly the same weeks redrawn.
    private func bandReason(source: FigureSource) -> Text? {
        guard remaining > 0 else { return nil }
        if source == .assumed { return Texts.noBandAssumed }
        let weeks = Set(history.personDays.map { $0.day.isoWeek }).count
        return weeks < EstimationDefaults.minimumWeeksForBand ? Texts.noBand(weeks: weeks) : nil
    }

    /// The P10, P50 and P90 of the draws.
    private static func percentiles(_ needed: [Double]) -> Band<Double> {
        let sorted = needed.sorted()
        return Band(
            p10: Statistics.quantile(sorted: sorted, 0.1), p50: Statistics.quantile(sorted: sorted, 0.5),
            p90: Statistics.quantile(sorted: sorted, 0.9))
    }

    /// With a deadline that leaves working days: people needed to do `personDays` by then.
    private func staffNeededByUntil(_ personDays: Band<Double>) -> Band<Int>? {
        guard let until = inputs.until else { return nil }
        let available = inputs.rates.calendar.workingDays(after: inputs.today, through: until)
        guard available > 0 else { return nil }
        return personDays.map {
            Deadline.staff(personDays: $0, available: available, daysPerWeek: inputs.planDaysPerWeek)
        }
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
