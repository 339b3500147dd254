/// The language of a user-facing text: Vietnamese (the default) or English.
public enum Lang: String, Sendable, Codable, CaseIterable {
    /// Vietnamese.
    case vi
    /// English.
    case en
}

/// A user-facing text in both languages.
public struct Bilingual: Sendable, Codable, Equatable {
    /// The Vietnamese text.
    public let vi: String
    /// The English text.
    public let en: String

    /// Makes a text from its two translations.
    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The text in `lang`.
    public func text(_ lang: Lang = .vi) -> String { lang == .vi ? vi : en }
}
