import Foundation
import GRDB

/// A fonds, box or file whose history a correction looks at.
enum Subject: Sendable, Hashable {
    case fonds, box, file

    /// The catalogue table that holds it.
    var table: String {
        switch self {
        case .fonds: "fonds"
        case .box: "box"
        case .file: "file"
        }
    }

    /// The event column that names it.
    var eventColumn: String {
        switch self {
        case .fonds: "fonds_id"
        case .box: "box_id"
        case .file: "file_id"
        }
    }

    /// Events about a part of it (a box of a fonds, a file of a box) also carry its id; they are that part's history.
    var ownEventsOnly: String {
        switch self {
        case .fonds: "e.box_id IS NULL AND e.file_id IS NULL"
        case .box: "e.file_id IS NULL"
        case .file: "1"
        }
    }
}

/// Something that happened to a fonds, box or file beyond being registered, edited, moved and renamed: an event
/// about it, or a row elsewhere in the catalogue that refers to it (a file in a box, masters, a PDF/A copy, an item on
/// the destruction list, and whatever later tables refer to it).
public struct Happening: Sendable, Hashable {
    /// The row it happened to: `hộp H0012`, `hồ sơ H0012/03`, `phông UBND-SK1`.
    public var row: Text
    /// What happened, e.g. "hoàn thành chỉnh lý (sort.finish) lúc 2026-01-15 16:00, Trần Văn Minh, sự kiện 12".
    public var text: Text
    /// The event, when it is one.
    public var event: Int64?
}

/// The one rule of what counts as "nothing has happened to it", for deletes and for undoing imports.
enum History {
    /// Events that do not count as something happening to a row: its registration, corrections of its description,
    /// moves, renames, deleting its parts, and undo events.
    static let bookkeeping: Set<EventKind> = [
        .fondsAdd, .boxAdd, .fileAdd, .importBoxes, .importFiles, .boxEdit, .boxMove, .fileEdit, .fileMove,
        .fondsRename, .boxRename, .fileRename, .boxDelete, .fileDelete, .undo,
    ]

    /// The first thing that happened to any row of `subject` whose id is in `ids` (an SQL query giving ids, its
    /// values bound), or nil when nothing did.
    ///
    /// Events count when they are live (``LiveEvent``: an undone edit changed nothing) and are not undo events; with
    /// `strict` (undoing an import) every other kind counts, edits and moves too, otherwise only the kinds that are not
    /// ``bookkeeping``. Rows of other tables that refer to a row count in both
    /// cases, except rows of the same set (a box made from another box of the same import).
    static func firstHappening(
        _ db: Database, _ subject: Subject, ids: SQL, strict: Bool, time: LocalTime
    ) throws -> Happening? {
        let kinds: SQL = strict ? "e.kind != 'undo'" : "e.kind NOT IN \(bookkeeping.map(\.rawValue).sorted())"
        if let row = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    SELECT e.id, e.kind, e.actor, e.happened_at, e.fonds_id, e.box_id, e.file_id FROM event e
                    WHERE e.\(sql: subject.eventColumn) IN (\(ids)) AND \(sql: subject.ownEventsOnly) AND \(kinds)
                      AND \(sql: LiveEvent.sql(alias: "e"))
                    ORDER BY e.id LIMIT 1
                    """))
        {
            return try eventHappening(db, row: row, subject: subject, time: time)
        }
        return try firstReference(db, subject, ids: ids)
    }

    /// An event as a happening: what, on which box or file, when, by whom, and its id.
    private static func eventHappening(_ db: Database, row: Row, subject: Subject, time: LocalTime) throws -> Happening
    {
        let id: Int64 = row["id"]
        let raw: String = row["kind"]
        let kind = EventKind(rawValue: raw)
        let when = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(row["happened_at"] as Int64)))
        let actor: String = row["actor"]
        var on = ""
        if subject != .file, let fileId: Int64 = row["file_id"] {
            on =
                " "
                + (try String.fetchOne(
                    db, sql: "SELECT b.code || '/' || f.code FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?",
                    arguments: [fileId]) ?? "")
        } else if subject == .fonds, let boxId: Int64 = row["box_id"] {
            on = " " + (try Lookup.boxCode(db, id: boxId))
        }
        let label = kind?.label ?? Text(vi: raw, en: raw)
        let target: Int64? = row[subject.eventColumn]
        return Happening(
            row: try name(db, subject, id: target ?? 0),
            text: Text(
                vi: "\(label.vi) (\(raw))\(on) lúc \(when), \(actor), sự kiện \(id)",
                en: "\(label.en) (\(raw))\(on) on \(when) by \(actor), event \(id)"), event: id)
    }

    /// The first row of another table (or of the same table, outside the set) that refers to a row of the set.
    private static func firstReference(
        _ db: Database, _ subject: Subject, ids: SQL
    ) throws -> Happening? {
        let references = try Row.fetchAll(
            db,
            sql: """
                SELECT m.name AS tbl, p."from" AS col FROM sqlite_master m, pragma_foreign_key_list(m.name) p
                WHERE m.type = 'table' AND p."table" = ? AND m.name != 'event'
                ORDER BY m.name, p."from"
                """, arguments: [subject.table])
        for reference in references {
            let table: String = reference["tbl"]
            let column: String = reference["col"]
            let outside: SQL = table == subject.table ? " AND t.rowid NOT IN (\(ids))" : ""
            guard
                let row = try Row.fetchOne(
                    db,
                    SQLRequest<Row>(
                        literal: """
                            SELECT t.rowid AS rid, t.\(sql: column) AS target, COUNT(*) OVER () AS n FROM \(sql: table) t
                            WHERE t.\(sql: column) IN (\(ids))\(outside) ORDER BY t.rowid LIMIT 1
                            """))
            else { continue }
            return Happening(
                row: try name(db, subject, id: row["target"]),
                text: try describe(
                    db, table: table, column: column, rowid: row["rid"], target: row["target"], count: row["n"]),
                event: nil)
        }
        return nil
    }

    /// A fonds, box or file by its code, in words: `hộp H0012`.
    static func name(_ db: Database, _ subject: Subject, id: Int64) throws -> Text {
        switch subject {
        case .fonds:
            let code = try Lookup.fondsCode(db, id: id)
            return Text(vi: "phông \(code)", en: "fonds \(code)")
        case .box:
            let code = try Lookup.boxCode(db, id: id)
            return Text(vi: "hộp \(code)", en: "box \(code)")
        case .file:
            let ref =
                try String.fetchOne(
                    db, sql: "SELECT b.code || '/' || f.code FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?",
                    arguments: [id]) ?? "?"
            return Text(vi: "hồ sơ \(ref)", en: "file \(ref)")
        }
    }

    /// A row that refers to a fonds, box or file, in words.
    private static func describe(
        _ db: Database, table: String, column: String, rowid: Int64, target: Int64, count: Int
    ) throws -> Text {
        func fileRef(_ id: Int64) throws -> String {
            try String.fetchOne(
                db, sql: "SELECT b.code || '/' || f.code FROM file f JOIN box b ON b.id = f.box_id WHERE f.id = ?",
                arguments: [id]) ?? "?"
        }
        switch (table, column) {
        case ("file", "box_id"):
            let ref = try fileRef(rowid)
            return Text(
                vi:
                    "hộp có \(count) hồ sơ (ví dụ \(ref)); hãy xóa hoặc chuyển các hồ sơ trước (`kho file delete \(ref)`, `kho file move \(ref) --to HỘP`)",
                en:
                    "the box holds \(count) files (e.g. \(ref)); delete or move them first (`kho file delete \(ref)`, `kho file move \(ref) --to BOX`)"
            )
        case ("box", "from_box_id"):
            let code = try Lookup.boxCode(db, id: rowid)
            return Text(
                vi: "hộp \(code) được tạo ra từ hộp này khi chỉnh lý", en: "box \(code) was made from it by arrangement"
            )
        case ("box", "fonds_id"):
            let code = try Lookup.boxCode(db, id: rowid)
            return Text(
                vi: "phông có \(count) hộp (ví dụ \(code)); hãy xóa các hộp trước (`kho box delete \(code)`)",
                en: "the fonds holds \(count) boxes (e.g. \(code)); delete them first (`kho box delete \(code)`)")
        case ("master", _):
            return Text(
                vi: "hồ sơ \(try fileRef(target)) có \(count) bản quét đã nạp",
                en: "file \(try fileRef(target)) has \(count) masters on record")
        case ("pdf_copy", _):
            return Text(
                vi: "hồ sơ \(try fileRef(target)) đã có bản PDF/A", en: "file \(try fileRef(target)) has a PDF/A copy")
        case ("archive_number", _):
            let number =
                try Int.fetchOne(db, sql: "SELECT number FROM archive_number WHERE rowid = ?", arguments: [rowid]) ?? 0
            return Text(
                vi: "hồ sơ \(try fileRef(target)) đã được đánh số \(number) trong phông",
                en: "file \(try fileRef(target)) was numbered \(number) in its fonds")
        case ("archive_rule", _):
            return Text(
                vi: "phông có quy tắc mã hồ sơ riêng (`kho pdf rule`)",
                en: "the fonds has its own archival code rule (`kho pdf rule`)")
        case ("weed_item", _):
            return Text(
                vi: "hộp có \(count) mục trong danh mục tài liệu hết giá trị (`kho weed list`)",
                en: "the box has \(count) items on the destruction list (`kho weed list`)")
        case ("weed_decision", _):
            return Text(
                vi: "phông có quyết định của Hội đồng về tài liệu hết giá trị",
                en: "the fonds has decisions of the appraisal council")
        default:
            return Text(
                vi: "\(count) dòng của bảng \(table) trỏ tới nó (cột \(column))",
                en: "\(count) rows of table \(table) refer to it (column \(column))")
        }
    }
}
