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
