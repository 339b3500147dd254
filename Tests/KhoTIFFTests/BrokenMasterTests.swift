import CLibTIFF
import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

/// Masters broken or unsuitable in ways only their header tags show (issue 10): each is found without decoding a pixel.
@Suite struct BrokenMasterTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// A 1,000 × 64 RGB page in strips of 16 rows: rows of 3,000 bytes, strips of 48,000.
    static func striped(height: UInt32 = 64, damage: [FixtureDamage] = []) -> FixturePage {
        FixturePage(width: 1000, height: height, rowsPerStrip: 16, damage: damage)
    }

    /// Writes pages with libtiff (and the damage they ask for) and reads them back.
    func read(
        _ pages: [FixturePage], bigTIFF: Bool = false, bigEndian: Bool = false, loopBackTo: Int? = nil
    ) throws -> TIFFFileResult {
        let path = directory.file("master.tif")
        try FixtureWriter.write(pages, to: path, bigTIFF: bigTIFF, bigEndian: bigEndian, loopBackTo: loopBackTo)
        return TIFFReader.read(path: path)
    }

    // MARK: Strips and tiles

    @Test func aSoundStripedMasterHasNoFindingEvenWithAShorterLastStrip() throws {
        // Given 60 rows in strips of 16: the last strip holds 12 rows (36,000 bytes), the others 48,000
        // When it is read
        let result = try read([Self.striped(height: 60)])
        // Then nothing is wrong and all the bytes are counted
        #expect(result.findings == [])
        #expect(result.pages.first?.dataBytes == 3 * 48_000 + 36_000)
        #expect(result.isReadable)
    }

    @Test func aStripWithZeroBytesIsAFinding() throws {
        // Given strip 2 of 4 with a byte count of 0
        let result = try read([Self.striped(damage: [.byteCount(index: 2, to: 0)])])
        // Then the finding names the strip, says it in both languages, and the master is unreadable
        #expect(result.findings == [.zeroByteCount(page: 1, block: .strip, index: 2, others: 0)])
        let finding = try #require(result.findings.first)
        #expect(finding.code == "zero-byte-count")
        #expect(finding.message(in: .en) == "page 1: strip 2 has 0 bytes, so it holds no image data")
        #expect(finding.message(in: .vi) == "trang 1: dải ảnh 2 có 0 byte, không chứa dữ liệu ảnh")
        #expect(!result.isReadable)
        #expect(QualityProfile.vn2025.check(result).map(\.code) == ["zero-byte-count"])
    }

    @Test func aZeroByteCountLibTIFFWouldEstimateIsStillFound() throws {
        // Given a single-strip page whose byte count is 0: libtiff replaces it with an estimate and warns
        var page = FixturePage.rgb
        page.damage = [.byteCount(index: 1, to: 0)]
        let result = try read([page])
        // Then the reader reports what the file says, and keeps libtiff's warning
        #expect(result.findings == [.zeroByteCount(page: 1, block: .strip, index: 1, others: 0)])
        #expect(result.pages.first?.dataBytes == 0)
        #expect(result.libtiffWarnings.contains { $0.contains("StripByteCounts") }, "\(result.libtiffWarnings)")
        #expect(!result.libtiffWarnings.contains { $0.contains(directory.path) })
    }

    @Test func manyEmptyStripsAreOneFindingThatCountsThem() throws {
        // Given strips 2, 3 and 4 with no bytes
        let damage: [FixtureDamage] = [
            .byteCount(index: 2, to: 0), .byteCount(index: 3, to: 0), .byteCount(index: 4, to: 0),
        ]
        let result = try read([Self.striped(damage: damage)])
        // Then the first is named and the others counted
        #expect(result.findings == [.zeroByteCount(page: 1, block: .strip, index: 2, others: 2)])
        #expect(
            result.findings.first?.message(in: .en)
                == "page 1: strip 2 has 0 bytes, so it holds no image data (nor do 2 other strips)")
        #expect(
            result.findings.first?.message(in: .vi)
                == "trang 1: dải ảnh 2 có 0 byte, không chứa dữ liệu ảnh (2 dải ảnh khác cũng vậy)")
    }

    @Test func aStripAtOffsetZeroIsAFinding() throws {
        // Given strip 3 whose offset is 0, pointing at the header
        let result = try read([Self.striped(damage: [.offset(index: 3, to: 0)])])
        // Then that is the finding
        #expect(result.findings == [.zeroOffset(page: 1, block: .strip, index: 3, others: 0)])
        let finding = try #require(result.findings.first)
        #expect(finding.code == "zero-data-offset")
        #expect(
            finding.message(in: .en) == "page 1: strip 3 starts at byte 0, which is the file's header, not image data")
        #expect(
            finding.message(in: .vi)
                == "trang 1: dải ảnh 3 bắt đầu ở byte 0, tức phần đầu tệp chứ không phải dữ liệu ảnh")
        #expect(!result.isReadable)
    }

    @Test func aShortUncompressedStripIsAFindingQuotingItsRows() throws {
        // Given strip 3 holding 1,024 bytes where 16 rows of 3,000 bytes need 48,000
        let result = try read([Self.striped(damage: [.byteCount(index: 3, to: 1024)])])
        // Then the finding says so, with the numbers, in both languages
        #expect(
            result.findings == [
                .shortData(
                    page: 1, block: .strip, index: 3, bytes: 1024, expected: 48_000, rows: 16, rowBytes: 3000, others: 0
                )
            ])
        let finding = try #require(result.findings.first)
        #expect(finding.code == "short-data")
        #expect(
            finding.message(in: .en)
                == "page 1: uncompressed strip 3 has 1,024 bytes, 48,000 expected for 16 rows of 3,000 bytes")
        #expect(
            finding.message(in: .vi)
                == "trang 1: dải ảnh 3 (không nén) có 1.024 byte, cần 48.000 byte cho 16 dòng, mỗi dòng 3.000 byte")
        #expect(!result.isReadable)
        #expect(QualityProfile.vn2025.check(result).map { $0.message(in: .vi) } == [finding.message(in: .vi)])
    }

    @Test func theLastStripIsMeasuredByTheRowsLeft() throws {
        // Given 60 rows in strips of 16, the last strip (12 rows, 36,000 bytes) one byte short
        let result = try read([Self.striped(height: 60, damage: [.byteCount(index: 4, to: 35_999)])])
        // Then it is short for 12 rows, not for 16
        #expect(
            result.findings == [
                .shortData(
                    page: 1, block: .strip, index: 4, bytes: 35_999, expected: 36_000, rows: 12, rowBytes: 3000,
                    others: 0)
            ])
        #expect(
            result.findings.first?.message(in: .en)
                == "page 1: uncompressed strip 4 has 35,999 bytes, 36,000 expected for 12 rows of 3,000 bytes")
    }

    @Test func aShortFirstStripLibTIFFWouldRecalculateIsStillFound() throws {
        // Given strip 1 short: libtiff 4.5 throws such byte counts away and estimates them from the image size
        let result = try read([Self.striped(damage: [.byteCount(index: 1, to: 100), .byteCount(index: 2, to: 47_999)])])
        // Then the file's own byte counts are judged: two short strips, the first named
        #expect(
            result.findings == [
                .shortData(
                    page: 1, block: .strip, index: 1, bytes: 100, expected: 48_000, rows: 16, rowBytes: 3000, others: 1)
            ])
        #expect(result.findings.first?.message(in: .en).hasSuffix("(1 other strip is short too)") == true)
        #expect(result.findings.first?.message(in: .vi).hasSuffix("(1 dải ảnh khác cũng thiếu)") == true)
    }

    @Test func aShortSingleStripIsFound() throws {
        // Given a 16 × 16 RGB page in one strip of 768 bytes, stored as 700
        var page = FixturePage.rgb
        page.damage = [.byteCount(index: 1, to: 700)]
        // When it is read
        let result = try read([page])
        // Then it is short by its 16 rows of 48 bytes
        #expect(
            result.findings == [
                .shortData(
                    page: 1, block: .strip, index: 1, bytes: 700, expected: 768, rows: 16, rowBytes: 48, others: 0)
            ])
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func stripsAreReadFromEveryKindOfTIFF(bigTIFF: Bool, bigEndian: Bool) throws {
        // Given the same short strip in classic and BigTIFF, little- and big-endian files
        let result = try read(
            [Self.striped(damage: [.byteCount(index: 3, to: 1024)])], bigTIFF: bigTIFF, bigEndian: bigEndian)
        // Then it is found in each
        #expect(result.findings.map(\.code) == ["short-data"])
        #expect(result.findings.first?.message(in: .en).contains("strip 3 has 1,024 bytes") == true)
    }

    @Test func aShortTileIsFoundAndAnEmptyOneToo() throws {
        // Given a 32 × 48 RGB page in 16 × 16 tiles (768 bytes each): tile 2 short, tile 5 empty
        var page = FixturePage.rgb
        page.width = 32
        page.height = 48
        page.tiled = true
        page.damage = [.byteCount(index: 2, to: 100), .byteCount(index: 5, to: 0)]
        // When it is read
        let result = try read([page])
        // Then both are named as tiles
        #expect(
            result.findings == [
                .zeroByteCount(page: 1, block: .tile, index: 5, others: 0),
                .shortData(
                    page: 1, block: .tile, index: 2, bytes: 100, expected: 768, rows: 16, rowBytes: 48, others: 0),
            ])
        #expect(
            result.findings.last?.message(in: .en)
                == "page 1: uncompressed tile 2 has 100 bytes, 768 expected for 16 rows of 48 bytes")
        #expect(result.findings.first?.message(in: .vi) == "trang 1: ô ảnh 5 có 0 byte, không chứa dữ liệu ảnh")
    }

    @Test func rowsAreCountedPerPlaneAndRoundedToWholeBytes() throws {
        // Given 60 rows in strips of 16 with one plane per sample: strips 4, 8 and 12 end their planes
        let planes = try #require(
            TIFFImageData.Geometry(
                tiled: false, width: 1000, height: 60, rowsPerBlock: 16, samplesInRow: 1, bitsPerSample: 8))
        // Then each plane's last strip holds the 12 rows left, and a row is one sample wide
        #expect((0..<12).map(planes.rows(ofBlock:)) == [16, 16, 16, 12, 16, 16, 16, 12, 16, 16, 16, 12])
        #expect(planes.rowBytes == 1000)
        // and a 10-pixel 1-bit row takes 2 bytes; RowsPerStrip 0 or past the image means one strip of every row
        let bilevel = try #require(
            TIFFImageData.Geometry(
                tiled: false, width: 10, height: 7, rowsPerBlock: 0, samplesInRow: 1, bitsPerSample: 1))
        #expect(bilevel.rowBytes == 2 && bilevel.rows(ofBlock: 0) == 7)
        #expect(
            TIFFImageData.Geometry(
                tiled: false, width: 10, height: 7, rowsPerBlock: .max, samplesInRow: 1, bitsPerSample: 1)?.rows(
                    ofBlock: 0) == 7)
        // and rows too large to count are never called short
        let huge = try #require(
            TIFFImageData.Geometry(
                tiled: false, width: .max, height: .max, rowsPerBlock: .max, samplesInRow: .max, bitsPerSample: .max))
        let data = TIFFImageData(block: .strip, offsets: [8], byteCounts: [100], geometry: huge)
        #expect(data.findings(page: 1) == [])
        #expect(
            TIFFImageData(block: .strip, offsets: [8], byteCounts: [100], geometry: planes).findings(page: 1).map(
                \.code) == ["short-data"])
    }

    @Test func compressedStripsAreNotMeasuredByTheirRows() throws {
        // Given an LZW page: its strips are rightly smaller than their rows
        var page = Self.striped()
        page.compression = COMPRESSION_LZW
        // When it is read
        let result = try read([page])
        // Then nothing is wrong
        #expect(result.findings == [])
        #expect((result.pages.first?.dataBytes ?? .max) < 4 * 48_000)
    }

    @Test func aSecondPageIsNamedInItsFinding() throws {
        // Given a sound page and a page with an empty strip
        let result = try read([.rgb, Self.striped(damage: [.byteCount(index: 4, to: 0)])])
        // Then the finding is about page 2, and both pages were read
        #expect(result.findings == [.zeroByteCount(page: 2, block: .strip, index: 4, others: 0)])
        #expect(result.findings.first?.page == 2)
        #expect(result.pageCount == 2)
    }

    // MARK: SamplesPerPixel

    @Test(arguments: [UInt16(65_535), 17, 1])
    func anUnusableSamplesPerPixelIsAFindingNotACrash(samples: UInt16) throws {
        // Given an RGB page whose SamplesPerPixel was overwritten (BitsPerSample given once, as libtiff accepts)
        var page = Self.striped()
        page.damage = [.samplesPerPixel(samples)]
        // When it is read
        let result = try read([page])
        // Then the page is described, with one finding about its samples, and nothing else is measured by them
        #expect(result.findings == [.badSamplesPerPixel(page: 1, samples: samples, photometric: .rgb)])
        #expect(result.pages.first?.samplesPerPixel == samples)
        #expect(!result.isReadable)
        #expect(QualityProfile.vn2025.check(result).first?.code == "bad-samples-per-pixel")
    }

    @Test(arguments: [1, 2])
    func anAbsurdSamplesPerPixelLibTIFFRefusesIsStillNamed(page: Int) throws {
        // Given a page whose SamplesPerPixel says 65,535 while BitsPerSample lists 3 samples: libtiff refuses it
        var broken = Self.striped()
        broken.damage = [.samplesPerPixelOnly(65_535)]
        let result = try read(page == 1 ? [broken] : [.rgb, broken])
        // Then the finding names the samples, not only libtiff's complaint, on the right page
        #expect(result.findings == [.badSamplesPerPixel(page: page, samples: 65_535, photometric: .rgb)])
        #expect(result.pageCount == page - 1)
    }

    @Test func samplesPerPixelMessagesSayWhatIsWrong() {
        // Given the three ways SamplesPerPixel can be unusable
        let many = TIFFFinding.badSamplesPerPixel(page: 1, samples: 65_535, photometric: .rgb)
        let few = TIFFFinding.badSamplesPerPixel(page: 2, samples: 1, photometric: .rgb)
        let none = TIFFFinding.badSamplesPerPixel(page: 3, samples: 0, photometric: .minisblack)
        // Then each message quotes the value and the reason
        #expect(many.code == "bad-samples-per-pixel")
        #expect(
            many.message(in: .en)
                == "page 1 says each pixel has 65,535 samples (SamplesPerPixel); photometric interpretation rgb uses 3; no scan has more than 16"
        )
        #expect(
            many.message(in: .vi)
                == "trang 1 ghi mỗi điểm ảnh có 65.535 mẫu (SamplesPerPixel); kiểu màu rgb dùng 3; không ảnh quét nào có quá 16 mẫu"
        )
        #expect(
            few.message(in: .en)
                == "page 2 says each pixel has 1 sample (SamplesPerPixel), but photometric interpretation rgb needs 3")
        #expect(few.message(in: .vi) == "trang 2 ghi mỗi điểm ảnh có 1 mẫu (SamplesPerPixel), nhưng kiểu màu rgb cần 3")
        #expect(
            none.message(in: .en) == "page 3 says each pixel has 0 samples (SamplesPerPixel): there is no image to read"
        )
        #expect(none.message(in: .vi) == "trang 3 ghi mỗi điểm ảnh có 0 mẫu (SamplesPerPixel): không có ảnh nào để đọc")
    }

    @Test func anRGBAPageIsNotAbsurd() throws {
        // Given an RGB page with an alpha sample (4 samples)
        var page = FixturePage.rgb
        page.samplesPerPixel = 4
        // When it is read
        let result = try read([page])
        // Then SamplesPerPixel is not a finding (the colour mode, rgba32, is for profiles to judge)
        #expect(!result.findings.contains { $0.code == "bad-samples-per-pixel" })
        #expect(result.pages.first?.colourMode == .rgba32)
    }

    // MARK: SampleFormat

    struct SampleFormatCase: Sendable, CustomTestStringConvertible {
        var format: Int32?
        var bits: UInt16
        var samples: UInt16
        var photometric: Int32
        var expected: TIFFColourMode
        var testDescription: String { expected.rawValue }
    }

    @Test(arguments: [
        SampleFormatCase(
            format: SAMPLEFORMAT_IEEEFP, bits: 32, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgbFloat32),
        SampleFormatCase(
            format: SAMPLEFORMAT_IEEEFP, bits: 16, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgbFloat16),
        SampleFormatCase(
            format: SAMPLEFORMAT_INT, bits: 8, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgbInt8),
        SampleFormatCase(
            format: SAMPLEFORMAT_INT, bits: 16, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgbInt16),
        SampleFormatCase(
            format: SAMPLEFORMAT_INT, bits: 16, samples: 1, photometric: PHOTOMETRIC_MINISBLACK, expected: .grayInt16),
        SampleFormatCase(
            format: SAMPLEFORMAT_IEEEFP, bits: 32, samples: 1, photometric: PHOTOMETRIC_MINISBLACK,
            expected: .grayFloat32),
        SampleFormatCase(
            format: SAMPLEFORMAT_INT, bits: 8, samples: 1, photometric: PHOTOMETRIC_MINISWHITE, expected: .grayInt8),
        SampleFormatCase(
            format: SAMPLEFORMAT_IEEEFP, bits: 32, samples: 4, photometric: PHOTOMETRIC_RGB, expected: .other),
        SampleFormatCase(
            format: SAMPLEFORMAT_UINT, bits: 8, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgb24),
        SampleFormatCase(format: nil, bits: 16, samples: 3, photometric: PHOTOMETRIC_RGB, expected: .rgb48),
    ])
    func sampleFormatJoinsTheColourMode(_ example: SampleFormatCase) throws {
        // Given a page written with a SampleFormat (or none)
        var page = FixturePage.rgb
        page.bitsPerSample = example.bits
        page.samplesPerPixel = example.samples
        page.photometric = example.photometric
        page.sampleFormat = example.format
        // When it is read
        let result = try read([page])
        // Then the colour mode names the sample format too, and the sound page has no finding
        #expect(result.findings == [])
        #expect(result.pages.first?.colourMode == example.expected)
        #expect(result.pages.first?.sampleFormatCode == example.format.map(UInt16.init))
    }

    @Test func floatAndSignedMastersFailBothBuiltInProfilesWithAPlainReason() throws {
        // Given a 32-bit floating-point RGB master and a 16-bit signed gray one
        var float = FixturePage.rgb
        float.bitsPerSample = 32
        float.sampleFormat = SAMPLEFORMAT_IEEEFP
        var signed = FixturePage.gray8
        signed.bitsPerSample = 16
        signed.sampleFormat = SAMPLEFORMAT_INT
        let floatResult = try read([float])
        let signedResult = try read([signed])
        // When they are checked
        let vn = QualityProfile.vn2025.check(floatResult)
        let nara = QualityProfile.naraTextual.check(signedResult)
        // Then both fail on colour mode, and the reason says what the samples are and what the profile means
        #expect(vn.map(\.code) == ["colour-mode"])
        #expect(QualityProfile.naraTextual.check(floatResult).map(\.code) == ["colour-mode"])
        #expect(nara.map(\.code) == ["colour-mode"])
        #expect(QualityProfile.vn2025.check(signedResult).map(\.code) == ["colour-mode"])
        #expect(
            vn.first?.message(in: .en)
                == "colour mode rgb-float32 (RGB colour, 32-bit floating-point samples); profile vn-2025 accepts only rgb24, rgb48, whose samples are unsigned integers"
        )
        #expect(
            vn.first?.message(in: .vi)
                == "chế độ màu rgb-float32 (màu RGB, mẫu là số thực dấu phẩy động 32 bit); chuẩn vn-2025 chỉ chấp nhận rgb24, rgb48, là các chế độ mẫu số nguyên không dấu"
        )
        #expect(
            nara.first?.message(in: .en)
                == "colour mode gray-int16 (gray, 16-bit signed integer samples); profile nara-textual accepts only gray8, rgb24, whose samples are unsigned integers"
        )
        #expect(
            nara.first?.message(in: .vi)
                == "chế độ màu gray-int16 (xám, mẫu là số nguyên có dấu 16 bit); chuẩn nara-textual chỉ chấp nhận gray8, rgb24, là các chế độ mẫu số nguyên không dấu"
        )
    }

    @Test func aCustomProfileMayAllowFloatingPoint() throws {
        // Given a profile that names rgb-float32
        let profile = try QualityProfile.parse("name = hdr\nmin_dpi = 300\ncolour = rgb-float32\ncompression = none\n")
        var float = FixturePage.rgb
        float.bitsPerSample = 32
        float.sampleFormat = SAMPLEFORMAT_IEEEFP
        // Then a float master passes it, and an ordinary rgb24 one does not
        #expect(profile.check(try read([float])) == [])
        #expect(profile.check(try read([.rgb])).map(\.code) == ["colour-mode"])
    }

    // MARK: Page chain

    @Test func aLoopedPageChainKeepsItsPagesButFailsQC() throws {
        // Given two pages whose chain points from page 2 back to page 1
        let result = try read([.rgb, .gray8], loopBackTo: 1)
        // Then both pages are kept, the finding says where the chain goes, and the master is readable
        #expect(result.pageCount == 2)
        #expect(result.findings == [.directoryLoop(page: 2, backTo: 1)])
        #expect(result.isReadable)
        let finding = try #require(result.findings.first)
        #expect(finding.code == "directory-loop")
        #expect(!finding.isFatal && finding.needsReview)
        #expect(
            finding.message(in: .en)
                == "broken page chain: after page 2, the chain of image directories (IFDs) points back to page 1; the 2 pages before the loop were read, check that no page is missing"
        )
        #expect(
            finding.message(in: .vi)
                == "chuỗi trang bị hỏng: sau trang 2, chuỗi thư mục ảnh (IFD) trỏ ngược về trang 1; đã đọc được 2 trang trước vòng lặp, cần kiểm tra xem có thiếu trang nào không"
        )
        // and it fails QC with that finding as its only reason, on its own page
        let problems = QualityProfile.naraTextual.check(result)
        #expect(problems == [.needsReview(.directoryLoop(page: 2, backTo: 1))])
        #expect(problems.first?.page == 2)
        #expect(problems.first?.message(in: .en) == finding.message(in: .en))
    }

    @Test(arguments: [false, true])
    func aPageLoopingOntoItselfIsFoundInBigTIFFToo(bigTIFF: Bool) throws {
        // Given one page whose next-directory pointer points at itself
        let result = try read([.rgb], bigTIFF: bigTIFF, loopBackTo: 1)
        // Then its one page is kept
        #expect(result.findings == [.directoryLoop(page: 1, backTo: 1)])
        #expect(result.pageCount == 1 && result.isReadable)
        #expect(result.findings.first?.message(in: .en).contains("the 1 page before the loop was read") == true)
    }

    // MARK: Resolution

    @Test func aZeroResolutionIsSaidToBeZero() throws {
        // Given a page whose XResolution is 0
        var page = FixturePage.rgb
        page.damage = [.resolution(x: 0, y: 300)]
        let result = try read([page])
        // Then the finding says it is 0, not that it is missing, and the dpi is unknown
        #expect(result.findings == [.zeroResolution(page: 1, x: 0, y: 300)])
        let finding = try #require(result.findings.first)
        #expect(finding.code == "zero-resolution")
        #expect(
            finding.message(in: .en)
                == "page 1 gives its resolution as 0 (XResolution 0, YResolution 300), so its dpi is unknown")
        #expect(
            finding.message(in: .vi)
                == "trang 1 ghi độ phân giải bằng 0 (XResolution 0, YResolution 300), nên không biết bao nhiêu dpi")
        #expect(result.isReadable)
        #expect(result.pages.first?.dotsPerInch == TIFFDotsPerInch(x: nil, y: 300))
        // and QC fails with a reason of its own
        let problems = QualityProfile.vn2025.check(result)
        #expect(problems.map(\.code) == ["zero-dpi"])
        #expect(problems.first?.message(in: .en) == "resolution is 0; profile vn-2025 needs ≥ 200 dpi")
        #expect(problems.first?.message(in: .vi) == "độ phân giải ghi bằng 0; chuẩn vn-2025 yêu cầu ≥ 200 dpi")
    }

    @Test func dotsPerInchEncodeBothAxesWithNullWhenUnknown() throws {
        // Given a page at 118.11 dots per centimetre, and one without a unit
        var metric = QualityProfileTests.goodPage
        metric.xResolution = 100
        metric.yResolution = 200
        metric.resolutionUnit = .centimetre
        var unitless = metric
        unitless.resolutionUnit = .none
        // When their dpi is encoded
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // Then both axes are always there, null when unknown
        #expect(String(decoding: try encoder.encode(metric.dotsPerInch), as: UTF8.self) == #"{"x":254,"y":508}"#)
        #expect(String(decoding: try encoder.encode(unitless.dotsPerInch), as: UTF8.self) == #"{"x":null,"y":null}"#)
    }

    // MARK: libtiff's warnings

    @Test func libtiffWarningsAreKeptOnceEachWithoutThePath() throws {
        // Given two single-strip pages whose byte counts are 0, which libtiff warns about for each page
        var page = FixturePage.rgb
        page.damage = [.byteCount(index: 1, to: 0)]
        let path = directory.file("warned.tif")
        try FixtureWriter.write([page, page], to: path)
        // When it is read
        let result = TIFFReader.read(path: path)
        // Then libtiff's warning is kept once, in its own words, without the path
        #expect(
            result.libtiffWarnings == [
                #"TIFFReadDirectory: Bogus "StripByteCounts" field, ignoring and calculating from imagelength"#
            ])
        #expect(!result.libtiffWarnings.contains { $0.contains(path) })
        // and a sound master has none
        #expect(try read([.rgb]).libtiffWarnings == [])
    }
}
