import Foundation
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

/// A box as people read it: its record (every field of ``Box``, read through the view: `view.location`), with its
/// fonds and the box it came from by code, metres as decimals, its files counted.
public struct BoxView: RecordView, Encodable, Sendable, Hashable {
    /// The box as stored.
    public var record: Box
    /// Its fonds' code.
    public var fonds: String
    /// The code of the box it was made from by arrangement, nil when none.
    public var from: String?
    public var files: Int
    public var sheets: Int
    public var pages: Int
    /// Who has the whole box, when it is out of the store (`kho out`); nil when it is in.
    public var custody: CustodyView?

    /// Its extent in metres.
    public var extentMetres: Double { record.extent.metres }
    /// The metres its finished arrangement kept, nil until then.
    public var keptMetres: Double? { record.keptMM.map { Double($0) / 1000 } }

    /// The record's fields with the record's own keys, less its ids and millimetres (the view writes the fonds and the
    /// box it came from by code, and metres), then the view's own.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(
            to: LeavingOutEncoder(base: encoder, leaving: ["id", "fonds_id", "from_box_id", "extent_mm", "kept_mm"]))
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fonds, forKey: .fonds)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(extentMetres, forKey: .extentMetres)
        try container.encodeIfPresent(keptMetres, forKey: .keptMetres)
        try container.encode(files, forKey: .files)
        try container.encode(sheets, forKey: .sheets)
        try container.encode(pages, forKey: .pages)
        try container.encodeIfPresent(custody, forKey: .custody)
    }

    enum CodingKeys: String, CodingKey {
        case fonds, from, files, sheets, pages, custody
        case extentMetres = "extent_m"
        case keptMetres = "kept_m"
    }
}

/// A file as people read it, named `BOX/FILE`: its record (every field of ``FileRecord``, read through the view:
/// `view.title`, `view.scanState`) and what a list adds — where it is, its archival code, who has it.
public struct FileView: RecordView, Encodable, Sendable, Hashable {
    /// The file as stored.
    public var record: FileRecord
    public var ref: String
    public var box: String
    /// The archival code (*mã hồ sơ*): the one its copy was delivered under, else as the fonds' rule makes it now;
    /// nil when the rule cannot make one (see `kho pdf rule`).
    public var archiveId: String?
    /// Documents described in it (*tổng số tài liệu*, counted).
    public var documents: Int = 0
    /// The shelf location of its box.
    public var location: String = ""
    /// Who has it, when it is out of the store, on its own or with its whole box (``CustodyView/withBox``); nil when in.
    public var custody: CustodyView?
    /// Its masters on record as gone from disk, not accepted as lost (why it needs a rescan); `file show` only, nil
    /// when none.
    public var missingMasters: [String]?

    /// The file's code within its box.
    public var file: String { record.code }

    /// The record's fields with the record's own keys, less its ids and code (the view names the file by `ref`,
    /// `box` and `file`), then the view's own.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: LeavingOutEncoder(base: encoder, leaving: ["id", "box_id", "code"]))
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ref, forKey: .ref)
        try container.encode(box, forKey: .box)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(archiveId, forKey: .archiveId)
        try container.encode(documents, forKey: .documents)
        try container.encode(location, forKey: .location)
        try container.encodeIfPresent(custody, forKey: .custody)
        try container.encodeIfPresent(missingMasters, forKey: .missingMasters)
    }

    enum CodingKeys: String, CodingKey {
        case ref, box, file, documents, location, custody
        case missingMasters = "missing_masters"
        case archiveId = "archive_id"
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
        try reading { tx in try tx.listing.fonds() }
    }

    /// The boxes matching `filter`, in code order.
    public func listBoxes(_ filter: BoxFilter = BoxFilter()) throws -> [BoxView] {
        var query = ListingStore.BoxQuery(
            fonds: filter.fonds, locationPrefix: filter.location, readable: filter.readable)
        if let state = filter.arrangement {
            guard let s = ArrangementState.parse(state) else {
                throw FilterError.badValue(field: "--state", value: state, allowed: ArrangementState.keys)
            }
            query.arrangement = s
        }
        if let condition = filter.condition {
            guard let c = Condition.parse(condition) else { throw CatalogueError.badCondition(condition) }
            query.condition = c
        }
        return try reading { tx in
            if let fonds = filter.fonds { _ = try tx.catalogue.fonds(code: Clean.code(fonds)) }
            let open = try boxesOutById(tx)
            return try tx.listing.boxes(query).map { Self.boxView($0, custody: open) }
        }
    }

    /// One box with its files; with `readable`, only the files of those access levels, counted and listed.
    public func showBox(_ code: String, readable: Set<Access>? = nil) throws -> (box: BoxView, files: [FileView]) {
        try reading { tx in
            let box = try tx.catalogue.box(code: code)
            guard let listed = try tx.listing.box(id: box.id, readable: readable) else {
                throw CatalogueError.unknownBox(code)
            }
            let files = try fileViews(tx, ListingStore.FileQuery(boxId: box.id)).filter {
                readable?.contains($0.access) ?? true
            }
            return (Self.boxView(listed, custody: try boxesOutById(tx)), files)
        }
    }

    /// The files matching `filter`, in box and file order.
    public func listFiles(_ filter: FileFilter = FileFilter()) throws -> [FileView] {
        var query = ListingStore.FileQuery(search: filter.search)
        if let state = filter.scanState {
            guard let s = ScanState.parse(state) else {
                throw FilterError.badValue(field: "--scan", value: state, allowed: ScanState.keys)
            }
            query.scanState = s
        }
        if let access = filter.access {
            guard let a = Access.parse(access) else { throw CatalogueError.badAccess(access) }
            query.access = a
        }
        return try reading { tx in
            if let code = filter.box { query.boxId = try tx.catalogue.box(code: code).id }
            if let fonds = filter.fonds { query.fondsId = try tx.catalogue.fonds(code: Clean.code(fonds)).id }
            return try fileViews(tx, query)
        }
    }

    /// One file.
    public func showFile(_ ref: FileRef) throws -> FileView {
        try reading { tx in
            let (_, file) = try tx.catalogue.file(ref: ref)
            guard var view = try fileViews(tx, ListingStore.FileQuery(fileId: file.id)).first else {
                throw CatalogueError.unknownFile(ref.description)
            }
            let missing = try tx.listing.missingMasters(fileId: file.id)
            view.missingMasters = missing.isEmpty ? nil : missing
            return view
        }
    }

    /// The files `query` selects, in box and file order.
    private func fileViews(_ tx: Stores, _ query: ListingStore.FileQuery) throws -> [FileView] {
        let rows = try tx.listing.files(query)
        let codes = try tx.listing.archiveCodes(
            fileIds: rows.compactMap(\.file.id), fonds: Set(rows.map(\.fondsId)))
        let boxesOut = try boxesOutById(tx)
        let filesOut = try filesOutById(tx)
        return rows.map { row in
            let file = row.file
            let box = row.box
            var custody = file.id.flatMap { filesOut[$0] }
            if custody == nil, var whole = boxesOut[file.boxId] {
                whole.withBox = true
                custody = whole
            }
            return FileView(
                record: file, ref: "\(box)/\(file.code)", box: box, archiveId: file.id.flatMap { codes[$0] },
                documents: row.documents, location: row.location, custody: custody)
        }
    }

    /// The boxes out of the store as a whole, by box id.
    private func boxesOutById(_ tx: Stores) throws -> [Int64: CustodyView] {
        Dictionary(
            try tx.custody.custodies(.boxes, now: Date()).map { ($0.boxId, $0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// The files out of the store on their own, by file id.
    private func filesOutById(_ tx: Stores) throws -> [Int64: CustodyView] {
        Dictionary(
            try tx.custody.custodies(.files, now: Date()).compactMap { v in
                v.fileId.map { ($0, v) }
            },
            uniquingKeysWith: { a, _ in a })
    }

    private static func boxView(_ listed: ListingStore.ListedBox, custody: [Int64: CustodyView] = [:]) -> BoxView {
        let box = listed.box
        return BoxView(
            record: box, fonds: listed.fonds, from: listed.from, files: listed.files, sheets: listed.sheets,
            pages: listed.pages, custody: box.id.flatMap { custody[$0] })
    }
}
