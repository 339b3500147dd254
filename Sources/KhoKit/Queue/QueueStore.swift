import GRDB

/// The records the work queue ranks, as one transaction reads them.
struct QueueStore {
    let db: Database

    /// A box as received that is not arranged yet, with what its files say.
    struct UnarrangedBox {
        var boxId: Int64
        var box: String
        var fonds: String
        var location: String
        var condition: String
        var startYear: Int?
        var extentMM: Int64
        /// The distinct conditions of its files, comma-separated; nil when it has none.
        var fileConditions: String?
        /// The distinct retentions of its files (`?` when unknown), comma-separated; nil when it has none.
        var fileRetentions: String?
        var fileStartYear: Int?
    }

    /// A file not digitized yet (not scanned or needing a rescan) in an arranged box, never secret.
    struct UnscannedFile {
        var fileId: Int64
        var file: String
        var title: String?
        var fileCondition: String
        var retention: String?
        var fileStartYear: Int?
        var sheets: Int?
        var scanState: String
        var boxId: Int64
        var box: String
        var location: String
        var boxCondition: String
        var boxStartYear: Int?
        var fonds: String
    }

    /// Boxes as received (not made from another) whose arrangement has not started.
    func unarrangedBoxes() throws -> [UnarrangedBox] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.id AS box_id, b.code AS box_code, f.code AS fonds_code, b.location, b.condition, b.start_year, b.extent_mm,
                       (SELECT GROUP_CONCAT(DISTINCT x.condition) FROM file x WHERE x.box_id = b.id) AS file_conditions,
                       (SELECT GROUP_CONCAT(DISTINCT COALESCE(x.retention, '?')) FROM file x WHERE x.box_id = b.id)
                           AS file_retentions,
                       (SELECT MIN(x.start_year) FROM file x WHERE x.box_id = b.id) AS file_start_year
                FROM box b JOIN fonds f ON f.id = b.fonds_id
                WHERE b.from_box_id IS NULL AND b.arrangement = 'unarranged'
                """
        ).map { row in
            UnarrangedBox(
                boxId: row["box_id"], box: row["box_code"], fonds: row["fonds_code"], location: row["location"],
                condition: row["condition"], startYear: row["start_year"], extentMM: row["extent_mm"],
                fileConditions: row["file_conditions"], fileRetentions: row["file_retentions"],
                fileStartYear: row["file_start_year"])
        }
    }

    /// Files not scanned or needing a rescan in arranged boxes, secret ones left out.
    func unscannedFiles() throws -> [UnscannedFile] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT fi.id AS file_id, fi.code AS file_code, fi.title, fi.condition AS file_condition, fi.retention,
                       fi.start_year AS file_start_year, fi.sheets, fi.scan_state,
                       b.id AS box_id, b.code AS box_code, b.location, b.condition AS box_condition,
                       b.start_year AS box_start_year, f.code AS fonds_code
                FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds f ON f.id = b.fonds_id
                WHERE b.arrangement = 'arranged' AND fi.access != 'secret' AND fi.scan_state IN ('none', 'rescan')
                """
        ).map { row in
            UnscannedFile(
                fileId: row["file_id"], file: row["file_code"], title: row["title"],
                fileCondition: row["file_condition"], retention: row["retention"],
                fileStartYear: row["file_start_year"], sheets: row["sheets"], scanState: row["scan_state"],
                boxId: row["box_id"], box: row["box_code"], location: row["location"],
                boxCondition: row["box_condition"], boxStartYear: row["box_start_year"], fonds: row["fonds_code"])
        }
    }
}

extension Stores {
    /// The work queue's records in this transaction.
    var queue: QueueStore { QueueStore(db: db) }
}
