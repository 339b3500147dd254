import Foundation

/// How far an ingest has got, for a progress bar.
public struct IngestProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytes: Int64
    public var elapsed: Double
}

/// What one ingest did: counts by kind, problems found, and findings about the folder layout.
public struct IngestSummary: Codable, Sendable {
    /// How many problems a summary lists; `kho scan problems` lists them all.
    public static let problemsShown = 200
    /// A DateTime tag more than this many days before the ingest does not date the work (see `work_days`).
    public static let maximumTagAgeDays = 30

    /// TIFF files seen under the root (in catalogued, non-secret folders).
    public var masters = 0
    /// Pages in the masters read this run.
    public var pages = 0
    /// Bytes of the masters read this run.
    public var bytes: Int64 = 0
    /// Catalogue files whose masters changed (new, changed or missing) and were recorded.
    public var records = 0
    public var new = 0
    public var changed = 0
    public var unchanged = 0
    /// Masters read this run that are readable but fail the profile.
    public var failedQC = 0
    /// Masters read this run that could not be read as a sound TIFF.
    public var unreadable = 0
    /// Masters recorded before that are no longer on disk.
    public var missing = 0
    public var profile = ""
    public var changedPaths: [String] = []
    public var findings: [String] = []
    /// The first `problemsShown` problems found this run (all of them: `kho scan problems`).
    public var problems: [ProblemLine] = []
    /// How many problems this run found in all.
    public var problemsTotal = 0
    /// Masters whose content changed after they passed their checks: the old SHA-256 is kept, the file needs review.
    public var changedAfterCheck: [String] = []
    /// Files whose pages lie outside sheets…2 × sheets after this run (count mismatch: not digitized).
    public var countMismatch: [CountMismatch] = []
    /// The work days the events of this run were dated on, and why: one entry per day and source, earliest first.
    public var workDays: [IngestWorkDay] = []
    /// Catalogue files whose DateTime tags were all implausible, so their work was dated on the ingest instead.
    public var implausibleDates = 0
    /// Why those tags were implausible (each file counted once, by its latest tag).
    public var implausibleReasons = ImplausibleDates()
    public var seconds = 0.0

    enum CodingKeys: String, CodingKey {
        case masters, pages, bytes, records, new, changed, unchanged, unreadable, missing, profile, findings, problems,
            seconds
        case problemsTotal = "problems_total"
        case failedQC = "failed_qc"
        case changedPaths = "changed_paths"
        case changedAfterCheck = "changed_after_check"
        case countMismatch = "count_mismatch"
        case workDays = "work_days"
        case implausibleDates = "implausible_dates"
        case implausibleReasons = "implausible_reasons"
    }
}

/// How much one write transaction of an ingest gathers: batches are added until it holds `masters` masters or has
/// been open `seconds`. Long enough that the pages of the big indexes (random SHA-256 keys) are written to the WAL and
/// checkpointed once for thousands of masters, not once per batch of 1,024; short enough that a clerk's write beside
/// it (the CLI, `kho serve`) waits less than `seconds`. Progress is reported after each transaction.
public struct IngestTransaction: Sendable, Hashable {
    public var seconds: TimeInterval
    public var masters: Int

    public init(seconds: TimeInterval, masters: Int) {
        self.seconds = seconds
        self.masters = masters
    }

    public static let standard = IngestTransaction(seconds: 1.5, masters: 16_384)
    /// One transaction per batch of about 1,024 masters (tests that stop an ingest between two of its writes).
    public static let perBatch = IngestTransaction(seconds: 0, masters: 1)
}

/// A file whose pages do not match its sheets: `BOX/FILE`, pages and sheets.
public struct CountMismatch: Codable, Sendable, Hashable {
    public var ref: String
    public var pages: Int
    public var sheets: Int
}

/// Where an ingest event's work time came from.
public enum WorkDaySource: String, Codable, Sendable, Hashable, CaseIterable {
    /// A plausible DateTime tag of the file's masters.
    case tag
    /// The moment of the ingest (no tag, or no plausible one).
    case ingest
    /// The time the person gave with `--at`.
    case at
}

/// One work day an ingest dated events on: the local day, how many catalogue files, and why that day.
public struct IngestWorkDay: Codable, Sendable, Hashable {
    /// The local day in the archive's time zone, `YYYY-MM-DD`.
    public var day: String
    public var files: Int
    public var source: WorkDaySource
}

/// Why DateTime tags were not believed, counted by catalogue file.
public struct ImplausibleDates: Codable, Sendable, Hashable {
    /// The tag is later than the ingest.
    public var future = 0
    /// The tag is earlier than the file's registration in the catalogue.
    public var beforeRegistration = 0
    /// The tag is more than `IngestSummary.maximumTagAgeDays` days before the ingest.
    public var tooOld = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case future
        case beforeRegistration = "before_registration"
        case tooOld = "too_old"
    }
}

/// One problem of one master, as people read it.
public struct ProblemLine: Codable, Sendable, Hashable {
    public var ref: String
    public var master: String
    public var page: Int?
    public var code: String
    public var message: String
}

/// A problem as stored with its master: both languages, so it reads the same later.
struct StoredProblem: Codable, Hashable, Sendable {
    var page: Int?
    var code: String
    var vi: String
    var en: String

    /// The problems as a JSON array that `JSONDecoder` reads back, written by hand (the ingest's hot path).
    static func json(_ problems: [StoredProblem]) -> String {
        if problems.isEmpty { return "[]" }
        var out = JSONBytes(capacity: 256 * problems.count)
        out.raw("[")
        for (index, p) in problems.enumerated() {
            out.raw(index > 0 ? ",{" : "{")
            if let page = p.page {
                out.field("\"page\":", page)
                out.raw(",")
            }
            out.field("\"code\":", p.code)
            out.field(",\"vi\":", p.vi)
            out.field(",\"en\":", p.en)
            out.raw("}")
        }
        out.raw("]")
        return out.text
    }
}
