/// A figure the estimate uses that was not measured, with the reason it was chosen.
public struct Assumption: Sendable, Codable, Equatable {
    /// Which figure this is, e.g. `pages_per_sheet`.
    public let key: String
    /// The value used.
    public let value: Double
    /// The unit of `value`, e.g. `pages/sheet`.
    public let unit: String
    /// Why this value, in both languages.
    public let message: Text

    /// Makes an assumption.
    public init(key: String, value: Double, unit: String, message: Text) {
        self.key = key
        self.value = value
        self.unit = unit
        self.message = message
    }
}

/// A warning about the estimate (weak data, drifting rate, no data), with a stable code.
public struct Notice: Sendable, Codable, Equatable {
    /// A stable machine-readable code, e.g. `rate_drift_scanning`.
    public let code: String
    /// The kind of warning, the same for both parts, e.g. `idle`, `weak`, `drift`.
    public let key: String
    /// The part it is about (`arrangement`, `scanning`), or nil for the whole estimate.
    public let part: String?
    /// The message in both languages.
    public let message: Text

    /// Makes a notice; `key` defaults to the code without its part.
    public init(code: String, key: String? = nil, part: String? = nil, message: Text) {
        self.code = code
        var k = code
        for suffix in ["_arrangement", "_scanning"] where k.hasSuffix(suffix) { k.removeLast(suffix.count) }
        self.key = key ?? k
        self.part =
            part ?? (code.hasSuffix("_arrangement") ? "arrangement" : code.hasSuffix("_scanning") ? "scanning" : nil)
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case code, key, part, message }

    /// Decodes; a notice saved before `key` existed gets it from its code.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try c.decode(String.self, forKey: .code), key: try c.decodeIfPresent(String.self, forKey: .key),
            part: try c.decodeIfPresent(String.self, forKey: .part), message: try c.decode(Text.self, forKey: .message))
    }
}
