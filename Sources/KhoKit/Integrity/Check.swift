import Foundation
import GRDB
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

/// One thing `kho check` found wrong, naming the box, file, master or event.
public struct CheckProblem: Codable, Sendable, Hashable {
    /// A stable key for scripts, e.g. `integrity`, `foreign_key`, `box_state`, `file_state`, `metres`, `master_missing`,
    /// `finish_before_start`, `event_supersedes`, `file_no_masters`.
    public var code: String
    /// What it is about: `box H0012`, `file H0012/03`, `event 42`, a master's path, or `database`.
    public var subject: String
    public var text: Text

    enum CodingKeys: String, CodingKey { case code, subject, message }

    public init(code: String, subject: String, text: Text) {
        self.code = code
        self.subject = subject
        self.text = text
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(subject, forKey: .subject)
        try container.encode(text(KhoJSON.lang(of: encoder)), forKey: .message)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(String.self, forKey: .code)
        subject = try container.decode(String.self, forKey: .subject)
        let message = try container.decode(String.self, forKey: .message)
        text = Text(vi: message, en: message)
    }
}

/// What `kho check` looked at, and what it found.
public struct CheckReport: Codable, Sendable, Hashable {
    public var boxes = 0
    public var files = 0
    public var events = 0
    public var masters = 0
    /// Masters the catalogue marks as gone from disk (a problem here until a person accepts the loss).
    public var mastersMarkedMissing = 0
    public var problems: [CheckProblem] = []
    /// Things worth knowing that are not faults (e.g. digitized files whose sheets are not counted).
    public var notices: [CheckProblem] = []
    public var seconds = 0.0

    /// Whether nothing is wrong.
    public var clean: Bool { problems.isEmpty }

    enum CodingKeys: String, CodingKey {
        case boxes, files, events, masters, problems, notices, seconds, clean
        case mastersMarkedMissing = "masters_marked_missing"
    }

    public init() {}

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clean, forKey: .clean)
        try c.encode(boxes, forKey: .boxes)
        try c.encode(files, forKey: .files)
        try c.encode(events, forKey: .events)
        try c.encode(masters, forKey: .masters)
        try c.encode(mastersMarkedMissing, forKey: .mastersMarkedMissing)
        try c.encode(problems, forKey: .problems)
        try c.encode(notices, forKey: .notices)
        try c.encode(seconds, forKey: .seconds)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        boxes = try c.decode(Int.self, forKey: .boxes)
        files = try c.decode(Int.self, forKey: .files)
        events = try c.decode(Int.self, forKey: .events)
        masters = try c.decode(Int.self, forKey: .masters)
        mastersMarkedMissing = try c.decode(Int.self, forKey: .mastersMarkedMissing)
        problems = try c.decode([CheckProblem].self, forKey: .problems)
        notices = try c.decodeIfPresent([CheckProblem].self, forKey: .notices) ?? []
        seconds = try c.decode(Double.self, forKey: .seconds)
    }
}

extension KhoStore {
    /// Checks the catalogue: SQLite's own integrity and foreign keys, then that what is stored agrees with the log.
    ///
    /// A box's arrangement state must be what its latest live (not undone) `sort.start`/`sort.finish` implies, and
    /// its kept metres what that finish recorded; a file's scan state and pages what the ladder's one rule gives
    /// (its masters, its live hand record, its confirmations: ``FileLadder``); kept ≤ extent (on boxes and on finishes), kept set exactly when arranged;
    /// no live finish earlier than the start it closes; every `supersedes` link to a scan event of the same file;
    /// every file that passed QC or was delivered with masters on record; per-fonds status adds up to the total;
    /// every event id (`uid`) a unique ULID; every master not marked missing still on disk; custody and location marks
    /// as their live events left them (``checkArchivist(_:now:into:)``; overdue custody is a notice). Live means
    /// ``LiveEvent`` (not undone, not superseded). Nothing is changed.
    public func check(now: Date = Date()) throws -> CheckReport {
        let started = Date()
        var report = CheckReport()
        let integrity = SQLiteIntegrity(path: path)
        do {
            try read { db in
                try Self.checkSchema(db, into: &report)
                try Self.checkEvents(db, into: &report)
                try Self.checkEventDetails(db, into: &report)
                try Self.checkBoxes(db, into: &report)
                try checkArrangementDates(db, into: &report)
                try Self.checkFiles(db, into: &report)
                try Self.checkSupersedes(db, into: &report)
                try Self.checkMastersOnRecord(db, into: &report)
                try Self.checkCodesAndPaths(db, into: &report)
                try Self.checkMasters(db, into: &report)
                for finding in try DocumentQueries.pageRangeFindings(db) {
                    report.problems.append(
                        CheckProblem(
                            code: "document_pages", subject: "document \(finding.document)", text: finding.text))
                }
                try checkArchivist(db, now: now, into: &report)
                try Self.checkWeedList(db, into: &report)
                // SQLite's own findings come first, as the most serious.
                var sqlite = CheckReport()
                try Self.checkSQLite(db, integrity: try integrity.lines(db), into: &sqlite)
                report.problems.insert(contentsOf: sqlite.problems, at: 0)
            }
            try checkStatusSums(now: now, into: &report)
        } catch {
            // A damaged catalogue can stop the other checks (a page they read cannot be read): SQLite's own findings
            // are then the report, with what to do, instead of the error alone.
            guard let lines = integrity.finished(), lines != ["ok"] else { throw error }
            var damaged = CheckReport()
            damaged.problems = Self.integrityProblems(lines)
            damaged.problems.append(
                CheckProblem(
                    code: "integrity", subject: "database",
                    text: Text(
                        vi:
                            "các bước kiểm tra khác không chạy được vì danh mục hỏng; hãy khôi phục từ bản sao lưu gần nhất (`kho restore TỆP --force`)",
                        en:
                            "the other checks could not run on the damaged catalogue; restore the latest backup (`kho restore FILE --force`)"
                    )))
            damaged.seconds = Date().timeIntervalSince(started)
            return damaged
        }
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// The status adds up: the fonds' lengths to the whole archive's, kept and weeded to arranged.
    private func checkStatusSums(now: Date, into report: inout CheckReport) throws {
        let status = try status(now: now)
        let p = status.progress
        func sum(_ key: KeyPath<StatusFigures, Double>) -> Double {
            status.fonds.reduce(0) { $0 + $1.progress[keyPath: key] }
        }
        for (name, key) in [
            ("total_m", \StatusFigures.totalMetres), ("arranged_m", \.arrangedMetres), ("kept_m", \.keptMetres),
            ("digitized_m", \.digitizedMetres),
        ] {
            let parts = sum(key)
            if abs(parts - p[keyPath: key]) > 0.0005 {
                report.problems.append(
                    CheckProblem(
                        code: "status_sum", subject: name,
                        text: Text(
                            vi: "\(name): tổng theo phông \(parts) khác tổng toàn kho \(p[keyPath: key])",
                            en: "\(name): the fonds add up to \(parts), but the whole archive says \(p[keyPath: key])"))
                )
            }
        }
        if abs(p.keptMetres + p.weededMetres - p.arrangedMetres) > 0.0005 {
            report.problems.append(
                CheckProblem(
                    code: "status_sum", subject: "kept_m",
                    text: Text(
                        vi: "giữ lại \(p.keptMetres) + loại \(p.weededMetres) khác đã chỉnh lý \(p.arrangedMetres)",
                        en: "kept \(p.keptMetres) + weeded \(p.weededMetres) is not arranged \(p.arrangedMetres)")))
        }
    }

    /// SQLite's integrity findings as problems, each with what to do (none when it said `ok`).
    static func integrityProblems(_ integrity: [String]) -> [CheckProblem] {
        guard integrity != ["ok"] else { return [] }
        return integrity.prefix(100).map { line in
            CheckProblem(
                code: "integrity", subject: "database",
                text: Text(
                    vi:
                        "SQLite báo tệp hỏng: \(line). Hãy khôi phục từ bản sao lưu gần nhất (`kho restore TỆP --force`)",
                    en: "SQLite reports damage: \(line). Restore the latest backup (`kho restore FILE --force`)"))
        }
    }

    private static func checkSQLite(_ db: Database, integrity: [String], into report: inout CheckReport) throws {
        report.problems += integrityProblems(integrity)
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").prefix(100) {
            let table: String = row["table"]
            let rowid: Int64? = row["rowid"]
            let parent: String = row["parent"]
            report.problems.append(
                CheckProblem(
                    code: "foreign_key", subject: "\(table) \(rowid.map(String.init) ?? "?")",
                    text: Text(
                        vi: "\(table) \(rowid.map(String.init) ?? "?") trỏ tới \(parent) không tồn tại",
                        en: "\(table) \(rowid.map(String.init) ?? "?") refers to a \(parent) that does not exist")))
        }
    }

    /// The catalogue's schema is exactly what kho's migrations make for the migrations it holds: no extra trigger,
    /// view, table, index or column, none missing or changed (``CatalogueSchema``).
    private static func checkSchema(_ db: Database, into report: inout CheckReport) throws {
        for difference in try CatalogueSchema.differences(db).prefix(100) {
            let subject = "\(difference.type) \(difference.name)"
            report.problems.append(
                CheckProblem(
                    code: "schema", subject: subject,
                    text: Text(
                        vi:
                            "cấu trúc danh mục khác với cấu trúc kho tạo ra: \(difference.text.vi); kho không tự tạo thay đổi này. Hãy khôi phục một bản sao lưu tốt (`kho restore TỆP --force`) hoặc nhờ người phụ trách kỹ thuật xem",
                        en:
                            "the catalogue's structure differs from what kho makes: \(difference.text.en); kho never makes such a change. Restore a good backup (`kho restore FILE --force`) or ask whoever looks after the computer"
                    )))
        }
    }

    /// Every event's detail reads back as the JSON kho writes (an unreadable one would be taken as empty when shown).
    private static func checkEventDetails(_ db: Database, into report: inout CheckReport) throws {
        var broken = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, detail FROM event WHERE detail != '{}' ORDER BY id")
        while let row = try rows.next() {
            let detail: String = row["detail"] ?? ""
            do {
                _ = try EventDetail(decoding: detail)
            } catch let error as EventDetailError {
                broken += 1
                guard broken <= 100 else { continue }
                let id: Int64 = row["id"]
                let kind: String = row["kind"]
                let shown = detail.count > 60 ? "\(detail.prefix(60))…" : detail
                report.problems.append(
                    CheckProblem(
                        code: "event_detail", subject: "event \(id)",
                        text: Text(
                            vi:
                                "sự kiện \(id) (\(kind)): \(error.text.vi): «\(shown)»; không hoàn tác được sự kiện này một cách an toàn. Hãy khôi phục bản sao lưu gần nhất (`kho restore TỆP --force`)",
                            en:
                                "event \(id) (\(kind)): \(error.text.en): “\(shown)”; it cannot be undone safely. Restore the latest backup (`kho restore FILE --force`)"
                        )))
            }
        }
        if broken > 100 {
            report.problems.append(
                CheckProblem(
                    code: "event_detail", subject: "database",
                    text: Text(
                        vi: "… và \(broken - 100) sự kiện khác có chi tiết không đọc được",
                        en: "… and \(broken - 100) more events whose detail cannot be read")))
        }
    }

    private static func checkEvents(_ db: Database, into report: inout CheckReport) throws {
        let known = Set(EventKind.allCases.map(\.rawValue))
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var uids: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT id, uid, kind, undoes FROM event ORDER BY id") {
            report.events += 1
            let id: Int64 = row["id"]
            let uid: String = row["uid"]
            let kind: String = row["kind"]
            if uid.count != 26 || !uid.allSatisfy(alphabet.contains) {
                report.problems.append(
                    CheckProblem(
                        code: "event_uid", subject: "event \(id)",
                        text: Text(
                            vi: "sự kiện \(id) có mã «\(uid)» không phải ULID (26 ký tự)",
                            en: "event \(id) has uid “\(uid)”, not a 26-character ULID")))
            }
            if !uids.insert(uid).inserted {
                report.problems.append(
                    CheckProblem(
                        code: "event_uid", subject: "event \(id)",
                        text: Text(
                            vi: "sự kiện \(id) trùng mã \(uid) với sự kiện khác",
                            en: "event \(id) repeats uid \(uid) of another event")))
            }
            if !known.contains(kind) {
                report.problems.append(
                    CheckProblem(
                        code: "event_kind", subject: "event \(id)",
                        text: Text(
                            vi: "sự kiện \(id) có loại lạ «\(kind)» (ghi bởi kho mới hơn?)",
                            en: "event \(id) has an unknown kind “\(kind)” (written by a newer kho?)")))
            }
            if let undoes: Int64 = row["undoes"], undoes >= id {
                report.problems.append(
                    CheckProblem(
                        code: "event_undo", subject: "event \(id)",
                        text: Text(
                            vi: "sự kiện \(id) hoàn tác sự kiện \(undoes) ghi sau nó",
                            en: "event \(id) undoes event \(undoes), which comes after it")))
            }
        }
    }

    /// The latest live sort event of a box: its kind, the kept millimetres it recorded, its id.
    private typealias SortEvent = (kind: String, kept: Int64?, id: Int64)
    /// The latest live event that set a box's kept millimetres.
    private typealias KeptEvent = (id: Int64, kept: Int64?)

    /// A box as stored, for the checks against the log.
    private struct StoredBox {
        var id: Int64
        var code: String
        var extent: Int64
        var state: String
        var kept: Int64?
        /// A box made by arranging another box is registered as arranged, keeping all of its extent.
        var madeByArrangement: Bool
    }

    /// Each box's state and kept metres against its latest live arrangement events.
    private static func checkBoxes(_ db: Database, into report: inout CheckReport) throws {
        let (latest, keptSetBy) = try arrangementEvents(db)
        for row in try Row.fetchAll(db, sql: "SELECT id, code, extent_mm, arrangement, kept_mm, from_box_id FROM box") {
            report.boxes += 1
            let box = StoredBox(
                id: row["id"], code: row["code"], extent: row["extent_mm"], state: row["arrangement"],
                kept: row["kept_mm"], madeByArrangement: (row["from_box_id"] as Int64?) != nil)
            checkBoxState(box, last: latest[box.id], into: &report)
            checkKeptMetres(box, last: latest[box.id], keptSetBy: keptSetBy[box.id], into: &report)
        }
    }

    /// The latest live sort event of each box, and the latest live event that set its kept metres: a finish, or
    /// an edit that corrected them (`box edit --kept`, or an extent followed by a box made by arrangement).
    private static func arrangementEvents(
        _ db: Database
    ) throws -> (latest: [Int64: SortEvent], keptSetBy: [Int64: KeptEvent]) {
        var latest: [Int64: SortEvent] = [:]
        var keptSetBy: [Int64: KeptEvent] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT box_id, kind, kept_mm, id, detail FROM event e
                WHERE kind IN ('sort.start', 'sort.finish', 'box.edit') AND box_id IS NOT NULL AND file_id IS NULL
                  AND \(LiveEvent.sql(alias: "e"))
                ORDER BY id
                """)
        {
            let box: Int64 = row["box_id"]
            let kind: String = row["kind"]
            if kind == EventKind.boxEdit.rawValue {
                if let after = EventDetail(json: row["detail"]).after, let kept = after["kept_mm"] {
                    keptSetBy[box] = (row["id"], kept.flatMap { Int64($0) })
                }
                continue
            }
            latest[box] = (kind, row["kept_mm"], row["id"])
            if kind == EventKind.sortFinish.rawValue { keptSetBy[box] = (row["id"], row["kept_mm"]) }
        }
        return (latest, keptSetBy)
    }

    /// The box's arrangement state is what its latest live sort event implies (none: as registered).
    private static func checkBoxState(_ box: StoredBox, last: SortEvent?, into report: inout CheckReport) {
        let expected =
            last.map { $0.kind == EventKind.sortFinish.rawValue ? ArrangementState.arranged : .inProgress }
            ?? (box.madeByArrangement ? .arranged : .unarranged)
        guard box.state != expected.rawValue else { return }
        let because =
            last.map { Text(vi: "sự kiện \($0.id) (\($0.kind))", en: "event \($0.id) (\($0.kind))") }
            ?? (box.madeByArrangement
                ? Text(
                    vi: "hộp tạo ra khi chỉnh lý, không có sự kiện chỉnh lý",
                    en: "a box made by arrangement, with no arrangement event")
                : Text(vi: "không có sự kiện chỉnh lý nào", en: "no arrangement event"))
        let (code, state) = (box.code, box.state)
        report.problems.append(
            CheckProblem(
                code: "box_state", subject: "box \(code)",
                text: Text(
                    vi:
                        "hộp \(code) ghi trạng thái «\(state)» nhưng nhật ký (\(because.vi)) cho thấy «\(expected.rawValue)»",
                    en:
                        "box \(code) is stored as “\(state)” but the log (\(because.en)) says “\(expected.rawValue)”"
                )))
    }

    /// The box's kept metres: no more than its extent, set exactly when arranged, all of the extent for a box made by
    /// arrangement, and what the event that last set them recorded.
    private static func checkKeptMetres(
        _ box: StoredBox, last: SortEvent?, keptSetBy: KeptEvent?, into report: inout CheckReport
    ) {
        let (code, extent, state, kept) = (box.code, box.extent, box.state, box.kept)
        if let kept, kept > extent {
            report.problems.append(
                CheckProblem(
                    code: "metres", subject: "box \(code)",
                    text: Text(
                        vi: "hộp \(code): giữ lại \(kept) mm lớn hơn độ dài \(extent) mm",
                        en: "box \(code): kept \(kept) mm exceeds its extent \(extent) mm")))
        }
        if (kept != nil) != (state == ArrangementState.arranged.rawValue) {
            report.problems.append(
                CheckProblem(
                    code: "metres", subject: "box \(code)",
                    text: Text(
                        vi:
                            "hộp \(code): số mét giữ lại \(kept == nil ? "không có" : "có") nhưng trạng thái là «\(state)»",
                        en:
                            "box \(code): kept metres are \(kept == nil ? "missing" : "set") but the state is “\(state)”"
                    )))
        }
        if last == nil, box.madeByArrangement, keptSetBy == nil, let kept, kept != extent {
            report.problems.append(
                CheckProblem(
                    code: "metres", subject: "box \(code)",
                    text: Text(
                        vi: "hộp \(code) (tạo ra khi chỉnh lý): giữ lại \(kept) mm khác độ dài \(extent) mm",
                        en: "box \(code) (made by arrangement): kept \(kept) mm is not its extent \(extent) mm")))
        }
        if last?.kind == EventKind.sortFinish.rawValue || (last == nil && box.madeByArrangement),
            state == ArrangementState.arranged.rawValue, let kept, let set = keptSetBy, let recorded = set.kept,
            recorded != kept
        {
            report.problems.append(
                CheckProblem(
                    code: "metres", subject: "box \(code)",
                    text: Text(
                        vi: "hộp \(code): giữ lại \(kept) mm nhưng sự kiện \(set.id) ghi \(recorded) mm",
                        en: "box \(code): kept is \(kept) mm but event \(set.id) recorded \(recorded) mm")))
        }
    }

    /// Each file's stored rung and pages against the ladder; digitized files without a sheet count (a notice); masters
    /// without an ingest event.
    private static func checkFiles(_ db: Database, into report: inout CheckReport) throws {
        let unsheeted = try checkFileRungs(db, into: &report)
        noteUnsheetedFiles(unsheeted, into: &report)
        try checkMastersWithoutIngest(db, into: &report)
    }

    /// Each file's stored rung and pages against the one rule (FileLadder): its masters, its live hand record,
    /// its confirmations; so a count mismatch or a changed master cannot hide behind a stored "passed". Returns the
    /// digitized files whose sheets are not counted, by box.
    private static func checkFileRungs(_ db: Database, into report: inout CheckReport) throws -> [String: [String]] {
        var unsheeted: [String: [String]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT f.id, b.code AS box, f.code AS file, f.scan_state, f.pages, f.sheets
                FROM file f JOIN box b ON b.id = f.box_id
                """)
        {
            report.files += 1
            let id: Int64 = row["id"]
            let box: String = row["box"]
            let ref = "\(box)/\(row["file"] as String)"
            let state: String = row["scan_state"]
            let pages: Int = row["pages"]
            let sheets: Int? = row["sheets"]
            let settled = try FileLadder.settle(db, fileId: id)
            if settled.after.isDigitized && (sheets ?? 0) == 0 { unsheeted[box, default: []].append(ref) }
            let expected = settled.after.rawValue
            if state != expected {
                report.problems.append(
                    CheckProblem(
                        code: "file_state", subject: "file \(ref)",
                        text: Text(
                            vi:
                                "hồ sơ \(ref) ghi trạng thái «\(state)» nhưng theo bản quét và nhật ký phải là «\(expected)» (\(settled.pages) trang, \(sheets.map(String.init) ?? "?") tờ)",
                            en:
                                "file \(ref) is stored as “\(state)” but its masters and the log make it “\(expected)” (\(settled.pages) pages, \(sheets.map(String.init) ?? "?") sheets)"
                        )))
            } else if pages != settled.pages {
                report.problems.append(
                    CheckProblem(
                        code: "file_pages", subject: "file \(ref)",
                        text: Text(
                            vi: "hồ sơ \(ref) ghi \(pages) trang nhưng bản quét và nhật ký cho \(settled.pages)",
                            en: "file \(ref) holds \(pages) pages but its masters and the log give \(settled.pages)")))
            }
        }
        return unsheeted
    }

    /// Digitized files whose sheets are not counted cannot be checked for completeness: listed, not a fault.
    private static func noteUnsheetedFiles(_ unsheeted: [String: [String]], into report: inout CheckReport) {
        for box in unsheeted.keys.sorted() {
            let refs = unsheeted[box] ?? []
            let shown = refs.prefix(5).joined(separator: ", ") + (refs.count > 5 ? ", …" : "")
            report.notices.append(
                CheckProblem(
                    code: "sheets_not_counted", subject: "box \(box)",
                    text: Text(
                        vi:
                            "hộp \(box): \(refs.count) hồ sơ đã số hóa chưa đếm số tờ, nên chưa kiểm tra được đủ trang (\(shown)); ghi bằng `kho file edit HỘP/HỒSƠ --sheets N`",
                        en:
                            "box \(box): \(refs.count) digitized files have no sheet count, so completeness cannot be checked (\(shown)); set it with `kho file edit BOX/FILE --sheets N`"
                    )))
        }
    }

    /// Masters without an ingest event for their file mean a half-written ingest.
    private static func checkMastersWithoutIngest(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS masters
                FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.file_id = f.id AND e.kind = 'scan.ingest')
                GROUP BY f.id
                """)
        {
            let ref: String = row["ref"]
            let count: Int = row["masters"]
            report.problems.append(
                CheckProblem(
                    code: "file_masters", subject: "file \(ref)",
                    text: Text(
                        vi: "hồ sơ \(ref) có \(count) bản quét nhưng không có sự kiện nạp nào",
                        en: "file \(ref) has \(count) masters but no ingest event")))
        }
    }

    /// Every live finish is no earlier than the live start it closes (the box's latest live `sort.start` before it),
    /// and keeps no more than the extent it recorded.
    private func checkArrangementDates(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.id AS finish_id, f.happened_at AS finished_at, f.metres_mm, f.kept_mm,
                       (SELECT s.id FROM event s
                        WHERE s.box_id = f.box_id AND s.kind = 'sort.start' AND s.id < f.id AND \(LiveEvent.sql(alias: "s"))
                        ORDER BY s.id DESC LIMIT 1) AS start_id
                FROM event f JOIN box b ON b.id = f.box_id
                WHERE f.kind = 'sort.finish' AND \(LiveEvent.sql(alias: "f"))
                ORDER BY f.id
                """)
        {
            let code: String = row["box"]
            let finish: Int64 = row["finish_id"]
            let finishedAt: Int64 = row["finished_at"]
            if let extent: Int64 = row["metres_mm"], let kept: Int64 = row["kept_mm"], kept > extent {
                report.problems.append(
                    CheckProblem(
                        code: "metres", subject: "event \(finish)",
                        text: Text(
                            vi:
                                "sự kiện \(finish) (hoàn thành chỉnh lý hộp \(code)) ghi giữ lại \(kept) mm, lớn hơn độ dài \(extent) mm",
                            en:
                                "event \(finish) (box \(code) finished) records kept \(kept) mm, more than the extent \(extent) mm"
                        )))
            }
            guard let startId: Int64 = row["start_id"],
                let startedAt = try Int64.fetchOne(
                    db, sql: "SELECT happened_at FROM event WHERE id = ?", arguments: [startId]),
                finishedAt < startedAt
            else { continue }
            let (finishText, startText) = whenTexts(finishedAt, startedAt)
            report.problems.append(
                CheckProblem(
                    code: "finish_before_start", subject: "box \(code)",
                    text: Text(
                        vi:
                            "hộp \(code): hoàn thành lúc \(finishText) (sự kiện \(finish)) sớm hơn bắt đầu lúc \(startText) (sự kiện \(startId)); hãy hoàn tác bằng `kho undo \(finish)` rồi ghi lại với --at đúng",
                        en:
                            "box \(code): finished at \(finishText) (event \(finish)), earlier than its start at \(startText) (event \(startId)); undo it with `kho undo \(finish)` and finish again with the right --at"
                    )))
        }
    }

    /// Every `supersedes` link names an existing scan event of the same file (an ingest supersedes a hand record).
    private static func checkSupersedes(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.supersedes, t.id AS target_id, t.kind AS target_kind, e.file_id,
                       t.file_id AS target_file_id, eb.code || '/' || ef.code AS ref, tb.code || '/' || tf.code AS target_ref
                FROM event e
                LEFT JOIN event t ON t.id = e.supersedes
                LEFT JOIN file ef ON ef.id = e.file_id LEFT JOIN box eb ON eb.id = ef.box_id
                LEFT JOIN file tf ON tf.id = t.file_id LEFT JOIN box tb ON tb.id = tf.box_id
                WHERE e.supersedes IS NOT NULL
                ORDER BY e.id
                """)
        {
            let id: Int64 = row["id"]
            let target: Int64 = row["supersedes"]
            let subject = "event \(id)"
            guard (row["target_id"] as Int64?) != nil, let kind: String = row["target_kind"] else {
                report.problems.append(
                    CheckProblem(
                        code: "event_supersedes", subject: subject,
                        text: Text(
                            vi: "sự kiện \(id) thay thế sự kiện \(target), nhưng không có sự kiện \(target)",
                            en: "event \(id) supersedes event \(target), which does not exist")))
                continue
            }
            let file: Int64? = row["file_id"]
            let targetFile: Int64? = row["target_file_id"]
            if file == nil || file != targetFile {
                let here = (row["ref"] as String?) ?? "—"
                let there = (row["target_ref"] as String?) ?? "—"
                report.problems.append(
                    CheckProblem(
                        code: "event_supersedes", subject: subject,
                        text: Text(
                            vi:
                                "sự kiện \(id) (hồ sơ \(here)) thay thế sự kiện \(target) của hồ sơ khác (\(there)); chỉ được thay thế bản ghi của cùng hồ sơ",
                            en:
                                "event \(id) (file \(here)) supersedes event \(target) of another file (\(there)); only a record of the same file can be superseded"
                        )))
            }
            if !kind.hasPrefix("scan.") {
                report.problems.append(
                    CheckProblem(
                        code: "event_supersedes", subject: subject,
                        text: Text(
                            vi:
                                "sự kiện \(id) thay thế sự kiện \(target) (\(kind)), không phải sự kiện số hóa; chỉ bản ghi số hóa mới được thay thế",
                            en:
                                "event \(id) supersedes event \(target) (\(kind)), which is not a scan event; only scan records can be superseded"
                        )))
            }
        }
    }

    /// Every file that passed QC or was delivered has at least one master on record (not marked missing).
    private static func checkMastersOnRecord(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, f.scan_state FROM file f JOIN box b ON b.id = f.box_id
                WHERE f.scan_state IN ('\(ScanState.passed.rawValue)', '\(ScanState.delivered.rawValue)')
                  AND NOT EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id AND NOT m.missing)
                ORDER BY b.code, f.code
                """)
        {
            let ref: String = row["ref"]
            let state: String = row["scan_state"]
            report.problems.append(
                CheckProblem(
                    code: "file_no_masters", subject: "file \(ref)",
                    text: Text(
                        vi:
                            "hồ sơ \(ref) ở trạng thái «\(state)» nhưng không có bản quét nào trong danh mục; hãy đặt bản quét vào thư mục \(ref) trong thư mục bản quét rồi chạy `kho scan ingest`",
                        en:
                            "file \(ref) is “\(state)” but has no masters on record; put its scans in the folder \(ref) under the scans root and run `kho scan ingest`"
                    )))
        }
    }

    /// The metres on the destruction list of each arranged box add up to what its arrangement left out (extent − kept).
    ///
    /// A box whose list does not add up is a problem (`weed_metres`); an arranged box that left metres out and has no
    /// list at all (arranged before the list was kept in kho, or not listed yet) and items on a box not arranged are
    /// notices.
    private static func checkWeedList(_ db: Database, into report: inout CheckReport) throws {
        var unlisted: [String] = []
        var unlistedMM: Int64 = 0
        defer {
            if !unlisted.isEmpty {
                let shown = unlisted.prefix(8).joined(separator: ", ") + (unlisted.count > 8 ? ", …" : "")
                let metres = EventDescriber.metres(unlistedMM)
                report.notices.append(
                    CheckProblem(
                        code: "weed_not_listed", subject: "boxes \(unlisted.count)",
                        text: Text(
                            vi:
                                "\(unlisted.count) hộp chỉnh lý đã loại ra \(metres.vi) nhưng chưa có danh mục tài liệu hết giá trị (\(shown)); ghi bằng `kho weed add HỘP …` hoặc `kho import weed`",
                            en:
                                "\(unlisted.count) arranged boxes left out \(metres.en) but have no destruction list (\(shown)); record it with `kho weed add BOX …` or `kho import weed`"
                        )))
            }
        }
        for b in try weedBalances(db, where: "1") where !b.balanced {
            let proposed = EventDescriber.metres(b.proposedMM)
            guard let leftOutMM = b.leftOutMM else {
                report.notices.append(
                    CheckProblem(
                        code: "weed_not_arranged", subject: "box \(b.box)",
                        text: Text(
                            vi:
                                "hộp \(b.box): \(b.items) mục đề nghị hủy (\(proposed.vi)) nhưng hộp chưa hoàn thành chỉnh lý (\(b.arrangement.label.vi)); khi xong, ghi `kho sort finish \(b.box) --kept MÉT`",
                            en:
                                "box \(b.box): \(b.items) items proposed for destruction (\(proposed.en)) but the box is not arranged (\(b.arrangement.label.en)); when it is, record `kho sort finish \(b.box) --kept METRES`"
                        )))
                continue
            }
            let leftOut = EventDescriber.metres(leftOutMM)
            if b.items == 0 {
                unlisted.append(b.box)
                unlistedMM += leftOutMM
                continue
            }
            let onlySheets = EventDescriber.sheets(b.sheetsWithoutMetres)
            let sheetsVI = b.sheetsWithoutMetres > 0 ? " (và \(onlySheets.vi) không tính vào số mét)" : ""
            let sheetsEN = b.sheetsWithoutMetres > 0 ? " (and \(onlySheets.en), not counted in metres)" : ""
            report.problems.append(
                CheckProblem(
                    code: "weed_metres", subject: "box \(b.box)",
                    text: Text(
                        vi:
                            "hộp \(b.box): danh mục tài liệu hết giá trị đề nghị hủy \(proposed.vi)\(sheetsVI), nhưng chỉnh lý loại ra \(leftOut.vi) (độ dài − giữ lại); sửa danh mục (`kho weed list --box \(b.box)`, `kho undo`) hoặc số mét giữ lại (`kho box edit \(b.box) --kept MÉT`)",
                        en:
                            "box \(b.box): the destruction list proposes \(proposed.en)\(sheetsEN), but arrangement left out \(leftOut.en) (extent − kept); correct the list (`kho weed list --box \(b.box)`, `kho undo`) or the kept metres (`kho box edit \(b.box) --kept METRES`)"
                    )))
        }
    }

    /// Every master on record is on disk as a regular file (a link where a master was is not followed), or on record
    /// as missing: a problem until it is back or a person accepts the loss (`scan accept --reason lost`).
    private static func checkMasters(_ db: Database, into report: inout CheckReport) throws {
        var folders = FolderLinks()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT m.rel_path, m.disk_path, m.missing, m.lost_event, m.name, m.sha256,
                       b.code || '/' || f.code AS ref FROM master m
                JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                """)
        {
            report.masters += 1
            let rel: String = row["rel_path"]
            let ref: String = row["ref"]
            let missing: Bool = row["missing"]
            if missing {
                report.mastersMarkedMissing += 1
                if (row["lost_event"] as Int64?) == nil {
                    report.problems.append(
                        CheckProblem(
                            code: "master_lost", subject: rel,
                            text: Text(
                                vi: "bản quét \(rel): "
                                    + VerifyText.recordedMissing(ref: ref, name: row["name"], sha: row["sha256"]).vi,
                                en: "master \(rel): "
                                    + VerifyText.recordedMissing(ref: ref, name: row["name"], sha: row["sha256"]).en)))
                }
                continue
            }
            let diskPath: String = row["disk_path"]
            var info = stat()
            if let folder = folders.linkedFolder(path: diskPath, rel: rel) {
                report.problems.append(
                    CheckProblem(
                        code: "master_not_file", subject: rel,
                        text: Text(
                            vi:
                                "bản quét \(rel): thư mục \(folder) là liên kết tượng trưng, không đi theo; hãy đặt lại thư mục thật",
                            en:
                                "master \(rel): the folder \(folder) is a symbolic link, not followed; put the real folder back"
                        )))
            } else if lstat(diskPath, &info) != 0 {
                report.problems.append(
                    CheckProblem(
                        code: "master_missing", subject: rel,
                        text: Text(
                            vi:
                                "bản quét \(rel) không còn ở \(diskPath); hãy đưa tệp về chỗ cũ, hoặc chạy `kho scan ingest` để ghi nhận là mất",
                            en:
                                "master \(rel) is no longer at \(diskPath); put it back, or run `kho scan ingest` to record it as gone"
                        )))
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                let found = FixityError(
                    operation: .stat, errno: 0,
                    kind: (info.st_mode & S_IFMT) == S_IFLNK
                        ? .symbolicLink : .notRegularFile(kind: OutputFile.kind(info.st_mode)))
                report.problems.append(
                    CheckProblem(
                        code: "master_not_file", subject: rel,
                        text: Text(
                            vi: "bản quét \(rel) ở \(diskPath): \(found.reason.vi); hãy đặt lại tệp bản gốc",
                            en: "master \(rel) at \(diskPath): \(found.reason.en); put the master file back")))
            }
        }
    }
}
