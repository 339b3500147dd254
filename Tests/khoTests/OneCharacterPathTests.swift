import Foundation
import KhoTestTags
import Testing

/// A path whose last name is one character (`r`, `d/`) is a path like any other: Foundation's
/// `deletingLastPathComponent` stopped kho with SIGILL on it.
@Suite(.tags(.endToEnd)) struct OneCharacterPathTests {
    @Test func aOneCharacterPathIsAPathNotACrash() throws {
        let kho = Kho()
        #expect(try kho("fonds", "add", "F1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu").code == 0)
        // Given names one character long: a rates file, a backup, a catalogue
        let rates = try kho("rates", "init", "--path", "r")
        #expect(rates.code == 0, "\(rates.err)")
        #expect(FileManager.default.fileExists(atPath: kho.dir.appendingPathComponent("r").path))
        let backup = try kho("backup", "b")
        #expect(backup.code == 0, "\(backup.err)")
        let fresh = try kho.run(["fonds", "add", "F9", "--name", "Phông", "--by", "Thu"], env: ["KHO_DB": "k"])
        #expect(fresh.code == 0, "\(fresh.err)")
        #expect(FileManager.default.fileExists(atPath: kho.dir.appendingPathComponent("k").path))
        // And a folder given with a slash after its one-character name
        let slashed = try kho("rates", "init", "--path", "d/")
        #expect(slashed.code != 0 && slashed.code < 128, "\(slashed.code): \(slashed.err)")
    }
}
