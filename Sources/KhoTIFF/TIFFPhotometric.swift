import CLibTIFF

/// The photometric interpretation of a page (`minisblack`, `rgb`, `ycbcr`, …).
public enum TIFFPhotometric: String, Sendable, Hashable, Codable, CaseIterable {
    case miniswhite
    case minisblack
    case rgb
    case palette
    case mask
    case separated
    case ycbcr
    case cielab
    case icclab
    case itulab
    case cfa
    case logl
    case logluv
    /// The tag is absent or holds a value this reader has no name for.
    case other

    /// Names the TIFF PhotometricInterpretation tag value `code`.
    public init(code: UInt16) {
        switch Int32(code) {
        case PHOTOMETRIC_MINISWHITE: self = .miniswhite
        case PHOTOMETRIC_MINISBLACK: self = .minisblack
        case PHOTOMETRIC_RGB: self = .rgb
        case PHOTOMETRIC_PALETTE: self = .palette
        case PHOTOMETRIC_MASK: self = .mask
        case PHOTOMETRIC_SEPARATED: self = .separated
        case PHOTOMETRIC_YCBCR: self = .ycbcr
        case PHOTOMETRIC_CIELAB: self = .cielab
        case PHOTOMETRIC_ICCLAB: self = .icclab
        case PHOTOMETRIC_ITULAB: self = .itulab
        case PHOTOMETRIC_CFA: self = .cfa
        case PHOTOMETRIC_LOGL: self = .logl
        case PHOTOMETRIC_LOGLUV: self = .logluv
        default: self = .other
        }
    }

    /// How many colour samples a pixel of this interpretation carries (before any alpha or extra samples), or nil when
    /// the interpretation does not say (CFA, LogL, an unknown value).
    public var colourChannels: Int? {
        switch self {
        case .miniswhite, .minisblack, .palette, .mask: return 1
        case .rgb, .ycbcr, .cielab, .icclab, .itulab, .logluv: return 3
        case .separated: return 4
        case .cfa, .logl, .other: return nil
        }
    }
}
