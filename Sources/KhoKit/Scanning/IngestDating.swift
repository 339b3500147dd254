import Foundation

/// When the work an ingest records happened: the rule for dating one catalogue file's `scan.ingest` event.
enum IngestWorkTime {
    /// A tag older than this before the ingest is not believed (a scanner clock left wrong, a master copied from an old job).
    static let maximumAge = TimeInterval(IngestSummary.maximumTagAgeDays * 86_400)

    enum Rejection: Equatable { case future, beforeRegistration, tooOld }

    /// `--at` when the person gave it; else the file's latest DateTime tag that is not in the future, not before the
    /// file was registered and not more than `maximumAge` before the ingest; else the moment of the ingest.
    /// `rejected` says why the latest tag was not believed when there were tags and none was.
    static func decide(
        tags: [Date], registered: Date?, attribution: Attribution, now: Date
    )
        -> (happened: Date, source: WorkDaySource, rejected: Rejection?)
    {
        if attribution.happenedAt != attribution.recordedAt { return (attribution.happenedAt, .at, nil) }
        let oldest = max(registered ?? .distantPast, now.addingTimeInterval(-maximumAge))
        if let latest = tags.filter({ $0 <= now && $0 >= oldest }).max() { return (latest, .tag, nil) }
        guard let latest = tags.max() else { return (attribution.happenedAt, .ingest, nil) }
        let why: Rejection =
            latest > now ? .future : (registered.map { latest < $0 } ?? false) ? .beforeRegistration : .tooOld
        return (attribution.happenedAt, .ingest, why)
    }
}

/// When each catalogue file was registered, from the log: the time of the event that made its row (`file.added_by`,
/// a `file.add` or an `import.files`), never guessed from the order of ids.
///
/// Catalogues made before kho recorded `added_by` (v8) fall back to what those could say: a `file.add` event names
/// its file; an `import.files` made the next `count` ids then (ids were not deleted before deletes existed).
struct RegistrationTimes {
    var added: [Int64: Date] = [:]
    var imported: [(first: Int64, last: Int64, at: Date)] = []

    init() {}

    /// When file `id` was registered, or nil when the log does not say.
    func callAsFunction(_ id: Int64) -> Date? {
        if let at = added[id] { return at }
        return imported.first { $0.first <= id && id <= $0.last }?.at
    }
}

/// A work day and why, while an ingest counts files by them.
struct WorkDayKey: Hashable {
    var day: String
    var source: WorkDaySource
}
