import Foundation

/// A shelf extent in whole millimetres, so that sums of metres are exact.
public struct Millimetres: Sendable, Hashable, Comparable, Codable {
    public var value: Int64

    public init(_ value: Int64) { self.value = value }

    /// One standard archival box (TCVN 9252:2012): 0.125 m.
    public static let standardBox = Millimetres(125)
    public static let zero = Millimetres(0)

    /// The extent in metres, as a decimal number.
    public var metres: Double { Double(value) / 1000 }

    /// Parses metres written with a decimal point or a decimal comma ("0.125", "0,125", "2").
    public static func parse(metres text: String) -> Millimetres? {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if !s.contains("."), s.filter({ $0 == "," }).count == 1 {
            s = s.replacingOccurrences(of: ",", with: ".")
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let value = Double(s), value.isFinite
        else { return nil }
        return Millimetres(Int64((value * 1000).rounded()))
    }

    public static func < (a: Millimetres, b: Millimetres) -> Bool { a.value < b.value }
    public static func + (a: Millimetres, b: Millimetres) -> Millimetres { Millimetres(a.value + b.value) }
    public static func - (a: Millimetres, b: Millimetres) -> Millimetres { Millimetres(a.value - b.value) }

    /// The extent as metres with up to three decimals, in the language's style: `75,6` or `75.6`.
    public func formatted(_ lang: Lang = .current) -> String {
        Format.decimal(metres, maxFractionDigits: 3, lang: lang)
    }
}

/// Number, date and money formatting done by hand, so that it is the same on every machine.
public enum Format {
    /// A decimal number with grouping, e.g. `12.345,6` in Vietnamese and `12,345.6` in English.
    public static func decimal(_ value: Double, maxFractionDigits: Int, lang: Lang = .current) -> String {
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
        let grouped = integer(intPart, separator: group)
        return sign + grouped + (fraction.isEmpty ? "" : point + fraction)
    }

    /// A whole number with grouping: `19.162.000` (vi) or `19,162,000` (en).
    public static func integer(_ value: Int64, lang: Lang = .current) -> String {
        let sign = value < 0 ? "-" : ""
        return sign + integer(abs(value), separator: lang == .vi ? "." : ",")
    }

    private static func integer(_ value: Int64, separator: String) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += separator }
            out.append(digit)
        }
        return out
    }

    /// A share as a percentage with one decimal: `19,8 %` (vi) or `19.8%` (en).
    public static func percent(_ part: Double, of whole: Double, lang: Lang = .current) -> String {
        guard whole > 0 else { return "—" }
        let text = decimal(part / whole * 100, maxFractionDigits: 1, lang: lang)
        return lang == .vi ? text + " %" : text + "%"
    }
}
