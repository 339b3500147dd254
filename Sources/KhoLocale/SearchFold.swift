/// How kho compares text people type with text in the catalogue: lower case, without diacritics, `đ` as `d`.
///
/// Clerks often type without diacritics (`dat` for `đất`); Unicode decomposition removes the tone and vowel marks,
/// but `đ` is a letter of its own (U+0111, no decomposition), so it is folded here by hand. `Đất`, `ĐẤT`, `dat`
/// and `DAT` all fold to `dat`. Both functions run once per indexed text (SQLite calls them from the search
/// index's triggers), so the Latin letters Vietnamese uses go through tables built once, not through Foundation's
/// normalisation for every character.
public enum SearchFold {
    /// `text` lower-cased, its combining marks removed and `đ`/`Đ` as `d`.
    public static func fold(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v))
            } else if v >= Tables.first && v <= Tables.last, Tables.folded[Int(v - Tables.first)] != 0 {
                let b = Tables.folded[Int(v - Tables.first)]
                if b != Tables.drop { out.append(b) }
            } else if v >= 0x0300 && v <= 0x036F {
                continue
            } else {
                out.append(contentsOf: Array(slowFold(s).utf8))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` lower-cased with its diacritics kept (NFC): what an exact Vietnamese query is compared with.
    public static func lower(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var decomposed = false
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s)
            } else if v >= Tables.first && v <= Tables.last {
                out.append(Unicode.Scalar(Tables.lowered[Int(v - Tables.first)])!)
            } else {
                if v >= 0x0300 && v <= 0x036F { decomposed = true }
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        let lowered = String(out)
        // Text typed with combining marks (NFD) is composed so that it compares with the stored (NFC) text.
        return decomposed ? lowered.precomposedStringWithCanonicalMapping : lowered
    }

    /// The words of `text`: runs of letters, digits and combining marks (as FTS5's `unicode61` tokenizer splits).
    public static func words(_ text: String) -> [Substring] {
        text.split { c in !(c.isLetter || c.isNumber) }
    }

    private static func slowFold(_ s: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        for d in String(s).decomposedStringWithCanonicalMapping.unicodeScalars
        where !(0x0300...0x036F).contains(d.value) {
            out.append(contentsOf: d.properties.lowercaseMapping.unicodeScalars)
        }
        return String(out)
    }

    /// Per scalar from U+00C0 to U+1EFF (Latin-1, Latin Extended A/B, Latin Extended Additional: every Vietnamese
    /// letter): its folded ASCII letter (0 = not one ASCII letter, use the slow path) and its lower case.
    private enum Tables {
        static let first: UInt32 = 0x00C0
        static let last: UInt32 = 0x1EFF
        static let drop: UInt8 = 0xFF
        static let folded: [UInt8] = (first...last).map { v -> UInt8 in
            guard let s = Unicode.Scalar(v) else { return 0 }
            if v == 0x0110 || v == 0x0111 { return UInt8(ascii: "d") }
            let base = slowFold(s).unicodeScalars
            guard base.count == 1, let b = base.first, b.isASCII, b.properties.isAlphabetic else { return 0 }
            return UInt8(b.value)
        }
        static let lowered: [UInt32] = (first...last).map { v -> UInt32 in
            guard let s = Unicode.Scalar(v) else { return v }
            let l = s.properties.lowercaseMapping.unicodeScalars
            return l.count == 1 ? l.first!.value : v
        }
    }
}
