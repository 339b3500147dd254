/// Metres at risk (*số mét có nguy cơ*): what is not arranged or not digitized yet, by condition and by marked location.
///
/// Computed once by the library from the catalogue (the same metres as `kho status`: unarranged = total − arranged,
/// undigitized = total − digitized); the report only formats it.
public struct MetresAtRisk: Sendable, Codable, Hashable {
    /// One row per condition, worst first (water damage, mould, insects, brittle, worn, good).
    public var byCondition: [ConditionMetres]
    /// One row per marked location (`kho location mark`), in location order.
    public var locations: [LocationMetres]
    /// Metres not arranged yet, and not digitized yet, in all.
    public var unarrangedMetres: Double
    public var undigitizedMetres: Double
    /// Of those, the metres in poor condition (water, mould, insects, brittle) or at a location marked at risk, each box once.
    public var unarrangedAtRiskMetres: Double
    public var undigitizedAtRiskMetres: Double

    /// Makes the figures; anything not given is zero or empty.
    public init(
        byCondition: [ConditionMetres] = [], locations: [LocationMetres] = [], unarrangedMetres: Double = 0,
        undigitizedMetres: Double = 0, unarrangedAtRiskMetres: Double = 0, undigitizedAtRiskMetres: Double = 0
    ) {
        self.byCondition = byCondition
        self.locations = locations
        self.unarrangedMetres = unarrangedMetres
        self.undigitizedMetres = undigitizedMetres
        self.unarrangedAtRiskMetres = unarrangedAtRiskMetres
        self.undigitizedAtRiskMetres = undigitizedAtRiskMetres
    }
}

/// Unarranged and undigitized metres of boxes in one condition (the worst recorded on the box or its files).
public struct ConditionMetres: Sendable, Codable, Hashable {
    /// The condition's key (`mould`) and its name in both languages.
    public var key: String
    public var label: Text
    /// Whether the condition puts the records at risk (water, mould, insects, brittle).
    public var poor: Bool
    public var unarrangedMetres: Double
    public var undigitizedMetres: Double

    public init(key: String, label: Text, poor: Bool, unarrangedMetres: Double, undigitizedMetres: Double) {
        self.key = key
        self.label = label
        self.poor = poor
        self.unarrangedMetres = unarrangedMetres
        self.undigitizedMetres = undigitizedMetres
    }
}

/// A location marked at risk, with the boxes its mark covers and their unarranged and undigitized metres.
public struct LocationMetres: Sendable, Codable, Hashable {
    public var location: String
    /// Its risks in words, in both languages: "ẩm, dột" / "damp, leak".
    public var risks: Text
    public var boxes: Int
    public var unarrangedMetres: Double
    public var undigitizedMetres: Double

    public init(location: String, risks: Text, boxes: Int, unarrangedMetres: Double, undigitizedMetres: Double) {
        self.location = location
        self.risks = risks
        self.boxes = boxes
        self.unarrangedMetres = unarrangedMetres
        self.undigitizedMetres = undigitizedMetres
    }
}
