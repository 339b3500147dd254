import KhoEstimation

/// The cost estimate as the report shows it. Every figure is computed by the estimate and copied here as it is:
/// the renderer formats, it never adds (a total is never built twice).
public struct CostSummary: Sendable, Codable, Hashable {
    /// Both variants, each line with its source, and their totals: the estimate's own money breakdown.
    public var money: MoneyBreakdown
    /// When each part finishes under the plan: arrangement, scanning, total.
    public var finish: [PartFinish]
    /// When each part finishes at the pace actually sustained (empty strings: never, nothing done in 26 weeks).
    public var sustainedFinish: [PartFinish]
    /// Availability as measured, one line per part, e.g. "chỉnh lý: 1,2 ngày công/tuần; ngừng 29 tuần (từ 15/05/2026)".
    public var pace: [Text]
    /// What the estimate assumed, for its first lines: scope, staffing and days per week, deadline.
    public var basis: [Text]
    /// With a deadline: what meeting it takes.
    public var deadline: DeadlineSummary?
    /// Every assumption, in both languages.
    public var assumptions: [Text]
    /// Warnings (weak data, drift, idle work), in both languages.
    public var warnings: [Text]
    /// The saved estimate's name, when the report shows a saved one.
    public var savedEstimateName: String?
    /// Days of measured data the estimate rests on.
    public var daysOfData: Int
    /// The first page's paragraph, figure by figure (see ``EstimateTexts/chairman(_:)``); empty in older models.
    public var chairman: [SummaryPiece] = []

    /// Makes a cost summary.
    public init(
        money: MoneyBreakdown, finish: [PartFinish] = [], sustainedFinish: [PartFinish] = [], pace: [Text] = [],
        basis: [Text] = [], deadline: DeadlineSummary? = nil, assumptions: [Text] = [], warnings: [Text] = [],
        savedEstimateName: String? = nil, daysOfData: Int = 0
    ) {
        self.money = money
        self.finish = finish
        self.sustainedFinish = sustainedFinish
        self.pace = pace
        self.basis = basis
        self.deadline = deadline
        self.assumptions = assumptions
        self.warnings = warnings
        self.savedEstimateName = savedEstimateName
        self.daysOfData = daysOfData
    }

    /// The unit prices and rates used, each with its source: the contractor's, then the in-house day rate.
    public var unitRates: [MoneyLine] { money.contractor + money.inHouse.prefix(1) }
    /// The total finish under the plan (the last row of `finish`), if any.
    public var planTotal: PartFinish? { finish.last }
    /// The total finish at the sustained pace (the last row of `sustainedFinish`), if any.
    public var sustainedTotal: PartFinish? { sustainedFinish.last }
}

/// What finishing by a deadline takes, per part and in money, as the estimate computed it.
public struct DeadlineSummary: Sendable, Codable, Hashable {
    /// The deadline, `YYYY-MM-DD`.
    public var until: String
    /// Working days left until it.
    public var workingDays: Int
    /// One row per part.
    public var parts: [DeadlineRow]
    /// In-house: both parts' extra staff-days at the day rate, plus the one-off lines.
    public var inHouseTotal: Int64
    /// Contractor: unit prices do not depend on staffing, plus the one-off lines.
    public var contractorTotal: Int64

    /// Makes a deadline summary.
    public init(until: String, workingDays: Int, parts: [DeadlineRow], inHouseTotal: Int64, contractorTotal: Int64) {
        self.until = until
        self.workingDays = workingDays
        self.parts = parts
        self.inHouseTotal = inHouseTotal
        self.contractorTotal = contractorTotal
    }
}

/// One part's staffing for a deadline.
public struct DeadlineRow: Sendable, Codable, Hashable {
    public var part: Text
    public var staffP50: Int
    public var staffP90: Int
    public var extraStaffDays: Double
    public var costVND: Int64

    /// Makes a row.
    public init(part: Text, staffP50: Int, staffP90: Int, extraStaffDays: Double, costVND: Int64) {
        self.part = part
        self.staffP50 = staffP50
        self.staffP90 = staffP90
        self.extraStaffDays = extraStaffDays
        self.costVND = costVND
    }
}

/// When one part of the work finishes, at P10, P50 and P90 (`YYYY-MM-DD`; empty: never; ``beyondHorizon``: over 50 years).
public struct PartFinish: Sendable, Codable, Hashable {
    /// Written instead of a day more than 50 years away.
    public static let beyondHorizon = "beyond-horizon"
    /// Written as P10 and P90 when no band is given (too little data).
    public static let noBand = "no-band"

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

extension PartFinish {
    /// A finish day as the report writes it: the date, "never" when empty, or "beyond" past the horizon.
    static func dayText(_ iso: String, _ lang: Lang) -> String {
        iso.isEmpty
            ? T.never.text(lang)
            : iso == beyondHorizon ? T.beyond.text(lang) : iso == noBand ? "—" : DateFormat.day(iso, lang: lang)
    }
}
