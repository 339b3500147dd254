/// The stated figures used until the archive has measured its own.
///
/// Each is derived from the published figures quoted in DESIGN.md; whenever one
/// is used, the estimate lists it as an ``Assumption`` (see ``Texts``).
public enum EstimationDefaults {
    /// Hours in a working day of a Vietnamese civil servant (8 h).
    public static let hoursPerDay = 8.0

    /// Metres arranged per person-day: 0.15 m.
    ///
    /// Published: 10–25 h per linear foot for full processing ≈ 33–82 h per
    /// metre (13–80 h per metre across minimal to full). *Chỉnh lý* is full
    /// processing (sorting, weeding, describing, boxing), so about 53 h per metre
    /// ≈ 0.15 m per 8-hour day, inside the full-processing range.
    public static let arrangementMetresPerPersonDay = 0.15

    /// Pages scanned per person-day: 1,000.
    ///
    /// A flatbed or overhead operator on loose, stapled archival paper does about
    /// 800–1,500 pages a day including preparation and checking; 1,000 (≈ 125
    /// pages an hour) is the lower-middle of that range.
    public static let scanningPagesPerPersonDay = 1_000.0

    /// Kept share of extent after arrangement (weeding): 0.70.
    ///
    /// DESIGN.md gives no figure; commune records typically lose a fifth to two
    /// fifths to weeding (duplicates, drafts, expired short-term records). 0.70
    /// errs towards more pages to scan, i.e. a higher cost.
    public static let keptPerExtent = 0.70

    /// Scanned pages per sheet: 1.5.
    ///
    /// A sheet is one leaf and a page one side; administrative paper is a mix
    /// of one-sided (1) and two-sided (2) sheets, so the midpoint.
    public static let pagesPerSheet = 1.5

    /// Sheets per kept linear metre: 7,900, the midpoint of the published 6,000–9,800.
    public static let sheetsPerMetre = 7_900.0

    /// Pages per kept linear metre: sheets per metre × pages per sheet (11,850).
    public static let pagesPerKeptMetre = sheetsPerMetre * pagesPerSheet

    /// Bytes per master page: 26,099,520, an A4 page at 300 ppi (2480 × 3508 px) as uncompressed 24-bit colour.
    ///
    /// The published figure (26 MB); the upper end for TIFF masters, so storage
    /// is not under-bought. 200 dpi or compressed masters will measure less.
    public static let bytesPerPage = 2_480.0 * 3_508.0 * 3.0

    /// PDF/A pages built per hour before any copy is measured: 460, on a 2-core machine building 2 files at once
    /// (`tools/bench-pdf`: 7.7 pages a minute through `kho pdf build`, OCRmyPDF with Tesseract `vie`, 300 dpi pages).
    public static let pdfPagesPerHour = 460.0

    /// The cores of the machine ``pdfPagesPerHour`` was measured on: 2.
    public static let pdfBenchmarkCores = 2

    /// Copies built below which their pages per hour and bytes per page are not trusted: 5.
    public static let minimumCopiesForDeliveryMeasures = 5

    /// Files (*hồ sơ*) per kept metre: 80 (8 boxes a metre, about 10 files a box).
    public static let filesPerKeptMetre = 80.0

    /// Documents (*văn bản*) per file: 15 (about 100 sheets a file at the figures above, ~6–7 sheets a document).
    public static let documentsPerFile = 15.0

    /// Planned staff per kind of work when nobody has recorded any: 1 person.
    public static let plannedStaffWithoutData = 1

    /// Days of data below which an estimate is flagged weak: 10.
    public static let weakBelowDays = 10

    /// Relative change between the first and last thirds of the window above which drift is reported: 25 %.
    public static let driftThreshold = 0.25

    /// Resamples for the bootstrap: 10,000.
    public static let resamples = 10_000

    /// The most resamples an estimate will draw (more are clamped): 1,000,000.
    public static let maxResamples = 1_000_000

    /// The resample count actually used for a requested one: between 1 and ``maxResamples``.
    public static func clampedResamples(_ requested: Int) -> Int { min(maxResamples, max(1, requested)) }

    /// Days with work in the default measurement window: 90.
    public static let windowDaysWithWork = 90

    /// Weekly blocks needed before the bootstrap resamples weeks rather than single days: 4.
    public static let minimumWeeklyBlocks = 4

    /// Calendar weeks over which availability (person-days per week, idle weeks included) is measured: 26.
    public static let availabilityWeeks = 26

    /// Weeks without any recorded work of a kind after which the estimate warns that it is idle: 4.
    public static let idleWarningWeeks = 4

    /// Masters that passed QC needed before bytes per page is measured rather than assumed: 20.
    public static let minimumMastersForBytesPerPage = 20

    /// Files described document by document below which their documents per file are not trusted: 10.
    public static let minimumDescribedFiles = 10

    /// Days a week each planned person works on the part, unless told otherwise: 5 (full time).
    public static let daysPerWeek = 5.0

    /// Years beyond which a finish date is shown as "more than 50 years" rather than as a date: 50.
    public static let horizonYears = 50

    /// Files (*hồ sơ*) one person describes in a day (title, dates, retention, sheets): 25, a stated figure until
    /// description is recorded as work.
    public static let filesDescribedPerPersonDay = 25.0

    /// Documents (*văn bản*) one person enters in a day (Circular 05/2025 fields): 100, a stated figure.
    public static let documentsDescribedPerPersonDay = 100.0

    /// People describing in the plan: 1.
    public static let describingStaff = 1

    /// Weeks with work below which no P10–P90 band is given (a band from fewer weeks is mostly the resampler
    /// repeating the same few weeks): 4.
    public static let minimumWeeksForBand = 4

    /// Bytes in a terabyte as disks are sold: 10^12.
    public static let bytesPerTB = 1e12

    /// A PDF/A page ÷ its master page before copies are measured: 0,1 for JPEG pages (quality ≈ 85), 1 for
    /// lossless ones (the image is carried as it is).
    public static let pdfShareOfMasterJPEG = 0.1
}
