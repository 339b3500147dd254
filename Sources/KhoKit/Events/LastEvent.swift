import Foundation

extension KhoStore {
    /// The id of the newest event (0 when there is none): every write appends one, so a figure computed from the
    /// catalogue stays right for as long as this id and the day are the same.
    public func lastEventId() throws -> Int64 {
        try reading { tx in try tx.events.lastId() }
    }

    func whenText(_ event: Event?) -> String {
        guard let event else { return "?" }
        return time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(event.happenedAt)))
    }

    /// Two instants (Unix seconds) as local date and time, with seconds when they fall in the same minute, so
    /// that a person can see which comes first.
    func whenTexts(_ a: Int64, _ b: Int64) -> (String, String) {
        func text(_ t: Int64, seconds: Bool) -> String {
            let minute = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(t)))
            return seconds ? minute + String(format: ":%02d", Int(((t % 60) + 60) % 60)) : minute
        }
        let sameMinute = text(a, seconds: false) == text(b, seconds: false)
        return (text(a, seconds: sameMinute), text(b, seconds: sameMinute))
    }
}
