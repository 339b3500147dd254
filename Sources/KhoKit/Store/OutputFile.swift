import Foundation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// Why kho will not write an output file there.
public enum OutputError: KhoError, Equatable {
    /// The target is the catalogue itself or one of its companion files (`-wal`, `-shm`, `.lock`).
    case catalogue(path: String, catalogue: String)
    /// The target is something else kho catalogues or manages: a master, a file under a scans root, a PDF/A copy or
    /// a file in the PDF/A folder (``ProtectedPaths/what(_:)`` names it).
    case protected(path: String, what: Text)
    /// The target exists and is not a regular file (a directory, a device, a FIFO, a socket).
    case notRegularFile(path: String, kind: String)
    /// Writing failed.
    case cannotWrite(path: String, reason: String)

    public var text: Text {
        switch self {
        case .catalogue(let path, let catalogue):
            Text(
                vi: "không ghi đè \(path): đó là danh mục \(catalogue) (hoặc tệp đi kèm của nó); chọn tên tệp khác",
                en:
                    "will not write over \(path): it is the catalogue \(catalogue) (or one of its companion files); choose another file name"
            )
        case .protected(let path, let what):
            Text(
                vi:
                    "không ghi vào \(path): đó là \(what.vi), kho giữ tệp này và không bao giờ ghi đè (kể cả với --force); chọn tệp ở chỗ khác",
                en:
                    "will not write to \(path): it is \(what.en), which kho keeps and never writes over (not even with --force); choose a file elsewhere"
            )
        case .notRegularFile(let path, let kind):
            Text(
                vi: "không ghi vào \(path): đó là \(Self.kindLabel(kind).vi), không phải tệp thường; chọn một tên tệp",
                en:
                    "will not write to \(path): it is \(Self.kindLabel(kind).en), not a regular file; choose a file name"
            )
        case .cannotWrite(let path, let reason):
            Text(vi: "không ghi được \(path): \(reason)", en: "cannot write \(path): \(reason)")
        }
    }
}

extension OutputError {
    static func kindLabel(_ key: String) -> Text { FixityError.label(key) }
}

/// The one way kho writes an output file (report, export, inventory, labels, rates, backup, …): never over the
/// catalogue or its companion files, a master, a file under a scans root, a PDF/A copy or the PDF/A folder's files
/// (``ProtectedPaths``, links and `..` resolved, even with `--force`), never over anything that is not a regular
/// file, and always whole (a temporary
/// file in the same folder, synced, then renamed into place), so a reader never sees half of it.
public enum OutputFile {
    /// Refuses a target that is the catalogue (or its `-wal`, `-shm`, `.lock`), anything else kho keeps
    /// (`protected`), or that exists and is not a regular file.
    public static func check(_ path: String, protecting protected: ProtectedPaths) throws {
        let target = resolved(path)
        let catalogue = protected.catalogue
        if let catalogue, catalogue != ":memory:" {
            let live = resolved(catalogue)
            for companion in [live, live + "-wal", live + "-shm", live + ".lock", live + "-journal"]
            where companion == target {
                throw OutputError.catalogue(path: path, catalogue: catalogue)
            }
            if ProtectedPaths.sameInode(path, catalogue) {
                throw OutputError.catalogue(path: path, catalogue: catalogue)
            }
        }
        if let what = protected.what(path) { throw OutputError.protected(path: path, what: what) }
        var st = stat()
        if lstat(path, &st) == 0 || stat(path, &st) == 0 {
            var followed = stat()
            let mode = stat(path, &followed) == 0 ? followed.st_mode : st.st_mode
            if (mode & S_IFMT) != S_IFREG { throw OutputError.notRegularFile(path: path, kind: kind(mode)) }
        }
    }

    /// Writes `data` to `path` whole, after `check`.
    public static func write(_ data: Data, to path: String, protecting protected: ProtectedPaths) throws {
        try check(path, protecting: protected)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temp = (directory as NSString).appendingPathComponent(
            ".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try data.write(to: URL(fileURLWithPath: temp))
            let fd = open(temp, O_RDONLY)
            if fd >= 0 {
                _ = fsync(fd)
                close(fd)
            }
            guard rename(temp, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
        } catch let error as OutputError {
            throw error
        } catch {
            unlink(temp)
            throw OutputError.cannotWrite(
                path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String, protecting protected: ProtectedPaths) throws {
        try write(Data(text.utf8), to: path, protecting: protected)
    }

    /// Removes partial files a killed writer left for `path` (`.NAME.partial-*` beside it).
    public static func removeLeftovers(for path: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) {
            let full = (directory as NSString).appendingPathComponent(name)
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(full + suffix) }
        }
    }

    /// The path with links resolved; for a file that does not exist yet, its folder resolved.
    static func resolved(_ path: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if let real = realpath(url.path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let dir = url.deletingLastPathComponent().path
        if let real = realpath(dir, nil) {
            defer { free(real) }
            return (String(cString: real) as NSString).appendingPathComponent(url.lastPathComponent)
        }
        return url.path
    }

    static func kind(_ mode: mode_t) -> String { FixityError.kindName(mode) }
}
