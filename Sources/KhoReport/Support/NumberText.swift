/// Report-specific number wording on top of `Format`: metres, pages, bytes and compact axis labels.
enum NumberText {
    /// Metres with up to three decimals: `75,6` (vi) or `75.6` (en), without the unit (``Format/metres(_:lang:)``).
    static func metres(_ m: Double, _ lang: Lang) -> String { Format.metres(m, lang: lang) }

    /// Metres digitized, with up to two decimals (``Format/digitizedMetres(_:lang:)``).
    static func digitizedMetres(_ m: Double, _ lang: Lang) -> String { Format.digitizedMetres(m, lang: lang) }

    /// A count with grouping: `12.345` or `12,345`.
    static func count(_ n: Int, _ lang: Lang) -> String { Format.integer(Int64(n), lang: lang) }

    /// Bytes as kho writes them everywhere (``Format/bytes(_:lang:)``).
    static func bytes(_ b: Int64, _ lang: Lang) -> String { Format.bytes(b, lang: lang) }

    /// A short label for an axis tick: `1,5 triệu` / `1.5M`, `250 nghìn` / `250k`; small values as they are.
    static func compact(_ v: Double, _ lang: Lang) -> String {
        guard v.isFinite else { return "—" }
        let units: [(Double, Text)] = [(1e12, T.trillions), (1e9, T.billions), (1e6, T.millions), (1e4, T.thousands)]
        for (scale, word) in units where abs(v) >= scale {
            let divisor = scale == 1e4 ? 1e3 : scale
            return Format.decimal(v / divisor, maxFractionDigits: 2, lang: lang) + word.text(lang)
        }
        return Format.decimal(v, maxFractionDigits: 2, lang: lang)
    }
}
