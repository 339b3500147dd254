import Foundation

/// The language of everything a person sees: Vietnamese by default, English on request.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case vi
    case en

    /// The language chosen by `KHO_LANG`, else by a `LANG` or `LC_ALL` that starts with `en`, else Vietnamese.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Lang {
        if let explicit = env["KHO_LANG"]?.lowercased(), !explicit.isEmpty {
            return explicit.hasPrefix("en") ? .en : .vi
        }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .vi
            }
        }
        return .vi
    }

    /// The language of this process: the one chosen with `--lang` (see `choose(_:)`), else the environment's.
    public static var current: Lang { chosen ?? fromProcessEnvironment }

    /// Chooses the language for the rest of this process (the CLI's `--lang`); call before any work starts.
    public static func choose(_ lang: Lang) { chosen = lang }

    private nonisolated(unsafe) static var chosen: Lang?
    private static let fromProcessEnvironment = fromEnvironment()
}

/// A piece of user-facing text in both languages.
public struct Text: Sendable, Hashable, Codable {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// The same words in both languages (a system's message, a name).
    public init(verbatim text: String) {
        self.init(vi: text, en: text)
    }

    /// The text in `lang`. Library code is given the language; the `kho` executable adds `text()` for the language
    /// it chose at startup (``Lang/current``).
    public func callAsFunction(_ lang: Lang) -> String {
        lang == .vi ? vi : en
    }

    /// The text in `lang` (the same as `text(lang)` called as a function).
    public func text(_ lang: Lang) -> String { self(lang) }
}
