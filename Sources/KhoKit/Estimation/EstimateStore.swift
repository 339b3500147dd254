import Foundation
import GRDB
import KhoEstimation

/// What an estimate reads from the catalogue and the log, as one transaction reads it, and the saved estimates.
struct EstimateStore {
    let db: Database

    /// One live work event (`sort.start`, `sort.finish`, `scan.record`, `scan.ingest`; opening balances left out).
    struct WorkEvent {
        var kind: String
        var actor: String
        var day: String
        var metresMM: Int64
        var pages: Int
        var boxId: Int64?
    }

    /// The live work events, as the log stood on `asOf` (when given) and as it was known before `knownUntil`
    /// (Unix seconds, when given): the same limits on the events and on the events that undo or supersede them.
    func workEvents(asOf: LocalDay?, knownUntil: Int64?) throws -> [WorkEvent] {
        var limits: [(event: SQL, later: SQL)] = []
        if let asOf {
            limits.append(("e.happened_day <= \(asOf.description)", "later.happened_day <= \(asOf.description)"))
        }
        if let knownUntil { limits.append(("e.recorded_at < \(knownUntil)", "later.recorded_at < \(knownUntil)")) }
        let live: SQL =
            limits.isEmpty
            ? "\(sql: LiveEvent.sql(alias: "e"))"
            : LiveEvent.literal(alias: "e", counting: limits.map(\.later).joined(separator: " AND "))
        let filter = limits.map { " AND \($0.event)" as SQL }.joined()
        let sql: SQL = """
            SELECT e.kind, e.actor, e.happened_day, COALESCE(\(sql: Bounds.sql("e.metres_mm")), 0) AS metres_mm,
                   COALESCE(\(sql: Bounds.sql("e.pages")), 0) AS pages, e.box_id FROM event e
            WHERE e.kind IN ('sort.start', 'sort.finish', 'scan.record', 'scan.ingest') AND NOT e.opening \(filter)
              AND \(live)
            """
        return try Row.fetchAll(db, SQLRequest<Row>(literal: sql)).map {
            WorkEvent(
                kind: $0["kind"], actor: $0["actor"], day: $0["happened_day"], metresMM: $0["metres_mm"],
                pages: $0["pages"], boxId: $0["box_id"])
        }
    }

    /// When the newest event was recorded, and the latest day work is dated; nil for an empty log.
    func latestEvent() throws -> (recorded: Int64, day: String)? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT MAX(recorded_at) AS recorded_at, MAX(happened_day) AS happened_day FROM event"),
            let recorded: Int64 = row["recorded_at"], let day: String = row["happened_day"]
        else { return nil }
        return (recorded, day)
    }

    /// The files of one box in one scanning state, permanent or not, added up.
    struct FileGroup {
        var boxId: Int64
        var state: ScanState
        var permanent: Bool
        var files: Int
        var withSheets: Int
        var sheets: Int
        var pages: Int
        var pagesWithSheets: Int
    }

    /// The files that are not secret, grouped by box, scanning state and permanence.
    func fileGroups() throws -> [FileGroup] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT box_id, scan_state, retention = 'permanent' AS permanent, COUNT(*) AS files, COUNT(sheets) AS with_sheets,
                       COALESCE(SUM(\(Bounds.sql("sheets"))), 0) AS sheets, COALESCE(SUM(\(Bounds.sql("pages"))), 0) AS pages,
                       COALESCE(SUM(CASE WHEN sheets > 0 THEN \(Bounds.sql("pages")) END), 0) AS pages_with_sheets
                FROM file WHERE access != 'secret' GROUP BY box_id, scan_state, retention = 'permanent'
                """
        ).map {
            FileGroup(
                boxId: $0["box_id"], state: ScanState(rawValue: $0["scan_state"]) ?? .none,
                permanent: $0["permanent"] ?? false, files: $0["files"], withSheets: $0["with_sheets"],
                sheets: $0["sheets"], pages: $0["pages"], pagesWithSheets: $0["pages_with_sheets"])
        }
    }

    /// The bytes of every master on disk, from two covering indexes (hashed ones by `master_copy_expected`, the few
    /// never hashed by `master_unsound`), never by reading every master's row.
    func storedBytes() throws -> Int64 {
        let size = Bounds.sql("size")
        return try Int64.fetchOne(
            db,
            sql: """
                SELECT (SELECT COALESCE(SUM(\(size)), 0) FROM master INDEXED BY master_copy_expected
                        WHERE sha256 IS NOT NULL AND NOT missing)
                     + (SELECT COALESCE(SUM(\(size)), 0) FROM master INDEXED BY master_unsound
                        WHERE NOT missing AND (NOT readable OR sha256 IS NULL) AND sha256 IS NULL)
                """) ?? 0
    }

    /// How many masters passed QC, and the middle one or two of their bytes per page: every one read from the
    /// master_bytes_per_page index (covering, in id order: 500,000 masters are 4 MB), then selected.
    func bytesPerPageMiddle() throws -> (count: Int, middle: [Double]) {
        var values: [Double] = []
        try DirectStatement(
            db,
            sql: """
                SELECT size, pages FROM master INDEXED BY master_bytes_per_page
                WHERE readable AND NOT missing AND problem_count = 0 AND pages > 0 AND size > 0
                """
        ).rows { row in values.append(Double(row.int64(0)) / Double(row.int64(1))) }
        return (values.count, Self.middle(of: &values))
    }

    /// The middle one (odd count) or two (even count) of `values`, smallest first; none when there are none.
    /// Reorders `values`.
    static func middle(of values: inout [Double]) -> [Double] {
        guard !values.isEmpty else { return [] }
        values.sort()
        let low = (values.count - 1) / 2
        return values.count.isMultiple(of: 2) ? [values[low], values[low + 1]] : [values[low]]
    }

    /// Over the registered files that are not secret (permanent ones when `permanentOnly`; in fonds `fondsId` when
    /// given): how many, how many have documents, their documents, and the pages of those with pages counted.
    func documentMeasures(
        permanentOnly: Bool, fondsId: Int64?
    ) throws -> (files: Int, described: Int, documents: Int, pages: Int, counted: Int)? {
        var scope: SQL = "f.access != 'secret'"
        if permanentOnly { scope += " AND f.retention = 'permanent'" }
        if let fondsId { scope += " AND f.box_id IN (SELECT id FROM box WHERE fonds_id = \(fondsId))" }
        guard
            let row = try Row.fetchOne(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT COUNT(*) AS files,
                               COALESCE(SUM(CASE WHEN d.n > 0 THEN 1 ELSE 0 END), 0) AS described,
                               COALESCE(SUM(d.n), 0) AS documents,
                               COALESCE(SUM(d.pages), 0) AS pages, COALESCE(SUM(d.counted), 0) AS counted
                        FROM file f LEFT JOIN (SELECT file_id, COUNT(*) AS n, SUM(pages) AS pages, COUNT(pages) AS counted
                                               FROM document GROUP BY file_id) d ON d.file_id = f.id
                        WHERE \(scope)
                        """))
        else { return nil }
        return (row["files"], row["described"], row["documents"], row["pages"], row["counted"])
    }

    /// The pages of digitized files without a current copy (passed QC, a copy to rebuild, or recorded by hand),
    /// not secret; permanent ones when `permanentOnly`; in fonds `fondsId` when given.
    func pagesAwaitingCopy(permanentOnly: Bool, fondsId: Int64?) throws -> Int64 {
        var sql: SQL = """
            SELECT COALESCE(SUM(\(sql: Bounds.sql("f.pages"))), 0) FROM file f JOIN box b ON b.id = f.box_id
            WHERE f.scan_state IN ('passed', 'recorded', 'rebuild') AND f.access != 'secret'
            """
        if permanentOnly { sql += " AND f.retention = 'permanent'" }
        if let fondsId { sql += " AND b.fonds_id = \(fondsId)" }
        return try Int64.fetchOne(db, SQLRequest<Int64>(literal: sql)) ?? 0
    }
}

extension EstimateStore {
    /// Whether an estimate is saved as `name`.
    func savedEstimateExists(_ name: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT 1 FROM saved_estimate WHERE name = ?", arguments: [name]) != nil
    }

    /// Saves an estimate's inputs and result (JSON) under `name`.
    func insertSavedEstimate(name: String, by who: Attribution, version: String, inputs: String, result: String) throws
    {
        try db.execute(
            sql: """
                INSERT INTO saved_estimate (name, actor, recorder, created_at, version, inputs, result) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                name, who.actor, who.recorder, Int64(who.recordedAt.timeIntervalSince1970), version, inputs, result,
            ])
    }

    /// The estimates saved (the one named `name` when given), oldest first, with local times in `time`.
    func savedEstimates(named name: String? = nil, time: LocalTime) throws -> [SavedEstimate] {
        let rows =
            try name.map {
                try Row.fetchAll(db, sql: "SELECT * FROM saved_estimate WHERE name = ?", arguments: [$0])
            } ?? Row.fetchAll(db, sql: "SELECT * FROM saved_estimate ORDER BY id")
        let decoder = JSONDecoder()
        return try rows.map { row in
            SavedEstimate(
                name: row["name"], actor: row["actor"],
                createdAt: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(row["created_at"] as Int64))),
                version: row["version"],
                inputs: try decoder.decode(EstimateInputs.self, from: Data((row["inputs"] as String).utf8)),
                result: try decoder.decode(EstimateResult.self, from: Data((row["result"] as String).utf8)))
        }
    }
}

extension Stores {
    /// What an estimate reads, in this transaction.
    var estimate: EstimateStore { EstimateStore(db: db) }
}
