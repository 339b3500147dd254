import Foundation

/// The rule that makes a file's archival code (*mã hồ sơ*): fixed text and fields in braces, set per fonds.
///
/// Fields: `{fonds}` the fonds code; `{inventory}` the fonds' inventory number (*mục lục số*, set with the rule);
/// `{year}` the file's first year (else its last); `{number}` the file's number in its fonds (*số hồ sơ*: given
/// in inventory order, box then file, when the fonds' first copy is built, and never changed; files registered
/// later take the next numbers); `{box}` and `{file}` the codes as registered. `{a|b}` takes the first that is
/// known; `{number:4}` writes a number with at least 4 digits. The default, `{fonds}.{inventory|year}.{number:4}`,
/// gives e.g. `UBND-SK1.01.0123`, or `UBND-SK1.1993.0123` for a fonds without an inventory number.
public struct ArchiveRule: Codable, Sendable, Hashable {
    public var pattern: String
    /// The fonds' inventory number (*mục lục số*), e.g. `01`; nil when it has none.
    public var inventory: String?

    public static let defaultPattern = "{fonds}.{inventory|year}.{number:4}"
    public static let `default` = ArchiveRule(pattern: defaultPattern, inventory: nil)

    public init(pattern: String, inventory: String? = nil) {
        self.pattern = pattern
        self.inventory = inventory
    }

    /// A field of the pattern.
    public enum Field: String, Sendable, CaseIterable {
        case fonds, inventory, year, number, box, file
    }

    enum Part: Sendable, Hashable {
        case literal(String)
        /// Alternatives, first known wins; `width` pads a value made of digits with zeros.
        case field([Field], width: Int?)
    }

    /// What one file gives the rule.
    struct Values: Sendable, Hashable {
        var fonds: String
        var inventory: String?
        var year: Int?
        var number: Int?
        var box: String
        var file: String

        func value(_ field: Field) -> String? {
            switch field {
            case .fonds: fonds
            case .inventory: inventory.flatMap { $0.isEmpty ? nil : $0 }
            case .year: year.map(String.init)
            case .number: number.map(String.init)
            case .box: box
            case .file: file
            }
        }
    }

    /// The pattern's parts; throws `ArchiveCodeError.badRule` naming what is wrong.
    func parts() throws -> [Part] {
        var parts: [Part] = []
        var literal = ""
        var rest = Substring(pattern)
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == "}" { throw ArchiveCodeError.badRule(pattern: pattern, reason: ArchiveCodeText.ruleStrayBrace) }
            guard c == "{" else {
                literal.append(c)
                continue
            }
            guard let close = rest.firstIndex(of: "}") else {
                throw ArchiveCodeError.badRule(pattern: pattern, reason: ArchiveCodeText.ruleUnclosed)
            }
            let inside = rest[rest.startIndex..<close]
            rest = rest[rest.index(after: close)...]
            var names = Substring(inside)
            var width: Int?
            if let colon = inside.firstIndex(of: ":") {
                names = inside[inside.startIndex..<colon]
                guard let w = Int(inside[inside.index(after: colon)...]), (1...12).contains(w) else {
                    throw ArchiveCodeError.badRule(pattern: pattern, reason: ArchiveCodeText.ruleWidth(String(inside)))
                }
                width = w
            }
            var fields: [Field] = []
            for name in names.split(separator: "|", omittingEmptySubsequences: false) {
                let key = name.trimmingCharacters(in: .whitespaces).lowercased()
                guard let field = Field(rawValue: key) else {
                    throw ArchiveCodeError.badRule(
                        pattern: pattern, reason: ArchiveCodeText.ruleUnknownField(String(name)))
                }
                fields.append(field)
            }
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
            parts.append(.field(fields, width: width))
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        let used = Set(
            parts.flatMap { part -> [Field] in if case .field(let f, _) = part { return f } else { return [] } })
        if !used.contains(.number) && !used.contains(.file) {
            throw ArchiveCodeError.badRule(pattern: pattern, reason: ArchiveCodeText.ruleNeedsNumber)
        }
        for case .literal(let text) in parts {
            if let bad = text.first(where: { $0 == "/" || $0 == "\\" }) {
                throw ArchiveCodeError.badRule(pattern: pattern, reason: ArchiveCodeText.ruleSlash(String(bad)))
            }
        }
        return parts
    }

    /// Whether the rule reads `field`.
    func uses(_ field: Field) -> Bool {
        guard let parts = try? parts() else { return false }
        return parts.contains { if case .field(let f, _) = $0 { f.contains(field) } else { false } }
    }

    /// The code for `values`, or why there is none (a field with no value, a code that cannot name a file).
    func render(_ values: Values, parts: [Part]) -> Result<String, ArchiveCodeProblem> {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text):
                out += text
            case .field(let fields, let width):
                guard let value = fields.lazy.compactMap({ values.value($0) }).first else {
                    return .failure(.missing(fields))
                }
                if let width, value.count < width, value.allSatisfy(\.isASCIIDigitish) {
                    out += String(repeating: "0", count: width - value.count) + value
                } else {
                    out += value
                }
            }
        }
        out = out.precomposedStringWithCanonicalMapping
        if out.isEmpty || out.hasPrefix(".") || out.contains("/") || out.contains("\\")
            || out.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) || out.utf8.count > 200
        {
            return .failure(.unusable(out))
        }
        return .success(out)
    }
}

/// Why a file has no archival code.
enum ArchiveCodeProblem: Error, Sendable, Hashable {
    /// None of these fields has a value for the file.
    case missing([ArchiveRule.Field])
    /// The code cannot name a file (empty, starts with a dot, holds a slash or a control character, too long).
    case unusable(String)
    /// Another file has the same code.
    case duplicate(code: String, other: String)
}

extension Character {
    fileprivate var isASCIIDigitish: Bool { isASCII && isNumber }
}
