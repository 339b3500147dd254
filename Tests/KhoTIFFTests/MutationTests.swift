import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoTIFF

@Suite(.tags(.slow)) struct MutationTests {
    @Test(arguments: [false, true])
    func garbledBytesNeverCrashOrGoUnnoticed(bigTIFF: Bool) throws {
        // Given a sound two-page master written by libtiff, and 400 copies with bytes overwritten at fixed-seed random places
        let directory = try TemporaryDirectory()
        let original = directory.file("sound.tif")
        try FixtureWriter.write([.rgb, .gray8], to: original, bigTIFF: bigTIFF)
        let bytes = try directory.read("sound.tif")
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
            // Then it returns (no crash, no hang) with either pages or a finding, and every finding has words
            #expect(!result.pages.isEmpty || !result.findings.isEmpty)
            for finding in result.findings { #expect(!finding.message(in: .en).isEmpty) }
        }
    }
}
