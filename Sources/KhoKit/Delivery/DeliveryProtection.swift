import Foundation

/// The protected paths as the catalogue knows them: its scans roots, and its PDF/A folder from the delivery settings.
extension ProtectedPaths {
    /// The protection of the catalogue at `path`: asks it (read-only) when it exists, else only its own files.
    public static func of(catalogue path: String) -> ProtectedPaths {
        if path != ":memory:", FileManager.default.fileExists(atPath: path),
            let store = try? KhoStore.open(path: path, forWriting: false, create: false),
            let paths = try? store.protectedPaths()
        {
            return paths
        }
        return ProtectedPaths(catalogue: path)
    }
}

extension KhoStore {
    /// What no output may write over: this catalogue's files, its scans roots, its PDF/A folder and copies, and what it
    /// keeps in each registered copy.
    public func protectedPaths() throws -> ProtectedPaths {
        let protection = try reading { tx in try tx.delivery.protection() }
        let folder = try? protection.settings.resolvedFolder(catalogue: path)
        return ProtectedPaths(
            catalogue: path, scansRoots: protection.scansRoots, pdfFolder: folder, copies: protection.copies,
            store: self)
    }
}
