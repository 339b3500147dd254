import Foundation
import GRDB
import KhoLocale

/// A document (*văn bản, tài liệu*) of a file, numbered within it (*số thứ tự*), with the fields of Circular 05/2025
/// a commune can fill.
public struct DocumentRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?
    public var fileId: Int64
    public var seq: Int
    /// The kind's key (`quyet_dinh`), nil when not given.
    public var kind: String?
    public var number: String
    public var symbol: String
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, empty when unknown.
    public var date: String
    public var issuer: String
    public var summary: String
    /// Language code (`vi`); empty means the file's.
    public var language: String
    /// Pages (*số lượng trang*): the page range's length when it has one.
    public var pages: Int?
    /// Its pages in the file's masters (*từ trang … đến trang*).
    public var pageFrom: Int?
    public var pageTo: Int?
    /// Its sheets as the clerk wrote them (*tờ số*: `3-5`).
    public var sheets: String
    /// Signed or annotated by hand (*bút tích*).
    public var autograph: Bool
    /// Physical condition (*tình trạng vật lý*), empty when the file's.
    public var condition: String
    public var notes: String
    /// Retention and access when they differ from the file's (nil: the file's).
    public var retention: String?
    public var access: String?
    public var keywords: String
    public var infoSymbol: String
    public var reliability: String
    /// The import event that added it (so the import can be undone), nil when added one by one.
    public var addedEvent: Int64?

    public static let databaseTableName = "document"

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, seq, kind, number, symbol, date, issuer, summary, language, pages, sheets, autograph, condition, notes
        case retention, access, keywords, reliability
        case fileId = "file_id"
        case pageFrom = "page_from"
        case pageTo = "page_to"
        case infoSymbol = "info_symbol"
        case addedEvent = "added_event"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A document's name everywhere: `BOX/FILE/NO`, e.g. `H0012/03/7`.
public struct DocumentRef: Sendable, Hashable, CustomStringConvertible {
    public var file: FileRef
    public var seq: Int?

    public init(file: FileRef, seq: Int?) {
        self.file = file
        self.seq = seq
    }

    /// Parses `BOX/FILE/NO` (or `BOX/FILE` when `seqOptional`).
    public init(parsing text: String, seqOptional: Bool = false) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.count == 2, seqOptional {
            self.init(file: try FileRef(parsing: text), seq: nil)
            return
        }
        guard parts.count == 3, let n = Int(parts[2]), (1...100_000).contains(n) else {
            throw DocumentError.badRef(text)
        }
        self.init(file: try FileRef(parsing: parts[0] + "/" + parts[1]), seq: n)
    }

    public var description: String { seq.map { "\(file)/\($0)" } ?? file.description }
}

/// What a person gives for a document; every field is text as typed, checked by ``DocumentFields``.
public struct DocumentDraft: Sendable, Hashable {
    public var kind: String?
    /// The number, or the combined "số, ký hiệu" (`12/QĐ-UBND`), split when `symbol` is not given.
    public var number: String?
    public var symbol: String?
    public var date: String?
    public var issuer: String?
    public var summary: String?
    public var language: String?
    /// A page range in the masters: `3-5` or `7`.
    public var pages: String?
    public var pageCount: String?
    public var sheets: String?
    public var autograph: Bool?
    public var condition: String?
    public var notes: String?
    public var retention: String?
    public var access: String?
    public var keywords: String?
    public var infoSymbol: String?
    public var reliability: String?

    public init(
        kind: String? = nil, number: String? = nil, symbol: String? = nil, date: String? = nil, issuer: String? = nil,
        summary: String? = nil, language: String? = nil, pages: String? = nil, pageCount: String? = nil,
        sheets: String? = nil, autograph: Bool? = nil, condition: String? = nil, notes: String? = nil,
        retention: String? = nil, access: String? = nil, keywords: String? = nil, infoSymbol: String? = nil,
        reliability: String? = nil
    ) {
        self.kind = kind
        self.number = number
        self.symbol = symbol
        self.date = date
        self.issuer = issuer
        self.summary = summary
        self.language = language
        self.pages = pages
        self.pageCount = pageCount
        self.sheets = sheets
        self.autograph = autograph
        self.condition = condition
        self.notes = notes
        self.retention = retention
        self.access = access
        self.keywords = keywords
        self.infoSymbol = infoSymbol
        self.reliability = reliability
    }

    /// True when no field is given.
    public var isEmpty: Bool { self == DocumentDraft() }
}
