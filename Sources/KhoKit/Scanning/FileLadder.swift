import Foundation

/// Where a file stands on the digitization ladder: one rule, used after every change to its masters, its hand
/// record, its sheet count, a confirmation or an acceptance.
///
/// * **complete**: a file with counted sheets S is complete when its pages P satisfy S ≤ P ≤ 2S (one or both
///   sides of each sheet), or when a person confirmed exactly P pages (`kho scan confirm`); a file whose sheets
///   are not counted is taken as it is (and `kho check` lists it).
/// * with masters on record: *needs review* when a checked master's content changed, else *needs rescan* when a
///   page fails QC or cannot be read, else *count mismatch* when not complete, else *delivered* when its latest
///   PDF/A copy was made from exactly these masters (same names, same SHA-256), *needs rebuild* when it was made
///   from other content, *passed* when it has no copy.
/// * without masters: a live hand record (`scan.record`) is *recorded*, or *count mismatch* when not complete;
///   otherwise *not scanned*.
enum FileLadder {
    /// S ≤ P ≤ 2S, or the sheets are not counted.
    static func isComplete(sheets: Int?, pages: Int) -> Bool {
        guard let s = sheets, s > 0 else { return true }
        // pages − s ≤ s rather than pages ≤ 2s: a damaged count near Int.max must not overflow.
        return pages >= s && pages - s <= s
    }

    /// What the file's masters on record add up to (a master whose loss a person accepted is no longer one; a master
    /// missing and not accepted is bad: the file needs a rescan).
    struct Masters {
        var count = 0
        var pages = 0
        var bytes: Int64 = 0
        var bad = 0
        var changed = 0
    }

    /// The state the file should be in now (or once a person confirms `confirming` pages), and its page count.
    static func settle(
        _ scan: ScanStore, fileId: Int64, confirming: Int? = nil
    ) throws -> (before: ScanState, after: ScanState, pages: Int, masters: Masters) {
        guard let standing = try scan.standing(fileId: fileId) else { return (.none, .none, 0, Masters()) }
        let before = standing.state
        let sheets = standing.sheets
        var pages = standing.pages
        let m = try scan.masters(fileId: fileId)
        var after: ScanState
        func complete(_ p: Int) throws -> Bool {
            if isComplete(sheets: sheets, pages: p) || confirming == p { return true }
            return try scan.confirmedPages(fileId: fileId) == p
        }
        if m.count > 0 {
            pages = m.pages
            if m.changed > 0 {
                after = .review
            } else if m.bad > 0 {
                after = .rescan
            } else if try !complete(pages) {
                after = .mismatch
            } else if let current = try FileLadder.madeFromCurrentMasters(scan, fileId: fileId) {
                // A legal copy made from these very masters is delivered; a master changed since needs a rebuild.
                after = current ? .delivered : .rebuild
            } else {
                after = .passed
            }
        } else if let recorded = try scan.liveHandRecordPages(fileId: fileId) {
            pages = recorded
            after = try complete(pages) ? .recorded : .mismatch
        } else {
            after = .none
            pages = 0
        }
        return (before, after, pages, m)
    }

    /// Settles the file and stores its state and page count; returns what `settle` found.
    @discardableResult
    static func apply(
        _ scan: ScanStore, fileId: Int64
    ) throws -> (before: ScanState, after: ScanState, pages: Int, masters: Masters) {
        let s = try settle(scan, fileId: fileId)
        try scan.setStanding(fileId: fileId, state: s.after, pages: s.pages)
        return s
    }
}
