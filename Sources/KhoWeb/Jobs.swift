import Foundation
import KhoKit
import Synchronization

/// A long job started from the web (ingest, PDF build): one at a time, its progress shown on /jobs.
public struct JobState: Sendable {
    public enum Kind: String, Sendable { case ingest, pdf }
    public var kind: Kind
    public var startedBy: String
    public var started: Date
    public var done = 0
    public var total = 0
    public var finished: Date?
    /// What came of it, in both languages (a summary, or the error).
    public var outcome: Text?
    /// The lines after the summary (the library's words for what the job found), as the command line prints them.
    public var notes: [Text] = []
    /// The job failed, or ended with part of its work not done (files that got no copy).
    public var failed = false
}

/// What a finished job says: its summary, the lines after it, and whether part of the work was not done.
public struct JobReport: Sendable {
    public var headline: Text
    public var notes: [Text]
    /// Part of the work was not done (the command line would exit non-zero): shown as an error, not a notice.
    public var incomplete: Bool

    public init(headline: Text, notes: [Text] = [], incomplete: Bool = false) {
        self.headline = headline
        self.notes = notes
        self.incomplete = incomplete
    }
}

/// Runs the long jobs, one at a time, on a thread of their own.
public final class JobRunner: Sendable {
    private let state = Mutex<JobState?>(nil)

    public init() {}

    /// The current or last job.
    public var current: JobState? { state.withLock { $0 } }

    /// Starts `work` unless a job is running; false when one is.
    func start(
        _ kind: JobState.Kind, by person: String,
        _ work: @escaping @Sendable (_ progress: @escaping @Sendable (Int, Int) -> Void) throws -> JobReport
    ) -> Bool {
        let started = state.withLock { job -> Bool in
            if let job, job.finished == nil { return false }
            job = JobState(kind: kind, startedBy: person, started: Date())
            return true
        }
        guard started else { return false }
        Thread.detachNewThread { [self] in
            let progress: @Sendable (Int, Int) -> Void = { done, total in
                self.state.withLock { job in
                    job?.done = done
                    job?.total = total
                }
            }
            let outcome: Text
            var notes: [Text] = []
            var failed = false
            do {
                let report = try work(progress)
                outcome = report.headline
                notes = report.notes
                failed = report.incomplete
            } catch let error as KhoError {
                outcome = error.text
                failed = true
            } catch {
                outcome = Text(vi: "\(error)", en: "\(error)")
                failed = true
            }
            self.state.withLock { job in
                job?.finished = Date()
                job?.outcome = outcome
                job?.notes = notes
                job?.failed = failed
            }
        }
        return true
    }
}
