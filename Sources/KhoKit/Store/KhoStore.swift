import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The catalogue database: one SQLite file holding fonds, boxes, files and the event log.
///
/// Opening creates the file and applies migrations under a lock on a sibling `.lock` file,
/// so that several `kho` processes may open a new catalogue at once.
public final class KhoStore: Sendable {
    /// The path of the database file.
    public let path: String
    /// Whether this store can only read (the file is read-only).
    public let isReadOnly: Bool
    /// The archive's local time zone, in which events are grouped into days.
    public let time: LocalTime
    let writer: any DatabaseWriter

    private init(path: String, writer: any DatabaseWriter, isReadOnly: Bool, time: LocalTime = .fromEnvironment()) {
        self.path = path
        self.writer = writer
        self.isReadOnly = isReadOnly
        self.time = time
    }

    /// The default database path: `KHO_DB`, else `catalog/kho.sqlite` under the current folder.
    public static func defaultPath(_ env: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = env["KHO_DB"], !path.isEmpty { return path }
        return "catalog/kho.sqlite"
    }

    /// Opens (and creates, when `create` is true and it does not exist) the catalogue at `path`.
    ///
    /// A file that is not SQLite, a catalogue written by a newer kho, and (for writing) a read-only
    /// file are refused with a `StoreError` before anything is changed; a catalogue on a network filesystem
    /// (NFS, SMB/CIFS, sshfs), where WAL is unsafe, with `MaintenanceError.networkFilesystem`; a `KHO_TZ` that
    /// names no time zone with `LocalTimeError.unknownZone`.
    ///
    /// `concurrentReads` (for `kho serve`, where many requests read at once) opens a pool of connections whose
    /// reads run side by side, each on its own snapshot; writes are still one at a time.
    public static func open(
        path: String, forWriting: Bool, create: Bool = true, concurrentReads: Bool = false
    )
        throws -> KhoStore
    {
        let fm = FileManager.default
        let time = try LocalTime.configured()
        try FileSystemGuard.refuseNetwork(path: path)
        var isDir: ObjCBool = false
        let exists = fm.fileExists(atPath: path, isDirectory: &isDir)
        if exists && isDir.boolValue { throw StoreError.notAFile(path: path) }
        if exists { try checkHeader(path: path) }
        if !exists && !create { throw StoreError.missing(path: path) }
        let readOnly = exists && !isWritable(path: path)
        if readOnly && forWriting { throw StoreError.readOnly(path: path) }

        if readOnly {
            var config = baseConfiguration()
            config.readonly = true
            let openPath = readOnlyOpenPath(path)
            let queue = try mapErrors(path: path) { try DatabaseQueue(path: openPath, configuration: config) }
            try mapErrors(path: path) {
                try queue.read { db in
                    if try Migrations.migrator.hasBeenSuperseded(db) {
                        throw StoreError.newerSchema(path: path, unknown: try unknownMigrations(db))
                    }
                }
            }
            return KhoStore(path: path, writer: queue, isReadOnly: true, time: time)
        }

        let directory = PathText.parent(of: path)
        if !directory.isEmpty && !fm.fileExists(atPath: directory) {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreate(path: path, reason: error.localizedDescription)
            }
        }
        let writer: any DatabaseWriter = try withFileLock(catalogue: path) {
            try mapErrors(path: path) {
                let queue = try DatabaseQueue(path: path, configuration: baseConfiguration())
                try queue.writeWithoutTransaction { db in
                    if try Migrations.migrator.hasBeenSuperseded(db) {
                        throw StoreError.newerSchema(path: path, unknown: try unknownMigrations(db))
                    }
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                try Migrations.migrator.migrate(queue)
                guard concurrentReads else { return queue }
                try queue.close()
                return try DatabasePool(path: path, configuration: baseConfiguration())
            }
        }
        return KhoStore(path: path, writer: writer, isReadOnly: false, time: time)
    }

    /// An in-memory catalogue, for tests.
    public static func inMemory(time: LocalTime = .fromEnvironment()) throws -> KhoStore {
        let queue = try DatabaseQueue(configuration: baseConfiguration())
        try Migrations.migrator.migrate(queue)
        return KhoStore(path: ":memory:", writer: queue, isReadOnly: false, time: time)
    }

    /// Runs `body` in one write transaction; any error rolls everything back.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        // A SIGINT/SIGTERM waits for this write to end, and none starts after it (``CleanStop``).
        return try CleanStop.duringWrite { try Self.mapErrors(path: path) { try writer.write(body) } }
    }

    /// Runs `body` with a consistent read-only view of the catalogue.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.mapErrors(path: path) { try writer.read(body) }
    }

    /// How long kho waits for another process to let go of the catalogue before it says the catalogue is busy.
    static let busyTimeout: TimeInterval = 15

    static func baseConfiguration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "kho"
        // In WAL mode NORMAL keeps every commit atomic and the file consistent after a crash or power loss;
        // only the last commits before a power cut may be lost, and an ingest simply redoes them.
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache (taken only as pages are read): an ingest into half a million masters dirties
            // thousands of index pages per batch, and SQLite's default 2 MiB spilled them to the WAL over and over
            // (62.000 page writes instead of 3.300 for 3.000 masters).
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Reads through a memory map instead of a copy per page: a full pass over a 600 MB catalogue (`kho check`'s
            // integrity check, the report) spent 40 % of its time in the kernel copying pages. Local disks only: a
            // catalogue on a network filesystem is refused before it is opened (FileSystemGuard).
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            // Statement journals and sorts in memory: each insert into the big indexes of a full catalogue journals
            // the pages it changes, and SQLite spilled those journals to temporary files (50.000 writes for 3.000
            // masters, none in an empty catalogue).
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try SearchRank.register(db)
        }
        return config
    }

    private static func unknownMigrations(_ db: Database) throws -> [String] {
        let applied = try Migrations.migrator.appliedIdentifiers(db)
        return applied.subtracting(Migrations.migrator.migrations).sorted()
    }

    /// Refuses a non-empty file that does not start with SQLite's header.
    private static func checkHeader(path: String) throws {
        // A device or FIFO given as the catalogue (KHO_DB=/dev/null) is refused before it is opened or locked.
        do {
            try InputFile.check(path)
        } catch InputError.notRegularFile {
            throw StoreError.notAFile(path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.io(path: path, reason: "cannot open for reading")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) { throw StoreError.notSQLite(path: path) }
    }

    /// Where SQLite should open a read-only catalogue.
    ///
    /// A WAL catalogue needs its `-shm` file even to read; in a folder that cannot be written (a read-only mount,
    /// a CD) and with no `-shm` or unfinished `-wal` beside it, nobody can be writing it, so it is opened as immutable.
    static func readOnlyOpenPath(_ path: String) -> String {
        let directory = PathText.parent(of: path)
        let fm = FileManager.default
        var wal = stat()
        let walEmpty = stat(path + "-wal", &wal) != 0 || wal.st_size == 0
        guard access(directory.isEmpty ? "." : directory, W_OK) != 0, !fm.fileExists(atPath: path + "-shm"), walEmpty
        else {
            return path
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:\(absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute)?immutable=1"
    }

    /// Whether the file may be written: its mode has a write bit and the OS allows it (root included).
    private static func isWritable(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if info.st_mode & 0o222 == 0 { return false }
        return access(path, W_OK) == 0
    }

    /// Holds an exclusive `flock` on the catalogue's lock file while `body` runs: the work lock's file
    /// (``CatalogueLock/lockPath(of:)``, links resolved), so that two spellings of one catalogue (a link to it, a path
    /// through a linked folder) wait for each other's open as they do for each other's work.
    private static func withFileLock<T>(catalogue path: String, _ body: () throws -> T) throws -> T {
        let fd = Glibc.open(CatalogueLock.lockPath(of: path), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        if fd < 0 {
            // A folder we cannot write: let SQLite report it as it will.
            return try body()
        }
        defer { close(fd) }
        // Waits as long as SQLite waits for a busy catalogue (`busyTimeout`), never for ever: a process stopped or hung
        // while it opens the catalogue must not hang every other one behind it.
        let deadline = Date().addingTimeInterval(busyTimeout)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                throw StoreError.busy(path: path)
            }
            usleep(5_000)
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Turns SQLite's error codes into messages a person can act on.
    ///
    /// A full disk does not always come back as `SQLITE_FULL`: with WAL, growing the `-shm` index on a full disk is
    /// `SQLITE_IOERR_SHMSIZE` ("disk I/O error"), even for a read. So an I/O or open error on a filesystem with
    /// (almost) no room left is reported as a full disk.
    static func mapErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            switch error.resultCode.primaryResultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: throw StoreError.notSQLite(path: path)
            case .SQLITE_READONLY: throw StoreError.readOnly(path: path)
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.busy(path: path)
            case .SQLITE_FULL: throw StoreError.diskFull(path: path)
            case .SQLITE_CANTOPEN:
                if diskIsFull(near: path) { throw StoreError.diskFull(path: path) }
                throw StoreError.cannotCreate(path: path, reason: error.message ?? "cannot open")
            case .SQLITE_IOERR:
                if diskIsFull(near: path) { throw StoreError.diskFull(path: path) }
                throw StoreError.io(path: path, reason: error.message ?? "I/O error")
            default: throw StoreError.database(error, path: path)
            }
        }
    }

    /// Below this many free bytes a failed write is taken to be a full disk: SQLite needs a page for its data, and
    /// 32 KiB for each step of its WAL index.
    static let fullDiskThreshold: UInt64 = 1 << 20

    /// Whether the filesystem holding `path` has (almost) no room left for this process.
    static func diskIsFull(near path: String) -> Bool {
        guard path != ":memory:", let free = FileSystemGuard.freeBytes(near: path) else { return false }
        return free < fullDiskThreshold
    }
}
