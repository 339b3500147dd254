import Foundation
import GRDB
import KhoLocale

/// A fonds with its totals, as listed.
public struct FondsView: Codable, Sendable, Hashable {
    public var code: String
    public var name: String
    public var notes: String
    public var boxes: Int
    public var files: Int
    public var totalMetres: Double

    enum CodingKeys: String, CodingKey {
        case code, name, notes, boxes, files
        case totalMetres = "total_m"
    }
}

/// A box as people read it: codes, metres as decimals, its files counted.
public struct BoxView: Codable, Sendable, Hashable {
    public var code: String
    public var fonds: String
    public var extentMetres: Double
    public var location: String
    public var startYear: Int?
    public var endYear: Int?
    public var condition: Condition
    public var notes: String
    public var from: String?
    public var arrangement: ArrangementState
    public var keptMetres: Double?
    public var files: Int
    public var sheets: Int
    public var pages: Int
    /// Who has the whole box, when it is out of the store (`kho out`); nil when it is in.
    public var custody: CustodyView?

    enum CodingKeys: String, CodingKey {
        case code, fonds, location, condition, notes, from, arrangement, files, sheets, pages, custody
        case extentMetres = "extent_m"
        case startYear = "start_year"
        case endYear = "end_year"
        case keptMetres = "kept_m"
    }
}

/// A file as people read it, named `BOX/FILE`.
public struct FileView: Codable, Sendable, Hashable {
    public var ref: String
    public var box: String
    public var file: String
    public var title: String
    public var startYear: Int?
    public var endYear: Int?
    public var retention: String?
    public var access: Access
    public var sheets: Int?
    public var condition: Condition
    public var notes: String
    public var scanState: ScanState
    public var pages: Int
    /// The archival code (*mã hồ sơ*): the one its copy was delivered under, else as the fonds' rule makes it now;
    /// nil when the rule cannot make one (see `kho pdf rule`).
    public var archiveId: String?
    /// The Circular 05/2025 file fields (see ``FileRecord``), empty when not given.
    public var language: String = ""
    public var keywords: String = ""
    public var infoSymbol: String = ""
    public var reliability: String = ""
    public var paperCode: String = ""
    public var backupMode: String = ""
    public var backupState: String = ""
    /// Documents described in it (*tổng số tài liệu*, counted).
    public var documents: Int = 0
    /// The shelf location of its box.
    public var location: String = ""
    /// Who has it, when it is out of the store, on its own or with its whole box (``CustodyView/withBox``); nil when in.
    public var custody: CustodyView?
    /// Its masters on record as gone from disk, not accepted as lost (why it needs a rescan); `file show` only, nil
    /// when none.
    public var missingMasters: [String]?

    enum CodingKeys: String, CodingKey {
        case ref, box, file, title, retention, access, sheets, condition, notes, pages, language, keywords, reliability,
            documents
        case location, custody
        case missingMasters = "missing_masters"
        case startYear = "start_year"
        case endYear = "end_year"
        case scanState = "scan_state"
        case archiveId = "archive_id"
        case infoSymbol = "info_symbol"
        case paperCode = "paper_code"
        case backupMode = "backup_mode"
        case backupState = "backup_state"
    }
}

/// Which boxes `kho box list` shows.
public struct BoxFilter: Sendable, Hashable {
    public var fonds: String?
    public var location: String?
    public var arrangement: String?
    public var condition: String?
    /// Count only the files of these access levels (a person without clearance); nil counts every file.
    public var readable: Set<Access>?

    public init(
        fonds: String? = nil, location: String? = nil, arrangement: String? = nil, condition: String? = nil,
        readable: Set<Access>? = nil
    ) {
        self.fonds = fonds
        self.location = location
        self.arrangement = arrangement
        self.condition = condition
        self.readable = readable
    }
}

/// Which files `kho file list` shows.
public struct FileFilter: Sendable, Hashable {
    public var box: String?
    public var fonds: String?
    public var scanState: String?
    public var access: String?
    public var search: String?

    public init(
        box: String? = nil, fonds: String? = nil, scanState: String? = nil, access: String? = nil, search: String? = nil
    ) {
        self.box = box
        self.fonds = fonds
        self.scanState = scanState
        self.access = access
        self.search = search
    }
}

/// What can be wrong with a list filter.
public enum FilterError: KhoError, Equatable {
    case badValue(field: String, value: String, allowed: String)

    public var text: Text {
        switch self {
        case .badValue(let field, let value, let allowed):
            Text(
                vi: "giá trị «\(value)» của \(field) không hợp lệ; dùng một trong: \(allowed)",
                en: "“\(value)” is not a valid \(field); use one of: \(allowed)")
        }
    }
}

extension KhoStore {
    /// All fonds with their box and file counts and total metres as received.
    public func listFonds() throws -> [FondsView] {
        try read { db in
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

    /// The boxes matching `filter`, in code order.
    public func listBoxes(_ filter: BoxFilter = BoxFilter()) throws -> [BoxView] {
        var conditions: [SQL] = []
        if let fonds = filter.fonds {
            conditions.append("f.code = \(Clean.code(fonds))")
        }
        if let location = filter.location {
            conditions.append("b.location LIKE \(Self.likePrefix(location)) ESCAPE '\\'")
        }
        if let state = filter.arrangement {
            guard let s = ArrangementState.parse(state) else {
                throw FilterError.badValue(field: "--state", value: state, allowed: ArrangementState.keys)
            }
            conditions.append("b.arrangement = \(s.rawValue)")
        }
        if let condition = filter.condition {
            guard let c = Condition.parse(condition) else { throw CatalogueError.badCondition(condition) }
            conditions.append("b.condition = \(c.rawValue)")
        }
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        return try read { db in
            if let fonds = filter.fonds { _ = try Lookup.fonds(db, code: Clean.code(fonds)) }
            let open = try boxesOutById(db)
            let view = Self.boxViewSQL(readable: filter.readable)
            return try Row.fetchAll(db, SQLRequest<Row>(literal: "\(view) \(whereSQL) GROUP BY b.id ORDER BY b.code"))
                .map { try Self.boxView($0, custody: open) }
        }
    }

    /// One box with its files; with `readable`, only the files of those access levels, counted and listed.
    public func showBox(_ code: String, readable: Set<Access>? = nil) throws -> (box: BoxView, files: [FileView]) {
        try read { db in
            let box = try Lookup.box(db, code: code)
            let view = Self.boxViewSQL(readable: readable)
            guard
                let row = try Row.fetchOne(db, SQLRequest<Row>(literal: "\(view) WHERE b.id = \(box.id) GROUP BY b.id"))
            else {
                throw CatalogueError.unknownBox(code)
            }
            let files = try fileViews(db, where: "WHERE fi.box_id = \(box.id)").filter {
                readable?.contains($0.access) ?? true
            }
            return (try Self.boxView(row, custody: try boxesOutById(db)), files)
        }
    }

    /// The files matching `filter`, in box and file order.
    public func listFiles(_ filter: FileFilter = FileFilter()) throws -> [FileView] {
        var conditions: [SQL] = []
        if let state = filter.scanState {
            guard let s = ScanState.parse(state) else {
                throw FilterError.badValue(field: "--scan", value: state, allowed: ScanState.keys)
            }
            conditions.append("fi.scan_state = \(s.rawValue)")
        }
        if let access = filter.access {
            guard let a = Access.parse(access) else { throw CatalogueError.badAccess(access) }
            conditions.append("fi.access = \(a.rawValue)")
        }
        if let search = filter.search {
            // The same index and folding as `kho search`: `dat` finds `đất`, `Đất` and `ĐẤT`.
            if let filter = SearchQuery.filter(search, kind: .file, idSQL: "fi.id") {
                conditions.append(SQL(sql: filter.sql, arguments: [filter.argument]))
            }
        }
        return try read { db in
            if let code = filter.box {
                let box = try Lookup.box(db, code: code)
                conditions.append("fi.box_id = \(box.id)")
            }
            if let fonds = filter.fonds {
                let f = try Lookup.fonds(db, code: Clean.code(fonds))
                conditions.append("b.fonds_id = \(f.id)")
            }
            return try fileViews(
                db, where: conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))")
        }
    }

    /// One file.
    public func showFile(_ ref: FileRef) throws -> FileView {
        try read { db in
            let (_, file) = try Lookup.file(db, ref: ref)
            guard var view = try fileViews(db, where: "WHERE fi.id = \(file.id)").first else {
                throw CatalogueError.unknownFile(ref.description)
            }
            let missing = try String.fetchAll(
                db, sql: "SELECT name FROM master WHERE file_id = ? AND missing AND lost_event IS NULL ORDER BY name",
                arguments: [file.id])
            view.missingMasters = missing.isEmpty ? nil : missing
            return view
        }
    }

    /// The files `whereSQL` (a `WHERE` clause, or empty) selects, in box and file order.
    private func fileViews(_ db: Database, where whereSQL: SQL) throws -> [FileView] {
        let rows = try Row.fetchAll(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT fi.*, b.code AS box_code, b.fonds_id AS fonds_id, b.location AS box_location,
                           (SELECT COUNT(*) FROM document d WHERE d.file_id = fi.id) AS document_count
                    FROM file fi JOIN box b ON b.id = fi.box_id
                    \(whereSQL) ORDER BY b.code, fi.code
                    """))
        let codes = try Self.archiveCodes(
            db, fileIds: rows.map { $0["id"] }, fonds: Set(rows.map { $0["fonds_id"] as Int64 }))
        let boxesOut = try boxesOutById(db)
        let filesOut = try filesOutById(db)
        return try rows.map { row in
            let file = try FileRecord(row: row)
            let box: String = row["box_code"]
            var custody = file.id.flatMap { filesOut[$0] }
            if custody == nil, var whole = boxesOut[file.boxId] {
                whole.withBox = true
                custody = whole
            }
            return FileView(
                ref: "\(box)/\(file.code)", box: box, file: file.code, title: file.title, startYear: file.startYear,
                endYear: file.endYear, retention: file.retention, access: file.access, sheets: file.sheets,
                condition: file.condition, notes: file.notes, scanState: file.scanState, pages: file.pages,
                archiveId: file.id.flatMap { codes[$0] }, language: file.language, keywords: file.keywords,
                infoSymbol: file.infoSymbol, reliability: file.reliability, paperCode: file.paperCode,
                backupMode: file.backupMode,
                backupState: file.backupState, documents: row["document_count"], location: row["box_location"],
                custody: custody)
        }
    }

    /// The boxes out of the store as a whole, by box id.
    private func boxesOutById(_ db: Database) throws -> [Int64: CustodyView] {
        Dictionary(
            try CustodyStore(db: db, time: time).custodies(.boxes, now: Date()).map { ($0.boxId, $0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// The files out of the store on their own, by file id.
    private func filesOutById(_ db: Database) throws -> [Int64: CustodyView] {
        Dictionary(
            try CustodyStore(db: db, time: time).custodies(.files, now: Date()).compactMap { v in
                v.fileId.map { ($0, v) }
            },
            uniquingKeysWith: { a, _ in a })
    }

    private static func boxView(_ row: Row, custody: [Int64: CustodyView] = [:]) throws -> BoxView {
        let box = try Box(row: row)
        return BoxView(
            code: box.code, fonds: row["fonds_code"], extentMetres: box.extent.metres, location: box.location,
            startYear: box.startYear, endYear: box.endYear, condition: box.condition, notes: box.notes,
            from: row["from_code"],
            arrangement: box.arrangement, keptMetres: box.keptMM.map { Double($0) / 1000 }, files: row["n_files"],
            sheets: row["n_sheets"], pages: row["n_pages"], custody: box.id.flatMap { custody[$0] })
    }

    static func likeEscape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(
            of: "_", with: "\\_")
    }

    static func likePrefix(_ s: String) -> String { likeEscape(Clean.text(s)) + "%" }
}
