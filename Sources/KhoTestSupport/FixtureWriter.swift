import CLibTIFF
import Foundation

/// Test support: writes small TIFF masters with libtiff, for tests only (never used by kho itself).

/// One page of a fixture TIFF, written with libtiff's own write API.
public struct FixturePage: Sendable {
    public var width: UInt32 = 16
    public var height: UInt32 = 16
    public var bitsPerSample: UInt16 = 8
    public var samplesPerPixel: UInt16 = 3
    public var photometric: Int32 = PHOTOMETRIC_RGB
    public var compression: Int32 = COMPRESSION_NONE
    public var xResolution: Double? = 300
    public var yResolution: Double? = 300
    public var resolutionUnit: Int32? = RESUNIT_INCH
    public var tiled: Bool = false
    public var icc: [UInt8]? = nil
    public var dateTime: String? = nil
    public var make: String? = nil
    public var model: String? = nil
    public var software: String? = nil
    public var artist: String? = nil

    public static let rgb = FixturePage()
    public static let gray8 = FixturePage(samplesPerPixel: 1, photometric: PHOTOMETRIC_MINISBLACK)
    public static let bilevel = FixturePage(bitsPerSample: 1, samplesPerPixel: 1, photometric: PHOTOMETRIC_MINISWHITE)

    /// A page description; every value has a sound default (16×16 RGB, 300 dpi, uncompressed).
    public init(
        width: UInt32 = 16,
        height: UInt32 = 16,
        bitsPerSample: UInt16 = 8,
        samplesPerPixel: UInt16 = 3,
        photometric: Int32 = PHOTOMETRIC_RGB,
        compression: Int32 = COMPRESSION_NONE,
        xResolution: Double? = 300,
        yResolution: Double? = 300,
        resolutionUnit: Int32? = RESUNIT_INCH,
        tiled: Bool = false,
        icc: [UInt8]? = nil,
        dateTime: String? = nil,
        make: String? = nil,
        model: String? = nil,
        software: String? = nil,
        artist: String? = nil
    ) {
        self.width = width
        self.height = height
        self.bitsPerSample = bitsPerSample
        self.samplesPerPixel = samplesPerPixel
        self.photometric = photometric
        self.compression = compression
        self.xResolution = xResolution
        self.yResolution = yResolution
        self.resolutionUnit = resolutionUnit
        self.tiled = tiled
        self.icc = icc
        self.dateTime = dateTime
        self.make = make
        self.model = model
        self.software = software
        self.artist = artist
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// Writes fixture TIFFs with libtiff ("w", "w8" for BigTIFF, "b" for big-endian).
public enum FixtureWriter {
    public static func write(_ pages: [FixturePage], to path: String, bigTIFF: Bool = false, bigEndian: Bool = false) throws {
        let log = UnsafeMutablePointer<kho_tiff_log>.allocate(capacity: 1)
        defer { log.deallocate() }
        kho_tiff_log_reset(log)
        let mode = "w" + (bigTIFF ? "8" : "") + (bigEndian ? "b" : "l")
        guard let tif = kho_tiff_open(path, mode, log) else {
            throw FixtureError(description: "TIFFOpen failed: \(errors(log))")
        }
        defer { TIFFClose(tif) }
        for page in pages {
            try writePage(page, tif, log)
            guard TIFFWriteDirectory(tif) == 1 else {
                throw FixtureError(description: "TIFFWriteDirectory failed: \(errors(log))")
            }
        }
    }

    private static func writePage(_ page: FixturePage, _ tif: OpaquePointer, _ log: UnsafeMutablePointer<kho_tiff_log>) throws {
        func u16(_ tag: Int32, _ value: Int32) { _ = kho_tiff_set_u16(tif, UInt32(tag), UInt16(value)) }
        func u32(_ tag: Int32, _ value: UInt32) { _ = kho_tiff_set_u32(tif, UInt32(tag), value) }
        func text(_ tag: Int32, _ value: String?) { if let value { _ = kho_tiff_set_string(tif, UInt32(tag), value) } }
        u32(TIFFTAG_IMAGEWIDTH, page.width)
        u32(TIFFTAG_IMAGELENGTH, page.height)
        u16(TIFFTAG_BITSPERSAMPLE, Int32(page.bitsPerSample))
        u16(TIFFTAG_SAMPLESPERPIXEL, Int32(page.samplesPerPixel))
        u16(TIFFTAG_PHOTOMETRIC, page.photometric)
        u16(TIFFTAG_COMPRESSION, page.compression)
        u16(TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG)
        if let x = page.xResolution { _ = kho_tiff_set_double(tif, UInt32(TIFFTAG_XRESOLUTION), x) }
        if let y = page.yResolution { _ = kho_tiff_set_double(tif, UInt32(TIFFTAG_YRESOLUTION), y) }
        if let unit = page.resolutionUnit { u16(TIFFTAG_RESOLUTIONUNIT, unit) }
        if let icc = page.icc { _ = kho_tiff_set_icc(tif, UInt32(icc.count), icc) }
        text(TIFFTAG_DATETIME, page.dateTime)
        text(TIFFTAG_MAKE, page.make)
        text(TIFFTAG_MODEL, page.model)
        text(TIFFTAG_SOFTWARE, page.software)
        text(TIFFTAG_ARTIST, page.artist)
        let rowBytes = (Int(page.width) * Int(page.bitsPerSample) * Int(page.samplesPerPixel) + 7) / 8
        if page.tiled {
            u32(TIFFTAG_TILEWIDTH, 16)
            u32(TIFFTAG_TILELENGTH, 16)
            let tileBytes = Int(TIFFTileSize(tif))
            var pixels = (0..<tileBytes).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            for tile in 0..<TIFFNumberOfTiles(tif) {
                guard TIFFWriteEncodedTile(tif, tile, &pixels, tmsize_t(tileBytes)) >= 0 else {
                    throw FixtureError(description: "TIFFWriteEncodedTile failed: \(errors(log))")
                }
            }
        } else {
            u32(TIFFTAG_ROWSPERSTRIP, page.height)
            let size = rowBytes * Int(page.height)
            var pixels = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            guard TIFFWriteEncodedStrip(tif, 0, &pixels, tmsize_t(size)) >= 0 else {
                throw FixtureError(description: "TIFFWriteEncodedStrip failed: \(errors(log))")
            }
        }
    }

    private static func errors(_ log: UnsafeMutablePointer<kho_tiff_log>) -> String {
        withUnsafeBytes(of: &log.pointee.errors) {
            String(decoding: $0.prefix(Int(log.pointee.error_length)), as: UTF8.self)
        }
    }
}
