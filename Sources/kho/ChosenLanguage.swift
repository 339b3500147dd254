import KhoKit

// The language this run chose at startup (`--lang`, else `KHO_LANG`/`LANG`; ``Lang/current``), for what the
// command line prints. The library is given the language instead; these are the command line's short forms.

extension Text {
    /// The text in this run's language.
    func callAsFunction() -> String { self(Lang.current) }
}

extension Format {
    static func decimal(_ value: Double, maxFractionDigits: Int) -> String {
        decimal(value, maxFractionDigits: maxFractionDigits, lang: Lang.current)
    }
    static func integer(_ value: Int64) -> String { integer(value, lang: Lang.current) }
    static func money(_ amount: Int64) -> String { money(amount, lang: Lang.current) }
    static func bytes(_ value: Int64) -> String { bytes(value, lang: Lang.current) }
    static func percent(_ part: Double, of whole: Double) -> String { percent(part, of: whole, lang: Lang.current) }
}

extension DateFormat {
    /// A day `YYYY-MM-DD` as this run shows it: `27/11/2026` in Vietnamese, as it is in English.
    static func day(_ text: String) -> String { day(text, lang: Lang.current, english: .iso) }
    /// A time `YYYY-MM-DD HH:MM` as this run shows it: `27/11/2026 10:00` in Vietnamese, as it is in English.
    static func dateTime(_ text: String) -> String { dateTime(text, lang: Lang.current, english: .iso) }
}

extension Millimetres {
    /// The metres in this run's language: `75,6` or `75.6`.
    func formatted() -> String { formatted(Lang.current) }
}

extension WeedQuantity {
    func formatted() -> String { formatted(Lang.current) }
}

extension Retention {
    func label() -> String { label(Lang.current) }
}
