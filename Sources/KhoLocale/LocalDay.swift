/// A calendar day in the archive's local time zone, with no time of day.
///
/// Days are counted with pure integer arithmetic (proleptic Gregorian), so the
/// same input gives the same day on every machine. Encoded in JSON as
/// `"YYYY-MM-DD"`.
public struct LocalDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// Makes a day from its parts; returns nil when the parts are not a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= LocalDay.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Makes the day that lies `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Parses `"YYYY-MM-DD"`; returns nil for anything else.
    /// Reads the `YYYY-MM-DD` at the start of `text` (a date and time, `2026-11-27T10:00`); nil when malformed.
    public init?(prefixOf text: String) {
        self.init(iso: String(text.prefix(10)))
    }

    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let r = (dayNumber + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The ISO 8601 week this day belongs to.
    public var isoWeek: ISOWeek {
        let thursday = LocalDay(dayNumber: dayNumber - isoWeekday + 4)
        let jan1 = LocalDay(dayNumber: LocalDay.firstDayNumber(ofYear: thursday.year))
        let week = (thursday.dayNumber - jan1.dayNumber) / 7 + 1
        return ISOWeek(year: thursday.year, week: week)
    }

    /// The day `n` days later (earlier when negative).
    public func adding(days n: Int) -> LocalDay { LocalDay(dayNumber: dayNumber + n) }

    /// `"YYYY-MM-DD"`.
    public var description: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// How a day is written in English: `2026-11-27` (ISO, what the command line prints) or `27 Nov 2026` (in words,
    /// what the printed reports show).
    public enum EnglishStyle: Sendable { case iso, words }

    /// The months' English abbreviations, January first.
    public static let englishMonths = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// The day as people read it: `DD/MM/YYYY` in Vietnamese; in English `YYYY-MM-DD`, or `27 Nov 2026` in words.
    public func display(_ lang: Lang, english: EnglishStyle = .iso) -> String {
        switch (lang, english) {
        case (.vi, _): viDisplay
        case (.en, .iso): description
        case (.en, .words): "\(day) \(Self.englishMonths[month - 1]) \(year)"
        }
    }

    /// `"DD/MM/YYYY"`, as Vietnamese documents write a date.
    public var viDisplay: String { "\(Self.pad(day, 2))/\(Self.pad(month, 2))/\(Self.pad(year, 4))" }

    /// `v` with zeros in front up to `width` digits.
    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    public static func < (a: LocalDay, b: LocalDay) -> Bool { a.dayNumber < b.dayNumber }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let d = LocalDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD day: \(text)"))
        }
        self = d
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func firstDayNumber(ofYear y: Int) -> Int {
        LocalDay(year: y, month: 1, day: 1).map(\.dayNumber) ?? 0
    }
}

/// An ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday).
public struct ISOWeek: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The ISO week-numbering year (may differ from the calendar year near 1 January).
    public let year: Int
    /// The week number, 1–53.
    public let week: Int

    /// Reads `YYYY-Www`, e.g. `2026-W07`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), parts[1].first == "W", let w = Int(parts[1].dropFirst()),
            (1...53).contains(w)
        else { return nil }
        self.init(year: y, week: w)
    }

    /// The Monday the week starts on.
    public var monday: LocalDay {
        let jan4 = LocalDay(year: year, month: 1, day: 4) ?? LocalDay(dayNumber: 0)
        return jan4.adding(days: 1 - jan4.isoWeekday + 7 * (week - 1))
    }

    /// Makes a week from its ISO year and number.
    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// `"2026-W07"`.
    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (a: ISOWeek, b: ISOWeek) -> Bool { (a.year, a.week) < (b.year, b.week) }
}
