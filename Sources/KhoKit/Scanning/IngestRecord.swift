import Foundation
import GRDB
import KhoTIFF

/// Recording what an ingest read, one catalogue file at a time (inside the batch's transaction).
extension KhoStore {
    /// Writes one catalogue file's masters, its new state and page count, and its attributed ingest event.
    func record(
        _ db: Database, fileId: Int64, read: ArraySlice<ReadMaster>, recorded: Set<String>, gone: [String],
        root: String, profile: QualityProfile,
        by who: Attribution, lang: Lang, registered: Date?, now: Date, summary: inout IngestSummary,
        days: inout [WorkDayKey: Int]
    ) throws {
        let history = try recordMasters(
            db, fileId: fileId, read: read, recorded: recorded, root: root, profile: profile, lang: lang, now: now,
            summary: &summary)
        for rel in gone {
            try db.execute(sql: "UPDATE master SET missing = 1 WHERE rel_path = ?", arguments: [rel])
        }
        guard
            let target = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT f.box_id, b.fonds_id, f.scan_state, f.sheets FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?
                        """), arguments: [fileId])
        else { return }
        let settled = try FileLadder.apply(db, fileId: fileId)
        summary.records += 1
        if settled.after == .mismatch, let sheets = target["sheets"] as Int? {
            summary.countMismatch.append(
                CountMismatch(
                    ref: read.first.map { ref(of: $0.disk.relPath) } ?? gone.first.map(ref(of:)) ?? "?",
                    pages: settled.pages, sheets: sheets))
        }
        let attribution = workAttribution(
            read: read, by: who, registered: registered, now: now, summary: &summary, days: &days)
        let event = try appendIngestEvent(
            db, fileId: fileId, target: target, settled: settled, attribution: attribution, profile: profile,
            count: read.count)
        try recordHashHistory(db, history, event: event.id, now: now)
    }

    /// A SHA-256 a master is to keep in its history (`master_hash`), once the ingest event is written.
    private struct HashEntry {
        var master: Int64
        var sha: String
        var size: Int64
        var reason: String
    }

    /// A master's row as an ingest writes it; a new master is inserted with it, a recorded one upserted.
    private static let insertMaster = """
        INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, sha256, pages,
                            readable, profile, problems, problem_count, metadata, scanned_at, ingested_at, missing,
                            seen_sha256, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
        """

    /// Upserts the masters read for one file, with their fixity reference and findings; returns the hashes to add
    /// to their history. Only a master the catalogue has a row for (in `recorded`) is looked up and upserted; the others
    /// are inserted: a plain insert spares SQLite the statement journal an upsert needs (its update half writes a table
    /// other tables refer to), 30 % of the cost of the insert.
    private func recordMasters(
        _ db: Database, fileId: Int64, read: ArraySlice<ReadMaster>, recorded: Set<String>, root: String,
        profile: QualityProfile, lang: Lang, now: Date, summary: inout IngestSummary
    ) throws -> [HashEntry] {
        let insert = try db.cachedStatement(sql: Self.insertMaster)
        let upsert = try db.cachedStatement(
            sql: Self.insertMaster + """

                ON CONFLICT(rel_path) DO UPDATE SET
                    file_id = excluded.file_id, root = excluded.root, disk_path = excluded.disk_path, name = excluded.name,
                    device = excluded.device, inode = excluded.inode, size = excluded.size, mtime_ns = excluded.mtime_ns,
                    ctime_ns = excluded.ctime_ns, sha256 = excluded.sha256, pages = excluded.pages, readable = excluded.readable,
                    profile = excluded.profile, problems = excluded.problems, problem_count = excluded.problem_count,
                    metadata = excluded.metadata, scanned_at = excluded.scanned_at, ingested_at = excluded.ingested_at,
                    verified_at = NULL, missing = 0, lost_event = NULL, seen_sha256 = excluded.seen_sha256, changed_at = excluded.changed_at
                """)
        let previous = try db.cachedStatement(
            sql: """
                SELECT id, sha256, readable AND problem_count = 0 AS checked, seen_sha256, changed_at FROM master WHERE rel_path = ?
                """)
        var history: [HashEntry] = []
        for m in read {
            let id = m.disk.identity
            let old = recorded.contains(m.disk.relPath) ? try Row.fetchOne(previous, arguments: [m.disk.relPath]) : nil
            var fixity: (reference: String?, seen: String?, changedAt: Int64?) = (m.result.sha256, nil, nil)
            if let old {
                fixity = fixityReference(m, old: old, lang: lang, now: now, summary: &summary, history: &history)
            }
            var problemsJSON = m.problemsJSON
            var problemCount = m.problems.count
            if let duplicate = try duplicateProblem(db, m, lang: lang, summary: &summary) {
                problemsJSON = StoredProblem.json(m.problems + [duplicate])
                problemCount += 1
            }
            try (old == nil ? insert : upsert).execute(arguments: [
                fileId, m.disk.relPath, root, m.disk.diskPath, m.disk.name, id.device, id.inode, id.size, id.mtimeNS,
                id.ctimeNS,
                fixity.reference, m.result.pageCount, m.result.isReadable, profile.name, problemsJSON, problemCount,
                m.metadata, Int64(m.scannedAt.timeIntervalSince1970), Int64(now.timeIntervalSince1970), fixity.seen,
                fixity.changedAt,
            ])
            if old == nil, let sha = m.result.sha256 {
                history.append(
                    HashEntry(master: db.lastInsertedRowID, sha: sha, size: Int64(id.size), reason: "ingest"))
            }
        }
        return history
    }

    /// Fixity that remembers: once a master passed its checks, new content is a change to review, never a new
    /// reference; a master that failed is expected to be replaced (that is the rescan). Returns the SHA-256 to keep as
    /// the reference, the new one seen and since when, given the master's `old` row; a new reference goes into
    /// `history`.
    private func fixityReference(
        _ m: ReadMaster, old: Row, lang: Lang, now: Date, summary: inout IngestSummary, history: inout [HashEntry]
    ) -> (reference: String?, seen: String?, changedAt: Int64?) {
        let size = Int64(m.disk.identity.size)
        if let oldSHA = old["sha256"] as String?, let new = m.result.sha256, oldSHA != new {
            guard old["checked"] as Bool else {
                history.append(HashEntry(master: old["id"], sha: new, size: size, reason: "rescan"))
                return (m.result.sha256, nil, nil)
            }
            let changedAt: Int64? =
                (old["seen_sha256"] as String?) == new ? old["changed_at"] : Int64(now.timeIntervalSince1970)
            summary.changedAfterCheck.append(m.disk.relPath)
            if summary.problems.count < IngestSummary.problemsShown {
                let text = IngestFinding.changedAfterCheck(ref: ref(of: m.disk.relPath), old: oldSHA, new: new)
                summary.problems.append(
                    ProblemLine(
                        ref: ref(of: m.disk.relPath), master: m.disk.name, page: nil,
                        code: "changed_after_check", message: text(lang)))
            }
            return (oldSHA, new, changedAt)
        } else if let new = m.result.sha256, (old["sha256"] as String?) == nil {
            history.append(HashEntry(master: old["id"], sha: new, size: size, reason: "ingest"))
        }
        return (m.result.sha256, nil, nil)
    }

    /// The same image twice (in this file or another) is a finding on the master read now: its problem, counted in
    /// `summary`, or nil when the image is not elsewhere.
    ///
    /// The digest is found by its prefix among the merged and the recent digests (``MasterDigests``), then compared
    /// whole.
    private func duplicateProblem(
        _ db: Database, _ m: ReadMaster, lang: Lang, summary: inout IngestSummary
    ) throws -> StoredProblem? {
        guard let sha = m.result.sha256,
            let other = try String.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT MIN(rel_path) FROM (
                            SELECT m.rel_path FROM master_digest d JOIN master m ON m.id = d.master_id
                            WHERE d.prefix = substr(?1, 1, 12) AND d.merged = 1
                              AND m.sha256 = ?1 AND m.rel_path != ?2 AND NOT m.missing
                            UNION ALL
                            SELECT m.rel_path FROM master_digest d JOIN master m ON m.id = d.master_id
                            WHERE d.prefix = substr(?1, 1, 12) AND d.merged = 0
                              AND m.sha256 = ?1 AND m.rel_path != ?2 AND NOT m.missing
                            UNION ALL
                            SELECT rel_path FROM master WHERE seen_sha256 = ?1 AND rel_path != ?2 AND NOT missing)
                        """), arguments: [sha, m.disk.relPath])
        else { return nil }
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
        _ db: Database, fileId: Int64, target: Row,
        settled: (before: ScanState, after: ScanState, pages: Int, masters: FileLadder.Masters),
        attribution: Attribution, profile: QualityProfile, count: Int
    ) throws -> Event {
        let superseded = try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM event e WHERE file_id = ? AND kind IN ('scan.record', 'scan.ingest')
                      AND \(LiveEvent.sql(alias: "e"))
                    ORDER BY id DESC LIMIT 1
                    """), arguments: [fileId])
        var event = Event(
            kind: .scanIngest, attribution: attribution, time: time,
            detail: EventDetail(
                before: ["scan_state": settled.before.rawValue], after: ["scan_state": settled.after.rawValue],
                source: profile.name, count: count))
        event.fileId = fileId
        event.boxId = target["box_id"]
        event.fondsId = target["fonds_id"]
        event.pages = settled.pages
        event.bytes = settled.masters.bytes
        event.sheets = target["sheets"]
        event.supersedes = superseded
        try event.append(db)
        return event
    }

    /// Adds the new references to their masters' hash history, naming the ingest event.
    private func recordHashHistory(_ db: Database, _ history: [HashEntry], event: Int64?, now: Date) throws {
        let hashes = try db.cachedStatement(
            sql: """
                INSERT INTO master_hash (master_id, sha256, size, since, reason, event_id) VALUES (?, ?, ?, ?, ?, ?)
                """)
        let since = Int64(now.timeIntervalSince1970)
        for h in history {
            try hashes.execute(arguments: [h.master, h.sha, h.size, since, h.reason, event])
        }
    }
}
