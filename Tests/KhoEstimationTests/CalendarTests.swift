import Foundation
import Testing

@testable import KhoEstimation

@Suite struct CalendarTests {
    @Test func daysRoundTripThroughDayNumbers() {
        // Given days across leap years and the epoch
        for text in ["1970-01-01", "2024-02-29", "2026-11-27", "1969-12-31", "2100-03-01"] {
            // When converted to a day number and back
            let d = LocalDay(iso: text)!
            // Then nothing changes
            #expect(LocalDay(dayNumber: d.dayNumber) == d)
            #expect(d.description == text)
        }
        #expect(LocalDay(iso: "2026-02-29") == nil)
        #expect(LocalDay(iso: "2026-2-1") == nil)
    }

    @Test func weekdaysAndISOWeeks() {
        // Given known days: 2026-11-27 is a Friday, 2027-01-01 a Friday in 2026-W53
        #expect(Fixtures.day(2026, 11, 27).isoWeekday == 5)
        #expect(Fixtures.day(2026, 11, 29).isoWeekday == 7)
        #expect(Fixtures.day(2026, 1, 1).isoWeek == ISOWeek(year: 2026, week: 1))
        #expect(Fixtures.day(2027, 1, 1).isoWeek == ISOWeek(year: 2026, week: 53))
        #expect(Fixtures.day(2024, 12, 30).isoWeek == ISOWeek(year: 2025, week: 1))
        #expect(Fixtures.day(2026, 2, 9).isoWeek.description == "2026-W07")
    }

    @Test func weekendsAreSkipped() {
        // Given a calendar without holidays and a Friday
        let calendar = WorkingCalendar()
        let friday = Fixtures.day(2026, 11, 27)
        // When adding working days
        // Then Saturday and Sunday are skipped
        #expect(calendar.adding(workingDays: 1, after: friday) == Fixtures.day(2026, 11, 30))
        #expect(calendar.adding(workingDays: 5, after: friday) == Fixtures.day(2026, 12, 4))
        #expect(calendar.adding(workingDays: 6, after: friday) == Fixtures.day(2026, 12, 7))
        #expect(calendar.adding(workingDays: 0, after: friday) == friday)
        #expect(calendar.workingDays(after: friday, through: Fixtures.day(2026, 12, 7)) == 6)
    }

    @Test func holidaysAreSkipped() {
        // Given 2026-12-01 (Tuesday) and a long run of Tết days as holidays
        let tet = (16...20).map { Fixtures.day(2027, 2, $0) }
        let calendar = WorkingCalendar(holidays: [Fixtures.day(2026, 12, 1)] + tet)
        let friday = Fixtures.day(2026, 11, 27)
        // When adding working days across them
        // Then the holidays are not counted as working days
        #expect(!calendar.isWorkingDay(Fixtures.day(2026, 12, 1)))
        #expect(calendar.adding(workingDays: 2, after: friday) == Fixtures.day(2026, 12, 2))
        #expect(calendar.adding(workingDays: 6, after: friday) == Fixtures.day(2026, 12, 8))
        // And the week-jumping path agrees with walking day by day, over months and holidays
        for start in [friday, friday.adding(days: 2), Fixtures.day(2026, 11, 30)] {
            for n in [7, 23, 57, 58, 59, 60, 61, 62, 300] {
                var d = start
                var left = n
                while left > 0 {
                    d = d.adding(days: 1)
                    if calendar.isWorkingDay(d) { left -= 1 }
                }
                #expect(calendar.adding(workingDays: n, after: start) == d, "n = \(n) after \(start)")
                #expect(calendar.workingDays(after: start, through: d) == n)
            }
        }
    }
}

@Suite struct LocalDayFromDateTests {
    @Test func eventsAreGroupedByLocalDay() throws {
        // Given 2026-11-27 17:30 UTC, which is 00:30 on the 28th in Vietnam (UTC+7)
        let date = Date(timeIntervalSince1970: Double(Fixtures.day(2026, 11, 27).dayNumber) * 86_400 + 17.5 * 3_600)
        let vietnam = try #require(TimeZone(secondsFromGMT: 7 * 3_600))
        let utc = try #require(TimeZone(secondsFromGMT: 0))
        // When grouped into days
        // Then the local day is the 28th, while UTC still says the 27th
        #expect(LocalDay(date, in: vietnam) == Fixtures.day(2026, 11, 28))
        #expect(LocalDay(date, in: utc) == Fixtures.day(2026, 11, 27))
        #expect(LocalDay(Date(timeIntervalSince1970: -1), in: utc) == Fixtures.day(1969, 12, 31))
        if let hcm = TimeZone(identifier: LocalDay.defaultTimeZoneIdentifier) {
            #expect(LocalDay(date, in: hcm) == Fixtures.day(2026, 11, 28))
        }
    }
}
