import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// The one safe reader for fixity (`Fixity.digest(path:)`): special files, links, sizes and holes are findings,
/// found without waiting and without reading.
@Suite struct SafeFixityTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    func failure(_ path: String, expectedSize: UInt64? = nil) -> FixityError? {
        do {
            _ = try Fixity.digest(path: path, expectedSize: expectedSize)
            return nil
        } catch {
            return error
        }
    }

    @Test func aFIFOIsAFindingNotAWait() throws {
        // Given a FIFO that nobody writes to
        let fifo = directory.file("0001.tif")
        #expect(mkfifo(fifo, 0o644) == 0)
        // When it is hashed, Then the reader returns at once with the kind named
        let error = try #require(failure(fifo))
        #expect(error.kind == .notRegularFile(kind: "FIFO (named pipe)"))
        #expect(error.message(in: .en).contains("FIFO"))
        #expect(error.message(in: .vi).contains("đường ống FIFO"))
    }

    @Test func aLinkToADeviceIsNotFollowed() throws {
        // Given a symbolic link to /dev/zero (endless zeros) where a master was
        let link = directory.file("0001.tif")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/zero")
        // Then it is a link, not followed, not read
        let error = try #require(failure(link))
        #expect(error.kind == .symbolicLink)
        #expect(error.reason(.en) == "symbolic link: not followed")
        // And a link to a regular file is refused the same way
        let target = try directory.write("real.tif", [1, 2, 3])
        let other = directory.file("0002.tif")
        try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: target)
        #expect(failure(other)?.kind == .symbolicLink)
    }

    @Test func aDeviceIsAFinding() throws {
        #expect(failure("/dev/null")?.kind == .notRegularFile(kind: "character device"))
        #expect(failure(directory.path)?.kind == .notRegularFile(kind: "directory"))
    }

    @Test func aSparseFileIsRefusedWithoutReadingIt() throws {
        // Given a 20 GB file of holes
        let path = directory.file("huge.tif")
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(ftruncate(fd, 20_000_000_000) == 0)
        close(fd)
        // When it is hashed, Then it is a sparse finding, at once
        let started = Date()
        let error = try #require(failure(path))
        #expect(Date().timeIntervalSince(started) < 5)
        guard case .sparse(let size, let allocated) = error.kind else {
            Issue.record("not sparse: \(error)")
            return
        }
        #expect(size == 20_000_000_000 && allocated < 1 << 20)
        #expect(error.message(in: .en).contains("sparse file"))
    }

    @Test func aSizeOtherThanTheCataloguesIsAChangeFoundWithoutReading() throws {
        let path = try directory.write("0001.tif", Array(repeating: 7, count: 100))
        #expect(failure(path, expectedSize: 101)?.kind == .sizeChanged(expected: 101, found: 100))
        #expect(try Fixity.digest(path: path, expectedSize: 100).bytes == 100)
    }

    @Test func anOversizedFileIsAFinding() throws {
        let path = try directory.write("big.tif", Array(repeating: 7, count: 4096))
        do {
            _ = try Fixity.digest(path: path, limit: 1000)
            Issue.record("hashed a file over the limit")
        } catch {
            #expect(error.kind == .tooLarge(size: 4096, limit: 1000))
        }
    }

    @Test func ingestReadsNoHoles() throws {
        // Given a 20 GB sparse .tif, When ingest's reader reads it with hashing, Then it is a finding at once
        let path = directory.file("0001.tif")
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(fd, 20_000_000_000) == 0)
        close(fd)
        let started = Date()
        let result = TIFFReader.read(path: path, options: TIFFReadOptions(computeSHA256: true))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.findings.map(\.code) == ["sparse"])
        #expect(result.sha256 == nil)
    }
}
