import Foundation

/// Why a rates file could not be read; every case that comes from a line names it.
public enum RatesFileError: Error, Equatable, Sendable, LocalizedError {
    /// A line that is neither a comment, a `[section]` nor `key = value`.
    case syntax(line: Int, text: String)
    /// A `[section]` the file format does not know.
    case unknownSection(line: Int, name: String)
    /// A key the section does not know.
    case unknownKey(line: Int, section: String, key: String)
    /// A value that should be a whole non-negative number and is not.
    case badNumber(line: Int, key: String, value: String)
    /// A number above what the key can be (``Rates/largestPriceVND``, ``Rates/largestOneOffVND``,
    /// ``Rates/mostCopies``): `limit` is that bound.
    case tooLarge(line: Int, key: String, value: String, limit: Int64)
    /// A holiday whose key is not a `YYYY-MM-DD` date.
    case badDate(line: Int, value: String)
    /// A key given twice.
    case duplicateKey(line: Int, key: String, firstLine: Int)
    /// A control or bidi character on the line (`character` as `U+001B`): it would garble a screen or a report.
    case hiddenCharacter(line: Int, character: String)
    /// A required key that the file does not set.
    case missingKey(section: String, key: String)

    /// The line the error is on, when it is on one.
    public var line: Int? {
        switch self {
        case .syntax(let l, _), .unknownSection(let l, _), .unknownKey(let l, _, _),
            .badNumber(let l, _, _), .tooLarge(let l, _, _, _), .badDate(let l, _), .duplicateKey(let l, _, _),
            .hiddenCharacter(let l, _):
            return l
        case .missingKey:
            return nil
        }
    }

    /// The message in both languages.
    public var message: Text { Texts.ratesError(self) }

    /// The English message (argument-parser prints it after `Error:`).
    public var errorDescription: String? { message.en }
}
