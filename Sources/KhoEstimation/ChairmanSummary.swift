/// A piece of the chairman's paragraph: words, or a figure with the JSON key and raw value it comes from (the
/// report tags it with `data-key` / `data-value`).
public struct SummaryPiece: Sendable, Codable, Hashable {
    public var text: Text
    public var key: String?
    public var value: String?

    /// Words.
    public init(_ text: Text) {
        self.text = text
        key = nil
        value = nil
    }

    /// A figure, tagged.
    public init(_ text: Text, key: String, value: String) {
        self.text = text
        self.key = key
        self.value = value
    }
}

extension EstimateTexts {
    /// The first page's one paragraph, for the person who signs the request: what the money buys (the largest lines),
    /// the total of each option with its band, when the work finishes under the plan and what the plan assumes that
    /// differs from recent reality, a missed deadline, and the first decision needed.
    public static func chairman(_ e: EstimateResult) -> [SummaryPiece] {
        var out: [SummaryPiece] = []
        func words(_ vi: String, _ en: String) { out.append(SummaryPiece(Text(vi: vi, en: en))) }
        func money(_ v: Int64, key: String? = nil) {
            let t = Text(vi: Format.money(v, lang: .vi), en: Format.money(v, lang: .en))
            out.append(key.map { SummaryPiece(t, key: $0, value: String(v)) } ?? SummaryPiece(t))
        }
        func day(_ d: LocalDay, key: String? = nil) {
            let t =
                d.isBeyondHorizon(from: e.today)
                ? Text(
                    vi: "hơn \(EstimationDefaults.horizonYears) năm nữa",
                    en: "over \(EstimationDefaults.horizonYears) years")
                : Text(vi: d.viDisplay, en: d.description)
            out.append(key.map { SummaryPiece(t, key: $0, value: d.description) } ?? SummaryPiece(t))
        }
        let m = e.money

        // What the money buys: the largest lines the contractor option pays, by name.
        let largest = (m.contractor + m.oneOff).filter { $0.amountVND > 0 }.sorted { $0.amountVND > $1.amountVND }
            .prefix(3)
        if !largest.isEmpty {
            words("Kinh phí xin thêm chủ yếu để trả: ", "The money asked for pays mainly for: ")
            for (i, line) in largest.enumerated() {
                if i > 0 { words("; ", "; ") }
                // "số hóa 396.224 trang: 594.336.000 đ": the line's name without its unit, its quantity, its amount.
                func short(_ s: String) -> String { s.components(separatedBy: " (").first ?? s }
                let unit = MoneyLine.unitName(line.unit)
                let q =
                    line.unit == "item"
                    ? ("", "")
                    : (
                        " \(line.quantityText(.vi)) \(unit.vi)", " \(line.quantityText(.en)) \(unit.en)"
                    )
                words(short(line.name.vi) + q.0 + ": ", short(line.name.en) + q.1 + ": ")
                money(line.amountVND)
            }
            words(". ", ". ")
        }

        // The total of each option.
        let paidWork = m.inHouse.filter { ["arrangement", "scanning"].contains($0.part) }.reduce(Int64(0)) {
            $0 + $1.amountVND
        }
        words("Thuê đơn vị dịch vụ: ", "A contractor: ")
        money(m.contractorTotalVND, key: "money-contractor-total")
        words("; tự làm: ", "; in-house: ")
        money(m.inHouseTotalVND.p50, key: "money-in-house-total-p50")
        if let b = m.inHouseBand {
            words(" (P10–P90: ", " (P10–P90: ")
            money(b.p10)
            words(" – ", " – ")
            money(b.p90)
            words(")", ")")
        } else if let reason = m.inHouseBandReason, paidWork > 0 {
            words(" (\(reason.vi))", " (\(reason.en))")
        }
        words("; cả hai đã gồm ", "; both include ")
        money(m.oneOffTotalVND, key: "money-one-off-total")
        words(" chi một lần. ", " of one-off costs. ")
        if paidWork == 0 {
            words(
                "Tự làm không trả thêm tiền công chỉnh lý, số hóa vì kế hoạch chỉ dùng người đang hưởng lương; nếu họ không làm đủ như kế hoạch thì phải thuê thêm. ",
                "In-house pays no extra wages for arranging and scanning because the plan uses salaried staff only; if they do not work as planned, people must be hired. "
            )
        }

        planAndReality(e, words: words, day: day)
        if let d = e.deadline, e.total.finishDate.p50 > d.until {
            words("Kế hoạch này không kịp hạn ", "This plan misses the deadline of ")
            day(d.until)
            words("; để kịp cần tự làm ", "; meeting it costs ")
            money(d.inHouseTotalVND)
            words(" (P50) đến ", " (P50) to ")
            money(d.inHouseTotalVNDP90 ?? d.inHouseTotalVND)
            words(" (P90), hoặc thuê đơn vị dịch vụ. ", " (P90) in-house, or a contractor. ")
        }
        out.append(SummaryPiece(firstDecision(e)))
        return out
    }

    /// When the work finishes under the plan, what the plan assumes against the last 26 weeks, and the finish at the
    /// pace actually kept.
    private static func planAndReality(
        _ e: EstimateResult, words: (String, String) -> Void,
        day: (LocalDay, String?) -> Void
    ) {
        let t = e.total
        words("Theo kế hoạch, toàn bộ xong ", "Under the plan all the work is done by ")
        day(t.finishDate.p50, "finish-p50")
        if let b = t.band, b.p10 != b.p90 {
            words(" (P10–P90: ", " (P10–P90: ")
            day(b.p10, nil)
            words(" – ", " – ")
            day(b.p90, nil)
            words(")", ")")
        } else {
            words(" (chỉ P50: chưa đủ số liệu)", " (P50 only: too little data)")
        }
        let a = e.arrangement.projection, s = e.scanning.projection
        let dpw = Texts.number(e.daysPerWeek, .vi), dpwEn = Texts.number(e.daysPerWeek, .en)
        let measured = e.pace.map {
            ($0.arrangement.personDaysPerWeek, $0.scanning.personDaysPerWeek, Int($0.arrangement.weeksMeasured))
        }
        words(
            ", nhưng kế hoạch giả định \(a.plannedStaff) người chỉnh lý và \(s.plannedStaff) người số hóa, mỗi người \(dpw) ngày/tuần",
            ", but the plan assumes \(a.plannedStaff) people arranging and \(s.plannedStaff) scanning, \(dpwEn) days a week each"
        )
        if let (ma, ms, weeks) = measured {
            words(
                "; \(weeks) tuần qua thực tế chỉ có \(Texts.number(ma, .vi)) ngày công/tuần chỉnh lý và \(Texts.number(ms, .vi)) ngày công/tuần số hóa",
                "; over the last \(weeks) weeks there were \(Texts.number(ma, .en)) person-days a week of arranging and \(Texts.number(ms, .en)) of scanning"
            )
        }
        if let sus = e.sustained?.total.finishDate {
            words(". Giữ nhịp độ thực tế đó thì xong ", ". At that pace the work is done by ")
            day(sus.p50, "finish-sustained-p50")
            words(". ", ". ")
        } else if e.sustained != nil {
            words(
                ". Giữ nhịp độ thực tế đó thì không bao giờ xong (có phần việc 26 tuần qua không làm). ",
                ". At that pace the work is never done (a part had no work in 26 weeks). ")
        } else {
            words(". ", ". ")
        }
    }

    /// The first decision the chairman is asked for.
    static func firstDecision(_ e: EstimateResult) -> Text {
        let prefix = Text(vi: "Việc cần quyết định trước: ", en: "First decision needed: ")
        func say(_ t: Text) -> Text { Text(vi: prefix.vi + t.vi + ".", en: prefix.en + t.en + ".") }
        if let d = e.deadline, e.total.finishDate.p50 > d.until {
            return say(
                Text(
                    vi: "thuê thêm người, thuê đơn vị dịch vụ, hay dời hạn \(d.until.viDisplay)",
                    en: "hire more people, hire a contractor, or move the deadline of \(d.until.description)"))
        }
        if let pace = e.pace {
            for (kind, p) in [(WorkKind.arrangement, e.arrangement.projection), (.scanning, e.scanning.projection)] {
                let planned = Double(p.plannedStaff) * e.daysPerWeek
                let kept = pace[kind].personDaysPerWeek
                guard planned > 1.5 * kept + 0.01 else { continue }
                let name = Texts.name(kind)
                return say(
                    Text(
                        vi:
                            "bố trí \(p.plannedStaff) người \(name.vi) \(Texts.number(e.daysPerWeek, .vi)) ngày/tuần như kế hoạch (26 tuần qua chỉ \(Texts.number(kept, .vi)) ngày công/tuần), hoặc chọn thuê đơn vị dịch vụ",
                        en:
                            "put \(p.plannedStaff) people on \(name.en) \(Texts.number(e.daysPerWeek, .en)) days a week as the plan assumes (the last 26 weeks: \(Texts.number(kept, .en)) person-days a week), or choose a contractor"
                    ))
            }
        }
        if e.money.allLines.contains(where: { $0.line.source.isDefault }) {
            return say(
                Text(
                    vi: "duyệt đơn giá theo quyết định của tỉnh (`kho rates init`, rồi sửa catalog/rates.toml)",
                    en: "approve the prices to the province's decision (`kho rates init`, then edit catalog/rates.toml)"
                ))
        }
        return say(Text(vi: "chọn phương án để gửi tỉnh", en: "choose the option to send to the province"))
    }
}
