import Foundation
import GRDB

/// The legal copies (PDF/A) as one transaction reads and writes them: their settings, their rows (`pdf_copy`,
/// `pdf_text`) and what a copy is built from; the archival codes' rows are in Codes' `ArchiveCodeStore`.
struct DeliveryStore {
    let db: Database

    // MARK: Settings

    /// The settings stored as JSON; nil when none were set.
    func settingsJSON() throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'pdf'")
    }

    /// The catalogue's settings for the legal copies (defaults when none were set, or when they cannot be read).
    func settings() throws -> DeliverySettings {
        guard let json = try settingsJSON(),
            let settings = try? JSONDecoder().decode(DeliverySettings.self, from: Data(json.utf8))
        else { return DeliverySettings() }
        return settings
    }

    /// Stores the settings, as JSON.
    func saveSettings(json: String) throws {
        try db.execute(
            sql:
                "INSERT INTO setting (key, value) VALUES ('pdf', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [json])
    }

    /// The scans roots and the registered copies' folders (Store's) and the settings: what no output may write over.
    func protection() throws -> (
        scansRoots: [String], settings: DeliverySettings, copies: [ProtectedPaths.CopyFolder]
    ) {
        (try KhoStore.scansRoots(db), try settings(), try KhoStore.copyFolders(db))
    }

    // MARK: Copies

    /// Which files' latest copies ``latestCopies(_:)`` reads.
    enum CopyScope {
        case all
        case file(Int64?)
        case box(Int64?)
        /// Those not checked (or, never checked, not built) since this time (seconds).
        case notCheckedSince(Int64)
    }

    /// The latest copy of a file, as recorded, with the file's ref and scan state.
    struct LatestCopy {
        var id: Int64
        var fileId: Int64
        var ref: String
        var scanState: String
        var archiveId: String
        var path: String
        var sha256: String
        var pages: Int
        var bytes: Int64
        var pdfa: String
        var ocrEngine: String
        var ocrLanguage: String
        var meanConfidence: Double?
        /// Pages with text, `1,2,5`.
        var textPages: String
        var seconds: Double
        var builtAt: Int64?
        var verifiedAt: Int64?
        var event: Int64
    }

    /// The latest copy of each file in `scope`, in box and file order.
    func latestCopies(_ scope: CopyScope) throws -> [LatestCopy] {
        let (condition, arguments): (String, StatementArguments) =
            switch scope {
            case .all: ("1", [])
            case .file(let id): ("c.file_id = ?", [id])
            case .box(let id): ("fi.box_id = ?", [id])
            case .notCheckedSince(let stamp): ("COALESCE(c.verified_at, c.built_at) <= ?", [stamp])
            }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, b.code || '/' || fi.code AS ref, fi.scan_state AS scan_state
                FROM pdf_copy c JOIN file fi ON fi.id = c.file_id JOIN box b ON b.id = fi.box_id
                WHERE c.id = (SELECT MAX(c2.id) FROM pdf_copy c2 WHERE c2.file_id = c.file_id) AND (\(condition))
                ORDER BY b.code, fi.code
                """, arguments: arguments
        ).map { row in
            LatestCopy(
                id: row["id"], fileId: row["file_id"], ref: row["ref"], scanState: row["scan_state"],
                archiveId: row["archive_id"], path: row["path"], sha256: row["sha256"], pages: row["pages"],
                bytes: row["bytes"], pdfa: row["pdfa"], ocrEngine: row["ocr_engine"], ocrLanguage: row["ocr_language"],
                meanConfidence: row["mean_confidence"], textPages: row["text_pages"], seconds: row["seconds"],
                builtAt: row["built_at"], verifiedAt: row["verified_at"], event: row["event_id"])
        }
    }

    /// Gives the copies `ids` their check time.
    func markVerified(_ ids: [Int64], at stamp: Int64) throws {
        let update = try db.makeStatement(sql: "UPDATE pdf_copy SET verified_at = ? WHERE id = ?")
        for id in ids { try update.execute(arguments: [stamp, id]) }
    }

    /// Pages, bytes and build time of the copies, measured from their rows.
    func measures() throws -> DeliveryMeasures {
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

    // MARK: Building

    /// The files that are not secret (of `files` and `boxes` when given), in box and file order, with their latest
    /// copy.
    func candidates(among chosen: (files: Set<Int64>, boxes: Set<Int64>)?) throws -> [KhoStore.Candidate] {
        var conditions: [SQL] = ["fi.access != 'secret'"]
        if let chosen {
            var any: [SQL] = []
            if !chosen.files.isEmpty { any.append("fi.id IN \(chosen.files.sorted())") }
            if !chosen.boxes.isEmpty { any.append("fi.box_id IN \(chosen.boxes.sorted())") }
            conditions.append("(\(any.joined(separator: " OR ")))")
        }
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT fi.id AS file_id, fi.box_id, b.fonds_id, b.code AS box_code, fi.code AS file_code, fo.code AS fonds_code,
                           fo.name AS fonds_name, fi.title, fi.start_year, fi.end_year, fi.retention,
                           fi.scan_state, c.path AS copy_path, c.bytes AS copy_bytes
                    FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds fo ON fo.id = b.fonds_id
                    LEFT JOIN pdf_copy c ON c.id = (SELECT MAX(c2.id) FROM pdf_copy c2 WHERE c2.file_id = fi.id)
                    WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY b.code, fi.code
                    """))
        return rows.map { row -> KhoStore.Candidate in
            let copyPath: String? = row["copy_path"]
            let copyBytes: Int64? = row["copy_bytes"]
            return KhoStore.Candidate(
                fileId: row["file_id"], boxId: row["box_id"], fondsId: row["fonds_id"],
                ref: "\(row["box_code"] as String)/\(row["file_code"] as String)", fondsCode: row["fonds_code"],
                fondsName: row["fonds_name"], title: row["title"], startYear: row["start_year"],
                endYear: row["end_year"],
                retention: row["retention"], state: ScanState(rawValue: row["scan_state"]) ?? .none,
                copy: copyPath.flatMap { p in copyBytes.map { (p, $0) } })
        }
    }

    /// The masters of file `fileId` on disk, in name order.
    func masters(ofFile fileId: Int64) throws -> [PdfJobMaster] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT disk_path, name, sha256, size, pages FROM master WHERE file_id = ? AND NOT missing ORDER BY name
                """, arguments: [fileId]
        ).map {
            PdfJobMaster(
                path: $0["disk_path"], name: $0["name"], sha256: $0["sha256"],
                size: UInt64(max(0, $0["size"] as Int64)),
                pages: $0["pages"])
        }
    }

    /// Records the copy `built` for `job`, written by event `event`: how (`ocrEngine`, `ocrLanguage`, `tools` and
    /// `settings`, as JSON) and when.
    func insertCopy(
        _ job: PdfJob, built: PdfBuilt, event: Int64?, ocrEngine: String, ocrLanguage: String, tools: String,
        settings: String, builtAt: Int64
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine, ocr_language, tools,
                                      mean_confidence, text_pages, seconds, settings, sources, built_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                job.file.fileId, event, job.archiveId, job.target, built.sha256, built.pages, built.bytes,
                built.pdfa,
                ocrEngine, ocrLanguage, tools, built.meanConfidence,
                built.textPages.map(String.init).joined(separator: ","), built.seconds, settings, job.sources,
                builtAt,
            ])
    }

    /// Gives file `fileId` the text layer `text` of its copy, for `kho search`.
    func replaceText(fileId: Int64, text: String) throws {
        // Delete then insert (not REPLACE, whose delete does not fire the index's trigger).
        try db.execute(sql: "DELETE FROM pdf_text WHERE file_id = ?", arguments: [fileId])
        try db.execute(sql: "INSERT INTO pdf_text (file_id, text) VALUES (?, ?)", arguments: [fileId, text])
    }
}

extension Stores {
    /// The legal copies in this transaction.
    var delivery: DeliveryStore { DeliveryStore(db: db) }
}
