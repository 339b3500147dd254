import CKhoSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells whether a path lies on a network filesystem, where SQLite's WAL mode is unsafe.
///
/// WAL keeps its index in shared memory (`-shm`, mapped by every process), which network filesystems do not
/// share between machines, and their byte-range locks are unreliable. NFS, SMB and CIFS are refused by their
/// `statfs` magic; FUSE is refused only when the mount table names it `fuse.sshfs` (other FUSE filesystems,
/// such as ntfs-3g on a USB disk, are local).
public enum FileSystemGuard {
    /// The network filesystem holding `path` (or, when it does not exist yet, its nearest existing folder), if any.
    public static func networkKind(of path: String) -> String? {
        var probe = URL(fileURLWithPath: path).standardizedFileURL.path
        var type: UInt64?
        while true {
            type = fileSystemType(probe)
            if type != nil { break }
            let parent = PathText.parent(of: probe)
            if parent == probe || parent.isEmpty { return nil }
            probe = parent
        }
        guard let type else { return nil }
        return classify(type: type, fuseSubtype: { fuseType(of: probe) })
    }

    /// `statfs(2)`'s `f_type` for `path`, or nil when it cannot be read.
    ///
    /// Read through a C wrapper (`CKhoSystem`), so the C compiler lays out `struct statfs`.
    static func fileSystemType(_ path: String) -> UInt64? {
        var type: UInt64 = 0
        guard path.withCString({ kho_statfs_type($0, &type) }) == 0 else { return nil }
        return type
    }

    /// The bytes this process may still write on the filesystem holding `path` (or its nearest existing folder),
    /// or nil when that cannot be read.
    public static func freeBytes(near path: String) -> UInt64? {
        var probe = URL(fileURLWithPath: path).standardizedFileURL.path
        while true {
            var bytes: UInt64 = 0
            if probe.withCString({ kho_free_bytes($0, &bytes) }) == 0 { return bytes }
            let parent = PathText.parent(of: probe)
            if parent == probe || parent.isEmpty { return nil }
            probe = parent
        }
    }

    /// Names the network filesystem of a `statfs` type, or nil for a local one.
    public static func classify(type: UInt64, fuseSubtype: () -> String?) -> String? {
        switch type & 0xFFFF_FFFF {
        case 0x6969: return "NFS"
        case 0x517B: return "SMB"
        case 0xFE53_4D42: return "SMB2"
        case 0xFF53_4D42: return "CIFS"
        case 0x6573_5546:  // FUSE
            let subtype = fuseSubtype()
            return subtype == "fuse.sshfs" ? "sshfs" : nil
        default: return nil
        }
    }

    /// Refuses a catalogue on a network filesystem.
    static func refuseNetwork(path: String) throws {
        if let kind = networkKind(of: path) { throw MaintenanceError.networkFilesystem(path: path, kind: kind) }
    }

    /// The type in the mount table of the mount holding `path` (the longest mount point that prefixes it).
    static func fuseType(of path: String) -> String? {
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return nil }
        var best: (point: String, type: String)?
        for line in table.split(separator: "\n") {
            // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count > 5, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
            let point = fields[4].replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || path == point || path.hasPrefix(point + "/")
            if inside && point.count >= (best?.point.count ?? -1) { best = (point, fields[dash + 1]) }
        }
        return best?.type
    }
}
