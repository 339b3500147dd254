import Foundation
import GRDB
import KhoEstimation
import KhoTestTags
import Testing

@testable import KhoKit

/// `kho estimate show` gives back exactly what `kho estimate --save` printed, as JSON and as text.
@Suite(.tags(.endToEnd)) struct SavedEstimateEndToEndTests {
    /// How `kho … --json` writes JSON (Printer.json): what the saved result must come back as, byte for byte.
    static func printed<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    @Test func showJSONGivesBackTheSavedResultByteForByte() throws {
        // Given an estimate saved with --json, which prints the result it saves
        let kho = try FixedCatalogue.make()
        let save = try kho.run(
            ["estimate"] + FixedCatalogue.estimateArgs + ["--save", "tỉnh 01/2025", "--by", "Thu", "--json"],
            env: FixedCatalogue.env)
        #expect(save.code == 0, "\(save.err)")
        // When it is shown as JSON, twice
        let shown = try kho.run(["estimate", "show", "tỉnh 01/2025", "--json"], env: FixedCatalogue.env)
        let again = try kho.run(["estimate", "show", "tỉnh 01/2025", "--json"], env: FixedCatalogue.env)
        #expect(shown.code == 0, "\(shown.err)")
        // Then both shows are the same bytes
        #expect(shown.out == again.out)
        // And the result inside, printed as kho prints JSON, is the very text the save printed
        let saved = try JSONDecoder().decode(SavedEstimate.self, from: Data(shown.out.utf8))
        let reprinted = try Self.printed(saved.result)
        #expect(reprinted == save.out, "\(GoldenDiff.unified(expected: save.out, actual: reprinted))")
        #expect(saved.name == "tỉnh 01/2025" && saved.actor == "Thu")
        #expect(saved.inputs.seed == 7 && saved.inputs.resamples == 200)
        // And the catalogue stores the same result (compact, keys sorted) as the one printed
        let stored = try DatabaseQueue(path: kho.db).read { db in
            try String.fetchOne(
                db, sql: "SELECT result FROM saved_estimate WHERE name = ?", arguments: ["tỉnh 01/2025"])
        }
        let printedResult = try JSONDecoder().decode(EstimateResult.self, from: Data(save.out.utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(stored == String(decoding: try encoder.encode(printedResult), as: UTF8.self))
    }

    @Test func showTextIsTheSavedTextUnderAHeader() throws {
        // Given an estimate saved as text
        let kho = try FixedCatalogue.make()
        let save = try kho.run(
            ["estimate"] + FixedCatalogue.estimateArgs + ["--save", "tỉnh 01/2025", "--by", "Thu"],
            env: FixedCatalogue.env)
        #expect(save.code == 0, "\(save.err)")
        // When it is shown
        let shown = try kho.run(["estimate", "show", "tỉnh 01/2025"], env: FixedCatalogue.env)
        #expect(shown.code == 0, "\(shown.err)")
        // Then it starts with who made it, when, with which kho and seed
        let lines = shown.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("Dự toán đã lưu «tỉnh 01/2025», lập lúc ") == true, "\(lines.first ?? "")")
        #expect(lines.first?.hasSuffix("bởi Thu (kho \(khoVersion), seed 7).") == true, "\(lines.first ?? "")")
        #expect(lines.dropFirst().first == "")
        // And the rest is what the save printed, less the two lines about that run (where the prices came from, the name it was saved as)
        let body = lines.dropFirst(2).joined(separator: "\n")
        let made = save.out.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Đã lưu dự toán «tỉnh 01/2025»") && !$0.hasPrefix("Đơn giá: ") }.joined(
                separator: "\n")
        #expect(save.out.contains("Đã lưu dự toán «tỉnh 01/2025»"))
        #expect(body == made, "\(GoldenDiff.unified(expected: made, actual: body))")
    }
}
