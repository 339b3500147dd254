/// One row of the throughput table: one kind of work, one ISO week, one person (or everyone).
public struct ThroughputRow: Sendable, Codable, Equatable {
    /// The kind of work.
    public let kind: WorkKind
    /// The ISO week, e.g. `2026-W07`.
    public let week: String
    /// The person, or nil for the week's total over everyone.
    public let person: String?
    /// Metres or pages.
    public let amount: Double
    /// Person-days that recorded this kind of work.
    public let personDays: Int
    /// `amount / personDays`.
    public let ratePerPersonDay: Double

    enum CodingKeys: String, CodingKey {
        case kind, week, person, amount
        case personDays = "person_days"
        case ratePerPersonDay = "rate_per_person_day"
    }
}

/// Output per ISO week and per person for each kind of work in the histories, sorted by kind, week, person (totals last).
public func throughputTable(_ histories: [WorkHistory]) -> [ThroughputRow] {
    var rows: [ThroughputRow] = []
    for history in histories {
        var perPerson: [ISOWeek: [String: (Double, Int)]] = [:]
        for pd in history.personDays {
            let current = perPerson[pd.day.isoWeek, default: [:]][pd.person] ?? (0, 0)
            perPerson[pd.day.isoWeek, default: [:]][pd.person] = (current.0 + pd.amount, current.1 + 1)
        }
        for week in perPerson.keys.sorted() {
            let people = perPerson[week] ?? [:]
            var total = 0.0
            var count = 0
            for person in people.keys.sorted() {
                let (a, n) = people[person] ?? (0, 0)
                total += a
                count += n
                rows.append(
                    ThroughputRow(
                        kind: history.kind, week: week.description, person: person,
                        amount: a, personDays: n, ratePerPersonDay: n > 0 ? a / Double(n) : 0))
            }
            rows.append(
                ThroughputRow(
                    kind: history.kind, week: week.description, person: nil,
                    amount: total, personDays: count, ratePerPersonDay: count > 0 ? total / Double(count) : 0))
        }
    }
    return rows
}

/// Output per ISO week and per person for arrangement and scanning, over `window` up to `today`.
public func throughputTable(
    observations: [Observation], today: LocalDay,
    window: MeasurementWindow = .lastDaysWithWork(EstimationDefaults.windowDaysWithWork)
) -> [ThroughputRow] {
    throughputTable(
        WorkKind.allCases.map { WorkHistory(kind: $0, observations: observations, today: today, window: window) })
}
