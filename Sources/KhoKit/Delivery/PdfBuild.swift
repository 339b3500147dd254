import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What `kho pdf build` is asked to do.
public struct PdfBuildOptions: Sendable {
    /// Boxes (`H0012`) and files (`H0012/03`); empty means every file.
    public var targets: [String]
    /// Files built at once (each runs its own OCRmyPDF); default: the cores.
    public var jobs: Int
    /// Make the copies again even when they are up to date (after a change of settings).
    public var force: Bool
    /// The folder for the copies instead of the catalogue's setting.
    public var folder: String?

    public init(
        targets: [String] = [], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
        folder: String? = nil
    ) {
        self.targets = targets
        self.jobs = max(1, jobs)
        self.force = force
        self.folder = folder
    }
}

/// One copy made by a build.
public struct PdfBuiltLine: Codable, Sendable, Hashable {
    public var ref: String
    public var archiveId: String
    public var path: String
    public var pages: Int
    public var bytes: Int64
    public var pdfa: String
    public var meanConfidence: Double?
    public var seconds: Double
    /// The file's rung after the copy was recorded (`delivered`, unless its masters changed meanwhile).
    public var scanState: ScanState

    enum CodingKeys: String, CodingKey {
        case ref, path, pages, bytes, pdfa, seconds
        case archiveId = "archive_id"
        case meanConfidence = "mean_confidence"
        case scanState = "scan_state"
    }
}

/// A file named in the build that could not be built yet, and why (its rung).
public struct PdfNotReady: Codable, Sendable, Hashable {
    public var ref: String
    public var scanState: ScanState

    enum CodingKeys: String, CodingKey {
        case ref
        case scanState = "scan_state"
    }
}

/// What one `kho pdf build` did.
public struct PdfBuildSummary: Codable, Sendable {
    public var folder = ""
    public var jobs = 1
    public var tools = ToolVersions()
    public var settings = DeliverySettings()
    public var built: [PdfBuiltLine] = []
    /// Delivered files whose copy is in place and whose masters have not changed: skipped.
    public var upToDate = 0
    /// Files not ready for a copy (their masters have not all passed, or there are none), by rung.
    public var notReady: [String: Int] = [:]
    /// The files named on the command line that were not ready.
    public var notReadyNamed: [PdfNotReady] = []
    /// Files numbered in their fonds (*số hồ sơ* fixed) by this build.
    public var numbered = 0
    /// Each file that failed, with the page and the tool's message.
    public var findings: [PdfFinding] = []
    public var pages = 0
    public var bytes: Int64 = 0
    public var seconds = 0.0
    /// Why the build stopped before its end (the catalogue replaced under it, a write that failed): thrown.
    var stop: StoreError?

    /// Whether every file that was to be built was built.
    public var clean: Bool { findings.isEmpty }

    public init() {}

    enum CodingKeys: String, CodingKey {
        case folder, jobs, tools, settings, built, numbered, findings, pages, bytes, seconds
        case upToDate = "up_to_date"
        case notReady = "not_ready"
        case notReadyNamed = "not_ready_named"
    }
}

extension KhoStore {
    static let buildTask = Text(vi: "việc dựng bản PDF/A", en: "the PDF/A build")

    /// Builds the legal copy (PDF/A-2b with a Vietnamese text layer) of each chosen file whose masters have all
    /// passed QC, into `<folder>/<fonds>/<mã hồ sơ>.pdf`, and records each with an attributed `pdf.build` event and a
    /// row; the file moves to `delivered`.
    ///
    /// Incremental: a delivered file whose copy is in place and whose masters have not changed is skipped. Files are
    /// built `options.jobs` at a time; each is written to a work folder beside the copies and renamed into place
    /// whole, and recorded as soon as it is done, so a killed build leaves no half-written PDF and the next run
    /// finishes the job. A file the tools fail on is a finding (page, master, the tool's message); the others still
    /// build. Before the first copy of a fonds, its files are numbered (see ``ArchiveRule``).
    public func buildCopies(
        _ options: PdfBuildOptions = PdfBuildOptions(), tools: DeliveryTools, by who: Attribution, lang: Lang,
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> PdfBuildSummary {
        let started = Date()
        let settings = try deliverySettings()
        let folder =
            try options.folder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            ?? settings.resolvedFolder(catalogue: path)
        try Self.createFolder(folder)
        let lock = try PdfFolderLock(folder: folder)
        defer { lock.release() }
        // The copies are named and described from the codes read now: no rename, delete, move, ingest or restore
        // meanwhile (the catalogue's work lock), and no write into a catalogue replaced since (its identity).
        let work = try CatalogueLock.acquire(catalogue: path, activity: .build, by: who, time: time)
        defer { work?.release() }
        let identity = try watchCatalogue()
        PdfFolderLock.removeLeftovers(in: folder)

        var summary = PdfBuildSummary()
        summary.folder = folder
        summary.tools = tools.versions
        summary.settings = settings
        let ready = try readyFiles(options, summary: &summary)
        // Fix the numbers of the files that have none in each fonds with a file to build, then make every file's code.
        try numberFiles(inFondsOf: ready, by: who, identity: identity, summary: &summary)
        let jobs = try makeJobs(ready, folder: folder, lang: lang, summary: &summary)
        for fondsFolder in Set(jobs.map { PathText.parent(of: $0.target) }) {
            try Self.createFolder(fondsFolder)
        }
        summary.jobs = options.jobs
        let run = BuildRun(
            tools: tools, settings: settings, who: who, started: started, identity: identity, progress: progress)
        summary = runJobs(jobs, options: options, run: run, summary: summary)
        if let stop = summary.stop { throw stop }
        summary.built.sort { $0.ref.utf8.lexicographicallyPrecedes($1.ref.utf8) }
        summary.findings.sort { $0.ref.utf8.lexicographicallyPrecedes($1.ref.utf8) }
        summary.pages = summary.built.reduce(0) { $0 + $1.pages }
        summary.bytes = summary.built.reduce(0) { $0 + $1.bytes }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Creates a folder for the copies (and those above it), or says why it cannot.
    private static func createFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DeliveryError.folder(
                path: folder,
                reason: Text(verbatim: (error as NSError).localizedFailureReason ?? error.localizedDescription))
        }
    }

    /// What to build: the chosen files, ready or not, in box and file order. Those not ready and those up to date are
    /// counted in `summary`; the others are returned.
    private func readyFiles(_ options: PdfBuildOptions, summary: inout PdfBuildSummary) throws -> [Candidate] {
        let (candidates, named) = try reading { tx in try Self.candidates(tx, targets: options.targets) }
        var ready: [Candidate] = []
        for c in candidates {
            guard [ScanState.passed, .rebuild, .delivered].contains(c.state) else {
                summary.notReady[c.state.rawValue, default: 0] += 1
                if named.contains(c.fileId) {
                    summary.notReadyNamed.append(PdfNotReady(ref: c.ref, scanState: c.state))
                }
                continue
            }
            if c.state == .delivered && !options.force, let copy = c.copy, Self.inPlace(copy) {
                summary.upToDate += 1
                continue
            }
            ready.append(c)
        }
        return ready
    }

    /// Numbers the files that have none in each fonds of `ready` (one transaction), counted in `summary`.
    private func numberFiles(
        inFondsOf ready: [Candidate], by who: Attribution, identity: CatalogueWatch,
        summary: inout PdfBuildSummary
    ) throws {
        let fondsToNumber = Set(ready.map(\.fondsId))
        if !fondsToNumber.isEmpty {
            summary.numbered = try writing(still: identity, task: Self.buildTask) { tx in
                try fondsToNumber.sorted().reduce(0) {
                    $0 + (try ArchiveCodes.assignNumbers(tx, fondsId: $1, by: who, time: time))
                }
            }
        }
    }

    /// The job of each ready file that has its code; a file whose code cannot be made is a finding in `summary`.
    private func makeJobs(
        _ ready: [Candidate], folder: String, lang: Lang, summary: inout PdfBuildSummary
    ) throws -> [PdfJob] {
        try reading { tx in
            let codes = Dictionary(uniqueKeysWithValues: try ArchiveCodes.compute(tx.codes).map { ($0.fileId, $0) })
            var jobs: [PdfJob] = []
            for c in ready {
                guard let entry = codes[c.fileId] else { continue }
                let code: String
                switch entry.code {
                case .success(let value): code = value
                case .failure(let problem):
                    summary.findings.append(
                        PdfFinding(
                            ref: c.ref, page: nil, master: nil, tool: "kho",
                            message: ArchiveCodes.describe(problem, entry: entry)(lang)))
                    continue
                }
                jobs.append(try Self.job(tx, for: c, code: code, folder: folder, lang: lang))
            }
            return jobs
        }
    }

    /// One file's job: its masters in name order, its sources, and its copy's path `<folder>/<fonds>/<code>.pdf`.
    private static func job(
        _ tx: Stores, for c: Candidate, code: String, folder: String, lang: Lang
    ) throws -> PdfJob {
        let masters = try tx.delivery.masters(ofFile: c.fileId)
        let fondsFolder = folder + "/" + Self.folderName(c.fondsCode)
        return PdfJob(
            file: c, archiveId: code, masters: masters,
            sources: try tx.scan.sources(fileId: c.fileId),
            pages: masters.reduce(0) { $0 + $1.pages }, target: fondsFolder + "/" + code + ".pdf", lang: lang)
    }

    /// Builds the jobs, `options.jobs` files at a time, each recorded as soon as it is done; returns `summary` with
    /// what was built and what failed.
    private func runJobs(
        _ jobs: [PdfJob], options: PdfBuildOptions, run: BuildRun, summary: PdfBuildSummary
    ) -> PdfBuildSummary {
        let workers = max(1, min(options.jobs, jobs.count))
        let ocrJobs = max(1, options.jobs / workers)
        let totalPages = jobs.reduce(0) { $0 + $1.pages }
        let state = BuildState(summary: summary)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            Thread.detachNewThread { [self] in
                defer { group.leave() }
                while let job = state.next(jobs) {
                    build(job, run: run, ocrJobs: ocrJobs, workers: workers, into: state)
                    let p = state.progress(job.pages)
                    run.progress?(
                        IngestProgress(
                            done: p.pages, total: totalPages, bytes: p.bytes,
                            elapsed: Date().timeIntervalSince(run.started)))
                }
            }
        }
        group.wait()
        return state.result()
    }

    /// Builds one copy and records it, or adds the finding that stopped it.
    private func build(_ job: PdfJob, run: BuildRun, ocrJobs: Int, workers: Int, into state: BuildState) {
        // A catalogue replaced since the build started: no new work, and nothing written into it.
        if (try? stillHolds(run.identity)) != true {
            return state.stop(StoreError.catalogueReplaced(path: path, task: Self.buildTask))
        }
        let outcome = PdfPipeline.run(job, tools: run.tools, settings: run.settings, ocrJobs: ocrJobs)
        switch outcome {
        case .success(let built):
            do {
                let after = try self.record(
                    job, built: built, run: run, workers: workers)
                state.add(
                    PdfBuiltLine(
                        ref: job.file.ref, archiveId: job.archiveId, path: job.target, pages: built.pages,
                        bytes: built.bytes,
                        pdfa: built.pdfa, meanConfidence: built.meanConfidence, seconds: built.seconds,
                        scanState: after))
            } catch let error as StoreError {
                state.stop(error)
            } catch {
                state.add(
                    PdfFinding(
                        ref: job.file.ref, page: nil, master: nil, tool: "kho", message: error.localizedDescription))
            }
        case .failure(let finding):
            state.add(finding)
        }
    }

    /// Records one copy: its `pdf.build` event, its row, and the file's rung (delivered, unless its masters changed
    /// while it was being built).
    private func record(_ job: PdfJob, built: PdfBuilt, run: BuildRun, workers: Int) throws -> ScanState {
        let (tools, settings) = (run.tools, run.settings)
        var attribution = run.who
        if run.who.happenedAt == run.who.recordedAt {
            attribution.happenedAt = Date()
            attribution.recordedAt = attribution.happenedAt
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let toolsJSON = String(decoding: try encoder.encode(tools.versions), as: UTF8.self)
        // How it was made: the settings, and the machine (its cores, the files built at once) its seconds were measured on.
        var made = (try JSONSerialization.jsonObject(with: try encoder.encode(settings)) as? [String: Any]) ?? [:]
        made["jobs"] = workers
        made["cores"] = ProcessInfo.processInfo.activeProcessorCount
        let madeJSON = String(
            decoding: try JSONSerialization.data(withJSONObject: made, options: [.sortedKeys]), as: UTF8.self)
        // The copy's text layer, for `kho search` (pages joined by line breaks).
        let text = PdfReadBack.pageTexts(job.target, tools: tools.poppler)?.joined(separator: "\n")
        return try writing(still: run.identity, task: Self.buildTask) { tx in
            var event = Event(kind: .pdfBuild, attribution: attribution, time: time)
            event.fileId = job.file.fileId
            event.boxId = job.file.boxId
            event.fondsId = job.file.fondsId
            event.pages = built.pages
            event.bytes = built.bytes
            // The copy's row refers to the event, whose detail says where the file ended up: the row comes first.
            try tx.events.reserveId(for: &event)
            try tx.delivery.insertCopy(
                job, built: built, event: event.id, ocrEngine: "Tesseract \(tools.versions.tesseract)",
                ocrLanguage: tools.versions.language, tools: toolsJSON, settings: madeJSON,
                builtAt: Int64(attribution.recordedAt.timeIntervalSince1970))
            if let text { try tx.delivery.replaceText(fileId: job.file.fileId, text: text) }
            let settled = try FileLadder.apply(tx.scan, fileId: job.file.fileId)
            event.detail =
                EventDetail(
                    before: ["scan_state": job.file.state.rawValue],
                    after: [
                        "scan_state": settled.after.rawValue, "archive_id": job.archiveId, "sha256": built.sha256,
                        "pdfa": built.pdfa,
                    ],
                    source: tools.versions.summary, count: built.pages, note: job.target
                ).json
            try tx.events.append(&event)
            return settled.after
        }
    }

    /// A file that might get a copy, as read from the catalogue.
    struct Candidate: Sendable {
        var fileId: Int64
        var boxId: Int64
        var fondsId: Int64
        var ref: String
        var fondsCode: String
        var fondsName: String
        var title: String
        var startYear: Int?
        var endYear: Int?
        var retention: String?
        var state: ScanState
        /// The latest copy's path and bytes, when there is one.
        var copy: (path: String, bytes: Int64)?
    }

    /// The files named by `targets` (boxes or `BOX/FILE`; all when empty), and the ids of those named one by one.
    static func candidates(_ tx: Stores, targets: [String]) throws -> ([Candidate], Set<Int64>) {
        var fileIds: Set<Int64> = []
        var boxIds: Set<Int64> = []
        for target in targets {
            if target.contains("/") {
                let (_, file) = try tx.catalogue.file(ref: try FileRef(parsing: target))
                if let id = file.id { fileIds.insert(id) }
            } else {
                let box = try tx.catalogue.box(code: target)
                if let id = box.id { boxIds.insert(id) }
            }
        }
        let candidates = try tx.delivery.candidates(among: targets.isEmpty ? nil : (fileIds, boxIds))
        return (candidates, fileIds)
    }

    /// Whether a recorded copy is at its path with its size.
    static func inPlace(_ copy: (path: String, bytes: Int64)) -> Bool {
        var st = stat()
        return stat(copy.path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && Int64(st.st_size) == copy.bytes
    }

    /// A fonds code as a folder name (a slash or a leading dot would change where it goes).
    static func folderName(_ code: String) -> String {
        var name = code.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "\\", with: "_")
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }
}

/// What stays the same through one build's jobs.
private struct BuildRun: Sendable {
    var tools: DeliveryTools
    var settings: DeliverySettings
    var who: Attribution
    var started: Date
    /// The catalogue the build started on: each write checks it is still the one.
    var identity: CatalogueWatch
    var progress: (@Sendable (IngestProgress) -> Void)?
}

/// The shared state of a running build: the next job, the results, the progress.
private final class BuildState: Sendable {
    private struct Shared {
        var index = 0
        var summary: PdfBuildSummary
        var pages = 0
        var bytes: Int64 = 0
    }

    private let shared: Mutex<Shared>

    init(summary: PdfBuildSummary) { shared = Mutex(Shared(summary: summary)) }

    func next(_ jobs: [PdfJob]) -> PdfJob? {
        shared.withLock { s in
            guard s.index < jobs.count, s.summary.stop == nil else { return nil }
            s.index += 1
            return jobs[s.index - 1]
        }
    }

    func add(_ line: PdfBuiltLine) {
        shared.withLock { s in
            s.summary.built.append(line)
            s.bytes += line.bytes
        }
    }

    /// Stops the build: no job starts after this, and the build throws `error`.
    func stop(_ error: StoreError) {
        shared.withLock { s in
            if s.summary.stop == nil { s.summary.stop = error }
        }
    }

    func add(_ finding: PdfFinding) {
        shared.withLock { s in s.summary.findings.append(finding) }
    }

    func progress(_ donePages: Int) -> (pages: Int, bytes: Int64) {
        shared.withLock { s in
            s.pages += donePages
            return (s.pages, s.bytes)
        }
    }

    func result() -> PdfBuildSummary {
        shared.withLock { s in s.summary }
    }
}

/// One build at a time per folder (an advisory `flock` on a file in it), and the leftovers of a killed one.
final class PdfFolderLock {
    private let fd: Int32

    init(folder: String) throws {
        fd = open(folder + "/" + PdfBuildFolder.lockName, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw DeliveryError.folder(path: folder, reason: Text(verbatim: String(cString: strerror(errno))))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw DeliveryError.busy(folder: folder)
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Removes the work folders a killed build left (only while holding the lock, so none is in use).
    static func removeLeftovers(in folder: String) {
        let fm = FileManager.default
        for sub in [folder] + ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).map({ folder + "/" + $0 }) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: sub, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in (try? fm.contentsOfDirectory(atPath: sub)) ?? [] where name.hasPrefix(PdfBuildFolder.tempPrefix)
            {
                try? fm.removeItem(atPath: sub + "/" + name)
            }
        }
    }
}
