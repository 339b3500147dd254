import Foundation
import Testing

@testable import KhoEstimation

@Suite struct DriftTests {
    static let start = Fixtures.day(2026, 6, 1)  // a Monday

    static func result(_ amount: @escaping (Int) -> Double) -> EstimateResult {
        let obs = Fixtures.history(.scanning, people: ["Minh"], from: start, weeks: 12) { i, _ in amount(i) }
        return estimate(
            EstimateInputs(
                observations: obs, today: Fixtures.day(2026, 8, 21),
                remaining: RemainingWork(unarrangedMetres: 0, pagesKnownUnscanned: 50_000),
                rates: Fixtures.ratesWithoutHolidays, resamples: 500))
    }

    @Test func aRateRisingByHalfTriggersTheWarning() {
        // Given a rate rising linearly from 800 to 1,200 pages a day over 60 days (by half)
        let r = Self.result { i in 800 + 400 * Double(i) / 59 }
        // Then the drift is reported, with the rise
        let drift = r.scanning.projection.drift
        #expect(drift?.drifting == true)
        #expect((drift?.relativeChange ?? 0) > 0.25)
        #expect(r.warnings.contains { $0.code == "rate_drift_scanning" })
    }

    @Test func aFlatRateDoesNot() {
        // Given a flat rate with day-to-day wobble
        let r = Self.result { i in 1_000 + (i % 2 == 0 ? 50 : -50) }
        // Then no drift is reported
        #expect(r.scanning.projection.drift?.drifting == false)
        #expect(!r.warnings.contains { $0.code.hasPrefix("rate_drift") })
    }
}

@Suite struct HistoryTests {
    @Test func windowKeepsTheLastDaysWithWorkAndIgnoresTheFuture() {
        // Given 100 working days of one person, plus a day after today
        let start = Fixtures.day(2026, 3, 2)
        var obs = Fixtures.history(.arrangement, people: ["Lan"], from: start, weeks: 20) { i, _ in Double(i) }
        let today = Fixtures.day(2026, 7, 17)
        obs.append(Observation(day: today.adding(days: 3), person: "Lan", kind: .arrangement, amount: 99))
        // When the history is taken over the default window
        let h = WorkHistory(kind: .arrangement, observations: obs, today: today, window: .lastDaysWithWork(90))
        // Then it holds the last 90 days with work, up to today
        #expect(h.days.count == 90)
        #expect(h.days.last == today)
        #expect(h.personDays.first?.amount == 10)
    }

    @Test func aPersonDayAddsThatPersonsObservationsOfThatKind() {
        // Given two records by Lan on one day, one by Hoa, and scanning by Lan
        let d = Fixtures.day(2026, 11, 23)
        let obs = [
            Observation(day: d, person: "Lan", kind: .arrangement, amount: 0.1),
            Observation(day: d, person: "Lan", kind: .arrangement, amount: 0.2),
            Observation(day: d, person: "Hoa", kind: .arrangement, amount: 0.3),
            Observation(day: d, person: "Lan", kind: .scanning, amount: 400),
        ]
        // When the arrangement history is taken
        let h = WorkHistory(kind: .arrangement, observations: obs, today: d, window: .lastDaysWithWork(90))
        // Then there are two person-days at 0.3 each
        #expect(h.personDays.count == 2)
        #expect(abs((h.ratePerPersonDay ?? 0) - 0.3) < 1e-12)
        #expect(h.people == ["Hoa", "Lan"])
    }

    @Test func throughputTableHasWeeksPeopleAndTotals() {
        // Given two people scanning for two weeks
        let obs = Fixtures.history(.scanning, people: ["A", "B"], from: Fixtures.day(2026, 11, 16), weeks: 2) { _, p in
            p == 0 ? 100 : 300
        }
        let h = WorkHistory(
            kind: .scanning, observations: obs, today: Fixtures.day(2026, 11, 27), window: .lastDaysWithWork(90))
        // When tabulated
        let rows = throughputTable([h])
        // Then each week has a row per person and a total
        #expect(rows.count == 6)
        let w47 = rows.filter { $0.week == "2026-W47" }
        #expect(w47.map(\.person) == ["A", "B", nil])
        #expect(w47.last?.amount == 2_000 && w47.last?.personDays == 10 && w47.last?.ratePerPersonDay == 200)
    }
}

@Suite struct InputsCodingTests {
    @Test func inputsRoundTripThroughJSON() throws {
        // Given inputs with a window between two days and a what-if
        let obs = [Observation(day: Fixtures.day(2026, 11, 23), person: "Lan", kind: .arrangement, amount: 0.2)]
        let inputs = EstimateInputs(
            observations: obs, today: Fixtures.day(2026, 11, 27),
            remaining: RemainingWork(unarrangedMetres: 60.6, documentsToDescribe: 10),
            measured: MeasuredRatios(pagesPerSheet: 1.7), staff: StaffPlan(arrangement: 3, scanning: 2),
            window: .between(Fixtures.day(2026, 1, 1), Fixtures.day(2026, 11, 27)),
            dayRateOverride: 450_000, until: Fixtures.day(2027, 12, 31), scope: "permanent")
        // When saved and read back
        let json = try JSONEncoder().encode(inputs)
        let text = String(decoding: json, as: UTF8.self)
        // Then nothing is lost, and days and the window read as people write them
        #expect(try JSONDecoder().decode(EstimateInputs.self, from: json) == inputs)
        #expect(text.contains("\"from\":\"2026-01-01\""))
        let window = try JSONEncoder().encode(MeasurementWindow.lastDaysWithWork(90))
        #expect(String(decoding: window, as: UTF8.self) == "{\"last_days_with_work\":90}")
    }
}
