import Foundation

/// What a legal copy is made from, and whether a file's masters are still that (the ladder's *delivered* and
/// *needs rebuild* rungs).
extension FileLadder {
    /// Whether the file's latest copy was made from its masters as they are now; nil when it has no copy.
    static func madeFromCurrentMasters(_ scan: ScanStore, fileId: Int64) throws -> Bool? {
        guard let made = try scan.latestCopySources(fileId: fileId) else { return nil }
        return try made == scan.sources(fileId: fileId)
    }
}
