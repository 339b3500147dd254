/// The language a message is written in; Vietnamese is the default everywhere.
public enum KhoLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    /// Vietnamese (tiếng Việt), the default.
    case vi
    /// English.
    case en
}
