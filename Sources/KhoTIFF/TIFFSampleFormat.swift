/// How a page's samples are to be read as numbers (TIFF tag SampleFormat, 339): `uint` unless the tag says otherwise.
public enum TIFFSampleFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// Unsigned integers (1), what a scan holds; also the meaning when the tag is absent.
    case unsigned = "uint"
    /// Two's-complement signed integers (2).
    case signed = "int"
    /// IEEE floating-point numbers (3).
    case float
    /// Undefined data (4).
    case void
    /// Complex signed integers (5).
    case complexSigned = "complex-int"
    /// Complex floating-point numbers (6).
    case complexFloat = "complex-float"
    /// A value the TIFF standard does not define.
    case other

    /// Names the TIFF SampleFormat tag value `code`.
    public init(code: UInt16) {
        switch code {
        case 1: self = .unsigned
        case 2: self = .signed
        case 3: self = .float
        case 4: self = .void
        case 5: self = .complexSigned
        case 6: self = .complexFloat
        default: self = .other
        }
    }
}
