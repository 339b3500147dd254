import Foundation
import KhoTIFF

/// A master as `kho scan show` lists it: every header tag, its SHA-256 and its problems.
public struct MasterView: Codable, Sendable {
    public var name: String
    public var path: String
    public var size: Int64
    public var sha256: String?
    public var pages: Int
    public var readable: Bool
    public var missing: Bool
    public var profile: String
    public var problems: [ProblemLine]
    public var scannedAt: String?
    public var ingestedAt: String
    public var verifiedAt: String?
    /// Everything libtiff read: format, byte order, size, and each page's tags.
    public var tiff: MasterMetadata?
    /// The SHA-256 of the content last seen on disk when it differs from the reference (`sha256`): changed after check.
    public var seenSHA256: String?
    /// When that change was found.
    public var changedAt: String?
    /// Every content accepted as the reference, oldest first (ingest, rescan, repair).
    public var hashHistory: [MasterHash]

    enum CodingKeys: String, CodingKey {
        case name, path, size, sha256, pages, readable, missing, profile, problems, tiff
        case seenSHA256 = "seen_sha256"
        case changedAt = "changed_at"
        case hashHistory = "hash_history"
        case scannedAt = "scanned_at"
        case ingestedAt = "ingested_at"
        case verifiedAt = "verified_at"
    }
}

extension KhoStore {
    /// The masters of one file, in page order, their problems in `lang`.
    public func masters(of ref: FileRef, lang: Lang) throws -> (file: FileView, masters: [MasterView]) {
        let file = try showFile(ref)
        let masters = try reading { tx in
            let (_, record) = try tx.catalogue.file(ref: ref)
            return try tx.scan.storedMasters(fileId: record.id).map { master in
                var view = masterView(master, ref: file.ref, withTags: true, lang: lang)
                view.hashHistory = try tx.scan.hashHistory(masterId: master.id, time: time)
                return view
            }
        }
        return (file, masters)
    }

    /// Every master with a problem (failed QC, unreadable or missing), by box and file, with messages in `lang`.
    public func scanProblems(box: String? = nil, lang: Lang) throws -> [ProblemLine] {
        try reading { tx in
            let boxId = try box.map { try tx.catalogue.box(code: $0).id }
            return try tx.scan.mastersWithProblems(boxId: boxId ?? nil).flatMap { master -> [ProblemLine] in
                masterView(master, ref: master.ref, withTags: false, lang: lang).problems
            }
        }
    }

    private func masterView(_ row: StoredMaster, ref: String, withTags: Bool, lang: Lang) -> MasterView {
        let name = row.name
        var problems =
            ((try? JSONDecoder().decode([StoredProblem].self, from: Data(row.problems.utf8))) ?? [])
            .map {
                ProblemLine(ref: ref, master: name, page: $0.page, code: $0.code, message: lang == .vi ? $0.vi : $0.en)
            }
        let missing = row.missing
        if missing {
            problems.insert(
                ProblemLine(ref: ref, master: name, page: nil, code: "missing", message: VerifyText.missing(lang)),
                at: 0)
        }
        let seen = row.seenSHA256
        if let seen, let reference = row.sha256 {
            let text = IngestFinding.changedAfterCheck(ref: ref, old: reference, new: seen)
            problems.insert(
                ProblemLine(ref: ref, master: name, page: nil, code: "changed_after_check", message: text(lang)), at: 0)
        }

        func local(_ seconds: Int64?) -> String? {
            seconds.map { time.dateTime(of: Date(timeIntervalSince1970: TimeInterval($0))) }
        }
        return MasterView(
            name: name, path: row.diskPath, size: row.size, sha256: row.sha256, pages: row.pages,
            readable: row.readable, missing: missing, profile: row.profile, problems: problems,
            scannedAt: local(row.scannedAt), ingestedAt: local(row.ingestedAt) ?? "", verifiedAt: local(row.verifiedAt),
            tiff: withTags ? try? JSONDecoder().decode(MasterMetadata.self, from: Data(row.metadata.utf8)) : nil,
            seenSHA256: seen, changedAt: local(row.changedAt), hashHistory: [])
    }
}
