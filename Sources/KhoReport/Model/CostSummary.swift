/// The cost estimate as the report shows it: variants, one-off lines, rates, finish dates, assumptions and warnings.
public struct CostSummary: Sendable, Codable, Hashable {
    /// The contractor variant (unit prices) in VND.
    public var contractor: CostBand
    /// The in-house variant (extra staff-days × day rate) in VND.
    public var inHouse: CostBand
    /// One-off purchases (dehumidifiers, shelving, scanner, storage), each with its source.
    public var oneOffLines: [MoneyLine]
    /// The unit prices and rates used, each with its source.
    public var unitRates: [MoneyLine]
    /// When each part finishes: arrangement, scanning, total.
    public var finish: [PartFinish]
    /// Every assumption, in both languages.
    public var assumptions: [Text]
    /// Warnings (weak data, drift), in both languages.
    public var warnings: [Text]
    /// The saved estimate's name, when the report shows a saved one.
    public var savedEstimateName: String?
    /// Days of measured data the estimate rests on.
    public var daysOfData: Int

    /// Makes a cost summary.
    public init(
        contractor: CostBand, inHouse: CostBand, oneOffLines: [MoneyLine] = [], unitRates: [MoneyLine] = [],
        finish: [PartFinish] = [], assumptions: [Text] = [], warnings: [Text] = [],
        savedEstimateName: String? = nil, daysOfData: Int = 0
    ) {
        self.contractor = contractor
        self.inHouse = inHouse
        self.oneOffLines = oneOffLines
        self.unitRates = unitRates
        self.finish = finish
        self.assumptions = assumptions
        self.warnings = warnings
        self.savedEstimateName = savedEstimateName
        self.daysOfData = daysOfData
    }

    /// The sum of the one-off lines, in VND (saturating, never trapping).
    public var oneOffTotal: Int64 {
        oneOffLines.reduce(Int64(0)) { sum, line in
            let (value, overflow) = sum.addingReportingOverflow(line.amountVND)
            return overflow ? (line.amountVND > 0 ? Int64.max : Int64.min) : value
        }
    }
}

/// An amount at P10, P50 and P90, in VND.
public struct CostBand: Sendable, Codable, Hashable {
    /// Optimistic amount.
    public var p10: Int64
    /// Median amount.
    public var p50: Int64
    /// Pessimistic amount.
    public var p90: Int64

    /// Makes a band.
    public init(p10: Int64, p50: Int64, p90: Int64) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }
}

/// A line of money with its source in the rates file, e.g. a dehumidifier from "rates.toml dòng 22".
public struct MoneyLine: Sendable, Codable, Hashable {
    /// What it is, in both languages.
    public var label: Text
    /// The amount (or unit price) in VND.
    public var amountVND: Int64
    /// Where the figure comes from, e.g. "rates.toml dòng 22".
    public var source: String

    /// Makes a money line.
    public init(label: Text, amountVND: Int64, source: String) {
        self.label = label
        self.amountVND = amountVND
        self.source = source
    }
}

/// When one part of the work finishes, at P10, P50 and P90 (`YYYY-MM-DD`).
public struct PartFinish: Sendable, Codable, Hashable {
    /// The part: arrangement, scanning or total.
    public var part: Text
    /// Optimistic finish day.
    public var p10: String
    /// Median finish day.
    public var p50: String
    /// Pessimistic finish day.
    public var p90: String

    /// Makes a part finish.
    public init(part: Text, p10: String, p50: String, p90: String) {
        self.part = part
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }
}
