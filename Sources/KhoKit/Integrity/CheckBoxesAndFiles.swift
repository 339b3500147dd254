import Foundation
import GRDB

extension KhoStore {
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
    static func checkBoxes(_ db: Database, into report: inout CheckReport) throws {
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
        report.problems.append(
            CheckFinding.Arrangement.state(
                box: box.code, stored: box.state, because: because, expected: expected.rawValue
            ).problem)
    }

    /// The box's kept metres: no more than its extent, set exactly when arranged, all of the extent for a box made by
    /// arrangement, and what the event that last set them recorded.
    private static func checkKeptMetres(
        _ box: StoredBox, last: SortEvent?, keptSetBy: KeptEvent?, into report: inout CheckReport
    ) {
        let (code, extent, state, kept) = (box.code, box.extent, box.state, box.kept)
        if let kept, kept > extent {
            report.problems.append(
                CheckFinding.Arrangement.keptOverExtent(box: code, kept: kept, extent: extent).problem)
        }
        if (kept != nil) != (state == ArrangementState.arranged.rawValue) {
            report.problems.append(
                CheckFinding.Arrangement.keptWithoutArrangement(box: code, keptSet: kept != nil, state: state).problem)
        }
        if last == nil, box.madeByArrangement, keptSetBy == nil, let kept, kept != extent {
            report.problems.append(
                CheckFinding.Arrangement.madeByArrangementKept(box: code, kept: kept, extent: extent).problem)
        }
        if last?.kind == EventKind.sortFinish.rawValue || (last == nil && box.madeByArrangement),
            state == ArrangementState.arranged.rawValue, let kept, let set = keptSetBy, let recorded = set.kept,
            recorded != kept
        {
            report.problems.append(
                CheckFinding.Arrangement.keptNotRecorded(box: code, kept: kept, event: set.id, recorded: recorded)
                    .problem)
        }
    }

    /// Each file's stored rung and pages against the ladder; digitized files without a sheet count (a notice); masters
    /// without an ingest event.
    static func checkFiles(_ db: Database, into report: inout CheckReport) throws {
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
                    CheckFinding.File.state(
                        ref: ref, stored: state, expected: expected, pages: settled.pages, sheets: sheets
                    ).problem)
            } else if pages != settled.pages {
                report.problems.append(CheckFinding.File.pages(ref: ref, stored: pages, settled: settled.pages).problem)
            }
        }
        return unsheeted
    }

    /// Digitized files whose sheets are not counted cannot be checked for completeness: listed, not a fault.
    private static func noteUnsheetedFiles(_ unsheeted: [String: [String]], into report: inout CheckReport) {
        for box in unsheeted.keys.sorted() {
            let refs = unsheeted[box] ?? []
            let shown = refs.prefix(5).joined(separator: ", ") + (refs.count > 5 ? ", …" : "")
            report.notices.append(CheckFinding.File.sheetsNotCounted(box: box, files: refs.count, shown: shown).problem)
        }
    }

    /// The metres on the destruction list of each arranged box add up to what its arrangement left out (extent − kept).
    ///
    /// A box whose list does not add up is a problem (`weed_metres`); an arranged box that left metres out and has no
    /// list at all (arranged before the list was kept in kho, or not listed yet) and items on a box not arranged are
    /// notices.
    static func checkWeedList(_ db: Database, into report: inout CheckReport) throws {
        var unlisted: [String] = []
        var unlistedMM: Int64 = 0
        defer {
            if !unlisted.isEmpty {
                let shown = unlisted.prefix(8).joined(separator: ", ") + (unlisted.count > 8 ? ", …" : "")
                let metres = EventDescriber.metres(unlistedMM)
                report.notices.append(
                    CheckFinding.Weed.notListed(boxes: unlisted.count, metres: metres, shown: shown).problem)
            }
        }
        for b in try WeedStore(db: db).balances(.all) where !b.balanced {
            let proposed = EventDescriber.metres(b.proposedMM)
            guard let leftOutMM = b.leftOutMM else {
                report.notices.append(
                    CheckFinding.Weed.notArranged(
                        box: b.box, items: b.items, proposed: proposed, arrangement: b.arrangement.label
                    ).problem)
                continue
            }
            let leftOut = EventDescriber.metres(leftOutMM)
            if b.items == 0 {
                unlisted.append(b.box)
                unlistedMM += leftOutMM
                continue
            }
            report.problems.append(
                CheckFinding.Weed.metres(
                    box: b.box, proposed: proposed, sheetsWithoutMetres: b.sheetsWithoutMetres,
                    onlySheets: EventDescriber.sheets(b.sheetsWithoutMetres), leftOut: leftOut
                ).problem)
        }
    }

}
