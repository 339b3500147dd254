import CLibTIFF
import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

/// Kinds of broken input an operator may drop into the scans folder.
enum BadInput: String, CaseIterable, Sendable {
    case empty, png, jpeg, pdf, gif, text, randomBytes, zeros, tooShort
    case truncatedData, truncatedDirectory, firstIFDPastEnd, secondIFDPastEnd
    case selfLoop, twoPageLoop, garbledIFD, wrongByteOrder, hugeEntryCount, tooManyPages
    case directory, missing, characterDevice, fifo

    /// The finding code the reader must give, as the file's only finding.
    var expectedCode: String {
        switch self {
        case .empty: return "empty"
        case .png, .jpeg, .pdf, .gif, .text, .randomBytes, .zeros: return "not-tiff"
        case .tooShort: return "too-short"
        case .truncatedData: return "truncated"
        case .truncatedDirectory, .firstIFDPastEnd: return "directory-outside-file"
        case .secondIFDPastEnd, .garbledIFD, .hugeEntryCount: return "unreadable-directory"
        case .selfLoop, .twoPageLoop: return "directory-loop"
        case .wrongByteOrder: return "wrong-byte-order"
        case .tooManyPages: return "too-many-pages"
        case .directory: return "is-directory"
        case .missing: return "not-found"
        case .characterDevice, .fifo: return "not-regular-file"
        }
    }

    /// Whether the pages read before the problem stay readable: a looped page chain loses no page.
    var keepsItsPages: Bool { self == .selfLoop || self == .twoPageLoop }

    /// Options to read with (a low page limit for `tooManyPages`).
    var options: TIFFReadOptions {
        self == .tooManyPages ? TIFFReadOptions(maxPages: 10) : TIFFReadOptions()
    }

    /// Creates the broken input in `directory` and returns its path.
    func make(in directory: TemporaryDirectory) throws -> String {
        let name = rawValue + ".tif"
        switch self {
        case .empty:
            return try directory.write(name, [])
        case .png:
            return try directory.write(
                name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array(repeating: 1, count: 40))
        case .jpeg:
            return try directory.write(
                name, [0xFF, 0xD8, 0xFF, 0xE0, 0, 16] + Array("JFIF".utf8) + Array(repeating: 0, count: 40))
        case .pdf:
            return try directory.write(name, Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".utf8))
        case .gif:
            return try directory.write(name, Array("GIF89a".utf8) + Array(repeating: 0, count: 40))
        case .text:
            return try directory.write(name, Array("Biên bản họp ngày 12/3/1998\nHồ sơ số 01\n".utf8))
        case .randomBytes:
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15
            let bytes = (0..<4096).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 56)
            }
            return try directory.write(name, [0x13, 0x37] + bytes)
        case .zeros:
            return try directory.write(name, Array(repeating: 0, count: 4096))
        case .tooShort:
            return try directory.write(name, [0x49, 0x49, 0x2A, 0x00])
        case .truncatedData:
            let tiff = MiniTIFF(width: 64, height: 64)
            return try directory.write(name, Array(tiff.bytes.prefix(tiff.dataOffsets[0] + 100)))
        case .truncatedDirectory:
            let path = directory.file(name)
            try FixtureWriter.write([.rgb], to: path)
            let bytes = try directory.read(name)
            return try directory.write(name, Array(bytes.prefix(bytes.count / 2)))
        case .firstIFDPastEnd:
            var tiff = MiniTIFF()
            tiff.set32(at: 4, 1_000_000)
            return try directory.write(name, tiff.bytes)
        case .secondIFDPastEnd:
            var tiff = MiniTIFF(pages: 2)
            tiff.set32(at: tiff.directoryOffsets[0] + 2 + 12 * 12, 10_000_000)
            return try directory.write(name, tiff.bytes)
        case .selfLoop:
            return try directory.write(name, MiniTIFF(pages: 1, loopBackTo: 0).bytes)
        case .twoPageLoop:
            return try directory.write(name, MiniTIFF(pages: 2, loopBackTo: 0).bytes)
        case .garbledIFD:
            var tiff = MiniTIFF()
            let start = tiff.directoryOffsets[0] + 2
            for index in start..<(start + 12 * 12) {
                tiff.bytes[index] = UInt8(truncatingIfNeeded: index &* 151 &+ 0xA5)
            }
            return try directory.write(name, tiff.bytes)
        case .wrongByteOrder:
            let path = directory.file(name)
            try FixtureWriter.write([.gray8], to: path)
            var bytes = try directory.read(name)
            bytes[0] = 0x4D
            bytes[1] = 0x4D
            return try directory.write(name, bytes)
        case .hugeEntryCount:
            var tiff = MiniTIFF()
            tiff.set16(at: tiff.directoryOffsets[0], 0xFFFF)
            return try directory.write(name, tiff.bytes)
        case .tooManyPages:
            let path = directory.file(name)
            try FixtureWriter.write(Array(repeating: .bilevel, count: 12), to: path)
            return path
        case .directory:
            let path = directory.file(name)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            return path
        case .missing:
            return directory.file(name)
        case .characterDevice:
            return "/dev/null"
        case .fifo:
            let path = directory.file(name)
            guard mkfifo(path, 0o600) == 0 else { throw FixtureError(description: "mkfifo failed") }
            return path
        }
    }
}

@Suite struct BadInputTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    @Test(arguments: BadInput.allCases)
    func givesOneClearFinding(_ input: BadInput) throws {
        // Given a broken input
        let path = try input.make(in: directory)
        // When it is read
        let result = TIFFReader.read(path: path, options: input.options)
        // Then it has exactly one finding, of the expected kind, with messages in both languages
        #expect(result.findings.map(\.code) == [input.expectedCode], "\(result.findings.map { $0.message(in: .en) })")
        // and it is unreadable, but for a broken page chain, whose pages are intact (it fails QC instead)
        #expect(result.isReadable == input.keepsItsPages)
        for finding in result.findings {
            #expect(!finding.message(in: .vi).isEmpty)
            #expect(finding.message(in: .vi) != finding.message(in: .en))
        }
    }

    @Test func namesWhatARenamedFileReallyIs() throws {
        // Given a PNG renamed .tif
        let path = try BadInput.png.make(in: directory)
        // When it is read
        let finding = try #require(TIFFReader.read(path: path).findings.first)
        // Then the message names the magic number and the format
        #expect(finding.message(in: .vi) == "không phải tệp TIFF (tệp bắt đầu bằng 89 50 4E 47: PNG)")
        #expect(finding.message(in: .en) == "not a TIFF file (starts with 89 50 4E 47: PNG)")
    }

    @Test(arguments: [
        (BadInput.png, FileKind.png), (.jpeg, .jpeg), (.pdf, .pdf), (.gif, .gif), (.text, .text),
        (.zeros, .zeros), (.randomBytes, .unknown),
    ])
    func recognisesMagicNumbers(_ input: BadInput, _ kind: FileKind) throws {
        // Given a file that is not a TIFF
        let path = try input.make(in: directory)
        // When it is read
        let finding = TIFFReader.read(path: path).findings.first
        // Then the kind is recognised
        guard case .notTIFF(_, let found) = finding else {
            Issue.record("expected notTIFF, got \(String(describing: finding))")
            return
        }
        #expect(found == kind)
    }

    @Test func libtiffDetailLeavesOutThePath() throws {
        // Given a master whose second directory lies past the end
        let path = try BadInput.secondIFDPastEnd.make(in: directory)
        // When it is read
        let finding = TIFFReader.read(path: path).findings.first
        // Then libtiff's words are kept, without the path the caller already knows: the error it stopped at first,
        // what it logged before after it (issue 21, item 8)
        #expect(
            finding?.message(in: .en)
                == "cannot read the image directory (IFD) of page 2: TIFFReadDirectory: Failed to read directory at offset 10000000 (TIFFFetchDirectory: Can not read TIFF directory count)"
        )
    }

    @Test(arguments: [
        ([0x42, 0x4D, 0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0], FileKind.bmp),
        (Array("BMW 320i service notes".utf8), .text),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0], .zip),
        (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8), .webp),
        ([0xFF, 0x4F, 0xFF, 0x51], .jpeg2000),
        (Array("Hồ sơ".utf8.prefix(3)), .text),
        ([0x01, 0x02, 0x03], .unknown),
    ])
    func namesOtherSignatures(_ bytes: [UInt8], _ kind: FileKind) {
        // Given the first bytes of a file
        // Then the kind is named (a cut-off UTF-8 character still counts as text)
        #expect(FileKind(signature: bytes) == kind)
    }

    @Test func truncatedDataIsMeasuredAgainstTheFileSize() throws {
        // Given a master whose directory survives but whose pixels were cut short
        let path = try BadInput.truncatedData.make(in: directory)
        // When it is read
        let result = TIFFReader.read(path: path)
        // Then the page is described and the finding says how far the data should run
        let tiff = MiniTIFF(width: 64, height: 64)
        #expect(result.pageCount == 1)
        #expect(
            result.findings == [
                .truncated(
                    page: 1, dataEnd: UInt64(tiff.dataOffsets[0] + 64 * 64), fileSize: UInt64(tiff.dataOffsets[0] + 100)
                )
            ])
    }

    @Test func oneMissingByteIsEnoughToBeTruncated() throws {
        // Given a sound master, and the same master without its last byte
        let tiff = MiniTIFF()
        let whole = try directory.write("whole.tif", tiff.bytes)
        let short = try directory.write("short.tif", Array(tiff.bytes.dropLast()))
        // Then the first is sound and the second truncated
        #expect(TIFFReader.read(path: whole).findings == [])
        #expect(TIFFReader.read(path: short).findings.map(\.code) == ["truncated"])
    }

    @Test func truncatedSecondPageIsFound() throws {
        // Given a two-page master cut inside the second page's data (its directory comes first)
        let tiff = MiniTIFF(pages: 2, width: 32, height: 32)
        let path = try directory.write("cut.tif", Array(tiff.bytes.prefix(tiff.dataOffsets[1] + 10)))
        // When it is read
        let result = TIFFReader.read(path: path)
        // Then page 2 is the truncated one
        #expect(result.pageCount == 2)
        #expect(result.findings.map(\.code) == ["truncated"])
        #expect(result.findings.first?.page == 2)
    }

    @Test(arguments: [
        (EACCES, TIFFFinding.permissionDenied), (EPERM, .permissionDenied), (ENOENT, .notFound), (EISDIR, .isDirectory),
    ])
    func mapsOpenErrors(_ code: Int32, _ expected: TIFFFinding) {
        // Given an errno from open(2) (root cannot be refused by chmod, so the mapping is tested directly)
        // Then it maps to the finding
        #expect(TIFFReader.openFinding(errno: code) == expected)
    }

    @Test func otherOpenErrorsKeepTheirErrno() {
        // Given an unusual errno
        let finding = TIFFReader.openFinding(errno: EMFILE)
        // Then the finding keeps it and says it
        #expect(finding.code == "cannot-open")
        #expect(finding.message(in: .en).contains("errno \(EMFILE)"))
    }

    @Test(.enabled(if: geteuid() != 0, "root may read any file"))
    func unreadablePermissionsAreAFinding() throws {
        // Given a master nobody may read
        let path = directory.file("locked.tif")
        try FixtureWriter.write([.gray8], to: path)
        chmod(path, 0)
        // Then reading it reports permission denied
        #expect(TIFFReader.read(path: path).findings == [.permissionDenied])
    }

    // That libtiff prints nothing to stderr is checked end to end, in a child process whose stderr is
    // its own (khoTests, EndToEndScanTests): capturing this process's stderr races with the tests running beside it.
}
