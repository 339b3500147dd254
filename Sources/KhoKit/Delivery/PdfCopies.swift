import Foundation
import GRDB

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

/// The recorded copies (what a copy is made from is the ladder's: ``FileLadder/sources(_:fileId:)``).
enum PdfCopies {
    /// The latest copy of each file (of `fileIds`, or every file), as rows of `pdf_copy` with the file's ref.
    static func latest(
        _ db: Database, where condition: String = "1", arguments: StatementArguments = []
    ) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, b.code || '/' || fi.code AS ref, fi.scan_state AS scan_state
                FROM pdf_copy c JOIN file fi ON fi.id = c.file_id JOIN box b ON b.id = fi.box_id
                WHERE c.id = (SELECT MAX(c2.id) FROM pdf_copy c2 WHERE c2.file_id = c.file_id) AND (\(condition))
                ORDER BY b.code, fi.code
                """, arguments: arguments)
    }

    static func view(_ row: Row, time: LocalTime) -> PdfCopyView {
        func stamp(_ seconds: Int64?) -> String? {
            seconds.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) }
        }
        return PdfCopyView(
            ref: row["ref"], archiveId: row["archive_id"], path: row["path"], sha256: row["sha256"],
            pages: row["pages"],
            bytes: row["bytes"], pdfa: row["pdfa"], ocrEngine: row["ocr_engine"], ocrLanguage: row["ocr_language"],
            meanConfidence: row["mean_confidence"], textPages: pageList(row["text_pages"]), seconds: row["seconds"],
            builtAt: stamp(row["built_at"]) ?? "", verifiedAt: stamp(row["verified_at"]), event: row["event_id"])
    }

    /// `1,2,5` as pages.
    static func pageList(_ text: String) -> [Int] {
        text.split(separator: ",").compactMap { Int($0) }
    }
}

extension KhoStore {
    /// The latest copy of every file that has one (of one box, or one file), in box and file order.
    public func pdfCopies(box: String? = nil, file: FileRef? = nil) throws -> [PdfCopyView] {
        try read { db in
            var condition = "1"
            var arguments: StatementArguments = []
            if let file {
                let (_, f) = try Lookup.file(db, ref: file)
                condition = "c.file_id = ?"
                arguments = [f.id]
            } else if let box {
                let b = try Lookup.box(db, code: box)
                condition = "fi.box_id = ?"
                arguments = [b.id]
            }
            return try PdfCopies.latest(db, where: condition, arguments: arguments).map {
                PdfCopies.view($0, time: time)
            }
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
        try read { db in
            var m = DeliveryMeasures()
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS copies, COALESCE(SUM(pages), 0) AS pages, COALESCE(SUM(bytes), 0) AS bytes FROM pdf_copy c
                    WHERE c.id = (SELECT MAX(c2.id) FROM pdf_copy c2 WHERE c2.file_id = c.file_id)
                    """)
            {
                m.copies = row["copies"]
                m.pages = row["pages"]
                m.bytes = row["bytes"]
            }
            if m.pages > 0 { m.bytesPerPage = Double(m.bytes) / Double(m.pages) }
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT SUM(pages) AS pages, SUM(seconds) AS seconds,
                           SUM(seconds / MAX(COALESCE(json_extract(settings, '$.jobs'), 1), 1)) AS wall
                    FROM pdf_copy
                    """),
                let pages = row["pages"] as Int?, pages > 0, let seconds = row["seconds"] as Double?,
                let wall = row["wall"] as Double?, seconds > 0, wall > 0
            {
                m.secondsPerPage = seconds / Double(pages)
                m.pagesPerHour = Double(pages) / wall * 3600
            }
            if let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT json_extract(settings, '$.cores') AS cores, json_extract(settings, '$.jobs') AS jobs FROM pdf_copy ORDER BY id DESC LIMIT 1
                    """)
            {
                m.cores = row["cores"]
                m.jobs = row["jobs"]
            }
            return m
        }
    }
}
