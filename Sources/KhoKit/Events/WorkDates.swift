import Foundation

/// The one rule for when recorded work can have happened: never before the box it was done on was registered,
/// never before the first year of the records it was done on (the box's, or for work on a fonds, the fonds'), never
/// before 1945 — unless it is an opening balance
/// (`--opening`: work done before kho, recorded as such).
///
/// Every event passes through ``check(_:_:)`` when it is appended; an event recorded as it happens (no `--at`) is
/// after every bound and costs no query.
public enum WorkDates {
    /// No archive work recorded in kho is older than this year (the state whose records a commune keeps).
    public static let earliestYear = 1945

    /// The bound a date fell before (declared beside ``AttributionError``, which names it).
    public typealias Bound = WorkDateBound

    /// Refuses `event` when it is not an opening balance and happened before one of the bounds, naming the latest
    /// bound it is before and the earliest `--at` that would be accepted.
    static func check(_ event: Event, in log: EventStore) throws {
        guard !event.opening, event.happenedAt < event.recordedAt - 300 else { return }
        if let bound = try bound(
            log, for: event.happenedAt, day: event.happenedDay, boxId: event.boxId, fileId: event.fileId,
            fondsId: event.fondsId)
        {
            throw AttributionError.beforeBound(at: event.happenedDay, bound: bound.bound, earliest: bound.earliest)
        }
    }

    /// The latest bound `instant` (on local `day`) falls before, with the earliest accepted `--at`; nil when it is
    /// after all of them.
    ///
    /// One lookup by primary key for an event on a box or file (its registration and the first year of its records);
    /// an event on a fonds alone reads the first year of the fonds' boxes.
    static func bound(
        _ log: EventStore, for instant: Int64, day: String, boxId: Int64?, fileId: Int64?, fondsId: Int64?
    ) throws -> (bound: Bound, earliest: String)? {
        // The local year from the event's own day: no calendar on the path every back-filled event takes.
        let year = Int(day.prefix(4)) ?? 0
        var box = boxId
        if box == nil, let fileId { box = try log.boxId(ofFile: fileId) }
        if let box {
            if let dates = try log.boxDates(id: box) {
                if let registered = dates.registeredAt, instant < registered {
                    let time = LocalTime.fromEnvironment()
                    let at = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(registered)))
                    return (.boxRegistered(box: dates.code, at: at), time.earliestAt(registered))
                }
                if let first = dates.startYear, year < first {
                    return (.boxYears(box: dates.code, year: first), "\(first)-01-01")
                }
            }
        } else if let fondsId, let fonds = try log.fondsFirstYear(id: fondsId), let first = fonds.year, year < first {
            return (.fondsYears(fonds: fonds.code, year: first), "\(first)-01-01")
        }
        if year < earliestYear { return (.earliest(year: earliestYear), "\(earliestYear)-01-01") }
        return nil
    }
}

extension LocalTime {
    /// The earliest `--at` (`YYYY-MM-DDTHH:MM`) that is not before `instant`: its minute, or the next one when
    /// `instant` has seconds (an `--at` has no seconds, so a suggestion is always a value kho accepts).
    func earliestAt(_ instant: Int64) -> String {
        let minute = instant % 60 == 0 ? instant : instant - ((instant % 60) + 60) % 60 + 60
        return dateTime(of: Date(timeIntervalSince1970: TimeInterval(minute))).replacingOccurrences(of: " ", with: "T")
    }
}
