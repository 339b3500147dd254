import Foundation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// Something that stopped one file's copy: the file, the page when known (counted from 1 in the file), the master,
/// the tool and its own message. The other files still build.
public struct PdfFinding: Error, Codable, Sendable, Hashable {
    public var ref: String
    public var page: Int?
    public var master: String?
    /// `kho`, `img2pdf`, `ocrmypdf`, `pikepdf` or `pdfinfo`.
    public var tool: String
    public var message: String

    /// One line for people in `lang`: "H0012/03 tr. 7 (0007.tif): img2pdf: …".
    public func line(_ lang: Lang) -> String {
        let page = self.page.map { Text(vi: " tr. \($0)", en: " p. \($0)")(lang) } ?? ""
        let master = self.master.map { " (\($0))" } ?? ""
        return "\(ref)\(page)\(master): \(tool): \(message)"
    }
}

/// One master of a file, in page order.
struct PdfJobMaster: Sendable, Hashable {
    var path: String
    var name: String
    var sha256: String?
    /// The size on record.
    var size: UInt64?
    var pages: Int
}

/// Everything needed to make one file's copy, read from the catalogue before the tools run.
struct PdfJob: Sendable {
    /// The file as read from the catalogue (its state is the rung before the build).
    var file: KhoStore.Candidate
    var archiveId: String
    var masters: [PdfJobMaster]
    var sources: String
    var pages: Int
    var target: String
    /// The language of the findings.
    var lang: Lang
}

/// What the tools made: the copy as it now lies at its path.
struct PdfBuilt: Sendable {
    var sha256: String
    var pages: Int
    var bytes: Int64
    var pdfa: String
    var meanConfidence: Double?
    var textPages: [Int]
    var seconds: Double
}

/// Makes one copy: copies each master into the build's private folder and checks the copy is the master ingested
/// (same SHA-256, hashed from the copy itself), puts the checked copies' pages into one PDF (img2pdf), runs OCRmyPDF
/// (Tesseract `vie`, PDF/A-2b, images kept as they are by default), adds the archival metadata (pikepdf), reads
/// the result back (poppler), then moves it into place whole (temporary file in the same folder, synced, renamed).
enum PdfPipeline {
    static func run(
        _ job: PdfJob, tools: DeliveryTools, settings: DeliverySettings, ocrJobs: Int
    ) -> Result<PdfBuilt, PdfFinding> {
        let started = Date()
        do throws(PdfFinding) {
            let folder = PathText.parent(of: job.target)
            let work = try makeWorkFolder(in: folder, job: job)
            defer { CleanStop.removeFolder(work) }
            // What was checked is what is built: the tools read only the private copies whose SHA-256 matched.
            let (checked, pageOf) = try stageMasters(job, work: work)
            runTestHook(work: work, job: job)
            let steps = PdfPipelineSteps(job: checked, tools: tools, settings: settings, work: work, pageOf: pageOf)
            try steps.combinePages()
            let reported = try steps.runOCR(jobs: ocrJobs)
            let (confidence, textPages) = readTSV(folder: work + "/tmp")
            try steps.addArchivalMetadata()
            let pages = try steps.readBack()
            let digest = try steps.moveIntoPlace(folder: folder)
            return .success(
                PdfBuilt(
                    sha256: digest.sha256, pages: pages, bytes: Int64(digest.bytes), pdfa: reported,
                    meanConfidence: confidence, textPages: textPages, seconds: Date().timeIntervalSince(started)))
        } catch {
            return .failure(error)
        }
    }

    /// A finding on `job`'s file.
    static func finding(
        _ job: PdfJob, _ tool: String, _ message: String, page: Int? = nil, master: String? = nil
    ) -> PdfFinding {
        PdfFinding(ref: job.file.ref, page: page, master: master, tool: tool, message: message)
    }

    /// Makes the build's work folder (with its `tmp`) beside the copies, and returns its path.
    private static func makeWorkFolder(in folder: String, job: PdfJob) throws(PdfFinding) -> String {
        let work = folder + "/" + PdfBuildFolder.tempPrefix + UUID().uuidString
        do {
            guard try CleanStop.makeFolder(work) else { throw finding(job, "kho", "stopped") }
            try FileManager.default.createDirectory(atPath: work + "/tmp", withIntermediateDirectories: true)
        } catch let stopped as PdfFinding {
            throw stopped
        } catch {
            throw finding(job, "kho", error.localizedDescription)
        }
        return work
    }

    /// The most characters of one metadata value (title, author, subject, keywords) written into a copy: PDF/A keeps
    /// PDF's limit of 32.767 bytes per string, and the document information dictionary holds UTF-16 (2 bytes a
    /// character, 4 beyond the basic plane).
    static let metadataCharacters = 4_000

    /// `text` as a metadata value: on one line, control characters removed, at most ``metadataCharacters``
    /// (cut with "…").
    static func metadataText(_ text: String) -> String {
        let flat = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : $0 }))
        guard flat.count > metadataCharacters else { return flat }
        return String(flat.prefix(metadataCharacters - 1)) + "…"
    }

    /// The file's years as kho writes them everywhere (``Format/years(_:_:)``), or nil when none is known.
    static func years(_ job: PdfJob) -> String? {
        let years = Format.years(job.file.startYear, job.file.endYear)
        return years.isEmpty ? nil : years
    }

    /// The master holding page `page` of the file.
    static func masterName(page: Int, job: PdfJob, pageOf: [String: Int]) -> String? {
        job.masters.last { (pageOf[$0.name] ?? 1) <= page }?.name
    }

    /// The page and message of an OCRmyPDF failure: its page-numbered log line when there is one, else its last words.
    static func ocrFailure(_ log: String, status: Int32) -> (Int?, String) {
        let lines = log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let keywords = ["error", "Error", "exception", "Exception", "failed", "Failed"]
        var page: Int?
        for line in lines.reversed() where keywords.contains(where: line.contains) {
            let head = line.prefix { $0.isNumber }
            if !head.isEmpty, let n = Int(head), line.dropFirst(head.count).first == " " {
                page = n
                break
            }
        }
        let tail = lastLines(log, count: 3)
        return (page, tail.isEmpty ? "exit \(status)" : tail)
    }

    /// The last `count` non-empty lines of a tool's output, joined.
    static func lastLines(_ text: String, count: Int = 3) -> String {
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Temporary working files retained") && !$0.hasPrefix("/") }
        var seen: [String] = []
        for line in lines.suffix(count * 2) where !seen.contains(line) { seen.append(line) }
        return seen.suffix(count).joined(separator: " ")
    }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            match.numberOfRanges > 1, let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// Tesseract's TSV for each page (kept by OCRmyPDF in its work folder): the mean confidence of the words read,
    /// and the pages on which it read any.
    /// Mean word confidence over every page, and the pages with text OCR is sure of: at least
    /// ``confidentWordsForText`` words of letters or digits read with confidence ≥ ``confidentWord`` (a few uncertain
    /// marks read off a stain or a blank page are not text the copy must carry).
    static func readTSV(folder: String) -> (Double?, [Int]) {
        let fm = FileManager.default
        var total = 0.0
        var words = 0
        var confident: [Int: Int] = [:]
        for run in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] where run.hasPrefix("ocrmypdf.io.") {
            let dir = folder + "/" + run
            for name in (try? fm.contentsOfDirectory(atPath: dir)) ?? [] where name.hasSuffix("_ocr_tess.tsv") {
                guard let page = Int(name.prefix { $0.isNumber }),
                    let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8)
                else { continue }
                for line in text.split(separator: "\n").dropFirst() {
                    let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard cells.count >= 12, cells[0] == "5", let conf = Double(cells[10]), conf >= 0,
                        !cells[11].trimmingCharacters(in: .whitespaces).isEmpty
                    else { continue }
                    total += conf
                    words += 1
                    if conf >= confidentWord, cells[11].contains(where: { $0.isLetter || $0.isNumber }) {
                        confident[page, default: 0] += 1
                    }
                }
            }
        }
        let pages = confident.filter { $0.value >= confidentWordsForText }.keys.sorted()
        return (words > 0 ? total / Double(words) : nil, pages)
    }

    /// The confidence (0–100) from which a word counts as surely read: 60.
    static let confidentWord = 60.0
    /// Surely read words from which a page counts as having text: 3.
    static let confidentWordsForText = 3
}

/// Reading a PDF back with poppler: its pages, its PDF/A declaration, its text.
enum PdfReadBack {
    struct Info: Sendable {
        var pages: Int?
        /// `2B` from `pdfaid:part` and `pdfaid:conformance` in the XMP, nil when it declares none.
        var pdfa: String?
        var message: String
    }

    /// Reads `path`, or with `input` the open file kho checked (given to pdfinfo as its standard input).
    static func info(_ path: String, tools: PopplerTools, input: Int32? = nil) -> Info {
        let env = ["LC_ALL": "C.UTF-8"]
        let source = input == nil ? path : "/dev/stdin"
        guard let r = try? ToolProcess.run(tools.pdfinfo, [source], environment: env, input: input),
            let meta = try? ToolProcess.run(tools.pdfinfo, ["-meta", source], environment: env, input: input)
        else {
            return Info(pages: nil, pdfa: nil, message: "pdfinfo could not be started")
        }
        guard r.ok else { return Info(pages: nil, pdfa: nil, message: PdfPipeline.lastLines(r.err)) }
        var pages: Int?
        for line in r.out.split(separator: "\n") where line.hasPrefix("Pages:") {
            pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        let text = meta.ok ? meta.out : ""
        let part = PdfPipeline.firstMatch(#"pdfaid:part(?:="|>)([0-9]+)"#, in: text)
        let conformance = PdfPipeline.firstMatch(#"pdfaid:conformance(?:="|>)([A-Za-z]+)"#, in: text)
        return Info(
            pages: pages, pdfa: part.map { $0 + (conformance ?? "") },
            message: pages == nil ? PdfPipeline.lastLines(r.out) : "")
    }

    /// The text layer of each page (pdftotext separates pages with a form feed), or nil when it cannot be read.
    /// Reads `path`, or with `input` the open file kho checked (given to pdftotext as its standard input).
    static func pageTexts(_ path: String, tools: PopplerTools, input: Int32? = nil) -> [String]? {
        guard
            let r = try? ToolProcess.run(
                tools.pdftotext, ["-enc", "UTF-8", input == nil ? path : "/dev/stdin", "-"],
                environment: ["LC_ALL": "C.UTF-8"], input: input), r.ok
        else {
            return nil
        }
        var pages = r.out.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }
}

/// Names inside the copies' folder.
enum PdfBuildFolder {
    /// A build's work folder beside the copies, removed when the file is done (or by the next build, after a kill).
    static let tempPrefix = ".kho-build-"
    static let lockName = ".kho-pdf.lock"
}

/// The tools' steps of one copy, in its work folder: pages into one PDF, OCR and PDF/A, archival metadata, reading
/// back, and moving into place. Each throws the finding that stops the file.
private struct PdfPipelineSteps {
    let job: PdfJob
    let tools: DeliveryTools
    let settings: DeliverySettings
    let work: String
    /// The first page of each master, by name.
    let pageOf: [String: Int]
    let env: [String: String]

    init(job: PdfJob, tools: DeliveryTools, settings: DeliverySettings, work: String, pageOf: [String: Int]) {
        self.job = job
        self.tools = tools
        self.settings = settings
        self.work = work
        self.pageOf = pageOf
        env = ["TMPDIR": work + "/tmp", "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "OMP_THREAD_LIMIT": "1"]
    }

    private func fail(_ tool: String, _ message: String, page: Int? = nil, master: String? = nil) -> PdfFinding {
        PdfPipeline.finding(job, tool, message, page: page, master: master)
    }

    /// 1. The pages, in order, into one PDF (img2pdf): `pages.pdf`.
    func combinePages() throws(PdfFinding) {
        var spec: [String: Any] = [
            "out": work + "/pages.pdf",
            "masters": job.masters.map {
                ["path": $0.path, "name": $0.name, "first_page": pageOf[$0.name] ?? 1] as [String: Any]
            },
        ]
        if let dpi = settings.dpi { spec["dpi"] = dpi }
        if settings.image == .jpeg { spec["jpeg"] = settings.jpegQuality }
        let r: ToolProcess.Result
        do {
            try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: work + "/pages.json"))
            r = try ToolProcess.run(
                tools.python, ["-c", PdfGlue.prepareScript, work + "/pages.json"], environment: env,
                scratch: work, name: "img2pdf")
        } catch {
            throw fail("img2pdf", "\(error)")
        }
        if !r.ok {
            let report = (try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]) ?? [:]
            var message = (report["message"] as? String) ?? PdfPipeline.lastLines(r.err)
            let native = PdfPipeline.lastLines(r.err, count: 2)
            if !native.isEmpty && !message.contains(native) { message = native + " — " + message }
            throw fail("img2pdf", message, page: report["page"] as? Int, master: report["master"] as? String)
        }
    }

    /// 2. OCR and PDF/A (OCRmyPDF): `ocr.pdf`; returns the PDF/A level OCRmyPDF reports.
    func runOCR(jobs: Int) throws(PdfFinding) -> String {
        let config = work + "/tsv.cfg"
        _ = FileManager.default.createFile(atPath: config, contents: Data("tessedit_create_tsv 1\n".utf8))
        let ocr: ToolProcess.Result
        do {
            ocr = try ToolProcess.run(
                tools.ocrmypdf,
                [
                    "-l", "vie", "--output-type", "pdfa-2",
                    "--pdfa-image-compression", settings.image == .jpeg ? "jpeg" : "lossless",
                    "--optimize", "0", "--jobs", String(max(1, jobs)), "--keep-temporary-files",
                    "--tesseract-config", config,
                    // The title, author, subject and keywords go through a file to pikepdf (step 3), never on the
                    // command line: a title starting with `-`, or of 150 KB, is delivered like any other.
                    work + "/pages.pdf", work + "/ocr.pdf",
                ], environment: env, scratch: work, name: "ocrmypdf")
        } catch {
            throw fail("ocrmypdf", "\(error)")
        }
        let log = ocr.err
        if !ocr.ok {
            let (page, message) = PdfPipeline.ocrFailure(log, status: ocr.status)
            throw fail(
                "ocrmypdf", message, page: page,
                master: page.flatMap { PdfPipeline.masterName(page: $0, job: job, pageOf: pageOf) })
        }
        guard let reported = PdfPipeline.firstMatch(#"Output file is a (PDF/A-[0-9A-Za-z]+)"#, in: log) else {
            let why =
                log.split(separator: "\n").last { $0.contains("PDF/A") }.map(String.init) ?? PdfPipeline.lastLines(log)
            throw fail(
                "ocrmypdf",
                Text(vi: "bản tạo ra không phải PDF/A: \(why)", en: "the output is not PDF/A: \(why)")(job.lang))
        }
        return reported
    }

    /// The copy's keywords: its codes, its years, and the tools that made it.
    private func keywords() -> String {
        [
            "mã hồ sơ \(job.archiveId)", "phông \(job.file.fondsCode)", "hồ sơ \(job.file.ref)",
            PdfPipeline.years(job).map { "thời gian \($0)" },
            "kho \(khoVersion)", "OCRmyPDF \(tools.versions.ocrmypdf)", "Tesseract \(tools.versions.tesseract)",
            tools.versions.language, "Ghostscript \(tools.versions.ghostscript)", "img2pdf \(tools.versions.img2pdf)",
        ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The copy's subject: its code, fonds, file, years and retention, in Vietnamese.
    private func subject() -> String {
        var subject =
            "Mã hồ sơ: \(job.archiveId). Phông: \(job.file.fondsCode) – \(job.file.fondsName). Hồ sơ: \(job.file.ref)."
        if let y = PdfPipeline.years(job) { subject += " Thời gian: \(y)." }
        if let r = job.file.retention.flatMap(Retention.init(stored:)) {
            subject += " Thời hạn bảo quản: \(r.label(.vi))."
        }
        return subject
    }

    /// 3. The archival metadata OCRmyPDF does not carry (pikepdf): `copy.pdf`.
    func addArchivalMetadata() throws(PdfFinding) {
        let meta: [String: String] = [
            "title": PdfPipeline.metadataText(job.file.title),
            "author": PdfPipeline.metadataText(job.file.fondsName),
            "subject": PdfPipeline.metadataText(subject()),
            "keywords": PdfPipeline.metadataText(keywords()),
            "identifier": job.archiveId,
            "source":
                "Phông \(job.file.fondsCode) (\(job.file.fondsName)), hộp \(job.file.ref.split(separator: "/").first.map(String.init) ?? ""), hồ sơ \(job.file.ref)",
            "coverage": PdfPipeline.years(job) ?? "",
        ]
        let r: ToolProcess.Result
        do {
            try JSONSerialization.data(withJSONObject: meta).write(to: URL(fileURLWithPath: work + "/meta.json"))
            r = try ToolProcess.run(
                tools.python, ["-c", PdfGlue.finishScript, work + "/ocr.pdf", work + "/copy.pdf", work + "/meta.json"],
                environment: env, scratch: work, name: "pikepdf")
        } catch {
            throw fail("pikepdf", "\(error)")
        }
        if !r.ok { throw fail("pikepdf", PdfPipeline.lastLines(r.err)) }
    }

    /// 4. Reads the copy back (poppler): its pages must be the masters' and its XMP must declare PDF/A. Returns the pages.
    func readBack() throws(PdfFinding) -> Int {
        let info = PdfReadBack.info(work + "/copy.pdf", tools: tools.poppler)
        guard let pages = info.pages else { throw fail("pdfinfo", info.message) }
        if pages != job.pages {
            throw fail(
                "kho",
                Text(
                    vi: "bản PDF có \(pages) trang, bản quét có \(job.pages)",
                    en: "the PDF has \(pages) pages, the masters \(job.pages)")(job.lang))
        }
        guard info.pdfa != nil else {
            throw fail(
                "pdfinfo",
                Text(vi: "XMP của bản PDF không khai báo PDF/A", en: "the PDF's XMP does not declare PDF/A")(job.lang))
        }
        return pages
    }

    /// 5. Into place, whole: hashed, synced, renamed onto the target, the folder synced. Returns its digest.
    func moveIntoPlace(folder: String) throws(PdfFinding) -> FixityDigest {
        let copy = work + "/copy.pdf"
        let digest: FixityDigest
        do {
            digest = try Fixity.digest(path: copy)
        } catch {
            throw fail("kho", error.reason(job.lang))
        }
        let fd = open(copy, O_RDONLY)
        if fd >= 0 {
            _ = fsync(fd)
            close(fd)
        }
        guard rename(copy, job.target) == 0 else {
            throw fail(
                "kho",
                Text(
                    vi: "không đặt được bản PDF vào \(job.target): \(String(cString: strerror(errno)))",
                    en: "cannot move the PDF into \(job.target): \(String(cString: strerror(errno)))")(job.lang))
        }
        let dir = open(folder, O_RDONLY)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
        return digest
    }
}
