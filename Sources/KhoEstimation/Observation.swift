/// A kind of work whose throughput is measured.
public enum WorkKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Arrangement (*chỉnh lý*), measured in linear metres finished.
    case arrangement
    /// Scanning (*số hóa*), measured in pages.
    case scanning
}

/// One person's recorded output of one kind of work on one local day.
///
/// The caller groups events by local day and leaves out opening balances.
/// Several observations for the same day, person and kind are added together.
public struct Observation: Sendable, Codable, Hashable {
    /// The local day the work was done.
    public var day: LocalDay
    /// Who did the work.
    public var person: String
    /// Which kind of work.
    public var kind: WorkKind
    /// Metres (arrangement) or pages (scanning); 0 is allowed.
    public var amount: Double

    /// Makes an observation.
    public init(day: LocalDay, person: String, kind: WorkKind, amount: Double) {
        self.day = day
        self.person = person
        self.kind = kind
        self.amount = amount
    }
}
