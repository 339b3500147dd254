/// Dates as people read them: `27/11/2026` in Vietnamese, `27 Nov 2026` in English. The library keeps days and times
/// as `YYYY-MM-DD` and `YYYY-MM-DD HH:MM` (what JSON and CSV carry); every text a person reads — the command line, the
/// web pages, the reports — shows them through these.
public enum DateFormat {
    /// A full date (``LocalDay/display(_:english:)``, English in words unless told otherwise: the command line keeps
    /// `2026-11-27`); a month `YYYY-MM` (a document dated to the month) reads `03/2001` in Vietnamese; other text is
    /// returned as it came.
    public static func day(_ text: String, lang: Lang, english: LocalDay.EnglishStyle = .words) -> String {
        if let d = LocalDay(prefixOf: text) { return d.display(lang, english: english) }
        if lang == .vi, text.utf8.count == 7, let first = LocalDay(iso: text + "-01") {
            return month(first, lang: lang)
        }
        return text
    }

    /// A date and time `YYYY-MM-DD HH:MM` as `27/11/2026 10:00`; other text is returned as it came.
    public static func dateTime(_ text: String, lang: Lang, english: LocalDay.EnglishStyle = .words) -> String {
        guard let d = LocalDay(prefixOf: text) else { return text }
        let rest = text.dropFirst(10).trimmedEnds([" ", "T"])
        let day = d.display(lang, english: english)
        return rest.isEmpty ? day : day + " " + rest
    }

    /// A short axis label for a day: `27/11` or `27 Nov`.
    public static func dayMonth(_ d: LocalDay, lang: Lang) -> String {
        lang == .vi ? "\(two(d.day))/\(two(d.month))" : "\(d.day) \(LocalDay.englishMonths[d.month - 1])"
    }

    /// A short axis label for a month: `11/2026` or `Nov 2026`.
    public static func month(_ d: LocalDay, lang: Lang) -> String {
        lang == .vi ? "\(two(d.month))/\(d.year)" : "\(LocalDay.englishMonths[d.month - 1]) \(d.year)"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Substring {
    /// The text without the given characters at either end.
    fileprivate func trimmedEnds(_ set: Set<Character>) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
