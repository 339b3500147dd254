/// Round date ticks for a time axis: days, weeks or months depending on the span.
enum DateTicks {
    /// Tick positions (day serials) and their labels between `first` and `last` inclusive, about six of them.
    static func ticks(first: Int, last: Int, lang: Lang) -> [(serial: Int, label: String)] {
        let span = last - first
        if span <= 0 { return [(first, DateFormat.dayMonth(LocalDay(dayNumber: first), lang: lang))] }
        if span <= 120 {
            let step = [1, 2, 7, 14, 28].first { span / $0 <= 7 } ?? 28
            return stride(from: first, through: last, by: step).map {
                ($0, DateFormat.dayMonth(LocalDay(dayNumber: $0), lang: lang))
            }
        }
        let months = span / 30
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { months / $0 <= 7 } ?? 120
        let start = LocalDay(dayNumber: first)
        var y = start.year
        var m = start.month
        if start.day != 1 {
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
        }
        while (m - 1) % step != 0 && step <= 12 {
            m += 1
            if m > 12 {
                m = 1
                y += 1
            }
        }
        var out: [(Int, String)] = []
        while out.count < 40 {
            guard let d = LocalDay(year: y, month: m, day: 1), d.dayNumber <= last else { break }
            out.append((d.dayNumber, DateFormat.month(d, lang: lang)))
            m += step
            while m > 12 {
                m -= 12
                y += 1
            }
        }
        return out
    }
}
