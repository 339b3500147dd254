/// What is left to do, as counted by the caller from the catalogue.
public struct RemainingWork: Sendable, Codable, Equatable {
    /// Linear metres (extent as received) not yet arranged.
    public var unarrangedMetres: Double
    /// Pages already counted (e.g. from the inventory's *số trang*) of files not yet scanned.
    public var pagesKnownUnscanned: Double
    /// Sheets (*số tờ*) of files not yet scanned whose sheets are known but pages are not.
    public var sheetsKnownUnscanned: Double
    /// Kept metres already arranged, not yet scanned, whose sheets are not known.
    public var keptMetresUnscannedWithoutSheets: Double
    /// Registered files not yet described; files in unarranged metres are predicted and added.
    public var filesToDescribe: Double
    /// Documents to describe; nil = predicted from files × documents per file.
    public var documentsToDescribe: Double?
    /// Registered files (in scope) whose documents are not described yet; their documents are predicted and added.
    public var filesWithoutDocuments: Double = 0
    /// Bytes of masters stored now, one copy (the estimate multiplies by the copies kept).
    public var storedBytesNow: Int64
    /// Unarranged metres whose pages are known from counted sheets (or are already digitized): not predicted again by
    /// the metre.
    public var unarrangedMetresCounted: Double?
    /// The share of the records in unarranged metres that will be scanned (1 = all; e.g. only permanent records).
    public var scanningShareOfUnarranged: Double?

    /// Makes the remaining quantities; everything but unarranged metres defaults to 0 (documents: predicted).
    public init(
        unarrangedMetres: Double, pagesKnownUnscanned: Double = 0, sheetsKnownUnscanned: Double = 0,
        keptMetresUnscannedWithoutSheets: Double = 0, filesToDescribe: Double = 0,
        documentsToDescribe: Double? = nil, storedBytesNow: Int64 = 0, scanningShareOfUnarranged: Double? = nil
    ) {
        self.unarrangedMetres = unarrangedMetres
        self.pagesKnownUnscanned = pagesKnownUnscanned
        self.sheetsKnownUnscanned = sheetsKnownUnscanned
        self.keptMetresUnscannedWithoutSheets = keptMetresUnscannedWithoutSheets
        self.filesToDescribe = filesToDescribe
        self.documentsToDescribe = documentsToDescribe
        self.storedBytesNow = storedBytesNow
        self.scanningShareOfUnarranged = scanningShareOfUnarranged
    }
}

/// Ratios measured from finished work; nil means "not measured yet": the default is used and listed as an assumption.
public struct MeasuredRatios: Sendable, Codable, Equatable {
    /// Kept metres ÷ extent metres of boxes whose arrangement is finished (0…1).
    public var keptPerExtent: Double?
    /// Pages ÷ sheets of scanned files whose sheets are known.
    public var pagesPerSheet: Double?
    /// Pages ÷ kept metres of fully scanned arranged boxes.
    public var pagesPerKeptMetre: Double?
    /// Bytes per page of ingested masters that passed QC (median of bytes ÷ pages per master).
    public var bytesPerPage: Double?
    /// How many masters `bytesPerPage` was measured from; below ``EstimationDefaults/minimumMastersForBytesPerPage``
    /// the stated default is used instead (nil: trust `bytesPerPage` as given).
    public var mastersMeasured: Int?
    /// Files ÷ kept metres of arranged boxes.
    public var filesPerKeptMetre: Double?
    /// Documents ÷ files of described files.
    public var documentsPerFile: Double?
    /// How many files `documentsPerFile` was measured from (files with at least one document described); below
    /// ``EstimationDefaults/minimumDescribedFiles`` the stated default is used (nil: trust it as given).
    public var documentsMeasuredFiles: Int?
    /// Pages ÷ documents of described documents with a page count (shown; nil when none).
    public var pagesPerDocument: Double?

    /// Makes measured ratios; leave out what has not been measured.
    public init(
        keptPerExtent: Double? = nil, pagesPerSheet: Double? = nil, pagesPerKeptMetre: Double? = nil,
        bytesPerPage: Double? = nil, filesPerKeptMetre: Double? = nil, documentsPerFile: Double? = nil
    ) {
        self.keptPerExtent = keptPerExtent
        self.pagesPerSheet = pagesPerSheet
        self.pagesPerKeptMetre = pagesPerKeptMetre
        self.bytesPerPage = bytesPerPage
        self.filesPerKeptMetre = filesPerKeptMetre
        self.documentsPerFile = documentsPerFile
    }
}

/// How many people work on each kind of work, planned and now.
///
/// Extra staff = planned − current (never below 0); only their staff-days cost
/// money in the in-house variant, because salaried staff are paid anyway.
public struct StaffPlan: Sendable, Codable, Equatable {
    /// Planned people on arrangement; nil = the people active in the window (1 when none).
    public var arrangement: Int?
    /// Planned people on scanning; nil = the people active in the window (1 when none).
    public var scanning: Int?
    /// Salaried people on arrangement now; nil = the people active in the window.
    public var currentArrangement: Int?
    /// Salaried people on scanning now; nil = the people active in the window.
    public var currentScanning: Int?

    /// Makes a staff plan; nil fields take the defaults above.
    public init(
        arrangement: Int? = nil, scanning: Int? = nil, currentArrangement: Int? = nil, currentScanning: Int? = nil
    ) {
        self.arrangement = arrangement
        self.scanning = scanning
        self.currentArrangement = currentArrangement
        self.currentScanning = currentScanning
    }

    func planned(_ kind: WorkKind) -> Int? { kind == .arrangement ? arrangement : scanning }
    func current(_ kind: WorkKind) -> Int? { kind == .arrangement ? currentArrangement : currentScanning }
}

/// Everything an estimate is computed from: saved with it, it reproduces the estimate exactly.
public struct EstimateInputs: Sendable, Codable, Equatable {
    /// Recorded work, grouped by local day, without opening balances.
    public var observations: [Observation]
    /// The day the estimate is made; work starts on the next working day.
    public var today: LocalDay
    /// Which days throughput is measured over.
    public var window: MeasurementWindow
    /// What is left to do.
    public var remaining: RemainingWork
    /// Measured ratios (nil = default + assumption).
    public var measured: MeasuredRatios
    /// Planned and current staff (what-if: `arrangement=3, scanning=2`).
    public var staff: StaffPlan
    /// Prices, copies and holidays.
    public var rates: Rates
    /// What-if: a day rate instead of the rates file's.
    public var dayRateOverride: Int64?
    /// What-if: a deadline; the estimate says what staffing meets it at P50 and P90.
    public var until: LocalDay?
    /// Seed of the bootstrap's generator.
    public var seed: UInt64
    /// Bootstrap resamples.
    public var resamples: Int
    /// The legal copies built and waiting (nil: none counted; all pages still to build, figures assumed).
    public var delivery: DeliveryInputs?
    /// A label carried through to the result, e.g. "permanent records, fonds UBND-SK1" (Vietnamese; see `scopeText`).
    public var scope: String?
    /// The scope label in both languages (renderers pick the language).
    public var scopeText: Text?
    /// Days a week each planned person gives to the work (the plan); nil = 5, full time.
    public var daysPerWeek: Double?
    /// The copies registered in the catalogue, the primary first (nil or one: the rates file's `copies` is the plan).
    public var copies: [RegisteredCopy]?

    /// The days per week the plan uses: `daysPerWeek` when positive and finite, else 5.
    public var planDaysPerWeek: Double {
        guard let d = daysPerWeek, d.isFinite, d > 0 else { return EstimationDefaults.daysPerWeek }
        return min(7, d)
    }

    /// Makes inputs with the stated defaults (90 days with work, 10,000 resamples, seed 2026, default rates).
    public init(
        observations: [Observation], today: LocalDay, remaining: RemainingWork,
        measured: MeasuredRatios = MeasuredRatios(), staff: StaffPlan = StaffPlan(),
        rates: Rates = .defaults, window: MeasurementWindow = .lastDaysWithWork(EstimationDefaults.windowDaysWithWork),
        dayRateOverride: Int64? = nil, until: LocalDay? = nil, seed: UInt64 = 2026,
        resamples: Int = EstimationDefaults.resamples, scope: String? = nil
    ) {
        self.observations = observations
        self.today = today
        self.window = window
        self.remaining = remaining
        self.measured = measured
        self.staff = staff
        self.rates = rates
        self.dayRateOverride = dayRateOverride
        self.until = until
        self.seed = seed
        self.resamples = resamples
        self.scope = scope
    }
}
