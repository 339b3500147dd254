import KhoEstimation

/// The leadership report's first-page summary: the chairman's paragraph, figure by figure
/// (``EstimateTexts/chairman(_:)``), and what the estimate assumed (``EstimateTexts/basis(_:)``). The report opens
/// with it; `kho serve`'s dashboard shows the same to the leader.
public struct ReportSummary: Sendable, Codable, Hashable {
    /// The paragraph for the person who signs, each figure tagged with its JSON key and raw value.
    public var chairman: [SummaryPiece]
    /// What the estimate assumed: scope, staffing and days per week, deadline, the day it was made.
    public var basis: [Text]

    /// Makes a summary of pieces already computed.
    public init(chairman: [SummaryPiece], basis: [Text]) {
        self.chairman = chairman
        self.basis = basis
    }
}
