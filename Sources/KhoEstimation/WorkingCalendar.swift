/// A working calendar: Monday to Friday, minus the listed public holidays.
public struct WorkingCalendar: Sendable, Codable, Equatable {
    /// Public holidays (days off that fall on weekdays; weekend entries are harmless).
    public var holidays: Set<LocalDay>

    /// Makes a calendar with the given public holidays.
    public init(holidays: some Sequence<LocalDay> = []) {
        self.holidays = Set(holidays)
    }

    /// Whether work is planned on this day (a weekday that is not a holiday).
    public func isWorkingDay(_ day: LocalDay) -> Bool {
        day.isoWeekday <= 5 && !holidays.contains(day)
    }

    /// The `n`-th working day after `start` (`start` itself is not counted); `start` when `n` ≤ 0.
    public func adding(workingDays n: Int, after start: LocalDay) -> LocalDay {
        guard n > 0 else { return start }
        // Jump whole weeks first, then walk; holidays inside the jump are added back.
        var remaining = n
        var d = start.dayNumber
        let sortedHolidays = holidays.map(\.dayNumber).filter { d0 in
            let wd = LocalDay(dayNumber: d0).isoWeekday
            return wd <= 5 && d0 > d
        }.sorted()
        var h = 0
        while remaining > 5 {
            let weeks = (remaining - 1) / 5
            let from = d
            d += weeks * 7
            remaining -= weeks * 5
            while h < sortedHolidays.count, sortedHolidays[h] <= d {
                if sortedHolidays[h] > from { remaining += 1 }
                h += 1
            }
        }
        while remaining > 0 {
            d += 1
            if isWorkingDay(LocalDay(dayNumber: d)) { remaining -= 1 }
        }
        return LocalDay(dayNumber: d)
    }

    /// How many working days lie after `start` up to and including `end` (0 when `end` ≤ `start`).
    public func workingDays(after start: LocalDay, through end: LocalDay) -> Int {
        guard end > start else { return 0 }
        var count = 0
        var d = start.dayNumber + 1
        while d <= end.dayNumber {
            if isWorkingDay(LocalDay(dayNumber: d)) { count += 1 }
            d += 1
        }
        return count
    }
}
