import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an outside tool (OCRmyPDF, Tesseract, poppler) as a child process, with its output in files.
///
/// Output goes to files opened by the child (never pipes held by the parent), so many tools can run at once from
/// many threads without one waiting on another's pipe; standard input is `/dev/null`.
struct ToolProcess {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data

        var ok: Bool { status == 0 }
        var out: String { String(decoding: stdout, as: UTF8.self) }
        var err: String { String(decoding: stderr, as: UTF8.self) }
    }

    /// Runs `executable` with `arguments`; `environment` is added to this process's environment.
    ///
    /// Output is written to `scratch/<name>.out|.err` when `scratch` is given, else to temporary files removed after.
    /// With `input`, that open file is the child's standard input (else `/dev/null`): a tool given `/dev/stdin` then
    /// reads the very file kho opened and checked, whatever the path names meanwhile.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:],
        scratch: String? = nil, name: String = "tool", input: Int32? = nil
    ) throws -> Result {
        let folder: String
        var removeFolder = false
        if let scratch {
            folder = scratch
        } else {
            folder = NSTemporaryDirectory() + "kho-tool-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            removeFolder = true
        }
        defer { if removeFolder { try? FileManager.default.removeItem(atPath: folder) } }
        let outPath = folder + "/\(name).out"
        let errPath = folder + "/\(name).err"

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling (Swift's runtime ignores SIGPIPE) and nothing blocked.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        // kho itself handles SIGINT/SIGTERM (``CleanStop``); the child must die of them.
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        // Its own process group, so a stop ends it and everything it started (OCRmyPDF's Tesseracts) at once.
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let started = try CleanStop.spawn { () throws -> pid_t in
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            guard spawned == 0 else {
                throw ToolError(tool: executable, message: String(cString: strerror(spawned)))
            }
            return pid
        }
        guard let pid = started else { throw ToolError(tool: executable, message: "stopped") }
        defer { CleanStop.reaped(pid) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw ToolError(tool: executable, message: String(cString: strerror(errno))) }
        }
        // WIFEXITED / WEXITSTATUS, written out (the C macros are not imported).
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Result(status: code, stdout: out, stderr: err)
    }

    /// The executable called `name` on `PATH`, or nil.
    static func find(_ name: String, path: String? = ProcessInfo.processInfo.environment["PATH"]) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for dir in (path ?? "/usr/bin:/bin").split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            var st = stat()
            if stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}

/// An outside tool that could not be started.
struct ToolError: Error, Sendable {
    var tool: String
    var message: String
}
