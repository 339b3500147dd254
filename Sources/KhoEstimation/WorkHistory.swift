/// Which days of history throughput is measured over.
public enum MeasurementWindow: Sendable, Codable, Equatable {
    /// The last `n` distinct days on which this kind of work was recorded (default 90).
    case lastDaysWithWork(Int)
    /// Every day from the first to the last, inclusive.
    case between(LocalDay, LocalDay)

    enum CodingKeys: String, CodingKey {
        case lastDaysWithWork = "last_days_with_work"
        case from, to
    }

    /// Decodes `{"last_days_with_work": 90}` or `{"from": "2026-01-01", "to": "2026-06-30"}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .lastDaysWithWork) {
            self = .lastDaysWithWork(n)
        } else {
            self = .between(try c.decode(LocalDay.self, forKey: .from), try c.decode(LocalDay.self, forKey: .to))
        }
    }

    /// Encodes `{"last_days_with_work": 90}` or `{"from": …, "to": …}`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .lastDaysWithWork(let n):
            try c.encode(n, forKey: .lastDaysWithWork)
        case .between(let from, let to):
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
        }
    }
}

/// One person's total output of one kind of work on one day.
public struct PersonDay: Sendable, Codable, Equatable {
    /// The day.
    public let day: LocalDay
    /// The person.
    public let person: String
    /// Metres or pages (never negative).
    public let amount: Double
}

/// The person-days of one kind of work inside the measurement window.
public struct WorkHistory: Sendable, Equatable {
    /// The kind of work.
    public let kind: WorkKind
    /// Person-days in the window, sorted by day then person.
    public let personDays: [PersonDay]

    /// Collects the person-days of `kind` recorded on or before `today`, inside `window`.
    ///
    /// Observations of one person on one day are added; a day's net negative
    /// total (a correction larger than the work) counts as 0; non-finite amounts
    /// are ignored.
    public init(kind: WorkKind, observations: [Observation], today: LocalDay, window: MeasurementWindow) {
        self.kind = kind
        var totals: [PersonDayKey: Double] = [:]
        for o in observations where o.kind == kind && o.day <= today && o.amount.isFinite {
            totals[PersonDayKey(day: o.day, person: o.person), default: 0] += o.amount
        }
        var days = Set(totals.keys.map(\.day)).sorted()
        switch window {
        case .lastDaysWithWork(let n):
            days = Array(days.suffix(max(0, n)))
        case .between(let from, let to):
            days = days.filter { $0 >= from && $0 <= to }
        }
        let keep = Set(days)
        personDays = totals.filter { keep.contains($0.key.day) }
            .map { PersonDay(day: $0.key.day, person: $0.key.person, amount: max(0, $0.value)) }
            .sorted { ($0.day, $0.person) < ($1.day, $1.person) }
    }

    /// Distinct days with recorded work, in order.
    public var days: [LocalDay] {
        var out: [LocalDay] = []
        for pd in personDays where out.last != pd.day { out.append(pd.day) }
        return out
    }

    /// Distinct people who recorded work, sorted.
    public var people: [String] { Set(personDays.map(\.person)).sorted() }

    /// Total output.
    public var totalAmount: Double { personDays.reduce(0) { $0 + $1.amount } }

    /// Mean output per person-day, or nil when there are no person-days.
    public var ratePerPersonDay: Double? {
        personDays.isEmpty ? nil : totalAmount / Double(personDays.count)
    }

    /// Output and person-day count per resampling block: ISO weeks, or single days when there are fewer than `minimumWeeks` weeks.
    func blocks(minimumWeeks: Int) -> (amounts: [Double], personDays: [Double], weekly: Bool) {
        let weeks = Set(personDays.map { $0.day.isoWeek })
        let weekly = weeks.count >= minimumWeeks
        var order: [Int: Int] = [:]
        var amounts: [Double] = []
        var counts: [Double] = []
        for pd in personDays {
            let key = weekly ? pd.day.isoWeek.year * 100 + pd.day.isoWeek.week : pd.day.dayNumber
            let i: Int
            if let existing = order[key] {
                i = existing
            } else {
                i = amounts.count
                order[key] = i
                amounts.append(0)
                counts.append(0)
            }
            amounts[i] += pd.amount
            counts[i] += 1
        }
        return (amounts, counts, weekly)
    }
}

struct PersonDayKey: Hashable {
    let day: LocalDay
    let person: String
}
