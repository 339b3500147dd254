import Foundation

/// A fonds, box or file whose history a correction looks at (its table and event column: ``CorrectionStore``).
enum Subject: Sendable, Hashable {
    case fonds, box, file
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

    /// The first thing that happened to any of `rows` of `subject`, or nil when nothing did.
    ///
    /// Events count when they are live (``LiveEvent``: an undone edit changed nothing) and are not undo events; with
    /// `strict` (undoing an import) every other kind counts, edits and moves too, otherwise only the kinds that are not
    /// ``bookkeeping``. Rows of other tables that refer to a row count in both
    /// cases, except rows of the same set (a box made from another box of the same import).
    static func firstHappening(
        _ tx: Stores, _ subject: Subject, _ rows: CorrectionStore.Rows, strict: Bool, time: LocalTime
    ) throws -> Happening? {
        if let seen = try tx.corrections.firstEvent(about: subject, rows, strict: strict, bookkeeping: bookkeeping) {
            return try eventHappening(tx, seen, subject: subject, time: time)
        }
        guard let reference = try tx.corrections.firstReference(to: subject, rows) else { return nil }
        return Happening(
            row: try name(tx, subject, id: reference.target), text: try describe(tx, reference), event: nil)
    }

    /// An event as a happening: what, on which box or file, when, by whom, and its id.
    private static func eventHappening(
        _ tx: Stores, _ seen: CorrectionStore.EventSeen, subject: Subject, time: LocalTime
    ) throws -> Happening {
        let id = seen.id
        let raw = seen.kind
        let kind = EventKind(rawValue: raw)
        let when = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(seen.happenedAt)))
        let actor = seen.actor
        var on = ""
        if subject != .file, let fileId = seen.fileId {
            on = " " + (try tx.corrections.fileRef(id: fileId) ?? "")
        } else if subject == .fonds, let boxId = seen.boxId {
            on = " " + (try tx.catalogue.boxCode(id: boxId))
        }
        let label = kind?.label ?? Text(vi: raw, en: raw)
        return Happening(
            row: try name(tx, subject, id: seen.id(of: subject) ?? 0),
            text: Text(
                vi: "\(label.vi) (\(raw))\(on) lúc \(DateFormat.dateTime(when, lang: .vi)), \(actor), sự kiện \(id)",
                en: "\(label.en) (\(raw))\(on) on \(when) by \(actor), event \(id)"), event: id)
    }

    /// A fonds, box or file by its code, in words: `hộp H0012`.
    static func name(_ tx: Stores, _ subject: Subject, id: Int64) throws -> Text {
        switch subject {
        case .fonds:
            let code = try tx.catalogue.fondsCode(id: id)
            return Text(vi: "phông \(code)", en: "fonds \(code)")
        case .box:
            let code = try tx.catalogue.boxCode(id: id)
            return Text(vi: "hộp \(code)", en: "box \(code)")
        case .file:
            let ref = try tx.corrections.fileRef(id: id) ?? "?"
            return Text(vi: "hồ sơ \(ref)", en: "file \(ref)")
        }
    }

    /// A row that refers to a fonds, box or file, in words.
    private static func describe(_ tx: Stores, _ reference: CorrectionStore.Reference) throws -> Text {
        let (table, column, rowid, target, count) = (
            reference.table, reference.column, reference.rowid, reference.target, reference.count
        )
        func fileRef(_ id: Int64) throws -> String { try tx.corrections.fileRef(id: id) ?? "?" }
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
            let code = try tx.catalogue.boxCode(id: rowid)
            return Text(
                vi: "hộp \(code) được tạo ra từ hộp này khi chỉnh lý", en: "box \(code) was made from it by arrangement"
            )
        case ("box", "fonds_id"):
            let code = try tx.catalogue.boxCode(id: rowid)
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
            let number = try tx.corrections.archiveNumber(rowid: rowid) ?? 0
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
