import Foundation
import GRDB
import KhoEstimation
import KhoTIFF

/// Which masters `kho scan verify` re-hashes.
public enum VerifySelection: Sendable, Hashable {
    case all
    /// Masters not verified (or ingested) for this many days.
    case olderThan(days: Int)
    /// A random sample of this many masters.
    case sample(Int)
}

/// One master that failed verification.
public struct VerifyProblem: Codable, Sendable, Hashable {
    public var path: String
    public var ref: String
    /// `missing`, `changed` or `unreadable`.
    public var kind: String
    public var message: String
}

/// What a verification found.
public struct VerifyReport: Codable, Sendable {
    public var checked = 0
    public var ok = 0
    public var missing = 0
    public var changed = 0
    public var unreadable = 0
    /// Bytes read and hashed, over every master that could be read to its end.
    public var bytes: Int64 = 0
    public var seconds = 0.0
    public var problems: [VerifyProblem] = []

    /// Whether every master checked is present and unchanged.
    public var clean: Bool { problems.isEmpty }
}

enum VerifyText {
    static let missing = Text(vi: "tệp bản quét không còn trên đĩa", en: "the master is no longer on disk")
    static let changed = Text(
        vi: "nội dung đã thay đổi: SHA-256 khác với lúc nạp (hỏng hoặc bị ghi đè)",
        en: "content changed: SHA-256 differs from ingest (damaged or overwritten)")
    /// A master on record as missing: what was lost, and the two ways out.
    static func recordedMissing(ref: String, name: String, sha: String?) -> Text {
        let lastVI = sha.map { "SHA-256 cuối " + $0.prefix(16) + "…" } ?? "chưa từng đọc được trọn, không có SHA-256"
        let lastEN = sha.map { "last SHA-256 " + $0.prefix(16) + "…" } ?? "never read whole, no SHA-256"
        return Text(
            vi:
                "bản gốc đã mất từ lần nạp trước (\(lastVI)); đưa tệp về chỗ cũ hoặc quét lại rồi chạy `kho scan ingest`, hoặc chấp nhận mất: `kho scan accept \(ref) --page \(name) --reason lost`",
            en:
                "the master is gone since an earlier ingest (\(lastEN)); put it back or rescan it and run `kho scan ingest`, or accept the loss: `kho scan accept \(ref) --page \(name) --reason lost`"
        )
    }

    static func unreadable(_ reason: Text) -> Text {
        Text(vi: "không đọc được: \(reason.vi)", en: "cannot be read: \(reason.en)")
    }
}

extension KhoStore {
    /// Re-hashes masters and compares them with the SHA-256 recorded at ingest (problems described in `lang`); appends
    /// an attributed event.
    ///
    /// `root` overrides where the masters are looked for (else where they were ingested from).
    public func verify(
        _ selection: VerifySelection = .all, root: String? = nil, by who: Attribution, lang: Lang, now: Date = Date(),
        seed: UInt64 = 0, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> VerifyReport {
        let started = Date()
        if case .sample(let n) = selection { try NumberBound.count.check(n) }
        // What is found is written only into the catalogue it was read from (a restore meanwhile stops it).
        let watch = try watchCatalogue()
        var items = try reading { tx in try Self.mastersToVerify(tx, selection, root: root, now: now) }
        if case .sample(let n) = selection, n < items.count {
            var generator = SeededGenerator(seed: seed == 0 ? UInt64(now.timeIntervalSince1970) : seed)
            items.shuffle(using: &generator)
            items = Array(items.prefix(n)).sorted { $0.path < $1.path }
        }
        var tally = VerifyTally(lang: lang)
        var folders = FolderLinks()
        let chunk = 256
        var index = 0
        while index < items.count {
            let slice = Array(items[index..<min(index + chunk, items.count)])
            // A box or file folder replaced by a link is not followed either (O_NOFOLLOW covers the last name only).
            let linked = slice.filter { !$0.missing && folders.linkedFolder(of: $0) != nil }
            let onDisk = slice.filter { !$0.missing && folders.linkedFolder(of: $0) == nil }
            let hashes = Fixity.digests(onDisk.map { (path: $0.path, expectedSize: $0.size) })
            for item in slice where item.missing { tally.addRecordedMissing(item) }
            for item in linked {
                tally.add(
                    item, .failure(FixityError(operation: .open, errno: ELOOP, path: item.path, kind: .symbolicLink)))
            }
            for (item, hash) in zip(onDisk, hashes) { tally.add(item, hash) }
            index += slice.count
            progress?(
                IngestProgress(
                    done: index, total: items.count, bytes: tally.report.bytes,
                    elapsed: Date().timeIntervalSince(started)))
        }
        tally.report.seconds = Date().timeIntervalSince(started)
        try recordMasterVerification(tally.report, verified: tally.verified, by: who, now: now, watch: watch)
        return tally.report
    }

    /// The masters `selection` names (all of them for a sample), in path order, looked for under `root` when given.
    private static func mastersToVerify(
        _ tx: Stores, _ selection: VerifySelection, root: String?, now: Date
    ) throws -> [MasterToVerify] {
        var checkedBy: Int64?
        if case .olderThan(let days) = selection {
            try NumberBound.days.check(days)
            // A master on record as missing is reported on every run until a person accepts the loss.
            checkedBy = Int64(now.timeIntervalSince1970) - Int64(days) * 86_400
        }
        return try tx.scan.recordedMasters(checkedBy: checkedBy).map { master in
            let path =
                root.map { URL(fileURLWithPath: $0).standardizedFileURL.path + "/" + master.rel } ?? master.diskPath
            return MasterToVerify(
                id: master.id, path: path, rel: master.rel, ref: master.ref, sha: master.sha256,
                size: master.size.map { UInt64(max(0, $0)) }, missing: master.missing, name: master.name)
        }
    }

    static let verifyTask = Text(vi: "việc kiểm tra toàn vẹn bản quét", en: "the masters' fixity check")

    /// Gives the masters found unchanged their check time and appends the run's attributed `scan.verify` event.
    private func recordMasterVerification(
        _ report: VerifyReport, verified ids: [Int64], by who: Attribution, now: Date, watch: CatalogueWatch
    ) throws {
        try writing(still: watch, task: Self.verifyTask) { tx in
            try tx.scan.markVerified(ids, at: Int64(now.timeIntervalSince1970))
            var event = Event(
                kind: .scanVerify, attribution: who, time: time,
                detail: EventDetail(
                    count: report.checked,
                    note:
                        "ok \(report.ok), missing \(report.missing), changed \(report.changed), unreadable \(report.unreadable)"
                ))
            try tx.events.append(&event)
        }
    }
}

/// One master to re-hash: where it is looked for, and the SHA-256 recorded at ingest.
private struct MasterToVerify: Sendable {
    var id: Int64
    var path: String
    /// `BOX/FILE/NAME` under the scans root.
    var rel: String
    var ref: String
    var sha: String?
    /// The size on record: another size is a change, found without reading.
    var size: UInt64?
    /// On record as gone from disk (an ingest found it missing) and not accepted as lost.
    var missing = false
    var name = ""
}

/// The report as masters are re-hashed, and the ids of those found unchanged.
private struct VerifyTally {
    let lang: Lang
    var report = VerifyReport()
    var verified: [Int64] = []

    /// Counts a master the catalogue holds as missing: missing on every run until it is back or its loss accepted.
    mutating func addRecordedMissing(_ item: MasterToVerify) {
        report.checked += 1
        report.missing += 1
        report.problems.append(
            VerifyProblem(
                path: item.path, ref: item.ref, kind: "missing",
                message: VerifyText.recordedMissing(ref: item.ref, name: item.name, sha: item.sha)(lang)))
    }

    /// Counts one master's hash: unchanged, changed, missing or unreadable.
    mutating func add(_ item: MasterToVerify, _ hash: Result<FixityDigest, FixityError>) {
        report.checked += 1
        switch hash {
        case .success(let digest):
            report.bytes += Int64(clamping: digest.bytes)
            if digest.sha256 == item.sha {
                report.ok += 1
                verified.append(item.id)
            } else {
                report.changed += 1
                report.problems.append(
                    VerifyProblem(path: item.path, ref: item.ref, kind: "changed", message: VerifyText.changed(lang)))
            }
        case .failure(let error):
            if error.isMissing {
                report.missing += 1
                report.problems.append(
                    VerifyProblem(path: item.path, ref: item.ref, kind: "missing", message: VerifyText.missing(lang)))
            } else if case .sizeChanged = error.kind {
                report.changed += 1
                report.problems.append(
                    VerifyProblem(path: item.path, ref: item.ref, kind: "changed", message: error.reason(lang)))
            } else {
                // A link, a FIFO, a device, a sparse or oversized file: a finding, never read.
                report.unreadable += 1
                report.problems.append(
                    VerifyProblem(
                        path: item.path, ref: item.ref, kind: "unreadable",
                        message: VerifyText.unreadable(error.reason)(lang)))
            }
        }
    }
}

/// Which box and file folders on the way to a master are symbolic links (each folder looked at once).
struct FolderLinks {
    private var seen: [String: Bool] = [:]

    /// The first folder between the scans root and `item` that is a link, or nil.
    fileprivate mutating func linkedFolder(of item: MasterToVerify) -> String? {
        linkedFolder(path: item.path, rel: item.rel)
    }

    /// The first folder between the scans root and the master at `path` (`rel` under the root) that is a link, or nil.
    mutating func linkedFolder(path: String, rel: String) -> String? {
        guard path.hasSuffix("/" + rel) else { return nil }
        var folder = String(path.dropLast(rel.count + 1))
        for part in rel.split(separator: "/").dropLast() {
            folder += "/" + part
            if isLink(folder) { return folder }
        }
        return nil
    }

    private mutating func isLink(_ folder: String) -> Bool {
        if let known = seen[folder] { return known }
        var info = stat()
        let link = lstat(folder, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        seen[folder] = link
        return link
    }
}
