import Foundation
import KhoEstimation
import KhoKit
import KhoReport

/// How an estimate is printed: the short answer first, then what it rests on.
enum EstimateOutput {
    static func day(_ d: LocalDay) -> String { d.display(Lang.current) }

    static func band(_ b: Band<LocalDay>) -> String { "\(day(b.p10)) – \(day(b.p50)) – \(day(b.p90))" }
    /// A plan's finish: the band, or only the P50 when the band is withheld (too little data).
    static func band(_ b: Band<LocalDay>, withheld: Text?) -> String {
        withheld == nil ? band(b) : "\(day(b.p50)) (" + Text(vi: "chỉ P50", en: "P50 only")() + ")"
    }
    /// A sustained finish: "never" when nothing was done in 26 weeks, "more than 50 years" past the horizon.
    static func band(_ b: Band<LocalDay>?, today: LocalDay, withheld: Text? = nil) -> String {
        guard let b else {
            return Text(vi: "không xong (26 tuần qua không làm)", en: "never (nothing done in 26 weeks)")()
        }
        func d(_ x: LocalDay) -> String {
            x.isBeyondHorizon(from: today)
                ? Text(
                    vi: "hơn \(EstimationDefaults.horizonYears) năm",
                    en: "over \(EstimationDefaults.horizonYears) years")() : day(x)
        }
        if withheld != nil { return "\(d(b.p50)) (" + Text(vi: "chỉ P50", en: "P50 only")() + ")" }
        return "\(d(b.p10)) – \(d(b.p50)) – \(d(b.p90))"
    }
    static func money(_ v: Int64) -> String { Format.money(v) }
    static func bytes(_ v: Int64) -> String { Format.bytes(v) }

    static func text(_ r: EstimateResult, ratesNote: String?, saved: String?) {
        let lang = Lang.current
        headline(r, lang)
        // A plan that misses its deadline says so first, with what meeting it takes and costs.
        for w in r.warnings where w.key == "deadline_missed" { Printer.line("!! " + w.message.text(lang)) }
        Printer.line()
        moneySummary(r.money)
        Printer.line()
        finishTable(r, lang)
        if let d = r.deadline { deadlineSection(d) }
        Printer.line()
        storageSection(r)
        if let saved {
            Printer.line(
                Text(
                    vi: "Đã lưu dự toán «\(saved)»: xem lại bằng `kho estimate show \"\(saved)\"`.",
                    en: "Saved as “\(saved)”: show it again with `kho estimate show \"\(saved)\"`.")())
        }

        let rest = r.warnings.filter { $0.key != "deadline_missed" }
        if !rest.isEmpty { warningsSection(rest, lang) }
        Printer.line()
        moneyDetail(r.money, ratesNote: ratesNote, lang)
        Printer.line()
        ratesAndRatios(r, lang)
        assumptionsAndMethod(r, lang)
    }

    /// The first lines: the day, the scope and what the estimate rests on, and whether it rests on too little.
    private static func headline(_ r: EstimateResult, _ lang: Lang) {
        Printer.line(
            Text(
                vi:
                    "DỰ TOÁN lúc \(day(r.today)) — phạm vi: \(r.scopeLabel(lang)) — dựa trên \(r.daysOfData) ngày có số liệu",
                en:
                    "ESTIMATE as of \(day(r.today)) — scope: \(r.scopeLabel(lang)) — based on \(Format.english(r.daysOfData, "day", "days")) of data"
            )())
        Printer.line("  " + EstimateTexts.basis(r).dropFirst().map { $0.text(lang) }.joined(separator: "; "))
        if r.noData {
            Printer.line(
                Text(
                    vi:
                        "Chưa đo được năng suất: ghi công việc bằng `kho sort finish` / `kho scan record` / `kho scan ingest`. Các con số dưới đây chỉ dựa trên giả định.",
                    en:
                        "No throughput measured yet: record work with `kho sort finish` / `kho scan record` / `kho scan ingest`. The figures below rest on assumptions only."
                )())
        } else if r.weak {
            Printer.line(
                Text(vi: "Dự toán YẾU: ít hơn 10 ngày có số liệu.", en: "WEAK estimate: fewer than 10 days of data.")())
        }
    }

    /// The money to ask for, in each variant.
    private static func moneySummary(_ m: MoneyBreakdown) {
        Printer.line(
            Text(
                vi: "Kinh phí xin thêm (đồng) — mỗi khoản chỉ tính một lần:",
                en: "Additional money (VND) — each line counted once:")())
        Printer.line(
            "  " + Text(vi: "Phương án thuê đơn vị dịch vụ: ", en: "Contractor: ")() + money(m.contractorTotalVND)
                + Text(
                    vi: " (công việc \(money(m.contractorWorkVND)) + chi một lần \(money(m.oneOffTotalVND)))",
                    en: " (work \(money(m.contractorWorkVND)) + one-off \(money(m.oneOffTotalVND)))")())
        Printer.line(
            "  " + Text(vi: "Phương án tự làm (thuê thêm ngày công), P50: ", en: "In-house (extra staff-days), P50: ")()
                + money(m.inHouseTotalVND.p50)
                + " (" + inHouseBand(m) + "; "
                + Text(
                    vi: "công việc \(money(m.inHouseWorkVND.p50)) + chi một lần \(money(m.oneOffTotalVND)))",
                    en: "work \(money(m.inHouseWorkVND.p50)) + one-off \(money(m.oneOffTotalVND)))")())
    }

    /// The in-house band, or why there is none.
    static func inHouseBand(_ m: MoneyBreakdown) -> String {
        guard let b = m.inHouseBand else { return m.inHouseBandReason?() ?? "" }
        return "P10–P90: \(money(b.p10)) – \(money(b.p90))"
    }

    /// The finish of each part under the plan and at the sustained pace, and the pace each part keeps.
    private static func finishTable(_ r: EstimateResult, _ lang: Lang) {
        let a = r.arrangement, s = r.scanning
        Printer.line(
            Text(
                vi:
                    "Ngày xong (P10 – P50 – P90): theo KẾ HOẠCH và theo NHỊP ĐỘ THỰC TẾ (26 tuần qua, kể cả tuần không làm):",
                en:
                    "Finish (P10 – P50 – P90): under the PLAN and at the SUSTAINED PACE (last 26 weeks, idle weeks included):"
            )())
        let sus = r.sustained
        Printer.table(
            [
                Text(vi: "Phần việc", en: "Part")(), Text(vi: "Còn lại", en: "Remaining")(),
                Text(vi: "Năng suất đội", en: "Team rate")(),
                Text(vi: "Người", en: "Staff")(), Text(vi: "Kế hoạch", en: "Plan")(),
                Text(vi: "Ngày công/tuần thực tế", en: "Person-days/week")(),
                Text(vi: "Nhịp độ thực tế", en: "Sustained pace")(),
            ],
            [
                [
                    Text(vi: "Chỉnh lý", en: "Arrangement")(),
                    "\(Printer.metres(a.remainingMetres)) m",
                    "\(Format.decimal(a.rateMetresPerDay, maxFractionDigits: 3)) m/" + Text(vi: "ngày", en: "day")(),
                    String(a.projection.plannedStaff),
                    band(a.projection.finishDate, withheld: a.projection.bandWithheld),
                    Format.decimal(r.pace?.arrangement.personDaysPerWeek ?? 0, maxFractionDigits: 2),
                    band(sus?.arrangement.finishDate, today: r.today, withheld: sus?.arrangement.bandWithheld),
                ],
                [
                    Text(vi: "Số hóa", en: "Scanning")(),
                    "\(Format.integer(Int64(s.remainingPages.rounded()))) " + Text(vi: "trang", en: "pages")(),
                    "\(Format.decimal(s.ratePagesPerDay, maxFractionDigits: 0)) "
                        + Text(vi: "trang/ngày", en: "pages/day")(),
                    String(s.projection.plannedStaff),
                    band(s.projection.finishDate, withheld: s.projection.bandWithheld),
                    Format.decimal(r.pace?.scanning.personDaysPerWeek ?? 0, maxFractionDigits: 2),
                    band(sus?.scanning.finishDate, today: r.today, withheld: sus?.scanning.bandWithheld),
                ],
                [
                    Text(vi: "Toàn bộ", en: "All work")(), "", "", "",
                    band(r.total.finishDate, withheld: r.total.bandWithheld),
                    "",
                    band(sus?.total.finishDate, today: r.today, withheld: sus?.total.bandWithheld),
                ],
            ],
            right: [1, 2, 3, 5])
        if let pace = r.pace {
            for kind in WorkKind.allCases { Printer.line("  " + EstimateTexts.pace(kind, pace[kind]).text(lang)) }
        }
        for reason in Set([a.projection.bandWithheld, s.projection.bandWithheld].compactMap { $0?.text(lang) }).sorted()
        {
            Printer.line("  " + reason)
        }
        if let w = r.documents?.work {
            Printer.line(
                "  "
                    + Text(
                        vi:
                            "Biên mục: \(Format.decimal(w.staffDays, maxFractionDigits: 1)) ngày công, \(w.plannedStaff) người, xong \(day(w.finishDate)) (giả định \(Format.integer(Int64(w.documentsPerPersonDay))) văn bản/ngày công)",
                        en:
                            "Describing: \(Format.decimal(w.staffDays, maxFractionDigits: 1)) staff-days, \(w.plannedStaff) person, done \(day(w.finishDate)) (assumed \(Format.integer(Int64(w.documentsPerPersonDay))) documents/staff-day)"
                    )())
        }
    }

    /// What finishing by the deadline takes, per part and in money.
    private static func deadlineSection(_ d: Deadline) {
        Printer.line()
        Printer.line(
            Text(
                vi:
                    "Để xong trước \(day(d.until)) (\(d.workingDaysAvailable) ngày làm việc, \(Format.decimal(d.daysPerWeek, maxFractionDigits: 1)) ngày/tuần mỗi người):",
                en:
                    "To finish by \(day(d.until)) (\(d.workingDaysAvailable) working days, \(Format.decimal(d.daysPerWeek, maxFractionDigits: 1)) days a week each):"
            )())
        let rows = WorkKind.allCases.compactMap { kind -> [String]? in
            guard let p = d[kind] else { return nil }
            return [
                kind == .arrangement ? Text(vi: "Chỉnh lý", en: "Arrangement")() : Text(vi: "Số hóa", en: "Scanning")(),
                String(p.staffP50), String(p.staffP90), String(p.currentStaff),
                Format.decimal(p.extraStaffDays, maxFractionDigits: 1) + " " + unit("staff-day"), money(p.costVND),
                money(p.costVNDP90),
            ]
        }
        if rows.isEmpty {
            Printer.line(
                "  "
                    + Text(
                        vi: "không còn ngày làm việc nào trước hạn này", en: "no working day is left before that day")()
            )
        } else {
            Printer.table(
                [
                    Text(vi: "Phần việc", en: "Part")(), Text(vi: "Cần (P50)", en: "Needed (P50)")(),
                    Text(vi: "Cần (P90)", en: "Needed (P90)")(),
                    Text(vi: "Đang có", en: "Now")(), Text(vi: "Ngày công thuê thêm", en: "Extra staff-days")(),
                    Text(vi: "Tự làm (P50)", en: "In-house (P50)")(), Text(vi: "Tự làm (P90)", en: "In-house (P90)")(),
                ],
                rows, right: [1, 2, 3, 4, 5, 6])
            Printer.line(
                "  "
                    + Text(
                        vi: "Tổng tự làm để kịp hạn, kể cả chi một lần: ",
                        en: "In-house total to meet it, one-off included: ")() + money(d.inHouseTotalVND) + " (P50), "
                    + money(d.inHouseTotalVNDP90 ?? d.inHouseTotalVND) + " (P90)")
            Printer.line(
                "  " + Text(vi: "Thuê đơn vị dịch vụ, kể cả chi một lần: ", en: "Contractor, one-off included: ")()
                    + money(d.contractorTotalVND))
        }
    }

    /// The storage the masters and copies take now and will take when done.
    private static func storageSection(_ r: EstimateResult) {
        let st = r.storage
        let perPage = Format.integer(Int64(st.bytesPerPage.rounded()))
        let source =
            st.bytesPerPageSource == .measured
            ? Text(
                vi: "đo được (trung vị) trên \(st.mastersMeasured) tệp gốc đạt chuẩn",
                en: "measured (median) over \(st.mastersMeasured) masters that passed QC")()
            : Text(
                vi: "giả định; mới có \(st.mastersMeasured) tệp gốc đạt chuẩn, cần 20",
                en: "assumed; \(st.mastersMeasured) masters passed QC, 20 needed")()
        Printer.line(
            Text(
                vi: "Dung lượng lưu trữ (\(perPage) byte/trang, \(source)):",
                en: "Storage (\(perPage) bytes/page, \(source)):")())
        Printer.table(
            ["", Text(vi: "Một bản", en: "One copy")(), Text(vi: "\(st.copies) bản", en: "\(st.copies) copies")()],
            [
                [Text(vi: "Đang dùng", en: "Stored now")(), bytes(st.storedBytesNowPerCopy), bytes(st.storedBytesNow)],
                [
                    Text(vi: "Cần thêm", en: "Still needed")(), bytes(st.remainingBytesPerCopy),
                    bytes(st.remainingBytes),
                ],
                [
                    Text(vi: "Tổng khi xong", en: "In all when done")(), bytes(st.totalBytesPerCopy),
                    bytes(st.totalBytes),
                ],
            ]
                + pdfRows(r.delivery, bytes: bytes),
            right: [1, 2])
        if let d = r.delivery {
            Printer.line("  " + pdfBytesLine(d))
            Printer.line("  " + pdfBuildLine(d))
        }
        for note in st.copiesNotes { Printer.line("  " + note()) }
    }

    /// What the reader should know before trusting the figures.
    private static func warningsSection(_ warnings: [Notice], _ lang: Lang) {
        Printer.line()
        Printer.line(Text(vi: "Cảnh báo:", en: "Warnings:")())
        for w in warnings { Printer.line("  ! " + w.message.text(lang)) }
    }

    /// Every money line: quantity (as priced) × unit price = amount, with its source; then each variant's total.
    private static func moneyDetail(_ m: MoneyBreakdown, ratesNote: String?, _ lang: Lang) {
        Printer.line(
            Text(
                vi: "Chi tiết kinh phí (số lượng × đơn giá = thành tiền; mỗi con số kèm nguồn):",
                en: "Money in detail (quantity × unit price = amount; each figure with its source):")()
        )
        Printer.table(
            [
                Text(vi: "Phương án", en: "Variant")(), Text(vi: "Khoản", en: "Item")(),
                Text(vi: "Số lượng", en: "Quantity")(), Text(vi: "Đơn giá", en: "Unit price")(),
                Text(vi: "Thành tiền", en: "Amount")(), Text(vi: "Nguồn", en: "Source")(),
            ],
            m.allLines.map { variant, l in
                [
                    variantName(variant), l.name.text(lang), "\(l.quantityText(lang)) \(unit(l.unit))",
                    money(l.unitPriceVND), money(l.amountVND), l.source.text(),
                ]
            },
            right: [2, 3, 4])
        if let ratesNote { Printer.line(ratesNote) }
    }

    /// A variant's name as the money tables print it.
    static func variantName(_ variant: String) -> String { MoneyBreakdown.variantName(variant)() }

    /// The rates and ratios the estimate used, measured or assumed.
    private static func ratesAndRatios(_ r: EstimateResult, _ lang: Lang) {
        let a = r.arrangement, s = r.scanning
        Printer.line(Text(vi: "Năng suất và tỷ lệ dùng:", en: "Rates and ratios used:")())
        for (kind, p) in [
            (Text(vi: "chỉnh lý (m/ngày công)", en: "arrangement (m/person-day)"), a.projection),
            (Text(vi: "số hóa (trang/ngày công)", en: "scanning (pages/person-day)"), s.projection),
        ] {
            let source =
                p.rateSource == .measured
                ? Text(
                    vi: "đo được từ \(p.personDaysOfData) ngày công",
                    en: "measured over \(p.personDaysOfData) person-days")()
                : Text(vi: "giả định", en: "assumed")()
            Printer.line("  \(kind()): \(Format.decimal(p.ratePerPersonDay, maxFractionDigits: 3)) — \(source)")
        }
        Printer.line(
            "  " + Text(vi: "trang/tờ", en: "pages/sheet")()
                + ": \(Format.decimal(s.pagesPerSheet, maxFractionDigits: 2));  "
                + Text(vi: "trang/mét giữ lại", en: "pages/kept metre")()
                + ": \(Format.integer(Int64(s.pagesPerMetre.rounded())));  "
                + Text(vi: "giữ lại/độ dài", en: "kept/extent")()
                + ": \(Format.decimal(s.keptPerExtent, maxFractionDigits: 2));  "
                + Text(vi: "byte/trang", en: "bytes/page")()
                + ": \(Format.integer(Int64(r.storage.bytesPerPage.rounded())))")
        if let d = r.documents {
            let perFile = Format.decimal(d.documentsPerFile, maxFractionDigits: 1)
            let source =
                d.documentsPerFileSource == .measured
                ? Text(
                    vi: "đo được trên \(d.filesMeasured) hồ sơ đã mô tả",
                    en: "measured over \(d.filesMeasured) described files")()
                : Text(
                    vi: "giả định; mới mô tả \(d.filesMeasured) hồ sơ",
                    en: "assumed; \(d.filesMeasured) files described")()
            let pages =
                d.pagesPerDocument.map {
                    "; " + Text(vi: "trang/văn bản", en: "pages/document")() + ": "
                        + Format.decimal($0, maxFractionDigits: 1)
                } ?? ""
            Printer.line(
                "  " + Text(vi: "văn bản/hồ sơ", en: "documents/file")() + ": \(perFile) (\(source))" + pages + "; "
                    + Text(vi: "văn bản cần mô tả", en: "documents to describe")() + ": "
                    + Format.integer(Int64(d.documentsToDescribe.rounded())))
        }
    }

    /// The assumptions made, and how the estimate is computed.
    private static func assumptionsAndMethod(_ r: EstimateResult, _ lang: Lang) {
        if !r.assumptions.isEmpty {
            Printer.line()
            Printer.line(
                Text(
                    vi: "Giả định (chưa đo được, dùng giá trị nêu rõ):",
                    en: "Assumptions (not measured yet; stated values used):")())
            for x in r.assumptions { Printer.line("  - " + x.message.text(lang)) }
        }
        Printer.line()
        Printer.line(r.method.description.text(lang))
    }

    /// The PDF/A copies' rows of the storage table: built, still to build, when done, and masters and copies together.
    static func pdfRows(_ d: DeliveryEstimate?, bytes: (Int64) -> String) -> [[String]] {
        guard let d else { return [] }
        return [
            [
                Text(vi: "Bản PDF/A đã dựng", en: "PDF/A copies built")(), bytes(d.storedBytesNowPerCopy),
                bytes(d.storedBytesNow),
            ],
            [
                Text(vi: "Bản PDF/A còn phải dựng", en: "PDF/A copies still to build")(),
                bytes(d.remainingBytesPerCopy), bytes(d.remainingBytes),
            ],
            [
                Text(vi: "Bản PDF/A khi xong", en: "PDF/A copies when done")(), bytes(d.totalBytesPerCopy),
                bytes(d.totalBytes),
            ],
            [
                Text(vi: "Tổng cộng TIFF và PDF/A", en: "TIFF and PDF/A in all")(), "",
                bytes(d.mastersAndCopiesTotalBytes),
            ],
        ]
    }

    /// The PDF/A bytes per page used, and where it comes from.
    static func pdfBytesLine(_ d: DeliveryEstimate) -> String {
        let perPage = Format.integer(Int64(d.bytesPerPage.rounded()))
        return d.bytesPerPageSource == .measured
            ? Text(
                vi: "PDF/A: \(perPage) byte/trang, đo được trên \(d.copiesMeasured) bản đã dựng.",
                en: "PDF/A: \(perPage) bytes/page, measured over \(d.copiesMeasured) copies built.")()
            : Text(
                vi:
                    "PDF/A: \(perPage) byte/trang, giả định (mới có \(d.copiesMeasured) bản, cần \(EstimationDefaults.minimumCopiesForDeliveryMeasures)).",
                en:
                    "PDF/A: \(perPage) bytes/page, assumed (\(d.copiesMeasured) copies built, \(EstimationDefaults.minimumCopiesForDeliveryMeasures) needed)."
            )()
    }

    /// The machine time the copies still to build take, with where the speed came from.
    static func pdfBuildLine(_ d: DeliveryEstimate) -> String {
        let pages = Format.integer(Int64(d.pagesToBuild.rounded()))
        let hours = d.machineTime()
        let perHour = Format.integer(Int64(d.pagesPerHour.rounded()))
        let source =
            d.pagesPerHourSource == .measured
            ? Text(
                vi: "\(perHour) trang/giờ, đo được từ \(d.copiesMeasured) bản",
                en: "\(perHour) pages/hour, measured over \(d.copiesMeasured) copies")()
            : Text(vi: "\(perHour) trang/giờ, giả định", en: "\(perHour) pages/hour, assumed")()
        return Text(
            vi:
                "Dựng bản PDF/A cho \(pages) trang còn lại: khoảng \(hours) trên máy \(d.cores) nhân (\(source)).",
            en:
                "Building the PDF/A copies of the \(pages) pages left: about \(hours) on a \(d.cores)-core machine (\(source))."
        )()
    }

    /// A money line's unit in the reader's language.
    static func unit(_ key: String) -> String { MoneyLine.unitName(key)() }
}
