import Foundation
import KhoTIFF

/// The header tags of a master as stored with it: format, byte order, size, every page's tags and libtiff's warnings.
///
/// Encoded (for `kho scan show --json`), each page also carries `dpi`: `{"x": 300, "y": 300}`, `null` for an axis
/// whose dpi is unknown. Metadata stored before warnings were kept reads back with none.
public struct MasterMetadata: Codable, Sendable {
    public var format: TIFFFormat?
    public var byteOrder: TIFFByteOrder?
    public var fileSize: UInt64
    public var pages: [TIFFPage]
    /// What libtiff warned about while reading the master, in its own (English) words, each once.
    public var libtiffWarnings: [String]

    enum CodingKeys: String, CodingKey {
        case format, byteOrder, fileSize, pages, libtiffWarnings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decodeIfPresent(TIFFFormat.self, forKey: .format)
        byteOrder = try container.decodeIfPresent(TIFFByteOrder.self, forKey: .byteOrder)
        fileSize = try container.decode(UInt64.self, forKey: .fileSize)
        pages = try container.decode([TIFFPage].self, forKey: .pages)
        libtiffWarnings = try container.decodeIfPresent([String].self, forKey: .libtiffWarnings) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(format, forKey: .format)
        try container.encodeIfPresent(byteOrder, forKey: .byteOrder)
        try container.encode(fileSize, forKey: .fileSize)
        try container.encode(pages.map(PageWithDPI.init), forKey: .pages)
        try container.encode(libtiffWarnings, forKey: .libtiffWarnings)
    }

    /// A page encoded with its tags and, beside them, its resolution in dots per inch.
    private struct PageWithDPI: Encodable {
        var page: TIFFPage

        private enum CodingKeys: String, CodingKey { case dpi }

        func encode(to encoder: any Encoder) throws {
            try page.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(page.dotsPerInch, forKey: .dpi)
        }
    }

    /// The JSON stored for `result`, written by hand into bytes: JSONEncoder costs more than reading the file does.
    ///
    /// The keys are those of the types' `Codable` conformances, so `JSONDecoder` reads it back as `MasterMetadata`.
    static func json(_ result: TIFFFileResult) -> String {
        var out = JSONBytes(capacity: 128 + 512 * result.pages.count)  // a page's tags take about 400 bytes
        out.field("{\"fileSize\":", result.fileSize)
        out.field(",\"format\":", result.format?.rawValue)
        out.field(",\"byteOrder\":", result.byteOrder?.rawValue)
        out.raw(",\"pages\":[")
        for (index, p) in result.pages.enumerated() {
            if index > 0 { out.raw(",") }
            page(p, into: &out)
        }
        out.raw("],\"libtiffWarnings\":[")
        for (index, warning) in result.libtiffWarnings.enumerated() {
            if index > 0 { out.raw(",") }
            out.string(warning)
        }
        out.raw("]}")
        return out.text
    }

    private static func page(_ p: TIFFPage, into out: inout JSONBytes) {
        out.field("{\"number\":", p.number)
        out.field(",\"width\":", p.width)
        out.field(",\"height\":", p.height)
        out.field(",\"bitsPerSample\":", p.bitsPerSample)
        out.field(",\"samplesPerPixel\":", p.samplesPerPixel)
        out.field(",\"compressionCode\":", p.compressionCode)
        if let code = p.photometricCode { out.field(",\"photometricCode\":", code) }
        if let x = p.xResolution, x.isFinite { out.field(",\"xResolution\":", x) }
        if let y = p.yResolution, y.isFinite { out.field(",\"yResolution\":", y) }
        out.field(",\"resolutionUnit\":", p.resolutionUnit.rawValue)
        out.raw(",\"isTiled\":")
        out.bool(p.isTiled)
        out.field(",\"iccProfileBytes\":", p.iccProfileBytes)
        out.field(",\"dataBytes\":", p.dataBytes)
        out.field(",\"dataEnd\":", p.dataEnd)
        if let code = p.sampleFormatCode { out.field(",\"sampleFormatCode\":", code) }
        out.field(",\"dateTime\":", p.dateTime)
        out.field(",\"make\":", p.make)
        out.field(",\"model\":", p.model)
        out.field(",\"software\":", p.software)
        out.field(",\"artist\":", p.artist)
        out.raw("}")
    }
}
