/// A figure the estimate uses that was not measured, with the reason it was chosen.
public struct Assumption: Sendable, Codable, Equatable {
    /// Which figure this is, e.g. `pages_per_sheet`.
    public let key: String
    /// The value used.
    public let value: Double
    /// The unit of `value`, e.g. `pages/sheet`.
    public let unit: String
    /// Why this value, in both languages.
    public let message: Bilingual

    /// Makes an assumption.
    public init(key: String, value: Double, unit: String, message: Bilingual) {
        self.key = key
        self.value = value
        self.unit = unit
        self.message = message
    }
}

/// A warning about the estimate (weak data, drifting rate, no data), with a stable code.
public struct Notice: Sendable, Codable, Equatable {
    /// A stable machine-readable code, e.g. `rate_drift`.
    public let code: String
    /// The message in both languages.
    public let message: Bilingual

    /// Makes a notice.
    public init(code: String, message: Bilingual) {
        self.code = code
        self.message = message
    }
}
