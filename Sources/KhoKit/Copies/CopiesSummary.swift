import Foundation
import KhoEstimation

/// One copy as status and the report show it.
public struct CopyLine: Codable, Sendable, Hashable {
    public var name: String
    public var place: String
    public var offsite: Bool
    public var primary: Bool
    public var path: String
    public var availability: CopyAvailability
    /// Masters and PDF/A copies held with the catalogue's content, as of the copy's last sync, audit or repair.
    public var files: Int
    public var bytes: Int64
    public var masterBytes: Int64
    /// The day of the last sync and of the last audit (`YYYY-MM-DD`, the archive's local time).
    public var lastSync: String?
    public var lastAudit: String?
    /// Files found missing, changed, unreadable or unexpected and not repaired since.
    public var problems: Int
    /// Holds every catalogued file and has no problem.
    public var complete: Bool

    enum CodingKeys: String, CodingKey {
        case name, place, offsite, primary, path, availability, files, bytes, problems, complete
        case masterBytes = "master_bytes"
        case lastSync = "last_sync"
        case lastAudit = "last_audit"
    }
}

/// Every copy with what it holds against what the catalogue expects each copy to hold.
public struct CopiesSummary: Codable, Sendable, Hashable {
    /// Masters and latest PDF/A copies the catalogue has a SHA-256 for, and their bytes: what each copy should hold.
    public var expectedFiles: Int
    public var expectedBytes: Int64
    public var copies: [CopyLine]
    /// The primary's scans root and PDF folder.
    public var primaryPath: String

    enum CodingKeys: String, CodingKey {
        case copies
        case expectedFiles = "expected_files"
        case expectedBytes = "expected_bytes"
        case primaryPath = "primary_path"
    }

    /// Whether any copy beyond the primary is registered, or the primary has been audited: worth showing in status.
    public var worthShowing: Bool { copies.count > 1 || copies.contains { $0.lastAudit != nil } }
}

extension KhoStore {
    /// The copies and what each holds against what it should (two aggregate queries, the masters' over the small
    /// `master_copy_expected` index: 27 ms CPU for 500,000 masters; never reads a copy's files, only whether its marker
    /// is there).
    public func copiesSummary() throws -> CopiesSummary {
        let (sites, masters, pdfs) = try reading { tx in
            let expected = try tx.copies.expected()
            return (try tx.copies.sites(catalogue: path), expected.masters, expected.pdfs)
        }
        let files = masters.0 + pdfs.0
        let bytes = masters.1 + pdfs.1
        var lines: [CopyLine] = []
        for site in sites {
            // The primary holds what the catalogue says until an audit finds otherwise.
            let unaudited = site.isPrimary && site.lastAuditAt == nil
            let held = unaudited ? files : site.files
            lines.append(
                CopyLine(
                    name: site.name, place: site.place, offsite: site.offsite, primary: site.isPrimary, path: site.path,
                    availability: try availability(of: site), files: held, bytes: unaudited ? bytes : site.bytes,
                    masterBytes: unaudited ? masters.1 : site.masterBytes, lastSync: site.lastSyncAt.map(day),
                    lastAudit: site.lastAuditAt.map(day), problems: site.problems,
                    complete: held >= files && site.problems == 0))
        }
        let primary = sites.first { $0.isPrimary }?.path ?? ""
        return CopiesSummary(expectedFiles: files, expectedBytes: bytes, copies: lines, primaryPath: primary)
    }

    private func day(_ seconds: Int64) -> String { time.day(of: Date(timeIntervalSince1970: Double(seconds))) }

    /// The copies the estimate's storage reads: each registered copy with the master bytes it holds (the primary
    /// first); nil when no copy beyond the primary is registered (the rates file's number of copies is the plan).
    public func copiesForEstimate() throws -> [RegisteredCopy]? {
        let summary = try copiesSummary()
        guard summary.copies.count > 1 else { return nil }
        return summary.copies.map { RegisteredCopy(name: $0.name, heldBytes: $0.masterBytes) }
    }
}
