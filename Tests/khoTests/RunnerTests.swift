import Foundation
import KhoTestTags
import Testing

/// The end-to-end runner itself: it must not be what hangs or fails.
@Suite(.tags(.endToEnd)) struct RunnerTests {
    @Test func aCommandThatWritesMoreThanAPipeBufferToStandardErrorDoesNotHang() throws {
        // Given a CSV of 250 boxes whose extents are 600 characters of nonsense
        let kho = Kho()
        #expect(try kho("fonds", "add", "F", "--name", "Phông", "--by", "Thu").code == 0)
        let csv = "box,fonds,extent\n" + (0..<250).map { "X\($0),F,\(String(repeating: "x", count: 600))\n" }.joined()
        let path = kho.write(csv, to: "bad.csv")
        // When it is imported, and kho lists every bad row on standard error (far more than a pipe's 64 KB)
        let result = try kho.run(["import", "boxes", path, "--by", "Thu"], timeout: 120)
        // Then the runner reads all of it, as it comes, and the command ends on its own
        // (the values are taken out first so that a failure does not print 100 KB of stderr)
        let (timedOut, code, bytes) = (result.timedOut, result.code, result.err.utf8.count)
        let (summary, lastListed) = (
            result.err.contains("250 trong 250 dòng có lỗi"), result.err.contains("dòng 201 (X199)")
        )
        #expect(!timedOut, "kho was killed after 120 s: the runner stopped reading its output")
        #expect(code == 1)
        #expect(bytes > 64 * 1024, "only \(bytes) bytes on stderr")
        #expect(summary && lastListed)
    }

    @Test func theTemporaryFolderGoesWithTheLastReference() throws {
        // Given a runner whose folder has a catalogue in it
        var kho: Kho? = Kho()
        let dir = try #require(kho?.dir)
        #expect(try kho?("fonds", "add", "F", "--name", "Phông", "--by", "Thu").code == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kho.sqlite").path))
        // When the last reference goes
        kho = nil
        // Then the folder is removed with everything in it
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}
