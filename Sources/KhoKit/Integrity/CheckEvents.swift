import Foundation
import GRDB

extension KhoStore {
    /// Every event's detail reads back as the JSON kho writes (an unreadable one would be taken as empty when shown).
    static func checkEventDetails(_ db: Database, into report: inout CheckReport) throws {
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
                    CheckFinding.Event.detail(id: id, kind: kind, error: error.text, shown: shown).problem)
            }
        }
        if broken > 100 {
            report.problems.append(CheckFinding.Event.moreDetails(count: broken - 100).problem)
        }
    }

    static func checkEvents(_ db: Database, into report: inout CheckReport) throws {
        let known = Set(EventKind.allCases.map(\.rawValue))
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var uids: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT id, uid, kind, undoes FROM event ORDER BY id") {
            report.events += 1
            let id: Int64 = row["id"]
            let uid: String = row["uid"]
            let kind: String = row["kind"]
            if uid.count != 26 || !uid.allSatisfy(alphabet.contains) {
                report.problems.append(CheckFinding.Event.uidNotULID(id: id, uid: uid).problem)
            }
            if !uids.insert(uid).inserted {
                report.problems.append(CheckFinding.Event.uidRepeated(id: id, uid: uid).problem)
            }
            if !known.contains(kind) {
                report.problems.append(CheckFinding.Event.unknownKind(id: id, kind: kind).problem)
            }
            if let undoes: Int64 = row["undoes"], undoes >= id {
                report.problems.append(CheckFinding.Event.undoesLater(id: id, undoes: undoes).problem)
            }
        }
    }

    /// Every live finish is no earlier than the live start it closes (the box's latest live `sort.start` before it),
    /// and keeps no more than the extent it recorded.
    func checkArrangementDates(_ db: Database, into report: inout CheckReport) throws {
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
                    CheckFinding.Arrangement.finishKeptOverExtent(event: finish, box: code, kept: kept, extent: extent)
                        .problem)
            }
            guard let startId: Int64 = row["start_id"],
                let startedAt = try Int64.fetchOne(
                    db, sql: "SELECT happened_at FROM event WHERE id = ?", arguments: [startId]),
                finishedAt < startedAt
            else { continue }
            let (finishText, startText) = whenTexts(finishedAt, startedAt)
            report.problems.append(
                CheckFinding.Arrangement.finishBeforeStart(
                    box: code, finish: finish, finishedAt: finishText, start: startId, startedAt: startText
                ).problem)
        }
    }

    /// Every `supersedes` link names an existing scan event of the same file (an ingest supersedes a hand record).
    static func checkSupersedes(_ db: Database, into report: inout CheckReport) throws {
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
            guard (row["target_id"] as Int64?) != nil, let kind: String = row["target_kind"] else {
                report.problems.append(CheckFinding.Supersedes.nothing(id: id, target: target).problem)
                continue
            }
            let file: Int64? = row["file_id"]
            let targetFile: Int64? = row["target_file_id"]
            if file == nil || file != targetFile {
                let here = (row["ref"] as String?) ?? "—"
                let there = (row["target_ref"] as String?) ?? "—"
                report.problems.append(
                    CheckFinding.Supersedes.otherFile(id: id, ref: here, target: target, targetRef: there).problem)
            }
            if !kind.hasPrefix("scan.") {
                report.problems.append(CheckFinding.Supersedes.notScan(id: id, target: target, kind: kind).problem)
            }
        }
    }

}
