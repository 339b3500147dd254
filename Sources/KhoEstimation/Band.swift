/// The 10th, 50th and 90th percentiles of a projected quantity.
public struct Band<Value: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    /// 1 chance in 10 of less.
    public var p10: Value
    /// The median.
    public var p50: Value
    /// 9 chances in 10 of less.
    public var p90: Value

    /// Makes a band.
    public init(p10: Value, p50: Value, p90: Value) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
    }

    /// Makes a band holding one value three times (no spread).
    public init(all value: Value) { self.init(p10: value, p50: value, p90: value) }

    /// Applies `transform` to each percentile (for monotone increasing transforms).
    public func map<T>(_ transform: (Value) -> T) -> Band<T> {
        Band<T>(p10: transform(p10), p50: transform(p50), p90: transform(p90))
    }
}

extension Band: Hashable where Value: Hashable {}
