import Foundation

/// One file on one copy that `kho copies repair` replaced, or could not.
public struct CopyRepairLine: Codable, Sendable, Hashable {
    public var copy: String
    /// The path inside the copy (`scans/BOX/FILE/PAGE.tif`, `pdf/FONDS/CODE.pdf`).
    public var path: String
    /// What was wrong with it: `missing`, `changed` or `unreadable`.
    public var was: String
    /// The copy whose file (matching the catalogue's SHA-256) replaced it; nil when it could not be replaced.
    public var source: String?
    public var message: String

    /// What was wrong, in words: "mất" / "missing", "thay đổi" / "changed", "không đọc được" / "unreadable".
    public var state: Text {
        switch was {
        case "missing": Text(vi: "mất", en: "missing")
        case "changed": Text(vi: "thay đổi", en: "changed")
        case "unreadable": Text(vi: "không đọc được", en: "unreadable")
        default: Text(verbatim: was)
        }
    }
}

/// What one `kho copies repair` did.
public struct CopyRepairReport: Codable, Sendable {
    public var ref: String
    /// Files checked on every available copy.
    public var files = 0
    public var repaired: [CopyRepairLine] = []
    /// Damaged files that could not be replaced (the write failed).
    public var failed: [CopyRepairLine] = []
    /// Paths with no copy anywhere matching the catalogue: lost, unless an unavailable copy still holds them.
    public var lost: [String] = []
    /// Copies that could not be checked (not mounted).
    public var unavailable: [String] = []
    public var event: Int64?

    public var clean: Bool { failed.isEmpty && lost.isEmpty }
}

extension KhoStore {
    /// Replaces each damaged or missing master (or `page`) and PDF/A copy of a file on every copy, the primary
    /// included, from a copy whose file matches the catalogue's SHA-256 (hashed again while copying); never from one
    /// that does not match. A file with no good copy anywhere is reported as lost. One attributed `copies.repair` event.
    public func repairCopies(
        _ ref: FileRef, page: String? = nil, by who: Attribution, lang: Lang, now: Date = Date()
    ) throws
        -> CopyRepairReport
    {
        let lock = try CatalogueLock.acquire(catalogue: path, activity: .repair, by: who, time: time)
        defer { lock?.release() }
        let (fileId, boxId, items, sites) = try reading { tx in
            let (box, file) = try tx.catalogue.file(ref: ref)
            var items = try tx.copies.items(fileId: file.id, includeMissing: true)
            if let page {
                items = items.filter { $0.kind == .master && ($0.rel as NSString).lastPathComponent == page }
                if items.isEmpty { throw CopyError.unknownPage(ref: ref.description, page: page) }
            }
            if items.isEmpty { throw CopyError.nothingToRepair(ref.description) }
            return (file.id, box.id, items, try tx.copies.sites(catalogue: path))
        }
        var report = CopyRepairReport(ref: ref.description, files: items.count)
        var available: [CopySite] = []
        for site in sites {
            if try availability(of: site) == .available {
                available.append(site)
            } else {
                report.unavailable.append(site.name)
            }
        }
        var results: [(CopySite, CopyItem, String)] = []
        for item in items {
            results += Self.repair(item, on: available, report: &report, lang: lang)
        }
        report.event = try writing { tx in
            let stamp = Int64(now.timeIntervalSince1970)
            for (site, item, state) in results {
                try tx.copies.recordFile(
                    copyId: site.id, rel: item.rel, sha256: item.sha256, size: item.size, state: state, at: stamp,
                    verified: state == "ok")
            }
            for site in available { try Self.refreshTally(tx, site: site) }
            var event = Event(
                kind: .copiesRepair, attribution: who, time: time,
                detail: EventDetail(count: report.repaired.count, note: Self.repairNote(report)))
            event.fileId = fileId
            event.boxId = boxId
            try tx.events.append(&event)
            return event.id
        }
        return report
    }

    /// Checks one file on every available copy and replaces each bad one from a good one; returns the state each
    /// copy's file is in afterwards.
    private static func repair(
        _ item: CopyItem, on sites: [CopySite], report: inout CopyRepairReport, lang: Lang
    ) -> [(CopySite, CopyItem, String)] {
        var good: [CopySite] = []
        var bad: [(CopySite, String)] = []
        for site in sites {
            switch SafeCopy.digest(site.location(of: item)) {
            case .success(let d) where d.sha256 == item.sha256: good.append(site)
            case .success: bad.append((site, "changed"))
            case .failure(.missing): bad.append((site, "missing"))
            case .failure: bad.append((site, "unreadable"))
            }
        }
        var states = good.map { ($0, item, "ok") }
        if bad.isEmpty { return states }
        if good.isEmpty {
            report.lost.append(item.rel)
            return states + bad.map { ($0.0, item, $0.1) }
        }
        for (site, was) in bad {
            var line = CopyRepairLine(copy: site.name, path: item.rel, was: was, source: nil, message: "")
            for source in good {
                let outcome = SafeCopy.transfer(
                    from: source.location(of: item), to: site.location(of: item), expected: item.sha256)
                if case .copied = outcome {
                    line.source = source.name
                    break
                }
                if case .writeFailed(let reason) = outcome {
                    line.message = CopyText.writeFailed(reason)(lang)
                    break
                }
            }
            if line.source != nil {
                report.repaired.append(line)
                states.append((site, item, "ok"))
            } else {
                report.failed.append(line)
                states.append((site, item, was))
            }
        }
        return states
    }

    private static func repairNote(_ report: CopyRepairReport) -> String {
        var parts = report.repaired.map { "\($0.copy) \($0.path) (\($0.was)) ← \($0.source ?? "?")" }
        parts += report.failed.map { "\($0.copy) \($0.path) (\($0.was)) failed" }
        parts += report.lost.map { "\($0) lost" }
        if !report.unavailable.isEmpty { parts.append("unavailable: " + report.unavailable.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
