import CLibTIFF
import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

@Suite struct QualityProfileTests {
    /// A page that passes vn-2025: 300 dpi, 24-bit colour, uncompressed.
    static let goodPage = TIFFPage(
        number: 1, width: 2480, height: 3508, bitsPerSample: 8, samplesPerPixel: 3,
        photometricCode: UInt16(PHOTOMETRIC_RGB), compressionCode: UInt16(COMPRESSION_NONE),
        xResolution: 300, yResolution: 300, resolutionUnit: .inch, isTiled: false, iccProfileBytes: 0)

    static func file(_ pages: [TIFFPage], findings: [TIFFFinding] = []) -> TIFFFileResult {
        TIFFFileResult(
            path: "H0001/01/0001.tif", fileSize: 100, format: .classic, byteOrder: .littleEndian, pages: pages,
            findings: findings)
    }

    @Test func builtInProfilesSayWhatTheRulesSay() {
        // Given the built-in profiles
        let vn = QualityProfile.vn2025
        let nara = QualityProfile.naraTextual
        // Then their rules are as documented
        #expect(QualityProfile.default == vn)
        #expect(vn.name == "vn-2025" && vn.minimumDPI == 200)
        #expect(vn.colourModes == [.rgb24, .rgb48])
        #expect(vn.compressions == [.none, .lzw, .deflate])
        #expect(nara.name == "nara-textual" && nara.minimumDPI == 300)
        #expect(nara.colourModes == [.gray8, .rgb24])
        #expect(nara.compressions == [.none, .deflate])
        #expect(QualityProfile.builtIn(named: "nara-textual") == nara)
        #expect(QualityProfile.builtIn(named: "nope") == nil)
    }

    @Test func aGoodPagePassesBothProfiles() {
        // Given a 300 dpi 24-bit uncompressed page
        let file = Self.file([Self.goodPage])
        // Then neither profile finds a problem
        #expect(QualityProfile.vn2025.check(file) == [])
        #expect(QualityProfile.naraTextual.check(file) == [])
    }

    struct RuleCase: Sendable, CustomTestStringConvertible {
        var name: String
        var profile: QualityProfile
        var change: @Sendable (inout TIFFPage) -> Void
        var expected: [String]
        var testDescription: String { "\(profile.name): \(name)" }
    }

    @Test(arguments: [
        RuleCase(
            name: "150 dpi fails", profile: .vn2025,
            change: {
                $0.xResolution = 150
                $0.yResolution = 150
            }, expected: ["low-dpi"]),
        RuleCase(
            name: "200 dpi passes", profile: .vn2025,
            change: {
                $0.xResolution = 200
                $0.yResolution = 200
            }, expected: []),
        RuleCase(
            name: "200 dpi fails", profile: .naraTextual,
            change: {
                $0.xResolution = 200
                $0.yResolution = 200
            }, expected: ["low-dpi"]),
        RuleCase(name: "one axis low fails", profile: .vn2025, change: { $0.yResolution = 199 }, expected: ["low-dpi"]),
        RuleCase(
            name: "118.11 dpcm passes", profile: .naraTextual,
            change: {
                $0.xResolution = 118.11
                $0.yResolution = 118.11
                $0.resolutionUnit = .centimetre
            }, expected: []),
        RuleCase(
            name: "no unit fails", profile: .vn2025, change: { $0.resolutionUnit = .none }, expected: ["unknown-dpi"]),
        RuleCase(
            name: "no resolution fails", profile: .vn2025, change: { $0.xResolution = nil }, expected: ["unknown-dpi"]),
        RuleCase(
            name: "gray8 fails", profile: .vn2025,
            change: {
                $0.samplesPerPixel = 1
                $0.photometricCode = 1
            }, expected: ["colour-mode"]),
        RuleCase(
            name: "gray8 passes", profile: .naraTextual,
            change: {
                $0.samplesPerPixel = 1
                $0.photometricCode = 1
            }, expected: []),
        RuleCase(name: "rgb48 passes", profile: .vn2025, change: { $0.bitsPerSample = 16 }, expected: []),
        RuleCase(
            name: "rgb48 fails", profile: .naraTextual, change: { $0.bitsPerSample = 16 }, expected: ["colour-mode"]),
        RuleCase(
            name: "bilevel fails", profile: .naraTextual,
            change: {
                $0.bitsPerSample = 1
                $0.samplesPerPixel = 1
                $0.photometricCode = 0
            }, expected: ["colour-mode"]),
        RuleCase(name: "lzw passes", profile: .vn2025, change: { $0.compressionCode = 5 }, expected: []),
        RuleCase(
            name: "lzw fails", profile: .naraTextual, change: { $0.compressionCode = 5 }, expected: ["compression"]),
        RuleCase(name: "adobe deflate passes", profile: .naraTextual, change: { $0.compressionCode = 8 }, expected: []),
        RuleCase(
            name: "jpeg fails", profile: .vn2025,
            change: {
                $0.compressionCode = 7
                $0.photometricCode = 6
            }, expected: ["compression"]),
        RuleCase(
            name: "jpeg fails", profile: .naraTextual, change: { $0.compressionCode = 7 }, expected: ["compression"]),
        RuleCase(
            name: "everything wrong", profile: .naraTextual,
            change: {
                $0.xResolution = 100
                $0.bitsPerSample = 16
                $0.compressionCode = 5
            }, expected: ["low-dpi", "colour-mode", "compression"]),
    ])
    func checksEachRule(_ example: RuleCase) {
        // Given a good page changed in one way
        var page = Self.goodPage
        example.change(&page)
        // When it is checked
        let problems = example.profile.check(Self.file([page]))
        // Then exactly the expected rules fail, on page 1
        #expect(problems.map(\.code) == example.expected)
        #expect(problems.allSatisfy { $0.page == 1 })
    }

    @Test func iccAndPageLimitRules() {
        // Given a profile that requires ICC and allows two pages
        let strict = QualityProfile(
            name: "strict", minimumDPI: 300, colourModes: [.rgb24], compressions: [.none], iccRequired: true,
            maximumPages: 2)
        var withICC = Self.goodPage
        withICC.iccProfileBytes = 3144
        // Then a page without ICC fails, one with ICC passes, and three pages are too many
        #expect(strict.check(Self.file([Self.goodPage])).map(\.code) == ["no-icc-profile"])
        #expect(strict.check(Self.file([withICC])) == [])
        #expect(strict.check(Self.file([withICC, withICC, withICC])).map(\.code) == ["too-many-pages"])
    }

    @Test func unreadableFilesNeverPass() {
        // Given a file that is not a TIFF, and one truncated after its page was read
        let png = Self.file([], findings: [.notTIFF(signature: [0x89, 0x50, 0x4E, 0x47], kind: .png)])
        let cut = Self.file([Self.goodPage], findings: [.truncated(page: 1, dataEnd: 200, fileSize: 100)])
        // Then both fail, with the finding as the reason
        #expect(QualityProfile.vn2025.check(png).map(\.code) == ["not-tiff"])
        #expect(QualityProfile.vn2025.check(cut).map(\.code) == ["truncated"])
        #expect(QualityProfile.vn2025.check(Self.file([])).map(\.code) == ["no-pages"])
    }

    @Test func reasonsReadLikeAPersonWroteThem() {
        // Given a 150 dpi page
        var page = Self.goodPage
        page.xResolution = 150
        page.yResolution = 150
        // When it is checked against vn-2025
        let problem = QualityProfile.vn2025.check(Self.file([page]))[0]
        // Then the reason says it in both languages
        #expect(problem.message(in: .en) == "150 dpi; profile vn-2025 needs ≥ 200")
        #expect(problem.message(in: .vi) == "150 dpi; chuẩn vn-2025 yêu cầu ≥ 200 dpi")
        #expect(problem.message() == problem.message(in: .vi))
        var gray = Self.goodPage
        gray.samplesPerPixel = 1
        gray.photometricCode = 1
        #expect(
            QualityProfile.vn2025.check(Self.file([gray]))[0].message(in: .en)
                == "colour mode gray8 (8-bit gray); profile vn-2025 accepts only rgb24, rgb48")
    }

    @Test func checksRealFilesEndToEnd() throws {
        // Given a two-page master written by libtiff: a good page and a 150 dpi gray LZW page
        let directory = try TemporaryDirectory()
        var bad = FixturePage.gray8
        bad.xResolution = 150
        bad.yResolution = 150
        bad.compression = COMPRESSION_LZW
        let path = directory.file("two.tif")
        try FixtureWriter.write([.rgb, bad], to: path)
        // When it is read and checked against nara-textual
        let problems = QualityProfile.naraTextual.check(TIFFReader.read(path: path))
        // Then only page 2 fails, for dpi and compression
        #expect(problems.map(\.code) == ["low-dpi", "compression"])
        #expect(problems.map(\.page) == [2, 2])
    }

    @Test func profileIsCodable() throws {
        // Given a built-in profile
        let data = try JSONEncoder().encode(QualityProfile.naraTextual)
        // Then it survives a JSON round trip
        #expect(try JSONDecoder().decode(QualityProfile.self, from: data) == .naraTextual)
    }

    @Test func aProfileEncodesItsSetsInDeclaredOrderEveryTime() throws {
        // Given a profile allowing every colour mode and compression (a Set: no order of its own)
        let profile = QualityProfile(
            name: "all", minimumDPI: 300, colourModes: Set(TIFFColourMode.allCases),
            compressions: Set(TIFFCompression.allCases))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // When it is encoded many times (each Set built anew, as each process does)
        let texts = try (0..<20).map { _ in
            var copy = profile
            copy.colourModes = Set(TIFFColourMode.allCases.shuffled())
            copy.compressions = Set(TIFFCompression.allCases.shuffled())
            return String(decoding: try encoder.encode(copy), as: UTF8.self)
        }
        // Then the text is always the same, the lists in the order the enums declare, and it decodes back
        #expect(Set(texts).count == 1)
        let decoded = try JSONSerialization.jsonObject(with: Data(texts[0].utf8)) as? [String: Any]
        #expect(decoded?["colourModes"] as? [String] == TIFFColourMode.allCases.map(\.rawValue))
        #expect(decoded?["compressions"] as? [String] == TIFFCompression.allCases.map(\.rawValue))
        #expect(try JSONDecoder().decode(QualityProfile.self, from: Data(texts[0].utf8)) == profile)
    }
}
