import Foundation
import GRDB

extension KhoStore {
    /// The registered copies, the primary first, then by name; the primary's path is its scans root and PDF folder.
    public func copies() throws -> [CopySite] {
        try read { db in try Self.copies(db, catalogue: path) }
    }

    static func copies(_ db: Database, catalogue: String) throws -> [CopySite] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM copy_site WHERE removed_at IS NULL ORDER BY is_primary DESC, name")
        let primary = try primaryFolders(db, catalogue: catalogue)
        return rows.map { row in
            var site = CopySite(row: row)
            if site.isPrimary {
                site.path = [primary.scans, primary.pdf].compactMap { $0 }.joined(separator: " + ")
            }
            return site
        }
    }

    /// The primary's folders: the scans root most masters on disk were ingested from, and the PDF/A folder.
    ///
    /// The roots are found by one index seek each (`master_root_file`); only when there are several are their masters
    /// counted, so a catalogue with one scans root never reads its half a million masters for this.
    static func primaryFolders(_ db: Database, catalogue: String) throws -> (scans: String?, pdf: String?) {
        let roots = try scansRoots(db, onDisk: true)
        var scans = roots.first
        if roots.count > 1 {
            let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM master WHERE root = ? AND NOT missing")
            var most = -1
            for root in roots {
                let n = try Int.fetchOne(count, arguments: [root]) ?? 0
                if n > most { (scans, most) = (root, n) }
            }
        }
        let pdf = try? deliverySettings(db).resolvedFolder(catalogue: catalogue)
        return (scans, pdf)
    }

    /// The copy named `name` (case as registered), or an error listing the copies.
    static func copy(_ db: Database, named name: String, catalogue: String) throws -> CopySite {
        let all = try copies(db, catalogue: catalogue)
        guard let site = all.first(where: { $0.name == name.precomposedStringWithCanonicalMapping }) else {
            throw CopyError.unknownCopy(name, known: all.map(\.name))
        }
        return site
    }

    /// Registers a folder (a USB disk, a NAS share) as a copy and writes the marker at its root; an attributed event.
    ///
    /// The folder must exist (a disk is mounted before it is registered) and be no other copy's, nor inside or
    /// around the primary's folders.
    @discardableResult
    public func addCopy(
        name rawName: String, path rawPath: String, place rawPlace: String, offsite: Bool, by who: Attribution
    ) throws -> (site: CopySite, event: Event) {
        let name = rawName.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 40,
            name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" })
        else { throw CopyError.badName(rawName) }
        let place = rawPlace.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !place.isEmpty else { throw CopyError.emptyPlace }
        let folder = URL(fileURLWithPath: rawPath).standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw CopyError.folderMissing(folder)
        }
        guard isDir.boolValue else { throw CopyError.notAFolder(folder) }
        let marker = ULID.make(at: who.recordedAt)
        return try write { db in
            let existing = try Self.copies(db, catalogue: path)
            if existing.contains(where: { $0.name == name }) { throw CopyError.nameTaken(name) }
            for other in existing where !other.isPrimary && Self.overlaps(folder, other.path) {
                throw CopyError.samePath(folder, other: other.name)
            }
            let primary = try Self.primaryFolders(db, catalogue: path)
            for own in [primary.scans, primary.pdf].compactMap({ $0 }) where Self.overlaps(folder, own) {
                throw CopyError.insidePrimary(folder)
            }
            try SafeCopy.writeMarker(folder, id: marker, name: name)
            try db.execute(
                sql: """
                    INSERT INTO copy_site (name, path, place, offsite, marker, added_at) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [name, folder, place, offsite, marker, Int64(who.recordedAt.timeIntervalSince1970)])
            let id = db.lastInsertedRowID
            var event = Event(
                kind: .copiesAdd, attribution: who, time: time,
                detail: EventDetail(after: [
                    "name": name, "path": folder, "place": place, "offsite": offsite ? "yes" : "no",
                ]))
            try event.append(db)
            let row = try Row.fetchOne(db, sql: "SELECT * FROM copy_site WHERE id = ?", arguments: [id])
            guard let row else { throw CopyError.unknownCopy(name, known: []) }
            return (CopySite(row: row), event)
        }
    }

    /// Changes where a copy is kept (the primary's too), and whether off-site; an attributed event with before/after.
    @discardableResult
    public func editCopy(name: String, place rawPlace: String?, offsite: Bool?, by who: Attribution) throws -> Event {
        let place = rawPlace.map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        }
        if place?.isEmpty == true { throw CopyError.emptyPlace }
        return try write { db in
            let site = try Self.copy(db, named: name, catalogue: path)
            let newPlace = place ?? site.place
            let newOffsite = offsite ?? site.offsite
            try db.execute(
                sql: "UPDATE copy_site SET place = ?, offsite = ? WHERE id = ?",
                arguments: [newPlace, newOffsite, site.id])
            var event = Event(
                kind: .copiesEdit, attribution: who, time: time,
                detail: EventDetail(
                    before: ["name": site.name, "place": site.place, "offsite": site.offsite ? "yes" : "no"],
                    after: ["name": site.name, "place": newPlace, "offsite": newOffsite ? "yes" : "no"]))
            try event.append(db)
            return event
        }
    }

    /// Stops keeping track of a copy (its files are left on the disk); an attributed event. The primary stays.
    @discardableResult
    public func removeCopy(name: String, by who: Attribution) throws -> Event {
        try write { db in
            let site = try Self.copy(db, named: name, catalogue: path)
            if site.isPrimary { throw CopyError.primaryFixed(site.name) }
            try db.execute(
                sql: "UPDATE copy_site SET removed_at = ? WHERE id = ?",
                arguments: [Int64(who.recordedAt.timeIntervalSince1970), site.id])
            var event = Event(
                kind: .copiesRemove, attribution: who, time: time,
                detail: EventDetail(before: [
                    "name": site.name, "path": site.path, "place": site.place,
                    "offsite": site.offsite ? "yes" : "no",
                ]))
            try event.append(db)
            return event
        }
    }

    /// Whether a copy can be used now: its folder is there with the marker kho wrote (the primary: its scans root).
    public func availability(of site: CopySite) throws -> CopyAvailability {
        if site.isPrimary {
            let scans = try read { db in try Self.primaryFolders(db, catalogue: path).scans }
            guard let scans else { return .available }
            var isDir: ObjCBool = false
            let there = FileManager.default.fileExists(atPath: scans, isDirectory: &isDir) && isDir.boolValue
            return there ? .available : .unavailable
        }
        return SafeCopy.readMarker(site.path) == site.marker ? .available : .unavailable
    }

    /// Whether one folder is the other or lies inside it.
    static func overlaps(_ a: String, _ b: String) -> Bool {
        let x = a.hasSuffix("/") ? a : a + "/"
        let y = b.hasSuffix("/") ? b : b + "/"
        return x.hasPrefix(y) || y.hasPrefix(x)
    }

    /// Every master and latest PDF/A copy a copy should hold: content the catalogue has a SHA-256 for, in path order.
    ///
    /// `includeMissing` adds masters the last ingest did not find on the primary (for repair).
    static func copyItems(_ db: Database, fileId: Int64? = nil, includeMissing: Bool = false) throws -> [CopyItem] {
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

    /// What kho placed on (or found at) each path of a copy.
    static func copyRecords(_ db: Database, copyId: Int64) throws -> [String: CopyRecord] {
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

    /// Records what a copy holds at `rel` (placed, adopted, verified or found wrong).
    static func recordCopyFile(
        _ db: Database, copyId: Int64, rel: String, sha256: String, size: Int64, state: String, at stamp: Int64,
        verified: Bool
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

    /// Counts what a copy holds of the catalogue's current content and its open problems, and stores the figures.
    static func refreshTally(_ db: Database, site: CopySite, extraProblems: Int = 0) throws {
        let items = try copyItems(db)
        let records = try copyRecords(db, copyId: site.id)
        var masterFiles = 0
        var pdfFiles = 0
        var masterBytes: Int64 = 0
        var pdfBytes: Int64 = 0
        var problems = extraProblems
        for item in items {
            let record = records[item.rel]
            // The primary holds what the catalogue says it holds, unless an audit or repair found otherwise.
            let held = record.map { $0.state == "ok" && $0.sha256 == item.sha256 } ?? site.isPrimary
            if let record, record.state != "ok" { problems += 1 }
            guard held else { continue }
            if item.kind == .master {
                masterFiles += 1
                masterBytes += item.size
            } else {
                pdfFiles += 1
                pdfBytes += item.size
            }
        }
        try db.execute(
            sql: """
                UPDATE copy_site SET master_files = ?, master_bytes = ?, pdf_files = ?, pdf_bytes = ?, problems = ?
                WHERE id = ?
                """, arguments: [masterFiles, masterBytes, pdfFiles, pdfBytes, problems, site.id])
    }
}
