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

    /// Makes the delivery inputs; leave out what has not been measured.
    public init(
        pagesAwaitingCopy: Double = 0, storedBytesNow: Int64 = 0, copiesMeasured: Int = 0, pagesMeasured: Int = 0,
        bytesPerPage: Double? = nil, pagesPerHour: Double? = nil, cores: Int? = nil
    ) {
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
    }
}

/// The legal copies still to build: machine time and PDF storage, measured from the copies built or stated.
public struct DeliveryEstimate: Sendable, Codable, Hashable {
    /// Pages still to build into copies: those waiting now plus every page still to scan.
    public var pagesToBuild: Double
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
        if measuredBytes == nil {
            assumptions.append(Texts.pdfBytesPerPage(storage.bytesPerPage, copies: d.copiesMeasured))
        }
        let rate = measuredRate ?? EstimationDefaults.pdfPagesPerHour
        let bytesPerPage = measuredBytes ?? storage.bytesPerPage
        let pages = clean(d.pagesAwaitingCopy) + clean(pagesToScan)
        let b = BytesAcrossCopies(
            remainingPages: pages, bytesPerPage: bytesPerPage, storedPerCopy: d.storedBytesNow, copies: storage.copies)
        let estimate = DeliveryEstimate(
            pagesToBuild: pages, pagesPerHour: rate, pagesPerHourSource: measuredRate == nil ? .assumed : .measured,
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

    enum CodingKeys: String, CodingKey {
        case filesPredicted = "files_predicted"
        case filesWithoutDocuments = "files_without_documents"
        case documentsToDescribe = "documents_to_describe"
        case documentsPerFile = "documents_per_file"
        case documentsPerFileSource = "documents_per_file_source"
        case filesMeasured = "files_measured"
        case pagesPerDocument = "pages_per_document"
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
