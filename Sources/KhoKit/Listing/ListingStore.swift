import Foundation
import GRDB

/// The catalogue as `kho … list` and `kho … show` read it: fonds, boxes and files with what is counted beside them.
struct ListingStore {
    let db: Database

    /// Which boxes to read; each condition given narrows the list.
    struct BoxQuery {
        var fonds: String?
        /// Boxes whose location starts with this (as typed; cleaned and escaped here).
        var locationPrefix: String?
        var arrangement: ArrangementState?
        var condition: Condition?
        /// Count only the files of these access levels; nil counts every file.
        var readable: Set<Access>?
    }

    /// Which files to read; each condition given narrows the list.
    struct FileQuery {
        var scanState: ScanState?
        var access: Access?
        /// Words the file's indexed text must have (`kho search`'s index and folding).
        var search: String?
        var boxId: Int64?
        var fondsId: Int64?
        var fileId: Int64?
    }

    /// A box with its fonds, the box it was made from, and its files, sheets and pages counted.
    struct ListedBox {
        var box: Box
        var fonds: String
        var from: String?
        var files: Int
        var sheets: Int
        var pages: Int
    }

    /// A file with its box's code, fonds and location, and its documents counted.
    struct ListedFile {
        var file: FileRecord
        var box: String
        var fondsId: Int64
        var location: String
        var documents: Int
    }

    /// All fonds with their box and file counts and total metres as received, in code order.
    func fonds() throws -> [FondsView] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.code, f.name, f.notes,
                    (SELECT COUNT(*) FROM box b WHERE b.fonds_id = f.id) AS boxes,
                    (SELECT COUNT(*) FROM file fi JOIN box b ON b.id = fi.box_id WHERE b.fonds_id = f.id) AS files,
                    (SELECT COALESCE(SUM(\(Bounds.sql("extent_mm"))), 0) FROM box b WHERE b.fonds_id = f.id AND b.from_box_id IS NULL) AS mm
                FROM fonds f ORDER BY f.code
                """
        ).map { row in
            FondsView(
                code: row["code"], name: row["name"], notes: row["notes"], boxes: row["boxes"], files: row["files"],
                totalMetres: Double(row["mm"] as Int64) / 1000)
        }
    }

    /// Boxes with their files counted: every file, or only those of the `readable` access levels.
    private static func boxViewSQL(readable: Set<Access>?) -> SQL {
        let only: SQL = readable.map { " AND fi.access IN \($0.map(\.rawValue).sorted())" } ?? ""
        return """
            SELECT b.*, f.code AS fonds_code, p.code AS from_code,
                COUNT(fi.id) AS n_files, COALESCE(SUM(\(sql: Bounds.sql("fi.sheets"))), 0) AS n_sheets,
                COALESCE(SUM(\(sql: Bounds.sql("fi.pages"))), 0) AS n_pages
            FROM box b
            JOIN fonds f ON f.id = b.fonds_id
            LEFT JOIN box p ON p.id = b.from_box_id
            LEFT JOIN file fi ON fi.box_id = b.id\(only)
            """
    }

    /// The boxes `query` selects, in code order.
    func boxes(_ query: BoxQuery) throws -> [ListedBox] {
        var conditions: [SQL] = []
        if let fonds = query.fonds {
            conditions.append("f.code = \(Clean.code(fonds))")
        }
        if let location = query.locationPrefix {
            conditions.append("b.location LIKE \(Self.likePrefix(location)) ESCAPE '\\'")
        }
        if let state = query.arrangement {
            conditions.append("b.arrangement = \(state.rawValue)")
        }
        if let condition = query.condition {
            conditions.append("b.condition = \(condition.rawValue)")
        }
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        let view = Self.boxViewSQL(readable: query.readable)
        return try Row.fetchAll(db, SQLRequest<Row>(literal: "\(view) \(whereSQL) GROUP BY b.id ORDER BY b.code"))
            .map(Self.listedBox)
    }

    /// Box `id` with its files counted (only those of the `readable` access levels when given); nil when none.
    func box(id: Int64?, readable: Set<Access>?) throws -> ListedBox? {
        let view = Self.boxViewSQL(readable: readable)
        return try Row.fetchOne(db, SQLRequest<Row>(literal: "\(view) WHERE b.id = \(id) GROUP BY b.id"))
            .map(Self.listedBox)
    }

    private static func listedBox(_ row: Row) throws -> ListedBox {
        ListedBox(
            box: try Box(row: row), fonds: row["fonds_code"], from: row["from_code"], files: row["n_files"],
            sheets: row["n_sheets"], pages: row["n_pages"])
    }

    /// The files `query` selects, in box and file order.
    func files(_ query: FileQuery) throws -> [ListedFile] {
        var conditions: [SQL] = []
        if let state = query.scanState { conditions.append("fi.scan_state = \(state.rawValue)") }
        if let access = query.access { conditions.append("fi.access = \(access.rawValue)") }
        if let search = query.search, let filter = SearchQuery.filter(search, kind: .file, idSQL: "fi.id") {
            conditions.append(SQL(sql: filter.sql, arguments: [filter.argument]))
        }
        if let box = query.boxId { conditions.append("fi.box_id = \(box)") }
        if let fonds = query.fondsId { conditions.append("b.fonds_id = \(fonds)") }
        if let file = query.fileId { conditions.append("fi.id = \(file)") }
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        return try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT fi.*, b.code AS box_code, b.fonds_id AS fonds_id, b.location AS box_location,
                           (SELECT COUNT(*) FROM document d WHERE d.file_id = fi.id) AS document_count
                    FROM file fi JOIN box b ON b.id = fi.box_id
                    \(whereSQL) ORDER BY b.code, fi.code
                    """)
        ).map { row in
            ListedFile(
                file: try FileRecord(row: row), box: row["box_code"], fondsId: row["fonds_id"],
                location: row["box_location"], documents: row["document_count"])
        }
    }

    /// The archival code of each of `fileIds` that has one (the Codes folder's rule).
    func archiveCodes(fileIds: [Int64], fonds: Set<Int64>) throws -> [Int64: String] {
        try KhoStore.archiveCodes(ArchiveCodeStore(db: db), fileIds: fileIds, fonds: fonds)
    }

    /// The masters of file `id` on record as gone from disk and not accepted as lost, by name.
    func missingMasters(fileId id: Int64?) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT name FROM master WHERE file_id = ? AND missing AND lost_event IS NULL ORDER BY name",
            arguments: [id])
    }

    static func likeEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
            of: "_", with: "\\_")
    }

    static func likePrefix(_ s: String) -> String { likeEscape(Clean.text(s)) + "%" }
}

extension Stores {
    /// The catalogue as lists and shows read it, in this transaction.
    var listing: ListingStore { ListingStore(db: db) }
}
