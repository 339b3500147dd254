import Crypto
import Foundation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// Why a file on a copy could not be read to its end.
enum CopyReadProblem: Error, Sendable, Hashable {
    case missing
    /// A link, a folder, a device or a pipe where a file should be: never followed or read.
    case notRegular(Text)
    case io(Int32)
    /// What the fixity reader's safe open refuses to read: a folder, device or pipe, a sparse or oversized file, a
    /// size that changed.
    case refused(FixityError)

    /// The problem a fixity reading's error is for a copy.
    init(_ error: FixityError) {
        switch error.kind {
        case .system: self = error.errno == ENOENT || error.errno == ENOTDIR ? .missing : .io(error.errno)
        case .symbolicLink: self = .notRegular(Text(vi: "liên kết", en: "link"))
        case .notRegularFile, .sizeChanged, .sparse, .tooLarge: self = .refused(error)
        }
    }

    var text: Text {
        switch self {
        case .missing: Text(vi: "không có tệp", en: "no such file")
        case .notRegular(let what):
            Text(vi: "không phải tệp thường (\(what.vi)): không đọc", en: "not a regular file (\(what.en)): not read")
        case .io(let code):
            Text(
                vi: "lỗi đọc: \(String(cString: strerror(code)))", en: "read error: \(String(cString: strerror(code)))")
        case .refused(let error): error.reason
        }
    }
}

/// What copying one file with its hash checked did.
enum TransferOutcome: Sendable, Hashable {
    /// Written whole under a temporary name, synced to disk and renamed into place.
    case copied(bytes: Int64)
    /// The source read to its end but its SHA-256 is not the catalogue's: nothing was put in place.
    case sourceMismatch(found: String)
    case sourceUnreadable(CopyReadProblem)
    /// The copy could not be written (disk full, permissions): nothing was put in place.
    case writeFailed(String)
}

/// File operations of copies: a safe reader (no link followed, no hang on a pipe or device), hashing while
/// copying, atomic placement (temporary name in the same folder, fsync, rename) and the marker at a copy's root.
enum SafeCopy {
    static let chunkSize = 1 << 20
    /// The suffix of a file being written; a killed sync leaves only such a file, never a partial one in place.
    static let partSuffix = ".kho-part"

    static func markerPath(_ root: String) -> String { root + "/" + CopySite.markerName }

    /// Opens `path` for reading with the fixity reader's safe open (``Fixity/openForReading(path:expectedSize:limit:)``:
    /// no link followed, no wait on a FIFO or device, no sparse or oversized file read), and returns the descriptor
    /// and size of the regular file. The one place copies open a file to read it.
    static func openRegular(_ path: String) -> Result<(fd: Int32, size: Int64), CopyReadProblem> {
        do throws(FixityError) {
            let (fd, info) = try Fixity.openForReading(path: path)
            return .success((fd, Int64(info.st_size)))
        } catch {
            return .failure(CopyReadProblem(error))
        }
    }

    /// What kind of thing a mode is, in words.
    static func describe(mode: mode_t) -> Text {
        switch mode & S_IFMT {
        case S_IFDIR: Text(vi: "thư mục", en: "folder")
        case S_IFLNK: Text(vi: "liên kết", en: "link")
        case S_IFIFO: Text(vi: "ống FIFO", en: "FIFO")
        case S_IFCHR, S_IFBLK: Text(vi: "thiết bị", en: "device")
        case S_IFSOCK: Text(verbatim: "socket")
        default: Text(verbatim: "?")
        }
    }

    /// The SHA-256 and size of the regular file at `path`; a link or special file is a problem, never read.
    static func digest(_ path: String) -> Result<FixityDigest, CopyReadProblem> {
        var info = stat()
        if lstat(path, &info) != 0 {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .missing : .io(errno))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular(describe(mode: info.st_mode))) }
        do throws(FixityError) {
            return .success(try Fixity.digest(path: path))
        } catch {
            return .failure(CopyReadProblem(error))
        }
    }

    /// Copies `source` to `target`, hashing what it reads: the bytes go to `.NAME.kho-part` beside the target, are
    /// synced to disk, and are renamed over the target only when their SHA-256 is `expected`. Missing folders are made.
    ///
    /// `pause` (a test hook) is called once after the first chunk is written, while the partial file exists.
    static func transfer(
        from source: String, to target: String, expected: String, pause: (@Sendable () -> Void)? = nil
    ) -> TransferOutcome {
        let input: (fd: Int32, size: Int64)
        switch openRegular(source) {
        case .failure(let problem): return .sourceUnreadable(problem)
        case .success(let opened): input = opened
        }
        defer { close(input.fd) }
        _ = posix_fadvise(input.fd, 0, 0, POSIX_FADV_SEQUENTIAL)
        let folder = PathText.parent(of: target)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return .writeFailed((error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let part = folder + "/." + (target as NSString).lastPathComponent + partSuffix
        unlink(part)
        let out = open(part, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard out >= 0 else { return .writeFailed(String(cString: strerror(errno))) }
        let outcome = stream(input.fd, to: out, expected: expected, pause: pause)
        let synced = fsync(out) == 0
        let syncError = errno
        close(out)
        guard case .copied = outcome else {
            unlink(part)
            return outcome
        }
        guard synced else {
            unlink(part)
            return .writeFailed(String(cString: strerror(syncError)))
        }
        guard rename(part, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(part)
            return .writeFailed(reason)
        }
        syncFolder(folder)
        return outcome
    }

    /// Reads `input` to its end through SHA-256 into `output`; `.copied` only when the hash is `expected`.
    private static func stream(
        _ input: Int32, to output: Int32, expected: String, pause: (@Sendable () -> Void)?
    ) -> TransferOutcome {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 4096)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var total: Int64 = 0
        var paused = false
        while true {
            let got = read(input, buffer.baseAddress, chunkSize)
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .sourceUnreadable(.io(errno))
            }
            if got == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<got])
            hasher.update(bufferPointer: chunk)
            if let failure = writeAll(output, chunk) { return .writeFailed(failure) }
            total += Int64(got)
            if !paused, let pause {
                paused = true
                pause()
            }
        }
        let found = hex(hasher.finalize())
        return found == expected ? .copied(bytes: total) : .sourceMismatch(found: found)
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            done += n
        }
        return nil
    }

    /// Makes a rename in `folder` durable.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    /// The identifier in the marker at `root`, or nil when the folder or its marker is absent or unreadable.
    static func readMarker(_ root: String) -> String? {
        guard case .success(let opened) = openRegular(markerPath(root)) else { return nil }
        defer { close(opened.fd) }
        var bytes = [UInt8](repeating: 0, count: 512)
        let n = read(opened.fd, &bytes, bytes.count)
        guard n > 0 else { return nil }
        let text = String(decoding: bytes[0..<n], as: UTF8.self)
        return text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) }
    }

    /// Writes the marker at `root` (atomically, replacing one left by an earlier registration).
    static func writeMarker(_ root: String, id: String, name: String) throws {
        let text = """
            kho copy — bản lưu của kho (do kho ghi; đừng xóa: thiếu tệp này, kho coi như ổ chưa gắn)
            id: \(id)
            name: \(name)

            """
        let part = root + "/." + CopySite.markerName + partSuffix
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: part))
        } catch {
            throw CopyError.cannotMark(root, reason: (error as NSError).localizedFailureReason ?? "\(error)")
        }
        guard rename(part, markerPath(root)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(part)
            throw CopyError.cannotMark(root, reason: reason)
        }
        syncFolder(root)
    }
}
