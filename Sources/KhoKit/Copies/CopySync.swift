import Foundation
import KhoConcurrency
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// How `kho copies sync` runs.
public struct CopySyncOptions: Sendable {
    /// A test hook: the sync writes files one at a time and stops for good half-way through the file after this many,
    /// while its partial file exists, so that a test can kill it there.
    public var pauseAfter: Int?
    /// With `pauseAfter`, the sync goes on once a file exists at this path (a test holds it there, then lets it go).
    public var resumeWhen: String?

    public init(pauseAfter: Int? = nil, resumeWhen: String? = nil) {
        self.pauseAfter = pauseAfter
        self.resumeWhen = resumeWhen
    }
}

/// Something found on a copy or its source that a person must look at; the file was not copied or overwritten.
public struct CopyFinding: Codable, Sendable, Hashable {
    public var copy: String
    /// The path inside the copy (`scans/BOX/FILE/PAGE.tif`, `pdf/FONDS/CODE.pdf`).
    public var path: String
    /// `BOX/FILE`.
    public var ref: String
    /// `changed`, `missing`, `unreadable`, `unexpected`, `source_changed`, `source_unreadable`, `write_failed`.
    public var kind: String
    public var message: String
}

/// What a sync did to one copy.
public struct CopySyncCopy: Codable, Sendable, Hashable {
    public var name: String
    public var availability: CopyAvailability
    /// Files written from the primary (new on the copy, or missing from it again).
    public var copied = 0
    /// Files the copy held in an earlier accepted version, replaced by the current one.
    public var updated = 0
    /// Files found on the copy already with the catalogue's content, recorded without copying (after a killed run).
    public var adopted = 0
    /// Files already held, as recorded.
    public var held = 0
    public var bytes: Int64 = 0
    public var findings = 0

    init(name: String, availability: CopyAvailability) {
        self.name = name
        self.availability = availability
    }
}

/// What one `kho copies sync` did.
public struct CopySyncReport: Codable, Sendable {
    public var copies: [CopySyncCopy] = []
    public var findings: [CopyFinding] = []
    public var bytes: Int64 = 0
    public var seconds = 0.0
    public var event: Int64?

    /// Every copy named was available and nothing was found.
    public var clean: Bool { findings.isEmpty && copies.allSatisfy { $0.availability == .available } }
}

/// The result of one file's step of a sync.
enum SyncStep: Sendable {
    case held
    case copied(bytes: Int64, restored: Bool)
    case updated(bytes: Int64)
    case adopted
    case finding(kind: String, message: Text, recordState: String?)
}

extension KhoStore {
    /// Copies to each copy (or the one named) every master and PDF/A copy whose content matches the catalogue's
    /// SHA-256, hashing what it reads while it writes, atomically per file; never writes over a file whose content
    /// is not the catalogue's (a finding). Resumable: what was placed is recorded as it goes, and a file found in
    /// place with the right content is recorded without copying. One attributed `copies.sync` event per run.
    public func syncCopies(
        _ name: String? = nil, by who: Attribution, lang: Lang, options: CopySyncOptions = CopySyncOptions(),
        now: Date = Date(),
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> CopySyncReport {
        let started = Date()
        // Every write checks the catalogue is still this one: after a restore the sync stops, writing nothing.
        let watch = try watchCatalogue()
        let (sites, items, history) = try reading { tx in
            let sites: [CopySite]
            if let name {
                let site = try Self.copy(tx, named: name, catalogue: path)
                if site.isPrimary { throw CopyError.primaryFixed(site.name) }
                sites = [site]
            } else {
                sites = try tx.copies.sites(catalogue: path).filter { !$0.isPrimary }
            }
            return (sites, try tx.copies.items(), try tx.copies.acceptedHashes())
        }
        var report = CopySyncReport()
        for site in sites {
            var entry = CopySyncCopy(name: site.name, availability: try availability(of: site))
            if entry.availability == .available {
                try syncCopy(
                    site, items: items, history: history, entry: &entry, report: &report, options: options, lang: lang,
                    watch: watch, started: started, progress: progress)
            }
            report.copies.append(entry)
        }
        report.bytes = report.copies.reduce(0) { $0 + $1.bytes }
        report.seconds = Date().timeIntervalSince(started)
        report.event = try recordSync(report, sites: sites, by: who, now: now, watch: watch)
        for (site, entry) in zip(sites, report.copies) where entry.availability == .available {
            backUpCatalogue(to: site, report: &report, lang: lang, now: now, watch: watch)
        }
        return report
    }

    /// Writes a backup of the catalogue (the inventory and every file's SHA-256) into the copy's `catalog/`, so that
    /// each copy carries what it takes to check it; a failure is a finding.
    private func backUpCatalogue(
        to site: CopySite, report: inout CopySyncReport, lang: Lang, now: Date, watch: CatalogueWatch
    ) {
        do {
            _ = try backup(
                to: site.path + "/catalog/kho.sqlite", overwrite: true,
                protecting: try protectedPaths().sparing(copy: site.name))
            try writing(still: watch, task: Self.syncTask) { tx in
                try tx.copies.markCatalogueBackedUp(id: site.id, at: Int64(now.timeIntervalSince1970))
            }
        } catch {
            report.findings.append(
                CopyFinding(
                    copy: site.name, path: "catalog/kho.sqlite", ref: "", kind: "catalogue_backup",
                    message: (error as? any KhoError)?.text(lang) ?? error.localizedDescription))
        }
    }

    private func syncCopy(
        _ site: CopySite, items: [CopyItem], history: [Int64: Set<String>], entry: inout CopySyncCopy,
        report: inout CopySyncReport, options: CopySyncOptions, lang: Lang, watch: CatalogueWatch, started: Date,
        progress: (@Sendable (IngestProgress) -> Void)?
    ) throws {
        let records = try reading { tx in try tx.copies.records(copyId: site.id) }
        var work: [CopyItem] = []
        for item in items {
            if let r = records[item.rel], r.sha256 == item.sha256, r.state == "ok",
                Self.regularSize(site.location(of: item)) == item.size
            {
                entry.held += 1
            } else {
                work.append(item)
            }
        }
        let chunk = options.pauseAfter == nil ? 64 : 1
        var index = 0
        var bytesDone: Int64 = 0
        while index < work.count {
            let slice = Array(work[index..<min(index + chunk, work.count)])
            let steps: [SyncStep]
            if let pauseAfter = options.pauseAfter {
                let pause: (@Sendable () -> Void)? =
                    index == pauseAfter ? options.resumeWhen.map(Self.pause(until:)) ?? Self.pauseForever : nil
                steps = slice.map { item in
                    Self.syncStep(item, site: site, record: records[item.rel], history: history, pause: pause)
                }
            } else {
                steps = ParallelMap.map(slice) { item in
                    Self.syncStep(item, site: site, record: records[item.rel], history: history, pause: nil)
                }
            }
            try writing(still: watch, task: Self.syncTask) { tx in
                let stamp = Int64(Date().timeIntervalSince1970)
                for (item, step) in zip(slice, steps) {
                    bytesDone += Self.apply(step, item, site: site, entry: &entry, report: &report, lang: lang)
                    if let state = Self.recordState(step) {
                        try tx.copies.recordFile(
                            copyId: site.id, rel: item.rel, sha256: item.sha256, size: item.size, state: state,
                            at: stamp, verified: state == "ok")
                    }
                }
            }
            index += slice.count
            progress?(
                IngestProgress(
                    done: index, total: work.count, bytes: bytesDone, elapsed: Date().timeIntervalSince(started)))
        }
    }

    /// The test hook's pause: the process waits here until it is killed.
    @Sendable private static func pauseForever() {
        while true { _ = sleep(3600) }
    }

    /// A test hook's pause that ends once a file exists at `path`.
    private static func pause(until path: String) -> @Sendable () -> Void {
        { while !FileManager.default.fileExists(atPath: path) { usleep(20_000) } }
    }

    static let syncTask = Text(vi: "việc chép vào bản lưu", en: "the copies sync")

    /// The size of the regular file at `path`, or nil when there is none (or a link, folder or special file).
    static func regularSize(_ path: String) -> Int64? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    /// One file: copy it when absent, record it when already right, replace an earlier accepted version, and
    /// report anything else without touching it.
    static func syncStep(
        _ item: CopyItem, site: CopySite, record: CopyRecord?, history: [Int64: Set<String>],
        pause: (@Sendable () -> Void)?
    ) -> SyncStep {
        let target = site.location(of: item)
        var info = stat()
        if lstat(target, &info) != 0 {
            return place(item, at: target, pause: pause) { .copied(bytes: $0, restored: record != nil) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .finding(
                kind: "unreadable",
                message: CopyText.notOverwritten(
                    CopyReadProblem.notRegular(SafeCopy.describe(mode: info.st_mode)).text),
                recordState: "unreadable")
        }
        switch SafeCopy.digest(target) {
        case .failure(let problem):
            return .finding(
                kind: "unreadable", message: CopyText.notOverwritten(problem.text), recordState: "unreadable")
        case .success(let found):
            if found.sha256 == item.sha256 { return .adopted }
            let earlier = item.masterId.flatMap { history[$0] } ?? []
            if found.sha256 == record?.sha256 || earlier.contains(found.sha256) {
                return place(item, at: target, pause: pause) { .updated(bytes: $0) }
            }
            return .finding(kind: "changed", message: CopyText.conflict(item.ref), recordState: "changed")
        }
    }

    /// Copies `item` from the primary to `target` with its hash checked; `done` names what a good copy was.
    private static func place(
        _ item: CopyItem, at target: String, pause: (@Sendable () -> Void)?, done: (Int64) -> SyncStep
    ) -> SyncStep {
        switch SafeCopy.transfer(from: item.primaryPath, to: target, expected: item.sha256, pause: pause) {
        case .copied(let bytes): return done(bytes)
        case .sourceMismatch(let found):
            return .finding(kind: "source_changed", message: CopyText.sourceChanged(found, item), recordState: nil)
        case .sourceUnreadable(let problem):
            return .finding(
                kind: "source_unreadable", message: CopyText.sourceUnreadable(problem, item), recordState: nil)
        case .writeFailed(let reason):
            return .finding(kind: "write_failed", message: CopyText.writeFailed(reason), recordState: nil)
        }
    }

    /// Counts a step into the copy's entry and the report; returns the bytes written.
    private static func apply(
        _ step: SyncStep, _ item: CopyItem, site: CopySite, entry: inout CopySyncCopy, report: inout CopySyncReport,
        lang: Lang
    ) -> Int64 {
        switch step {
        case .held:
            entry.held += 1
        case .copied(let bytes, _):
            entry.copied += 1
            entry.bytes += bytes
            return bytes
        case .updated(let bytes):
            entry.updated += 1
            entry.bytes += bytes
            return bytes
        case .adopted:
            entry.adopted += 1
        case .finding(let kind, let message, _):
            entry.findings += 1
            report.findings.append(
                CopyFinding(copy: site.name, path: item.rel, ref: item.ref, kind: kind, message: message(lang)))
        }
        return 0
    }

    private static func recordState(_ step: SyncStep) -> String? {
        switch step {
        case .held: nil
        case .copied, .updated, .adopted: "ok"
        case .finding(_, _, let state): state
        }
    }

    /// Stores each copy's tally and last sync, and appends the run's one attributed event.
    private func recordSync(
        _ report: CopySyncReport, sites: [CopySite], by who: Attribution, now: Date, watch: CatalogueWatch
    ) throws -> Int64? {
        try writing(still: watch, task: Self.syncTask) { tx in
            let stamp = Int64(now.timeIntervalSince1970)
            for (site, entry) in zip(sites, report.copies) where entry.availability == .available {
                try tx.copies.markSynced(id: site.id, at: stamp)
                try Self.refreshTally(tx, site: site)
            }
            let files = report.copies.reduce(0) { $0 + $1.copied + $1.updated }
            let note = report.copies.map { c in
                c.availability == .unavailable
                    ? "\(c.name): unavailable"
                    : "\(c.name): copied \(c.copied), updated \(c.updated), adopted \(c.adopted), held \(c.held), findings \(c.findings)"
            }.joined(separator: "; ")
            var event = Event(
                kind: .copiesSync, attribution: who, time: time, detail: EventDetail(count: files, note: note))
            event.bytes = report.bytes
            try tx.events.append(&event)
            return event.id
        }
    }
}
