import Foundation
import GRDB

extension KhoStore {
    /// The id of the newest event (0 when there is none): every write appends one, so a figure computed from the
    /// catalogue stays right for as long as this id and the day are the same.
    public func lastEventId() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM event") ?? 0 }
    }

    /// The latest live event (``LiveEvent``: not undone, not superseded) of `kind` on a box or file.
    func lastEvent(_ db: Database, kind: EventKind, boxId: Int64? = nil, fileId: Int64? = nil) throws -> Event? {
        var request = Event.filter(Column("kind") == kind.rawValue)
            .filter(sql: LiveEvent.sql(alias: "event"))
        if let boxId { request = request.filter(Column("box_id") == boxId) }
        if let fileId { request = request.filter(Column("file_id") == fileId) }
        return try request.order(Column("id").desc).fetchOne(db)
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
