import Foundation

/// Number, date and money formatting done by hand, so that it is the same on every machine.
public enum Format {
    /// A decimal number with grouping, e.g. `12.345,6` in Vietnamese and `12,345.6` in English.
    public static func decimal(_ value: Double, maxFractionDigits: Int, lang: Lang) -> String {
        guard value.isFinite else { return "—" }
        let scale = pow(10.0, Double(maxFractionDigits))
        let rounded = (abs(value) * scale).rounded() / scale
        var fraction = ""
        let intPart = Int64(rounded.rounded(.down))
        if maxFractionDigits > 0 {
            let fracValue = Int64(((rounded - Double(intPart)) * scale).rounded())
            var digits = String(fracValue)
            digits = String(repeating: "0", count: max(0, maxFractionDigits - digits.count)) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            fraction = digits
        }
        let sign = value < 0 && (intPart != 0 || !fraction.isEmpty) ? "-" : ""
        let (group, point) = lang == .vi ? (".", ",") : (",", ".")
        let grouped = integer(UInt64(intPart), separator: group)
        return sign + grouped + (fraction.isEmpty ? "" : point + fraction)
    }

    /// A whole number with grouping: `19.162.000` (vi) or `19,162,000` (en).
    public static func integer(_ value: Int64, lang: Lang) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + integer(value.magnitude, separator: lang == .vi ? "." : ",")
    }

    private static func integer(_ value: UInt64, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    /// A count with its English noun, singular for one: `1 week`, `3 weeks` (Vietnamese nouns have no plural).
    public static func english(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(Int64(n), lang: .en)) \(n == 1 ? singular : plural)"
    }

    /// The years a box or file covers, the one way kho writes them: `2001–2003`, `2001` for one year, `2001–` or
    /// `–2003` when only one end is known, empty when neither is.
    public static func years(_ start: Int?, _ end: Int?) -> String {
        switch (start, end) {
        case let (s?, e?): s == e ? "\(s)" : "\(s)–\(e)"
        case let (s?, nil): "\(s)–"
        case let (nil, e?): "–\(e)"
        default: ""
        }
    }

    /// An amount of Vietnamese đồng: `19.162.000 đ` (vi) or `19,162,000 VND` (en).
    public static func money(_ amount: Int64, lang: Lang) -> String {
        integer(amount, lang: lang) + (lang == .vi ? " đ" : " VND")
    }

    /// A size in decimal units, the one way kho writes bytes: `1,5 TB` from 1 TB, `840 GB` from 1 GB, `13,1 MB` from
    /// 1 MB, `23,4 kB` from 1 kB, else `512 B`; nothing at all is `0 MB`. The unit is the largest in which the value,
    /// as written, is at least 1 (999.960.000 bytes are `1 GB`, never `1.000 MB`), so no size other than zero reads 0.
    public static func bytes(_ value: Int64, lang: Lang) -> String {
        if value == 0 { return "0 MB" }
        let v = Double(value)
        for (scale, unit, digits) in [(1e12, "TB", 2), (1e9, "GB", 1), (1e6, "MB", 1), (1e3, "kB", 1)] {
            let factor = pow(10.0, Double(digits))
            if (abs(v) / scale * factor).rounded() >= factor {
                return decimal(v / scale, maxFractionDigits: digits, lang: lang) + " " + unit
            }
        }
        return integer(value, lang: lang) + " B"
    }

    /// Decimals of a length made of whole millimetres (boxes' extents, what was kept or left out): all three, so that
    /// what a reader adds up adds up (22,375 + 7,625 = 30; two decimals showed 22,38 + 7,63 beside 30).
    public static let metreDigits = 3
    /// Decimals of metres digitized, shares of boxes' lengths by pages: two say all that is known.
    public static let digitizedMetreDigits = 2

    /// A length in metres as every output writes it, without the unit: `0,125`, `75,6` (``metreDigits``).
    public static func metres(_ metres: Double, lang: Lang) -> String {
        decimal(metres, maxFractionDigits: metreDigits, lang: lang)
    }

    /// Metres digitized as every output writes them, without the unit: `12,22` (``digitizedMetreDigits``).
    public static func digitizedMetres(_ metres: Double, lang: Lang) -> String {
        decimal(metres, maxFractionDigits: digitizedMetreDigits, lang: lang)
    }

    /// A share as a percentage with one decimal: `19,8 %` (vi) or `19.8%` (en).
    public static func percent(_ part: Double, of whole: Double, lang: Lang) -> String {
        guard whole > 0 else { return "—" }
        let text = decimal(part / whole * 100, maxFractionDigits: 1, lang: lang)
        return lang == .vi ? text + " %" : text + "%"
    }

    /// `parts` rounded to `digits` decimals so that they add up to `total` rounded the same way (largest remainder:
    /// each part is rounded down, and the units still missing go to the parts with the largest remainders).
    ///
    /// What a reader sees then adds up: 14,95 + 0 + 0,03 = 14,98, never 14,99.
    public static func roundedParts(_ parts: [Double], total: Double, digits: Int) -> [Double] {
        let scale = pow(10.0, Double(digits))
        func units(_ x: Double) -> Int64 { x.isFinite ? Int64((max(0, x) * scale).rounded()) : 0 }
        let target = units(total)
        let exact = parts.map { $0.isFinite ? max(0, $0) * scale : 0 }
        var floors = exact.map { Int64($0.rounded(.down)) }
        var missing = target - floors.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(floors[$0])) > (exact[$1] - Double(floors[$1])) }
        var i = 0
        while missing > 0 && !order.isEmpty {
            floors[order[i % order.count]] += 1
            missing -= 1
            i += 1
        }
        // Parts larger than the total (never from one sum): take the excess back from the largest.
        while missing < 0, let j = floors.indices.max(by: { floors[$0] < floors[$1] }), floors[j] > 0 {
            floors[j] -= 1
            missing += 1
        }
        return floors.map { Double($0) / scale }
    }
}
