/// What the legal copies (two-layer PDF/A) measured so far, and what is waiting for one; counted by the caller.
public struct DeliveryInputs: Sendable, Codable, Equatable {
    /// Pages of digitized files that have no current copy yet (passed QC, or a copy to rebuild).
    public var pagesAwaitingCopy: Double
    /// Bytes of the copies stored now, one copy of each file.
    public var storedBytesNow: Int64
    /// Files with a copy; the measures below are trusted from ``EstimationDefaults/minimumCopiesForDeliveryMeasures``.
    public var copiesMeasured: Int
    /// Pages of those copies.
    public var pagesMeasured: Int
    /// Bytes per delivered page (Σ bytes ÷ Σ pages of the latest copies).
    public var bytesPerPage: Double?
    /// Pages built per hour on the machine, its files built side by side.
    public var pagesPerHour: Double?
    /// Cores of the machine the copies were built on.
    public var cores: Int?
    /// A PDF/A page's bytes ÷ its master page's under the build settings (JPEG pages are far smaller), for the
    /// assumption before copies are measured; nil: 1 (lossless).
    public var pdfShareOfMaster: Double?
    /// How the build settings were described for that assumption, e.g. "JPEG chất lượng 85".
    public var buildSettings: Text?

    /// Makes the delivery inputs; leave out what has not been measured.
    public init(
        pagesAwaitingCopy: Double = 0, storedBytesNow: Int64 = 0, copiesMeasured: Int = 0, pagesMeasured: Int = 0,
        bytesPerPage: Double? = nil, pagesPerHour: Double? = nil, cores: Int? = nil, pdfShareOfMaster: Double? = nil,
        buildSettings: Text? = nil
    ) {
        self.pdfShareOfMaster = pdfShareOfMaster
        self.buildSettings = buildSettings
        self.pagesAwaitingCopy = pagesAwaitingCopy
        self.storedBytesNow = storedBytesNow
        self.copiesMeasured = copiesMeasured
        self.pagesMeasured = pagesMeasured
        self.bytesPerPage = bytesPerPage
        self.pagesPerHour = pagesPerHour
        self.cores = cores
    }

    enum CodingKeys: String, CodingKey {
        case pagesAwaitingCopy = "pages_awaiting_copy"
        case storedBytesNow = "stored_bytes_now"
        case copiesMeasured = "copies_measured"
        case pagesMeasured = "pages_measured"
        case bytesPerPage = "bytes_per_page"
        case pagesPerHour = "pages_per_hour"
        case cores
        case pdfShareOfMaster = "pdf_share_of_master"
        case buildSettings = "build_settings"
    }
}

/// The PDF/A copies' storage as the storage figures show it (`storage.pdf` in JSON): bytes per page, measured from
/// the copies built once there are enough of them, else derived from the masters and the build settings.
public struct PDFStorage: Sendable, Codable, Hashable {
    public var bytesPerPage: Double
    public var bytesPerPageSource: FigureSource
    public var copiesMeasured: Int
    public var remainingPages: Double
    public var remainingBytes: Int64
    public var totalBytes: Int64

    enum CodingKeys: String, CodingKey {
        case bytesPerPage = "bytes_per_page"
        case bytesPerPageSource = "bytes_per_page_source"
        case copiesMeasured = "copies_measured"
        case remainingPages = "remaining_pages"
        case remainingBytes = "remaining_bytes"
        case totalBytes = "total_bytes"
    }

    /// The storage figures of `d`.
    public init(_ d: DeliveryEstimate) {
        bytesPerPage = d.bytesPerPage
        bytesPerPageSource = d.bytesPerPageSource
        copiesMeasured = d.copiesMeasured
        remainingPages = d.pagesToBuild
        remainingBytes = d.remainingBytes
        totalBytes = d.totalBytes
    }
}

/// The legal copies still to build: machine time and PDF storage, measured from the copies built or stated.
public struct DeliveryEstimate: Sendable, Codable, Hashable {
    /// Pages still to build into copies: every scanned page without a current copy (hand records from before kho
    /// included) plus every page still to scan. JSON `pages_to_build` and `remaining_pages`.
    public var pagesToBuild: Double
    /// The same figure under the name the storage and the report use.
    public var remainingPages: Double
    /// Pages built per hour used, and whether measured from the copies or assumed.
    public var pagesPerHour: Double
    public var pagesPerHourSource: FigureSource
    /// Cores of the machine `pagesPerHour` holds for (measured on, or the benchmark machine's).
    public var cores: Int
    /// Machine hours to build the copies still to build (`pagesToBuild ÷ pagesPerHour`).
    public var machineHours: Double
    /// Bytes per delivered page used, and whether measured from the copies or assumed (= the masters' bytes per page).
    public var bytesPerPage: Double
    public var bytesPerPageSource: FigureSource
    /// Files with a copy the measures rest on.
    public var copiesMeasured: Int
    /// PDF storage: still needed, stored now and in all, one copy and all copies kept.
    public var remainingBytesPerCopy: Int64
    public var remainingBytes: Int64
    public var storedBytesNowPerCopy: Int64
    public var storedBytesNow: Int64
    public var totalBytesPerCopy: Int64
    public var totalBytes: Int64
    /// Copies kept (the masters').
    public var copies: Int
    /// Masters and PDF copies together when done, all copies kept: the storage to buy.
    public var mastersAndCopiesTotalBytes: Int64

    enum CodingKeys: String, CodingKey {
        case pagesToBuild = "pages_to_build"
        case remainingPages = "remaining_pages"
        case pagesPerHour = "pages_per_hour"
        case pagesPerHourSource = "pages_per_hour_source"
        case cores
        case machineHours = "machine_hours"
        case bytesPerPage = "bytes_per_page"
        case bytesPerPageSource = "bytes_per_page_source"
        case copiesMeasured = "copies_measured"
        case remainingBytesPerCopy = "remaining_bytes_per_copy"
        case remainingBytes = "remaining_bytes"
        case storedBytesNowPerCopy = "stored_bytes_now_per_copy"
        case storedBytesNow = "stored_bytes_now"
        case copies
        case totalBytesPerCopy = "total_bytes_per_copy"
        case totalBytes = "total_bytes"
        case mastersAndCopiesTotalBytes = "masters_and_copies_total_bytes"
    }

    /// Builds every figure once from the inputs, the pages still to scan and the masters' storage.
    static func make(
        _ d: DeliveryInputs, pagesToScan: Double, storage: StorageEstimate
    ) -> (DeliveryEstimate, [Assumption]) {
        var assumptions: [Assumption] = []
        let enough = d.copiesMeasured >= EstimationDefaults.minimumCopiesForDeliveryMeasures
        let measuredRate = d.pagesPerHour.flatMap { enough && $0.isFinite && $0 > 0 ? $0 : nil }
        let measuredBytes = d.bytesPerPage.flatMap { enough && $0.isFinite && $0 > 0 ? $0 : nil }
        if measuredRate == nil { assumptions.append(Texts.pdfPagesPerHour(d.copiesMeasured)) }
        let share = d.pdfShareOfMaster.flatMap { $0.isFinite && $0 > 0 ? min(1, $0) : nil } ?? 1
        let derived = storage.bytesPerPage * share
        if measuredBytes == nil {
            assumptions.append(
                Texts.pdfBytesPerPage(
                    derived, masters: storage.bytesPerPage, share: share, settings: d.buildSettings,
                    copies: d.copiesMeasured))
        }
        let rate = measuredRate ?? EstimationDefaults.pdfPagesPerHour
        let bytesPerPage = measuredBytes ?? derived
        let pages = clean(d.pagesAwaitingCopy) + clean(pagesToScan)
        let b = BytesAcrossCopies(
            remainingPages: pages, bytesPerPage: bytesPerPage, storedPerCopy: d.storedBytesNow, copies: storage.copies)
        let estimate = DeliveryEstimate(
            pagesToBuild: pages, remainingPages: pages, pagesPerHour: rate,
            pagesPerHourSource: measuredRate == nil ? .assumed : .measured,
            cores: measuredRate == nil
                ? EstimationDefaults.pdfBenchmarkCores : (d.cores ?? EstimationDefaults.pdfBenchmarkCores),
            machineHours: pages / rate, bytesPerPage: bytesPerPage,
            bytesPerPageSource: measuredBytes == nil ? .assumed : .measured, copiesMeasured: d.copiesMeasured,
            remainingBytesPerCopy: b.remainingPerCopy, remainingBytes: b.remaining,
            storedBytesNowPerCopy: b.storedPerCopy,
            storedBytesNow: b.stored, totalBytesPerCopy: b.totalPerCopy, totalBytes: b.total, copies: b.copies,
            mastersAndCopiesTotalBytes: addVND(storage.totalBytes, b.total))
        return (estimate, assumptions)
    }
}

/// Describing documents (*biên mục văn bản*) still to do: the files whose documents are not described yet, and the
/// documents per file measured over the files described (or stated).
public struct DescriptionEstimate: Sendable, Codable, Equatable {
    /// Files predicted in unarranged metres.
    public var filesPredicted: Double
    /// Registered files whose documents are not described yet.
    public var filesWithoutDocuments: Double
    /// Documents still to describe: (predicted + undescribed files) × documents per file.
    public var documentsToDescribe: Double
    public var documentsPerFile: Double
    public var documentsPerFileSource: FigureSource
    /// Files with documents described that the figure rests on.
    public var filesMeasured: Int
    /// Pages per described document, when measured.
    public var pagesPerDocument: Double?
    /// The work as a part of its own (nil in estimates saved before): staff-days at the stated productivity, the
    /// people describing and the day they finish under the plan.
    public var work: DescriptionWork?

    enum CodingKeys: String, CodingKey {
        case work
        case filesPredicted = "files_predicted"
        case filesWithoutDocuments = "files_without_documents"
        case documentsToDescribe = "documents_to_describe"
        case documentsPerFile = "documents_per_file"
        case documentsPerFileSource = "documents_per_file_source"
        case filesMeasured = "files_measured"
        case pagesPerDocument = "pages_per_document"
    }
}

/// Describing as a part of the work: files and documents at a stated productivity, so that the in-house option prices
/// (and times) the same work as the contractor's lines.
public struct DescriptionWork: Sendable, Codable, Equatable {
    /// Files a person describes in a day (stated).
    public var filesPerPersonDay: Double
    /// Documents a person enters in a day (stated).
    public var documentsPerPersonDay: Double
    /// Staff-days: files ÷ files a day + documents ÷ documents a day, to 0,1 day.
    public var staffDays: Double
    /// People describing in the plan.
    public var plannedStaff: Int
    /// Working days from tomorrow until done, at the plan's days a week.
    public var workingDays: Int
    /// The working day describing is done on.
    public var finishDate: LocalDay

    enum CodingKeys: String, CodingKey {
        case filesPerPersonDay = "files_per_person_day"
        case documentsPerPersonDay = "documents_per_person_day"
        case staffDays = "staff_days"
        case plannedStaff = "planned_staff"
        case workingDays = "working_days"
        case finishDate = "finish_date"
    }

    /// Describing `files` and `documents` by the planned people from `today` at `daysPerWeek` days a week.
    static func make(
        files: Double, documents: Double, today: LocalDay, daysPerWeek: Double, calendar: WorkingCalendar
    ) -> DescriptionWork {
        let f = EstimationDefaults.filesDescribedPerPersonDay
        let d = EstimationDefaults.documentsDescribedPerPersonDay
        let staffDays = MoneyLine.displayed(files / f + documents / d, unit: "staff-day")
        let staff = EstimationDefaults.describingStaff
        let days = PartProjector.workingDays(personDays: staffDays, capacity: Double(staff) * daysPerWeek / 5)
        return DescriptionWork(
            filesPerPersonDay: f, documentsPerPersonDay: d, staffDays: staffDays, plannedStaff: staff,
            workingDays: days, finishDate: calendar.adding(workingDays: days, after: today))
    }
}

extension DeliveryEstimate {
    /// The machine time still needed, in words: whole minutes under an hour (`2 phút máy`), else whole hours
    /// (`3 giờ máy`), rounded up; the one way every output says it.
    public var machineTime: Text {
        let minutes = Int((machineHours * 60).rounded(.up))
        if minutes < 60 {
            return Text(
                vi: "\(minutes) phút máy", en: minutes == 1 ? "1 machine minute" : "\(minutes) machine minutes")
        }
        let hours = Int64(machineHours.rounded(.up))
        return Text(
            vi: "\(Format.integer(hours, lang: .vi)) giờ máy",
            en: "\(Format.integer(hours, lang: .en)) machine hours")
    }
}
