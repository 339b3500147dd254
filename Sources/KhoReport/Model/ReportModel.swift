import KhoEstimation

/// Everything the leadership report shows, filled by the caller from the database; the renderer only formats it.
public struct ReportModel: Sendable, Codable, Hashable {
    /// The report's title, e.g. "Báo cáo tiến độ chỉnh lý và số hóa".
    public var title: String
    /// The archive's name, e.g. "Kho lưu trữ xã Sơn Kim 1".
    public var archiveName: String
    /// Local date and time the figures stand at, `YYYY-MM-DD HH:MM` (the renderer reads no clock).
    public var asOf: String
    /// The headline figures, named as in `kho status --json`.
    public var headline: Headline
    /// Number of scan QC problems (pages or files that failed), shown in the headline.
    public var qcProblemCount: Int
    /// Progress of each fonds, in the order to show.
    public var fonds: [FondsRow]
    /// Cumulative metres arranged, one point per day with work, in day order.
    public var arrangedSeries: [SeriesPoint]
    /// Cumulative pages scanned, one point per day with work, in day order.
    public var scannedSeries: [SeriesPoint]
    /// The estimate's cumulative metres arranged from today to the finish (P10/P50/P90); empty without an estimate.
    public var arrangementProjection: [BandPoint]
    /// The estimate's cumulative pages scanned from today to the finish (P10/P50/P90); empty without an estimate.
    public var scanningProjection: [BandPoint]
    /// The P50 finish of arrangement under the plan, as the tables print it (the chart's finish label); nil without one.
    public var arrangementFinishP50: LocalDay?
    /// The P50 finish of scanning under the plan, as the tables print it; nil without an estimate.
    public var scanningFinishP50: LocalDay?
    /// Work done per ISO week and person.
    public var weekly: [WeeklyRow]
    /// Storage of the masters used now and projected, as the estimate computed it (all zero without one).
    public var storage: StorageEstimate
    /// The legal copies still to build and their storage, as the estimate computed them; nil when it has none.
    public var delivery: DeliveryEstimate?
    /// The cost estimate, or nil when none has been made yet.
    public var cost: CostSummary?
    /// Scan QC problems to list, by box and file.
    public var qcProblems: [QCRow]
    /// Boxes in poor physical condition.
    public var poorBoxes: [PoorBoxRow]
    /// Metres at risk: unarranged and undigitized, by condition and by location marked at risk.
    public var atRisk: MetresAtRisk
    /// True when the figures come from sample data: the report then carries a banner saying so.
    public var sampleData: Bool
    /// The registered copies and the NDSA levels reached.
    public var preservation = ReportPreservation()

    /// Makes a report model; the lists default to empty, so a caller fills only what it has.
    public init(
        title: String,
        archiveName: String,
        asOf: String,
        headline: Headline,
        qcProblemCount: Int = 0,
        fonds: [FondsRow] = [],
        arrangedSeries: [SeriesPoint] = [],
        scannedSeries: [SeriesPoint] = [],
        arrangementProjection: [BandPoint] = [],
        scanningProjection: [BandPoint] = [],
        weekly: [WeeklyRow] = [],
        storage: StorageEstimate = .empty,
        delivery: DeliveryEstimate? = nil,
        cost: CostSummary? = nil,
        qcProblems: [QCRow] = [],
        poorBoxes: [PoorBoxRow] = [],
        atRisk: MetresAtRisk = MetresAtRisk(),
        sampleData: Bool = false
    ) {
        self.title = title
        self.archiveName = archiveName
        self.asOf = asOf
        self.headline = headline
        self.qcProblemCount = qcProblemCount
        self.fonds = fonds
        self.arrangedSeries = arrangedSeries
        self.scannedSeries = scannedSeries
        self.arrangementProjection = arrangementProjection
        self.scanningProjection = scanningProjection
        self.weekly = weekly
        self.storage = storage
        self.delivery = delivery
        self.cost = cost
        self.qcProblems = qcProblems
        self.poorBoxes = poorBoxes
        self.atRisk = atRisk
        self.sampleData = sampleData
    }
}
