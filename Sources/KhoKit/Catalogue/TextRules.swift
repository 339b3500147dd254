import Foundation

/// The one grammar of fonds, box and file codes, the same in commands and CSV imports.
///
/// A code is 1 to 32 characters (Unicode code points, counted in NFC): letters of any script with their marks,
/// decimal digits, `-`, `_` and `.`. It does not start with `.`, `-` or a mark, and holds no `..`. So a code is
/// always one safe folder name under the scans root, never a path, an option or a hidden file.
public enum CodeRule {
    /// The most characters (code points, in NFC) a code may have.
    public static let maxLength = 32

    /// What is wrong with a code.
    public enum Problem: Sendable, Equatable {
        case empty
        /// More than ``CodeRule/maxLength`` characters: how many it has.
        case tooLong(Int)
        /// A character the grammar does not allow, shown visibly (`/`, `U+001B`).
        case character(String)
        /// It starts with `.`, `-` or a combining mark.
        case badStart(String)
        /// It holds `..`.
        case doubleDot
    }

    /// Why `code` (already trimmed and in NFC) is not a valid code; nil when it is one.
    public static func problem(_ code: String) -> Problem? {
        let scalars = code.unicodeScalars
        guard let first = scalars.first else { return .empty }
        for scalar in scalars where !allowed(scalar) { return .character(Visible.describe(scalar)) }
        if first == "." || first == "-" || isMark(first) { return .badStart(Visible.describe(first)) }
        if code.contains("..") { return .doubleDot }
        if scalars.count > maxLength { return .tooLong(scalars.count) }
        return nil
    }

    static func allowed(_ s: Unicode.Scalar) -> Bool {
        if s == "-" || s == "_" || s == "." { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

/// Characters that must not be stored in names and notes, and how output shows them.
public enum Visible {
    /// Bidirectional formatting characters: they reorder what a terminal or a report shows (ALM, LRM, RLM,
    /// LRE…RLO, LRI…PDI).
    static func isBidi(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// A control character (C0, DEL, C1), a line or paragraph separator, or a bidi control.
    public static func isHidden(_ s: Unicode.Scalar) -> Bool {
        if s.value >= 0x20 && s.value < 0x7F { return false }
        return s.properties.generalCategory == .control || s.value == 0x2028 || s.value == 0x2029 || isBidi(s)
    }

    /// The first character of `text` that a stored value of this kind must not hold: controls and bidi controls,
    /// except newline and tab when `lineBreaks` allows them (notes).
    static func firstForbidden(in text: String, lineBreaks: Bool) -> Unicode.Scalar? {
        text.unicodeScalars.first { isHidden($0) && !(lineBreaks && ($0 == "\n" || $0 == "\t")) }
    }

    /// A character as a person can read it in a message: itself when visible, else `U+001B`.
    static func describe(_ s: Unicode.Scalar) -> String {
        if isHidden(s) || s.properties.isWhitespace || s.properties.generalCategory == .format {
            return String(format: "U+%04X", s.value)
        }
        return String(s)
    }

    /// `text` with control, separator and bidi characters written as escapes (`\u{1B}`, `\n`, `\t`), so that
    /// printing it cannot move the cursor, recolour or reorder a terminal. Newlines and tabs stay when
    /// `keepingLineBreaks` (a message of several lines).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if !isHidden(s) || (keepingLineBreaks && (s == "\n" || s == "\t")) {
                out.append(s)
                continue
            }
            let escape: String
            switch s {
            case "\n": escape = "\\n"
            case "\t": escape = "\\t"
            case "\r": escape = "\\r"
            default: escape = "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }
}
