import Foundation
import KhoTIFF

extension KhoStore {
    /// The profile named by `nameOrPath` (a built-in name or a custom profile file), or the catalogue's default when nil.
    public func resolveProfile(_ nameOrPath: String?) throws -> QualityProfile {
        guard let nameOrPath else { return try defaultProfile() }
        do {
            return try QualityProfile.resolve(nameOrPath)
        } catch {
            if QualityProfile.builtIn(named: nameOrPath) == nil && !FileManager.default.fileExists(atPath: nameOrPath) {
                throw ScanError.unknownProfile(nameOrPath)
            }
            throw ScanError.badProfile(path: nameOrPath, reason: error.message(in: Lang.current))
        }
    }
}
