import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `stat` says about a master: enough to tell whether it changed since it was last read.
struct FileIdentity: Hashable, Sendable {
    var device: Int64
    var inode: Int64
    var size: Int64
    var mtimeNS: Int64
    var ctimeNS: Int64
}

/// A master found on disk under `ROOT/<box>/<file>/`.
struct MasterOnDisk: Sendable {
    /// `BOX/FILE/name`, in NFC: the master's key in the catalogue.
    var relPath: String
    /// The path on disk, as the file system spells it.
    var diskPath: String
    var name: String
    var identity: FileIdentity
}

/// One `ROOT/<box>/<file>/` folder and its masters in page order (by file name).
struct ScanFolder: Sendable {
    var box: String
    var file: String
    var masters: [MasterOnDisk]
}

/// Walks a scans root two levels deep, never following a symbolic link.
enum ScanWalker {
    static func isTIFFName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".tif") || lower.hasSuffix(".tiff")
    }

    /// The folders under `root` and what was found that is not a master in its place.
    static func walk(root: String) throws -> (folders: [ScanFolder], findings: [IngestFinding]) {
        var findings: [IngestFinding] = []
        var folders: [ScanFolder] = []
        guard let boxes = try entries(of: root) else { throw ScanError.rootMissing(root) }
        for box in boxes {
            let boxPath = root + "/" + box.name
            switch box.kind {
            case .symlink: findings.append(.symlink(path: box.name)); continue
            // A README or notes file beside the box folders is fine; a master out of place is reported.
            case .file, .other:
                if isTIFFName(box.name) { findings.append(.looseFile(path: box.name)) }
                continue
            case .directory: break
            }
            guard let files = try? entries(of: boxPath) else { findings.append(.unreadableFolder(path: box.name)); continue }
            for file in files {
                let rel = Clean.nfc(box.name) + "/" + Clean.nfc(file.name)
                let filePath = boxPath + "/" + file.name
                switch file.kind {
                case .symlink: findings.append(.symlink(path: rel)); continue
                case .file, .other:
                    if isTIFFName(file.name) { findings.append(.looseFile(path: rel)) }
                    continue
                case .directory: break
                }
                guard let pages = try? entries(of: filePath) else { findings.append(.unreadableFolder(path: rel)); continue }
                var masters: [MasterOnDisk] = []
                for page in pages {
                    let pageRel = rel + "/" + Clean.nfc(page.name)
                    switch page.kind {
                    case .symlink: findings.append(.symlink(path: pageRel)); continue
                    case .directory, .other: findings.append(.looseFile(path: pageRel)); continue
                    case .file: break
                    }
                    guard isTIFFName(page.name) else { findings.append(.notTIFFName(path: pageRel)); continue }
                    guard let identity = page.identity else { findings.append(.unreadableFolder(path: pageRel)); continue }
                    masters.append(MasterOnDisk(relPath: pageRel, diskPath: filePath + "/" + page.name, name: Clean.nfc(page.name), identity: identity))
                }
                if masters.isEmpty { continue }
                masters.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
                folders.append(ScanFolder(box: Clean.nfc(box.name), file: Clean.nfc(file.name), masters: masters))
            }
        }
        return (folders, findings)
    }

    enum Kind { case directory, file, symlink, other }

    struct Entry {
        var name: String
        var kind: Kind
        var identity: FileIdentity?
    }

    /// The entries of a folder (without `.` and hidden names), sorted by name; nil when the folder does not exist.
    static func entries(of path: String) throws -> [Entry]? {
        guard let dir = opendir(path) else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw ScanError.unreadable(path, String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var out: [Entry] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let kind: Kind
            switch info.st_mode & S_IFMT {
            case S_IFDIR: kind = .directory
            case S_IFREG: kind = .file
            case S_IFLNK: kind = .symlink
            default: kind = .other
            }
            let identity = FileIdentity(
                device: Int64(bitPattern: UInt64(info.st_dev)), inode: Int64(bitPattern: UInt64(info.st_ino)), size: Int64(info.st_size),
                mtimeNS: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                ctimeNS: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
            out.append(Entry(name: name, kind: kind, identity: identity))
        }
        out.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return out
    }
}
