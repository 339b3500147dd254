/// One priced line: quantity × unit price, with the price's source.
public struct MoneyLine: Sendable, Codable, Hashable {
    /// Which part it belongs to: `arrangement`, `scanning`, `description`, `storage` or `one_off`.
    public var part: String
    /// What is priced, e.g. `per_page_scanned`, or the one-off's name.
    public var item: String
    /// The item in words, in both languages.
    public var label: Text
    /// How many units (1 for a one-off), as displayed: rounded to ``fractionDigits(unit:)`` digits, so that the
    /// printed quantity × the printed unit price is the printed amount.
    public var quantity: Double
    /// The unit, e.g. `m`, `page`, `staff-day`.
    public var unit: String
    /// Price of one unit (VND).
    public var unitPriceVND: Int64
    /// quantity (as displayed) × unit price, rounded to the đồng.
    public var amountVND: Int64
    /// Where the price came from, e.g. `rates.toml line 27` (``RatesSource/stored`` in JSON).
    public var source: RatesSource
    /// In-house lines: the amount at P10, P50 and P90 (`amount_vnd` is the P50); nil for fixed amounts.
    public var amountBandVND: Band<Int64>?

    enum CodingKeys: String, CodingKey {
        case part, item, label, quantity, unit
        case unitPriceVND = "unit_price_vnd"
        case amountVND = "amount_vnd"
        case source
        case amountBandVND = "amount_vnd_band"
    }

    /// Prices `quantity` (rounded as displayed first) at `price`; a `quantityBand` (P10/P50/P90 of the quantity, e.g.
    /// staff-days) gives the amount's band, each percentile rounded as displayed too.
    init(
        part: String, item: String, quantity: Double, unit: String, price: Sourced<Int64>,
        quantityBand: Band<Double>? = nil
    ) {
        let q = Self.displayed(quantity, unit: unit)
        let band = quantityBand.map { $0.map { roundedVND(Self.displayed($0, unit: unit) * Double(price.value)) } }
        self.init(
            part: part, item: item, label: Texts.moneyItem(item), quantity: q, unit: unit,
            unitPriceVND: price.value, amountVND: roundedVND(q * Double(price.value)),
            source: price.source, amountBandVND: band)
    }

    /// The line's name as every output prints it: the label, and for staff-day lines the part they are for.
    public var name: Text {
        guard item == "day_rate" else { return label }
        let part: Text =
            switch part {
            case "arrangement": Text(vi: "chỉnh lý", en: "arrangement")
            case "scanning": Text(vi: "số hóa", en: "scanning")
            case "description": Text(vi: "biên mục", en: "describing")
            default: Text(vi: part, en: part)
            }
        return Text(vi: "\(label.vi) (\(part.vi))", en: "\(label.en) (\(part.en))")
    }

    /// A unit in words, e.g. `trang` / `pages` for `page`.
    public static func unitName(_ unit: String) -> Text {
        switch unit {
        case "page": Text(vi: "trang", en: "pages")
        case "file": Text(vi: "hồ sơ", en: "files")
        case "document": Text(vi: "văn bản", en: "documents")
        case "staff-day": Text(vi: "ngày công", en: "staff-days")
        case "item": Text(vi: "khoản", en: "item")
        default: Text(vi: unit, en: unit)
        }
    }

    /// The quantity as printed, e.g. `372.969` pages, `1,25` m, `246,2` staff-days.
    public func quantityText(_ lang: Lang) -> String {
        Format.decimal(quantity, maxFractionDigits: Self.fractionDigits(unit: unit), lang: lang)
    }

    /// Digits after the decimal point a quantity in `unit` is shown and priced with: whole pages, documents, files
    /// and items; metres and terabytes to 0,01; staff-days to 0,1.
    public static func fractionDigits(unit: String) -> Int {
        switch unit {
        case "m", "TB": 2
        case "staff-day": 1
        default: 0
        }
    }

    /// `quantity` rounded as it is displayed in `unit` (non-finite and negative quantities give 0).
    public static func displayed(_ quantity: Double, unit: String) -> Double {
        guard quantity.isFinite, quantity > 0 else { return 0 }
        let scale = [1.0, 10, 100, 1000][fractionDigits(unit: unit)]
        return (quantity * scale).rounded() / scale
    }

    /// Makes a line from figures already worked out (the estimator prices its own lines from the rates).
    public init(
        part: String, item: String, label: Text, quantity: Double, unit: String, unitPriceVND: Int64, amountVND: Int64,
        source: RatesSource, amountBandVND: Band<Int64>? = nil
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

    /// The in-house total's P10–P90 band, or nil when there is none to give: a part with a cost has no band (too
    /// little data: see ``Projection/bandWithheld``), or the band has no width (no extra people on arranging and
    /// scanning, so nothing in the in-house total depends on the pace). ``inHouseBandReason`` says which.
    public var inHouseBand: Band<Int64>? { inHouseBandReason == nil ? inHouseTotalVND : nil }

    /// Why the in-house total has no P10–P90 band; nil when it has one.
    public var inHouseBandReason: Text? {
        let paced = inHouse.filter { ["arrangement", "scanning"].contains($0.part) }
        if paced.contains(where: { $0.amountBandVND == nil && $0.amountVND > 0 }) {
            return Text(vi: "chưa đủ số liệu để có khoảng P10–P90", en: "too little data for a P10–P90 band")
        }
        if inHouseTotalVND.p10 == inHouseTotalVND.p90 {
            return Text(
                vi:
                    "không có khoảng P10–P90: không thuê thêm người chỉnh lý, số hóa nên số tiền không phụ thuộc nhịp độ",
                en:
                    "no P10–P90 band: nobody extra is hired to arrange or scan, so the amount does not depend on the pace"
            )
        }
        return nil
    }

    /// A variant's name as the money tables print it.
    public static func variantName(_ variant: String) -> Text {
        switch variant {
        case "contractor": Text(vi: "thuê dịch vụ", en: "contractor")
        case "in_house": Text(vi: "tự làm (P50)", en: "in-house (P50)")
        default: Text(vi: "chi một lần", en: "one-off")
        }
    }

    /// Every line in the order they are printed, each with its variant: `contractor`, `in_house`, `one_off`.
    public var allLines: [(variant: String, line: MoneyLine)] {
        contractor.map { ("contractor", $0) } + inHouse.map { ("in_house", $0) } + oneOff.map { ("one_off", $0) }
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
