import Foundation
import Testing

/// The folders of `Sources/KhoKit` use each other one way only, as the README's "Layers of KhoKit" draws them.
///
/// Read from the sources by name, not by the compiler: each folder declares the top-level types (struct, class,
/// enum, protocol, actor, typealias) and internal or public free functions of its files; a folder uses another when
/// its code (comments and string literals left out, string interpolations kept) names one of those.
///
/// A feature's store reached through a transaction (`tx.custody`) is seen as a use of the folder of the store its
/// accessor returns (`var custody: CustodyStore { … }`).
///
/// A member an `extension` adds belongs to the folder that declares the extension: a call to it
/// (`store.protectedPaths()`, `Self.appendUndo(…)`, `KhoStore.archiveCodes(…)`) is a use of that folder. Limitation:
/// an unqualified call counts only when no other declaration in the module has the name (a `func verify` of
/// Scanning's next to a local `let verify` proves nothing), so such a name can still hide a use; the compiler does
/// not see folders at all.
@Suite struct FolderLayersTests {
    /// References allowed although they point up or across, each for a reason that is being removed. None now:
    /// `Store/Migrations.swift`, which called Search and Documents, runs frozen SQL; the box and file edits, which ask
    /// Custody (nothing moves while it is out) and Weeding (kept metres leave room for the list), are their own floor,
    /// Edits, above both (issue 26).
    static let allowed: [(file: String, folders: Set<String>)] = []

    @Test func foldersOfKhoKitFormNoCycle() throws {
        let graph = try FolderGraph.read(Self.khoKit, allowing: Self.allowed)
        let cycles = graph.cycles()
        #expect(
            cycles.isEmpty,
            "folders of KhoKit that use each other: \(cycles.count) cycle(s)\n\(cycles.map(graph.describe).joined(separator: "\n"))"
        )
    }

    @Test func readmeDrawsTheLayersTheCodeHas() throws {
        let graph = try FolderGraph.read(Self.khoKit, allowing: Self.allowed)
        let layers = try Self.readmeLayers()
        let listed = Set(layers.map(\.folder))
        #expect(listed.count == layers.count, "a folder is listed twice in the README's layers")
        #expect(
            listed == Set(graph.folders), "README lists \(listed.sorted()), the code has \(graph.folders.sorted())")
        // Ground floor first: each folder may use only folders listed above it.
        var below: Set<String> = []
        for layer in layers {
            let above = layer.uses.subtracting(below)
            #expect(above.isEmpty, "README: \(layer.folder) may use \(above.sorted()), not listed below it")
            below.insert(layer.folder)
        }
        for layer in layers {
            for target in graph.uses(of: layer.folder) where !layer.uses.contains(target) {
                Issue.record(
                    "\(layer.folder) uses \(target) (\(graph.describeEdge(layer.folder, target))): not in the README's layers"
                )
            }
            // The picture is exact: a folder listed as used that the code does not use is a stale line.
            for target in layer.uses.subtracting(graph.uses(of: layer.folder)).sorted() {
                Issue.record("README: \(layer.folder) is listed as using \(target), which its code does not use")
            }
        }
    }

    @Test func theReaderSeesTypesFunctionsAndCyclesButNotCommentsOrStrings() {
        let graph = FolderGraph(files: [
            "A/One.swift": "struct Alpha {}\nfunc helper() {}\n// uses Beta\nlet s = \"Beta\"\nlet t = \"\\(Gamma.x)\"",
            "B/Two.swift": "enum Beta {}\nprivate struct Hidden {}\nextension Alpha { func f() { helper() } }",
            "C/Three.swift": "/* Alpha */\nstruct Gamma { let b: Beta }\nlet x = Hidden()",
        ])
        #expect(graph.uses(of: "A") == ["C"])
        #expect(graph.uses(of: "B") == ["A"])
        #expect(graph.uses(of: "C") == ["B"])
        #expect(graph.cycles().map { $0.joined(separator: " → ") } == ["A → C → B → A"])
        // A store reached through the transaction is a use of the store's folder.
        let stores = FolderGraph(files: [
            "S/Stores.swift": "struct Stores {}",
            "F/FeatureStore.swift":
                "struct FeatureStore {}\nextension Stores { var feature: FeatureStore { FeatureStore() } }",
            "U/User.swift": "func use(_ tx: Stores) { tx.feature.run() }",
        ])
        #expect(stores.uses(of: "U") == ["F", "S"])
        // A member another folder's extension adds is a use of that folder when it is called: through a value, `Self`
        // or the extended type; `Other.verify` is another type's member, and a name declared twice proves nothing.
        let members = FolderGraph(files: [
            "S/Store.swift": "struct Store {}\nstruct Other { static func verify() {} }",
            "W/Weeds.swift":
                "extension Store {\n    func undoWeed() {}\n    static func codes() {}\n    func count() {}\n}",
            "C/Calls.swift": "extension Store {\n    func a() { undoWeed() }\n}",
            "D/Qualified.swift": "func b() { Store.codes() }",
            "E/Ambiguous.swift": "func c(_ s: Store) { let count = 1; s.count() }",
            "V/Verify.swift": "extension Store {\n    func verify() {}\n}",
            "X/Other.swift": "func d() { Other.verify() }",
        ])
        #expect(members.uses(of: "C") == ["S", "W"])
        #expect(members.uses(of: "D") == ["S", "W"])
        #expect(members.uses(of: "E") == ["S"])
        #expect(members.uses(of: "X") == ["S"])
    }

    static let khoKit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/KhoKit")

    /// The README's "Layers of KhoKit" block: one `Folder: Used, Other` line per folder, ground floor first.
    static func readmeLayers() throws -> [(folder: String, uses: Set<String>)] {
        let readme = try String(
            contentsOf: khoKit.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
                "README.md"),
            encoding: .utf8)
        guard let heading = readme.range(of: "### Layers of KhoKit"),
            let open = readme.range(of: "```text\n", range: heading.upperBound..<readme.endIndex),
            let close = readme.range(of: "```", range: open.upperBound..<readme.endIndex)
        else {
            Issue.record("README.md has no ### Layers of KhoKit section with a ```text block")
            return []
        }
        return readme[open.upperBound..<close.lowerBound].split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard let name = parts.first?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            let uses =
                parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
            return (name, Set(uses.filter { !$0.isEmpty && $0 != "—" }))
        }
    }
}

/// Which folder uses which, with the first reference seen for each pair.
struct FolderGraph {
    /// For each folder, the folders it uses and one reference for each: `file` names `name`.
    private(set) var edges: [String: [String: (file: String, name: String)]] = [:]
    private(set) var folders: [String] = []

    /// `files`: source text by path relative to the module (`Folder/File.swift`).
    init(files: [String: String], allowing allowed: [(file: String, folders: Set<String>)] = []) {
        let code = files.mapValues(SwiftCode.withoutCommentsAndStrings)
        folders = Array(Set(files.keys.map(Self.folder))).sorted()
        var owner: [String: String] = [:]
        for (path, text) in code.sorted(by: { $0.key < $1.key }) {
            for name in SwiftCode.topLevelNames(text) where owner[name] == nil { owner[name] = Self.folder(path) }
        }
        // A feature's store is reached through one transaction's `Stores` (`tx.custody`): the accessor names the
        // folder of the store it returns (`var custody: CustodyStore { … }`).
        var accessors: [String: String] = [:]
        let accessor = /var (\w+): (\w+Store) \{/
        for text in code.values {
            for match in text.matches(of: accessor) {
                if let to = owner[String(match.output.2)] { accessors["tx." + match.output.1] = to }
            }
        }
        // A member an `extension` adds (`extension KhoStore { func archiveCodes(…) }`) belongs to the folder of the
        // extension. A qualified call (`KhoStore.archiveCodes(…)`) is a use of the one folder whose extensions of
        // that type declare the name; an unqualified one (`store.undoWeed(…)`, `Self.appendUndo(…)`) counts only for
        // a name declared nowhere else in the module (an ambiguous name proves nothing).
        var declared: [String: Int] = [:]
        var qualified: [String: Set<String>] = [:]
        var memberDeclarations: [String: Int] = [:]
        for (path, text) in code {
            for name in SwiftCode.declaredNames(text) { declared[name, default: 0] += 1 }
            for (type, name) in SwiftCode.extensionMembers(text) {
                qualified[type + "." + name, default: []].insert(Self.folder(path))
                qualified[name, default: []].insert(Self.folder(path))
                memberDeclarations[name, default: 0] += 1
            }
        }
        let members = qualified.compactMapValues { $0.count == 1 ? $0.first : nil }.filter { name, _ in
            name.contains(".") || (declared[name] == memberDeclarations[name] && owner[name] == nil)
        }
        for (path, text) in code.sorted(by: { $0.key < $1.key }) {
            let from = Self.folder(path)
            let excused = allowed.filter { $0.file == path }.reduce(into: Set<String>()) { $0.formUnion($1.folders) }
            let stores = text.matches(of: /\btx\.(\w+)/).map { "tx." + $0.output.1 }
            // Calls and member accesses: `.name`, `name(`, and `Type.name` as written.
            let calls = text.matches(of: /(?:\b(\w+))?\.(\w+)|\b(\w+)\s*\(/).flatMap { match -> [String] in
                if let member = match.output.2 {
                    // `Bcrypt.verify` is another type's member; `store.verify`, `Self.verify` may be an extension's.
                    guard let qualifier = match.output.1 else { return [String(member)] }
                    let type = qualifier.first?.isUppercase == true && qualifier != "Self"
                    return (type ? [] : [String(member)]) + ["\(qualifier).\(member)"]
                }
                return match.output.3.map { [String($0)] } ?? []
            }
            let named = SwiftCode.identifiers(text).map { name in owner[name].map { (name, $0) } }
            let throughStores = stores.map { name in accessors[name].map { (name, $0) } }
            let called = calls.map { name in members[name].map { (name, $0) } }
            for case let (name, to)? in named + throughStores + called {
                guard to != from, !excused.contains(to) else { continue }
                if edges[from, default: [:]][to] == nil { edges[from, default: [:]][to] = (path, name) }
            }
        }
    }

    static func read(_ root: URL, allowing allowed: [(file: String, folders: Set<String>)]) throws -> FolderGraph {
        let paths = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".swift") && $0.contains("/") }
        #expect(paths.count > 50, "only \(paths.count) source files read under \(root.path)")
        var files: [String: String] = [:]
        for path in paths {
            files[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        }
        return FolderGraph(files: files, allowing: allowed)
    }

    static func folder(_ path: String) -> String { String(path.split(separator: "/").first ?? "") }

    func uses(of folder: String) -> [String] { (edges[folder] ?? [:]).keys.sorted() }

    /// Every elementary cycle, each once, starting at its smallest folder (`A → C → B → A`), shortest first.
    func cycles() -> [[String]] {
        var found: Set<[String]> = []
        // A cycle through each edge: the edge, then the shortest path back (breadth-first).
        for (from, targets) in edges {
            for to in targets.keys {
                guard let back = shortestPath(from: to, to: from) else { continue }
                var cycle = [from] + back.dropLast()
                let start = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) ?? 0
                cycle = Array(cycle[start...] + cycle[..<start])
                found.insert(cycle + [cycle[0]])
            }
        }
        return found.sorted { ($0.count, $0.joined(separator: " ")) < ($1.count, $1.joined(separator: " ")) }
    }

    private func shortestPath(from start: String, to goal: String) -> [String]? {
        var previous: [String: String] = [start: start]
        var queue = [start]
        while !queue.isEmpty {
            let here = queue.removeFirst()
            if here == goal {
                var path = [goal]
                while let last = path.last, last != start, let p = previous[last] { path.append(p) }
                return path.reversed()
            }
            for next in uses(of: here) where previous[next] == nil {
                previous[next] = here
                queue.append(next)
            }
        }
        return nil
    }

    func describeEdge(_ from: String, _ to: String) -> String {
        guard let reference = edges[from]?[to] else { return "?" }
        return "\(reference.file) names \(reference.name)"
    }

    /// `Store → Search → Store: Store/KhoStore.swift names SearchRank; Search/Search.swift names KhoStore`.
    func describe(_ cycle: [String]) -> String {
        cycle.joined(separator: " → ") + ": "
            + zip(cycle, cycle.dropFirst()).map { describeEdge($0, $1) }.joined(separator: "; ")
    }
}

/// Just enough of Swift's lexical structure to tell code from comments and string literals.
enum SwiftCode {
    /// `text` with comments and the literal parts of strings blanked out; interpolations (`\(…)`) are kept as code.
    static func withoutCommentsAndStrings(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        // The open strings, innermost last: how each ends (`"`, `"""`, with its `#`s), and the open parentheses of
        // the interpolation being read inside it (nil while reading its literal text).
        var strings: [(close: [Unicode.Scalar], parens: Int?)] = []
        func at(_ k: Int, _ prefix: String) -> Bool {
            var k = k
            for scalar in prefix.unicodeScalars {
                guard k < s.count, s[k] == scalar else { return false }
                k += 1
            }
            return true
        }
        while i < s.count {
            if let top = strings.last, top.parens == nil {
                // Inside a string's literal text.
                let hashes = top.close.filter { $0 == "#" }.count
                if at(i, "\\" + String(repeating: "#", count: hashes) + "(") {
                    strings[strings.count - 1].parens = 0
                    out.append("(")
                    i += 2 + hashes
                } else if s[i] == "\\" {
                    i += 2
                } else if s[i] == top.close[0], at(i, String(String.UnicodeScalarView(top.close))) {
                    strings.removeLast()
                    out.append(" ")
                    i += top.close.count
                } else {
                    if s[i] == "\n" { out.append("\n") }
                    i += 1
                }
                continue
            }
            if at(i, "//") {
                while i < s.count, s[i] != "\n" { i += 1 }
            } else if at(i, "/*") {
                var depth = 0
                repeat {
                    if at(i, "/*") {
                        depth += 1
                        i += 2
                    } else if at(i, "*/") {
                        depth -= 1
                        i += 2
                    } else {
                        if s[i] == "\n" { out.append("\n") }
                        i += 1
                    }
                } while depth > 0 && i < s.count
                out.append(" ")
            } else if s[i] == "#" || s[i] == "\"" {
                var hashes = 0
                while i + hashes < s.count, s[i + hashes] == "#" { hashes += 1 }
                let quote = i + hashes
                guard quote < s.count, s[quote] == "\"" else {
                    out.append(s[i])
                    i += 1
                    continue
                }
                let triple = at(quote, "\"\"\"")
                let close = Array((triple ? "\"\"\"" : "\"").unicodeScalars) + Array(repeating: "#", count: hashes)
                strings.append((close, nil))
                i = quote + (triple ? 3 : 1)
            } else {
                if !strings.isEmpty, let parens = strings.last?.parens {
                    if s[i] == "(" { strings[strings.count - 1].parens = parens + 1 }
                    if s[i] == ")" {
                        if parens == 0 {
                            strings[strings.count - 1].parens = nil
                            out.append(")")
                            i += 1
                            continue
                        }
                        strings[strings.count - 1].parens = parens - 1
                    }
                }
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }

    /// The names a file declares at the top level for other files to use: types, typealiases and free functions
    /// that are not `private` or `fileprivate`.
    static func topLevelNames(_ code: String) -> [String] {
        let declaration =
            /^((?:@\w+(?:\([^)\n]*\))?\s+|(?:public|package|internal|private|fileprivate|final|indirect|nonisolated)\s+)*)(struct|class|enum|protocol|actor|typealias|func)\s+(\w+)/
            .anchorsMatchLineEndings()
        return code.matches(of: declaration).compactMap { match in
            let modifiers = String(match.output.1)
            return modifiers.contains("private") ? nil : String(match.output.3)
        }
    }

    /// Every name the code declares with `func`, `var`, `let`, `case`, a type keyword or `typealias`, at any depth
    /// (a local `let codes` counts: a name declared twice cannot tell whose it is).
    static func declaredNames(_ code: String) -> [String] {
        code.matches(of: /\b(?:func|var|let|case|struct|class|enum|protocol|actor|typealias)\s+(\w+)/).map {
            String($0.output.1)
        }
    }

    /// The names an `extension` block declares directly inside it (methods, properties, nested types), not
    /// `private` or `fileprivate` ones.
    static func extensionMembers(_ code: String) -> [(type: String, name: String)] {
        var names: [(type: String, name: String)] = []
        var depth = 0
        var extended: String?
        let member =
            /^\s*(?:@\w+(?:\([^)\n]*\))?\s+|(?:public|package|internal|private|fileprivate|final|static|class|mutating|nonisolated|override)\s+)*(?:func|var|let|struct|class|enum)\s+(\w+)/
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if depth == 0 {
                extended = line.firstMatch(of: /^(?:\w+\s+)*extension\s+(\w+)/).map { String($0.output.1) }
            }
            if let extended, depth == 1, let match = line.firstMatch(of: member), !line.contains("private ") {
                names.append((extended, String(match.output.1)))
            }
            for character in line {
                if character == "{" { depth += 1 }
                if character == "}" { depth -= 1 }
            }
        }
        return names
    }

    /// Every identifier the code names, once.
    static func identifiers(_ code: String) -> Set<String> {
        Set(code.matches(of: /[A-Za-z_][A-Za-z0-9_]*/).map { String($0.output) })
    }
}
