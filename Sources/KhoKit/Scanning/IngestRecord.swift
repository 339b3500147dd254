import Foundation
import KhoTIFF

/// Recording what an ingest read, one catalogue file at a time (inside the batch's transaction).
extension KhoStore {
    /// Writes one catalogue file's masters, its new state and page count, and its attributed ingest event.
    func record(
        _ tx: Stores, fileId: Int64, read: ArraySlice<ReadMaster>, recorded: Set<String>, gone: [String],
        root: String, profile: QualityProfile,
        by who: Attribution, lang: Lang, registered: Date?, now: Date, summary: inout IngestSummary,
        days: inout [WorkDayKey: Int]
    ) throws {
        let history = try recordMasters(
            tx.scan, fileId: fileId, read: read, recorded: recorded, root: root, profile: profile, lang: lang, now: now,
            summary: &summary)
        for rel in gone { try tx.scan.markMissing(rel: rel) }
        guard let target = try tx.scan.ingestTarget(fileId: fileId) else { return }
        let settled = try FileLadder.apply(tx.scan, fileId: fileId)
        summary.records += 1
        if settled.after == .mismatch, let sheets = target.sheets {
            summary.countMismatch.append(
                CountMismatch(
                    ref: read.first.map { ref(of: $0.disk.relPath) } ?? gone.first.map(ref(of:)) ?? "?",
                    pages: settled.pages, sheets: sheets))
        }
        let attribution = workAttribution(
            read: read, by: who, registered: registered, now: now, summary: &summary, days: &days)
        let event = try appendIngestEvent(
            tx, fileId: fileId, target: target, settled: settled, attribution: attribution, profile: profile,
            count: read.count)
        try recordHashHistory(tx.scan, history, event: event.id, now: now)
    }

    /// A SHA-256 a master is to keep in its history (`master_hash`), once the ingest event is written.
    private struct HashEntry {
        var master: Int64
        var sha: String
        var size: Int64
        var reason: String
    }

    /// Writes the masters read for one file, with their fixity reference and findings; returns the hashes to add
    /// to their history. Only a master the catalogue has a row for (in `recorded`) is looked up and upserted; the
    /// others are inserted (``ScanStore/writeMaster(_:fileId:root:profile:reference:problems:problemCount:seen:changedAt:now:replacing:)``).
    private func recordMasters(
        _ scan: ScanStore, fileId: Int64, read: ArraySlice<ReadMaster>, recorded: Set<String>, root: String,
        profile: QualityProfile, lang: Lang, now: Date, summary: inout IngestSummary
    ) throws -> [HashEntry] {
        var history: [HashEntry] = []
        for m in read {
            let old = recorded.contains(m.disk.relPath) ? try scan.previousMaster(rel: m.disk.relPath) : nil
            var fixity: (reference: String?, seen: String?, changedAt: Int64?) = (m.result.sha256, nil, nil)
            if let old {
                fixity = fixityReference(m, old: old, lang: lang, now: now, summary: &summary, history: &history)
            }
            var problemsJSON = m.problemsJSON
            var problemCount = m.problems.count
            if let duplicate = try duplicateProblem(scan, m, lang: lang, summary: &summary) {
                problemsJSON = StoredProblem.json(m.problems + [duplicate])
                problemCount += 1
            }
            let id = try scan.writeMaster(
                m, fileId: fileId, root: root, profile: profile.name, reference: fixity.reference,
                problems: problemsJSON, problemCount: problemCount, seen: fixity.seen, changedAt: fixity.changedAt,
                now: now, replacing: old != nil)
            if old == nil, let sha = m.result.sha256 {
                history.append(HashEntry(master: id, sha: sha, size: Int64(m.disk.identity.size), reason: "ingest"))
            }
        }
        return history
    }

    /// Fixity that remembers: once a master passed its checks, new content is a change to review, never a new
    /// reference; a master that failed is expected to be replaced (that is the rescan). Returns the SHA-256 to keep as
    /// the reference, the new one seen and since when, given the master's `old` row; a new reference goes into
    /// `history`.
    private func fixityReference(
        _ m: ReadMaster, old: PreviousMaster, lang: Lang, now: Date, summary: inout IngestSummary,
        history: inout [HashEntry]
    ) -> (reference: String?, seen: String?, changedAt: Int64?) {
        let size = Int64(m.disk.identity.size)
        if let oldSHA = old.sha256, let new = m.result.sha256, oldSHA != new {
            guard old.checked else {
                history.append(HashEntry(master: old.id, sha: new, size: size, reason: "rescan"))
                return (m.result.sha256, nil, nil)
            }
            let changedAt: Int64? = old.seenSHA256 == new ? old.changedAt : Int64(now.timeIntervalSince1970)
            summary.changedAfterCheck.append(m.disk.relPath)
            if summary.problems.count < IngestSummary.problemsShown {
                let text = IngestFinding.changedAfterCheck(ref: ref(of: m.disk.relPath), old: oldSHA, new: new)
                summary.problems.append(
                    ProblemLine(
                        ref: ref(of: m.disk.relPath), master: m.disk.name, page: nil,
                        code: "changed_after_check", message: text(lang)))
            }
            return (oldSHA, new, changedAt)
        } else if let new = m.result.sha256, old.sha256 == nil {
            history.append(HashEntry(master: old.id, sha: new, size: size, reason: "ingest"))
        }
        return (m.result.sha256, nil, nil)
    }

    /// The same image twice (in this file or another) is a finding on the master read now: its problem, counted in
    /// `summary`, or nil when the image is not elsewhere.
    ///
    /// The digest is found by its prefix among the merged and the recent digests (``MasterDigests``), then compared
    /// whole.
    private func duplicateProblem(
        _ scan: ScanStore, _ m: ReadMaster, lang: Lang, summary: inout IngestSummary
    ) throws -> StoredProblem? {
        guard let sha = m.result.sha256, let other = try scan.duplicate(of: sha, notAt: m.disk.relPath) else {
            return nil
        }
        let finding = IngestFinding.duplicate(of: other)
        if m.problems.isEmpty && m.result.isReadable { summary.failedQC += 1 }
        summary.problemsTotal += 1
        if summary.problems.count < IngestSummary.problemsShown {
            summary.problems.append(
                ProblemLine(
                    ref: ref(of: m.disk.relPath), master: m.disk.name, page: nil, code: "duplicate",
                    message: finding(lang)))
        }
        return StoredProblem(page: nil, code: "duplicate", vi: finding.vi, en: finding.en)
    }

    /// `who`, dated when the work happened: --at, else a plausible DateTime tag, else now (a scanner clock saying
    /// 2019 is not believed). The masters' scanned_at keeps what the tags say; only the event's work time follows this
    /// rule. The file is counted on its work day, and its rejected tags in `summary`.
    private func workAttribution(
        read: ArraySlice<ReadMaster>, by who: Attribution, registered: Date?, now: Date,
        summary: inout IngestSummary, days: inout [WorkDayKey: Int]
    ) -> Attribution {
        var attribution = who
        let work = IngestWorkTime.decide(
            tags: read.flatMap(\.tagged), registered: registered, attribution: who, now: now)
        attribution.happenedAt = work.happened
        days[WorkDayKey(day: time.day(of: work.happened), source: work.source), default: 0] += 1
        if let rejected = work.rejected {
            summary.implausibleDates += 1
            switch rejected {
            case .future: summary.implausibleReasons.future += 1
            case .beforeRegistration: summary.implausibleReasons.beforeRegistration += 1
            case .tooOld: summary.implausibleReasons.tooOld += 1
            }
        }
        return attribution
    }

    /// Appends the file's `scan.ingest` event (superseding its latest live hand record or ingest) and returns it.
    private func appendIngestEvent(
        _ tx: Stores, fileId: Int64, target: IngestTarget,
        settled: (before: ScanState, after: ScanState, pages: Int, masters: FileLadder.Masters),
        attribution: Attribution, profile: QualityProfile, count: Int
    ) throws -> Event {
        let superseded = try tx.scan.latestLiveScanEvent(fileId: fileId)
        var event = Event(
            kind: .scanIngest, attribution: attribution, time: time,
            detail: EventDetail(
                before: ["scan_state": settled.before.rawValue], after: ["scan_state": settled.after.rawValue],
                source: profile.name, count: count))
        event.fileId = fileId
        event.boxId = target.boxId
        event.fondsId = target.fondsId
        event.pages = settled.pages
        event.bytes = settled.masters.bytes
        event.sheets = target.sheets
        event.supersedes = superseded
        try tx.events.append(&event)
        return event
    }

    /// Adds the new references to their masters' hash history, naming the ingest event.
    private func recordHashHistory(_ scan: ScanStore, _ history: [HashEntry], event: Int64?, now: Date) throws {
        let since = Int64(now.timeIntervalSince1970)
        for h in history {
            try scan.addHash(master: h.master, sha: h.sha, size: h.size, since: since, reason: h.reason, event: event)
        }
    }
}
