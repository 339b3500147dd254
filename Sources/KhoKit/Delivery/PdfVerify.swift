import Foundation
import KhoConcurrency
import KhoTIFF
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One copy that failed verification.
public struct PdfVerifyProblem: Codable, Sendable, Hashable {
    public var ref: String
    public var archiveId: String
    public var path: String
    /// `missing`, `changed`, `pages`, `not_pdfa`, `no_text`, `unreadable` or `outdated`.
    public var kind: String
    public var message: String

    enum CodingKeys: String, CodingKey {
        case ref, path, kind, message
        case archiveId = "archive_id"
    }
}

/// What `kho pdf verify` found.
public struct PdfVerifyReport: Codable, Sendable {
    public var checked = 0
    public var ok = 0
    public var problems: [PdfVerifyProblem] = []
    public var seconds = 0.0

    /// Whether every copy checked is sound.
    public var clean: Bool { problems.isEmpty }

    public init() {}
}

extension KhoStore {
    /// Checks the latest copy of every delivered file (or those not checked for `olderThanDays`): it exists, its
    /// SHA-256 is the one recorded, its page count equals its masters', its XMP declares PDF/A, and its text layer
    /// is not empty on the pages where OCR found text; a file whose masters changed since its copy was built is
    /// reported as needing a rebuild. Copies found sound get their check time; one attributed event records the run.
    public func verifyCopies(
        olderThanDays: Int? = nil, tools: PopplerTools, by who: Attribution, lang: Lang, now: Date = Date(),
        progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> PdfVerifyReport {
        let started = Date()
        // What is found is written only into the catalogue it was read from (a restore meanwhile stops it).
        let watch = try watchCatalogue()
        let items = try reading { tx in try Self.copiesToVerify(tx, olderThanDays: olderThanDays, now: now) }
        let done = Counter()
        let results: [[PdfVerifyProblem]] = ParallelMap.map(items) { item in
            defer {
                let n = done.increment()
                progress?(
                    IngestProgress(done: n, total: items.count, bytes: 0, elapsed: Date().timeIntervalSince(started)))
            }
            return CopyCheck(item: item, tools: tools, lang: lang).problems()
        }
        let tally = Self.tally(items, results)
        var report = tally.report
        report.seconds = Date().timeIntervalSince(started)
        try recordVerification(report, sound: tally.sound, by: who, now: now, watch: watch)
        return report
    }

    /// The latest copy of every delivered file, or of those not checked (or built) for `olderThanDays`.
    private static func copiesToVerify(_ tx: Stores, olderThanDays: Int?, now: Date) throws -> [CopyToVerify] {
        var scope = DeliveryStore.CopyScope.all
        if let days = olderThanDays {
            try NumberBound.days.check(days)
            scope = .notCheckedSince(Int64(now.timeIntervalSince1970) - Int64(days) * 86_400)
        }
        return try tx.delivery.latestCopies(scope).map { copy in
            CopyToVerify(
                copyId: copy.id, ref: copy.ref, archiveId: copy.archiveId, path: copy.path,
                sha256: copy.sha256, bytes: UInt64(max(0, copy.bytes)),
                masterPages: try tx.scan.masters(fileId: copy.fileId).pages,
                textPages: PdfCopies.pageList(copy.textPages),
                outdated: copy.scanState == ScanState.rebuild.rawValue)
        }
    }

    /// The report of the copies checked, and the ids of those found sound.
    private static func tally(
        _ items: [CopyToVerify], _ results: [[PdfVerifyProblem]]
    ) -> (report: PdfVerifyReport, sound: [Int64]) {
        var report = PdfVerifyReport()
        var sound: [Int64] = []
        for (item, problems) in zip(items, results) {
            report.checked += 1
            if problems.isEmpty {
                report.ok += 1
                sound.append(item.copyId)
            }
            report.problems += problems
        }
        return (report, sound)
    }

    static let pdfVerifyTask = Text(vi: "việc kiểm tra bản PDF/A", en: "the PDF/A check")

    /// Gives the sound copies their check time and appends the run's attributed `pdf.verify` event.
    private func recordVerification(
        _ summary: PdfVerifyReport, sound ids: [Int64], by who: Attribution, now: Date, watch: CatalogueWatch
    ) throws {
        try writing(still: watch, task: Self.pdfVerifyTask) { tx in
            try tx.delivery.markVerified(ids, at: Int64(now.timeIntervalSince1970))
            let kinds = Dictionary(grouping: summary.problems, by: \.kind).map { "\($0.key) \($0.value.count)" }
                .sorted()
            var event = Event(
                kind: .pdfVerify, attribution: who, time: time,
                detail: EventDetail(
                    count: summary.checked, note: (["ok \(summary.ok)"] + kinds).joined(separator: ", ")))
            try tx.events.append(&event)
        }
    }
}

/// One copy to verify, as read from the catalogue.
private struct CopyToVerify: Sendable {
    var copyId: Int64
    var ref: String
    var archiveId: String
    var path: String
    var sha256: String
    /// The copy's size on record: another size is a change, found without reading.
    var bytes: UInt64
    var masterPages: Int
    var textPages: [Int]
    var outdated: Bool
}

/// The checks of one copy, in order: outdated, readable and unchanged, its pages and PDF/A declaration, its text layer.
/// A copy that is missing or cannot be read is not checked further.
private struct CopyCheck {
    let item: CopyToVerify
    let tools: PopplerTools
    /// The language of the problems.
    let lang: Lang

    func problems() -> [PdfVerifyProblem] {
        var found: [PdfVerifyProblem] = []
        if item.outdated { found.append(outdated()) }
        // One safe open: the tools read back the very file that was hashed (as their standard input), never the path
        // again (a FIFO or link swapped in meanwhile would make them wait or read something else).
        let opened: (fd: Int32, info: stat)
        let sha: String
        do throws(FixityError) {
            opened = try Fixity.openForReading(path: item.path, expectedSize: item.bytes)
        } catch {
            if case .sizeChanged = error.kind { return found + [changed()] }
            return found + [unreadable(error)]
        }
        defer { close(opened.fd) }
        do throws(FixityError) {
            sha = try Fixity.digest(opened: opened.fd, opened.info, path: item.path).sha256
        } catch {
            if case .sizeChanged = error.kind { return found + [changed()] }
            return found + [unreadable(error)]
        }
        if sha != item.sha256 { found.append(changed()) }
        let info = PdfReadBack.info(item.path, tools: tools, input: opened.fd)
        guard let pages = info.pages else {
            return found + [
                problem(
                    "unreadable",
                    Text(vi: "pdfinfo không đọc được: \(info.message)", en: "pdfinfo cannot read it: \(info.message)"))
            ]
        }
        found += readBackProblems(info, pages: pages)
        if !item.textPages.isEmpty { found += textLayerProblems(input: opened.fd) }
        return found
    }

    private func problem(_ kind: String, _ text: Text) -> PdfVerifyProblem {
        PdfVerifyProblem(ref: item.ref, archiveId: item.archiveId, path: item.path, kind: kind, message: text(lang))
    }

    private func outdated() -> PdfVerifyProblem {
        problem(
            "outdated",
            Text(
                vi: "bản quét đã thay đổi sau khi làm bản PDF: cần làm lại (kho pdf build \(item.ref))",
                en: "a master changed after the copy was built: it needs a rebuild (kho pdf build \(item.ref))"))
    }

    /// The copy is gone (`missing`) or cannot be read (`unreadable`).
    private func unreadable(_ error: FixityError) -> PdfVerifyProblem {
        if error.isMissing {
            return problem(
                "missing", Text(vi: "bản PDF không còn ở \(item.path)", en: "the PDF is no longer at \(item.path)"))
        }
        let reason = error.reason
        return problem(
            "unreadable", Text(vi: "không đọc được bản PDF: \(reason.vi)", en: "cannot read the PDF: \(reason.en)"))
    }

    private func changed() -> PdfVerifyProblem {
        problem(
            "changed",
            Text(
                vi:
                    "nội dung đã thay đổi: SHA-256 khác với lúc làm (hỏng hoặc bị ghi đè); làm lại bằng kho pdf build \(item.ref) --force",
                en:
                    "content changed: SHA-256 differs from when it was built (damaged or overwritten); rebuild with kho pdf build \(item.ref) --force"
            ))
    }

    /// Its pages must be its masters', and its XMP must declare PDF/A.
    private func readBackProblems(_ info: PdfReadBack.Info, pages: Int) -> [PdfVerifyProblem] {
        var found: [PdfVerifyProblem] = []
        if pages != item.masterPages {
            found.append(
                problem(
                    "pages",
                    Text(
                        vi: "bản PDF có \(pages) trang, bản quét có \(item.masterPages)",
                        en: "the PDF has \(pages) pages, its masters \(item.masterPages)")))
        }
        if info.pdfa == nil {
            found.append(
                problem(
                    "not_pdfa",
                    Text(
                        vi: "XMP không khai báo PDF/A (pdfaid:part)",
                        en: "its XMP does not declare PDF/A (pdfaid:part)")))
        }
        return found
    }

    /// The text layer must not be empty on the pages where OCR found text.
    private func textLayerProblems(input: Int32) -> [PdfVerifyProblem] {
        guard let texts = PdfReadBack.pageTexts(item.path, tools: tools, input: input) else {
            return [
                problem(
                    "no_text", Text(vi: "pdftotext không đọc được lớp chữ", en: "pdftotext cannot read the text layer"))
            ]
        }
        let empty = item.textPages.filter {
            $0 > texts.count || texts[$0 - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        guard !empty.isEmpty else { return [] }
        let list = empty.prefix(10).map(String.init).joined(separator: ", ")
        return [
            problem(
                "no_text",
                Text(
                    vi: "lớp chữ trống ở trang \(list), nơi OCR đã đọc được chữ",
                    en: "the text layer is empty on page \(list), where OCR had found text"))
        ]
    }
}

/// A counter shared by threads.
private final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() -> Int {
        value.withLock { value in
            value += 1
            return value
        }
    }
}
