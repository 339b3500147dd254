/// Paths as text, where Foundation's own would stop the process.
enum PathText {
    /// The folder part of `path`, as `NSString.deletingLastPathComponent` gives it: `""` for a bare name, `"/"` for a
    /// name at the root, trailing slashes ignored (`a/b/` → `a`). Foundation's crashes the process (SIGILL) when the
    /// last component is one character (`x`, `a/`), so a file or catalogue named `x` on the command line did.
    static func parent(of path: String) -> String {
        var rest = Substring(path)
        while rest.count > 1 && rest.hasSuffix("/") { rest = rest.dropLast() }
        guard let slash = rest.lastIndex(of: "/") else { return "" }
        var folder = rest[..<slash]
        while folder.count > 1 && folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }
}
