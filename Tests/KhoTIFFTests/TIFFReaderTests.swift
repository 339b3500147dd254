import CLibTIFF
import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

@Suite struct TIFFReaderTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// Writes pages with libtiff and reads them back with the reader.
    func roundTrip(_ pages: [FixturePage], bigTIFF: Bool = false, bigEndian: Bool = false) throws -> TIFFFileResult {
        let path = directory.file("page.tif")
        try FixtureWriter.write(pages, to: path, bigTIFF: bigTIFF, bigEndian: bigEndian)
        return TIFFReader.read(path: path)
    }

    @Test func readsEveryTag() throws {
        // Given a page with every tag the reader reports
        var page = FixturePage.rgb
        page.width = 32
        page.height = 48
        page.xResolution = 400
        page.yResolution = 300
        page.icc = Array(repeating: 7, count: 132)
        page.dateTime = "2026:11:27 09:30:00"
        page.make = "Plustek"
        page.model = "OpticBook A300"
        page.software = "kho tests"
        page.artist = "Nguyễn Thị Lan"
        // When it is read
        let result = try roundTrip([page])
        // Then every tag comes back
        #expect(result.findings == [])
        #expect(result.format == .classic)
        #expect(result.byteOrder == .littleEndian)
        #expect(result.pageCount == 1)
        let read = try #require(result.pages.first)
        #expect(read.number == 1)
        #expect(read.width == 32)
        #expect(read.height == 48)
        #expect(read.bitsPerSample == 8)
        #expect(read.samplesPerPixel == 3)
        #expect(read.photometric == .rgb)
        #expect(read.compression == TIFFCompression.none)
        #expect(read.colourMode == .rgb24)
        #expect(read.xDPI == 400)
        #expect(read.yDPI == 300)
        #expect(read.dpi == 300)
        #expect(read.resolutionUnit == .inch)
        #expect(!read.isTiled)
        #expect(read.iccProfileBytes == 132)
        #expect(read.dateTime == "2026:11:27 09:30:00")
        #expect(read.make == "Plustek")
        #expect(read.model == "OpticBook A300")
        #expect(read.software == "kho tests")
        #expect(read.artist == "Nguyễn Thị Lan")
        #expect(read.dataBytes == 32 * 48 * 3)
        #expect(read.dataEnd <= result.fileSize)
        let size = try FileManager.default.attributesOfItem(atPath: result.path)[.size] as? Int
        #expect(result.fileSize == UInt64(size ?? -1))
    }

    @Test func absentOptionalTagsAreNil() throws {
        // Given a page without ICC profile or text tags
        // When it is read
        let result = try roundTrip([.gray8])
        // Then they read as absent
        let page = try #require(result.pages.first)
        #expect(page.iccProfileBytes == 0)
        #expect(page.dateTime == nil && page.make == nil && page.model == nil && page.artist == nil)
    }

    struct DPICase: Sendable, CustomTestStringConvertible {
        var unit: Int32?
        var stored: Double
        var expected: Double?
        var finding: TIFFFinding?
        var testDescription: String {
            "unit \(unit.map(String.init) ?? "absent"), \(stored) → \(expected.map { "\($0)" } ?? "nil")"
        }
    }

    @Test(arguments: [
        DPICase(unit: RESUNIT_INCH, stored: 300, expected: 300, finding: nil),
        DPICase(unit: RESUNIT_CENTIMETER, stored: 118.11, expected: 118.11 * 2.54, finding: nil),
        DPICase(unit: RESUNIT_CENTIMETER, stored: 100, expected: 254, finding: nil),
        DPICase(unit: nil, stored: 200, expected: 200, finding: nil),
        DPICase(unit: RESUNIT_NONE, stored: 300, expected: nil, finding: .resolutionWithoutUnit(page: 1)),
    ])
    func convertsResolutionToDPI(_ example: DPICase) throws {
        // Given a page whose resolution is stored in some unit
        var page = FixturePage.gray8
        page.xResolution = example.stored
        page.yResolution = example.stored
        page.resolutionUnit = example.unit
        // When it is read
        let result = try roundTrip([page])
        // Then dpi is converted, or unknown with a finding
        let read = try #require(result.pages.first)
        if let expected = example.expected {
            let dpi = try #require(read.xDPI)
            #expect(abs(dpi - expected) < 0.01)
            #expect(abs((read.yDPI ?? 0) - expected) < 0.01)
        } else {
            #expect(read.xDPI == nil)
        }
        #expect(result.findings == (example.finding.map { [$0] } ?? []))
    }

    @Test func missingResolutionIsAFindingNotACrash() throws {
        // Given a page without XResolution and YResolution
        var page = FixturePage.gray8
        page.xResolution = nil
        page.yResolution = nil
        page.resolutionUnit = nil
        // When it is read
        let result = try roundTrip([page])
        // Then the page is there, dpi unknown, and the file has one non-fatal finding
        #expect(result.pages.first?.dpi == nil)
        #expect(result.findings == [.missingResolution(page: 1)])
        #expect(result.isReadable)
    }

    struct CompressionCase: Sendable, CustomTestStringConvertible {
        var code: Int32
        var page: FixturePage
        var expected: TIFFCompression
        var testDescription: String { expected.rawValue }
    }

    @Test(arguments: [
        CompressionCase(code: COMPRESSION_NONE, page: .rgb, expected: .none),
        CompressionCase(code: COMPRESSION_LZW, page: .rgb, expected: .lzw),
        CompressionCase(code: COMPRESSION_ADOBE_DEFLATE, page: .rgb, expected: .deflate),
        CompressionCase(code: COMPRESSION_DEFLATE, page: .gray8, expected: .deflate),
        CompressionCase(code: COMPRESSION_JPEG, page: .rgb, expected: .jpeg),
        CompressionCase(code: COMPRESSION_PACKBITS, page: .gray8, expected: .packbits),
        CompressionCase(code: COMPRESSION_CCITTFAX4, page: .bilevel, expected: .ccittG4),
        CompressionCase(code: COMPRESSION_CCITTFAX3, page: .bilevel, expected: .ccittG3),
    ])
    func namesCompression(_ example: CompressionCase) throws {
        // Given a page written with a compression
        var page = example.page
        page.compression = example.code
        // When it is read
        let result = try roundTrip([page])
        // Then the compression is named
        #expect(result.findings == [])
        #expect(result.pages.first?.compression == example.expected)
    }

    struct ColourCase: Sendable, CustomTestStringConvertible {
        var bits: UInt16
        var samples: UInt16
        var photometric: Int32
        var expected: TIFFColourMode
        var name: TIFFPhotometric
        var testDescription: String { expected.rawValue }
    }

    @Test(arguments: [
        ColourCase(bits: 1, samples: 1, photometric: PHOTOMETRIC_MINISWHITE, expected: .bilevel, name: .miniswhite),
        ColourCase(bits: 1, samples: 1, photometric: PHOTOMETRIC_MINISBLACK, expected: .bilevel, name: .minisblack),
        ColourCase(bits: 8, samples: 1, photometric: PHOTOMETRIC_MINISBLACK, expected: .gray8, name: .minisblack),
        ColourCase(bits: 16, samples: 1, photometric: PHOTOMETRIC_MINISBLACK, expected: .gray16, name: .minisblack),
        ColourCase(bits: 8, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgb24, name: .rgb),
        ColourCase(bits: 16, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgb48, name: .rgb),
        ColourCase(bits: 8, samples: 4, photometric: PHOTOMETRIC_SEPARATED, expected: .cmyk32, name: .separated),
    ])
    func namesPhotometricAndColourMode(_ example: ColourCase) throws {
        // Given a page of some bit depth and colour model
        var page = FixturePage.rgb
        page.bitsPerSample = example.bits
        page.samplesPerPixel = example.samples
        page.photometric = example.photometric
        // When it is read
        let result = try roundTrip([page])
        // Then photometric and colour mode are named
        let read = try #require(result.pages.first)
        #expect(read.photometric == example.name)
        #expect(read.colourMode == example.expected)
        #expect(read.bitsPerSample == example.bits)
        #expect(read.samplesPerPixel == example.samples)
    }

    @Test func readsTiledPages() throws {
        // Given a tiled page of 2 × 3 tiles
        var page = FixturePage.rgb
        page.width = 32
        page.height = 48
        page.tiled = true
        // When it is read
        let result = try roundTrip([page])
        // Then it is tiled and its data lies inside the file
        #expect(result.findings == [])
        #expect(result.pages.first?.isTiled == true)
        #expect(result.pages.first?.dataBytes == 32 * 48 * 3)
    }

    @Test func readsBigTIFFAndBigEndian() throws {
        // Given a BigTIFF and a big-endian classic TIFF
        let big = try roundTrip([.rgb, .gray8], bigTIFF: true)
        let motorola = try roundTrip([.gray8], bigEndian: true)
        // Then both read, named for what they are
        #expect(big.format == .bigTIFF)
        #expect(big.pageCount == 2)
        #expect(big.findings == [])
        #expect(motorola.format == .classic)
        #expect(motorola.byteOrder == .bigEndian)
        #expect(motorola.pages.first?.width == 16)
        #expect(motorola.findings == [])
    }

    @Test func readsEveryPageOfAMultiPageMaster() throws {
        // Given three pages of different kinds
        var second = FixturePage.gray8
        second.xResolution = 150
        second.yResolution = 150
        // When the file is read
        let result = try roundTrip([.rgb, second, .bilevel])
        // Then every page is there, in order
        #expect(result.pageCount == 3)
        #expect(result.pages.map(\.number) == [1, 2, 3])
        #expect(result.pages.map(\.colourMode) == [.rgb24, .gray8, .bilevel])
        #expect(result.pages[1].dpi == 150)
        #expect(result.findings == [])
    }

    @Test func hashesThroughTheSameDescriptorWhenAsked() throws {
        // Given a master
        let path = directory.file("hash.tif")
        try FixtureWriter.write([.rgb], to: path)
        // When it is read with hashing
        let result = TIFFReader.read(path: path, options: TIFFReadOptions(computeSHA256: true))
        // Then the digest equals a separate hash, and the pages were still read
        #expect(result.sha256 == (try Fixity.sha256(path: path)))
        #expect(result.pageCount == 1)
        #expect(TIFFReader.read(path: path).sha256 == nil)
    }

    @Test(arguments: [false, true])
    func readsMastersLargerThanWhatIsReadAhead(hashing: Bool) throws {
        // Given a 1.2 MB master whose directory libtiff wrote after the pixels, past the first read
        var page = FixturePage.rgb
        page.width = 640
        page.height = 640
        let path = directory.file("large.tif")
        try FixtureWriter.write([page, .gray8], to: path)
        // When it is read, with and without hashing
        let result = TIFFReader.read(path: path, options: TIFFReadOptions(computeSHA256: hashing))
        // Then both pages are found, and the digest covers the whole file
        #expect(result.findings == [])
        #expect(result.pages.map(\.width) == [640, 16])
        #expect(result.fileSize > UInt64(Fixity.chunkSize))
        #expect(result.sha256 == (hashing ? try Fixity.sha256(path: path) : nil))
    }

    @Test func readsManyFilesInParallelInOrder() throws {
        // Given files of 1…6 pages
        let paths = try (1...6).map { count in
            let path = directory.file("multi-\(count).tif")
            try FixtureWriter.write(Array(repeating: .gray8, count: count), to: path)
            return path
        }
        // When they are read together
        let results = TIFFReader.read(paths: paths + [directory.file("missing.tif")])
        // Then results keep the paths' order
        #expect(results.map(\.pageCount) == [1, 2, 3, 4, 5, 6, 0])
        #expect(results.last?.findings == [.notFound])
    }
}
