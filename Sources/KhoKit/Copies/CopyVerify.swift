import Foundation
import KhoConcurrency
import KhoEstimation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// What an audit found on one copy.
public struct CopyAudit: Codable, Sendable, Hashable {
    public var name: String
    public var availability: CopyAvailability
    public var checked = 0
    public var ok = 0
    public var missing = 0
    public var changed = 0
    public var unreadable = 0
    /// Files under the copy's `scans/` and `pdf/` that kho did not put there (only counted by a full audit).
    public var unexpected = 0
    /// Catalogue content the copy does not hold yet (a sync's job, not a fault of the copy).
    public var pending = 0
    public var bytes: Int64 = 0

    init(name: String, availability: CopyAvailability) {
        self.name = name
        self.availability = availability
    }

    /// Whether the copy was there and nothing checked on it was wrong.
    public var clean: Bool {
        availability == .available && missing + changed + unreadable + unexpected == 0
    }
}

/// What one `kho copies verify` found.
public struct CopyVerifyReport: Codable, Sendable {
    public var copies: [CopyAudit] = []
    public var findings: [CopyFinding] = []
    public var seconds = 0.0
    public var event: Int64?

    public var clean: Bool { copies.allSatisfy(\.clean) }
}

extension KhoStore {
    /// Re-hashes the files on each copy (or the one named) and compares them with what kho placed there (the
    /// primary: with the catalogue): missing, changed, unreadable, and with `.all` files kho did not put there.
    /// A copy whose folder or marker is absent is unavailable, not empty. One attributed `copies.verify` event.
    public func verifyCopies(
        _ name: String? = nil, selection: VerifySelection = .all, by who: Attribution, lang: Lang, now: Date = Date(),
        seed: UInt64 = 0, progress: (@Sendable (IngestProgress) -> Void)? = nil
    ) throws -> CopyVerifyReport {
        let started = Date()
        // Every write checks the catalogue is still this one: after a restore the audit stops, writing nothing.
        let watch = try watchCatalogue()
        let (sites, items) = try reading { tx in
            let sites =
                try name.map { [try Self.copy(tx, named: $0, catalogue: path)] } ?? tx.copies.sites(catalogue: path)
            return (sites, try tx.copies.items())
        }
        var report = CopyVerifyReport()
        var audited: [(CopySite, Int)] = []
        for site in sites {
            var audit = CopyAudit(name: site.name, availability: try availability(of: site))
            if audit.availability == .available {
                let records = try reading { tx in try tx.copies.records(copyId: site.id) }
                var targets = Self.auditTargets(site, items: items, records: records, audit: &audit)
                targets = Self.select(targets, selection, records: records, now: now, seed: seed)
                try hashTargets(
                    site, targets, audit: &audit, report: &report, lang: lang, watch: watch, started: started,
                    progress: progress)
                if case .all = selection, !site.isPrimary {
                    let known = Set(items.map(\.rel)).union(records.keys)
                    for (rel, leftover) in Self.strayFiles(site.path, known: known) {
                        audit.unexpected += 1
                        report.findings.append(
                            CopyFinding(
                                copy: site.name, path: rel, ref: "", kind: "unexpected",
                                message: (leftover ? CopyText.leftover : CopyText.unexpected)(lang)))
                    }
                }
                audited.append((site, audit.unexpected))
            }
            report.copies.append(audit)
        }
        report.seconds = Date().timeIntervalSince(started)
        report.event = try recordAudit(report, audited: audited, by: who, now: now, watch: watch)
        return report
    }

    /// What an audit hashes on a copy, with the SHA-256 each should have: the primary, every catalogued file; any
    /// other copy, what kho placed there (content not placed yet is pending, counted in `audit`).
    private static func auditTargets(
        _ site: CopySite, items: [CopyItem], records: [String: CopyRecord], audit: inout CopyAudit
    ) -> [CopyItem] {
        if site.isPrimary { return items }
        var targets: [CopyItem] = []
        for item in items {
            guard let record = records[item.rel] else {
                audit.pending += 1
                continue
            }
            if record.sha256 != item.sha256 || record.state != "ok" { audit.pending += 1 }
            var target = item
            target.sha256 = record.sha256
            targets.append(target)
        }
        return targets
    }

    /// The targets a selection names: all, those not verified for N days, or a seeded random sample.
    private static func select(
        _ targets: [CopyItem], _ selection: VerifySelection, records: [String: CopyRecord], now: Date, seed: UInt64
    ) -> [CopyItem] {
        switch selection {
        case .all:
            return targets
        case .olderThan(let days):
            let limit = Int64(now.timeIntervalSince1970) - Int64(days) * 86_400
            return targets.filter { (records[$0.rel]?.verifiedAt ?? 0) <= limit }
        case .sample(let n):
            guard n < targets.count else { return targets }
            var generator = SeededGenerator(seed: seed == 0 ? UInt64(now.timeIntervalSince1970) : seed)
            return Array(targets.shuffled(using: &generator).prefix(n)).sorted { $0.rel < $1.rel }
        }
    }

    /// Hashes `targets` on `site` on all cores, 64 at a time, recording each result as it goes.
    private func hashTargets(
        _ site: CopySite, _ targets: [CopyItem], audit: inout CopyAudit, report: inout CopyVerifyReport, lang: Lang,
        watch: CatalogueWatch, started: Date, progress: (@Sendable (IngestProgress) -> Void)?
    ) throws {
        var index = 0
        while index < targets.count {
            let slice = Array(targets[index..<min(index + 64, targets.count)])
            let hashes = ParallelMap.map(slice) { SafeCopy.digest(site.location(of: $0)) }
            try writing(still: watch, task: Self.auditTask) { tx in
                let stamp = Int64(Date().timeIntervalSince1970)
                for (item, hash) in zip(slice, hashes) {
                    audit.checked += 1
                    let (state, message): (String, Text?)
                    switch hash {
                    case .success(let digest):
                        audit.bytes += Int64(clamping: digest.bytes)
                        (state, message) = digest.sha256 == item.sha256 ? ("ok", nil) : ("changed", CopyText.changed)
                    case .failure(.missing):
                        (state, message) = ("missing", CopyText.missing)
                    case .failure(let problem):
                        (state, message) = ("unreadable", problem.text)
                    }
                    switch state {
                    case "ok": audit.ok += 1
                    case "missing": audit.missing += 1
                    case "changed": audit.changed += 1
                    default: audit.unreadable += 1
                    }
                    if let message {
                        report.findings.append(
                            CopyFinding(
                                copy: site.name, path: item.rel, ref: item.ref, kind: state, message: message(lang))
                        )
                    }
                    try tx.copies.recordFile(
                        copyId: site.id, rel: item.rel, sha256: item.sha256, size: item.size, state: state,
                        at: stamp, verified: state == "ok")
                }
            }
            index += slice.count
            progress?(
                IngestProgress(
                    done: index, total: targets.count, bytes: audit.bytes, elapsed: Date().timeIntervalSince(started)))
        }
    }

    /// Files under a copy's `scans/` and `pdf/` that are not `known`, with whether each is a sync's partial file.
    /// Links are listed, never followed.
    static func strayFiles(_ root: String, known: Set<String>) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var folders = ["scans", "pdf"]
        while let rel = folders.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root + "/" + rel) else { continue }
            for name in names.sorted() {
                let child = rel + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    folders.append(child)
                } else if !known.contains(child) {
                    out.append((child, name.hasSuffix(SafeCopy.partSuffix)))
                }
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    static let auditTask = Text(vi: "việc kiểm tra bản lưu", en: "the copies audit")

    /// Stores each audited copy's last audit and tally, and appends the run's one attributed event.
    private func recordAudit(
        _ report: CopyVerifyReport, audited: [(CopySite, Int)], by who: Attribution, now: Date, watch: CatalogueWatch
    ) throws -> Int64? {
        try writing(still: watch, task: Self.auditTask) { tx in
            let stamp = Int64(now.timeIntervalSince1970)
            for (site, unexpected) in audited {
                try tx.copies.markAudited(id: site.id, at: stamp)
                try Self.refreshTally(tx, site: site, extraProblems: unexpected)
            }
            let note = report.copies.map { c in
                c.availability == .unavailable
                    ? "\(c.name): unavailable"
                    : "\(c.name): ok \(c.ok), missing \(c.missing), changed \(c.changed), unreadable \(c.unreadable), unexpected \(c.unexpected), pending \(c.pending)"
            }.joined(separator: "; ")
            var event = Event(
                kind: .copiesVerify, attribution: who, time: time,
                detail: EventDetail(count: report.copies.reduce(0) { $0 + $1.checked }, note: note))
            event.bytes = report.copies.reduce(0) { $0 + $1.bytes }
            try tx.events.append(&event)
            return event.id
        }
    }
}
