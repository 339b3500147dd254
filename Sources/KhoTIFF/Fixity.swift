import Crypto
import KhoConcurrency

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The largest file a fixity reading reads (8 GiB): larger than any master or copy a commune archive makes.
    public static let sizeLimit: UInt64 = 8 << 30

    /// Files at least this large are checked for holes before they are read.
    static let sparseMinimum: Int64 = 1 << 20

    /// Hashes the file at `path` safely and returns its SHA-256 with the number of bytes hashed.
    ///
    /// The one safe reader for fixity: opens with `O_NONBLOCK | O_NOFOLLOW` (never waits on a FIFO, never follows a
    /// link), requires a regular file (fstat of what was opened), compares its size with `expectedSize` (the
    /// catalogue's) when given, refuses a sparse file or one over `limit` without reading it, and reports a size
    /// that changes while it is read. Each of these is a ``FixityError`` with its ``FixityError/Kind``.
    public static func digest(
        path: String, expectedSize: UInt64? = nil, limit: UInt64 = sizeLimit
    ) throws(FixityError) -> FixityDigest {
        let (fd, info) = try openForReading(path: path, expectedSize: expectedSize, limit: limit)
        defer { close(fd) }
        return try digest(opened: fd, info, path: path)
    }

    /// Hashes a file opened with ``openForReading(path:expectedSize:limit:)`` (`info` its status then), from its start
    /// to its end; a size that changes while it is read is a finding. The descriptor stays open for the caller.
    public static func digest(opened fd: Int32, _ info: stat, path: String) throws(FixityError) -> FixityDigest {
        let size = UInt64(max(0, info.st_size))
        switch digest(fileDescriptor: fd, sizeHint: size, stopAfter: size) {
        case .success(let digest):
            // Read to its end, the file must still be the size it had when opened (nobody writing to it).
            var after = stat()
            if digest.bytes != size || (fstat(fd, &after) == 0 && UInt64(max(0, after.st_size)) != size) {
                throw FixityError(
                    operation: .read, errno: 0, path: path,
                    kind: .sizeChanged(expected: size, found: max(digest.bytes, UInt64(max(0, after.st_size)))))
            }
            return digest
        case .failure(var error):
            error.path = path
            throw error
        }
    }

    /// Opens `path` the safe way for a fixity reading, and returns the descriptor (the caller closes it) and its
    /// status: `O_NONBLOCK | O_NOFOLLOW`, a regular file, the size expected, neither sparse nor over `limit`.
    public static func openForReading(
        path: String, expectedSize: UInt64? = nil, limit: UInt64 = sizeLimit
    ) throws(FixityError) -> (fd: Int32, info: stat) {
        let fd = path.withCString { open($0, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if code == ELOOP || (lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK) {
                throw FixityError(operation: .open, errno: code, path: path, kind: .symbolicLink)
            }
            throw FixityError(operation: .open, errno: code, path: path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw FixityError(operation: .stat, errno: code, path: path)
        }
        if var finding = screen(fd, info, expectedSize: expectedSize, limit: limit) {
            close(fd)
            finding.path = path
            throw finding
        }
        return (fd, info)
    }

    /// What makes an open file one a fixity reading must not read: not a regular file, mostly holes, over `limit`, or
    /// a size other than `expectedSize` (checked in that order); nil when it may be read. Reads no content.
    public static func screen(
        _ fd: Int32, _ info: stat, expectedSize: UInt64? = nil, limit: UInt64 = sizeLimit
    ) -> FixityError? {
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let kind = FixityError.kindName(info.st_mode)
            return FixityError(
                operation: .stat, errno: 0, kind: kind == "symbolic link" ? .symbolicLink : .notRegularFile(kind: kind))
        }
        let size = UInt64(max(0, info.st_size))
        let length = Int64(info.st_size)
        if length >= sparseMinimum, Int64(info.st_blocks) * 512 < length / 2 {
            // Few blocks: holes, or a compressing file system (ZFS, btrfs). Only holes make it sparse.
            let data = dataBytes(fd, size: length)
            if data < length / 2 {
                return FixityError(operation: .stat, errno: 0, kind: .sparse(size: size, allocated: UInt64(data)))
            }
        }
        if size > limit { return FixityError(operation: .stat, errno: 0, kind: .tooLarge(size: size, limit: limit)) }
        if let expectedSize, expectedSize != size {
            return FixityError(operation: .stat, errno: 0, kind: .sizeChanged(expected: expectedSize, found: size))
        }
        return nil
    }

    /// lseek(2)'s SEEK_DATA and SEEK_HOLE (Linux values; GNU extensions Swift's Glibc does not show).
    private static let seekData: Int32 = 3
    private static let seekHole: Int32 = 4

    /// The bytes of `fd` that are data, not holes (SEEK_DATA/SEEK_HOLE); stops counting at half the size.
    private static func dataBytes(_ fd: Int32, size: Int64) -> Int64 {
        var data: Int64 = 0
        var position: Int64 = 0
        while position < size && data < size / 2 {
            let start = lseek(fd, off_t(position), seekData)
            if start < 0 { return errno == ENXIO ? data : size }
            let end = lseek(fd, start, seekHole)
            if end < 0 { return size }
            data += Int64(end - start)
            position = Int64(end)
        }
        return data
    }

    /// Hashes many files concurrently on all cores (Dispatch threads, not the cooperative pool); results keep the order of `paths`.
    public static func sha256(paths: [String]) -> [Result<String, FixityError>] {
        digests(paths: paths).map { $0.map(\.sha256) }
    }

    /// Hashes many files like `sha256(paths:)`, each result with the number of bytes hashed.
    public static func digests(paths: [String]) -> [Result<FixityDigest, FixityError>] {
        ParallelMap.map(paths) { path in Result { () throws(FixityError) -> FixityDigest in try digest(path: path) } }
    }

    /// Hashes many files like `digests(paths:)`, each compared with the size expected of it (the catalogue's).
    public static func digests(_ files: [(path: String, expectedSize: UInt64?)]) -> [Result<FixityDigest, FixityError>]
    {
        ParallelMap.map(files) { file in
            Result { () throws(FixityError) -> FixityDigest in
                try digest(path: file.path, expectedSize: file.expectedSize)
            }
        }
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
        digest(fileDescriptor: fd, sizeHint: sizeHint, stopAfter: nil)
    }

    /// Hashes like `digest(fileDescriptor:sizeHint:)`, stopping once more than `stopAfter` bytes were read (a file
    /// that grows while it is read is not followed forever).
    static func digest(
        fileDescriptor fd: Int32, sizeHint: UInt64, stopAfter: UInt64?
    ) -> Result<FixityDigest, FixityError> {
        let capacity = Int(min(UInt64(chunkSize), max(4096, sizeHint + 1)))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        return stream(fd, from: 0, through: &hasher, buffer: buffer, stopAfter: stopAfter).map {
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
        _ fd: Int32, from offset: off_t, through hasher: inout SHA256, buffer: UnsafeMutableRawBufferPointer,
        stopAfter: UInt64? = nil
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
                if let stopAfter, UInt64(position - offset) > stopAfter { return .success(UInt64(position - offset)) }
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
