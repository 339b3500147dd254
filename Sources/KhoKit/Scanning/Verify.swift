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
    static func unreadable(_ reason: String) -> Text {
        Text(vi: "không đọc được: \(reason)", en: "cannot be read: \(reason)")
    }
}

extension KhoStore {
    /// Re-hashes masters and compares them with the SHA-256 recorded at ingest; appends an attributed event.
    ///
    /// `root` overrides where the masters are looked for (else where they were ingested from).
    public func verify(
        _ selection: VerifySelection = .all, root: String? = nil, by who: Attribution, now: Date = Date(),
        seed: UInt64 = 0, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> VerifyReport {
        let started = Date()
        if case .sample(let n) = selection { try NumberBound.count.check(n) }
        var items = try read { db in try Self.mastersToVerify(db, selection, root: root, now: now) }
        if case .sample(let n) = selection, n < items.count {
            var generator = SeededGenerator(seed: seed == 0 ? UInt64(now.timeIntervalSince1970) : seed)
            items.shuffle(using: &generator)
            items = Array(items.prefix(n)).sorted { $0.path < $1.path }
        }
        var tally = VerifyTally()
        let chunk = 256
        var index = 0
        while index < items.count {
            let slice = Array(items[index..<min(index + chunk, items.count)])
            let hashes = Fixity.digests(paths: slice.map(\.path))
            for (item, hash) in zip(slice, hashes) { tally.add(item, hash) }
            index += slice.count
            progress?(
                IngestProgress(
                    done: index, total: items.count, bytes: tally.report.bytes,
                    elapsed: Date().timeIntervalSince(started)))
        }
        tally.report.seconds = Date().timeIntervalSince(started)
        try recordMasterVerification(tally.report, verified: tally.verified, by: who, now: now)
        return tally.report
    }

    /// The masters `selection` names (all of them for a sample), in path order, looked for under `root` when given.
    private static func mastersToVerify(
        _ db: Database, _ selection: VerifySelection, root: String?, now: Date
    ) throws -> [MasterToVerify] {
        var sql = """
            SELECT m.id, m.root, m.rel_path, m.disk_path, m.sha256, b.code AS box_code, f.code AS file_code FROM master m
            JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id WHERE NOT m.missing
            """
        if case .olderThan(let days) = selection {
            try NumberBound.days.check(days)
            sql +=
                " AND COALESCE(m.verified_at, m.ingested_at) <= \(Int64(now.timeIntervalSince1970) - Int64(days) * 86_400)"
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY m.rel_path").map { row in
            let path: String
            if let root {
                path = URL(fileURLWithPath: root).standardizedFileURL.path + "/" + (row["rel_path"] as String)
            } else {
                path = row["disk_path"]
            }
            return MasterToVerify(
                id: row["id"], path: path, ref: "\(row["box_code"] as String)/\(row["file_code"] as String)",
                sha: row["sha256"])
        }
    }

    /// Gives the masters found unchanged their check time and appends the run's attributed `scan.verify` event.
    private func recordMasterVerification(
        _ report: VerifyReport, verified ids: [Int64], by who: Attribution, now: Date
    ) throws {
        try write { db in
            let stamp = Int64(now.timeIntervalSince1970)
            let update = try db.makeStatement(sql: "UPDATE master SET verified_at = ? WHERE id = ?")
            for id in ids { try update.execute(arguments: [stamp, id]) }
            var event = Event(
                kind: .scanVerify, attribution: who, time: time,
                detail: EventDetail(
                    count: report.checked,
                    note:
                        "ok \(report.ok), missing \(report.missing), changed \(report.changed), unreadable \(report.unreadable)"
                ))
            try event.append(db)
        }
    }
}

/// One master to re-hash: where it is looked for, and the SHA-256 recorded at ingest.
private struct MasterToVerify: Sendable {
    var id: Int64
    var path: String
    var ref: String
    var sha: String?
}

/// The report as masters are re-hashed, and the ids of those found unchanged.
private struct VerifyTally {
    var report = VerifyReport()
    var verified: [Int64] = []

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
                    VerifyProblem(path: item.path, ref: item.ref, kind: "changed", message: VerifyText.changed()))
            }
        case .failure(let error):
            if error.errno == ENOENT {
                report.missing += 1
                report.problems.append(
                    VerifyProblem(path: item.path, ref: item.ref, kind: "missing", message: VerifyText.missing()))
            } else {
                report.unreadable += 1
                let reason = String(cString: strerror(error.errno))
                report.problems.append(
                    VerifyProblem(
                        path: item.path, ref: item.ref, kind: "unreadable", message: VerifyText.unreadable(reason)()))
            }
        }
    }
}
