import Foundation

/// How much of a group of records is proposed for destruction: metres of shelf, sheets, or both ("0,15 m", "120 tờ",
/// "0,02 m, 120 tờ"). Metres are whole millimetres, as the catalogue keeps extents.
public struct WeedQuantity: Sendable, Hashable, Codable {
    public var millimetres: Int64?
    public var sheets: Int?

    public init(millimetres: Int64? = nil, sheets: Int? = nil) {
        self.millimetres = millimetres
        self.sheets = sheets
    }

    enum CodingKeys: String, CodingKey {
        case sheets
        case millimetres = "mm"
    }

    /// The metres, when given.
    public var metres: Double? { millimetres.map { Double($0) / 1000 } }

    /// The quantity as the form writes it: "0,15 m", "120 tờ", "0,02 m (120 tờ)".
    public func formatted(_ lang: Lang) -> String {
        let m = millimetres.map { "\(Millimetres($0).formatted(lang)) m" }
        let s = sheets.map {
            lang == .vi
                ? "\(Format.integer(Int64($0), lang: lang)) tờ"
                : "\(Format.integer(Int64($0), lang: lang)) \($0 == 1 ? "sheet" : "sheets")"
        }
        switch (m, s) {
        case let (m?, s?): return "\(m) (\(s))"
        case let (m?, nil): return m
        case let (nil, s?): return s
        default: return ""
        }
    }

    /// Reads a quantity as a person writes it: each number followed by its unit, `m`/`mét` (metres, decimal comma or
    /// point) or `tờ` (sheets, `1.200` read as 1,200); at least one, each at most once.
    public static func parse(_ text: String) throws -> WeedQuantity {
        let t = Clean.text(text)
        guard !t.isEmpty else { throw WeedError.badQuantity(text) }
        var quantity = WeedQuantity()
        let scalars = Array(t.lowercased().unicodeScalars)
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.isASCII && c.properties.numericType != nil }
        var found = false
        while i < scalars.count {
            let c = scalars[i]
            if isDigit(c) {
                var number = ""
                while i < scalars.count, isDigit(scalars[i]) || scalars[i] == "," || scalars[i] == "." {
                    number.unicodeScalars.append(scalars[i])
                    i += 1
                }
                while i < scalars.count, scalars[i] == " " { i += 1 }
                var unit = ""
                while i < scalars.count, scalars[i].properties.isAlphabetic {
                    unit.unicodeScalars.append(scalars[i])
                    i += 1
                }
                found = true
                switch Vocabularies.fold(unit) {
                case "m", "met", "metre", "metres", "meter", "meters":
                    guard quantity.millimetres == nil else { throw WeedError.badQuantity(text) }
                    if Millimetres.roundsToZero(metres: number) { throw WeedError.quantityRoundsToZero(text) }
                    guard let mm = Millimetres.parse(metres: number), mm.value > 0 else {
                        throw WeedError.badQuantity(text)
                    }
                    guard mm <= .largestBox else { throw WeedError.quantityTooLarge(text) }
                    quantity.millimetres = mm.value
                case "to", "sheet", "sheets":
                    guard quantity.sheets == nil else { throw WeedError.badQuantity(text) }
                    guard let n = Clean.wholeNumber(number), n > 0 else { throw WeedError.badQuantity(text) }
                    guard n <= Bounds.filePages else { throw WeedError.quantityTooLarge(text) }
                    quantity.sheets = n
                case "":
                    throw WeedError.quantityNeedsUnit(text)
                default:
                    throw WeedError.badQuantity(text)
                }
            } else if c.properties.isAlphabetic {
                // Words between quantities ("mét giá", "và", "khoảng") are read past; units are read with their number.
                i += 1
            } else {
                i += 1
            }
        }
        guard found else { throw WeedError.badQuantity(text) }
        return quantity
    }
}

/// Folding for short words typed by people: lower case, no diacritics, `đ` as `d`.
enum Vocabularies {
    static func fold(_ s: String) -> String {
        s.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
