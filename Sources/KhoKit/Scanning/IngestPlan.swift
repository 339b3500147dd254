import Foundation

extension KhoStore {
    /// What to read: for each catalogued, non-secret folder, its new and changed masters; and for each file, its
    /// masters recorded before that are no longer on disk. Files with nothing to do are left out.
    static func planWork(
        folders: [ScanFolder], catalogue: IngestCatalogue, lang: Lang, summary: inout IngestSummary
    ) -> [WorkItem] {
        var work: [WorkItem] = []
        var seen: Set<String> = []
        for folder in folders {
            let ref = "\(folder.box)/\(folder.file)"
            guard let known = catalogue.files[ref] else {
                summary.findings.append(
                    IngestFinding.unknownFolder(box: folder.box, file: folder.file, masters: folder.masters.count)
                        .text(lang))
                continue
            }
            if known.secret {
                summary.findings.append(IngestFinding.secretFile(ref: ref, masters: folder.masters.count).text(lang))
                continue
            }
            summary.masters += folder.masters.count
            let (toRead, recorded) = mastersToRead(
                folder, fileId: known.id, catalogue: catalogue, seen: &seen, summary: &summary)
            work.append(WorkItem(fileId: known.id, ref: ref, toRead: toRead, recorded: recorded, gone: []))
        }
        addGone(to: &work, catalogue: catalogue, seen: seen, summary: &summary)
        work.removeAll { $0.toRead.isEmpty && $0.gone.isEmpty }
        return work
    }

    /// The masters of one folder that are new or changed since they were recorded (counted in `summary`), and the
    /// relative paths of those among them the catalogue has a row for; every master of the folder goes into `seen`.
    private static func mastersToRead(
        _ folder: ScanFolder, fileId: Int64, catalogue: IngestCatalogue, seen: inout Set<String>,
        summary: inout IngestSummary
    ) -> (toRead: [MasterOnDisk], recorded: Set<String>) {
        var toRead: [MasterOnDisk] = []
        var recorded: Set<String> = []
        for master in folder.masters {
            seen.insert(master.relPath)
            guard let old = catalogue.existing[master.relPath] else {
                summary.new += 1
                toRead.append(master)
                continue
            }
            if old.identity == master.identity, !old.missing, old.fileId == fileId {
                summary.unchanged += 1
            } else {
                summary.changed += 1
                summary.changedPaths.append(master.relPath)
                recorded.insert(master.relPath)
                toRead.append(master)
            }
        }
        return (toRead, recorded)
    }

    /// Masters recorded before under a folder that was walked but no longer on disk: each file's go into its work
    /// item, or a new one when it has none.
    private static func addGone(
        to work: inout [WorkItem], catalogue: IngestCatalogue, seen: Set<String>, summary: inout IngestSummary
    ) {
        var goneByFile: [Int64: [String]] = [:]
        for (rel, old) in catalogue.existing where !old.missing && !seen.contains(rel) {
            let parts = rel.split(separator: "/")
            guard parts.count == 3 else { continue }
            let folderRef = "\(parts[0])/\(parts[1])"
            if catalogue.files[folderRef]?.id == old.fileId { goneByFile[old.fileId, default: []].append(rel) }
        }
        summary.missing = goneByFile.values.reduce(0) { $0 + $1.count }
        for index in work.indices { work[index].gone = goneByFile.removeValue(forKey: work[index].fileId) ?? [] }
        for (fileId, gone) in goneByFile {
            let ref = catalogue.files.first { $0.value.id == fileId }?.key ?? "?"
            work.append(WorkItem(fileId: fileId, ref: ref, toRead: [], recorded: [], gone: gone))
        }
    }

    /// Batches of whole catalogue files (the first one empty when there is no work): about `first` masters, then
    /// twice as many each time up to `chunk`, and at the end half of what is left each time, down to `first`. The
    /// database waits for the first batch alone, and the last one is written alone, so both are small; the others
    /// are read while the one before is written.
    static func batches<Item>(
        of work: [Item], masters: (Item) -> Int, first: Int = 64, chunk: Int = 1024
    ) -> [[Item]] {
        var batches: [[Item]] = [[]]
        var left = work.reduce(0) { $0 + masters($1) }
        var count = 0
        var growing = first
        var size = first
        for item in work {
            if count >= size {
                batches.append([])
                count = 0
                growing = min(growing * 2, chunk)
                size = min(growing, max(first, left / 2))
            }
            batches[batches.count - 1].append(item)
            count += masters(item)
            left -= masters(item)
        }
        return batches
    }

}

/// What the catalogue knows before an ingest: files by `BOX/FILE`, the masters already ingested that this ingest can
/// see or miss (by relative path), and when each file was registered.
struct IngestCatalogue {
    struct KnownFile {
        var id: Int64
        var secret: Bool

        init(id: Int64, access: String) {
            self.id = id
            self.secret = access == Access.secret.rawValue
        }
    }
    struct KnownMaster {
        var id: Int64
        var fileId: Int64
        var identity: FileIdentity
        var missing: Bool
    }
    var files: [String: KnownFile] = [:]
    var existing: [String: KnownMaster] = [:]
    var registered = RegistrationTimes()
}

/// One catalogue file's share of an ingest: the masters to read and those gone from disk.
struct WorkItem: Sendable {
    var fileId: Int64
    var ref: String
    var toRead: [MasterOnDisk]
    /// Those of `toRead` the catalogue has a row for (the rest are new: the catalogue was read under the ingest
    /// lock, and only an ingest adds masters).
    var recorded: Set<String>
    var gone: [String]
}
