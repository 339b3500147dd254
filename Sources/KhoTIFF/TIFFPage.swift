/// What one page (TIFF directory) of a master says about itself, read from its header tags only.
public struct TIFFPage: Sendable, Hashable, Codable {
    /// The most samples per pixel a page may declare: CMYK with alpha and spot colours stays far below; 65,535 is damage.
    public static let maximumSamplesPerPixel: UInt16 = 16

    /// The page's position in the file, counting from 1.
    public var number: Int
    /// Image width in pixels.
    public var width: UInt32
    /// Image height in pixels.
    public var height: UInt32
    /// Bits per sample (1 when the tag is absent, as the TIFF standard says).
    public var bitsPerSample: UInt16
    /// Samples per pixel (1 when the tag is absent).
    public var samplesPerPixel: UInt16
    /// The numeric PhotometricInterpretation tag, or nil when absent.
    public var photometricCode: UInt16?
    /// The numeric Compression tag (1, none, when absent).
    public var compressionCode: UInt16
    /// XResolution as stored, in `resolutionUnit`s, or nil when absent.
    public var xResolution: Double?
    /// YResolution as stored, in `resolutionUnit`s, or nil when absent.
    public var yResolution: Double?
    /// The resolution unit (inch when the tag is absent, as the TIFF standard says).
    public var resolutionUnit: TIFFResolutionUnit
    /// Whether image data is stored in tiles rather than strips.
    public var isTiled: Bool
    /// Size in bytes of the embedded ICC colour profile, or 0 when there is none.
    public var iccProfileBytes: UInt32
    /// The DateTime tag as written ("YYYY:MM:DD HH:MM:SS" when well formed).
    public var dateTime: String?
    /// The scanner's maker (Make tag).
    public var make: String?
    /// The scanner's model (Model tag).
    public var model: String?
    /// The software that wrote the file (Software tag).
    public var software: String?
    /// The person who made the image (Artist tag).
    public var artist: String?
    /// Total bytes of compressed image data in this page (sum of strip or tile byte counts).
    public var dataBytes: UInt64
    /// One past the last byte of image data of this page (largest offset + byte count).
    public var dataEnd: UInt64
    /// The numeric SampleFormat tag (1 unsigned, 2 signed, 3 floating point), or nil when absent (unsigned).
    public var sampleFormatCode: UInt16?

    /// Creates a page description; the reader fills every field.
    public init(
        number: Int, width: UInt32, height: UInt32, bitsPerSample: UInt16, samplesPerPixel: UInt16,
        photometricCode: UInt16?, compressionCode: UInt16, xResolution: Double?, yResolution: Double?,
        resolutionUnit: TIFFResolutionUnit, isTiled: Bool, iccProfileBytes: UInt32,
        dateTime: String? = nil, make: String? = nil, model: String? = nil, software: String? = nil,
        artist: String? = nil, dataBytes: UInt64 = 0, dataEnd: UInt64 = 0, sampleFormatCode: UInt16? = nil
    ) {
        self.number = number
        self.width = width
        self.height = height
        self.bitsPerSample = bitsPerSample
        self.samplesPerPixel = samplesPerPixel
        self.photometricCode = photometricCode
        self.compressionCode = compressionCode
        self.xResolution = xResolution
        self.yResolution = yResolution
        self.resolutionUnit = resolutionUnit
        self.isTiled = isTiled
        self.iccProfileBytes = iccProfileBytes
        self.dateTime = dateTime
        self.make = make
        self.model = model
        self.software = software
        self.artist = artist
        self.dataBytes = dataBytes
        self.dataEnd = dataEnd
        self.sampleFormatCode = sampleFormatCode
    }

    /// The photometric interpretation by name (`other` when absent or unknown).
    public var photometric: TIFFPhotometric {
        photometricCode.map(TIFFPhotometric.init(code:)) ?? .other
    }

    /// The compression by name.
    public var compression: TIFFCompression { TIFFCompression(code: compressionCode) }

    /// How the samples are read as numbers: `uint` when the SampleFormat tag is absent, and when it says "void" (4,
    /// undefined data; libtiff's reading of the obsolete SGI DataType tag too), which libtiff decodes as unsigned
    /// integers.
    public var sampleFormat: TIFFSampleFormat {
        let format = sampleFormatCode.map(TIFFSampleFormat.init(code:)) ?? .unsigned
        return format == .void ? .unsigned : format
    }

    /// Bit depth, colour model and sample format together (`gray8`, `rgb24`, `rgb-float32`, …).
    public var colourMode: TIFFColourMode {
        TIFFColourMode(
            photometric: photometric, bitsPerSample: bitsPerSample, samplesPerPixel: samplesPerPixel,
            sampleFormat: sampleFormat)
    }

    /// Horizontal resolution in dots per inch, or nil when absent or without an absolute unit.
    public var xDPI: Double? { xResolution.flatMap(resolutionUnit.dotsPerInch) }

    /// Vertical resolution in dots per inch, or nil when absent or without an absolute unit.
    public var yDPI: Double? { yResolution.flatMap(resolutionUnit.dotsPerInch) }

    /// The lower of the two resolutions in dpi (what a minimum applies to), or nil when either is unknown.
    public var dpi: Double? {
        guard let x = xDPI, let y = yDPI else { return nil }
        return min(x, y)
    }

    /// Both resolutions in dots per inch, each nil when unknown.
    public var dotsPerInch: TIFFDotsPerInch { TIFFDotsPerInch(x: xDPI, y: yDPI) }

    /// Whether a resolution tag is present but holds 0 (or a fraction with a zero denominator, which libtiff reads as 0).
    public var hasZeroResolution: Bool { xResolution == 0 || yResolution == 0 }
}

/// A page's horizontal and vertical resolution in dots per inch; in JSON `{"x": 300, "y": 300}`, an unknown one `null`.
public struct TIFFDotsPerInch: Sendable, Hashable, Codable {
    /// Horizontal dots per inch, or nil when absent, 0 or without an absolute unit.
    public var x: Double?
    /// Vertical dots per inch, or nil when absent, 0 or without an absolute unit.
    public var y: Double?

    /// Creates a pair of resolutions.
    public init(x: Double?, y: Double?) {
        self.x = x
        self.y = y
    }

    private enum CodingKeys: String, CodingKey { case x, y }

    /// Writes both keys, an unknown resolution as `null` rather than leaving the key out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(x, forKey: .x)
        try container.encode(y, forKey: .y)
    }
}
