/// One reason a master fails a quality profile; `message(in:)` says it in Vietnamese or English.
public enum QCProblem: Sendable, Hashable, Codable {
    /// The file could not be read as a sound TIFF (the finding says why).
    case unreadable(TIFFFinding)
    /// The file's pages were read, but a finding (a broken page chain) needs a person to look before it passes.
    case needsReview(TIFFFinding)
    /// The file was read but holds no pages.
    case noPages
    /// The file holds more pages than the profile allows.
    case tooManyPages(count: Int, maximum: Int, profile: String)
    /// The page's resolution (lower of X and Y, in dpi) is below the profile's minimum.
    case resolutionTooLow(page: Int, dpi: Double, minimum: Double, profile: String)
    /// The page's resolution is missing or has no unit, so it cannot be shown to meet the minimum.
    case resolutionUnknown(page: Int, minimum: Double, profile: String)
    /// The page's resolution is stored as 0, so it cannot be shown to meet the minimum.
    case resolutionZero(page: Int, minimum: Double, profile: String)
    /// The page's bit depth and colour model are not among those the profile allows.
    case colourModeNotAllowed(page: Int, mode: TIFFColourMode, allowed: [TIFFColourMode], profile: String)
    /// The page's compression is not among those the profile allows.
    case compressionNotAllowed(page: Int, compression: TIFFCompression, allowed: [TIFFCompression], profile: String)
    /// The profile requires an embedded ICC profile and the page has none.
    case iccProfileMissing(page: Int, profile: String)

    /// The page (1-based) the problem is about, or nil when it is about the whole file.
    public var page: Int? {
        switch self {
        case .unreadable(let finding), .needsReview(let finding): return finding.page
        case .noPages, .tooManyPages: return nil
        case .resolutionTooLow(let page, _, _, _), .resolutionUnknown(let page, _, _), .resolutionZero(let page, _, _),
            .colourModeNotAllowed(let page, _, _, _), .compressionNotAllowed(let page, _, _, _),
            .iccProfileMissing(let page, _):
            return page
        }
    }

    /// A short stable identifier for storing and filtering (`low-dpi`, `colour-mode`, …).
    public var code: String {
        switch self {
        case .unreadable(let finding), .needsReview(let finding): return finding.code
        case .noPages: return "no-pages"
        case .tooManyPages: return "too-many-pages"
        case .resolutionTooLow: return "low-dpi"
        case .resolutionUnknown: return "unknown-dpi"
        case .resolutionZero: return "zero-dpi"
        case .colourModeNotAllowed: return "colour-mode"
        case .compressionNotAllowed: return "compression"
        case .iccProfileMissing: return "no-icc-profile"
        }
    }
}
