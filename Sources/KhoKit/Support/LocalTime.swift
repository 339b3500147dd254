import Foundation

/// Times in the archive's local time zone (Asia/Ho_Chi_Minh unless `KHO_TZ` says otherwise).
public struct LocalTime: Sendable {
    public let timeZone: TimeZone
    /// A Gregorian calendar in `timeZone`, made once (making one costs more than using it).
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The archive's time zone when `KHO_TZ` is not set.
    public static let defaultZoneName = "Asia/Ho_Chi_Minh"

    /// The archive's time zone from `KHO_TZ`, defaulting to Asia/Ho_Chi_Minh; a `KHO_TZ` that names no time zone
    /// is an error naming it (``LocalTimeError/unknownZone(_:)``), never silently the default.
    public static func configured(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> LocalTime {
        guard let name = env["KHO_TZ"], !name.isEmpty else { return vietnam }
        guard let zone = zone(named: name) else { throw LocalTimeError.unknownZone(name) }
        return LocalTime(timeZone: zone)
    }

    /// The archive's time zone from `KHO_TZ`, defaulting to Asia/Ho_Chi_Minh, for callers that cannot fail.
    ///
    /// Every command opens the catalogue through `KhoStore.open`, which calls ``configured(_:)`` and so refuses a
    /// bogus `KHO_TZ` before anything is read or written; this fallback is never what a command ends up using.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> LocalTime {
        (try? configured(env)) ?? vietnam
    }

    /// A time zone by its identifier (`Asia/Ho_Chi_Minh`, `UTC`), or nil; no abbreviation (`IST` is ambiguous).
    static func zone(named name: String) -> TimeZone? {
        guard name.trimmingCharacters(in: .whitespacesAndNewlines) == name else { return nil }
        return TimeZone(identifier: name)
    }

    private static let vietnam = LocalTime(
        timeZone: TimeZone(identifier: defaultZoneName) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? TimeZone.current)

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (also with a space) as a local time; a bare date means noon.
    public func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 1 || parts.count == 2 else { return nil }
        let dateParts = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard dateParts.count == 3, dateParts[0].count == 4, dateParts[1].count == 2, dateParts[2].count == 2,
            let year = Int(dateParts[0]), let month = Int(dateParts[1]), let day = Int(dateParts[2])
        else { return nil }
        var hour = 12
        var minute = 0
        if parts.count == 2 {
            let timeParts = parts[1].split(separator: ":")
            guard timeParts.count == 2, let h = Int(timeParts[0]), let m = Int(timeParts[1]),
                (0...23).contains(h), (0...59).contains(m)
            else { return nil }
            hour = h
            minute = m
        }
        var components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)
        components.timeZone = timeZone
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// The instant of a local wall-clock time, computed directly (civil-from-days), for hot paths; nil when out of range.
    public func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute),
            (0...60).contains(second)
        else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let wall = Double(days * 86_400 + hour * 3600 + minute * 60 + second)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: wall))
        return Date(timeIntervalSince1970: wall - Double(offset))
    }

    /// The local calendar day of an instant, as `YYYY-MM-DD`.
    public func day(of date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// The local date and time of an instant, as `YYYY-MM-DD HH:MM`.
    public func dateTime(of date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}

/// Why the archive's time zone cannot be set.
public enum LocalTimeError: KhoError, Equatable {
    /// `KHO_TZ` names no time zone.
    case unknownZone(String)

    public var text: Text {
        switch self {
        case .unknownZone(let name):
            Text(
                vi:
                    "KHO_TZ=«\(name)» không phải múi giờ nào: hãy dùng tên IANA như Asia/Ho_Chi_Minh (mặc định, bỏ KHO_TZ đi) hoặc UTC; kho không đoán múi giờ vì mọi ngày làm việc được tính theo nó",
                en:
                    "KHO_TZ=“\(name)” is not a time zone: use an IANA name such as Asia/Ho_Chi_Minh (the default: unset KHO_TZ) or UTC; kho does not guess, because every work day is counted in it"
            )
        }
    }
}
