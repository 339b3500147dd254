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
        var previousDot = false
        var doubleDot = false
        for scalar in scalars {
            guard allowed(scalar) else { return .character(Visible.describe(scalar)) }
            if scalar == "." && previousDot { doubleDot = true }
            previousDot = scalar == "."
        }
        if first == "." || first == "-" || (!first.isASCII && isMark(first)) {
            return .badStart(Visible.describe(first))
        }
        if doubleDot { return .doubleDot }
        if scalars.count > maxLength { return .tooLong(scalars.count) }
        return nil
    }

    static func allowed(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            // ASCII letters, digits, - _ . (what the general categories below give for ASCII), without the lookup.
            let v = s.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || v == 0x2D
                || v == 0x5F || v == 0x2E
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
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
        // General category Cc is exactly C0 (U+0000–001F) and DEL with C1 (U+007F–009F): tested by value, which is what
        // the property says, without looking it up for every character of a 100,000-row import.
        let v = s.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || isBidi(s)
    }

    /// The first character of `text` that a stored value of this kind must not hold: controls and bidi controls,
    /// except newline and tab when `lineBreaks` allows them (notes).
    static func firstForbidden(in text: String, lineBreaks: Bool) -> Unicode.Scalar? {
        // Every hidden character is an ASCII control, or starts with byte C2 (C1 controls), D8 (U+061C) or E2 (U+2028,
        // U+2029, the bidi controls): text without those bytes (nearly every name and title) is read once, as bytes.
        let suspect = text.utf8.contains { (b: UInt8) -> Bool in
            switch b {
            case 0x00..<0x20, 0x7F, 0xC2, 0xD8, 0xE2: return true
            default: return false
            }
        }
        guard suspect else { return nil }
        return text.unicodeScalars.first { isHidden($0) && !(lineBreaks && ($0 == "\n" || $0 == "\t")) }
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
