import Foundation
import KhoLocale

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a file was not hashed: a system call failed (with its errno), or what is at the path is not something a
/// fixity reading may read (a link, a FIFO, a device, a socket, a size other than the catalogue's, a sparse or
/// oversized file). Every case is a finding, never a wait.
public struct FixityError: Error, Sendable, Hashable {
    /// The system call that failed.
    public enum Operation: String, Sendable, Hashable {
        case open
        case stat
        case read
    }

    /// What was found at the path.
    public enum Kind: Sendable, Hashable {
        /// A system call failed; `errno` says why (ENOENT: nothing there).
        case system
        /// A symbolic link: not followed.
        case symbolicLink
        /// Not a regular file: `directory`, `FIFO (named pipe)`, `character device`, `block device`, `socket`.
        case notRegularFile(kind: String)
        /// The size is not the one expected (the catalogue's), or changed while the file was read.
        case sizeChanged(expected: UInt64, found: UInt64)
        /// Most of the file is holes (blocks never written): not a scan, not read.
        case sparse(size: UInt64, allocated: UInt64)
        /// Larger than any master or copy kho reads.
        case tooLarge(size: UInt64, limit: UInt64)
    }

    /// The system call that failed (or that found the problem).
    public var operation: Operation
    /// The errno it failed with (0 when the problem is a finding, not a failed call; ELOOP for a link).
    public var errno: Int32
    /// The path, when the error came from hashing a path.
    public var path: String?
    /// What was found.
    public var kind: Kind

    /// Creates an error for a failed `operation`.
    public init(operation: Operation, errno: Int32, path: String? = nil, kind: Kind = .system) {
        self.operation = operation
        self.errno = errno
        self.path = path
        self.kind = kind
    }

    /// Whether nothing is at the path.
    public var isMissing: Bool { kind == .system && errno == ENOENT }

    /// A short stable key: `missing`, `link`, `special`, `size`, `sparse`, `too-large`, `system`.
    public var code: String {
        switch kind {
        case .system: isMissing ? "missing" : "system"
        case .symbolicLink: "link"
        case .notRegularFile: "special"
        case .sizeChanged: "size"
        case .sparse: "sparse"
        case .tooLarge: "too-large"
        }
    }

    /// What was found, without the path: "symbolic link: not followed", "FIFO (named pipe), not a regular file", …
    public var reason: Text {
        switch kind {
        case .system:
            let text = TIFFReader.describe(errno: errno)
            return Text(vi: text, en: text)
        case .symbolicLink:
            return Text(vi: "liên kết tượng trưng: không đi theo", en: "symbolic link: not followed")
        case .notRegularFile(let kind):
            let label = Self.label(kind)
            return Text(
                vi: "\(label.vi), không phải tệp thường: không đọc", en: "\(label.en), not a regular file: not read")
        case .sizeChanged(let expected, let found):
            return Text(
                vi: "kích thước \(found) byte, khác \(expected) byte đã ghi nhận: nội dung đã thay đổi",
                en: "size \(found) bytes, not the \(expected) bytes on record: the content changed")
        case .sparse(let size, let allocated):
            return Text(
                vi:
                    "tệp thưa: \(size) byte nhưng chỉ \(allocated) byte có dữ liệu trên đĩa (phần lớn là lỗ trống); không phải bản quét, không đọc",
                en:
                    "sparse file: \(size) bytes but only \(allocated) bytes of data on disk (mostly holes); not a scan, not read"
            )
        case .tooLarge(let size, let limit):
            return Text(
                vi: "tệp quá lớn: \(size) byte, quá giới hạn \(limit) byte; không đọc",
                en: "file too large: \(size) bytes, over the limit of \(limit) bytes; not read")
        }
    }

    /// A kind of special file (as ``kindName(_:)`` names it) in words: "một đường ống FIFO" / "a FIFO (named pipe)".
    public static func label(_ kind: String) -> Text {
        switch kind {
        case "directory": Text(vi: "một thư mục", en: "a directory")
        case "character device": Text(vi: "một thiết bị ký tự", en: "a character device")
        case "block device": Text(vi: "một thiết bị khối", en: "a block device")
        case "FIFO (named pipe)": Text(vi: "một đường ống FIFO", en: "a FIFO (named pipe)")
        case "socket": Text(vi: "một socket", en: "a socket")
        case "symbolic link": Text(vi: "một liên kết tượng trưng", en: "a symbolic link")
        default: Text(vi: "một tệp đặc biệt", en: "a special file")
        }
    }

    /// The kind of a file mode that is not a regular file, as `notRegularFile(kind:)` names it.
    public static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "directory"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFIFO: "FIFO (named pipe)"
        case S_IFSOCK: "socket"
        case S_IFLNK: "symbolic link"
        default: "special file"
        }
    }
}

extension FixityError: LocalizedError {
    /// Why hashing failed, in Vietnamese (default) or English.
    public func message(in language: Lang = .vi) -> String {
        let target = path.map { " \($0)" } ?? ""
        let why = reason(language)
        guard kind == .system else {
            return language == .vi
                ? "không tính SHA-256 của\(target): \(why)" : "SHA-256 not computed for\(target): \(why)"
        }
        switch operation {
        case .open, .stat:
            let vi = "không mở được tệp\(target) để tính SHA-256: \(why)"
            return language == .vi ? vi : "cannot open\(target) to compute SHA-256: \(why)"
        case .read:
            let vi = "lỗi khi đọc tệp\(target) để tính SHA-256: \(why)"
            return language == .vi ? vi : "error reading\(target) to compute SHA-256: \(why)"
        }
    }

    /// The Vietnamese message, for `Error: …` printing.
    public var errorDescription: String? { message(in: .vi) }
}
