/// One fonds' progress, for the bars and the table of the `fonds` section.
public struct FondsRow: Sendable, Codable, Hashable {
    /// The fonds code, e.g. `UBND-SK1`.
    public var code: String
    /// The fonds name.
    public var name: String
    /// Σ extent as received, in metres.
    public var totalMetres: Double
    /// Metres arranged.
    public var arrangedMetres: Double
    /// Metres digitized.
    public var digitizedMetres: Double

    /// Makes a fonds row.
    public init(code: String, name: String, totalMetres: Double, arrangedMetres: Double, digitizedMetres: Double) {
        self.code = code
        self.name = name
        self.totalMetres = totalMetres
        self.arrangedMetres = arrangedMetres
        self.digitizedMetres = digitizedMetres
    }
}

/// Storage as the estimate computed it: now, still to come and in all, for one copy and over all copies.
public struct StorageSummary: Sendable, Codable, Hashable {
    /// Bytes of masters stored now, one copy.
    public var nowBytesPerCopy: Int64
    /// Bytes of masters stored now, all copies.
    public var nowBytes: Int64
    /// Bytes the remaining pages will take, one copy.
    public var remainingBytesPerCopy: Int64
    /// Bytes the remaining pages will take, all copies.
    public var remainingBytes: Int64
    /// Now + remaining, one copy.
    public var totalBytesPerCopy: Int64
    /// Now + remaining, all copies: the storage to have in the end.
    public var totalBytes: Int64
    /// Number of copies kept.
    public var copies: Int
    /// Bytes per page used.
    public var bytesPerPage: Double
    /// True when bytes per page was measured from masters that passed QC (else assumed).
    public var bytesPerPageMeasured: Bool
    /// How many masters it was measured from.
    public var mastersMeasured: Int

    /// The legal copies (PDF/A) still to build and their storage; nil when the estimate has none.
    public var pdf: PdfCopiesSummary?

    /// Makes a storage summary; anything not given is zero, one copy.
    public init(
        nowBytesPerCopy: Int64 = 0, nowBytes: Int64 = 0, remainingBytesPerCopy: Int64 = 0, remainingBytes: Int64 = 0,
        totalBytesPerCopy: Int64 = 0, totalBytes: Int64 = 0, copies: Int = 1, bytesPerPage: Double = 0,
        bytesPerPageMeasured: Bool = false, mastersMeasured: Int = 0
    ) {
        self.nowBytesPerCopy = nowBytesPerCopy
        self.nowBytes = nowBytes
        self.remainingBytesPerCopy = remainingBytesPerCopy
        self.remainingBytes = remainingBytes
        self.totalBytesPerCopy = totalBytesPerCopy
        self.totalBytes = totalBytes
        self.copies = copies
        self.bytesPerPage = bytesPerPage
        self.bytesPerPageMeasured = bytesPerPageMeasured
        self.mastersMeasured = mastersMeasured
    }
}

/// The legal copies' figures as the estimate computed them: PDF storage, masters and copies together, machine time.
public struct PdfCopiesSummary: Sendable, Codable, Hashable {
    public var nowBytesPerCopy: Int64
    public var nowBytes: Int64
    public var remainingBytesPerCopy: Int64
    public var remainingBytes: Int64
    public var totalBytesPerCopy: Int64
    public var totalBytes: Int64
    /// Masters and copies together when done, all copies kept.
    public var mastersAndCopiesTotalBytes: Int64
    /// Pages still to build and the machine hours they take on a machine of `cores` cores.
    public var pagesToBuild: Double
    public var machineHours: Double
    public var cores: Int
    /// Whether pages per hour and bytes per page were measured from built copies (else assumed).
    public var speedMeasured: Bool
    public var bytesMeasured: Bool
    /// Copies the measures rest on.
    public var copiesMeasured: Int

    /// Makes the summary from the estimate's figures.
    public init(
        nowBytesPerCopy: Int64, nowBytes: Int64, remainingBytesPerCopy: Int64, remainingBytes: Int64,
        totalBytesPerCopy: Int64,
        totalBytes: Int64, mastersAndCopiesTotalBytes: Int64, pagesToBuild: Double, machineHours: Double, cores: Int,
        speedMeasured: Bool, bytesMeasured: Bool, copiesMeasured: Int
    ) {
        self.nowBytesPerCopy = nowBytesPerCopy
        self.nowBytes = nowBytes
        self.remainingBytesPerCopy = remainingBytesPerCopy
        self.remainingBytes = remainingBytes
        self.totalBytesPerCopy = totalBytesPerCopy
        self.totalBytes = totalBytes
        self.mastersAndCopiesTotalBytes = mastersAndCopiesTotalBytes
        self.pagesToBuild = pagesToBuild
        self.machineHours = machineHours
        self.cores = cores
        self.speedMeasured = speedMeasured
        self.bytesMeasured = bytesMeasured
        self.copiesMeasured = copiesMeasured
    }
}

/// One scan QC problem: which box and file, which page if known, and what is wrong.
public struct QCRow: Sendable, Codable, Hashable {
    /// The box code.
    public var box: String
    /// The file code.
    public var file: String
    /// The page number, when the problem is about one page.
    public var page: Int?
    /// What is wrong, in words a person understands ("150 dpi; profile vn-2025 needs ≥ 200").
    public var message: String

    /// Makes a QC row.
    public init(box: String, file: String, page: Int? = nil, message: String) {
        self.box = box
        self.file = file
        self.page = page
        self.message = message
    }
}

/// A box in poor physical condition (mould, water, insects, brittle).
public struct PoorBoxRow: Sendable, Codable, Hashable {
    /// The box code.
    public var box: String
    /// The fonds code or name.
    public var fonds: String
    /// Where the box stands, e.g. shelf `A-3-2`.
    public var location: String
    /// The condition in both languages.
    public var condition: Text
    /// A short retention summary, e.g. "12 vĩnh viễn, 3 10 năm".
    public var retention: String

    /// Makes a poor-box row.
    public init(box: String, fonds: String, location: String, condition: Text, retention: String) {
        self.box = box
        self.fonds = fonds
        self.location = location
        self.condition = condition
        self.retention = retention
    }
}
