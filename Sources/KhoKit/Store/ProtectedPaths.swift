import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// What kho catalogues or manages on disk, which no output may write over (even with `--force`): the catalogue and
/// its companion files, every file under a scans root (masters, and whatever else lies there), the PDF/A copies'
/// folder and every copy on record, and what kho keeps in each registered copy (its `scans/`, `pdf/`, `catalog/` and
/// marker). Built from the store (``KhoStore/protectedPaths()``) and handed to ``OutputFile``; ``what(_:)`` names
/// what a path is.
public struct ProtectedPaths: Sendable {
    /// The catalogue (nil or `:memory:` when there is none on disk).
    public var catalogue: String?
    /// Every scans root masters were ingested from, and `scans/` under the current folder, links resolved.
    public var scansRoots: [String]
    /// The PDF/A copies' folder, links resolved.
    public var pdfFolder: String?
    /// The registered copies (not the primary), their folders links resolved.
    public var copies: [CopyFolder]
    /// The catalogue, to say which file and page a protected path is.
    let store: KhoStore?

    /// Protection without a catalogue to ask: its companion files, `scans/` here, `pdf/` beside it.
    public init(catalogue: String?, scansRoots: [String] = [], pdfFolder: String? = nil) {
        self.init(catalogue: catalogue, scansRoots: scansRoots, pdfFolder: pdfFolder, store: nil)
    }

    init(
        catalogue: String?, scansRoots: [String], pdfFolder: String?, copies: [CopyFolder] = [], store: KhoStore?
    ) {
        self.catalogue = catalogue
        self.copies = copies.map { CopyFolder(name: $0.name, path: OutputFile.resolved($0.path)) }
        var roots = scansRoots + ["scans"]
        var folder = pdfFolder
        if let catalogue, catalogue != ":memory:", folder == nil {
            folder = Self.defaultPdfFolder(catalogue: catalogue)
        }
        roots = roots.map(OutputFile.resolved)
        self.scansRoots = Array(Set(roots)).sorted()
        self.pdfFolder = folder.map(OutputFile.resolved)
        self.store = store
    }

    /// The PDF/A copies' folder when none is set: `pdf/` in the folder of the catalogue at `catalogue` (a file).
    static func defaultPdfFolder(catalogue: String) -> String {
        let absolute = URL(fileURLWithPath: catalogue).standardizedFileURL
        return absolute.deletingLastPathComponent().appendingPathComponent("pdf").path
    }

    /// What `path` is, when kho catalogues or manages it (links and `..` resolved); nil when an output may go there.
    public func what(_ path: String) -> Text? {
        let target = OutputFile.resolved(path)
        if let catalogue, catalogue != ":memory:" {
            let live = OutputFile.resolved(catalogue)
            if [live, live + "-wal", live + "-shm", live + ".lock", live + "-journal"].contains(target)
                || Self.sameInode(path, catalogue)
            {
                return Text(
                    vi: "danh mục \(catalogue) (hoặc tệp đi kèm của nó)",
                    en: "the catalogue \(catalogue) (or one of its companion files)")
            }
        }
        if let named = try? store?.read({ db in try Self.named(db, target: target, original: path) }) {
            return named
        }
        if let root = scansRoots.first(where: { Self.isInside(target, $0) }) {
            return Text(
                vi: "một tệp trong thư mục bản quét \(root), nơi giữ bản gốc",
                en: "a file in the scans folder \(root), where the masters are kept")
        }
        if let pdfFolder, Self.isInside(target, pdfFolder) {
            return Text(
                vi: "một tệp trong thư mục bản PDF/A \(pdfFolder)",
                en: "a file in the PDF/A copies' folder \(pdfFolder)")
        }
        for copy in copies {
            if let kept = copy.kept(target) { return kept }
        }
        return nil
    }

    /// Whether `path` is `folder` or lies inside it (both resolved).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func sameInode(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// The master or copy on record at `target` (by its path, or by its device and inode: a hard link or a link to
    /// it), named by its file and page.
    private static func named(_ db: Database, target: String, original: String) throws -> Text? {
        var info = stat()
        let exists = stat(target, &info) == 0
        let master = try Row.fetchOne(
            db,
            sql: """
                SELECT m.file_id, m.name, b.code || '/' || f.code AS ref FROM master m
                JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE m.disk_path IN (?, ?) OR (? AND m.device = ? AND m.inode = ?) LIMIT 1
                """,
            arguments: [target, original, exists, Int64(info.st_dev), Int64(info.st_ino)])
        if let master {
            let ref: String = master["ref"]
            let name: String = master["name"]
            let page =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT 1 + COALESCE(SUM(pages), 0) FROM master WHERE file_id = ? AND name < ? AND NOT missing",
                    arguments: [master["file_id"] as Int64, name]) ?? 1
            return Text(
                vi: "bản gốc của hồ sơ \(ref), trang \(page) (\(name))",
                en: "the master of file \(ref), page \(page) (\(name))")
        }
        if let copy = try Row.fetchOne(
            db,
            sql: """
                SELECT c.archive_id, b.code || '/' || f.code AS ref FROM pdf_copy c
                JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id WHERE c.path IN (?, ?) LIMIT 1
                """, arguments: [target, original])
        {
            let ref: String = copy["ref"]
            let id: String = copy["archive_id"]
            return Text(vi: "bản PDF/A của hồ sơ \(ref) (\(id))", en: "the PDF/A copy of file \(ref) (\(id))")
        }
        return nil
    }
}

extension KhoStore {
    /// Every root masters were ingested from (with `onDisk`, only of masters not missing), in order, one index seek
    /// each (`master_root`; `master_root_file` with `onDisk`), never a pass over the masters.
    static func scansRoots(_ db: Database, onDisk: Bool = false) throws -> [String] {
        let kept = onDisk ? "NOT missing" : "1"
        return try String.fetchAll(
            db,
            sql: """
                WITH RECURSIVE r(root) AS (
                    SELECT MIN(root) FROM master WHERE \(kept)
                    UNION ALL
                    SELECT (SELECT MIN(root) FROM master WHERE \(kept) AND root > r.root) FROM r WHERE r.root IS NOT NULL)
                SELECT root FROM r WHERE root IS NOT NULL
                """)
    }
}
