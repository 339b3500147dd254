import GRDB

/// The registered copies (`copy_site`), what kho placed on each (`copy_file`) and what they should hold, as one
/// transaction reads and writes them.
struct CopyStore {
    let db: Database

    // MARK: Copies

    /// The copies not removed, the primary first, then by name; the primary's path is its scans and PDF/A folders.
    func sites(catalogue: String) throws -> [CopySite] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM copy_site WHERE removed_at IS NULL ORDER BY is_primary DESC, name")
        let primary = try primaryFolders(catalogue: catalogue)
        return rows.map { row in
            var site = CopySite(row: row)
            if site.isPrimary {
                site.path = [primary.scans, primary.pdf].compactMap { $0 }.joined(separator: " + ")
            }
            return site
        }
    }

    /// The primary's scans folder (the root holding most masters on disk) and PDF/A folder; nil when not set.
    func primaryFolders(catalogue: String) throws -> (scans: String?, pdf: String?) {
        let roots = try KhoStore.scansRoots(db, onDisk: true)
        var scans = roots.first
        if roots.count > 1 {
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM master WHERE root = ? AND NOT missing")
            var most = -1
            for root in roots {
                let n = try Int.fetchOne(count, arguments: [root]) ?? 0
                if n > most { (scans, most) = (root, n) }
            }
        }
        let pdf = try? DeliveryStore(db: db).settings().resolvedFolder(catalogue: catalogue)
        return (scans, pdf)
    }

    /// The registered copy whose folder is `folder`, lies inside it or holds it (``KhoStore/copyOverlapping(folder:)``).
    func copyOverlapping(folder: String) throws -> String? {
        try KhoStore.copyOverlapping(db, folder: folder)
    }

    /// Copy `id` as registered (its own path, even for the primary); nil when there is none.
    func site(id: Int64) throws -> CopySite? {
        try Row.fetchOne(db, sql: "SELECT * FROM copy_site WHERE id = ?", arguments: [id]).map(CopySite.init(row:))
    }

    /// Registers a copy; its id.
    func insertSite(
        name: String, path: String, place: String, offsite: Bool, marker: String, addedAt: Int64
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO copy_site (name, path, place, offsite, marker, added_at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, path, place, offsite, marker, addedAt])
        return db.lastInsertedRowID
    }

    /// Gives copy `id` its place and whether it is off site.
    func setPlace(id: Int64, place: String, offsite: Bool) throws {
        try db.execute(
            sql: "UPDATE copy_site SET place = ?, offsite = ? WHERE id = ?", arguments: [place, offsite, id])
    }

    /// Marks copy `id` removed at `stamp`.
    func markRemoved(id: Int64, at stamp: Int64) throws {
        try db.execute(sql: "UPDATE copy_site SET removed_at = ? WHERE id = ?", arguments: [stamp, id])
    }

    /// Records that copy `id` got a backup of the catalogue at `stamp`.
    func markCatalogueBackedUp(id: Int64, at stamp: Int64) throws {
        try db.execute(sql: "UPDATE copy_site SET catalogue_at = ? WHERE id = ?", arguments: [stamp, id])
    }

    /// Records that copy `id` was synced at `stamp`.
    func markSynced(id: Int64, at stamp: Int64) throws {
        try db.execute(sql: "UPDATE copy_site SET last_sync_at = ? WHERE id = ?", arguments: [stamp, id])
    }

    /// Records that copy `id` was audited at `stamp`.
    func markAudited(id: Int64, at stamp: Int64) throws {
        try db.execute(sql: "UPDATE copy_site SET last_audit_at = ? WHERE id = ?", arguments: [stamp, id])
    }

    /// Stores copy `id`'s tally: the masters and PDF/A copies it holds, and its open problems.
    func setTally(
        id: Int64, masterFiles: Int, masterBytes: Int64, pdfFiles: Int, pdfBytes: Int64, problems: Int
    ) throws {
        try db.execute(
            sql: """
                UPDATE copy_site SET master_files = ?, master_bytes = ?, pdf_files = ?, pdf_bytes = ?, problems = ?
                WHERE id = ?
                """, arguments: [masterFiles, masterBytes, pdfFiles, pdfBytes, problems, id])
    }

    // MARK: What a copy holds

    /// What every copy should hold: each master with a hash (of file `fileId`, or of all; missing ones too with
    /// `includeMissing`) and each file's latest PDF/A copy, masters first.
    func items(fileId: Int64? = nil, includeMissing: Bool = false) throws -> [CopyItem] {
        var items: [CopyItem] = []
        var masterSQL = """
            SELECT m.id, m.rel_path, m.disk_path, m.sha256, \(Bounds.sql("m.size")) AS size, b.code AS box_code, f.code AS file_code
            FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
            WHERE m.sha256 IS NOT NULL
            """
        if !includeMissing { masterSQL += " AND NOT m.missing" }
        if fileId != nil { masterSQL += " AND m.file_id = ?" }
        let arguments: StatementArguments = fileId.map { [$0] } ?? []
        for row in try Row.fetchAll(db, sql: masterSQL + " ORDER BY m.rel_path", arguments: arguments) {
            items.append(
                CopyItem(
                    kind: .master, rel: "scans/" + (row["rel_path"] as String), primaryPath: row["disk_path"],
                    sha256: row["sha256"], size: row["size"],
                    ref: "\(row["box_code"] as String)/\(row["file_code"] as String)", masterId: row["id"]))
        }
        var pdfSQL = """
            SELECT c.path, c.sha256, \(Bounds.sql("c.bytes")) AS bytes, b.code AS box_code, f.code AS file_code
            FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id
            WHERE c.id = (SELECT MAX(id) FROM pdf_copy l WHERE l.file_id = c.file_id)
            """
        if fileId != nil { pdfSQL += " AND c.file_id = ?" }
        for row in try Row.fetchAll(db, sql: pdfSQL + " ORDER BY c.path", arguments: arguments) {
            let path: String = row["path"]
            let parts = path.split(separator: "/").suffix(2).joined(separator: "/")
            items.append(
                CopyItem(
                    kind: .pdf, rel: "pdf/" + parts, primaryPath: path, sha256: row["sha256"], size: row["bytes"],
                    ref: "\(row["box_code"] as String)/\(row["file_code"] as String)", masterId: nil))
        }
        return items
    }

    /// What kho placed on copy `copyId`, by path in the copy.
    func records(copyId: Int64) throws -> [String: CopyRecord] {
        var records: [String: CopyRecord] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT rel_path, sha256, size, state, verified_at FROM copy_file WHERE copy_id = ?",
            arguments: [copyId])
        {
            records[row["rel_path"]] = CopyRecord(
                sha256: row["sha256"], size: row["size"], state: row["state"], verifiedAt: row["verified_at"])
        }
        return records
    }

    /// Records the state of a file on a copy (one cached statement: a sync records one per file).
    func recordFile(
        copyId: Int64, rel: String, sha256: String, size: Int64, state: String, at stamp: Int64, verified: Bool
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO copy_file (copy_id, rel_path, sha256, size, state, placed_at, verified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (copy_id, rel_path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size,
                    state = excluded.state, verified_at = COALESCE(excluded.verified_at, copy_file.verified_at)
                """)
        try statement.execute(arguments: [copyId, rel, sha256, size, state, stamp, verified ? stamp : nil])
    }

    /// Every hash a master has had accepted, by master id.
    func acceptedHashes() throws -> [Int64: Set<String>] {
        var out: [Int64: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT master_id, sha256 FROM master_hash") {
            out[row["master_id"], default: []].insert(row["sha256"])
        }
        return out
    }

    // MARK: Figures

    /// How many files and bytes every copy should hold: masters with a hash on disk, and latest PDF/A copies.
    func expected() throws -> (masters: (files: Int, bytes: Int64), pdfs: (files: Int, bytes: Int64)) {
        let masters = try Row.fetchOne(
            db,
            sql:
                """
                SELECT COUNT(*) AS n, COALESCE(SUM(\(Bounds.sql("size"))), 0) AS b FROM master INDEXED BY master_copy_expected
                WHERE sha256 IS NOT NULL AND NOT missing
                """
        )
        let pdfs = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(\(Bounds.sql("bytes"))), 0) AS b FROM pdf_copy c
                WHERE c.id = (SELECT MAX(id) FROM pdf_copy l WHERE l.file_id = c.file_id)
                """)
        func figures(_ row: Row?) -> (Int, Int64) { (row?["n"] ?? 0, row?["b"] ?? 0) }
        return (figures(masters), figures(pdfs))
    }

    /// What the preservation levels count in the catalogue and the copies.
    struct PreservationCounts {
        var masters = 0
        var unreadableMasters = 0
        var filesWithMasters = 0
        var filesUndescribed = 0
        var pdfUnverified = 0
        var auditedRecently = 0
        var catalogueOnCopies = 0
        var syncedCopies = 0
    }

    /// The preservation levels' counts; copies audited at or after `since` (seconds) count as audited recently.
    func preservationCounts(auditedSince since: Int64) throws -> PreservationCounts {
        var counts = PreservationCounts()
        counts.masters = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master WHERE NOT missing") ?? 0
        counts.unreadableMasters =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM master INDEXED BY master_unsound WHERE NOT missing AND (NOT readable OR sha256 IS NULL)
                    """)
            ?? 0
        counts.filesWithMasters =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM file f WHERE EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id AND NOT m.missing)
                    """) ?? 0
        counts.filesUndescribed =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM file f WHERE EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id AND NOT m.missing)
                    AND NOT EXISTS (SELECT 1 FROM document d WHERE d.file_id = f.id)
                    """) ?? 0
        counts.pdfUnverified =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM pdf_copy c WHERE c.verified_at IS NULL
                    AND c.id = (SELECT MAX(id) FROM pdf_copy l WHERE l.file_id = c.file_id)
                    """) ?? 0
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT SUM(last_audit_at >= ?) AS audited, SUM(catalogue_at IS NOT NULL) AS catalogued,
                       SUM(last_sync_at IS NOT NULL) AS synced
                FROM copy_site WHERE removed_at IS NULL
                """, arguments: [since])
        counts.auditedRecently = row?["audited"] ?? 0
        counts.catalogueOnCopies = row?["catalogued"] ?? 0
        counts.syncedCopies = row?["synced"] ?? 0
        return counts
    }
}

extension CopySite {
    /// A `copy_site` row.
    fileprivate init(row: Row) {
        id = row["id"]
        name = row["name"]
        path = row["path"]
        place = row["place"]
        offsite = row["offsite"]
        isPrimary = row["is_primary"]
        lastSyncAt = row["last_sync_at"]
        lastAuditAt = row["last_audit_at"]
        catalogueAt = row["catalogue_at"]
        masterFiles = row["master_files"]
        masterBytes = row["master_bytes"]
        pdfFiles = row["pdf_files"]
        pdfBytes = row["pdf_bytes"]
        problems = row["problems"]
        marker = row["marker"]
    }
}

extension Stores {
    /// The registered copies in this transaction.
    var copies: CopyStore { CopyStore(db: db) }
}
