import KhoLocale

/// Where a price, a day rate or a number of copies comes from, said beside the figure in the reader's language
/// (`rates.toml, dòng 26` / `rates.toml line 26`), so that the chairman can check each line of the money against
/// the file it came from.
///
/// Scripts (`--json`) and saved estimates keep one fixed form, ``stored`` (`rates.toml line 26`, `built-in`,
/// `mặc định (chưa có catalog/rates.toml)`, `kho copies list: bản chính, USB`, `what-if --day-rate`), read back by
/// ``init(stored:)``: an estimate saved before this type existed reads the same.
public enum RatesSource: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    /// A line of the rates file.
    case ratesFile(name: String, line: Int)
    /// The default prices, used because the rates file (as shown: `catalog/rates.toml`) is not there.
    case defaults(missing: String)
    /// kho's own fallback: zero prices and one copy.
    case builtIn
    /// The copies registered with `kho copies` (their names, as listed).
    case registeredCopies(names: String)
    /// A what-if option of the command (`--day-rate`).
    case whatIf(option: String)
    /// Any other text (nothing kho writes now; kept as written).
    case written(String)

    private static let lineWord = " line "
    private static let defaultsPrefix = "mặc định (chưa có "
    private static let copiesPrefix = "kho copies list: "
    private static let whatIfPrefix = "what-if "

    /// The fixed form scripts read and saved estimates keep.
    public var stored: String {
        switch self {
        case .ratesFile(let name, let line): "\(name)\(Self.lineWord)\(line)"
        case .defaults(let missing): "\(Self.defaultsPrefix)\(missing))"
        case .builtIn: "built-in"
        case .registeredCopies(let names): Self.copiesPrefix + names
        case .whatIf(let option): Self.whatIfPrefix + option
        case .written(let text): text
        }
    }

    /// Reads the fixed form back (see ``stored``); text of no known form is kept as written.
    public init(stored text: String) {
        if text == "built-in" {
            self = .builtIn
        } else if text.hasPrefix(Self.defaultsPrefix), text.hasSuffix(")"), text.count > Self.defaultsPrefix.count {
            self = .defaults(missing: String(text.dropFirst(Self.defaultsPrefix.count).dropLast()))
        } else if text.hasPrefix(Self.copiesPrefix) {
            self = .registeredCopies(names: String(text.dropFirst(Self.copiesPrefix.count)))
        } else if text.hasPrefix(Self.whatIfPrefix) {
            self = .whatIf(option: String(text.dropFirst(Self.whatIfPrefix.count)))
        } else if let cut = text.range(of: Self.lineWord, options: .backwards), cut.lowerBound > text.startIndex,
            let line = Int(text[cut.upperBound...]), line > 0, String(line) == text[cut.upperBound...]
        {
            self = .ratesFile(name: String(text[..<cut.lowerBound]), line: line)
        } else {
            self = .written(text)
        }
    }

    public init(stringLiteral value: String) {
        self.init(stored: value)
    }

    public init(from decoder: any Decoder) throws {
        self.init(stored: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(stored)
    }

    /// Where the figure comes from, in words, in both languages.
    public var text: Text {
        switch self {
        case .ratesFile(let name, let line):
            Text(vi: "\(name), dòng \(line)", en: "\(name) line \(line)")
        case .defaults(let missing):
            Text(vi: "mặc định (chưa có \(missing))", en: "default (no \(missing))")
        case .builtIn:
            Text(vi: "mặc định của kho", en: "built-in")
        case .registeredCopies(let names):
            Text(vi: "các bản lưu đã đăng ký (kho copies list): \(names)", en: "kho copies list: \(names)")
        case .whatIf(let option):
            Text(vi: "giả định của lệnh (\(option))", en: "what-if \(option)")
        case .written(let text):
            Text(verbatim: text)
        }
    }

    /// Whether the figure is a default price, not one the commune approved (the rates file is not there).
    public var isDefault: Bool {
        if case .defaults = self { return true }
        return false
    }
}
