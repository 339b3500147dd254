import Foundation

/// A legal copy (PDF/A) as recorded: where it is, what it holds, how and from what it was made.
public struct PdfCopyView: Codable, Sendable, Hashable {
    public var ref: String
    public var archiveId: String
    public var path: String
    public var sha256: String
    public var pages: Int
    public var bytes: Int64
    /// As OCRmyPDF reported it, e.g. `PDF/A-2B`.
    public var pdfa: String
    public var ocrEngine: String
    public var ocrLanguage: String
    /// Mean confidence of the words Tesseract read, 0–100; nil when it read none.
    public var meanConfidence: Double?
    /// Pages on which OCR found text, counted from 1.
    public var textPages: [Int]
    public var seconds: Double
    public var builtAt: String
    public var verifiedAt: String?
    public var event: Int64

    enum CodingKeys: String, CodingKey {
        case ref, path, sha256, pages, bytes, pdfa, seconds, event
        case archiveId = "archive_id"
        case ocrEngine = "ocr_engine"
        case ocrLanguage = "ocr_language"
        case meanConfidence = "mean_confidence"
        case textPages = "text_pages"
        case builtAt = "built_at"
        case verifiedAt = "verified_at"
    }
}

/// The recorded copies (what a copy is made from is the ladder's: ``ScanStore/sources(fileId:)``).
enum PdfCopies {
    /// A recorded copy as `kho pdf list` shows it: times in local time, pages with text as numbers.
    static func view(_ copy: DeliveryStore.LatestCopy, time: LocalTime) -> PdfCopyView {
        func stamp(_ seconds: Int64?) -> String? {
            seconds.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) }
        }
        return PdfCopyView(
            ref: copy.ref, archiveId: copy.archiveId, path: copy.path, sha256: copy.sha256, pages: copy.pages,
            bytes: copy.bytes, pdfa: copy.pdfa, ocrEngine: copy.ocrEngine, ocrLanguage: copy.ocrLanguage,
            meanConfidence: copy.meanConfidence, textPages: pageList(copy.textPages), seconds: copy.seconds,
            builtAt: stamp(copy.builtAt) ?? "", verifiedAt: stamp(copy.verifiedAt), event: copy.event)
    }

    /// `1,2,5` as pages.
    static func pageList(_ text: String) -> [Int] {
        text.split(separator: ",").compactMap { Int($0) }
    }
}

extension KhoStore {
    /// The latest copy of every file that has one (of one box, or one file), in box and file order.
    public func pdfCopies(box: String? = nil, file: FileRef? = nil) throws -> [PdfCopyView] {
        try reading { tx in
            var scope = DeliveryStore.CopyScope.all
            if let file {
                scope = .file(try tx.catalogue.file(ref: file).1.id)
            } else if let box {
                scope = .box(try tx.catalogue.box(code: box).id)
            }
            return try tx.delivery.latestCopies(scope).map { PdfCopies.view($0, time: time) }
        }
    }
}

/// What the copies built so far measure, for the estimate's build time and PDF storage.
public struct DeliveryMeasures: Codable, Sendable, Hashable {
    /// Files with a copy, and the pages and bytes of their latest copies.
    public var copies = 0
    public var pages = 0
    public var bytes: Int64 = 0
    /// Bytes per delivered page (Σ bytes ÷ Σ pages of the latest copies); nil before the first copy.
    public var bytesPerPage: Double?
    /// Seconds one file being built takes per page (Σ seconds ÷ Σ pages of every copy ever built).
    public var secondsPerPage: Double?
    /// Pages per hour of build time on the machine, with its files built side by side (Σ pages ÷ Σ seconds ÷ files at once).
    public var pagesPerHour: Double?
    /// The machine the latest copy was built on: its cores, and how many files it built at once.
    public var cores: Int?
    public var jobs: Int?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case copies, pages, bytes, cores, jobs
        case bytesPerPage = "bytes_per_page"
        case secondsPerPage = "seconds_per_page"
        case pagesPerHour = "pages_per_hour"
    }
}

extension KhoStore {
    /// Pages, bytes and build time of the copies, measured from their rows.
    public func deliveryMeasures() throws -> DeliveryMeasures {
        try reading { tx in try tx.delivery.measures() }
    }
}
