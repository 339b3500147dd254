import Foundation
import GRDB
import KhoConcurrency
import KhoTIFF
import Synchronization

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
    private var added: [Int64: Date] = [:]
    private var imported: [(first: Int64, last: Int64, at: Date)] = []

    init() {}

    /// The registration times of the files `ids` (one seek each: an ingest asks about the files it touches, never
    /// the whole catalogue).
    init(_ db: Database, files ids: some Sequence<Int64>) throws {
        let made = try db.cachedStatement(
            sql: "SELECT e.happened_at FROM file f JOIN event e ON e.id = f.added_by WHERE f.id = ?")
        for id in ids {
            if let at = try Int64.fetchOne(made, arguments: [id]) {
                added[id] = Date(timeIntervalSince1970: TimeInterval(at))
            }
        }
        var highest: Int64 = 0
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT kind, file_id, happened_at, CASE WHEN kind = 'import.files' THEN detail END AS import_detail
                FROM event WHERE kind IN ('file.add', 'import.files') AND id < COALESCE((SELECT MIN(added_by) FROM file), 1 << 62)
                ORDER BY id
                """)
        while let row = try rows.next() {
            let at = Date(timeIntervalSince1970: TimeInterval(row["happened_at"] as Int64))
            if (row["kind"] as String) == EventKind.fileAdd.rawValue {
                guard let id = row["file_id"] as Int64? else { continue }
                if added[id] == nil { added[id] = at }
                highest = max(highest, id)
            } else {
                let count = Int64(EventDetail(json: (row["import_detail"] as String?) ?? "{}").count ?? 0)
                guard count > 0 else { continue }
                imported.append((highest + 1, highest + count, at))
                highest += count
            }
        }
    }

    /// When file `id` was registered, or nil when the log does not say.
    func callAsFunction(_ id: Int64) -> Date? {
        if let at = added[id] { return at }
        return imported.first { $0.first <= id && id <= $0.last }?.at
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
        let items = problems.map { p in
            "{" + (p.page.map { "\"page\":\($0)," } ?? "")
                + "\"code\":\(JSONText.quoted(p.code)),\"vi\":\(JSONText.quoted(p.vi)),\"en\":\(JSONText.quoted(p.en))}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}

/// A master read from disk, ready to be written.
struct ReadMaster: Sendable {
    var disk: MasterOnDisk
    var result: TIFFFileResult
    var problems: [StoredProblem]
    var problemsJSON: String
    var metadata: String
    var scannedAt: Date
    /// Every DateTime tag of the master's pages that reads as a date, believed or not.
    var tagged: [Date]
}

extension KhoStore {
    static let ingestTask = Text(vi: "việc nạp bản quét", en: "the ingest")

    /// The quality profile masters are checked against unless an ingest names another.
    public func defaultProfile() throws -> QualityProfile {
        try read { db in
            guard let json = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'qc_profile'"),
                let profile = try? JSONDecoder().decode(QualityProfile.self, from: Data(json.utf8))
            else { return .default }
            return profile
        }
    }

    /// Makes `profile` the catalogue's default quality profile.
    public func setDefaultProfile(_ profile: QualityProfile, by who: Attribution) throws {
        let data = try JSONEncoder().encode(profile)
        try write { db in
            // The profile before, so that the log says old → new (the built-in default when none was set).
            let old =
                try String.fetchOne(
                    db,
                    sql:
                        "SELECT json_extract(value, '$.name') FROM setting WHERE key = 'qc_profile' AND json_valid(value)"
                )
                ?? QualityProfile.vn2025.name
            try db.execute(
                sql:
                    "INSERT INTO setting (key, value) VALUES ('qc_profile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [String(decoding: data, as: UTF8.self)])
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(before: ["qc_profile": old], after: ["qc_profile": profile.name]))
            try event.append(db)
        }
    }

    /// Ingests the TIFF masters under `root` (`ROOT/<box>/<file>/<page>.tif`): reads headers with libtiff, hashes
    /// them, checks them against `profile`, and records each catalogue file's masters with one attributed event.
    ///
    /// Incremental: a master whose device, inode, size and times are unchanged is not read again. Whole catalogue
    /// files are written in transactions of up to `transaction` (1.5 s or 16,384 masters), so an interrupted ingest
    /// leaves no half-ingested file and the next run finishes the job. A hand record of a file is superseded by its
    /// ingest, not added to. An ingest that leaves more than ``MasterDigests/mergeAt`` recent digests merges them.
    public func ingest(
        root: String, profile: QualityProfile, by who: Attribution, now: Date = Date(),
        transaction: IngestTransaction = .standard, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> IngestSummary {
        // One ingest at a time per catalogue: a second one is told who is ingesting since when (LockError.held).
        let lock = try CatalogueLock.acquire(catalogue: path, activity: .ingest, by: who, time: time)
        defer { lock?.release() }
        let started = Date()
        TIFFReader.silenceLibTIFF()
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        let (folders, walkFindings) = try ScanWalker.walk(root: rootPath)
        var summary = IngestSummary()
        summary.profile = profile.name
        summary.findings = walkFindings.map { $0.text() }

        let catalogue = try read { db in try IngestCatalogue(db, root: rootPath, folders: folders) }
        let identity = try watchCatalogue()
        let work = Self.planWork(folders: folders, catalogue: catalogue, summary: &summary)
        let run = IngestRun(
            root: rootPath, profile: profile, who: who, registered: catalogue.registered, now: now, started: started,
            identity: identity, transaction: transaction, progress: progress)
        let days = try writeBatches(Self.batches(of: work, masters: \.toRead.count), run: run, summary: &summary)
        if try read({ db in try MasterDigests.recent(db) }) > MasterDigests.mergeAt {
            try write(still: identity, task: Self.ingestTask) { db in try MasterDigests.merge(db) }
        }
        summary.workDays = days.map { IngestWorkDay(day: $0.key.day, files: $0.value, source: $0.key.source) }
            .sorted { ($0.day, $0.source.rawValue) < ($1.day, $1.source.rawValue) }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// What to read: for each catalogued, non-secret folder, its new and changed masters; and for each file, its
    /// masters recorded before that are no longer on disk. Files with nothing to do are left out.
    private static func planWork(
        folders: [ScanFolder], catalogue: IngestCatalogue, summary: inout IngestSummary
    ) -> [WorkItem] {
        var work: [WorkItem] = []
        var seen: Set<String> = []
        for folder in folders {
            let ref = "\(folder.box)/\(folder.file)"
            guard let known = catalogue.files[ref] else {
                summary.findings.append(
                    IngestFinding.unknownFolder(box: folder.box, file: folder.file, masters: folder.masters.count)
                        .text())
                continue
            }
            if known.secret {
                summary.findings.append(IngestFinding.secretFile(ref: ref, masters: folder.masters.count).text())
                continue
            }
            summary.masters += folder.masters.count
            let (toRead, recorded) = mastersToRead(
                folder, fileId: known.id, catalogue: catalogue, seen: &seen, summary: &summary)
            work.append(WorkItem(fileId: known.id, ref: ref, toRead: toRead, recorded: recorded, gone: []))
        }
        addGone(to: &work, catalogue: catalogue, seen: seen, summary: &summary)
        work.removeAll { $0.toRead.isEmpty && $0.gone.isEmpty }
        return work
    }

    /// The masters of one folder that are new or changed since they were recorded (counted in `summary`), and the
    /// relative paths of those among them the catalogue has a row for; every master of the folder goes into `seen`.
    private static func mastersToRead(
        _ folder: ScanFolder, fileId: Int64, catalogue: IngestCatalogue, seen: inout Set<String>,
        summary: inout IngestSummary
    ) -> (toRead: [MasterOnDisk], recorded: Set<String>) {
        var toRead: [MasterOnDisk] = []
        var recorded: Set<String> = []
        for master in folder.masters {
            seen.insert(master.relPath)
            if let old = catalogue.existing[master.relPath], old.identity == master.identity, !old.missing,
                old.fileId == fileId
            {
                summary.unchanged += 1
            } else {
                if catalogue.existing[master.relPath] == nil {
                    summary.new += 1
                } else {
                    summary.changed += 1
                    summary.changedPaths.append(master.relPath)
                    recorded.insert(master.relPath)
                }
                toRead.append(master)
            }
        }
        return (toRead, recorded)
    }

    /// Masters recorded before under a folder that was walked but no longer on disk: each file's go into its work
    /// item, or a new one when it has none.
    private static func addGone(
        to work: inout [WorkItem], catalogue: IngestCatalogue, seen: Set<String>, summary: inout IngestSummary
    ) {
        var goneByFile: [Int64: [String]] = [:]
        for (rel, old) in catalogue.existing where !old.missing && !seen.contains(rel) {
            let parts = rel.split(separator: "/")
            guard parts.count == 3 else { continue }
            let folderRef = "\(parts[0])/\(parts[1])"
            if catalogue.files[folderRef]?.id == old.fileId { goneByFile[old.fileId, default: []].append(rel) }
        }
        summary.missing = goneByFile.values.reduce(0) { $0 + $1.count }
        for index in work.indices { work[index].gone = goneByFile.removeValue(forKey: work[index].fileId) ?? [] }
        for (fileId, gone) in goneByFile {
            let ref = catalogue.files.first { $0.value.id == fileId }?.key ?? "?"
            work.append(WorkItem(fileId: fileId, ref: ref, toRead: [], recorded: [], gone: gone))
        }
    }

    /// Batches of whole catalogue files (the first one empty when there is no work): about `first` masters, then
    /// twice as many each time up to `chunk`. The database waits for the first batch alone, so it is small; the
    /// later ones are read while the one before is written.
    static func batches<Item>(
        of work: [Item], masters: (Item) -> Int, first: Int = 64, chunk: Int = 1024
    ) -> [[Item]] {
        var batches: [[Item]] = [[]]
        var count = 0
        var size = first
        for item in work {
            if count >= size {
                batches.append([])
                count = 0
                size = min(size * 2, chunk)
            }
            batches[batches.count - 1].append(item)
            count += masters(item)
        }
        return batches
    }

    /// Reads and writes the batches: reading batch n+1 (on all cores) overlaps writing batch n, so the database never
    /// waits for the disk or the other way round. Batches are written in transactions of up to `run.transaction`
    /// (``IngestTransaction``), each holding whole catalogue files. Returns the files counted by work day.
    private func writeBatches(
        _ batches: [[WorkItem]], run: IngestRun, summary: inout IngestSummary
    ) throws -> [WorkDayKey: Int] {
        let total = batches.joined().reduce(0) { $0 + $1.toRead.count }
        var done = 0
        var days: [WorkDayKey: Int] = [:]
        let reader = PipelinedReader(profile: run.profile, time: time, now: run.now)
        reader.start(batches.first ?? [])
        var reading = true
        var index = 0
        defer { if reading { _ = reader.wait() } }
        while index < batches.count {
            let opened = Date()
            var gathered = 0
            // Only into the catalogue the ingest read its codes from (a restore or a copy over it stops it).
            try write(still: run.identity, task: Self.ingestTask) { db in
                repeat {
                    let results = reader.wait()
                    reading = index + 1 < batches.count
                    if reading { reader.start(batches[index + 1]) }
                    var offset = 0
                    for item in batches[index] {
                        let read = results[offset..<(offset + item.toRead.count)]
                        offset += item.toRead.count
                        Self.countRead(read, ref: item.ref, into: &summary)
                        try self.record(
                            db, fileId: item.fileId, read: read, recorded: item.recorded, gone: item.gone,
                            root: run.root, profile: run.profile,
                            by: run.who, registered: run.registered(item.fileId), now: run.now, summary: &summary,
                            days: &days)
                    }
                    done += results.count
                    gathered += results.count
                    index += 1
                } while index < batches.count && gathered < run.transaction.masters
                    && Date().timeIntervalSince(opened) < run.transaction.seconds
            }
            run.progress?(
                IngestProgress(
                    done: done, total: total, bytes: summary.bytes, elapsed: Date().timeIntervalSince(run.started)))
        }
        return days
    }

    /// Counts the masters read for one file in `summary`: pages, bytes, unreadable and failing masters, problems.
    private static func countRead(_ read: ArraySlice<ReadMaster>, ref: String, into summary: inout IngestSummary) {
        for r in read {
            summary.pages += r.result.pageCount
            summary.bytes += Int64(r.result.fileSize)
            if !r.result.isReadable {
                summary.unreadable += 1
            } else if !r.problems.isEmpty {
                summary.failedQC += 1
            }
            summary.problemsTotal += r.problems.count
            for p in r.problems where summary.problems.count < IngestSummary.problemsShown {
                summary.problems.append(
                    ProblemLine(
                        ref: ref, master: r.disk.name, page: p.page, code: p.code,
                        message: Lang.current == .vi ? p.vi : p.en))
            }
        }
    }

    /// Reads, hashes and checks masters on all cores, off Swift's cooperative pool (the work blocks on I/O).
    fileprivate static func readMasters(
        _ masters: [MasterOnDisk], profile: QualityProfile, time: LocalTime, now: Date
    ) -> [ReadMaster] {
        guard !masters.isEmpty else { return [] }
        let options = TIFFReadOptions(computeSHA256: true)
        return ParallelMap.map(masters) { disk in
            let result = TIFFReader.read(path: disk.diskPath, options: options)
            let problems = profile.check(result).map {
                StoredProblem(page: $0.page, code: $0.code, vi: $0.message(in: .vi), en: $0.message(in: .en))
            }
            let tagged = tagDates(result, time: time)
            return ReadMaster(
                disk: disk, result: result, problems: problems, problemsJSON: StoredProblem.json(problems),
                metadata: MasterMetadata.json(result), scannedAt: scanTime(tagged: tagged, disk: disk, now: now),
                tagged: tagged)
        }
    }

    /// When a master was scanned: its latest plausible DateTime tag, else its modification time.
    static func scanTime(_ result: TIFFFileResult, disk: MasterOnDisk, time: LocalTime, now: Date) -> Date {
        scanTime(tagged: tagDates(result, time: time), disk: disk, now: now)
    }

    /// `scanTime` from the master's tag dates, already read: the latest after 1990 and at most a day ahead, else mtime.
    private static func scanTime(tagged: [Date], disk: MasterOnDisk, now: Date) -> Date {
        let earliest = Date(timeIntervalSince1970: 631_152_000)  // 1990-01-01
        if let latest = tagged.filter({ $0 > earliest && $0 <= now.addingTimeInterval(86_400) }).max() {
            return min(latest, now)
        }
        return min(Date(timeIntervalSince1970: Double(disk.identity.mtimeNS) / 1e9), now)
    }

    /// The pages' DateTime tags that read as local times, in page order.
    static func tagDates(_ result: TIFFFileResult, time: LocalTime) -> [Date] {
        result.pages.compactMap { page -> Date? in
            // "YYYY:MM:DD HH:MM:SS", as TIFF 6.0 says.
            guard let text = page.dateTime else { return nil }
            let b = Array(text.utf8)
            guard b.count >= 19 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                    n = n * 10 + Int(b[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13),
                let mi = number(14..<16), let s = number(17..<19)
            else { return nil }
            return time.instant(year: y, month: mo, day: d, hour: h, minute: mi, second: s)
        }
    }

    /// `BOX/FILE` of a master's path relative to the scans root.
    func ref(of relPath: String) -> String {
        relPath.split(separator: "/").prefix(2).joined(separator: "/")
    }
}

/// A work day and why, while an ingest counts files by them.
struct WorkDayKey: Hashable {
    var day: String
    var source: WorkDaySource
}

/// What the catalogue knows before an ingest: files by `BOX/FILE`, the masters already ingested that this ingest can
/// see or miss (by relative path), and when each file was registered.
private struct IngestCatalogue {
    struct KnownFile {
        var id: Int64
        var secret: Bool

        init(id: Int64, access: String) {
            self.id = id
            self.secret = access == Access.secret.rawValue
        }
    }
    struct KnownMaster {
        var id: Int64
        var fileId: Int64
        var identity: FileIdentity
        var missing: Bool
    }
    var files: [String: KnownFile] = [:]
    var existing: [String: KnownMaster] = [:]
    var registered = RegistrationTimes()

    /// Only what this ingest can touch: the files of the folders walked and of the masters ingested from `root`
    /// before, one index seek each (a catalogue of 8.000 files costs an ingest of 120 folders what one of 120 does).
    init(_ db: Database, root: String, folders: [ScanFolder]) throws {
        let byCode = try db.cachedStatement(
            sql: "SELECT f.id, f.access FROM file f JOIN box b ON b.id = f.box_id WHERE b.code = ? AND f.code = ?")
        for folder in folders {
            guard let row = try Row.fetchOne(byCode, arguments: [folder.box, folder.file]) else { continue }
            files["\(folder.box)/\(folder.file)"] = KnownFile(id: row["id"], access: row["access"])
        }
        let fromRoot = try loadMasters(db, root: root, folders: folders)
        let byId = try db.cachedStatement(
            sql:
                "SELECT b.code AS box_code, f.code AS file_code, f.access FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?"
        )
        for id in fromRoot {
            guard let row = try Row.fetchOne(byId, arguments: [id]) else { continue }
            files["\(row["box_code"] as String)/\(row["file_code"] as String)"] = KnownFile(
                id: id, access: row["access"])
        }
        registered = try RegistrationTimes(db, files: files.values.map(\.id))
    }

    /// The masters under a folder walked now (whatever root they were ingested from), and every master ingested from
    /// this root before whose folder is not on disk any more (a folder removed whole). Never the whole table: masters
    /// ingested from another root and not walked now cannot change or go missing in this ingest, so a catalogue of
    /// 500.000 masters costs an ingest of 3.000 new ones what an empty one does.
    /// Returns the files with masters from this root whose folders were not walked.
    private mutating func loadMasters(_ db: Database, root: String, folders: [ScanFolder]) throws -> [Int64] {
        let columns = "rel_path, id, file_id, device, inode, size, mtime_ns, ctime_ns, missing"
        // A folder's masters are the relative paths from "BOX/FILE/" up to "BOX/FILE0" ('0' follows '/').
        let underFolder = try db.cachedStatement(
            sql: "SELECT \(columns) FROM master WHERE rel_path >= ? AND rel_path < ?")
        var walked: Set<Int64> = []
        for folder in folders {
            let prefix = "\(folder.box)/\(folder.file)"
            if let id = files[prefix]?.id { walked.insert(id) }
            try add(Row.fetchCursor(underFolder, arguments: [prefix + "/", prefix + "0"]))
        }
        // The files with masters from this root, one index seek each (a skip scan of master_root_file).
        let fromRoot = try Int64.fetchAll(
            db,
            sql: """
                WITH RECURSIVE f(id) AS (
                    SELECT MIN(file_id) FROM master WHERE root = ? AND NOT missing
                    UNION ALL
                    SELECT (SELECT MIN(file_id) FROM master WHERE root = ? AND NOT missing AND file_id > f.id) FROM f
                    WHERE f.id IS NOT NULL)
                SELECT id FROM f WHERE id IS NOT NULL
                """, arguments: [root, root])
        let ofFile = try db.cachedStatement(sql: "SELECT \(columns) FROM master WHERE file_id = ?")
        let unwalked = fromRoot.filter { !walked.contains($0) }
        for id in unwalked {
            try add(Row.fetchCursor(ofFile, arguments: [id]))
        }
        return unwalked
    }

    private mutating func add(_ rows: RowCursor) throws {
        while let row = try rows.next() {
            let identity = FileIdentity(
                device: row["device"], inode: row["inode"], size: row["size"],
                mtimeNS: row["mtime_ns"], ctimeNS: row["ctime_ns"])
            existing[row["rel_path"]] = KnownMaster(
                id: row["id"], fileId: row["file_id"], identity: identity, missing: row["missing"])
        }
    }
}

/// What stays the same through one ingest's batches.
private struct IngestRun {
    var root: String
    var profile: QualityProfile
    var who: Attribution
    var registered: RegistrationTimes
    var now: Date
    var started: Date
    /// The catalogue the ingest started on: each batch checks it is still the one.
    var identity: CatalogueWatch
    var transaction: IngestTransaction
    var progress: (@Sendable (IngestProgress) -> Void)?
}

/// One catalogue file's share of an ingest: the masters to read and those gone from disk.
private struct WorkItem: Sendable {
    var fileId: Int64
    var ref: String
    var toRead: [MasterOnDisk]
    /// Those of `toRead` the catalogue has a row for (the rest are new: the catalogue was read under the ingest
    /// lock, and only an ingest adds masters).
    var recorded: Set<String>
    var gone: [String]
}

/// Reads one batch of masters in the background while the caller writes the previous one.
private final class PipelinedReader: Sendable {
    private let profile: QualityProfile
    private let time: LocalTime
    private let now: Date
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<[ReadMaster]>([])

    init(profile: QualityProfile, time: LocalTime, now: Date) {
        self.profile = profile
        self.time = time
        self.now = now
    }

    /// Starts reading `batch` on a background thread; `wait()` returns its results.
    func start(_ batch: [WorkItem]) {
        let masters = batch.flatMap(\.toRead)
        Thread.detachNewThread { [self] in
            let read = KhoStore.readMasters(masters, profile: profile, time: time, now: now)
            result.withLock { $0 = read }
            done.signal()
        }
    }

    /// Waits for the batch started last and returns what it read, in order.
    func wait() -> [ReadMaster] {
        done.wait()
        return result.withLock { $0 }
    }
}
