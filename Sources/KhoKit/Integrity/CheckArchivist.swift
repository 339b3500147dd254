import Foundation
import GRDB

extension KhoStore {
    /// Custody and location marks against the log: each custody's hand-out is a live `custody.out` of the same box or
    /// file, its return a live `custody.in`, and each live one has its custody; a file out on its own is still in the
    /// box it went out from, and not inside a box that is out as a whole; each marked location's risks are the ones its
    /// latest live `location.mark` set. Overdue custody is a notice, not a fault.
    func checkArchivist(_ db: Database, now: Date, into report: inout CheckReport) throws {
        try Self.checkCustodies(db, into: &report)
        try Self.checkCustodyEvents(db, into: &report)
        try noteOverdueCustody(db, now: now, into: &report)
        try checkLocationMarks(db, into: &report)
    }

    /// Each custody against its hand-out and return events, and each file out on its own against its box.
    private static func checkCustodies(_ db: Database, into report: inout CheckReport) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.box_id, c.file_id, c.out_event_id, c.in_event_id, b.code AS box_code, f.code AS file_code,
                       f.box_id AS file_box_id, o.kind AS out_kind, o.box_id AS out_box_id, o.file_id AS out_file_id,
                       \(LiveEvent.sql(alias: "o")) AS out_live, i.kind AS in_kind, i.box_id AS in_box_id, i.file_id AS in_file_id,
                       CASE WHEN i.id IS NULL THEN 1 ELSE \(LiveEvent.sql(alias: "i")) END AS in_live
                FROM custody c JOIN box b ON b.id = c.box_id LEFT JOIN file f ON f.id = c.file_id
                LEFT JOIN event o ON o.id = c.out_event_id LEFT JOIN event i ON i.id = c.in_event_id
                ORDER BY c.id
                """)
        var openBoxes: Set<Int64> = []
        for row in rows where (row["file_id"] as Int64?) == nil && (row["in_event_id"] as Int64?) == nil {
            openBoxes.insert(row["box_id"])
        }
        for row in rows {
            var check = CustodyRowCheck(row)
            check.checkHandOut()
            check.checkReturn(openBoxes: openBoxes)
            report.problems += check.problems
        }
    }

    /// Every live hand-out and return has its custody.
    private static func checkCustodyEvents(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.kind FROM event e
                WHERE e.kind IN ('custody.out', 'custody.in') AND \(LiveEvent.sql(alias: "e"))
                  AND NOT EXISTS (SELECT 1 FROM custody c WHERE c.out_event_id = e.id OR c.in_event_id = e.id)
                """)
        {
            let id: Int64 = row["id"]
            let kind: String = row["kind"]
            report.problems.append(
                CheckProblem(
                    code: "custody", subject: "event \(id)",
                    text: Text(
                        vi: "sự kiện \(id) (\(kind)) không có ghi nhận giao ra/nhận lại tương ứng",
                        en: "event \(id) (\(kind)) has no custody recorded for it")))
        }
    }

    /// Overdue custody, as notices.
    private func noteOverdueCustody(_ db: Database, now: Date, into report: inout CheckReport) throws {
        for overdue in try CustodyStore(db: db, time: time).custodies(.withDue, now: now) where overdue.overdue {
            report.notices.append(
                CheckProblem(
                    code: "custody_overdue",
                    subject: overdue.file == nil ? "box \(overdue.thing)" : "file \(overdue.thing)",
                    text: Text(
                        vi:
                            "\(overdue.thing) quá hạn trả \(overdue.daysOverdue) ngày (\(overdue.holder) giữ từ \(overdue.since), hạn \(overdue.due ?? "?"))",
                        en:
                            "\(overdue.thing) is \(Format.english(overdue.daysOverdue, "day", "days")) overdue (\(overdue.holder) has had it since \(overdue.since), due \(overdue.due ?? "?"))"
                    )))
        }
    }

    private func checkLocationMarks(_ db: Database, into report: inout CheckReport) throws {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT location, risks FROM location_risk") {
            let location: String = row["location"]
            let risks: String = row["risks"]
            stored[location] = risks
            let known = risks.split(separator: ",").allSatisfy { LocationRisk(rawValue: String($0)) != nil }
            if !known || LocationRisk.stored(LocationRisk.parseStored(risks)) != risks {
                report.problems.append(
                    CheckProblem(
                        code: "location_mark", subject: "location \(location)",
                        text: Text(
                            vi: "vị trí \(location) ghi nguy cơ «\(risks)» không hợp lệ",
                            en: "location \(location) holds risks “\(risks)”, which are not valid")))
            }
        }
        var latest: [String: String?] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT e.detail FROM event e WHERE e.kind = 'location.mark' AND \(LiveEvent.sql(alias: "e")) ORDER BY e.id
                """)
        {
            let detail = EventDetail(json: row["detail"])
            guard let location = detail.after?["location"] ?? nil else { continue }
            latest[location] = detail.after?["risks"] ?? nil
        }
        for location in Set(stored.keys).union(latest.keys).sorted() {
            let logged = latest[location] ?? nil
            if stored[location] != logged {
                report.problems.append(
                    CheckProblem(
                        code: "location_mark", subject: "location \(location)",
                        text: Text(
                            vi:
                                "vị trí \(location) ghi nguy cơ «\(stored[location] ?? "không")» nhưng nhật ký (location.mark) cho thấy «\(logged ?? "không")»",
                            en:
                                "location \(location) is stored with risks “\(stored[location] ?? "none")” but the log (location.mark) says “\(logged ?? "none")”"
                        )))
            }
        }
    }
}

/// One custody row checked against its events: its problems, in the order found.
private struct CustodyRowCheck {
    let row: Row
    let boxId: Int64
    let fileId: Int64?
    let thing: String
    var problems: [CheckProblem] = []

    init(_ row: Row) {
        self.row = row
        boxId = row["box_id"]
        fileId = row["file_id"]
        thing = CustodyView.thingName(box: row["box_code"], file: row["file_code"])
    }

    private mutating func problem(_ vi: String, _ en: String) {
        problems.append(
            CheckProblem(
                code: "custody", subject: fileId == nil ? "box \(thing)" : "file \(thing)",
                text: Text(vi: "\(thing): \(vi)", en: "\(thing): \(en)")))
    }

    /// The hand-out is a live `custody.out` of the same box or file.
    mutating func checkHandOut() {
        let outEvent: Int64 = row["out_event_id"]
        if (row["out_kind"] as String?) != EventKind.custodyOut.rawValue || (row["out_box_id"] as Int64?) != boxId
            || (row["out_file_id"] as Int64?) != fileId
        {
            problem(
                "lần giao ra không khớp sự kiện \(outEvent) (phải là custody.out của chính nó)",
                "its hand-out does not match event \(outEvent) (it must be its own custody.out)")
        } else if !(row["out_live"] as Bool) {
            problem(
                "sự kiện giao ra \(outEvent) đã bị hoàn tác nhưng vẫn còn ghi nhận giao ra",
                "hand-out event \(outEvent) was undone but the custody is still recorded")
        }
    }

    /// The return, when there is one, is a live `custody.in` of the same file; a file still out is in the box it went
    /// out from, and not inside a box that is out as a whole.
    mutating func checkReturn(openBoxes: Set<Int64>) {
        let inEvent: Int64? = row["in_event_id"]
        if let inEvent {
            if (row["in_kind"] as String?) != EventKind.custodyIn.rawValue || (row["in_file_id"] as Int64?) != fileId {
                problem(
                    "lần nhận lại không khớp sự kiện \(inEvent) (phải là custody.in của chính nó)",
                    "its return does not match event \(inEvent) (it must be its own custody.in)")
            } else if !(row["in_live"] as Bool) {
                problem(
                    "sự kiện nhận lại \(inEvent) đã bị hoàn tác nhưng vẫn ghi là đã nhận lại",
                    "return event \(inEvent) was undone but it is still recorded as returned")
            }
        } else if let fileId {
            let currentBox: Int64? = row["file_box_id"]
            if currentBox != boxId {
                problem(
                    "hồ sơ đang ở ngoài kho (hồ sơ \(fileId)) nhưng đã bị chuyển sang hộp khác",
                    "the file is out (file \(fileId)) but was moved into another box")
            }
            if let currentBox, openBoxes.contains(currentBox) {
                problem(
                    "hồ sơ được giao riêng trong khi cả hộp của nó cũng đang ở ngoài kho",
                    "the file is out on its own while its whole box is out too")
            }
        }
    }
}
