import Foundation

extension KhoStore {
    /// Every event's detail reads back as the JSON kho writes (an unreadable one would be taken as empty when shown).
    static func checkEventDetails(_ tx: Stores, into report: inout CheckReport) throws {
        var broken = 0
        try tx.integrity.forEachEventDetail { id, kind, detail in
            do {
                _ = try EventDetail(decoding: detail)
            } catch let error as EventDetailError {
                broken += 1
                guard broken <= 100 else { return }
                let shown = detail.count > 60 ? "\(detail.prefix(60))…" : detail
                report.problems.append(
                    CheckFinding.Event.detail(id: id, kind: kind, error: error.text, shown: shown).problem)
            }
        }
        if broken > 100 {
            report.problems.append(CheckFinding.Event.moreDetails(count: broken - 100).problem)
        }
    }

    static func checkEvents(_ tx: Stores, into report: inout CheckReport) throws {
        let known = Set(EventKind.allCases.map(\.rawValue))
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var uids: Set<String> = []
        try tx.integrity.forEachEvent { id, uid, kind, undoes in
            report.events += 1
            if uid.count != 26 || !uid.allSatisfy(alphabet.contains) {
                report.problems.append(CheckFinding.Event.uidNotULID(id: id, uid: uid).problem)
            }
            if !uids.insert(uid).inserted {
                report.problems.append(CheckFinding.Event.uidRepeated(id: id, uid: uid).problem)
            }
            if !known.contains(kind) {
                report.problems.append(CheckFinding.Event.unknownKind(id: id, kind: kind).problem)
            }
            if let undoes, undoes >= id {
                report.problems.append(CheckFinding.Event.undoesLater(id: id, undoes: undoes).problem)
            }
        }
    }

    /// Every live finish is no earlier than the live start it closes (the box's latest live `sort.start` before it),
    /// and keeps no more than the extent it recorded.
    func checkArrangementDates(_ tx: Stores, into report: inout CheckReport) throws {
        for finish in try tx.integrity.finishes() {
            if let extent = finish.metresMM, let kept = finish.keptMM, kept > extent {
                report.problems.append(
                    CheckFinding.Arrangement.finishKeptOverExtent(
                        event: finish.finish, box: finish.box, kept: kept, extent: extent
                    ).problem)
            }
            guard let start = finish.start, let startedAt = finish.startedAt, finish.finishedAt < startedAt
            else { continue }
            let (finishText, startText) = whenTexts(finish.finishedAt, startedAt)
            report.problems.append(
                CheckFinding.Arrangement.finishBeforeStart(
                    box: finish.box, finish: finish.finish, finishedAt: finishText, start: start, startedAt: startText
                ).problem)
        }
    }

    /// Every `supersedes` link names an existing scan event of the same file (an ingest supersedes a hand record).
    static func checkSupersedes(_ tx: Stores, into report: inout CheckReport) throws {
        for link in try tx.integrity.supersedesLinks() {
            guard link.targetExists, let kind = link.targetKind else {
                report.problems.append(CheckFinding.Supersedes.nothing(id: link.id, target: link.target).problem)
                continue
            }
            if link.fileId == nil || link.fileId != link.targetFileId {
                report.problems.append(
                    CheckFinding.Supersedes.otherFile(
                        id: link.id, ref: link.ref ?? "—", target: link.target, targetRef: link.targetRef ?? "—"
                    ).problem)
            }
            if !kind.hasPrefix("scan.") {
                report.problems.append(
                    CheckFinding.Supersedes.notScan(id: link.id, target: link.target, kind: kind).problem)
            }
        }
    }
}
