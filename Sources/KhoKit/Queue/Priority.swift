import Foundation

/// What a box or file brings to its place in the work queue: its condition, retention, age and location's risks.
public struct PriorityFactors: Sendable, Hashable {
    public var condition: Condition
    /// Nil when not known yet (a bundle whose files are not listed, a file without one).
    public var retention: Retention?
    /// The first year of the records; nil when not known.
    public var startYear: Int?
    /// The location and every risk that reaches it (``LocationCover``).
    public var location: String
    public var risks: [LocationRisk]

    public init(
        condition: Condition, retention: Retention?, startYear: Int?, location: String = "", risks: [LocationRisk] = []
    ) {
        self.condition = condition
        self.retention = retention
        self.startYear = startYear
        self.location = location
        self.risks = risks
    }
}

/// The named weights of the work queue's score: points for each factor, added up. Higher is sooner.
///
/// The standard weights (documented in the README) rank what is being damaged now first, then what must be kept
/// forever, then what is old, and raise whatever stands where the store is damp, leaks, is hot or has pests:
///
/// | factor | points |
/// | --- | --- |
/// | condition | water damage 40, mould 36, insect damage 32, brittle 24, worn 10, good 0 |
/// | retention | permanent 30, not known yet 15, 20 years or more 10, less than 20 years 0 |
/// | age | 2 per full decade before this year, at most 20 (a 1976 file in 2026: 10) |
/// | location | leak 30, damp 25, pests 25, heat 10, added up over every risk reaching it, at most 40 |
///
/// So a mouldy, permanent box in a damp store (36 + 30 + 25 = 91, plus its age) comes before a water-damaged box of
/// 10-year records on a dry shelf (40 + 0). Ties go to the older records, then to the code.
public struct PriorityWeights: Sendable, Hashable {
    public var condition: [Condition: Double]
    public var permanent: Double
    public var unknownRetention: Double
    public var longRetention: Double
    /// Retention of at least this many years counts as long.
    public var longRetentionYears: Int
    public var perDecade: Double
    public var maxAge: Double
    public var risk: [LocationRisk: Double]
    public var maxRisk: Double

    /// The weights kho uses.
    public static let standard = PriorityWeights(
        condition: [.water: 40, .mould: 36, .insects: 32, .brittle: 24, .worn: 10, .good: 0],
        permanent: 30, unknownRetention: 15, longRetention: 10, longRetentionYears: 20,
        perDecade: 2, maxAge: 20,
        risk: [.leak: 30, .damp: 25, .pests: 25, .heat: 10], maxRisk: 40)

    /// Points for a retention.
    public func points(_ retention: Retention?) -> Double {
        switch retention {
        case .permanent?: permanent
        case nil: unknownRetention
        case .years(let n)?: n >= longRetentionYears ? longRetention : 0
        }
    }

    /// Points for a condition.
    public func points(_ condition: Condition) -> Double { self.condition[condition] ?? 0 }
}

/// A score and its parts, so that the reason can name what counted.
public struct PriorityScore: Codable, Sendable, Hashable {
    public var total: Double
    public var condition: Double
    public var retention: Double
    public var age: Double
    public var location: Double
}

/// The work queue's score: condition + retention + age + location risk, each by ``PriorityWeights``.
///
/// `currentYear` is the archive's local year (age counts full decades before it). Pure: the same factors and weights
/// always give the same score.
public func priorityScore(
    _ f: PriorityFactors, currentYear: Int, weights w: PriorityWeights = .standard
) -> PriorityScore {
    let condition = w.points(f.condition)
    let retention = w.points(f.retention)
    let age = f.startYear.map { min(w.maxAge, Double(max(0, currentYear - $0) / 10) * w.perDecade) } ?? 0
    let location = min(w.maxRisk, Set(f.risks).reduce(0) { $0 + (w.risk[$1] ?? 0) })
    return PriorityScore(
        total: condition + retention + age + location, condition: condition, retention: retention, age: age,
        location: location)
}

/// Why a box or file stands where it does in the queue, in words, naming only what counted:
/// "nấm mốc, vĩnh viễn, tài liệu từ 1976, kho tạm ẩm" / "mould, permanent, records from 1976, kho tạm damp".
public func priorityReason(_ f: PriorityFactors, _ s: PriorityScore, _ lang: Lang) -> String {
    var parts: [String] = []
    if s.condition > 0 { parts.append(f.condition.label.text(lang)) }
    if s.retention > 0 {
        parts.append(
            f.retention.map { $0.label(lang) } ?? (lang == .vi ? "chưa rõ thời hạn" : "retention not known yet"))
    }
    if s.age > 0, let year = f.startYear { parts.append(lang == .vi ? "tài liệu từ \(year)" : "records from \(year)") }
    if s.location > 0 { parts.append("\(f.location) \(LocationRisk.words(f.risks, lang))") }
    if parts.isEmpty { return lang == .vi ? "không có yếu tố ưu tiên" : "nothing to put it first" }
    return parts.joined(separator: ", ")
}
