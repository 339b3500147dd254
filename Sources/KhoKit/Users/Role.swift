import Foundation

/// What a person logged in to `kho serve` may do.
///
/// Every role reads open files; reading secret and restricted files (*clearance*) belongs to the archivist, who
/// describes them, and the leader, who reads everything. What each may write is `KhoWeb`'s `Permission`.
public enum Role: String, Vocabulary {
    /// Searches and reads open files, downloads their PDF/A copies.
    case viewer
    /// Also records scanning: pages, hand-out/in for scanning, ingest, QC problems, PDF build.
    case `operator`
    /// Also every catalogue write: register, import, arrange, move, describe, custody, weeding, labels.
    case archivist
    /// Reads everything, runs and saves estimates, opens the report, records the council's decision.
    case leader

    public var label: Text {
        switch self {
        case .viewer: Text(vi: "người xem", en: "viewer")
        case .operator: Text(vi: "người số hóa", en: "scanning operator")
        case .archivist: Text(vi: "văn thư lưu trữ", en: "archivist")
        case .leader: Text(vi: "lãnh đạo", en: "leader")
        }
    }

    public var aliases: [String] {
        switch self {
        case .viewer: ["xem", "người xem"]
        case .operator: ["số hóa", "người số hóa", "scanning"]
        case .archivist: ["lưu trữ", "văn thư", "văn thư lưu trữ"]
        case .leader: ["lãnh đạo", "chủ tịch"]
        }
    }

    /// Whether this role sees secret (*mật*) and restricted files and their documents.
    public var hasClearance: Bool { self == .archivist || self == .leader }

    /// The access levels this role may read.
    public var readableAccess: Set<Access> { hasClearance ? Set(Access.allCases) : [.open] }
}
