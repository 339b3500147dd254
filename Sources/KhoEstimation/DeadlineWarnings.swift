/// The warnings that answer a deadline and a staffing plan: the plan misses `--until` (`deadline_missed`, first, with
/// what meeting it takes and costs at P50 and P90), and staffing beyond what the office can seat or equip
/// (`staff_unrealistic`: more people scanning than scanners owned, or more than 3× today's people on a part).
func deadlineWarnings(
    _ inputs: EstimateInputs, _ deadline: Deadline?, total: TotalEstimate, money: MoneyBreakdown,
    projected: (a: Projection, s: Projection)
) -> [Notice] {
    var out: [Notice] = []
    if let d = deadline, total.finishDate.p50 > d.until, let a = d.arrangement, let s = d.scanning {
        out.append(Texts.deadlineMissed(d, finish: total.finishDate, a: a, s: s))
    }
    let scanners = inputs.rates.scanners?.value ?? max(1, projected.s.currentStaff)
    var asks: [(kind: WorkKind, people: Int, current: Int)] = [
        (.arrangement, projected.a.plannedStaff, projected.a.currentStaff),
        (.scanning, projected.s.plannedStaff, projected.s.currentStaff),
    ]
    if let d = deadline {
        if let a = d.arrangement { asks.append((.arrangement, a.staffP50, a.currentStaff)) }
        if let s = d.scanning { asks.append((.scanning, s.staffP50, s.currentStaff)) }
    }
    var warned: Set<WorkKind> = []
    for ask in asks.reversed() where !warned.contains(ask.kind) {
        let crowd = ask.people > 3 * max(1, ask.current)
        let equipment = ask.kind == .scanning && ask.people > scanners
        guard crowd || equipment else { continue }
        warned.insert(ask.kind)
        out.append(
            Texts.staffUnrealistic(
                ask.kind, people: ask.people, current: ask.current, scanners: equipment ? scanners : nil))
    }
    return out
}

extension Texts {
    static func deadlineMissed(_ d: Deadline, finish: Band<LocalDay>, a: DeadlinePart, s: DeadlinePart) -> Notice {
        let p90 = d.inHouseTotalVNDP90 ?? d.inHouseTotalVND
        return Notice(
            code: "deadline_missed", key: "deadline_missed",
            message: Text(
                vi:
                    "KẾ HOẠCH KHÔNG KỊP HẠN \(d.until.viDisplay): xong khoảng \(finish.p50.viDisplay) (P50). Để kịp hạn cần \(a.staffP50) người chỉnh lý (\(a.staffP90) ở P90) và \(s.staffP50) người số hóa (\(s.staffP90) ở P90), làm \(number(d.daysPerWeek, .vi)) ngày/tuần; tự làm tốn \(money(d.inHouseTotalVND, .vi)) (P50) đến \(money(p90, .vi)) (P90), kể cả chi một lần; thuê đơn vị dịch vụ \(money(d.contractorTotalVND, .vi))",
                en:
                    "THE PLAN MISSES \(d.until.description): it finishes about \(finish.p50.description) (P50). Meeting it takes \(a.staffP50) people arranging (\(a.staffP90) at P90) and \(s.staffP50) scanning (\(s.staffP90) at P90), \(number(d.daysPerWeek, .en)) days a week; in-house costs \(money(d.inHouseTotalVND, .en)) (P50) to \(money(p90, .en)) (P90), one-off included; a contractor \(money(d.contractorTotalVND, .en))"
            ))
    }

    static func staffUnrealistic(_ kind: WorkKind, people: Int, current: Int, scanners: Int?) -> Notice {
        let why: Text =
            if let scanners {
                Text(
                    vi: "cơ quan có \(scanners) máy quét: cần mua thêm máy hoặc quét nhiều ca",
                    en: "the office owns \(scanners) scanners: buy more or scan in shifts")
            } else {
                Text(
                    vi: "gấp hơn 3 lần \(current) người đang làm: chỗ ngồi, hướng dẫn và kiểm tra khó theo kịp",
                    en: "over 3 times the \(current) people on it now: seats, training and checking hardly keep up")
            }
        return Notice(
            code: "staff_unrealistic_\(kind.rawValue)", key: "staff_unrealistic",
            message: Text(
                vi: "\(name(kind).vi) cần \(people) người — khó thực hiện: \(why.vi)",
                en: "\(name(kind).en) needs \(people) people — hardly feasible: \(why.en)"))
    }

    static func money(_ v: Int64, _ lang: Lang) -> String { Format.money(v, lang: lang) }
}
