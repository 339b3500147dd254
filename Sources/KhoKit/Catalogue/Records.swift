import Foundation
import GRDB

/// A fonds (*phông lưu trữ*): all records created by one organisation.
public struct Fonds: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var code: String
    public var name: String
    public var notes: String

    public static let databaseTableName = "fonds"

    public enum Columns {
        public static let code = Column("code")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A box (*hộp*) or bundle as registered, with its shelf extent and arrangement state.
public struct Box: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var code: String
    public var fondsId: Int64
    public var extentMM: Int64
    public var location: String
    public var startYear: Int?
    public var endYear: Int?
    public var condition: Condition
    public var notes: String
    public var fromBoxId: Int64?
    public var arrangement: ArrangementState
    public var keptMM: Int64?

    public static let databaseTableName = "box"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, code, location, condition, notes, arrangement
        case fondsId = "fonds_id"
        case extentMM = "extent_mm"
        case startYear = "start_year"
        case endYear = "end_year"
        case fromBoxId = "from_box_id"
        case keptMM = "kept_mm"
    }

    public enum Columns {
        public static let code = Column("code")
        public static let fondsId = Column("fonds_id")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The extent as registered.
    public var extent: Millimetres { Millimetres(extentMM) }

    /// Whether records of this box may be proposed for destruction now: its arrangement has started
    /// (``ArrangementState/canWeed``) and it was not itself made by arranging another box. `kho weed add` refuses
    /// otherwise, saying which.
    public var acceptsWeeding: Bool { arrangement.canWeed && fromBoxId == nil }
}

/// A file (*hồ sơ*): a folder of documents about one matter, with its place on the digitization ladder.
public struct FileRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var boxId: Int64
    public var code: String
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
    /// Circular 05/2025 file fields: language (*ngôn ngữ*, e.g. `vi`), keywords (*từ khóa*), information symbol
    /// (*ký hiệu thông tin*), reliability (*mức độ tin cậy*), the paper file's code (*mã hồ sơ gốc giấy*), and the
    /// backup copy's mode and state (*chế độ / tình trạng lập tài liệu lưu trữ dự phòng*); empty when not given.
    public var language: String = ""
    public var keywords: String = ""
    public var infoSymbol: String = ""
    public var reliability: String = ""
    public var paperCode: String = ""
    public var backupMode: String = ""
    public var backupState: String = ""

    public static let databaseTableName = "file"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, code, title, retention, access, sheets, condition, notes, pages, language, keywords, reliability
        case boxId = "box_id"
        case startYear = "start_year"
        case endYear = "end_year"
        case scanState = "scan_state"
        case infoSymbol = "info_symbol"
        case paperCode = "paper_code"
        case backupMode = "backup_mode"
        case backupState = "backup_state"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The retention, parsed; nil when unknown.
    public var retentionValue: Retention? { Retention(stored: retention) }

    /// Whether scanning may be recorded by hand for this file (`kho scan record`): not scanned yet, and not secret.
    /// Once recorded or ingested, its masters speak for it; `kho scan record` refuses otherwise, saying which.
    public var acceptsScanRecord: Bool { scanState == .none && access != .secret }
}

/// A file's name everywhere: `BOX/FILE`, e.g. `H0012/03`.
public struct FileRef: Sendable, Hashable, CustomStringConvertible {
    public var box: String
    public var file: String

    public init(box: String, file: String) {
        self.box = box
        self.file = file
    }

    /// Parses `BOX/FILE`; both parts must be non-empty and the file part has no further `/`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw CatalogueError.badFileRef(text) }
        let box = String(parts[0]).trimmingCharacters(in: .whitespaces)
        let file = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard !box.isEmpty, !file.isEmpty else { throw CatalogueError.badFileRef(text) }
        self.init(box: box.precomposedStringWithCanonicalMapping, file: file.precomposedStringWithCanonicalMapping)
    }

    public var description: String { "\(box)/\(file)" }
}
