/// Sentences about an estimate that every output shows the same way (CLI text and report), in both languages.
public enum EstimateTexts {
    /// What the estimate assumed, for its first lines: scope, the plan's staffing and days per week, the deadline, the day.
    public static func basis(_ e: EstimateResult) -> [Text] {
        let scope = e.scopeText ?? Text(vi: e.scope ?? "", en: e.scope ?? "")
        let a = e.arrangement.projection.plannedStaff
        let s = e.scanning.projection.plannedStaff
        let dpw = e.daysPerWeek
        var out = [
            Text(vi: "phạm vi: \(scope.vi)", en: "scope: \(scope.en)"),
            Text(
                vi: "kế hoạch: chỉnh lý \(a) người, số hóa \(s) người, mỗi người \(Texts.number(dpw, .vi)) ngày/tuần",
                en:
                    "plan: arrangement \(a) \(a == 1 ? "person" : "people"), scanning \(s) \(s == 1 ? "person" : "people"), \(Texts.number(dpw, .en)) days a week each"
            ),
        ]
        if let until = e.until {
            out.append(Text(vi: "hạn hoàn thành: \(until.viDisplay)", en: "deadline: \(until.description)"))
        }
        out.append(Text(vi: "lập ngày \(e.today.viDisplay)", en: "as of \(e.today.description)"))
        return out
    }

    /// Availability of one kind of work, e.g. "chỉnh lý: 0,4 ngày công/tuần trong 26 tuần qua; lần làm cuối 15/05/2026 (ngừng 28 tuần)".
    public static func pace(_ kind: WorkKind, _ p: Pace) -> Text {
        let name = Texts.name(kind)
        guard let last = p.lastWork else {
            return Text(vi: "\(name.vi): chưa ghi công việc nào", en: "\(name.en): no work recorded yet")
        }
        let weeks = Texts.number(p.weeksMeasured, .vi)
        let weeksEn = Texts.number(p.weeksMeasured, .en)
        let idle = p.idleWeeks ?? 0
        return Text(
            vi:
                "\(name.vi): \(Texts.number(p.personDaysPerWeek, .vi)) ngày công/tuần trong \(weeks) tuần qua (kể cả tuần không làm); lần làm cuối \(last.viDisplay)"
                + (idle > 0 ? " (đã ngừng \(idle) tuần)" : ""),
            en:
                "\(name.en): \(Texts.number(p.personDaysPerWeek, .en)) person-days a week over the last \(weeksEn) weeks (idle weeks included); last work \(last.description)"
                + (idle > 0 ? " (idle for \(Format.english(idle, "week", "weeks")))" : ""))
    }
}
