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

    /// The JSON stored for `result`, written by hand: JSONEncoder costs more than reading the file does.
    ///
    /// The keys are those of the types' `Codable` conformances, so `JSONDecoder` reads it back as `MasterMetadata`.
    static func json(_ result: TIFFFileResult) -> String {
        var out = "{\"fileSize\":\(result.fileSize)"
        out.reserveCapacity(128 + 512 * result.pages.count)  // a page's tags take about 400 bytes
        if let format = result.format { out += ",\"format\":\"\(format.rawValue)\"" }
        if let order = result.byteOrder { out += ",\"byteOrder\":\"\(order.rawValue)\"" }
        out += ",\"pages\":["
        for (index, p) in result.pages.enumerated() {
            if index > 0 { out += "," }
            out +=
                "{\"number\":\(p.number),\"width\":\(p.width),\"height\":\(p.height),\"bitsPerSample\":\(p.bitsPerSample)"
            out += ",\"samplesPerPixel\":\(p.samplesPerPixel),\"compressionCode\":\(p.compressionCode)"
            if let code = p.photometricCode { out += ",\"photometricCode\":\(code)" }
            if let x = p.xResolution, x.isFinite { out += ",\"xResolution\":\(x)" }
            if let y = p.yResolution, y.isFinite { out += ",\"yResolution\":\(y)" }
            out +=
                ",\"resolutionUnit\":\"\(p.resolutionUnit.rawValue)\",\"isTiled\":\(p.isTiled),\"iccProfileBytes\":\(p.iccProfileBytes)"
            out += ",\"dataBytes\":\(p.dataBytes),\"dataEnd\":\(p.dataEnd)"
            if let code = p.sampleFormatCode { out += ",\"sampleFormatCode\":\(code)" }
            for (key, value) in [
                ("dateTime", p.dateTime), ("make", p.make), ("model", p.model), ("software", p.software),
                ("artist", p.artist),
            ] {
                if let value { out += ",\"\(key)\":" + JSONText.quoted(value) }
            }
            out += "}"
        }
        out += "],\"libtiffWarnings\":[" + result.libtiffWarnings.map(JSONText.quoted).joined(separator: ",")
        return out + "]}"
    }
}
