import Foundation

/// The words of an import's vocabulary columns read once each: a sheet of 100,000 rows says "Vĩnh viễn" or "ẩm mốc"
/// in a handful of spellings, and each spelling is looked up (folded, compared) only the first time. A value that is
/// not a word of the vocabulary is passed on as written, so that checking it gives the usual error.
struct VocabularyWords {
    private var cache: [String: String] = [:]

    private mutating func word(_ tag: String, _ raw: String?, _ parse: (String) -> String?) -> String? {
        guard let raw else { return nil }
        let key = tag + raw
        if let known = cache[key] { return known }
        let text = Clean.text(raw)
        let stored = text.isEmpty ? raw : parse(text) ?? raw
        cache[key] = stored
        return stored
    }

    mutating func retention(_ raw: String?) -> String? { word("r", raw) { Retention.parse($0)?.stored } }
    mutating func condition(_ raw: String?) -> String? { word("c", raw) { Condition.parse($0)?.rawValue } }
    mutating func access(_ raw: String?) -> String? { word("a", raw) { Access.parse($0)?.rawValue } }
}
