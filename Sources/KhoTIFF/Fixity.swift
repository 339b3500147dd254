import Crypto

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file could not be hashed: which system call failed, with its errno.
public struct FixityError: Error, Sendable, Hashable {
    /// The system call that failed.
    public enum Operation: String, Sendable, Hashable {
        case open
        case read
    }

    /// The system call that failed.
    public var operation: Operation
    /// The errno it failed with.
    public var errno: Int32
    /// The path, when the error came from hashing a path.
    public var path: String?

    /// Creates an error for a failed `operation`.
    public init(operation: Operation, errno: Int32, path: String? = nil) {
        self.operation = operation
        self.errno = errno
        self.path = path
    }
}

/// A file's SHA-256 and how many bytes were hashed to get it.
public struct FixityDigest: Sendable, Hashable {
    /// Lower-case hex SHA-256.
    public var sha256: String
    /// The bytes read and hashed: the file's size when it was read.
    public var bytes: UInt64

    /// Creates a digest.
    public init(sha256: String, bytes: UInt64) {
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// SHA-256 fixity of files, streamed in chunks of at most 1 MiB so a file is never held in memory whole.
public enum Fixity {
    /// The largest read buffer used while hashing.
    public static let chunkSize = 1 << 20

    /// Hashes the file at `path` and returns the lower-case hex SHA-256.
    public static func sha256(path: String) throws(FixityError) -> String {
        try digest(path: path).sha256
    }

    /// Hashes the file at `path` and returns its SHA-256 with the number of bytes hashed.
    public static func digest(path: String) throws(FixityError) -> FixityDigest {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { throw FixityError(operation: .open, errno: errno, path: path) }
        defer { close(fd) }
        var info = stat()
        let sizeHint = fstat(fd, &info) == 0 ? UInt64(max(0, info.st_size)) : UInt64(chunkSize)
        switch digest(fileDescriptor: fd, sizeHint: sizeHint) {
        case .success(let digest):
            return digest
        case .failure(var error):
            error.path = path
            throw error
        }
    }

    /// Hashes many files concurrently on all cores (Dispatch threads, not the cooperative pool); results keep the order of `paths`.
    public static func sha256(paths: [String]) -> [Result<String, FixityError>] {
        digests(paths: paths).map { $0.map(\.sha256) }
    }

    /// Hashes many files like `sha256(paths:)`, each result with the number of bytes hashed.
    public static func digests(paths: [String]) -> [Result<FixityDigest, FixityError>] {
        ParallelMap.map(paths) { path in Result { () throws(FixityError) -> FixityDigest in try digest(path: path) } }
    }

    /// Hashes bytes in memory and returns the lower-case hex SHA-256.
    public static func sha256<Bytes: Sequence>(bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// Hashes an open descriptor from offset 0 to its end with pread(2), leaving the file offset unchanged.
    ///
    /// `sizeHint` only sizes the buffer (small files get a small buffer); the whole file is hashed whatever it says.
    public static func sha256(fileDescriptor fd: Int32, sizeHint: UInt64) -> Result<String, FixityError> {
        digest(fileDescriptor: fd, sizeHint: sizeHint).map(\.sha256)
    }

    /// Hashes an open descriptor like `sha256(fileDescriptor:sizeHint:)`, with the number of bytes hashed.
    public static func digest(fileDescriptor fd: Int32, sizeHint: UInt64) -> Result<FixityDigest, FixityError> {
        let capacity = Int(min(UInt64(chunkSize), max(4096, sizeHint + 1)))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        return stream(fd, from: 0, through: &hasher, buffer: buffer).map {
            FixityDigest(sha256: hex(hasher.finalize()), bytes: $0)
        }
    }

    /// Hashes a file whose first bytes, `prefix`, are already in memory, reading the rest from `fd` unless `complete`.
    static func sha256(
        fileDescriptor fd: Int32, startingWith prefix: UnsafeRawBufferPointer, complete: Bool
    ) -> Result<String, FixityError> {
        var hasher = SHA256()
        hasher.update(bufferPointer: prefix)
        if !complete {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            if case .failure(let error) = stream(fd, from: off_t(prefix.count), through: &hasher, buffer: buffer) {
                return .failure(error)
            }
        }
        return .success(hex(hasher.finalize()))
    }

    /// Feeds the file from `offset` to its end through `hasher`, one buffer at a time; returns the bytes fed.
    private static func stream(
        _ fd: Int32, from offset: off_t, through hasher: inout SHA256, buffer: UnsafeMutableRawBufferPointer
    ) -> Result<UInt64, FixityError> {
        var position = offset
        while true {
            switch readFully(fd, into: buffer, at: position) {
            case .failure(let error):
                return .failure(error)
            case .success(let count):
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                position += off_t(count)
                if count < buffer.count { return .success(UInt64(position - offset)) }
            }
        }
    }

    /// Fills `buffer` from `offset` with pread(2), retrying short reads; returns fewer bytes only at the end of the file.
    static func readFully(
        _ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: off_t
    ) -> Result<Int, FixityError> {
        var done = 0
        while done < buffer.count {
            let got = pread(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done, offset + off_t(done))
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(FixityError(operation: .read, errno: errno))
            }
            if got == 0 { break }
            done += got
        }
        return .success(done)
    }

    /// Writes a digest as lower-case hex.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }
}
