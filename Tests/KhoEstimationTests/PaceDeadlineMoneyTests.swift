import Foundation
import Testing

@testable import KhoEstimation

@Suite struct PaceDeadlineMoneyTests {
    // Given one archivist at 0.1 m/day for 8 weeks (7 Sep – 30 Oct 2026), then nothing for 10 weeks,
    // and one operator at 500 pages/day all along (18 weeks, to 8 Jan 2027).
    static let start = Fixtures.day(2026, 9, 7)
    static let today = Fixtures.day(2027, 1, 8)  // a Friday, 10 weeks after the last arrangement
    static var observations: [Observation] {
        Fixtures.history(.arrangement, people: ["Lan"], from: start, weeks: 8) { _, _ in 0.1 }
            + Fixtures.history(.scanning, people: ["Minh"], from: start, weeks: 18) { _, _ in 500 }
    }

    static func inputs(
        staff: StaffPlan = StaffPlan(), until: LocalDay? = nil, daysPerWeek: Double? = nil
    ) -> EstimateInputs {
        var rates = Fixtures.ratesWithoutHolidays
        rates.oneOff = [
            OneOffLine(name: "dehumidifiers", amountVND: 20_000_000, source: "rates.toml line 39"),
            OneOffLine(name: "scanner", amountVND: 60_000_000, source: "rates.toml line 41"),
        ]
        var i = EstimateInputs(
            observations: observations, today: today, remaining: RemainingWork(unarrangedMetres: 2.0),
            measured: MeasuredRatios(
                keptPerExtent: 0.5, pagesPerSheet: 1.2, pagesPerKeptMetre: 10_000, bytesPerPage: 10_000_000),
            staff: staff, rates: rates, until: until, resamples: 2_000)
        i.daysPerWeek = daysPerWeek
        return i
    }

    @Test func idleWorkIsWarnedAndTheSustainedPaceFinishesLater() throws {
        // When estimated in January, ten weeks after the last arrangement
        let r = estimate(Self.inputs())
        // Then arrangement is idle for 10 weeks, named with its last day of work
        let pace = try #require(r.pace)
        #expect(pace.arrangement.idleWeeks == 10)
        #expect(pace.arrangement.lastWork == Fixtures.day(2026, 10, 30))
        #expect(pace.arrangement.idle && !pace.scanning.idle)
        let idle = r.warnings.filter { $0.key == "idle" }
        #expect(idle.count == 1 && idle.first?.part == "arrangement")
        #expect(idle.first?.message.vi.contains("30/10/2026") == true)
        #expect(idle.first?.message.en.contains("resumes today") == true)
        // And availability counts the idle weeks: 40 person-days over 18 weeks (the window starts at the first work)
        #expect(abs(pace.arrangement.personDaysPerWeek - 40.0 / 18.0) < 1e-9)
        #expect(abs(pace.scanning.personDaysPerWeek - 5) < 1e-9)
        // And the plan (1 person full time from today) takes 20 working days, but the sustained pace is slower:
        // 0.1 m × 40 days ÷ 18 weeks ≈ 0.22 m a week, so 2 m take about 9 weeks — but the last 10 weeks did nothing,
        // so some resamples draw only idle weeks: the P50 is later than the plan's
        let plan = r.arrangement.projection.finishDate
        let sustained = try #require(r.sustained?.arrangement.finishDate)
        #expect(plan == Band(all: Fixtures.day(2027, 2, 5)))
        #expect(sustained.p50 > plan.p50)
        #expect(sustained.p10 <= sustained.p50 && sustained.p50 <= sustained.p90)
        // And scanning, done every week, sustains the plan's pace
        let scan = try #require(r.sustained?.scanning.finishDate)
        #expect(
            scan.p50 == r.scanning.projection.finishDate.p50
                || abs(scan.p50.dayNumber - r.scanning.projection.finishDate.p50.dayNumber) <= 3)
    }

    @Test func everyTotalIsTheSumOfItsLines() {
        // Given 2 arrangement people planned where 1 works now (one extra), and two one-off lines
        let r = estimate(Self.inputs(staff: StaffPlan(arrangement: 2, scanning: 1)))
        let m = r.money
        // Then each total is built from its lines, once
        let oneOff = m.oneOff.reduce(Int64(0)) { $0 + $1.amountVND }
        let bought = m.oneOff.filter { $0.part == "one_off" }.reduce(Int64(0)) { $0 + $1.amountVND }
        #expect(bought == 80_000_000 && m.oneOffTotalVND == oneOff)
        // And the storage still to buy is a line of its own, priced by the terabyte
        #expect(m.oneOff.contains { $0.part == "storage" && $0.unit == "TB" })
        #expect(m.contractorWorkVND == m.contractor.reduce(0) { $0 + $1.amountVND })
        #expect(m.contractorTotalVND == m.contractorWorkVND + oneOff)
        let p50 = m.inHouse.reduce(Int64(0)) { $0 + $1.amountVND }
        #expect(p50 > 0)
        #expect(m.inHouseWorkVND.p50 == p50)
        #expect(m.inHouseTotalVND.p50 == p50 + oneOff)
        #expect(
            m.inHouseTotalVND.p10 == m.inHouse.reduce(Int64(0)) { $0 + ($1.amountBandVND?.p10 ?? $1.amountVND) }
                + oneOff)
        #expect(
            m.inHouseTotalVND.p90 == m.inHouse.reduce(Int64(0)) { $0 + ($1.amountBandVND?.p90 ?? $1.amountVND) }
                + oneOff)
        // And the parts' contractor figures add up to the contractor work
        let describing = m.contractor.filter { $0.part == "description" }.reduce(Int64(0)) { $0 + $1.amountVND }
        #expect(
            r.arrangement.projection.contractorVND + r.scanning.projection.contractorVND + describing
                == m.contractorWorkVND)
        // And a saved copy decodes to the same totals
        let data = try? encoderForTests.encode(r)
        let back = data.flatMap { try? decoderForTests.decode(EstimateResult.self, from: $0) }
        #expect(back == r)
    }

    @Test func deadlineSaysWhoIsNeededAndWhatItCosts() throws {
        // Given a deadline 10 working days away: 2 m at 0.1 m/person-day is 20 person-days
        let until = Fixtures.day(2027, 1, 22)
        let r = estimate(Self.inputs(until: until))
        let d = try #require(r.deadline)
        #expect(d.workingDaysAvailable == 10)
        let a = try #require(d.arrangement)
        // Then 2 people are needed (1 works now: 1 extra), doing half of the 20 person-days
        #expect(a.staffP50 == 2 && a.staffP90 == 2 && a.currentStaff == 1 && a.extraStaffP50 == 1)
        #expect(abs(a.extraStaffDays - 10) < 1e-9)
        let dayRate = Rates.defaults.dayRate.value
        #expect(a.costVND == 10 * dayRate)
        // And the in-house total to meet it is both parts' cost plus the one-offs, the contractor total unchanged
        let s = try #require(d.scanning)
        let describing = r.money.inHouse.filter { $0.part == "description" }.reduce(Int64(0)) { $0 + $1.amountVND }
        #expect(d.inHouseTotalVND == a.costVND + s.costVND + describing + r.money.oneOffTotalVND)
        #expect(d.contractorTotalVND == r.money.contractorTotalVND)
        // And at 2.5 days a week each, twice the people
        let half = try #require(estimate(Self.inputs(until: until, daysPerWeek: 2.5)).deadline?.arrangement)
        #expect(half.staffP50 == 4)
    }

    @Test func fewerDaysAWeekStretchThePlan() {
        // Given the same work planned at 2.5 days a week instead of 5
        let full = estimate(Self.inputs()).arrangement.projection.workingDays.p50
        let half = estimate(Self.inputs(daysPerWeek: 2.5)).arrangement.projection.workingDays.p50
        // Then it takes twice the working days
        #expect(full == 20 && half == 40)
    }
}

let encoderForTests = JSONEncoder()
let decoderForTests = JSONDecoder()
