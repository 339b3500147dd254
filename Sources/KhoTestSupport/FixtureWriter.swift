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
    /// Rows per strip (strips only); nil writes the page as one strip.
    public var rowsPerStrip: UInt32? = nil
    /// The SampleFormat tag (SAMPLEFORMAT_INT, SAMPLEFORMAT_IEEEFP, …); nil leaves it out (unsigned).
    public var sampleFormat: Int32? = nil
    /// Damage done to the page's directory after libtiff has written it, for what libtiff would refuse to write.
    public var damage: [FixtureDamage] = []

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
        artist: String? = nil,
        rowsPerStrip: UInt32? = nil,
        sampleFormat: Int32? = nil,
        damage: [FixtureDamage] = []
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
        self.rowsPerStrip = rowsPerStrip
        self.sampleFormat = sampleFormat
        self.damage = damage
    }
}

/// A way to break a page that libtiff's writer would not: values overwritten in the written file's directory.
public enum FixtureDamage: Sendable, Hashable {
    /// Sets the byte count of strip (or tile) `index`, counted from 1.
    case byteCount(index: Int, to: UInt64)
    /// Sets the offset of strip (or tile) `index`, counted from 1.
    case offset(index: Int, to: UInt64)
    /// Sets SamplesPerPixel, with BitsPerSample written once for all samples (as libtiff accepts it for any count);
    /// the data stays as written.
    case samplesPerPixel(UInt16)
    /// Sets SamplesPerPixel alone, so BitsPerSample still lists the samples written (libtiff then refuses the page).
    case samplesPerPixelOnly(UInt16)
    /// Sets XResolution and YResolution to `x`/1 and `y`/1 (0 is what libtiff refuses to write).
    case resolution(x: UInt32, y: UInt32)
}

public struct FixtureError: Error, CustomStringConvertible {
    public var description: String

    public init(description: String) { self.description = description }
}

/// Writes fixture TIFFs with libtiff ("w", "w8" for BigTIFF, "b" for big-endian).
public enum FixtureWriter {
    /// Writes `pages` to `path`, then does each page's `damage` and, with `loopBackTo`, points the last page's
    /// next-directory pointer back at that page's directory (counted from 1), making a looped page chain.
    public static func write(
        _ pages: [FixturePage], to path: String, bigTIFF: Bool = false, bigEndian: Bool = false, loopBackTo: Int? = nil
    ) throws {
        try writeWithLibTIFF(pages, to: path, bigTIFF: bigTIFF, bigEndian: bigEndian)
        guard loopBackTo != nil || pages.contains(where: { !$0.damage.isEmpty }) else { return }
        var file = try FixturePatcher(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
        for (index, page) in pages.enumerated() {
            for damage in page.damage {
                let offsets = UInt16(page.tiled ? TIFFTAG_TILEOFFSETS : TIFFTAG_STRIPOFFSETS)
                let counts = UInt16(page.tiled ? TIFFTAG_TILEBYTECOUNTS : TIFFTAG_STRIPBYTECOUNTS)
                switch damage {
                case .byteCount(let block, let value):
                    try file.set(page: index, tag: counts, index: block - 1, to: value)
                case .offset(let block, let value):
                    try file.set(page: index, tag: offsets, index: block - 1, to: value)
                case .samplesPerPixel(let value):
                    try file.set(page: index, tag: UInt16(TIFFTAG_SAMPLESPERPIXEL), index: 0, to: UInt64(value))
                    try file.setSingle(page: index, tag: UInt16(TIFFTAG_BITSPERSAMPLE), to: page.bitsPerSample)
                case .samplesPerPixelOnly(let value):
                    try file.set(page: index, tag: UInt16(TIFFTAG_SAMPLESPERPIXEL), index: 0, to: UInt64(value))
                case .resolution(let x, let y):
                    try file.set(page: index, tag: UInt16(TIFFTAG_XRESOLUTION), index: 0, to: UInt64(x))
                    try file.set(page: index, tag: UInt16(TIFFTAG_YRESOLUTION), index: 0, to: UInt64(y))
                }
            }
        }
        if let loopBackTo {
            try file.setNextDirectory(ofPage: file.directories.count - 1, to: file.directories[loopBackTo - 1])
        }
        try Data(file.bytes).write(to: URL(fileURLWithPath: path))
    }

    private static func writeWithLibTIFF(_ pages: [FixturePage], to path: String, bigTIFF: Bool, bigEndian: Bool) throws
    {
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

    private static func writePage(
        _ page: FixturePage, _ tif: OpaquePointer, _ log: UnsafeMutablePointer<kho_tiff_log>
    ) throws {
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
        if let format = page.sampleFormat { u16(TIFFTAG_SAMPLEFORMAT, format) }
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
            let rowsPerStrip = max(1, min(page.rowsPerStrip ?? page.height, page.height))
            u32(TIFFTAG_ROWSPERSTRIP, rowsPerStrip)
            var first: UInt32 = 0
            var strip: UInt32 = 0
            while first < page.height {
                let size = rowBytes * Int(min(rowsPerStrip, page.height - first))
                var pixels = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) }
                guard TIFFWriteEncodedStrip(tif, strip, &pixels, tmsize_t(size)) >= 0 else {
                    throw FixtureError(description: "TIFFWriteEncodedStrip failed: \(errors(log))")
                }
                first += rowsPerStrip
                strip += 1
            }
        }
    }

    private static func errors(_ log: UnsafeMutablePointer<kho_tiff_log>) -> String {
        withUnsafeBytes(of: &log.pointee.errors) {
            String(decoding: $0.prefix(Int(log.pointee.error_length)), as: UTF8.self)
        }
    }
}
