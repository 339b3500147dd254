import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

/// kho's verdicts on masters that libtiff corrects or refuses agree with libtiff's own reading (issue 21, item 8):
/// each case is checked against what `tiffinfo` and `tiffcp` (libtiff-tools) say about the same bytes.
@Suite struct LibTIFFAgreementTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    /// Runs a libtiff tool on `path`: its exit status and what it printed (stdout and stderr together).
    func libtiff(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aBogusStripByteCountLibTIFFCorrectsIsANoteNotATruncation() throws {
        // Given one uncompressed strip that is exactly the rest of the file, whose StripByteCounts says 35,711,440
        let path = try directory.write("wrong.tif", LibTIFFCases.bogusStripByteCount())
        // When kho reads it
        let result = TIFFReader.read(path: path)
        // Then it agrees with libtiff, which warns, reads the strip with the size of its rows and copies it whole
        let copy = try libtiff("tiffcp", [path, directory.file("copy.tif")])
        #expect(copy.status == 0, "\(copy.output)")
        #expect(copy.output.contains("Bogus \"StripByteCounts\""))
        #expect(result.findings == [])
        #expect(result.isReadable)
        #expect(result.pages.first?.dataBytes == 52 * 53 * 4)
        #expect(result.pages.first?.dataEnd == result.fileSize)
        // and libtiff's warning is kept as a note
        #expect(result.libtiffWarnings.contains { $0.contains("Bogus \"StripByteCounts\"") })
        #expect(QualityProfile.vn2025.check(result).map(\.code).contains("truncated") == false)
    }

    @Test func aStripByteCountLibTIFFDoesNotCorrectIsStillATruncation() throws {
        // Given a sound page whose last strip's count runs past the end of the file (two strips: libtiff keeps them)
        let strips: [Int: LibTIFFCases.Tag] = [
            273: LibTIFFCases.Tag(273, 4, [0, 128]), 278: LibTIFFCases.Tag(278, 4, [8]),
            279: LibTIFFCases.Tag(279, 4, [128, 4096]),
        ]
        let bytes = LibTIFFCases.file(pages: [
            (
                LibTIFFCases.tags(width: 16, height: 16, count: 128).map { strips[Int($0.tag)] ?? $0 },
                [UInt8](repeating: 9, count: 256)
            )
        ])
        let path = try directory.write("short.tif", bytes)
        // When kho reads it, then the truncation is a finding, as libtiff fails to copy the strip
        let result = TIFFReader.read(path: path)
        #expect(result.findings.map(\.code).contains("truncated"), "\(result.findings)")
        #expect(try libtiff("tiffcp", [path, directory.file("copy.tif")]).status != 0)
    }

    @Test func aTiledPageWhoseSGIDataTypeMakesSampleFormatVoidIsEightBitGray() throws {
        // Given a tiled 8-bit gray page with the obsolete SGI DataType tag (libtiff: SampleFormat "void")
        let path = try directory.write("sgi.tif", LibTIFFCases.sgiDataTypeTiled())
        let info = try libtiff("tiffinfo", [path])
        #expect(info.output.contains("Sample Format: void"), "\(info.output)")
        // When kho reads it, then it is 8-bit gray, as libtiff decodes it, and passes QC
        let result = TIFFReader.read(path: path)
        let page = try #require(result.pages.first)
        #expect(page.sampleFormatCode == 4)
        #expect(page.sampleFormat == .unsigned)
        #expect(page.colourMode == .gray8)
        // and QC judges it as the same page without the tag
        let plain = LibTIFFCases.file(pages: [
            (LibTIFFCases.tags(width: 16, height: 16, tiled: true, count: 256), [UInt8](repeating: 128, count: 256))
        ])
        let plainResult = TIFFReader.read(path: try directory.write("plain.tif", plain))
        #expect(QualityProfile.vn2025.check(result) == QualityProfile.vn2025.check(plainResult))
        #expect(try libtiff("tiffcp", [path, directory.file("copy.tif")]).status == 0)
    }

    @Test func yResolutionWithoutXResolutionIsMissingResolutionNotZero() throws {
        // Given a page with YResolution 300 and no XResolution (libtiff reads XResolution as 0)
        let path = try directory.write("y.tif", LibTIFFCases.yResolutionOnly())
        #expect(try libtiff("tiffinfo", [path]).output.contains("Resolution: 0, 300"))
        // When kho reads it, then the resolution is missing, not zero
        let result = TIFFReader.read(path: path)
        #expect(result.findings == [.missingResolution(page: 1)])
        #expect(result.pages.first?.xResolution == nil)
        #expect(result.pages.first?.yResolution == 300)
    }

    @Test func aZeroXResolutionIsStillZeroResolution() throws {
        // Given a page whose XResolution is written as 0/1
        let bytes = LibTIFFCases.file(pages: [
            (
                LibTIFFCases.tags(width: 16, height: 16, count: 256).map {
                    $0.tag == 282 ? LibTIFFCases.Tag(282, 5, [0, 1]) : $0
                }, [UInt8](repeating: 200, count: 256)
            )
        ])
        let result = TIFFReader.read(path: try directory.write("zero.tif", bytes))
        // Then it is the zero-resolution finding
        #expect(result.findings == [.zeroResolution(page: 1, x: 0, y: 300)])
    }

    @Test func anUnreadableDirectoryQuotesTheErrorLibTIFFStoppedAt() throws {
        // Given a sound page whose next directory has a count of 60,000
        let path = try directory.write("chain.tif", LibTIFFCases.unreadableSecondDirectory())
        let info = try libtiff("tiffinfo", [path])
        let lines = info.output.split(separator: "\n").filter { $0.hasPrefix("TIFF") && $0.contains(":") }
        #expect(lines.last?.contains("Failed to read directory at offset") == true, "\(info.output)")
        // When kho reads it
        let result = TIFFReader.read(path: path)
        // Then page 2's finding quotes the error libtiff stopped at first, and what it logged before after it
        guard case .unreadableDirectory(let page, let detail)? = result.findings.last else {
            Issue.record("no unreadable directory: \(result.findings)")
            return
        }
        #expect(page == 2)
        #expect(detail.hasPrefix("TIFFReadDirectory: Failed to read directory at offset"), "\(detail)")
        #expect(detail.contains("(TIFFFetchDirectory: Sanity check on directory count failed"), "\(detail)")
        #expect(result.pages.count == 1)
    }
}
