/// Why a custom profile file could not be read, naming the line (1-based) where it can; `message(in:)` says it in Vietnamese or English.
public enum ProfileParseError: Error, Sendable, Hashable {
    /// The file could not be read at all.
    case unreadableFile(path: String, reason: String)
    /// Neither a built-in profile's name nor a profile file that exists.
    case unknownProfile(name: String)
    /// A line that is neither blank, a comment, nor `key = value`.
    case missingEquals(line: Int, text: String)
    /// A key this format does not know.
    case unknownKey(line: Int, key: String)
    /// A key given with nothing after `=`.
    case emptyValue(line: Int, key: String)
    /// A key given twice.
    case duplicateKey(line: Int, key: String, firstLine: Int)
    /// A value that should be a positive number but is not.
    case notANumber(line: Int, key: String, value: String)
    /// A colour mode this reader does not know.
    case unknownColourMode(line: Int, value: String)
    /// A compression this reader does not know.
    case unknownCompression(line: Int, value: String)
    /// A yes/no value that is neither.
    case notYesOrNo(line: Int, key: String, value: String)
    /// A profile name with characters other than letters, digits, `-`, `_` and `.`.
    case badName(line: Int, value: String)
    /// A required key that never appears.
    case missingKey(key: String)

    /// The line the error is on, or nil when it is about the whole file.
    public var line: Int? {
        switch self {
        case .missingEquals(let line, _), .unknownKey(let line, _), .emptyValue(let line, _),
            .duplicateKey(let line, _, _), .notANumber(let line, _, _), .unknownColourMode(let line, _),
            .unknownCompression(let line, _), .notYesOrNo(let line, _, _), .badName(let line, _):
            return line
        case .unreadableFile, .unknownProfile, .missingKey:
            return nil
        }
    }
}
