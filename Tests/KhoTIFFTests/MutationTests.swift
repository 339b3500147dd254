import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoTIFF

/// Damaged copies of a sound two-page master written by libtiff: each kind of damage gives the finding that names it,
/// a shortened copy is never read as sound, damage inside the pixel data leaves the reading alone (fixity, not the
/// reader, sees that), and no random damage crashes or hangs the reader.
@Suite(.tags(.slow)) struct MutationTests {
    /// The sound master's folder and bytes.
    func sound(bigTIFF: Bool) throws -> (TemporaryDirectory, [UInt8]) {
        let directory = try TemporaryDirectory()
        try FixtureWriter.write([.rgb, .gray8], to: directory.file("sound.tif"), bigTIFF: bigTIFF)
        return (directory, try directory.read("sound.tif"))
    }

    /// Where the first directory's next-directory pointer lies in a little-endian master's `bytes`.
    func firstNextPointer(_ bytes: [UInt8], bigTIFF: Bool) -> Range<Int> {
        func integer(_ at: Int, _ size: Int) -> Int { (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let first = bigTIFF ? integer(8, 8) : integer(4, 4)
        let entries = bigTIFF ? integer(first, 8) : integer(first, 2)
        let start = first + (bigTIFF ? 8 + entries * 20 : 2 + entries * 12)
        return start..<(start + (bigTIFF ? 8 : 4))
    }

    /// The codes of the findings of `bytes`, written to `name` and read.
    func codes(_ directory: TemporaryDirectory, _ name: String, _ bytes: [UInt8]) throws -> [String] {
        TIFFReader.read(path: try directory.write(name, bytes)).findings.map(\.code)
    }

    @Test(arguments: [false, true])
    func eachGarbledHeaderFieldGivesItsOwnFinding(bigTIFF: Bool) throws {
        // Given a sound master (little-endian) that reads without findings
        let (directory, bytes) = try sound(bigTIFF: bigTIFF)
        #expect(try codes(directory, "sound-again.tif", bytes) == [])
        // (the first directory's offset, little-endian, at byte 4 or 8)
        let offsetAt = bigTIFF ? 8 : 4
        let offsetSize = bigTIFF ? 8 : 4
        func offset(_ value: Int) -> [Int: UInt8] {
            Dictionary(
                uniqueKeysWithValues: (0..<offsetSize).map {
                    (offsetAt + $0, UInt8(truncatingIfNeeded: value >> (8 * $0)))
                })
        }
        let damages: [(name: String, patch: [Int: UInt8], code: String)] = [
            ("byte order garbled", [0: 0x58, 1: 0x58], "not-tiff"),
            ("byte order swapped", [0: 0x4D, 1: 0x4D], "wrong-byte-order"),
            ("version garbled", [2: 7, 3: 0], "not-tiff"),
            ("first directory past the end", offset(bytes.count + 100), "directory-outside-file"),
            ("first directory inside the header", offset(0), "directory-outside-file"),
        ]
        for (index, (name, patch, code)) in damages.enumerated() {
            // When one header field is damaged
            var mutated = bytes
            for (at, byte) in patch { mutated[at] = byte }
            // Then the reading has exactly the finding that names that damage
            #expect(try codes(directory, "h\(index).tif", mutated) == [code], "\(name)")
        }
    }

    @Test(arguments: [false, true])
    func everyCopyCutBeforeItsLastImageDataEndsHasAFindingOfTheMissingEnd(bigTIFF: Bool) throws {
        // Given a sound master, whose last page's image data ends before its last directory
        let (directory, bytes) = try sound(bigTIFF: bigTIFF)
        let dataEnd = Int(TIFFReader.read(path: directory.file("sound.tif")).pages.map(\.dataEnd).max() ?? 0)
        #expect(dataEnd > 0 && dataEnd < bytes.count)
        let headerSize = bigTIFF ? 16 : 8
        for step in 0...100 {
            // When it is cut to a length anywhere from 0 to its last image data's end
            let length = dataEnd * step / 100
            let found = try codes(directory, "c\(step).tif", Array(bytes.prefix(length)))
            // Then it is never read as sound, and the finding says what is missing
            if length == 0 {
                #expect(found == ["empty"])
            } else if length < 2 {
                #expect(found == ["not-tiff"])
            } else if length < headerSize {
                #expect(found == ["too-short"], "cut to \(length)")
            } else {
                #expect(!found.isEmpty, "cut to \(length) of \(bytes.count) bytes read as sound")
                #expect(found.allSatisfy(Self.shortening.contains), "cut to \(length): \(found)")
            }
        }
    }

    /// The findings a cut file may have: what is missing is a header, a directory, or image data.
    static let shortening = ["too-short", "directory-outside-file", "unreadable-directory", "truncated", "short-data"]

    @Test(arguments: [false, true])
    func aCopyCutInsideADirectoryOrAtItsEndIsNamedAsCut(bigTIFF: Bool) throws {
        // Given a sound master, whose first directory's next pointer leads to the second page, and whose last bytes
        // are its last directory's next pointer (BigTIFF) or a resolution value stored after it (classic TIFF)
        let (directory, bytes) = try sound(bigTIFF: bigTIFF)
        let pointer = firstNextPointer(bytes, bigTIFF: bigTIFF)
        // When it is cut in the middle of the first directory's next pointer, or by its last byte
        let cuts = [
            (name: "inside the first next pointer", length: pointer.lowerBound + 2, known: false),
            (name: "one byte short", length: bytes.count - 1, known: !bigTIFF),
        ]
        for (name, length, known) in cuts {
            let found = try codes(directory, "cut-\(length).tif", Array(bytes.prefix(length)))
            // Then it has a finding of the missing end (libtiff alone takes a cut next pointer for the end of the chain:
            // the BigTIFF copy cut inside it read as a sound ONE-page master). Known gap: the classic copy one byte
            // short, whose last bytes are a resolution value stored after its last directory, reads as a zero
            // resolution; when the reader learns it, the known issue fails: make that cut's `known` false.
            if known {
                withKnownIssue("a resolution value cut at the end of the file reads as zero, not as a cut") {
                    #expect(!found.isEmpty && found.allSatisfy(Self.shortening.contains), "\(name): \(found)")
                }
            } else {
                #expect(!found.isEmpty && found.allSatisfy(Self.shortening.contains), "\(name): \(found)")
            }
        }
    }

    @Test(arguments: [false, true])
    func garbledPixelDataLeavesTheReadingAlone(bigTIFF: Bool) throws {
        // Given a sound master and where its pages' image data lie
        let (directory, bytes) = try sound(bigTIFF: bigTIFF)
        let sound = TIFFReader.read(path: directory.file("sound.tif"))
        let ranges = sound.pages.map { Int($0.dataEnd - $0.dataBytes)..<Int($0.dataEnd) }
        #expect(ranges.count == 2 && ranges.allSatisfy { !$0.isEmpty })
        for (index, range) in ranges.enumerated() {
            // When every byte of one page's image data is inverted
            var mutated = bytes
            for k in range { mutated[k] = ~mutated[k] }
            let result = TIFFReader.read(path: try directory.write("p\(index).tif", mutated))
            // Then the reading is the sound one: the header reader does not judge pixels (the checksum does)
            #expect(result.findings == [])
            #expect(result.pages == sound.pages)
        }
    }

    @Test(arguments: [false, true])
    func garbledBytesNeverCrashOrHang(bigTIFF: Bool) throws {
        // Given a sound two-page master, and 400 copies with bytes overwritten at fixed-seed random places
        let (directory, bytes) = try sound(bigTIFF: bigTIFF)
        var state: UInt64 = bigTIFF ? 7 : 11
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for round in 0..<400 {
            var mutated = bytes
            for _ in 0..<(1 + next(8)) {
                mutated[next(mutated.count)] = UInt8(truncatingIfNeeded: next(256))
            }
            if round % 5 == 0 { mutated = Array(mutated.prefix(next(mutated.count))) }
            let path = try directory.write("m\(round).tif", mutated)
            // When each is read
            let result = TIFFReader.read(path: path)
            // Then it returns (no crash, no hang); a shortened copy always has a finding, and every finding has words
            if round % 5 == 0 { #expect(!result.findings.isEmpty, "round \(round)") }
            for finding in result.findings { #expect(!finding.message(in: .en).isEmpty) }
        }
    }
}
