/// Whether a TIFF uses 32-bit offsets (classic) or 64-bit offsets (BigTIFF).
public enum TIFFFormat: String, Sendable, Hashable, Codable {
    case classic
    case bigTIFF = "bigtiff"
}

/// The byte order a TIFF declares in its first two bytes.
public enum TIFFByteOrder: String, Sendable, Hashable, Codable {
    /// "II", Intel.
    case littleEndian = "II"
    /// "MM", Motorola.
    case bigEndian = "MM"
}

/// Everything the reader learnt about one master: its pages, its findings and, if asked, its SHA-256.
public struct TIFFFileResult: Sendable, Hashable, Codable {
    /// The path as given to the reader.
    public var path: String
    /// Size of the file in bytes (0 when it could not be examined).
    public var fileSize: UInt64
    /// Classic TIFF or BigTIFF, or nil when the file is not a readable TIFF.
    public var format: TIFFFormat?
    /// Declared byte order, or nil when the file is not a readable TIFF.
    public var byteOrder: TIFFByteOrder?
    /// The pages read, in file order; may be partial when a finding stopped the reading.
    public var pages: [TIFFPage]
    /// What is wrong with the file; empty for a sound master.
    public var findings: [TIFFFinding]
    /// Warnings libtiff reported while reading (English, libtiff's own words), one per entry.
    public var libtiffWarnings: [String]
    /// Lower-case hex SHA-256 of the whole file, when hashing was asked for and succeeded.
    public var sha256: String?

    /// Creates a result; the reader fills every field.
    public init(
        path: String, fileSize: UInt64 = 0, format: TIFFFormat? = nil, byteOrder: TIFFByteOrder? = nil,
        pages: [TIFFPage] = [], findings: [TIFFFinding] = [], libtiffWarnings: [String] = [], sha256: String? = nil
    ) {
        self.path = path
        self.fileSize = fileSize
        self.format = format
        self.byteOrder = byteOrder
        self.pages = pages
        self.findings = findings
        self.libtiffWarnings = libtiffWarnings
        self.sha256 = sha256
    }

    /// The number of pages read.
    public var pageCount: Int { pages.count }

    /// Whether the file is a TIFF whose pages could all be read and whose data lies within the file.
    public var isReadable: Bool { !pages.isEmpty && !findings.contains { $0.isFatal } }
}
