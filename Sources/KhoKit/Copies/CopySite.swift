import Foundation

/// One registered place where masters and PDF/A copies are kept: a folder holding `scans/` and `pdf/`, or the primary.
///
/// The primary is where operators scan: its masters are where ingest read them and its PDF/A copies where
/// `kho pdf build` wrote them; it is registered with the catalogue and cannot be removed.
public struct CopySite: Codable, Sendable, Hashable {
    public var id: Int64
    public var name: String
    /// The copy's root folder (absolute); for the primary, the scans root and the PDF folder, as `ROOT + PDF`.
    public var path: String
    /// Where it is kept, in the archive's words ("tủ sắt phòng văn thư").
    public var place: String
    /// Kept in another building or town.
    public var offsite: Bool
    public var isPrimary: Bool
    /// When the copy was last filled by `kho copies sync` and last audited by `kho copies verify` (Unix seconds).
    public var lastSyncAt: Int64?
    public var lastAuditAt: Int64?
    /// When a backup of the catalogue (inventory and SHA-256 of every file) was last written to its `catalog/`.
    public var catalogueAt: Int64?
    /// What the copy held of the catalogue's content when last synced, audited or repaired.
    public var masterFiles: Int
    public var masterBytes: Int64
    public var pdfFiles: Int
    public var pdfBytes: Int64
    /// Files found missing, changed or unreadable (and left over) by the last run on this copy.
    public var problems: Int
    /// The identifier written in the copy's marker file (`.kho-copy` at its root).
    var marker: String

    enum CodingKeys: String, CodingKey {
        case id, name, path, place, offsite, problems
        case isPrimary = "primary"
        case lastSyncAt = "last_sync_at"
        case lastAuditAt = "last_audit_at"
        case catalogueAt = "catalogue_at"
        case masterFiles = "master_files"
        case masterBytes = "master_bytes"
        case pdfFiles = "pdf_files"
        case pdfBytes = "pdf_bytes"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(Int64.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        path = try c.decode(String.self, forKey: .path)
        place = try c.decode(String.self, forKey: .place)
        offsite = try c.decode(Bool.self, forKey: .offsite)
        isPrimary = try c.decode(Bool.self, forKey: .isPrimary)
        lastSyncAt = try c.decodeIfPresent(Int64.self, forKey: .lastSyncAt)
        lastAuditAt = try c.decodeIfPresent(Int64.self, forKey: .lastAuditAt)
        catalogueAt = try c.decodeIfPresent(Int64.self, forKey: .catalogueAt)
        masterFiles = try c.decode(Int.self, forKey: .masterFiles)
        masterBytes = try c.decode(Int64.self, forKey: .masterBytes)
        pdfFiles = try c.decode(Int.self, forKey: .pdfFiles)
        pdfBytes = try c.decode(Int64.self, forKey: .pdfBytes)
        problems = try c.decode(Int.self, forKey: .problems)
        marker = ""
    }

    /// The name of the marker file kho writes at a copy's root: a copy without it is not mounted.
    public static let markerName = ProtectedPaths.CopyFolder.markerName

    /// Files held (masters and PDF/A copies) and their bytes.
    public var files: Int { masterFiles + pdfFiles }
    public var bytes: Int64 { masterBytes + pdfBytes }
}

/// Whether a copy can be read and written now.
public enum CopyAvailability: String, Codable, Sendable, Hashable {
    case available
    /// Its folder is absent, or the marker kho wrote at its root is missing or names another copy: not mounted.
    case unavailable

    public var label: Text {
        switch self {
        case .available: Text(vi: "sẵn sàng", en: "available")
        case .unavailable: Text(vi: "không truy cập được (chưa gắn ổ?)", en: "unavailable (not mounted?)")
        }
    }
}

/// One master or PDF/A copy a copy should hold: where it is in the copy's layout and the catalogue's SHA-256.
struct CopyItem: Sendable, Hashable {
    enum Kind: String, Sendable { case master, pdf }
    var kind: Kind
    /// Path inside a copy: `scans/BOX/FILE/PAGE.tif` or `pdf/FONDS/CODE.pdf`.
    var rel: String
    /// Where the primary holds it.
    var primaryPath: String
    var sha256: String
    var size: Int64
    /// `BOX/FILE` it belongs to.
    var ref: String
    /// The master's id, for its history of accepted hashes (nil for a PDF/A copy).
    var masterId: Int64?
}

/// What kho placed on (or found at) one path of a copy.
struct CopyRecord: Sendable, Hashable {
    var sha256: String
    var size: Int64
    var state: String
    var verifiedAt: Int64?
}

extension CopySite {
    /// Where `item` lies on this copy.
    func location(of item: CopyItem) -> String {
        isPrimary ? item.primaryPath : path + "/" + item.rel
    }
}
