/// What a master must be to pass quality control: resolution, colour modes, compressions, ICC profile, page count.
public struct QualityProfile: Codable, Sendable, Hashable {
    /// The profile's name, as quoted in reasons ("vn-2025").
    public var name: String
    /// The lowest resolution allowed, in dpi, applied to the lower of X and Y.
    ///
    /// A page within 0.5 dpi below passes: scanners store 300 dpi as 118 or 118.11 dots per
    /// centimetre, which is 299.7 or 299.9994 dpi.
    public var minimumDPI: Double
    /// The colour modes (bit depth and colour model) allowed.
    public var colourModes: Set<TIFFColourMode>
    /// The compressions allowed.
    public var compressions: Set<TIFFCompression>
    /// Whether every page must embed an ICC colour profile.
    public var iccRequired: Bool
    /// The most pages one master may hold, or nil for no limit.
    public var maximumPages: Int?

    /// Creates a profile.
    public init(
        name: String, minimumDPI: Double, colourModes: Set<TIFFColourMode>, compressions: Set<TIFFCompression>,
        iccRequired: Bool = false, maximumPages: Int? = nil
    ) {
        self.name = name
        self.minimumDPI = minimumDPI
        self.colourModes = colourModes
        self.compressions = compressions
        self.iccRequired = iccRequired
        self.maximumPages = maximumPages
    }

    /// Encodes the colour modes and compressions in their declared order, so that the same profile always reads the
    /// same (a `Set` has no order of its own: `kho scan profile --json` changed from run to run).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(minimumDPI, forKey: .minimumDPI)
        try container.encode(TIFFColourMode.allCases.filter(colourModes.contains), forKey: .colourModes)
        try container.encode(TIFFCompression.allCases.filter(compressions.contains), forKey: .compressions)
        try container.encode(iccRequired, forKey: .iccRequired)
        try container.encodeIfPresent(maximumPages, forKey: .maximumPages)
    }

    /// Vietnam, Circular 05/2025/TT-BNV (in force 1 July 2025), administrative paper records; the default.
    ///
    /// ≥ 200 dpi; colour as the original, read as at least 24-bit colour (`rgb24`, `rgb48`: unsigned integer
    /// samples, so a floating-point or signed master fails);
    /// lossless compression only (`none`, `lzw`, `deflate`) because the master is the source every
    /// later copy is made from, and lossy JPEG would bake artefacts into it. No ICC profile or page
    /// limit is required by the circular.
    public static let vn2025 = QualityProfile(
        name: "vn-2025", minimumDPI: 200, colourModes: [.rgb24, .rgb48],
        compressions: [.none, .lzw, .deflate], iccRequired: false, maximumPages: nil)

    /// United States, 36 CFR 1236.48/.50, textual records: ≥ 300 ppi, 8-bit gray or 24-bit colour, uncompressed or Deflate.
    public static let naraTextual = QualityProfile(
        name: "nara-textual", minimumDPI: 300, colourModes: [.gray8, .rgb24],
        compressions: [.none, .deflate], iccRequired: false, maximumPages: nil)

    /// The built-in profiles, the default first.
    public static let builtIn: [QualityProfile] = [vn2025, naraTextual]

    /// The default profile, `vn-2025`.
    public static let `default` = vn2025

    /// The built-in profile called `name`, or nil.
    public static func builtIn(named name: String) -> QualityProfile? {
        builtIn.first { $0.name == name }
    }

    /// Checks every page of a read master against this profile and returns what fails, page by page.
    ///
    /// Fatal reading findings (not a TIFF, truncated, …) become problems too, so an unreadable file never passes;
    /// so do findings that leave the pages readable but need a person to look (a broken page chain).
    public func check(_ file: TIFFFileResult) -> [QCProblem] {
        var problems: [QCProblem] = []
        for finding in file.findings {
            if finding.isFatal {
                problems.append(.unreadable(finding))
            } else if finding.needsReview {
                problems.append(.needsReview(finding))
            }
        }
        if file.pages.isEmpty && problems.isEmpty {
            problems.append(.noPages)
        }
        if let maximumPages, file.pages.count > maximumPages {
            problems.append(.tooManyPages(count: file.pages.count, maximum: maximumPages, profile: name))
        }
        for page in file.pages {
            problems.append(contentsOf: check(page))
        }
        return problems
    }

    /// Checks one page against this profile.
    public func check(_ page: TIFFPage) -> [QCProblem] {
        var problems: [QCProblem] = []
        if let dpi = page.dpi {
            if dpi < minimumDPI - 0.5 {
                problems.append(.resolutionTooLow(page: page.number, dpi: dpi, minimum: minimumDPI, profile: name))
            }
        } else if page.hasZeroResolution {
            problems.append(.resolutionZero(page: page.number, minimum: minimumDPI, profile: name))
        } else {
            problems.append(.resolutionUnknown(page: page.number, minimum: minimumDPI, profile: name))
        }
        let mode = page.colourMode
        if !colourModes.contains(mode) {
            problems.append(
                .colourModeNotAllowed(
                    page: page.number, mode: mode, allowed: colourModes.sorted { $0.rawValue < $1.rawValue },
                    profile: name))
        }
        let compression = page.compression
        if !compressions.contains(compression) {
            problems.append(
                .compressionNotAllowed(
                    page: page.number, compression: compression,
                    allowed: compressions.sorted { $0.rawValue < $1.rawValue }, profile: name))
        }
        if iccRequired && page.iccProfileBytes == 0 {
            problems.append(.iccProfileMissing(page: page.number, profile: name))
        }
        return problems
    }
}
