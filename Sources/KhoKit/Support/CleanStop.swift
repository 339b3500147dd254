import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A clean stop on SIGINT or SIGTERM: no catalogue write is cut in half or started after the signal, every outside
/// tool kho started (each in its own process group, with whatever it started) is ended, every build folder is removed,
/// and then the caller's `onStop` says so and exits. The library never prints or exits: the CLI's `onStop` does.
///
/// Process-wide by nature (signals are): ``KhoStore`` writes pass through ``duringWrite(_:)``, ``ToolProcess`` spawns
/// through ``spawn(_:)``, work folders are made through ``makeFolder(_:)``.
public enum CleanStop {
    private struct State {
        var groups: Set<pid_t> = []
        var folders: Set<String> = []
        var stopping = false
        var sources: [DispatchSourceSignal] = []
    }

    private static let state = Mutex(State())
    /// Held during each catalogue write; a stop takes it and never gives it back.
    private static let gate = NSRecursiveLock()

    /// Handles SIGINT and SIGTERM from now on: cleans up as described above, then calls `onStop` with the signal.
    public static func install(onStop: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "kho.clean-stop")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            // Made under the lock that keeps it alive (a source is not Sendable: it never leaves the state).
            state.withLock { state in
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler {
                    stop()
                    onStop(signalNumber)
                }
                source.resume()
                state.sources.append(source)
            }
        }
    }

    /// Whether a stop has begun (nothing new is started then).
    public static var isStopping: Bool {
        state.withLock { $0.stopping }
    }

    /// Runs one catalogue write; a stop waits for it to end, and no write starts once a stop has begun (the thread
    /// waits for the stop to end the process).
    static func duringWrite<T>(_ body: () throws -> T) rethrows -> T {
        if isStopping { park() }
        gate.lock()
        defer { gate.unlock() }
        return try body()
    }

    /// Starts a child with `start` (which returns its pid, the leader of its own process group) unless a stop has
    /// begun; the child's group is ended by a stop until ``reaped(_:)``. Nil when stopping.
    static func spawn(_ start: () throws -> pid_t) rethrows -> pid_t? {
        try state.withLock { state in
            if state.stopping { return nil }
            let pid = try start()
            state.groups.insert(pid)
            return pid
        }
    }

    /// The child `pid` was waited for: its group is no longer ended by a stop.
    static func reaped(_ pid: pid_t) {
        state.withLock { _ = $0.groups.remove(pid) }
    }

    /// Makes `folder` (with its parents) unless a stop has begun; a stop removes it until ``removed(_:)``.
    static func makeFolder(_ folder: String) throws -> Bool {
        try state.withLock { state in
            if state.stopping { return false }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            state.folders.insert(folder)
            return true
        }
    }

    /// Removes `folder` and forgets it.
    static func removeFolder(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        state.withLock { _ = $0.folders.remove(folder) }
    }

    /// Returns at once unless a stop has begun; then never returns (the stop ends the process): a command that ends
    /// (with or without an error) while a stop is under way must not exit before the stop has cleaned up.
    public static func waitIfStopping() {
        if isStopping { park() }
    }

    private static func park() -> Never {
        while true { sleep(60) }
    }

    /// Stops new work, waits for a catalogue write under way, ends the children's groups (SIGTERM, then SIGKILL after
    /// 3 s), and removes the work folders.
    static func stop() {
        state.withLock { $0.stopping = true }
        gate.lock()  // never unlocked: no write starts after this
        let (groups, folders) = state.withLock { ($0.groups, $0.folders) }
        for group in groups { kill(-group, SIGTERM) }
        let alive = waitForGroups(groups, seconds: 3)
        for group in alive { kill(-group, SIGKILL) }
        _ = waitForGroups(alive, seconds: 2)
        // A tool still dying may write into its folder while it is removed: try again a few times.
        for folder in folders {
            for _ in 0..<5 {
                try? FileManager.default.removeItem(atPath: folder)
                if !FileManager.default.fileExists(atPath: folder) { break }
                usleep(100_000)
            }
        }
    }

    /// Waits up to `seconds` for every process of `groups` to be gone; returns the groups still alive.
    private static func waitForGroups(_ groups: Set<pid_t>, seconds: Double) -> Set<pid_t> {
        let deadline = Date().addingTimeInterval(seconds)
        var alive = groups
        while !alive.isEmpty && Date() < deadline {
            alive = alive.filter { kill(-$0, 0) == 0 }
            if !alive.isEmpty { usleep(20_000) }
        }
        return alive
    }
}
