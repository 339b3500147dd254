import KhoKit

/// What a request needs, checked against the logged-in person's role before any handler runs.
public enum Permission: Sendable {
    /// Reading open files, searching, downloading open files' PDF/A copies, status: every role.
    case read
    /// Recording scanning: pages, hand-out/in for scanning, ingest, problems, PDF build.
    case scanning
    /// Every catalogue write: register, import, arrange, move, describe documents, custody, weeding, labels.
    case catalogue
    /// What-if estimates and saving them, the leadership report, the council's decision on a destruction list.
    case leadership

    /// Whether `role` has this permission.
    public func allows(_ role: Role) -> Bool {
        switch self {
        case .read: true
        case .scanning: role == .operator || role == .archivist
        case .catalogue: role == .archivist
        case .leadership: role == .leader
        }
    }
}
