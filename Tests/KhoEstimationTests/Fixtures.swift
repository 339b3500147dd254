import KhoEstimation

/// Test helpers: days, calendars without holidays, and histories.
enum Fixtures {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> LocalDay { LocalDay(year: y, month: m, day: d)! }

    /// The default rates with no public holidays, so day counts are easy to check by hand.
    static var ratesWithoutHolidays: Rates {
        var r = Rates.defaults
        r.holidays = []
        return r
    }

    /// Monday–Friday days for `weeks` weeks starting on the Monday `start`.
    static func workingDays(from start: LocalDay, weeks: Int) -> [LocalDay] {
        (0..<(weeks * 7)).map { start.adding(days: $0) }.filter { $0.isoWeekday <= 5 }
    }

    /// One observation per person per working day, with `amount(dayIndex, personIndex)`.
    static func history(
        _ kind: WorkKind, people: [String], from start: LocalDay, weeks: Int,
        amount: (Int, Int) -> Double
    ) -> [Observation] {
        var out: [Observation] = []
        for (i, d) in workingDays(from: start, weeks: weeks).enumerated() {
            for (p, person) in people.enumerated() {
                out.append(Observation(day: d, person: person, kind: kind, amount: amount(i, p)))
            }
        }
        return out
    }
}
