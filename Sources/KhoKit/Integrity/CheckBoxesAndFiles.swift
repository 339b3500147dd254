import Foundation

extension KhoStore {
    /// The latest live sort event of a box: its kind, the kept millimetres it recorded, its id.
    private typealias SortEvent = (kind: String, kept: Int64?, id: Int64)
    /// The latest live event that set a box's kept millimetres.
    private typealias KeptEvent = (id: Int64, kept: Int64?)

    private typealias StoredBox = IntegrityStore.StoredBox

    /// Each box's state and kept metres against its latest live arrangement events.
    static func checkBoxes(_ tx: Stores, into report: inout CheckReport) throws {
        let (latest, keptSetBy) = try arrangementEvents(tx)
        for box in try tx.integrity.storedBoxes() {
            report.boxes += 1
            checkBoxState(box, last: latest[box.id], into: &report)
            checkKeptMetres(box, last: latest[box.id], keptSetBy: keptSetBy[box.id], into: &report)
        }
    }

    /// The latest live sort event of each box, and the latest live event that set its kept metres: a finish, or
    /// an edit that corrected them (`box edit --kept`, or an extent followed by a box made by arrangement).
    private static func arrangementEvents(
        _ tx: Stores
    ) throws -> (latest: [Int64: SortEvent], keptSetBy: [Int64: KeptEvent]) {
        var latest: [Int64: SortEvent] = [:]
        var keptSetBy: [Int64: KeptEvent] = [:]
        for event in try tx.integrity.arrangementEvents() {
            let box = event.boxId
            if event.kind == EventKind.boxEdit.rawValue {
                if let after = EventDetail(json: event.detail).after, let kept = after["kept_mm"] {
                    keptSetBy[box] = (event.id, kept.flatMap { Int64($0) })
                }
                continue
            }
            latest[box] = (event.kind, event.keptMM, event.id)
            if event.kind == EventKind.sortFinish.rawValue { keptSetBy[box] = (event.id, event.keptMM) }
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
    static func checkFiles(_ tx: Stores, into report: inout CheckReport) throws {
        let unsheeted = try checkFileRungs(tx, into: &report)
        noteUnsheetedFiles(unsheeted, into: &report)
        try checkMastersWithoutIngest(tx, into: &report)
    }

    /// Each file's stored rung and pages against the one rule (FileLadder): its masters, its live hand record,
    /// its confirmations; so a count mismatch or a changed master cannot hide behind a stored "passed". Returns the
    /// digitized files whose sheets are not counted, by box.
    private static func checkFileRungs(_ tx: Stores, into report: inout CheckReport) throws -> [String: [String]] {
        var unsheeted: [String: [String]] = [:]
        for file in try tx.integrity.storedFiles() {
            report.files += 1
            let ref = "\(file.box)/\(file.file)"
            let settled = try FileLadder.settle(tx.scan, fileId: file.id)
            if settled.after.isDigitized && (file.sheets ?? 0) == 0 { unsheeted[file.box, default: []].append(ref) }
            let expected = settled.after.rawValue
            if file.state != expected {
                report.problems.append(
                    CheckFinding.File.state(
                        ref: ref, stored: file.state, expected: expected, pages: settled.pages, sheets: file.sheets
                    ).problem)
            } else if file.pages != settled.pages {
                report.problems.append(
                    CheckFinding.File.pages(ref: ref, stored: file.pages, settled: settled.pages).problem)
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
    static func checkWeedList(_ tx: Stores, into report: inout CheckReport) throws {
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
        for b in try weedBalances(tx.db, where: "1") where !b.balanced {
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
