import Foundation
import GRDB

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

    /// The rule of every fonds that has one set.
    static func rules(_ db: Database) throws -> [Int64: ArchiveRule] {
        var out: [Int64: ArchiveRule] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT fonds_id, pattern, inventory FROM archive_rule") {
            out[row["fonds_id"]] = ArchiveRule(pattern: row["pattern"], inventory: row["inventory"])
        }
        return out
    }

    /// The codes of the files of `fonds` (every fonds when nil), in inventory order within each fonds.
    ///
    /// `override` replaces one fonds' rule (to try a new rule before it is set). Codes shared by two files are
    /// problems for the file that was not delivered under it (for both when neither was).
    static func compute(
        _ db: Database, fonds: Set<Int64>? = nil, override: (fondsId: Int64, rule: ArchiveRule)? = nil
    ) throws -> [Entry] {
        var rules = try rules(db)
        if let override { rules[override.fondsId] = override.rule }
        var whereSQL = ""
        if let fonds {
            if fonds.isEmpty { return [] }
            whereSQL = "WHERE b.fonds_id IN (\(fonds.map(String.init).joined(separator: ",")))"
        }
        var coder = FileCoder(rules: rules, highest: try highestNumbers(db))
        var entries: [Entry] = []
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT fi.id AS file_id, b.fonds_id, fo.code AS fonds_code, b.code AS box_code, fi.code AS file_code,
                       fi.start_year, fi.end_year, n.number,
                       (SELECT c.archive_id FROM pdf_copy c WHERE c.file_id = fi.id ORDER BY c.id DESC LIMIT 1) AS delivered
                FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds fo ON fo.id = b.fonds_id
                LEFT JOIN archive_number n ON n.file_id = fi.id
                \(whereSQL)
                ORDER BY b.fonds_id, b.code, fi.code
                """)
        while let row = try rows.next() {
            entries.append(coder.entry(row))
        }
        markSharedCodes(&entries)
        return entries
    }

    /// The highest number fixed in each fonds.
    private static func highestNumbers(_ db: Database) throws -> [Int64: Int] {
        var highest: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT fonds_id, MAX(number) AS highest FROM archive_number GROUP BY fonds_id")
        {
            highest[row["fonds_id"]] = row["highest"]
        }
        return highest
    }

    /// Codes files in inventory order: each fonds' rule parsed once, and a file without a fixed number given the
    /// next one after the fonds' highest.
    private struct FileCoder {
        let rules: [Int64: ArchiveRule]
        let highest: [Int64: Int]
        var parsed: [Int64: [ArchiveRule.Part]?] = [:]
        var pending: [Int64: Int] = [:]

        /// The entry of the file in `row` (a row of ``compute(_:fonds:override:)``'s query).
        mutating func entry(_ row: Row) -> Entry {
            let fondsId: Int64 = row["fonds_id"]
            let rule = rules[fondsId] ?? .default
            if parsed[fondsId] == nil { parsed[fondsId] = .some(try? rule.parts()) }
            var number: Int? = row["number"]
            let numbered = number != nil
            if number == nil {
                pending[fondsId, default: 0] += 1
                number = (highest[fondsId] ?? 0) + (pending[fondsId] ?? 0)
            }
            let start: Int? = row["start_year"]
            let end: Int? = row["end_year"]
            let box: String = row["box_code"]
            let file: String = row["file_code"]
            let values = ArchiveRule.Values(
                fonds: row["fonds_code"], inventory: rule.inventory, year: start ?? end, number: number, box: box,
                file: file)
            let rendered: Result<String, ArchiveCodeProblem>
            if let parts = parsed[fondsId] ?? nil {
                rendered = rule.render(values, parts: parts)
            } else {
                rendered = .failure(.unusable(rule.pattern))
            }
            return Entry(
                fileId: row["file_id"], fondsId: fondsId, fondsCode: row["fonds_code"], ref: "\(box)/\(file)",
                raw: rendered, rendered: rendered,
                delivered: row["delivered"], numbered: numbered)
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
    static func assignNumbers(_ db: Database, fondsId: Int64, by who: Attribution, time: LocalTime) throws -> Int {
        let highest =
            try Int.fetchOne(db, sql: "SELECT MAX(number) FROM archive_number WHERE fonds_id = ?", arguments: [fondsId])
            ?? 0
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT fi.id FROM file fi JOIN box b ON b.id = fi.box_id
                WHERE b.fonds_id = ? AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                ORDER BY b.code, fi.code
                """, arguments: [fondsId])
        guard !ids.isEmpty else { return 0 }
        var event = Event(
            kind: .pdfNumber, attribution: who, time: time,
            detail: EventDetail(count: ids.count, note: "\(highest + 1)–\(highest + ids.count)"))
        event.fondsId = fondsId
        try event.append(db)
        let insert = try db.makeStatement(
            sql: "INSERT INTO archive_number (file_id, fonds_id, number, event_id) VALUES (?, ?, ?, ?)")
        for (offset, id) in ids.enumerated() {
            try insert.execute(arguments: [id, fondsId, highest + offset + 1, event.id])
        }
        return ids.count
    }

    /// One file's code without going through its whole fonds: its delivered code, else its rule applied to its number
    /// (fixed, or the one it would get now). Only for rules that give each file of the catalogue its own code by
    /// construction (`{fonds}` and `{number}`, no alternatives to them); nil otherwise, and "" when it has no code.
    static func single(_ db: Database, fileId: Int64) throws -> String? {
        var before: [String: Int] = [:]
        return try single(db, fileId: fileId, boxBase: &before)
    }

    /// ``single(_:fileId:)`` remembering, in `boxBase`, how many files without a number come before each box: a box's
    /// files (`kho box show`) then cost one count of the fonds, not one each.
    static func single(_ db: Database, fileId: Int64, boxBase: inout [String: Int]) throws -> String? {
        if let delivered = try String.fetchOne(
            db, sql: "SELECT archive_id FROM pdf_copy WHERE file_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [fileId])
        {
            return delivered
        }
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT b.fonds_id, b.id AS box_id, fo.code AS fonds_code, b.code AS box_code, fi.code AS file_code,
                           fi.start_year, fi.end_year, n.number
                    FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds fo ON fo.id = b.fonds_id
                    LEFT JOIN archive_number n ON n.file_id = fi.id WHERE fi.id = ?
                    """, arguments: [fileId])
        else { return "" }
        let fondsId: Int64 = row["fonds_id"]
        let rule = try rules(db)[fondsId] ?? .default
        guard let parts = try? rule.parts() else { return "" }
        let alone = parts.compactMap { part -> [ArchiveRule.Field]? in
            if case .field(let f, _) = part { f } else { nil }
        }
        guard alone.contains([.fonds]), alone.contains([.number]) else { return nil }
        let box: String = row["box_code"]
        let file: String = row["file_code"]
        var number: Int? = row["number"]
        if number == nil {
            let highest =
                try Int.fetchOne(
                    db, sql: "SELECT MAX(number) FROM archive_number WHERE fonds_id = ?", arguments: [fondsId]) ?? 0
            let key = "\(fondsId)/\(box)"
            let base: Int
            if let known = boxBase[key] {
                base = known
            } else {
                base =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM file fi JOIN box b ON b.id = fi.box_id
                            WHERE b.fonds_id = ? AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                              AND b.code < ?
                            """, arguments: [fondsId, box]) ?? 0
                boxBase[key] = base
            }
            let inBox =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM file fi WHERE fi.box_id = ? AND fi.code <= ?
                          AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                        """, arguments: [row["box_id"] as Int64, file]) ?? 0
            number = highest + base + inBox
        }
        let start: Int? = row["start_year"]
        let end: Int? = row["end_year"]
        let values = ArchiveRule.Values(
            fonds: row["fonds_code"], inventory: rule.inventory, year: start ?? end, number: number, box: box,
            file: file)
        return (try? rule.render(values, parts: parts).get()) ?? ""
    }

    /// The problem as people read it.
    static func describe(_ problem: ArchiveCodeProblem, entry: Entry) -> Text {
        DeliveryText.problem(problem, ref: entry.ref, fonds: entry.fondsCode)
    }
}

extension KhoStore {
    /// Every fonds' archival code rule (the default where none was set), with an example code or, in `lang`, why
    /// none can be made.
    public func archiveRules(fonds: String? = nil, lang: Lang) throws -> [FondsArchiveRule] {
        try read { db in
            var fondsRows = try Row.fetchAll(db, sql: "SELECT id, code FROM fonds ORDER BY code")
            if let fonds {
                let found = try Lookup.fonds(db, code: Clean.code(fonds))
                fondsRows = fondsRows.filter { ($0["id"] as Int64) == found.id }
            }
            let rules = try ArchiveCodes.rules(db)
            let entries = try ArchiveCodes.compute(db, fonds: Set(fondsRows.map { $0["id"] as Int64 }))
            return fondsRows.map { row in
                let id: Int64 = row["id"]
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
                    fonds: row["code"], pattern: rule.pattern, inventory: rule.inventory, isDefault: rules[id] == nil,
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
        try write { db in
            let f = try Lookup.fonds(db, code: code)
            guard let fondsId = f.id else { throw CatalogueError.unknownFonds(code) }
            let old = try ArchiveCodes.rules(db)[fondsId]
            let current = old ?? .default
            var rule = current
            if let pattern { rule.pattern = Clean.text(pattern) }
            if let inventory {
                let cleaned = Clean.text(inventory)
                rule.inventory = cleaned.isEmpty ? nil : cleaned
            }
            _ = try rule.parts()
            let entries = try ArchiveCodes.compute(db, fonds: [fondsId], override: (fondsId, rule))
            let changed = entries.compactMap { e -> (ref: String, old: String, new: String)? in
                guard let delivered = e.delivered else { return nil }
                let new = (try? e.raw.get()) ?? "?"
                return new == delivered ? nil : (e.ref, delivered, new)
            }
            if let first = changed.first {
                throw DeliveryError.renumbering(
                    fonds: code, ref: first.ref, old: first.old, new: first.new, more: changed.count - 1)
            }
            var shared: [String: [String]] = [:]
            for e in entries {
                if case .success(let c) = e.raw { shared[c, default: []].append(e.ref) }
            }
            if let (dup, refs) = shared.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
                throw DeliveryError.duplicateCodes(fonds: code, code: dup, refs: refs)
            }
            try db.execute(
                sql: """
                    INSERT INTO archive_rule (fonds_id, pattern, inventory) VALUES (?, ?, ?)
                    ON CONFLICT(fonds_id) DO UPDATE SET pattern = excluded.pattern, inventory = excluded.inventory
                    """, arguments: [fondsId, rule.pattern, rule.inventory])
            var event = Event(
                kind: .setting, attribution: who, time: time,
                detail: EventDetail(
                    before: ["archive_rule": old?.pattern, "inventory": old?.inventory],
                    after: ["archive_rule": rule.pattern, "inventory": rule.inventory]))
            event.fondsId = fondsId
            try event.append(db)
        }
        return try archiveRules(fonds: code, lang: lang).first
            ?? FondsArchiveRule(
                fonds: code, pattern: pattern ?? ArchiveRule.defaultPattern, inventory: inventory, isDefault: false,
                numbered: 0, delivered: 0)
    }

    /// The archival code of each of `fileIds` (nil when it has none), for the file views.
    static func archiveCodes(_ db: Database, fileIds: [Int64], fonds: Set<Int64>) throws -> [Int64: String] {
        guard !fileIds.isEmpty else { return [:] }
        // One file (`kho file show`) or a box's few: read just what their codes need, when their rule cannot give
        // two files one code.
        if fileIds.count <= 32 {
            var out: [Int64: String] = [:]
            var alone = true
            var boxBase: [String: Int] = [:]
            for id in fileIds {
                guard let quick = try ArchiveCodes.single(db, fileId: id, boxBase: &boxBase) else {
                    alone = false
                    break
                }
                if !quick.isEmpty { out[id] = quick }
            }
            if alone { return out }
        }
        let wanted = Set(fileIds)
        var out: [Int64: String] = [:]
        for entry in try ArchiveCodes.compute(db, fonds: fonds) where wanted.contains(entry.fileId) {
            if case .success(let code) = entry.code { out[entry.fileId] = code }
        }
        return out
    }
}
