/// Bit depth and colour model of a page together, as quality profiles name them (`gray8`, `rgb24`, …).
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
    /// Anything else.
    case other

    /// Derives the colour mode from the photometric interpretation, bits per sample and samples per pixel.
    public init(photometric: TIFFPhotometric, bitsPerSample: UInt16, samplesPerPixel: UInt16) {
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
}
