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

    /// The largest number of metres kho reads (a billion): far beyond any archive, well inside `Int64` millimetres.
    public static let largestMetres = 1e9

    /// The largest extent of one box or bundle as received: 10 m, more than any real box or bundle (a standard
    /// box is 0.125 m). Extents and kept metres beyond it are refused, so that sums of many boxes stay far from
    /// overflow.
    public static let largestBox = Millimetres(10_000)

    /// Parses metres written with a decimal point or a decimal comma ("0.125", "0,125", "2"), rounded to whole
    /// millimetres; nil when the text is not a number or is beyond ``largestMetres``.
    ///
    /// Rounding can turn a small number into 0 mm (`0.0001`); writes that must not lose a value check
    /// ``roundsToZero(metres:)`` too.
    public static func parse(metres text: String) -> Millimetres? {
        number(metres: text).map { Millimetres(Int64(($0 * 1000).rounded())) }
    }

    /// Whether `text` is a number of metres other than zero that rounds to 0 mm (`0.0001`, `-0,0004`): a value
    /// that cannot be stored, since metres are kept as whole millimetres.
    public static func roundsToZero(metres text: String) -> Bool {
        guard let value = number(metres: text) else { return false }
        return value != 0 && (value * 1000).rounded() == 0
    }

    /// Whether `text` is written as a number (digits, one decimal point or comma, a sign) that is too large for
    /// ``parse(metres:)``, or too large even to read as a number: it needs a "too large" message, not "not a number".
    public static func isBeyondRange(metres text: String) -> Bool {
        let s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        guard !s.isEmpty, s.contains(where: { $0.isASCII && $0.isNumber }),
            s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") })
        else { return false }
        guard let value = Double(s) else { return false }
        return !value.isFinite || abs(value) > largestMetres
    }

    /// The number written in `text`, in metres, before rounding.
    private static func number(metres text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if !s.contains("."), s.filter({ $0 == "," }).count == 1 {
            s = s.replacingOccurrences(of: ",", with: ".")
        }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            let value = Double(s), value.isFinite, abs(value) <= largestMetres
        else { return nil }
        return value
    }

    public static func < (a: Millimetres, b: Millimetres) -> Bool { a.value < b.value }
    /// The sum, saturating at the ends of `Int64` (a damaged catalogue must not crash a sum).
    public static func + (a: Millimetres, b: Millimetres) -> Millimetres {
        let (v, overflow) = a.value.addingReportingOverflow(b.value)
        return Millimetres(overflow ? (b.value > 0 ? .max : .min) : v)
    }

    /// The difference, saturating at the ends of `Int64`.
    public static func - (a: Millimetres, b: Millimetres) -> Millimetres {
        let (v, overflow) = a.value.subtractingReportingOverflow(b.value)
        return Millimetres(overflow ? (b.value < 0 ? .max : .min) : v)
    }

    /// The extent as metres with up to three decimals, in the language's style: `75,6` or `75.6`.
    public func formatted(_ lang: Lang) -> String {
        Format.metres(metres, lang: lang)
    }
}
