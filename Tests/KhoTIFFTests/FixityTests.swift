import Foundation
import KhoTestSupport
import Testing

@testable import KhoTIFF

@Suite struct FixityTests {
    let directory: TemporaryDirectory

    init() throws { directory = try TemporaryDirectory() }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (String(repeating: "a", count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ])
    func fileDigestMatchesTheKnownDigest(_ content: String, _ digest: String) throws {
        // Given a file holding a string with a published SHA-256
        let path = try directory.write("known", Array(content.utf8))
        // When it is hashed
        // Then the digest is the published one
        #expect(try Fixity.sha256(path: path) == digest)
        #expect(Fixity.sha256(bytes: Array(content.utf8)) == digest)
    }

    @Test func filesLargerThanOneChunkAreHashedWhole() throws {
        // Given 2.5 MiB of varied bytes (three reads of 1 MiB)
        let bytes = (0..<(5 << 19)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let path = try directory.write("big", bytes)
        // Then the streamed digest equals the in-memory one
        #expect(try Fixity.sha256(path: path) == Fixity.sha256(bytes: bytes))
    }

    @Test func aFlippedByteChangesTheDigest() throws {
        // Given a master and a copy with one bit flipped in the middle
        let original = directory.file("a.tif")
        try FixtureWriter.write([.rgb], to: original)
        var bytes = try directory.read("a.tif")
        bytes[bytes.count / 2] ^= 0x01
        let flipped = try directory.write("b.tif", bytes)
        // Then the digests differ
        #expect(try Fixity.sha256(path: original) != (try Fixity.sha256(path: flipped)))
    }

    @Test func hashesManyFilesInParallel() throws {
        // Given several files and one missing path
        let paths = try (0..<20).map { index in try directory.write("f\(index)", Array("file \(index)".utf8)) }
        let missing = directory.file("missing")
        // When they are hashed together
        let results = Fixity.sha256(paths: paths + [missing])
        // Then each matches its own digest, in order, and the missing one fails to open
        for (index, result) in results.dropLast().enumerated() {
            #expect(try result.get() == Fixity.sha256(bytes: Array("file \(index)".utf8)))
        }
        guard case .failure(let error) = results.last else {
            Issue.record("missing file hashed")
            return
        }
        #expect(error.operation == .open && error.errno == ENOENT && error.path == missing)
        #expect(error.message(in: .en).contains("No such file"))
    }
}
