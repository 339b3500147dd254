import CLibTIFF

/// The unit a page's X/Y resolution is given in.
public enum TIFFResolutionUnit: String, Sendable, Hashable, Codable, CaseIterable {
    /// Dots per inch; also what the TIFF standard assumes when the tag is absent.
    case inch
    /// Dots per centimetre (multiplied by 2.54 to get dpi).
    case centimetre
    /// No absolute unit (RESUNIT_NONE, or an unknown value): the resolution is only an aspect ratio.
    case none

    /// Names the TIFF ResolutionUnit tag value `code`.
    public init(code: UInt16) {
        switch Int32(code) {
        case RESUNIT_INCH: self = .inch
        case RESUNIT_CENTIMETER: self = .centimetre
        default: self = .none
        }
    }

    /// Converts a resolution in this unit to dots per inch, or nil when there is no absolute unit.
    public func dotsPerInch(_ value: Double) -> Double? {
        guard value.isFinite, value > 0 else { return nil }
        switch self {
        case .inch: return value
        case .centimetre: return value * 2.54
        case .none: return nil
        }
    }
}
