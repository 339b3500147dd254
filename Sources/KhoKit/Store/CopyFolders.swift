import Foundation
import GRDB

/// The registered copies' folders as the ground floor knows them (`copy_site`, issue 27): what no output writes over
/// (``ProtectedPaths``), and what no ingest reads from nor PDF folder is set in (``KhoStore/copyOverlapping(folder:)``).
extension ProtectedPaths {
    /// A registered copy's folder (`kho copies add`): kho keeps its `scans/`, `pdf/` and `catalog/` and its marker;
    /// the rest of the folder is the person's.
    public struct CopyFolder: Sendable, Hashable {
        public var name: String
        public var path: String

        /// The marker file kho writes at a copy's root (`kho copies add`): a copy without it is not mounted.
        public static let markerName = ".kho-copy"

        public init(name: String, path: String) {
            self.name = name
            self.path = path
        }

        /// What `target` (resolved) is in this copy, when kho keeps it; nil otherwise.
        func kept(_ target: String) -> Text? {
            let root = path.hasSuffix("/") ? String(path.dropLast()) : path
            if target == root + "/" + Self.markerName {
                return Text(
                    vi: "tệp đánh dấu của bản lưu «\(name)» (\(root))",
                    en: "the marker file of the copy «\(name)» (\(root))")
            }
            let parts: [(String, Text)] = [
                ("scans", Text(vi: "bản sao các bản gốc", en: "the copies of the masters")),
                ("pdf", Text(vi: "bản sao các bản PDF/A", en: "the copies of the PDF/A files")),
                ("catalog", Text(vi: "bản sao lưu danh mục", en: "the backup of the catalogue")),
            ]
            for (folder, what) in parts where ProtectedPaths.isInside(target, root + "/" + folder) {
                return Text(
                    vi: "một tệp trong \(root)/\(folder) của bản lưu «\(name)» (\(what.vi))",
                    en: "a file in \(root)/\(folder) of the copy «\(name)» (\(what.en))")
            }
            return nil
        }
    }

    /// The same protection without copy `name`'s folder: for the one writer that fills it (its catalogue backup).
    func sparing(copy name: String) -> ProtectedPaths {
        var paths = self
        paths.copies.removeAll { $0.name == name }
        return paths
    }
}

extension KhoStore {
    /// The registered copies' folders (not the primary's, not removed), by name.
    static func copyFolders(_ db: Database) throws -> [ProtectedPaths.CopyFolder] {
        try Row.fetchAll(
            db, sql: "SELECT name, path FROM copy_site WHERE removed_at IS NULL AND NOT is_primary ORDER BY name"
        ).map { ProtectedPaths.CopyFolder(name: $0["name"], path: $0["path"]) }
    }

    /// The registered copy (not the primary) whose folder is `folder`, lies inside it or holds it, links resolved;
    /// nil when there is none. No ingest reads from a copy, no PDF/A folder is set in one, no copy is in another.
    public func copyOverlapping(folder: String) throws -> String? {
        try reading { tx in try Self.copyOverlapping(tx.db, folder: folder) }
    }

    static func copyOverlapping(_ db: Database, folder: String) throws -> String? {
        let real = OutputFile.resolved(folder)
        return try copyFolders(db).first { overlaps(real, OutputFile.resolved($0.path)) }?.name
    }

    /// Whether one folder is the other or lies inside it.
    static func overlaps(_ a: String, _ b: String) -> Bool {
        ProtectedPaths.isInside(a, b) || ProtectedPaths.isInside(b, a)
    }
}
