import Foundation
import GRDB
import KhoTIFF

// What an ingest reads from the catalogue before it starts, and writes per catalogue file (inside the batch's
// transaction); cached statements throughout: these run once per master or per file, and those run per master bind
// their values through SQLite's C API (``DirectStatement``).

extension IngestCatalogue {
    /// Only what this ingest can touch: the files of the folders walked and of the masters ingested from `root`
    /// before, one index seek each (a catalogue of 8.000 files costs an ingest of 120 folders what one of 120 does).
    init(_ scan: ScanStore, root: String, folders: [ScanFolder]) throws {
        let db = scan.db
        let byCode = try db.cachedStatement(
            sql: "SELECT f.id, f.access FROM file f JOIN box b ON b.id = f.box_id WHERE b.code = ? AND f.code = ?")
        for folder in folders {
            guard let row = try Row.fetchOne(byCode, arguments: [folder.box, folder.file]) else { continue }
            files["\(folder.box)/\(folder.file)"] = KnownFile(id: row["id"], access: row["access"])
        }
        let fromRoot = try loadMasters(scan, root: root, folders: folders)
        let byId = try db.cachedStatement(
            sql:
                "SELECT b.code AS box_code, f.code AS file_code, f.access FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?"
        )
        for id in fromRoot {
            guard let row = try Row.fetchOne(byId, arguments: [id]) else { continue }
            files["\(row["box_code"] as String)/\(row["file_code"] as String)"] = KnownFile(
                id: id, access: row["access"])
        }
        registered = try RegistrationTimes(scan, files: files.values.map(\.id))
    }

    /// The masters under a folder walked now (whatever root they were ingested from), and every master ingested from
    /// this root before whose folder is not on disk any more (a folder removed whole). Never the whole table: masters
    /// ingested from another root and not walked now cannot change or go missing in this ingest, so a catalogue of
    /// 500.000 masters costs an ingest of 3.000 new ones what an empty one does.
    /// Returns the files with masters from this root whose folders were not walked.
    private mutating func loadMasters(_ scan: ScanStore, root: String, folders: [ScanFolder]) throws -> [Int64] {
        let db = scan.db
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

extension RegistrationTimes {
    /// The registration times of the files `ids` (one seek each: an ingest asks about the files it touches, never
    /// the whole catalogue).
    init(_ scan: ScanStore, files ids: some Sequence<Int64>) throws {
        let db = scan.db
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
}

/// The file an ingest writes: its box, fonds and sheets.
struct IngestTarget {
    var boxId: Int64
    var fondsId: Int64?
    var sheets: Int?
}

/// A master's row before an ingest writes it again.
struct PreviousMaster {
    var id: Int64
    var sha256: String?
    /// Whether it passed its checks (readable, no problem).
    var checked: Bool
    var seenSHA256: String?
    var changedAt: Int64?
}

extension ScanStore {
    /// A master's row as an ingest writes it; a new master is inserted with it, a recorded one upserted.
    private static let insertMaster = """
        INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, sha256, pages,
                            readable, profile, problems, problem_count, metadata, scanned_at, ingested_at, missing,
                            seen_sha256, changed_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
        """

    private static let upsertMaster =
        insertMaster + """

            ON CONFLICT(rel_path) DO UPDATE SET
                file_id = excluded.file_id, root = excluded.root, disk_path = excluded.disk_path, name = excluded.name,
                device = excluded.device, inode = excluded.inode, size = excluded.size, mtime_ns = excluded.mtime_ns,
                ctime_ns = excluded.ctime_ns, sha256 = excluded.sha256, pages = excluded.pages, readable = excluded.readable,
                profile = excluded.profile, problems = excluded.problems, problem_count = excluded.problem_count,
                metadata = excluded.metadata, scanned_at = excluded.scanned_at, ingested_at = excluded.ingested_at,
                verified_at = NULL, missing = 0, lost_event = NULL, seen_sha256 = excluded.seen_sha256, changed_at = excluded.changed_at
            """

    /// Writes master `m` of file `fileId` as read now: inserted when new, upserted when `replacing` its row (a plain
    /// insert spares SQLite the statement journal an upsert needs: its update half writes a table other tables refer
    /// to, 30 % of the cost of the insert), with its digest for the duplicate check (``MasterDigests``). Returns the
    /// row's id when inserted.
    func writeMaster(
        _ m: ReadMaster, fileId: Int64, root: String, profile: String, reference: String?, problems: String,
        problemCount: Int, seen: String?, changedAt: Int64?, now: Date, replacing: Bool
    ) throws -> Int64 {
        let id = m.disk.identity
        let write = try DirectStatement(db, sql: replacing ? Self.upsertMaster : Self.insertMaster)
        try write.execute { v in
            v.int64(fileId)
            v.text(m.disk.relPath)
            v.text(root)
            v.text(m.disk.diskPath)
            v.text(m.disk.name)
            v.int64(id.device)
            v.int64(id.inode)
            v.int64(id.size)
            v.int64(id.mtimeNS)
            v.int64(id.ctimeNS)
            v.text(reference)
            v.int(m.result.pageCount)
            v.bool(m.result.isReadable)
            v.text(profile)
            v.text(problems)
            v.int(problemCount)
            v.text(m.metadata)
            v.int64(Int64(m.scannedAt.timeIntervalSince1970))
            v.int64(Int64(now.timeIntervalSince1970))
            v.text(seen)
            v.int64(changedAt)
        }
        let row = write.lastInsertedRowID
        if replacing {
            // An update changes the digest through its trigger; an upsert that found no row inserted one.
            try DirectStatement(db, sql: Self.digestOfRecorded).execute { $0.text(m.disk.relPath) }
        } else if let reference {
            try DirectStatement(db, sql: Self.insertDigest).execute { v in
                v.int64(row)
                v.text(reference)
            }
        }
        return row
    }

    /// The digest of a master just inserted (no trigger does it: see migration v18).
    private static let insertDigest = "INSERT INTO master_digest (master_id, prefix) VALUES (?, substr(?, 1, 12))"

    /// The digest of the master at a path, when it has a SHA-256 and no digest yet.
    private static let digestOfRecorded = """
        INSERT INTO master_digest (master_id, prefix)
        SELECT id, substr(sha256, 1, 12) FROM master m WHERE rel_path = ? AND sha256 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM master_digest d WHERE d.master_id = m.id)
        """

    /// The row of the master at `rel` before this ingest writes it; nil when there is none.
    func previousMaster(rel: String) throws -> PreviousMaster? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT id, sha256, readable AND problem_count = 0 AS checked, seen_sha256, changed_at FROM master WHERE rel_path = ?
                        """), arguments: [rel])
        else { return nil }
        return PreviousMaster(
            id: row["id"], sha256: row["sha256"], checked: row["checked"], seenSHA256: row["seen_sha256"],
            changedAt: row["changed_at"])
    }

    /// Another master on record (not missing, not at `rel`) with content `sha`, as reference or as last seen: the
    /// first by path; nil when there is none. The digest is found by its prefix among the merged and the recent
    /// digests (``MasterDigests``), then compared whole.
    func duplicate(of sha: String, notAt rel: String) throws -> String? {
        try DirectStatement(
            db,
            sql: """
                SELECT MIN(rel_path) FROM (
                    SELECT m.rel_path FROM master_digest d JOIN master m ON m.id = d.master_id
                    WHERE d.prefix = substr(?1, 1, 12) AND d.merged = 1
                      AND m.sha256 = ?1 AND m.rel_path != ?2 AND NOT m.missing
                    UNION ALL
                    SELECT m.rel_path FROM master_digest d JOIN master m ON m.id = d.master_id
                    WHERE d.prefix = substr(?1, 1, 12) AND d.merged = 0
                      AND m.sha256 = ?1 AND m.rel_path != ?2 AND NOT m.missing
                    UNION ALL
                    SELECT rel_path FROM master WHERE seen_sha256 = ?1 AND rel_path != ?2 AND NOT missing)
                """
        ).text { v in
            v.text(sha)
            v.text(rel)
        }
    }

    /// Marks the master at `rel` as missing from disk.
    func markMissing(rel: String) throws {
        try db.execute(sql: "UPDATE master SET missing = 1 WHERE rel_path = ?", arguments: [rel])
    }

    /// The box, fonds and sheets of file `fileId`; nil when there is no such file.
    func ingestTarget(fileId: Int64) throws -> IngestTarget? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT f.box_id, b.fonds_id, f.scan_state, f.sheets FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?
                        """), arguments: [fileId])
        else { return nil }
        return IngestTarget(boxId: row["box_id"], fondsId: row["fonds_id"], sheets: row["sheets"])
    }

    /// The file's latest live hand record or ingest (which a new ingest supersedes); nil when there is none.
    func latestLiveScanEvent(fileId: Int64) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT id FROM event e WHERE file_id = ? AND kind IN ('scan.record', 'scan.ingest')
                      AND \(LiveEvent.sql(alias: "e"))
                    ORDER BY id DESC LIMIT 1
                    """), arguments: [fileId])
    }

    /// Adds `sha` (of `size` bytes) to master `master`'s hash history, since `since`, for `reason`, by `event`.
    func addHash(master: Int64, sha: String, size: Int64, since: Int64, reason: String, event: Int64?) throws {
        try DirectStatement(
            db,
            sql: """
                INSERT INTO master_hash (master_id, sha256, size, since, reason, event_id) VALUES (?, ?, ?, ?, ?, ?)
                """
        ).execute { v in
            v.int64(master)
            v.text(sha)
            v.int64(size)
            v.int64(since)
            v.text(reason)
            v.int64(event)
        }
    }

    /// The name in the stored default profile, if one is stored and reads as JSON.
    func storedProfileName() throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT json_extract(value, '$.name') FROM setting WHERE key = 'qc_profile' AND json_valid(value)")
    }

    /// Stores the default profile (JSON).
    func setStoredProfile(json: String) throws {
        try db.execute(
            sql:
                "INSERT INTO setting (key, value) VALUES ('qc_profile', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [json])
    }
}
