import Foundation

extension KhoStore {
    /// Custody and location marks against the log: each custody's hand-out is a live `custody.out` of the same box or
    /// file, its return a live `custody.in`, and each live one has its custody; a file out on its own is still in the
    /// box it went out from, and not inside a box that is out as a whole; each marked location's risks are the ones its
    /// latest live `location.mark` set. Overdue custody is a notice, not a fault.
    func checkArchivist(_ tx: Stores, now: Date, into report: inout CheckReport) throws {
        try Self.checkCustodies(tx, into: &report)
        try Self.checkCustodyEvents(tx, into: &report)
        try noteOverdueCustody(tx, now: now, into: &report)
        try checkLocationMarks(tx, into: &report)
    }

    /// Each custody against its hand-out and return events, and each file out on its own against its box.
    private static func checkCustodies(_ tx: Stores, into report: inout CheckReport) throws {
        let rows = try tx.integrity.custodies()
        var openBoxes: Set<Int64> = []
        for row in rows where row.fileId == nil && row.inEvent == nil { openBoxes.insert(row.boxId) }
        for row in rows {
            var check = CustodyRowCheck(row)
            check.checkHandOut()
            check.checkReturn(openBoxes: openBoxes)
            report.problems += check.problems
        }
    }

    /// Every live hand-out and return has its custody.
    private static func checkCustodyEvents(_ tx: Stores, into report: inout CheckReport) throws {
        for (id, kind) in try tx.integrity.custodyEventsWithoutCustody() {
            report.problems.append(
                CheckProblem(
                    code: "custody", subject: "event \(id)",
                    text: Text(
                        vi: "sự kiện \(id) (\(kind)) không có ghi nhận giao ra/nhận lại tương ứng",
                        en: "event \(id) (\(kind)) has no custody recorded for it")))
        }
    }

    /// Overdue custody, as notices.
    private func noteOverdueCustody(_ tx: Stores, now: Date, into report: inout CheckReport) throws {
        for overdue in try tx.custody.custodies(.withDue, now: now) where overdue.overdue {
            report.notices.append(
                CheckProblem(
                    code: "custody_overdue",
                    subject: overdue.file == nil ? "box \(overdue.thing)" : "file \(overdue.thing)",
                    text: Text(
                        vi:
                            "\(overdue.thing) quá hạn trả \(overdue.daysOverdue) ngày (\(overdue.holder) giữ từ \(DateFormat.dateTime(overdue.since, lang: .vi)), hạn \(overdue.due.map { DateFormat.day($0, lang: .vi) } ?? "?"))",
                        en:
                            "\(overdue.thing) is \(Format.english(overdue.daysOverdue, "day", "days")) overdue (\(overdue.holder) has had it since \(overdue.since), due \(overdue.due ?? "?"))"
                    )))
        }
    }

    private func checkLocationMarks(_ tx: Stores, into report: inout CheckReport) throws {
        var stored: [String: String] = [:]
        for (location, risks) in try tx.integrity.locationRisks() {
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
        for detail in try tx.integrity.locationMarkDetails() {
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
    let row: IntegrityStore.CustodyRow
    let boxId: Int64
    let fileId: Int64?
    let thing: String
    var problems: [CheckProblem] = []

    init(_ row: IntegrityStore.CustodyRow) {
        self.row = row
        boxId = row.boxId
        fileId = row.fileId
        thing = CustodyView.thingName(box: row.boxCode, file: row.fileCode)
    }

    private mutating func problem(_ vi: String, _ en: String) {
        problems.append(
            CheckProblem(
                code: "custody", subject: fileId == nil ? "box \(thing)" : "file \(thing)",
                text: Text(vi: "\(thing): \(vi)", en: "\(thing): \(en)")))
    }

    /// The hand-out is a live `custody.out` of the same box or file.
    mutating func checkHandOut() {
        let outEvent = row.outEvent
        if row.outKind != EventKind.custodyOut.rawValue || row.outBoxId != boxId || row.outFileId != fileId {
            problem(
                "lần giao ra không khớp sự kiện \(outEvent) (phải là custody.out của chính nó)",
                "its hand-out does not match event \(outEvent) (it must be its own custody.out)")
        } else if !row.outLive {
            problem(
                "sự kiện giao ra \(outEvent) đã bị hoàn tác nhưng vẫn còn ghi nhận giao ra",
                "hand-out event \(outEvent) was undone but the custody is still recorded")
        }
    }

    /// The return, when there is one, is a live `custody.in` of the same file; a file still out is in the box it went
    /// out from, and not inside a box that is out as a whole.
    mutating func checkReturn(openBoxes: Set<Int64>) {
        if let inEvent = row.inEvent {
            if row.inKind != EventKind.custodyIn.rawValue || row.inFileId != fileId {
                problem(
                    "lần nhận lại không khớp sự kiện \(inEvent) (phải là custody.in của chính nó)",
                    "its return does not match event \(inEvent) (it must be its own custody.in)")
            } else if !row.inLive {
                problem(
                    "sự kiện nhận lại \(inEvent) đã bị hoàn tác nhưng vẫn ghi là đã nhận lại",
                    "return event \(inEvent) was undone but it is still recorded as returned")
            }
        } else if let fileId {
            let currentBox = row.fileBoxId
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
