import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why an input file (a CSV, a rates file, a backup to restore) cannot be read.
public enum InputError: KhoError, Equatable {
    case missing(path: String)
    case notRegularFile(path: String, kind: String)
    case tooLarge(path: String, bytes: Int64, limit: Int64)
    case unreadable(path: String, reason: Text)

    public var text: Text {
        switch self {
        case .missing(let path):
            Text(vi: "không có tệp \(path); kiểm tra lại đường dẫn", en: "there is no file \(path); check the path")
        case .notRegularFile(let path, let kind):
            Text(
                vi: "\(path) là \(OutputError.kindLabel(kind).vi), không phải tệp thường: cần đường dẫn tới một tệp",
                en: "\(path) is \(OutputError.kindLabel(kind).en), not a regular file: give the path of a file")
        case .tooLarge(let path, let bytes, let limit):
            Text(
                vi: "tệp \(path) quá lớn (\(bytes) byte; tối đa \(limit)): có đúng là tệp cần đọc không?",
                en: "file \(path) is too large (\(bytes) bytes; at most \(limit)): is it the right file?")
        case .unreadable(let path, let reason):
            Text(vi: "không đọc được \(path): \(reason.vi)", en: "cannot read \(path): \(reason.en)")
        }
    }
}

/// The one way kho reads a whole input file: opened without blocking (a FIFO never hangs), checked to be a regular
/// file with `fstat`, and read up to a size limit.
public enum InputFile {
    /// 256 MiB: far above any CSV or rates file a commune writes.
    public static let defaultLimit: Int64 = 256 << 20

    /// Checks that `path` is a regular file (without opening it for long, never blocking) and returns its size.
    @discardableResult
    public static func check(_ path: String) throws -> Int64 {
        let fd = try openChecked(path)
        defer { close(fd.fd) }
        return fd.size
    }

    /// Reads the whole file.
    public static func read(_ path: String, limit: Int64 = defaultLimit) throws -> Data {
        let (fd, size) = try openChecked(path)
        defer { close(fd) }
        if size > limit { throw InputError.tooLarge(path: path, bytes: size, limit: limit) }
        // Back to blocking reads: it is a regular file.
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        var data = Data(count: Int(size))
        var done = 0
        while done < Int(size) {
            let n = data.withUnsafeMutableBytes { buf in
                Glibc.read(fd, buf.baseAddress!.advanced(by: done), Int(size) - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError.unreadable(path: path, reason: Text(verbatim: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            done += n
        }
        return data.prefix(done)
    }

    /// Reads the whole file as UTF-8 text (invalid bytes are an error, not replaced).
    public static func readText(_ path: String, limit: Int64 = defaultLimit) throws -> String {
        let data = try read(path, limit: limit)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError.unreadable(
                path: path, reason: Text(vi: "không phải văn bản UTF-8", en: "not UTF-8 text"))
        }
        return text
    }

    private static func openChecked(_ path: String) throws -> (fd: Int32, size: Int64) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let e = errno
            if e == ENOENT { throw InputError.missing(path: path) }
            if e == EISDIR { throw InputError.notRegularFile(path: path, kind: "directory") }
            throw InputError.unreadable(path: path, reason: Text(verbatim: String(cString: strerror(e))))
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let reason = Text(verbatim: String(cString: strerror(errno)))
            close(fd)
            throw InputError.unreadable(path: path, reason: reason)
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw InputError.notRegularFile(path: path, kind: OutputFile.kind(st.st_mode))
        }
        return (fd, Int64(st.st_size))
    }
}
