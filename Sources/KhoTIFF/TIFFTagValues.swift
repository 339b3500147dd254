import CLibTIFF

/// The compression scheme of a page, named as people say it (`lzw`, `ccitt-g4`, …).
public enum TIFFCompression: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case ccittRLE = "ccitt-rle"
    case ccittG3 = "ccitt-g3"
    case ccittG4 = "ccitt-g4"
    case lzw
    case oldJPEG = "ojpeg"
    case jpeg
    case deflate
    case packbits
    case jbig
    case lzma
    case zstd
    case webp
    case jxl
    /// A code this reader has no name for; the page keeps the numeric code.
    case other

    /// Names the TIFF Compression tag value `code`; both Deflate codes (8 and 32946) are `deflate`.
    public init(code: UInt16) {
        switch Int32(code) {
        case COMPRESSION_NONE: self = .none
        case COMPRESSION_CCITTRLE, COMPRESSION_CCITTRLEW: self = .ccittRLE
        case COMPRESSION_CCITTFAX3: self = .ccittG3
        case COMPRESSION_CCITTFAX4: self = .ccittG4
        case COMPRESSION_LZW: self = .lzw
        case COMPRESSION_OJPEG: self = .oldJPEG
        case COMPRESSION_JPEG: self = .jpeg
        case COMPRESSION_ADOBE_DEFLATE, COMPRESSION_DEFLATE: self = .deflate
        case COMPRESSION_PACKBITS: self = .packbits
        case COMPRESSION_JBIG: self = .jbig
        case COMPRESSION_LZMA: self = .lzma
        case COMPRESSION_ZSTD: self = .zstd
        case COMPRESSION_WEBP: self = .webp
        case 50002: self = .jxl
        default: self = .other
        }
    }
}

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
}

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
