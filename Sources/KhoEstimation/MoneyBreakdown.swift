/// One priced line: quantity × unit price, with the price's source.
public struct MoneyLine: Sendable, Codable, Equatable {
    /// Which part it belongs to: `arrangement`, `scanning` or `one_off`.
    public var part: String
    /// What is priced, e.g. `per_page_scanned`, or the one-off's name.
    public var item: String
    /// The item in words, in both languages.
    public var label: Bilingual
    /// How many units (1 for a one-off).
    public var quantity: Double
    /// The unit, e.g. `m`, `page`, `staff-day`.
    public var unit: String
    /// Price of one unit (VND).
    public var unitPriceVND: Int64
    /// quantity × unit price, rounded to the đồng.
    public var amountVND: Int64
    /// Where the price came from, e.g. `rates.toml line 27`.
    public var source: String

    enum CodingKeys: String, CodingKey {
        case part, item, label, quantity, unit
        case unitPriceVND = "unit_price_vnd"
        case amountVND = "amount_vnd"
        case source
    }

    init(part: String, item: String, quantity: Double, unit: String, price: Sourced<Int64>) {
        self.part = part
        self.item = item
        self.label = Texts.moneyItem(item)
        self.quantity = quantity
        self.unit = unit
        self.unitPriceVND = price.value
        self.amountVND = roundedVND(quantity * Double(price.value))
        self.source = price.source
    }
}

/// The two ways to pay, side by side, each with every figure and its source.
///
/// Contractor: unit prices × quantities (no spread: the quantities are not
/// bootstrapped). In-house: extra staff-days × day rate, at P50 in the lines and
/// as a P10/P50/P90 band in the total. One-off lines are added to both totals.
public struct MoneyBreakdown: Sendable, Codable, Equatable {
    /// Contractor lines.
    public var contractor: [MoneyLine]
    /// In-house lines (extra staff-days at P50 × day rate).
    public var inHouse: [MoneyLine]
    /// One-off purchases.
    public var oneOff: [MoneyLine]
    /// Sum of contractor and one-off lines.
    public var contractorTotalVND: Int64
    /// In-house cost band plus one-off lines.
    public var inHouseTotalVND: Band<Int64>
    /// Sum of one-off lines.
    public var oneOffTotalVND: Int64

    enum CodingKeys: String, CodingKey {
        case contractor
        case inHouse = "in_house"
        case oneOff = "one_off"
        case contractorTotalVND = "contractor_total_vnd"
        case inHouseTotalVND = "in_house_total_vnd"
        case oneOffTotalVND = "one_off_total_vnd"
    }
}

/// Rounds a finite amount to whole đồng, clamped into Int64; non-finite amounts give 0.
func roundedVND(_ x: Double) -> Int64 {
    guard x.isFinite else { return 0 }
    if x >= 9.2e18 { return Int64.max }
    if x <= -9.2e18 { return Int64.min }
    return Int64(x.rounded())
}
