import CKhoSystem
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Work on a catalogue that must not interleave with other such work: long tasks that read codes and paths once and
/// write much later (ingest, PDF/A build), and every command that changes what a code or a path means (renames,
/// deletes, moving a file, restoring, and undoing one of those).
public enum LockActivity: String, Codable, Sendable {
    case ingest
    case restore
    case repair
    case build
    case rename
    case delete
    case move
    case undo

    /// What the holder is doing, for a sentence: "… has been ingesting into …".
    var doing: Text {
        switch self {
        case .ingest: Text(vi: "đang nạp bản quét vào", en: "has been ingesting masters into")
        case .restore: Text(vi: "đang khôi phục", en: "has been restoring")
        case .repair: Text(vi: "đang sửa bản lưu của", en: "has been repairing copies of")
        case .build: Text(vi: "đang dựng bản PDF/A cho", en: "has been building PDF/A copies for")
        case .rename: Text(vi: "đang đổi mã trong", en: "has been renaming in")
        case .delete: Text(vi: "đang xóa trong", en: "has been deleting in")
        case .move: Text(vi: "đang chuyển hồ sơ trong", en: "has been moving a file in")
        case .undo: Text(vi: "đang hoàn tác trong", en: "has been undoing in")
        }
    }
}

/// Who holds a catalogue's work lock, as the holder wrote it into the lock file.
public struct LockHolder: Codable, Sendable, Hashable {
    public var activity: LockActivity
    /// The person (`--by`).
    public var person: String
    /// The OS user and host, e.g. `thu@kho-pc`.
    public var recorder: String
    public var pid: Int32
    /// When the lock was taken, Unix seconds.
    public var since: Int64
}

/// Why kho cannot take a catalogue's work lock.
public enum LockError: KhoError, Equatable {
    /// Another process (or thread) holds the work lock; `since` is its local time, `YYYY-MM-DD HH:MM`.
    case held(catalogue: String, activity: LockActivity, person: String, recorder: String, pid: Int32, since: String)
    /// Another process holds the lock but has not said who it is yet.
    case heldByUnknown(catalogue: String)
    /// The lock file cannot be opened or locked.
    case unavailable(path: String, reason: String)

    public var text: Text {
        switch self {
        case .held(let catalogue, let activity, let person, let recorder, let pid, let since):
            Text(
                vi:
                    "\(person) (\(recorder), tiến trình \(pid)) \(activity.doing.vi) danh mục \(catalogue) từ \(DateFormat.dateTime(since, lang: .vi)); trong lúc đó không việc nạp bản quét, dựng bản PDF/A, đổi mã, xóa, chuyển hồ sơ, hoàn tác hay khôi phục nào khác chạy được trên danh mục này. Thử lại sau khi việc đó xong",
                en:
                    "\(person) (\(recorder), process \(pid)) \(activity.doing.en) catalogue \(catalogue) since \(since); meanwhile no other ingest, PDF/A build, rename, delete, file move, undo or restore can run on this catalogue. Try again once it has finished"
            )
        case .heldByUnknown(let catalogue):
            Text(
                vi:
                    "một tiến trình kho khác đang làm một việc không chạy xen được (nạp bản quét, dựng bản PDF/A, đổi mã, xóa, chuyển, hoàn tác, khôi phục) trên danh mục \(catalogue); thử lại sau khi nó xong",
                en:
                    "another kho process is doing work that cannot interleave (ingest, PDF/A build, rename, delete, move, undo, restore) on catalogue \(catalogue); try again once it has finished"
            )
        case .unavailable(let path, let reason):
            Text(
                vi:
                    "không khóa được \(path) để các việc không chạy xen được chạy lần lượt: \(reason); kiểm tra quyền ghi ở thư mục danh mục",
                en:
                    "cannot lock \(path) so that work that cannot interleave runs in turn: \(reason); check write permission on the catalogue's folder"
            )
        }
    }
}

/// The lock that lets only one piece of work that cannot interleave (``LockActivity``) run on a catalogue at a time.
///
/// An open-file-description lock (`F_OFD_SETLK`) on byte 1 of the catalogue's `NAME.lock` file, whose whole-file
/// `flock` serialises opening and migrating (the two never interact). The kernel drops the lock when its holder
/// exits or is killed, so a dead holder never blocks anyone; the holder writes who it is (person, process, time)
/// into the file, and the next holder overwrites what a dead one left. Two threads of one process exclude each
/// other too, since each opens the file itself.
public final class CatalogueLock: Sendable {
    /// The byte of the lock file that this lock covers.
    static let byte: Int64 = 1
    /// How long to wait for a new holder to write who it is before saying "another kho process".
    static let holderGrace: TimeInterval = 0.5

    private let fd: Int32
    private let released = Mutex(false)

    private init(fd: Int32) { self.fd = fd }

    deinit { release() }

    /// The lock file of the catalogue at `catalogue`, links resolved (so two spellings of one catalogue share it).
    static func lockPath(of catalogue: String) -> String { OutputFile.resolved(catalogue) + ".lock" }

    /// Takes the catalogue's work lock for `activity` without waiting, or throws ``LockError/held`` naming who holds
    /// it and since when. An in-memory catalogue needs no lock (nil).
    public static func acquire(
        catalogue: String, activity: LockActivity, by who: Attribution, time: LocalTime
    ) throws -> CatalogueLock? {
        if catalogue == ":memory:" || catalogue.isEmpty { return nil }
        let path = lockPath(of: catalogue)
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 { throw LockError.unavailable(path: path, reason: String(cString: strerror(errno))) }
        switch kho_ofd_trylock(fd, byte) {
        case 0:
            let lock = CatalogueLock(fd: fd)
            let holder = LockHolder(
                activity: activity, person: who.actor, recorder: who.recorder, pid: getpid(),
                since: Int64(Date().timeIntervalSince1970.rounded(.down)))
            lock.write(holder)
            return lock
        case 1:
            let error = heldError(fd: fd, catalogue: catalogue, time: time)
            close(fd)
            throw error
        default:
            let reason = String(cString: strerror(errno))
            close(fd)
            throw LockError.unavailable(path: path, reason: reason)
        }
    }

    /// Who holds the lock of the catalogue at `catalogue` now, or nil when nobody does (what a dead holder wrote is
    /// not a holder). Only looks: never takes the lock, even for a moment.
    public static func holder(of catalogue: String) -> LockHolder? {
        let fd = Glibc.open(lockPath(of: catalogue), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard kho_ofd_is_locked(fd, byte) == 1 else { return nil }
        return readHolder(fd)
    }

    /// Releases the lock (also done when the lock is freed, and by the kernel when the process ends).
    public func release() {
        released.withLock { released in
            guard !released else { return }
            released = true
            _ = ftruncate(fd, 0)
            _ = kho_ofd_unlock(fd, Self.byte)
            close(fd)
        }
    }

    private func write(_ holder: LockHolder) {
        guard let data = try? JSONEncoder().encode(holder) else { return }
        _ = ftruncate(fd, 0)
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = pwrite(fd, base, buffer.count, 0)
        }
    }

    private static func heldError(fd: Int32, catalogue: String, time: LocalTime) -> LockError {
        // A holder that has just taken the lock may not have written who it is yet.
        let deadline = Date().addingTimeInterval(holderGrace)
        while true {
            if let holder = readHolder(fd) {
                let since = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(holder.since)))
                return .held(
                    catalogue: catalogue, activity: holder.activity, person: holder.person, recorder: holder.recorder,
                    pid: holder.pid, since: since)
            }
            if Date() >= deadline { return .heldByUnknown(catalogue: catalogue) }
            usleep(20_000)
        }
    }

    private static func readHolder(_ fd: Int32) -> LockHolder? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        return try? JSONDecoder().decode(LockHolder.self, from: Data(buffer[0..<n]))
    }
}
