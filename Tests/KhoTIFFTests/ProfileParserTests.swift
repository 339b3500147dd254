import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

@Suite struct ProfileParserTests {
    @Test func parsesAGoodProfile() throws {
        // Given a profile file with comments, blank lines, spaces, CRLF and the "color" spelling
        let text = """
            # Maps and drawings: Circular 05/2025 asks ≥ 300 dpi
            name = maps-300\r
            min_dpi = 300

            color = RGB24, rgb48   # colour as the original
            compression = none, deflate, lzw
            icc_required = yes
            max_pages = 500
            """
        // When it is parsed
        let profile = try QualityProfile.parse(text)
        // Then every key is taken
        #expect(profile.name == "maps-300")
        #expect(profile.minimumDPI == 300)
        #expect(profile.colourModes == [.rgb24, .rgb48])
        #expect(profile.compressions == [.none, .deflate, .lzw])
        #expect(profile.iccRequired)
        #expect(profile.maximumPages == 500)
    }

    @Test func optionalKeysDefault() throws {
        // Given only the required keys, with spellings people use
        let profile = try QualityProfile.parse(
            "name=x\nmin_dpi=200.5\ncolour=gray8\ncompression=uncompressed, zip, g4\n")
        // Then ICC is not required and pages are unlimited
        #expect(profile.minimumDPI == 200.5)
        #expect(profile.compressions == [.none, .deflate, .ccittG4])
        #expect(!profile.iccRequired)
        #expect(profile.maximumPages == nil)
    }

    static let base = "name = p\nmin_dpi = 300\ncolour = gray8\ncompression = none\n"

    @Test(arguments: [
        (base + "dpi 300", ProfileParseError.missingEquals(line: 5, text: "dpi 300")),
        (base + "resolution = 300", .unknownKey(line: 5, key: "resolution")),
        (base + "max_pages =", .emptyValue(line: 5, key: "max_pages")),
        (base + "min_dpi = 400", .duplicateKey(line: 5, key: "min_dpi", firstLine: 2)),
        (
            "name = p\nmin_dpi = three hundred\ncolour = gray8\ncompression = none",
            .notANumber(line: 2, key: "min_dpi", value: "three hundred")
        ),
        (
            "name = p\nmin_dpi = -5\ncolour = gray8\ncompression = none",
            .notANumber(line: 2, key: "min_dpi", value: "-5")
        ),
        (
            "name = p\nmin_dpi = 300\ncolour = gray8, sepia\ncompression = none",
            .unknownColourMode(line: 3, value: "sepia")
        ),
        (
            "name = p\nmin_dpi = 300\ncolour = gray8\ncompression = none, jpeg2000",
            .unknownCompression(line: 4, value: "jpeg2000")
        ),
        (base + "icc_required = perhaps", .notYesOrNo(line: 5, key: "icc_required", value: "perhaps")),
        (base + "max_pages = 0", .notANumber(line: 5, key: "max_pages", value: "0")),
        ("name = hồ sơ\nmin_dpi = 300\ncolour = gray8\ncompression = none", .badName(line: 1, value: "hồ sơ")),
        ("# nothing but a name\nname = p\n", .missingKey(key: "min_dpi")),
    ])
    func namesTheBadLine(_ text: String, _ expected: ProfileParseError) {
        // Given a profile with one mistake
        // When it is parsed
        // Then the error names the line and what is wrong
        #expect(throws: expected) { try QualityProfile.parse(text) }
    }

    @Test func errorsSpeakBothLanguages() {
        // Given an unknown key on line 5
        let error = ProfileParseError.unknownKey(line: 5, key: "resolution")
        // Then both messages name the line and the key
        #expect(error.message(in: .vi).hasPrefix("dòng 5: khóa không hợp lệ «resolution»"))
        #expect(error.message(in: .en).hasPrefix("line 5: unknown key \"resolution\""))
        #expect(error.errorDescription == error.message(in: .vi))
        #expect(error.line == 5)
    }

    @Test func loadsFromAFile() throws {
        // Given a profile file on disk, and a path with nothing there
        let directory = try TemporaryDirectory()
        let path = try directory.write("p.profile", Array(Self.base.utf8))
        // Then the file loads and the missing one is a clear error
        #expect(try QualityProfile.load(path: path).name == "p")
        #expect(throws: ProfileParseError.self) { try QualityProfile.load(path: directory.file("none.profile")) }
    }

    @Test func resolvesBuiltInNamesAndPaths() throws {
        // Given a profile file, a built-in name and a name that is neither
        let directory = try TemporaryDirectory()
        let path = try directory.write("p.profile", Array(Self.base.utf8))
        // Then names and paths resolve, and the unknown one says what exists
        #expect(try QualityProfile.resolve("vn-2025") == .vn2025)
        #expect(try QualityProfile.resolve(path).name == "p")
        #expect(throws: ProfileParseError.unknownProfile(name: "vn-2019")) { try QualityProfile.resolve("vn-2019") }
        #expect(ProfileParseError.unknownProfile(name: "x").message(in: .en).contains("vn-2025, nara-textual"))
    }
}
