/// Dates as people read them: `27/11/2026` in Vietnamese, `27 Nov 2026` in English.
enum DateFormat {
    /// A full date (``LocalDay/display(_:english:)`` in words); text that is not `YYYY-MM-DD` is returned as it came.
    static func day(_ text: String, lang: Lang) -> String {
        LocalDay(prefixOf: text)?.display(lang, english: .words) ?? text
    }

    /// A date and time `YYYY-MM-DD HH:MM` as `27/11/2026 10:00`; other text is returned as it came.
    static func dateTime(_ text: String, lang: Lang) -> String {
        guard let d = LocalDay(prefixOf: text) else { return text }
        let rest = text.dropFirst(10).trimmedEnds([" ", "T"])
        let day = d.display(lang, english: .words)
        return rest.isEmpty ? day : day + " " + rest
    }

    /// A short axis label for a day: `27/11` or `27 Nov`.
    static func dayMonth(_ d: LocalDay, lang: Lang) -> String {
        lang == .vi ? "\(two(d.day))/\(two(d.month))" : "\(d.day) \(LocalDay.englishMonths[d.month - 1])"
    }

    /// A short axis label for a month: `11/2026` or `Nov 2026`.
    static func month(_ d: LocalDay, lang: Lang) -> String {
        lang == .vi ? "\(two(d.month))/\(d.year)" : "\(LocalDay.englishMonths[d.month - 1]) \(d.year)"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Substring {
    /// The text without the given characters at either end.
    func trimmedEnds(_ set: Set<Character>) -> String {
        var s = self[...]
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
