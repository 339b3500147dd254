import Foundation
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
        return try reading { tx in
            let ids = try Self.selectedBoxes(tx, selection)
            guard !ids.isEmpty else { throw LabelError.noBoxes }
            let files = try tx.reports.labelFiles()
            return try ids.compactMap { id in try Self.label(tx, box: id, files: files[id] ?? []) }
        }
    }

    /// The ids of the selected boxes: named boxes in the order given, else in fonds and box-code order; narrowed to
    /// those registered since a day when one is given.
    private static func selectedBoxes(_ tx: Stores, _ selection: LabelSelection) throws -> [Int64] {
        var ids: [Int64]
        if !selection.boxes.isEmpty {
            ids = try selection.boxes.map { code in
                let box = try tx.catalogue.box(code: code)
                let into = try tx.reports.boxesMade(from: box.id)
                if !into.isEmpty { throw LabelError.rehoused(box: box.code, into: into.joined(separator: ", ")) }
                return box.id ?? 0
            }
        } else {
            // Only boxes on the shelf: a bundle rehoused by arrangement lives on in the boxes made from it.
            let fondsId = try selection.fonds.map { try tx.catalogue.fonds(code: Clean.code($0)).id }
            ids = try tx.reports.shelfBoxIds(fondsId: fondsId ?? nil)
        }
        if let day = selection.madeSince {
            let registered = try Self.registrationDays(tx)
            ids = ids.filter { (registered[$0] ?? "") >= day }
        }
        return ids
    }

    /// The label of box `id` from its files, or nil when there is no such box.
    private static func label(_ tx: Stores, box id: Int64, files: [LabelFile]) throws -> BoxLabel? {
        guard let header = try tx.reports.labelHeader(box: id) else { return nil }
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
            fondsCode: header.fondsCode, fondsName: header.fondsName, box: header.box,
            firstFile: inBox.first?.code, lastFile: inBox.last?.code,
            files: inBox.count, startYear: header.startYear ?? starts.min(), endYear: header.endYear ?? ends.max(),
            retention: retention?.stored)
    }

    /// The local day each box was registered: its `box.add`, or the `import.boxes` that brought it in.
    ///
    /// An import writes no event per box: its boxes are the ones inserted in its transaction, the next unclaimed box
    /// ids in order (writes are serialised, so box ids and events follow one order).
    static func registrationDays(_ tx: Stores) throws -> [Int64: String] {
        var days: [Int64: String] = [:]
        var (unclaimed, events) = try tx.reports.registrations()
        var claimed: Set<Int64> = []
        for event in events where event.kind == EventKind.boxAdd.rawValue {
            if let id = event.boxId { claimed.insert(id) }
        }
        unclaimed.removeAll { claimed.contains($0) }
        var next = 0
        for event in events {
            if event.kind == EventKind.boxAdd.rawValue {
                if let id = event.boxId { days[id] = event.day }
            } else {
                for _ in 0..<(event.count ?? 0) where next < unclaimed.count {
                    days[unclaimed[next]] = event.day
                    next += 1
                }
            }
        }
        return days
    }
}

/// One file as a spine label sees it.
struct LabelFile {
    var code: String
    var retention: Retention?
    var start: Int?
    var end: Int?
}
