import Foundation

/// An error whose message a person can act on, in Vietnamese and English.
public protocol KhoError: LocalizedError, Sendable {
    /// The message in both languages.
    var text: Text { get }
}

extension KhoError {
    public var errorDescription: String? { text(Lang.current) }
}
