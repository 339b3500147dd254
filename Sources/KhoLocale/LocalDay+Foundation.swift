import Foundation

extension LocalDay {
    /// The archive's default time zone identifier for grouping events into days.
    public static let defaultTimeZoneIdentifier = "Asia/Ho_Chi_Minh"

    /// The local day on which `date` falls in `timeZone` (e.g. Asia/Ho_Chi_Minh, UTC+7).
    public init(_ date: Date, in timeZone: TimeZone) {
        // Offsets are whole seconds; flooring keeps days before 1970 right.
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        self.init(dayNumber: Int((seconds / 86_400).rounded(.down)))
    }
}
