import Foundation
import KhoConcurrency
import KhoTIFF

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
        try reading { tx in
            guard let json = try tx.scan.storedProfileJSON(),
                let profile = try? JSONDecoder().decode(QualityProfile.self, from: Data(json.utf8))
            else { return .default }
            return profile
        }
    }

    /// Makes `profile` the catalogue's default quality profile.
    public func setDefaultProfile(_ profile: QualityProfile, by who: Attribution) throws {
        let data = try JSONEncoder().encode(profile)
        try writing { tx in
            // The profile before, so that the log says old → new (the built-in default when none was set).
            let old = try tx.scan.storedProfileName() ?? QualityProfile.vn2025.name
            try tx.scan.setStoredProfile(json: String(decoding: data, as: UTF8.self))
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(before: ["qc_profile": old], after: ["qc_profile": profile.name]))
            try tx.events.append(&event)
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
        root: String, profile: QualityProfile, by who: Attribution, lang: Lang, now: Date = Date(),
        transaction: IngestTransaction = .standard, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> IngestSummary {
        // One ingest at a time per catalogue: a second one is told who is ingesting since when (LockError.held).
        let lock = try CatalogueLock.acquire(catalogue: path, activity: .ingest, by: who, time: time)
        defer { lock?.release() }
        let started = Date()
        TIFFReader.silenceLibTIFF()
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.path
        // A copy's masters are copies: read as masters, they would become the primary.
        if let copy = try copyOverlapping(folder: rootPath) { throw ScanError.rootInCopy(rootPath, copy: copy) }
        let (folders, walkFindings) = try ScanWalker.walk(root: rootPath)
        var summary = IngestSummary()
        summary.profile = profile.name
        summary.findings = walkFindings.map { $0.text(lang) }

        let catalogue = try reading { tx in try IngestCatalogue(tx.scan, root: rootPath, folders: folders) }
        let identity = try watchCatalogue()
        let work = Self.planWork(folders: folders, catalogue: catalogue, lang: lang, summary: &summary)
        let run = IngestRun(
            root: rootPath, profile: profile, who: who, lang: lang, registered: catalogue.registered, now: now,
            started: started,
            identity: identity, transaction: transaction, progress: progress)
        let days = try writeBatches(Self.batches(of: work, masters: \.toRead.count), run: run, summary: &summary)
        if try reading({ tx in try tx.scan.recentDigests() }) > MasterDigests.mergeAt {
            try writing(still: identity, task: Self.ingestTask) { tx in try tx.scan.mergeDigests() }
        }
        summary.workDays = days.map { IngestWorkDay(day: $0.key.day, files: $0.value, source: $0.key.source) }
            .sorted { ($0.day, $0.source.rawValue) < ($1.day, $1.source.rawValue) }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Reads and writes the batches. The masters are read, hashed and checked ahead of the writer, in order, by one
    /// thread per other core; the writer (this thread) records them and, whenever the master it needs next is still
    /// being read, reads a later one itself (``OrderedPrefetch``): the database never waits for the disk nor the
    /// other way round, and no core is shared. Batches are written in transactions of up to `run.transaction`
    /// (``IngestTransaction``), each holding whole catalogue files. Returns the files counted by work day.
    private func writeBatches(
        _ batches: [[WorkItem]], run: IngestRun, summary: inout IngestSummary
    ) throws -> [WorkDayKey: Int] {
        let masters = batches.joined().flatMap(\.toRead)
        var done = 0
        var days: [WorkDayKey: Int] = [:]
        let (profile, time, now) = (run.profile, time, run.now)
        let reader = OrderedPrefetch(masters) { Self.readMaster($0, profile: profile, time: time, now: now) }
        defer { reader.stop() }
        var index = 0
        while index < batches.count {
            let opened = Date()
            var gathered = 0
            // Only into the catalogue the ingest read its codes from (a restore or a copy over it stops it).
            try writing(still: run.identity, task: Self.ingestTask) { tx in
                repeat {
                    for item in batches[index] {
                        let read = ArraySlice((done..<(done + item.toRead.count)).map { reader.take($0) })
                        done += item.toRead.count
                        gathered += item.toRead.count
                        Self.countRead(read, ref: item.ref, lang: run.lang, into: &summary)
                        try self.record(
                            tx, fileId: item.fileId, read: read, recorded: item.recorded, gone: item.gone,
                            root: run.root, profile: run.profile,
                            by: run.who, lang: run.lang, registered: run.registered(item.fileId), now: run.now,
                            summary: &summary,
                            days: &days)
                    }
                    index += 1
                } while index < batches.count && gathered < run.transaction.masters
                    && Date().timeIntervalSince(opened) < run.transaction.seconds
            }
            run.progress?(
                IngestProgress(
                    done: done, total: masters.count, bytes: summary.bytes,
                    elapsed: Date().timeIntervalSince(run.started)))
        }
        return days
    }

    /// Counts the masters read for one file in `summary`: pages, bytes, unreadable and failing masters, problems.
    private static func countRead(
        _ read: ArraySlice<ReadMaster>, ref: String, lang: Lang, into summary: inout IngestSummary
    ) {
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
                        message: lang == .vi ? p.vi : p.en))
            }
        }
    }

    /// Reads, hashes and checks one master.
    fileprivate static func readMaster(
        _ disk: MasterOnDisk, profile: QualityProfile, time: LocalTime, now: Date
    ) -> ReadMaster {
        let result = TIFFReader.read(path: disk.diskPath, options: TIFFReadOptions(computeSHA256: true))
        let problems = profile.check(result).map {
            StoredProblem(page: $0.page, code: $0.code, vi: $0.message(in: .vi), en: $0.message(in: .en))
        }
        let tagged = tagDates(result, time: time)
        return ReadMaster(
            disk: disk, result: result, problems: problems, problemsJSON: StoredProblem.json(problems),
            metadata: MasterMetadata.json(result), scannedAt: scanTime(tagged: tagged, disk: disk, now: now),
            tagged: tagged)
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

/// What stays the same through one ingest's batches.
private struct IngestRun {
    var root: String
    var profile: QualityProfile
    var who: Attribution
    /// The language of the summary's findings and problem lines.
    var lang: Lang
    var registered: RegistrationTimes
    var now: Date
    var started: Date
    /// The catalogue the ingest started on: each batch checks it is still the one.
    var identity: CatalogueWatch
    var transaction: IngestTransaction
    var progress: (@Sendable (IngestProgress) -> Void)?
}
