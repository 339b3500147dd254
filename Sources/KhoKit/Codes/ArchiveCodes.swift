import Foundation

/// A fonds' archival code rule, as `kho pdf rule` shows it.
public struct FondsArchiveRule: Codable, Sendable, Hashable {
    public var fonds: String
    public var pattern: String
    public var inventory: String?
    /// Whether the fonds uses the default rule (none was set).
    public var isDefault: Bool
    /// How many files of the fonds have a number (*số hồ sơ*) fixed.
    public var numbered: Int
    /// How many files were delivered under their code.
    public var delivered: Int
    /// The code of the fonds' first file in inventory order, as an example; nil when it has none.
    public var example: String?
    /// The first file's problem, when it has no code.
    public var exampleProblem: String?

    enum CodingKeys: String, CodingKey {
        case fonds, pattern, inventory, numbered, delivered, example
        case isDefault = "default"
        case exampleProblem = "example_problem"
    }
}

/// Computing and fixing files' archival codes (*mã hồ sơ*): one place for `file show`, `pdf build` and `pdf rule`.
enum ArchiveCodes {
    /// One file's code: as the rule makes it now, and as it was delivered (which wins once there is a copy).
    struct Entry: Sendable {
        var fileId: Int64
        var fondsId: Int64
        var fondsCode: String
        var ref: String
        /// What the rule makes of the file now, before codes shared by two files are made problems.
        var raw: Result<String, ArchiveCodeProblem>
        /// What the rule makes of the file now; a code shared with another file is a problem.
        var rendered: Result<String, ArchiveCodeProblem>
        /// The code of the file's latest copy, when it has one: a delivered code never changes.
        var delivered: String?
        /// Whether the file's number is fixed (else it is the number it would get now).
        var numbered: Bool

        /// The file's code, or why it has none.
        var code: Result<String, ArchiveCodeProblem> { delivered.map { .success($0) } ?? rendered }
    }

    /// The codes of the files of `fonds` (every fonds when nil), in inventory order within each fonds.
    ///
    /// `override` replaces one fonds' rule (to try a new rule before it is set). Codes shared by two files are
    /// problems for the file that was not delivered under it (for both when neither was).
    static func compute(
        _ store: ArchiveCodeStore, fonds: Set<Int64>? = nil, override: (fondsId: Int64, rule: ArchiveRule)? = nil
    ) throws -> [Entry] {
        var rules = try store.archiveRules()
        if let override { rules[override.fondsId] = override.rule }
        if let fonds, fonds.isEmpty { return [] }
        var coder = FileCoder(rules: rules, highest: try store.highestNumbers())
        var entries: [Entry] = []
        try store.eachCodedFile(in: fonds) { entries.append(coder.entry($0)) }
        markSharedCodes(&entries)
        return entries
    }

    /// Codes files in inventory order: each fonds' rule parsed once, and a file without a fixed number given the
    /// next one after the fonds' highest.
    private struct FileCoder {
        let rules: [Int64: ArchiveRule]
        let highest: [Int64: Int]
        var parsed: [Int64: [ArchiveRule.Part]?] = [:]
        var pending: [Int64: Int] = [:]

        /// The entry of `row`, a file of ``compute(_:fonds:override:)``.
        mutating func entry(_ row: ArchiveCodeStore.CodedFile) -> Entry {
            let fondsId = row.fondsId
            let rule = rules[fondsId] ?? .default
            if parsed[fondsId] == nil { parsed[fondsId] = .some(try? rule.parts()) }
            var number = row.number
            let numbered = number != nil
            if number == nil {
                pending[fondsId, default: 0] += 1
                number = (highest[fondsId] ?? 0) + (pending[fondsId] ?? 0)
            }
            let (box, file) = (row.boxCode, row.fileCode)
            let values = ArchiveRule.Values(
                fonds: row.fondsCode, inventory: rule.inventory, year: row.startYear ?? row.endYear, number: number,
                box: box, file: file)
            let rendered: Result<String, ArchiveCodeProblem>
            if let parts = parsed[fondsId] ?? nil {
                rendered = rule.render(values, parts: parts)
            } else {
                rendered = .failure(.unusable(rule.pattern))
            }
            return Entry(
                fileId: row.fileId, fondsId: fondsId, fondsCode: row.fondsCode, ref: "\(box)/\(file)",
                raw: rendered, rendered: rendered,
                delivered: row.delivered, numbered: numbered)
        }
    }

    /// One code, one file: a delivered code keeps its file; otherwise every file sharing a code has a problem.
    private static func markSharedCodes(_ entries: inout [Entry]) {
        var holders: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if case .success(let code) = entry.code { holders[code, default: []].append(index) }
        }
        for (code, indexes) in holders where indexes.count > 1 {
            let keeper = indexes.first { entries[$0].delivered == code }
            for index in indexes where index != keeper {
                let other = entries[keeper ?? indexes.first { $0 != index } ?? index].ref
                if entries[index].delivered == nil {
                    entries[index].rendered = .failure(.duplicate(code: code, other: other))
                }
            }
        }
    }

    /// Fixes the number (*số hồ sơ*) of every file of `fondsId` that has none, in inventory order after the highest
    /// number given, with one attributed event; returns how many were numbered.
    @discardableResult
    static func assignNumbers(_ tx: Stores, fondsId: Int64, by who: Attribution, time: LocalTime) throws -> Int {
        let highest = try tx.codes.highestNumber(fondsId: fondsId)
        let ids = try tx.codes.unnumberedFiles(fondsId: fondsId)
        guard !ids.isEmpty else { return 0 }
        var event = Event(
            kind: .pdfNumber, attribution: who, time: time,
            detail: EventDetail(count: ids.count, note: "\(highest + 1)–\(highest + ids.count)"))
        event.fondsId = fondsId
        try tx.events.append(&event)
        try tx.codes.fixNumbers(ids, fondsId: fondsId, after: highest, event: event.id)
        return ids.count
    }

    /// One file's code without going through its whole fonds: its delivered code, else its rule applied to its number
    /// (fixed, or the one it would get now). Only for rules that give each file of the catalogue its own code by
    /// construction (`{fonds}` and `{number}`, no alternatives to them); nil otherwise, and "" when it has no code.
    static func single(_ store: ArchiveCodeStore, fileId: Int64) throws -> String? {
        var before: [String: Int] = [:]
        return try single(store, fileId: fileId, boxBase: &before)
    }

    /// ``single(_:fileId:)`` remembering, in `boxBase`, how many files without a number come before each box: a box's
    /// files (`kho box show`) then cost one count of the fonds, not one each.
    static func single(_ store: ArchiveCodeStore, fileId: Int64, boxBase: inout [String: Int]) throws -> String? {
        if let delivered = try store.deliveredCode(fileId: fileId) { return delivered }
        guard let row = try store.codedFile(id: fileId) else { return "" }
        let fondsId = row.fondsId
        let rule = try store.archiveRules()[fondsId] ?? .default
        guard let parts = try? rule.parts() else { return "" }
        let alone = parts.compactMap { part -> [ArchiveRule.Field]? in
            if case .field(let f, _) = part { f } else { nil }
        }
        guard alone.contains([.fonds]), alone.contains([.number]) else { return nil }
        let (box, file) = (row.boxCode, row.fileCode)
        var number = row.number
        if number == nil {
            let highest = try store.highestNumber(fondsId: fondsId)
            let key = "\(fondsId)/\(box)"
            let base: Int
            if let known = boxBase[key] {
                base = known
            } else {
                base = try store.unnumberedBefore(box: box, fondsId: fondsId)
                boxBase[key] = base
            }
            let inBox = try store.unnumberedInBox(row.boxId ?? 0, upTo: file)
            number = highest + base + inBox
        }
        let values = ArchiveRule.Values(
            fonds: row.fondsCode, inventory: rule.inventory, year: row.startYear ?? row.endYear, number: number,
            box: box, file: file)
        return (try? rule.render(values, parts: parts).get()) ?? ""
    }

    /// The problem as people read it.
    static func describe(_ problem: ArchiveCodeProblem, entry: Entry) -> Text {
        ArchiveCodeText.problem(problem, ref: entry.ref, fonds: entry.fondsCode)
    }
}

extension KhoStore {
    /// Every fonds' archival code rule (the default where none was set), with an example code or, in `lang`, why
    /// none can be made.
    public func archiveRules(fonds: String? = nil, lang: Lang) throws -> [FondsArchiveRule] {
        try reading { tx in
            var fondsRows = try tx.codes.fondsCodes()
            if let fonds {
                let found = try tx.catalogue.fonds(code: Clean.code(fonds))
                fondsRows = fondsRows.filter { $0.id == found.id }
            }
            let rules = try tx.codes.archiveRules()
            let entries = try ArchiveCodes.compute(tx.codes, fonds: Set(fondsRows.map(\.id)))
            return fondsRows.map { row in
                let id = row.id
                let rule = rules[id] ?? .default
                let mine = entries.filter { $0.fondsId == id }
                let first = mine.first
                var example: String?
                var problem: String?
                switch first?.code {
                case .success(let code)?: example = code
                case .failure(let p)?: problem = first.map { ArchiveCodes.describe(p, entry: $0)(lang) }
                case nil: break
                }
                return FondsArchiveRule(
                    fonds: row.code, pattern: rule.pattern, inventory: rule.inventory, isDefault: rules[id] == nil,
                    numbered: mine.filter(\.numbered).count, delivered: mine.filter { $0.delivered != nil }.count,
                    example: example, exampleProblem: problem)
            }
        }
    }

    /// Sets a fonds' archival code rule (`pattern`, else the current one) and inventory number (`inventory`, else
    /// the current one; empty clears it), with an attributed event.
    ///
    /// Refused when the rule cannot be read, when it would give two files the same code, or when it would change
    /// the code of a file already delivered (files are not renumbered once delivered).
    @discardableResult
    public func setArchiveRule(
        fonds: String, pattern: String?, inventory: String?, by who: Attribution, lang: Lang
    ) throws -> FondsArchiveRule {
        let code = Clean.code(fonds)
        try writing { tx in
            let f = try tx.catalogue.fonds(code: code)
            guard let fondsId = f.id else { throw CatalogueError.unknownFonds(code) }
            let old = try tx.codes.archiveRules()[fondsId]
            let current = old ?? .default
            var rule = current
            if let pattern { rule.pattern = Clean.text(pattern) }
            if let inventory {
                let cleaned = Clean.text(inventory)
                rule.inventory = cleaned.isEmpty ? nil : cleaned
            }
            _ = try rule.parts()
            let entries = try ArchiveCodes.compute(tx.codes, fonds: [fondsId], override: (fondsId, rule))
            let changed = entries.compactMap { e -> (ref: String, old: String, new: String)? in
                guard let delivered = e.delivered else { return nil }
                let new = (try? e.raw.get()) ?? "?"
                return new == delivered ? nil : (e.ref, delivered, new)
            }
            if let first = changed.first {
                throw ArchiveCodeError.renumbering(
                    fonds: code, ref: first.ref, old: first.old, new: first.new, more: changed.count - 1)
            }
            var shared: [String: [String]] = [:]
            for e in entries {
                if case .success(let c) = e.raw { shared[c, default: []].append(e.ref) }
            }
            if let (dup, refs) = shared.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
                throw ArchiveCodeError.duplicateCodes(fonds: code, code: dup, refs: refs)
            }
            try tx.codes.setArchiveRule(rule, fondsId: fondsId)
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(
                    before: ["archive_rule": old?.pattern, "inventory": old?.inventory],
                    after: ["archive_rule": rule.pattern, "inventory": rule.inventory]))
            event.fondsId = fondsId
            try tx.events.append(&event)
        }
        return try archiveRules(fonds: code, lang: lang).first
            ?? FondsArchiveRule(
                fonds: code, pattern: pattern ?? ArchiveRule.defaultPattern, inventory: inventory, isDefault: false,
                numbered: 0, delivered: 0)
    }

    /// The archival code of each of `fileIds` (nil when it has none), for the file views.
    static func archiveCodes(_ store: ArchiveCodeStore, fileIds: [Int64], fonds: Set<Int64>) throws -> [Int64: String] {
        guard !fileIds.isEmpty else { return [:] }
        // One file (`kho file show`) or a box's few: read just what their codes need, when their rule cannot give
        // two files one code.
        if fileIds.count <= 32 {
            var out: [Int64: String] = [:]
            var alone = true
            var boxBase: [String: Int] = [:]
            for id in fileIds {
                guard let quick = try ArchiveCodes.single(store, fileId: id, boxBase: &boxBase) else {
                    alone = false
                    break
                }
                if !quick.isEmpty { out[id] = quick }
            }
            if alone { return out }
        }
        let wanted = Set(fileIds)
        var out: [Int64: String] = [:]
        for entry in try ArchiveCodes.compute(store, fonds: fonds) where wanted.contains(entry.fileId) {
            if case .success(let code) = entry.code { out[entry.fileId] = code }
        }
        return out
    }
}
