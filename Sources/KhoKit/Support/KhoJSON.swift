import Foundation

/// The one JSON configuration for what kho shows: `--json` on the command line and the JSON of `kho serve`'s API,
/// pretty-printed, keys sorted, slashes kept (`"H0012/03"`, not `"H0012\/03"`).
///
/// Keys are written as each type names them (its `CodingKeys`); no key strategy is set. Most outputs are snake_case
/// through their `CodingKeys`, but `kho report --json`, `labels --json`, `rates show --json`, `scan show --json`,
/// `scan profile --json` and `estimate show --json` carry camelCase keys (types without `CodingKeys`), which
/// `.convertToSnakeCase` would rename. JSON that kho stores (events, masters, saved estimates) has its own encoders.
public enum KhoJSON {
    /// A new encoder with kho's output settings; values that hold a ``Text`` write it in `lang`.
    public static func encoder(_ lang: Lang) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let langKey { encoder.userInfo[langKey] = lang }
        return encoder
    }

    /// `value` as kho prints it, its texts in `lang`.
    public static func encode<T: Encodable>(_ value: T, lang: Lang) throws -> Data {
        try encoder(lang).encode(value)
    }

    /// The language `encoder` writes texts in (given to ``encoder(_:)``); Vietnamese for any other encoder.
    public static func lang(of encoder: any Encoder) -> Lang {
        langKey.flatMap { encoder.userInfo[$0] as? Lang } ?? .vi
    }

    private static let langKey = CodingUserInfoKey(rawValue: "kho.lang")
}
