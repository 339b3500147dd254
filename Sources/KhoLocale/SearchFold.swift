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
        let folded = Tables.folded
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 32) : UInt8(v))
            } else if let i = Tables.slot(v), folded[i] != 0 {
                if folded[i] != Tables.drop { out.append(folded[i]) }
            } else if v >= 0x0300 && v <= 0x036F {
                continue
            } else {
                out.append(contentsOf: Array(slowFold(s).utf8))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` folds to `folded` (as ``fold(_:)`` would give), without building the folded text: an import
    /// compares each document's symbol with every kind's abbreviation.
    public static func folds(_ text: String, to folded: String) -> Bool {
        func lower(_ a: UInt8) -> UInt8 { a >= 0x41 && a <= 0x5A ? a + 32 : a }
        guard let a = text.utf8.first, let b = folded.utf8.first else { return text.isEmpty && folded.isEmpty }
        if a < 0x80 && lower(a) != b { return false }
        if text.utf8.count == folded.utf8.count, text.utf8.allSatisfy({ $0 < 0x80 }) {
            return zip(text.utf8, folded.utf8).allSatisfy { lower($0) == $1 }
        }
        return fold(text) == folded
    }

    /// `text` lower-cased with its diacritics kept (NFC): what an exact Vietnamese query is compared with.
    public static func lower(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var decomposed = false
        let lowered = Tables.lowered
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(v + 32)! : s)
            } else if let i = Tables.slot(v) {
                out.append(Unicode.Scalar(lowered[i])!)
            } else {
                if v >= 0x0300 && v <= 0x036F { decomposed = true }
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        let result = String(out)
        // Text typed with combining marks (NFD) is composed so that it compares with the stored (NFC) text.
        return decomposed ? result.precomposedStringWithCanonicalMapping : result
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

    /// Per scalar of the two blocks that hold every Vietnamese letter — U+00C0…U+024F (Latin-1 letters, Latin
    /// Extended A and B: `Đ`, `Ơ`, `Ư`) and U+1E00…U+1EFF (Latin Extended Additional: `ấ`, `ệ`, `ữ`…) — its folded
    /// ASCII letter (0 = not one ASCII letter, use the slow path) and its lower case. Built once, on first use: the
    /// two blocks take about 650 decompositions (the whole range between them, with IPA, Greek and Cyrillic, took
    /// 7,700 and about 10 ms of every search).
    private enum Tables {
        static let low: ClosedRange<UInt32> = 0x00C0...0x024F
        static let high: ClosedRange<UInt32> = 0x1E00...0x1EFF
        static let drop: UInt8 = 0xFF
        static let scalars = Array(low) + Array(high)

        /// The index of `v` in the tables, nil outside the two blocks.
        @inline(__always) static func slot(_ v: UInt32) -> Int? {
            if v <= low.upperBound { return v >= low.lowerBound ? Int(v - low.lowerBound) : nil }
            return high.contains(v) ? low.count + Int(v - high.lowerBound) : nil
        }

        static let folded: [UInt8] = scalars.map { v -> UInt8 in
            guard let s = Unicode.Scalar(v) else { return 0 }
            if v == 0x0110 || v == 0x0111 { return UInt8(ascii: "d") }
            let base = slowFold(s).unicodeScalars
            guard base.count == 1, let b = base.first, b.isASCII, b.properties.isAlphabetic else { return 0 }
            return UInt8(b.value)
        }
        static let lowered: [UInt32] = scalars.map { v -> UInt32 in
            guard let s = Unicode.Scalar(v) else { return v }
            let l = s.properties.lowercaseMapping.unicodeScalars
            return l.count == 1 ? l.first!.value : v
        }
    }
}
