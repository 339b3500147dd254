import Foundation
import KhoConcurrency

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
    ///
    /// Names that are not UTF-8 and names that are the same in NFC as another name in the same folder (NFC and
    /// NFD spellings) are findings: they never become masters silently, nor two spellings one master.
    static func walk(root: String) throws -> (folders: [ScanFolder], findings: [IngestFinding]) {
        var findings: [IngestFinding] = []
        var folders: [ScanFolder] = []
        guard let boxEntries = try entries(of: root) else { throw ScanError.rootMissing(root) }
        // Beside the box folders only folders, links and TIFF names matter (a README there is fine).
        let boxes = usable(
            boxEntries.filter { $0.kind == .directory || $0.kind == .symlink || isTIFFName($0.name) }, in: nil,
            findings: &findings)
        // Each box folder is walked on its own (`stat` of every master, on all cores), in order.
        let walked = ParallelMap.map(boxes) { box -> ([ScanFolder], [IngestFinding]) in
            var found: [IngestFinding] = []
            guard isFolder(box, path: box.name, findings: &found) else { return ([], found) }
            return (fileFolders(of: box, in: root, findings: &found), found)
        }
        for (boxFolders, boxFindings) in walked {
            folders += boxFolders
            findings += boxFindings
        }
        return (folders, findings)
    }

    /// Whether `entry` is a folder to walk into; a link, or a master out of place, is a finding at `path`.
    ///
    /// A README or notes file beside the folders is fine.
    private static func isFolder(_ entry: Entry, path: String, findings: inout [IngestFinding]) -> Bool {
        switch entry.kind {
        case .symlink:
            findings.append(.symlink(path: path))
            return false
        case .file, .other:
            if isTIFFName(entry.name) { findings.append(.looseFile(path: path)) }
            return false
        case .directory:
            return true
        }
    }

    /// The file folders of one box folder that hold masters.
    private static func fileFolders(of box: Entry, in root: String, findings: inout [IngestFinding]) -> [ScanFolder] {
        let boxPath = root + "/" + box.name
        let boxName = Clean.nfc(box.name)
        var folders: [ScanFolder] = []
        for file in usableEntries(of: boxPath, rel: boxName, findings: &findings) {
            let rel = boxName + "/" + Clean.nfc(file.name)
            guard isFolder(file, path: rel, findings: &findings) else { continue }
            var masters = masters(in: boxPath + "/" + file.name, rel: rel, findings: &findings)
            if masters.isEmpty { continue }
            masters.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            folders.append(ScanFolder(box: boxName, file: Clean.nfc(file.name), masters: masters))
        }
        return folders
    }

    /// The usable entries of the folder at `path` (`rel` from the root); an unreadable folder is a finding.
    private static func usableEntries(of path: String, rel: String, findings: inout [IngestFinding]) -> [Entry] {
        guard let found = try? entries(of: path) else {
            findings.append(.unreadableFolder(path: rel))
            return []
        }
        return usable(found, in: rel, findings: &findings)
    }

    /// The masters in one file folder (`rel` from the root), in the order found; anything else there is a finding.
    private static func masters(in filePath: String, rel: String, findings: inout [IngestFinding]) -> [MasterOnDisk] {
        var masters: [MasterOnDisk] = []
        for page in usableEntries(of: filePath, rel: rel, findings: &findings) {
            let pageRel = rel + "/" + Clean.nfc(page.name)
            switch page.kind {
            case .symlink:
                findings.append(.symlink(path: pageRel))
                continue
            case .directory, .other:
                findings.append(.looseFile(path: pageRel))
                continue
            case .file: break
            }
            guard isTIFFName(page.name) else {
                findings.append(.notTIFFName(path: pageRel))
                continue
            }
            guard let identity = page.identity else {
                findings.append(.unreadableFolder(path: pageRel))
                continue
            }
            masters.append(
                MasterOnDisk(
                    relPath: pageRel, diskPath: filePath + "/" + page.name, name: Clean.nfc(page.name),
                    identity: identity))
        }
        return masters
    }

    /// The entries of one folder that can be walked: names that are not UTF-8 are reported, and of names that are
    /// equal in NFC only the one spelt in NFC is kept (the others are reported; none is kept when none is NFC).
    /// `parent` is the folder's path relative to the root, nil for the root itself.
    static func usable(_ entries: [Entry], in parent: String?, findings: inout [IngestFinding]) -> [Entry] {
        func rel(_ name: String) -> String { parent.map { $0 + "/" + name } ?? name }
        var byNFC: [String: [Entry]] = [:]
        var order: [String] = []
        for entry in entries {
            guard entry.isUTF8 else {
                findings.append(.nameNotUTF8(path: rel(entry.name)))
                continue
            }
            let key = Clean.nfc(entry.name)
            if byNFC[key] == nil { order.append(key) }
            byNFC[key, default: []].append(entry)
        }
        var out: [Entry] = []
        for key in order {
            guard let group = byNFC[key] else { continue }
            if group.count == 1 {
                out.append(group[0])
                continue
            }
            // Compared as bytes: Swift's == would call the two spellings equal.
            let nfc = group.first { $0.name.utf8.elementsEqual(key.utf8) }
            findings.append(.unicodeTwin(path: rel(key), kept: nfc != nil))
            if let nfc { out.append(nfc) }
        }
        return out
    }

    enum Kind { case directory, file, symlink, other }

    struct Entry {
        /// The name as the file system spells it; when it is not UTF-8, its bytes with the bad ones as `\xFF`.
        var name: String
        var kind: Kind
        var identity: FileIdentity?
        /// Whether the name on disk is valid UTF-8 (`name` is then exactly its bytes).
        var isUTF8 = true
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
            // The name's bytes, as they are: a name that is not UTF-8 must still be found again with fstatat.
            var info = stat()
            let (bytes, statted) = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { cName -> ([UInt8], Bool) in
                    let bytes = Array(
                        UnsafeBufferPointer(
                            start: UnsafeRawPointer(cName).assumingMemoryBound(to: UInt8.self), count: strlen(cName)))
                    if bytes.first == UInt8(ascii: ".") { return (bytes, false) }
                    return (bytes, fstatat(fd, cName, &info, AT_SYMLINK_NOFOLLOW) == 0)
                }
            }
            if bytes.first == UInt8(ascii: ".") { continue }
            let valid = String(validating: bytes, as: UTF8.self)
            let name = valid ?? shown(bytes)
            guard statted else {
                // Gone between readdir and fstatat; a name that is not UTF-8 is still worth reporting.
                if valid == nil { out.append(Entry(name: name, kind: .other, identity: nil, isUTF8: false)) }
                continue
            }
            let kind: Kind
            switch info.st_mode & S_IFMT {
            case S_IFDIR: kind = .directory
            case S_IFREG: kind = .file
            case S_IFLNK: kind = .symlink
            default: kind = .other
            }
            let identity = FileIdentity(
                device: Int64(bitPattern: UInt64(info.st_dev)), inode: Int64(bitPattern: UInt64(info.st_ino)),
                size: Int64(info.st_size),
                mtimeNS: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                ctimeNS: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
            out.append(Entry(name: name, kind: kind, identity: identity, isUTF8: valid != nil))
        }
        out.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        return out
    }

    /// A name that is not UTF-8, readable: its valid UTF-8 runs as text, every other byte as `\xFF`.
    static func shown(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, i + length <= bytes.count,
                let text = String(validating: bytes[i..<i + length], as: UTF8.self)
            {
                out += Visible.escaped(text)
                i += length
            } else {
                out += String(format: "\\x%02X", lead)
                i += 1
            }
        }
        return out
    }
}
