/// The arrangement part of an estimate. JSON: `remaining_m`, `rate_m_per_day`, plus the ``Projection`` keys.
public struct ArrangementEstimate: Sendable, Codable, Equatable {
    /// Unarranged metres (extent).
    public var remainingMetres: Double
    /// Metres a working day for the whole planned team.
    public var rateMetresPerDay: Double
    /// Time, staff-days and cost.
    public var projection: Projection

    enum CodingKeys: String, CodingKey {
        case remainingMetres = "remaining_m"
        case rateMetresPerDay = "rate_m_per_day"
    }

    /// Makes the arrangement part.
    public init(remainingMetres: Double, rateMetresPerDay: Double, projection: Projection) {
        self.remainingMetres = remainingMetres
        self.rateMetresPerDay = rateMetresPerDay
        self.projection = projection
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        remainingMetres = try c.decode(Double.self, forKey: .remainingMetres)
        rateMetresPerDay = try c.decode(Double.self, forKey: .rateMetresPerDay)
        projection = try Projection(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(remainingMetres, forKey: .remainingMetres)
        try c.encode(rateMetresPerDay, forKey: .rateMetresPerDay)
        try projection.encode(to: encoder)
    }
}

/// The scanning part of an estimate. JSON: `remaining_pages`, `rate_pages_per_day`, `pages_per_metre`, … plus the ``Projection`` keys.
public struct ScanningEstimate: Sendable, Codable, Equatable {
    /// Pages still to scan: known pages + sheets × pages per sheet + kept metres × pages per kept metre.
    public var remainingPages: Double
    /// Pages a working day for the whole planned team.
    public var ratePagesPerDay: Double
    /// Pages per kept metre used.
    public var pagesPerMetre: Double
    /// Pages per sheet used.
    public var pagesPerSheet: Double
    /// Kept ÷ extent used (weeding, applied once, to unarranged metres only).
    public var keptPerExtent: Double
    /// Kept metres still to scan whose pages are predicted by the metre.
    public var keptMetresToScan: Double
    /// Time, staff-days and cost.
    public var projection: Projection
    /// Which share of the remaining pages is counted, from counted sheets, and predicted by the metre.
    public var pagesBySource: PagesBySource?

    enum CodingKeys: String, CodingKey {
        case pagesBySource = "pages_by_source"
        case remainingPages = "remaining_pages"
        case ratePagesPerDay = "rate_pages_per_day"
        case pagesPerMetre = "pages_per_metre"
        case pagesPerSheet = "pages_per_sheet"
        case keptPerExtent = "kept_per_extent"
        case keptMetresToScan = "kept_m_to_scan"
    }

    /// Makes the scanning part.
    public init(
        remainingPages: Double, ratePagesPerDay: Double, pagesPerMetre: Double, pagesPerSheet: Double,
        keptPerExtent: Double, keptMetresToScan: Double, projection: Projection, pagesBySource: PagesBySource? = nil
    ) {
        self.pagesBySource = pagesBySource
        self.remainingPages = remainingPages
        self.ratePagesPerDay = ratePagesPerDay
        self.pagesPerMetre = pagesPerMetre
        self.pagesPerSheet = pagesPerSheet
        self.keptPerExtent = keptPerExtent
        self.keptMetresToScan = keptMetresToScan
        self.projection = projection
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        remainingPages = try c.decode(Double.self, forKey: .remainingPages)
        ratePagesPerDay = try c.decode(Double.self, forKey: .ratePagesPerDay)
        pagesPerMetre = try c.decode(Double.self, forKey: .pagesPerMetre)
        pagesPerSheet = try c.decode(Double.self, forKey: .pagesPerSheet)
        keptPerExtent = try c.decode(Double.self, forKey: .keptPerExtent)
        keptMetresToScan = try c.decode(Double.self, forKey: .keptMetresToScan)
        pagesBySource = try c.decodeIfPresent(PagesBySource.self, forKey: .pagesBySource)
        projection = try Projection(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(remainingPages, forKey: .remainingPages)
        try c.encode(ratePagesPerDay, forKey: .ratePagesPerDay)
        try c.encode(pagesPerMetre, forKey: .pagesPerMetre)
        try c.encode(pagesPerSheet, forKey: .pagesPerSheet)
        try c.encode(keptPerExtent, forKey: .keptPerExtent)
        try c.encode(keptMetresToScan, forKey: .keptMetresToScan)
        try c.encodeIfPresent(pagesBySource, forKey: .pagesBySource)
        try projection.encode(to: encoder)
    }
}

/// Storage for the masters: what is stored now and what the remaining pages will take, per copy and over all copies.
///
/// Remaining = remaining pages × bytes per page; bytes per page is the median of the
/// masters that passed QC (bytes ÷ pages of each) once at least
/// ``EstimationDefaults/minimumMastersForBytesPerPage`` exist, else the stated assumption.
/// One figure per copy and one total (× copies), the same in every output.
public struct StorageEstimate: Sendable, Codable, Hashable {
    /// Remaining pages × bytes per page, one copy.
    public var remainingBytesPerCopy: Int64
    /// The same over all copies.
    public var remainingBytes: Int64
    /// Bytes of masters stored now, one copy.
    public var storedBytesNowPerCopy: Int64
    /// The same over all copies.
    public var storedBytesNow: Int64
    /// Stored now + remaining, one copy.
    public var totalBytesPerCopy: Int64
    /// Stored now + remaining over all copies: the storage to have in the end.
    public var totalBytes: Int64
    /// Bytes per page used.
    public var bytesPerPage: Double
    /// Whether bytes per page was measured from masters or assumed.
    public var bytesPerPageSource: FigureSource
    /// Masters (passed QC) bytes per page was measured from; 0 when assumed with none.
    public var mastersMeasured: Int
    /// Copies kept.
    public var copies: Int
    /// Where `copies` came from (`.written("")` in a report without an estimate).
    public var copiesSource: RatesSource
    /// Each registered copy's bytes held and still needed, when copies beyond the primary are registered (nil: the
    /// rates file's number of copies is the plan).
    public var perCopy: [RegisteredCopy]?
    /// The PDF/A copies' bytes per page and storage (nil in estimates saved before; see ``DeliveryEstimate``).
    public var pdf: PDFStorage?

    enum CodingKeys: String, CodingKey {
        case remainingBytesPerCopy = "remaining_bytes_per_copy"
        case remainingBytes = "remaining_bytes"
        case storedBytesNowPerCopy = "stored_bytes_now_per_copy"
        case storedBytesNow = "stored_bytes_now"
        case totalBytesPerCopy = "total_bytes_per_copy"
        case totalBytes = "total_bytes"
        case bytesPerPage = "bytes_per_page"
        case bytesPerPageSource = "bytes_per_page_source"
        case mastersMeasured = "masters_measured"
        case copies
        case copiesSource = "copies_source"
        case perCopy = "per_copy"
        case pdf
    }

    /// No masters stored and none to come: every figure zero, one copy (what a report without an estimate shows).
    public static let empty = StorageEstimate(
        remainingPages: 0, storedBytesPerCopy: 0, bytesPerPage: 0, source: .assumed, mastersMeasured: 0, copies: 1,
        copiesSource: .written(""))

    /// Builds every figure from the per-copy quantities, once.
    public init(
        remainingPages: Double, storedBytesPerCopy: Int64, bytesPerPage: Double, source: FigureSource,
        mastersMeasured: Int,
        copies: Int, copiesSource: RatesSource
    ) {
        let b = BytesAcrossCopies(
            remainingPages: remainingPages, bytesPerPage: bytesPerPage, storedPerCopy: storedBytesPerCopy,
            copies: copies)
        remainingBytesPerCopy = b.remainingPerCopy
        remainingBytes = b.remaining
        storedBytesNowPerCopy = b.storedPerCopy
        storedBytesNow = b.stored
        totalBytesPerCopy = b.totalPerCopy
        totalBytes = b.total
        self.bytesPerPage = bytesPerPage
        bytesPerPageSource = source
        self.mastersMeasured = mastersMeasured
        self.copies = b.copies
        self.copiesSource = copiesSource
    }

    /// Decodes; an estimate saved before per-copy figures existed is read with its totals split by its copies.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        copies = max(1, try c.decode(Int.self, forKey: .copies))
        copiesSource = try c.decode(RatesSource.self, forKey: .copiesSource)
        bytesPerPage = try c.decode(Double.self, forKey: .bytesPerPage)
        remainingBytes = try c.decode(Int64.self, forKey: .remainingBytes)
        storedBytesNow = try c.decode(Int64.self, forKey: .storedBytesNow)
        totalBytes = try c.decode(Int64.self, forKey: .totalBytes)
        let n = Int64(copies)
        remainingBytesPerCopy = try c.decodeIfPresent(Int64.self, forKey: .remainingBytesPerCopy) ?? remainingBytes / n
        storedBytesNowPerCopy = try c.decodeIfPresent(Int64.self, forKey: .storedBytesNowPerCopy) ?? storedBytesNow / n
        totalBytesPerCopy = try c.decodeIfPresent(Int64.self, forKey: .totalBytesPerCopy) ?? totalBytes / n
        bytesPerPageSource = try c.decodeIfPresent(FigureSource.self, forKey: .bytesPerPageSource) ?? .assumed
        mastersMeasured = try c.decodeIfPresent(Int.self, forKey: .mastersMeasured) ?? 0
        perCopy = try c.decodeIfPresent([RegisteredCopy].self, forKey: .perCopy)
        pdf = try c.decodeIfPresent(PDFStorage.self, forKey: .pdf)
    }
}

/// Both parts together, done in parallel by separate staff: finish = the later of the two, per resample.
public struct TotalEstimate: Sendable, Codable, Equatable {
    /// Working days until both parts are done.
    public var workingDays: Band<Int>
    /// The day both parts are done.
    public var finishDate: Band<LocalDay>
    /// Staff-days of both parts.
    public var staffDays: Band<Double>
    /// In-house cost of both parts (extra staff-days × day rate), without one-offs: the sum of the parts' bands.
    public var costVND: Band<Int64>
    /// Contractor cost of both parts, without one-offs.
    public var contractorVND: Int64
    /// What-if: people needed on both parts together to finish by `until`.
    public var staffNeededByUntil: Band<Int>?
    /// Why no P10–P90 band is given for both parts together (either part has none); nil when it stands.
    public var bandWithheld: Text?

    /// The finish's P10 and P90 when a band stands, else nil.
    public var band: Band<LocalDay>? { bandWithheld == nil ? finishDate : nil }

    enum CodingKeys: String, CodingKey {
        case bandWithheld = "band_reason"
        case workingDays = "working_days"
        case finishDate = "finish_date"
        case staffDays = "staff_days"
        case costVND = "cost_vnd"
        case contractorVND = "contractor_vnd"
        case staffNeededByUntil = "staff_needed_by_until"
    }
}

/// Stored now, still needed and in all, for one copy and over the copies kept: the one way storage is counted
/// (masters and PDF copies alike); sums and products saturate instead of trapping.
struct BytesAcrossCopies {
    var remainingPerCopy: Int64
    var remaining: Int64
    var storedPerCopy: Int64
    var stored: Int64
    var totalPerCopy: Int64
    var total: Int64
    var copies: Int

    init(remainingPages: Double, bytesPerPage: Double, storedPerCopy: Int64, copies: Int) {
        let n = Int64(max(1, copies))
        func times(_ v: Int64) -> Int64 {
            let (r, o) = v.multipliedReportingOverflow(by: n)
            return o ? Int64.max : r
        }
        remainingPerCopy = roundedVND(remainingPages * bytesPerPage)
        remaining = times(remainingPerCopy)
        self.storedPerCopy = max(0, storedPerCopy)
        stored = times(self.storedPerCopy)
        totalPerCopy = addVND(self.storedPerCopy, remainingPerCopy)
        total = times(totalPerCopy)
        self.copies = Int(n)
    }
}

/// The remaining pages by where they come from: counted pages, counted sheets × pages per sheet, kept metres × pages
/// per kept metre. JSON `pages_by_source`: `counted`, `from_sheets`, `from_metres`.
public struct PagesBySource: Sendable, Codable, Equatable {
    public var counted: Double
    public var fromSheets: Double
    public var fromMetres: Double

    enum CodingKeys: String, CodingKey {
        case counted
        case fromSheets = "from_sheets"
        case fromMetres = "from_metres"
    }
}
