/// Bounds and choices for reading one master: page limit, allocation cap, and whether to hash it.
public struct TIFFReadOptions: Sendable, Hashable {
    /// The most directories (pages) read from one file; a file with more gets a `tooManyPages` finding.
    public var maxPages: Int
    /// The largest single allocation libtiff may make for one file, in bytes.
    public var maxSingleAllocation: Int
    /// Whether to compute the file's SHA-256 through the same open file descriptor.
    public var computeSHA256: Bool

    /// Creates options; the defaults are 10,000 pages, 64 MiB per allocation, no hashing.
    public init(maxPages: Int = 10_000, maxSingleAllocation: Int = 64 << 20, computeSHA256: Bool = false) {
        self.maxPages = maxPages
        self.maxSingleAllocation = maxSingleAllocation
        self.computeSHA256 = computeSHA256
    }
}
