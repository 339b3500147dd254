import Foundation
import GRDB
import KhoEstimation
import KhoReport

/// Which boxes get spine labels: the boxes named, or those of one fonds, or those registered since a day (the last
/// two together narrow each other); nothing given means every box.
public struct LabelSelection: Sendable, Hashable {
    public var boxes: [String]
    public var fonds: String?
    /// `YYYY-MM-DD`: boxes registered (`kho box add` or `kho import boxes`) on or after this local day.
    public var madeSince: String?

    public init(boxes: [String] = [], fonds: String? = nil, madeSince: String? = nil) {
        self.boxes = boxes
        self.fonds = fonds
        self.madeSince = madeSince
    }
}

/// What can be wrong with a label selection.
public enum LabelError: KhoError, Equatable {
    case badDay(String)
    /// The selection holds no box.
    case noBoxes
    /// A box named for a label whose records were rehoused by arrangement into other boxes: it is no longer on a shelf.
    case rehoused(box: String, into: String)

    public var text: Text {
        switch self {
        case .badDay(let text):
            Text(
                vi: "ngày «\(Visible.escaped(text))» không đọc được: viết YYYY-MM-DD, ví dụ 2026-11-01",
                en: "cannot read the day “\(Visible.escaped(text))”: write YYYY-MM-DD, e.g. 2026-11-01")
        case .noBoxes:
            Text(
                vi: "không có hộp nào phù hợp để in nhãn; xem các hộp bằng `kho box list`",
                en: "no box matches, so there is nothing to label; see the boxes with `kho box list`")
        case .rehoused(let box, let into):
            Text(
                vi:
                    "hộp/bó \(box) đã được đóng lại vào \(into) khi chỉnh lý, không còn trên giá: hãy in nhãn cho \(into)",
                en:
                    "box or bundle \(box) was rehoused into \(into) by arrangement and is no longer on a shelf: label \(into)"
            )
        }
    }
}

extension KhoStore {
    /// The spine labels of the selected boxes: named boxes in the order given, else in fonds and box-code order.
    ///
    /// File numbers are the first and last file codes in number order (`2` before `10`); years are the box's, else
    /// the earliest and latest of its files'; retention is the longest of its files' (permanent above any years).
    public func boxLabels(_ selection: LabelSelection) throws -> [BoxLabel] {
        if let day = selection.madeSince, LocalDay(iso: day) == nil { throw LabelError.badDay(day) }
        return try read { db in
            let ids = try Self.selectedBoxes(db, selection)
            guard !ids.isEmpty else { throw LabelError.noBoxes }
            var files: [Int64: [LabelFile]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT box_id, code, retention, start_year, end_year FROM file") {
                files[row["box_id"], default: []].append(
                    LabelFile(
                        code: row["code"], retention: Retention(stored: row["retention"]), start: row["start_year"],
                        end: row["end_year"]))
            }
            return try ids.compactMap { id in try Self.label(db, box: id, files: files[id] ?? []) }
        }
    }

    /// The ids of the selected boxes: named boxes in the order given, else in fonds and box-code order; narrowed to
    /// those registered since a day when one is given.
    private static func selectedBoxes(_ db: Database, _ selection: LabelSelection) throws -> [Int64] {
        var ids: [Int64]
        if !selection.boxes.isEmpty {
            ids = try selection.boxes.map { code in
                let box = try Lookup.box(db, code: code)
                let into = try String.fetchAll(
                    db, sql: "SELECT code FROM box WHERE from_box_id = ? ORDER BY code", arguments: [box.id])
                if !into.isEmpty { throw LabelError.rehoused(box: box.code, into: into.joined(separator: ", ")) }
                return box.id ?? 0
            }
        } else {
            // Only boxes on the shelf: a bundle rehoused by arrangement lives on in the boxes made from it.
            var sql = """
                SELECT b.id FROM box b JOIN fonds f ON f.id = b.fonds_id
                WHERE NOT EXISTS (SELECT 1 FROM box c WHERE c.from_box_id = b.id)
                """
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let fonds = selection.fonds {
                let f = try Lookup.fonds(db, code: Clean.code(fonds))
                sql += " AND b.fonds_id = ?"
                arguments.append(f.id)
            }
            ids = try Int64.fetchAll(
                db, sql: sql + " ORDER BY f.code, b.code", arguments: StatementArguments(arguments))
        }
        if let day = selection.madeSince {
            let registered = try Self.registrationDays(db)
            ids = ids.filter { (registered[$0] ?? "") >= day }
        }
        return ids
    }

    /// The label of box `id` from its files, or nil when there is no such box.
    private static func label(_ db: Database, box id: Int64, files: [LabelFile]) throws -> BoxLabel? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT b.code AS box_code, f.code AS fonds_code, f.name AS fonds_name, b.start_year, b.end_year
                    FROM box b JOIN fonds f ON f.id = b.fonds_id WHERE b.id = ?
                    """, arguments: [id])
        else { return nil }
        let inBox = files.sorted {
            $0.code.compare($1.code, options: [.numeric]) == .orderedAscending
        }
        let starts = inBox.compactMap(\.start)
        let ends = inBox.compactMap { $0.end ?? $0.start }
        let retention =
            inBox.map(\.retention).max { a, b in
                func rank(_ r: Retention?) -> Int {
                    switch r {
                    case .permanent?: Int.max
                    case .years(let n)?: n
                    case nil: -1
                    }
                }
                return rank(a) < rank(b)
            } ?? nil
        return BoxLabel(
            fondsCode: row["fonds_code"], fondsName: row["fonds_name"], box: row["box_code"],
            firstFile: inBox.first?.code, lastFile: inBox.last?.code,
            files: inBox.count, startYear: (row["start_year"] as Int?) ?? starts.min(),
            endYear: (row["end_year"] as Int?) ?? ends.max(),
            retention: retention?.stored)
    }

    /// The local day each box was registered: its `box.add`, or the `import.boxes` that brought it in.
    ///
    /// An import writes no event per box: its boxes are the ones inserted in its transaction, the next unclaimed box
    /// ids in order (writes are serialised, so box ids and events follow one order).
    static func registrationDays(_ db: Database) throws -> [Int64: String] {
        var days: [Int64: String] = [:]
        var unclaimed = try Int64.fetchAll(db, sql: "SELECT id FROM box ORDER BY id")
        var claimed: Set<Int64> = []
        let events = try Row.fetchAll(
            db,
            sql: """
                SELECT kind, box_id, happened_day, json_extract(detail, '$.count') AS count FROM event WHERE kind IN ('box.add', 'import.boxes') ORDER BY id
                """)
        for row in events where (row["kind"] as String) == EventKind.boxAdd.rawValue {
            if let id: Int64 = row["box_id"] { claimed.insert(id) }
        }
        unclaimed.removeAll { claimed.contains($0) }
        var next = 0
        for row in events {
            let day: String = row["happened_day"]
            if (row["kind"] as String) == EventKind.boxAdd.rawValue {
                if let id: Int64 = row["box_id"] { days[id] = day }
            } else {
                let count: Int = row["count"] ?? 0
                for _ in 0..<count where next < unclaimed.count {
                    days[unclaimed[next]] = day
                    next += 1
                }
            }
        }
        return days
    }
}

/// One file as a spine label sees it.
private struct LabelFile {
    var code: String
    var retention: Retention?
    var start: Int?
    var end: Int?
}
