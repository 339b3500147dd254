import Foundation
import GRDB

/// What `kho check` reads to hold the catalogue against its log, as one transaction reads it: each query returns
/// the rows a check looks at, as values.
struct IntegrityStore {
    let db: Database

    // MARK: SQLite and the schema

    /// `PRAGMA foreign_key_check`: each row that refers to a missing parent (at most 100).
    func foreignKeyProblems() throws -> [(table: String, rowid: Int64?, parent: String)] {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(100).map {
            ($0["table"], $0["rowid"], $0["parent"])
        }
    }

    /// Where the schema differs from what kho's migrations make for the migrations it holds (``CatalogueSchema``).
    func schemaDifferences() throws -> [SchemaDifference] { try CatalogueSchema.differences(db) }

    // MARK: Events

    /// Each event's id, kind and detail, where the detail is not empty, in log order.
    func forEachEventDetail(_ body: (_ id: Int64, _ kind: String, _ detail: String) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, detail FROM event WHERE detail != '{}' ORDER BY id")
        while let row = try rows.next() { try body(row["id"], row["kind"], row["detail"] ?? "") }
    }

    /// Each event's id, ULID, kind and the event it undoes, in log order.
    func forEachEvent(_ body: (_ id: Int64, _ uid: String, _ kind: String, _ undoes: Int64?) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, uid, kind, undoes FROM event ORDER BY id")
        while let row = try rows.next() { try body(row["id"], row["uid"], row["kind"], row["undoes"]) }
    }

    /// Each live `sort.finish`, with its box, when it happened, the metres it recorded, and the live `sort.start` of
    /// its box just before it (with when that happened).
    func finishes() throws -> [(
        box: String, finish: Int64, finishedAt: Int64, metresMM: Int64?, keptMM: Int64?, start: Int64?,
        startedAt: Int64?
    )] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.id AS finish_id, f.happened_at AS finished_at, f.metres_mm, f.kept_mm,
                       s.id AS start_id, s.happened_at AS started_at
                FROM event f JOIN box b ON b.id = f.box_id
                LEFT JOIN event s ON s.id = (
                    SELECT s.id FROM event s
                    WHERE s.box_id = f.box_id AND s.kind = 'sort.start' AND s.id < f.id AND \(LiveEvent.sql(alias: "s"))
                    ORDER BY s.id DESC LIMIT 1)
                WHERE f.kind = 'sort.finish' AND \(LiveEvent.sql(alias: "f"))
                ORDER BY f.id
                """
        ).map {
            (
                $0["box"], $0["finish_id"], $0["finished_at"], $0["metres_mm"], $0["kept_mm"], $0["start_id"],
                $0["started_at"]
            )
        }
    }

    /// One `supersedes` link: the event, what it names, and both files.
    struct Supersedes {
        var id: Int64
        var target: Int64
        var targetExists: Bool
        var targetKind: String?
        var fileId: Int64?
        var targetFileId: Int64?
        var ref: String?
        var targetRef: String?
    }

    /// Every `supersedes` link, in log order.
    func supersedesLinks() throws -> [Supersedes] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.supersedes, t.id AS target_id, t.kind AS target_kind, e.file_id,
                       t.file_id AS target_file_id, eb.code || '/' || ef.code AS ref, tb.code || '/' || tf.code AS target_ref
                FROM event e
                LEFT JOIN event t ON t.id = e.supersedes
                LEFT JOIN file ef ON ef.id = e.file_id LEFT JOIN box eb ON eb.id = ef.box_id
                LEFT JOIN file tf ON tf.id = t.file_id LEFT JOIN box tb ON tb.id = tf.box_id
                WHERE e.supersedes IS NOT NULL
                ORDER BY e.id
                """
        ).map {
            Supersedes(
                id: $0["id"], target: $0["supersedes"], targetExists: ($0["target_id"] as Int64?) != nil,
                targetKind: $0["target_kind"], fileId: $0["file_id"], targetFileId: $0["target_file_id"],
                ref: $0["ref"], targetRef: $0["target_ref"])
        }
    }

    /// Events that name a `column` (`fonds_id`, `box_id`, `file_id`) of `table` above the id the table ever gave
    /// and that no row has (at most 100).
    func eventsNamingUnknown(column: String, table: String) throws -> [(id: Int64, target: Int64)] {
        let mark = try RowIds.highestGiven(db, table: table)
        return try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.\(column) AS target FROM event e
                WHERE e.\(column) > ? AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = e.\(column))
                ORDER BY e.id LIMIT 100
                """, arguments: [mark]
        ).map { ($0["id"], $0["target"]) }
    }

    // MARK: Boxes and files

    /// A box as stored, for the checks against the log.
    struct StoredBox {
        var id: Int64
        var code: String
        var extent: Int64
        var state: String
        var kept: Int64?
        /// A box made by arranging another box is registered as arranged, keeping all of its extent.
        var madeByArrangement: Bool
    }

    /// Every box as stored.
    func storedBoxes() throws -> [StoredBox] {
        try Row.fetchAll(db, sql: "SELECT id, code, extent_mm, arrangement, kept_mm, from_box_id FROM box").map {
            StoredBox(
                id: $0["id"], code: $0["code"], extent: $0["extent_mm"], state: $0["arrangement"], kept: $0["kept_mm"],
                madeByArrangement: ($0["from_box_id"] as Int64?) != nil)
        }
    }

    /// The live arrangement events of boxes (`sort.start`, `sort.finish`, and `box.edit` with its detail), in log
    /// order.
    func arrangementEvents() throws -> [(boxId: Int64, kind: String, keptMM: Int64?, id: Int64, detail: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT box_id, kind, kept_mm, id, detail FROM event e
                WHERE kind IN ('sort.start', 'sort.finish', 'box.edit') AND box_id IS NOT NULL AND file_id IS NULL
                  AND \(LiveEvent.sql(alias: "e"))
                ORDER BY id
                """
        ).map { ($0["box_id"], $0["kind"], $0["kept_mm"], $0["id"], $0["detail"]) }
    }

    /// Every file as stored: its rung, pages and sheets.
    func storedFiles() throws -> [(id: Int64, box: String, file: String, state: String, pages: Int, sheets: Int?)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, b.code AS box, f.code AS file, f.scan_state, f.pages, f.sheets
                FROM file f JOIN box b ON b.id = f.box_id
                """
        ).map { ($0["id"], $0["box"], $0["file"], $0["scan_state"], $0["pages"], $0["sheets"]) }
    }

    // MARK: Masters and copies

    /// Files with masters but no ingest event (a half-written ingest), with how many masters.
    func mastersWithoutIngest() throws -> [(ref: String, masters: Int)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS masters
                FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.file_id = f.id AND e.kind = 'scan.ingest')
                GROUP BY f.id
                """
        ).map { ($0["ref"], $0["masters"]) }
    }

    /// Files that passed QC or were delivered with no master on record (not marked missing), by code.
    func digitizedWithoutMasters() throws -> [(ref: String, state: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, f.scan_state FROM file f JOIN box b ON b.id = f.box_id
                WHERE f.scan_state IN ('\(ScanState.passed.rawValue)', '\(ScanState.delivered.rawValue)')
                  AND NOT EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id AND NOT m.missing)
                ORDER BY b.code, f.code
                """
        ).map { ($0["ref"], $0["scan_state"]) }
    }

    /// One master on record, where it should be on disk.
    struct MasterOnRecord {
        var rel: String
        var diskPath: String
        var missing: Bool
        var lostEvent: Int64?
        var name: String
        var sha256: String?
        var ref: String
    }

    /// Every master on record, with its file.
    func forEachMaster(_ body: (MasterOnRecord) throws -> Void) throws {
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT m.rel_path, m.disk_path, m.missing, m.lost_event, m.name, m.sha256,
                       b.code || '/' || f.code AS ref FROM master m
                JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                """)
        while let row = try rows.next() {
            try body(
                MasterOnRecord(
                    rel: row["rel_path"], diskPath: row["disk_path"], missing: row["missing"],
                    lostEvent: row["lost_event"], name: row["name"], sha256: row["sha256"], ref: row["ref"]))
        }
    }

    /// Files whose masters on record (not missing) lie outside the folder `BOX/FILE/` of their codes: how many, and
    /// the first.
    func mastersOutsideTheirFolder() throws -> [(ref: String, masters: Int, first: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS masters, MIN(m.rel_path) AS first
                FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT m.missing
                  AND substr(m.rel_path, 1, length(b.code) + length(f.code) + 2) != b.code || '/' || f.code || '/'
                GROUP BY f.id ORDER BY b.code, f.code
                """
        ).map { ($0["ref"], $0["masters"], $0["first"]) }
    }

    /// Each file's latest PDF/A copy, with its fonds' code.
    func latestCopies() throws -> [(ref: String, fonds: String, path: String, archiveId: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, fo.code AS fonds, c.path, c.archive_id
                FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id JOIN fonds fo ON fo.id = b.fonds_id
                WHERE c.id = (SELECT MAX(id) FROM pdf_copy l WHERE l.file_id = c.file_id)
                ORDER BY b.code, f.code
                """
        ).map { ($0["ref"], $0["fonds"], $0["path"], $0["archive_id"]) }
    }

    /// Files with a PDF/A copy and no master on record at all: how many copies, and one of their paths.
    func copiesWithoutMasters() throws -> [(ref: String, copies: Int, path: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS copies, MAX(c.path) AS path
                FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id)
                GROUP BY f.id ORDER BY b.code, f.code
                """
        ).map { ($0["ref"], $0["copies"], $0["path"]) }
    }

    /// Masters whose digest for the duplicate check is missing or wrong, and digests of masters without a SHA-256
    /// (named `master ID`); at most 100.
    func digestMismatches() throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT m.rel_path FROM master m LEFT JOIN master_digest d ON d.master_id = m.id
                WHERE m.sha256 IS NOT NULL AND d.prefix IS NOT substr(m.sha256, 1, 12)
                UNION ALL
                SELECT 'master ' || d.master_id FROM master_digest d
                WHERE NOT EXISTS (SELECT 1 FROM master m WHERE m.id = d.master_id AND m.sha256 IS NOT NULL)
                LIMIT 100
                """)
    }
}

extension IntegrityStore {
    // MARK: Custody and locations

    /// One custody with its hand-out and return events as the log has them.
    struct CustodyRow {
        var boxId: Int64
        var fileId: Int64?
        var outEvent: Int64
        var inEvent: Int64?
        var boxCode: String
        var fileCode: String?
        var fileBoxId: Int64?
        var outKind: String?
        var outBoxId: Int64?
        var outFileId: Int64?
        var outLive: Bool
        var inKind: String?
        var inFileId: Int64?
        var inLive: Bool
    }

    /// Every custody, oldest first.
    func custodies() throws -> [CustodyRow] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.box_id, c.file_id, c.out_event_id, c.in_event_id, b.code AS box_code, f.code AS file_code,
                       f.box_id AS file_box_id, o.kind AS out_kind, o.box_id AS out_box_id, o.file_id AS out_file_id,
                       \(LiveEvent.sql(alias: "o")) AS out_live, i.kind AS in_kind, i.box_id AS in_box_id, i.file_id AS in_file_id,
                       CASE WHEN i.id IS NULL THEN 1 ELSE \(LiveEvent.sql(alias: "i")) END AS in_live
                FROM custody c JOIN box b ON b.id = c.box_id LEFT JOIN file f ON f.id = c.file_id
                LEFT JOIN event o ON o.id = c.out_event_id LEFT JOIN event i ON i.id = c.in_event_id
                ORDER BY c.id
                """
        ).map {
            CustodyRow(
                boxId: $0["box_id"], fileId: $0["file_id"], outEvent: $0["out_event_id"], inEvent: $0["in_event_id"],
                boxCode: $0["box_code"], fileCode: $0["file_code"], fileBoxId: $0["file_box_id"],
                outKind: $0["out_kind"], outBoxId: $0["out_box_id"], outFileId: $0["out_file_id"],
                outLive: $0["out_live"], inKind: $0["in_kind"], inFileId: $0["in_file_id"], inLive: $0["in_live"])
        }
    }

    /// Live hand-out and return events that have no custody.
    func custodyEventsWithoutCustody() throws -> [(id: Int64, kind: String)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.kind FROM event e
                WHERE e.kind IN ('custody.out', 'custody.in') AND \(LiveEvent.sql(alias: "e"))
                  AND NOT EXISTS (SELECT 1 FROM custody c WHERE c.out_event_id = e.id OR c.in_event_id = e.id)
                """
        ).map { ($0["id"], $0["kind"]) }
    }

    /// The risks stored for each marked location.
    func locationRisks() throws -> [(location: String, risks: String)] {
        try Row.fetchAll(db, sql: "SELECT location, risks FROM location_risk").map { ($0["location"], $0["risks"]) }
    }

    /// The details of the live `location.mark` events, in log order.
    func locationMarkDetails() throws -> [EventDetail] {
        try String.fetchAll(
            db,
            sql: """
                SELECT e.detail FROM event e WHERE e.kind = 'location.mark' AND \(LiveEvent.sql(alias: "e")) ORDER BY e.id
                """
        ).map { EventDetail(json: $0) }
    }
}

extension Stores {
    /// What `kho check` reads, in this transaction.
    var integrity: IntegrityStore { IntegrityStore(db: db) }
}
