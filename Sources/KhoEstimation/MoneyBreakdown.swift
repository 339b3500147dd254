/// One priced line: quantity × unit price, with the price's source.
public struct MoneyLine: Sendable, Codable, Hashable {
    /// Which part it belongs to: `arrangement`, `scanning` or `one_off`.
    public var part: String
    /// What is priced, e.g. `per_page_scanned`, or the one-off's name.
    public var item: String
    /// The item in words, in both languages.
    public var label: Text
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
    /// In-house lines: the amount at P10, P50 and P90 (`amount_vnd` is the P50); nil for fixed amounts.
    public var amountBandVND: Band<Int64>?

    enum CodingKeys: String, CodingKey {
        case part, item, label, quantity, unit
        case unitPriceVND = "unit_price_vnd"
        case amountVND = "amount_vnd"
        case source
        case amountBandVND = "amount_vnd_band"
    }

    init(part: String, item: String, quantity: Double, unit: String, price: Sourced<Int64>, band: Band<Int64>? = nil) {
        self.init(
            part: part, item: item, label: Texts.moneyItem(item), quantity: quantity, unit: unit,
            unitPriceVND: price.value, amountVND: band?.p50 ?? roundedVND(quantity * Double(price.value)),
            source: price.source, amountBandVND: band)
    }

    /// Makes a line from figures already worked out (the estimator prices its own lines from the rates).
    public init(
        part: String, item: String, label: Text, quantity: Double, unit: String, unitPriceVND: Int64, amountVND: Int64,
        source: String, amountBandVND: Band<Int64>? = nil
    ) {
        self.part = part
        self.item = item
        self.label = label
        self.quantity = quantity
        self.unit = unit
        self.unitPriceVND = unitPriceVND
        self.amountVND = amountVND
        self.source = source
        self.amountBandVND = amountBandVND
    }
}

/// The two ways to pay, side by side, each with every figure and its source.
///
/// Contractor: unit prices × quantities (no spread: the quantities are not
/// bootstrapped). In-house: extra staff-days × day rate, one line per part with
/// its P10/P50/P90. One-off lines (equipment, storage) are paid in either variant.
/// Every total is built here from its lines, once: the CLI text, JSON, CSV and
/// the report render these fields and never add lines themselves.
public struct MoneyBreakdown: Sendable, Codable, Hashable {
    /// Contractor lines.
    public let contractor: [MoneyLine]
    /// In-house lines: extra staff-days × day rate per part (amount at P50, band in `amount_vnd_band`).
    public let inHouse: [MoneyLine]
    /// One-off purchases.
    public let oneOff: [MoneyLine]
    /// Sum of the contractor lines (the work only).
    public let contractorWorkVND: Int64
    /// Sum of the contractor lines and the one-off lines: what the contractor variant asks for.
    public let contractorTotalVND: Int64
    /// Sum of the in-house lines' bands (the work only).
    public let inHouseWorkVND: Band<Int64>
    /// In-house work plus the one-off lines: what the in-house variant asks for.
    public let inHouseTotalVND: Band<Int64>
    /// Sum of the one-off lines.
    public let oneOffTotalVND: Int64

    enum CodingKeys: String, CodingKey {
        case contractor
        case inHouse = "in_house"
        case oneOff = "one_off"
        case contractorWorkVND = "contractor_work_vnd"
        case contractorTotalVND = "contractor_total_vnd"
        case inHouseWorkVND = "in_house_work_vnd"
        case inHouseTotalVND = "in_house_total_vnd"
        case oneOffTotalVND = "one_off_total_vnd"
    }

    /// Builds every total from the lines (saturating, never trapping).
    public init(contractor: [MoneyLine], inHouse: [MoneyLine], oneOff: [MoneyLine]) {
        self.contractor = contractor
        self.inHouse = inHouse
        self.oneOff = oneOff
        let oneOffTotal = oneOff.reduce(Int64(0)) { addVND($0, $1.amountVND) }
        let work = contractor.reduce(Int64(0)) { addVND($0, $1.amountVND) }
        let band = inHouse.reduce(Band(all: Int64(0))) { sum, line in
            let b = line.amountBandVND ?? Band(all: line.amountVND)
            return Band(p10: addVND(sum.p10, b.p10), p50: addVND(sum.p50, b.p50), p90: addVND(sum.p90, b.p90))
        }
        oneOffTotalVND = oneOffTotal
        contractorWorkVND = work
        contractorTotalVND = addVND(work, oneOffTotal)
        inHouseWorkVND = band
        inHouseTotalVND = band.map { addVND($0, oneOffTotal) }
    }

    /// Decodes the lines and builds the totals again from them (a saved estimate's totals are its lines' sums).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            contractor: try c.decode([MoneyLine].self, forKey: .contractor),
            inHouse: try c.decode([MoneyLine].self, forKey: .inHouse),
            oneOff: try c.decode([MoneyLine].self, forKey: .oneOff))
    }
}

/// Adds two amounts in VND, saturating at the ends of Int64.
func addVND(_ a: Int64, _ b: Int64) -> Int64 {
    let (v, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? Int64.max : Int64.min) : v
}

/// Rounds a finite amount to whole đồng, clamped into Int64; non-finite amounts give 0.
func roundedVND(_ x: Double) -> Int64 {
    guard x.isFinite else { return 0 }
    if x >= 9.2e18 { return Int64.max }
    if x <= -9.2e18 { return Int64.min }
    return Int64(x.rounded())
}
