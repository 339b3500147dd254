import Foundation

/// Runs the built `kho` executable, as a person or a script would, in a temporary folder that is removed when the
/// last reference to it goes (keep the `Kho` while you use paths inside `dir`).
final class Kho: Sendable {
    struct Result {
        var code: Int32
        var out: String
        var err: String
        /// The command ran past its time limit and was killed.
        var timedOut = false
    }

    let dir: URL
    var db: String { dir.appendingPathComponent("kho.sqlite").path }

    init() {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("kho-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: dir)
    }

    /// The `kho` binary beside the test bundle (SwiftPM builds products into one folder).
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kho")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/kho")
    }()

    /// Runs `kho ARGS` against this test's catalogue, in Vietnamese unless `env` says otherwise.
    @discardableResult
    func callAsFunction(_ args: String..., env: [String: String] = [:]) throws -> Result {
        try run(args, env: env)
    }

    /// A `kho ARGS` process (not started) against this test's catalogue, in this folder, in Vietnamese unless `env`
    /// says otherwise, without KHO_OPERATOR.
    func process(_ args: [String], env: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = args
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["KHO_DB"] = db
        environment["KHO_LANG"] = "vi"
        environment.removeValue(forKey: "KHO_OPERATOR")
        // Tables are fitted to COLUMNS when it is set: a test gives it when it means to.
        environment.removeValue(forKey: "COLUMNS")
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        return process
    }

    /// Runs `kho ARGS`, reading its standard output and error at the same time (so neither pipe fills up and blocks
    /// it); a run longer than `timeout` seconds is killed and comes back with `timedOut` set.
    func run(_ args: [String], env: [String: String] = [:], timeout: Double = 300) throws -> Result {
        let process = self.process(args, env: env)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, after: timeout)
        let errData = Collected()
        let errReader = err.fileHandleForReading
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData.set(errReader.readDataToEndOfFile()) }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let timedOut = watchdog.finish()
        return Result(
            code: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
            err: String(decoding: errData.get(), as: UTF8.self), timedOut: timedOut)
    }

    /// Data read on another thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ data: Data) { lock.withLock { self.data = data } }
        func get() -> Data { lock.withLock { data } }
    }

    /// Kills a process that is still running after a time limit; `finish()` says whether it had to.
    private final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        private var fired = false

        init(pid: Int32, after seconds: Double) {
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                lock.withLock {
                    guard !done else { return }
                    fired = true
                    kill(pid, SIGKILL)
                }
            }
        }

        /// Called once the process has been reaped: from now on the watchdog does nothing.
        func finish() -> Bool {
            lock.withLock {
                done = true
                return fired
            }
        }
    }

    func write(_ text: String, to name: String) -> String {
        let url = dir.appendingPathComponent(name)
        try? Data(text.utf8).write(to: url)
        return url.path
    }

    /// Everything the catalogue holds, as JSON, to compare before and after a refused command.
    func snapshot() throws -> String {
        try ["log", "box list", "file list", "fonds list", "status"].map { cmd -> String in
            var result = try run(cmd.split(separator: " ").map(String.init) + ["--json"])
            if cmd == "status" {
                result.out = result.out.split(separator: "\n").filter { !$0.contains("as_of") }.joined(separator: "\n")
            }
            return result.out
        }.joined(separator: "\n")
    }

    func json(_ args: String...) throws -> Any {
        let result = try run(args + ["--json"])
        return try JSONSerialization.jsonObject(with: Data(result.out.utf8))
    }
}

/// Writes an executable script at `path` through a descriptor closed on exec: a test that writes a script while
/// another test starts a process must not hand the child its write descriptor, or running the script fails with
/// "Text file busy" (ETXTBSY) for as long as that child lives.
func writeExecutable(_ text: String, at path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        written += n
    }
    guard fchmod(fd, 0o755) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
}
