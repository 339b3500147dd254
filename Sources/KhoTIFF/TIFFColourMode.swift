/// Bit depth, colour model and sample format of a page together, as quality profiles name them (`gray8`, `rgb24`, …).
///
/// The classic names (`gray8`, `rgb24`, `rgb48`, …) mean unsigned integer samples, as a scanner writes them. A page
/// whose SampleFormat says signed integers or floating point has a mode of its own, named by model, format and bits
/// per sample (`gray-int16`, `rgb-float32`), so a profile that allows `rgb24` never lets a float master through.
public enum TIFFColourMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 1-bit black and white.
    case bilevel
    /// 8-bit grayscale.
    case gray8
    /// 16-bit grayscale.
    case gray16
    /// 8 bits per channel RGB (also YCbCr, as JPEG stores colour).
    case rgb24
    /// 16 bits per channel RGB.
    case rgb48
    /// 8-bit RGB with an alpha or other extra channel.
    case rgba32
    /// 16-bit RGB with an alpha or other extra channel.
    case rgba64
    /// A palette (colour-mapped) image.
    case palette
    /// 8-bit CMYK.
    case cmyk32
    /// Grayscale, 8-bit signed integer samples.
    case grayInt8 = "gray-int8"
    /// Grayscale, 16-bit signed integer samples.
    case grayInt16 = "gray-int16"
    /// Grayscale, 32-bit signed integer samples.
    case grayInt32 = "gray-int32"
    /// Grayscale, 16-bit floating-point samples.
    case grayFloat16 = "gray-float16"
    /// Grayscale, 32-bit floating-point samples.
    case grayFloat32 = "gray-float32"
    /// Grayscale, 64-bit floating-point samples.
    case grayFloat64 = "gray-float64"
    /// RGB, 8-bit signed integer samples.
    case rgbInt8 = "rgb-int8"
    /// RGB, 16-bit signed integer samples.
    case rgbInt16 = "rgb-int16"
    /// RGB, 32-bit signed integer samples.
    case rgbInt32 = "rgb-int32"
    /// RGB, 16-bit floating-point samples.
    case rgbFloat16 = "rgb-float16"
    /// RGB, 32-bit floating-point samples.
    case rgbFloat32 = "rgb-float32"
    /// RGB, 64-bit floating-point samples.
    case rgbFloat64 = "rgb-float64"
    /// Anything else.
    case other

    /// Derives the colour mode from the photometric interpretation, bits per sample, samples per pixel and sample format.
    public init(
        photometric: TIFFPhotometric, bitsPerSample: UInt16, samplesPerPixel: UInt16,
        sampleFormat: TIFFSampleFormat = .unsigned
    ) {
        let gray = photometric == .minisblack || photometric == .miniswhite
        switch (sampleFormat, gray ? 1 : photometric == .rgb ? 3 : 0, samplesPerPixel, bitsPerSample) {
        case (.signed, 1, 1, 8): self = .grayInt8
        case (.signed, 1, 1, 16): self = .grayInt16
        case (.signed, 1, 1, 32): self = .grayInt32
        case (.float, 1, 1, 16): self = .grayFloat16
        case (.float, 1, 1, 32): self = .grayFloat32
        case (.float, 1, 1, 64): self = .grayFloat64
        case (.signed, 3, 3, 8): self = .rgbInt8
        case (.signed, 3, 3, 16): self = .rgbInt16
        case (.signed, 3, 3, 32): self = .rgbInt32
        case (.float, 3, 3, 16): self = .rgbFloat16
        case (.float, 3, 3, 32): self = .rgbFloat32
        case (.float, 3, 3, 64): self = .rgbFloat64
        case (.unsigned, _, _, _): self = TIFFColourMode(unsigned: photometric, bitsPerSample, samplesPerPixel)
        default: self = .other
        }
    }

    /// The classic modes, for unsigned integer samples.
    private init(unsigned photometric: TIFFPhotometric, _ bitsPerSample: UInt16, _ samplesPerPixel: UInt16) {
        switch (photometric, samplesPerPixel, bitsPerSample) {
        case (.minisblack, 1, 1), (.miniswhite, 1, 1): self = .bilevel
        case (.minisblack, 1, 8), (.miniswhite, 1, 8): self = .gray8
        case (.minisblack, 1, 16), (.miniswhite, 1, 16): self = .gray16
        case (.rgb, 3, 8), (.ycbcr, 3, 8): self = .rgb24
        case (.rgb, 3, 16): self = .rgb48
        case (.rgb, 4, 8): self = .rgba32
        case (.rgb, 4, 16): self = .rgba64
        case (.palette, 1, _): self = .palette
        case (.separated, 4, 8): self = .cmyk32
        default: self = .other
        }
    }

    /// How the mode's samples are read as numbers: `unsigned` for the classic modes (and `other`).
    public var sampleFormat: TIFFSampleFormat {
        switch self {
        case .grayInt8, .grayInt16, .grayInt32, .rgbInt8, .rgbInt16, .rgbInt32: return .signed
        case .grayFloat16, .grayFloat32, .grayFloat64, .rgbFloat16, .rgbFloat32, .rgbFloat64: return .float
        default: return .unsigned
        }
    }
}
