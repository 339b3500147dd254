/// Every user-facing text of the estimate, in Vietnamese and English, in one place.
public enum Texts {
    /// The answer when nothing has been recorded yet.
    public static let noData = Text(
        vi: "chưa đo được năng suất; hãy ghi công việc bằng `kho sort finish` / `kho scan record`",
        en: "no throughput measured yet; record work with `kho sort finish` / `kho scan record`")

    /// A money line's item in words: the four unit prices and the day rate; a one-off's own name otherwise.
    public static func moneyItem(_ item: String) -> Text {
        switch item {
        case "per_metre_arranged": return Text(vi: "chỉnh lý tài liệu (mét giá)", en: "arrangement (linear metres)")
        case "per_page_scanned": return Text(vi: "số hóa (trang)", en: "scanning (pages)")
        case "per_file_described": return Text(vi: "biên mục hồ sơ", en: "describing files")
        case "per_document_described": return Text(vi: "nhập dữ liệu văn bản", en: "describing documents")
        case "day_rate": return Text(vi: "ngày công người thuê thêm", en: "extra staff-days")
        case "storage_per_tb":
            return Text(vi: "ổ lưu trữ (TIFF và PDF/A, mọi bản lưu)", en: "storage disks (TIFF and PDF/A, every copy)")
        default: return Text(vi: item, en: item)
        }
    }

    public static func name(_ kind: WorkKind) -> Text {
        kind == .arrangement
            ? Text(vi: "chỉnh lý", en: "arrangement") : Text(vi: "số hóa", en: "scanning")
    }

    static func unit(_ kind: WorkKind) -> Text {
        kind == .arrangement ? Text(vi: "m", en: "m") : Text(vi: "trang", en: "pages")
    }

    static func weak(_ kind: WorkKind, days: Int) -> Notice {
        Notice(
            code: "weak_\(kind.rawValue)",
            message: Text(
                vi:
                    "ước tính \(name(kind).vi) yếu: chỉ dựa trên \(days) ngày có số liệu (cần ít nhất \(EstimationDefaults.weakBelowDays))",
                en:
                    "\(name(kind).en) estimate is weak: it rests on \(Format.english(days, "day", "days")) of data (at least \(EstimationDefaults.weakBelowDays) wanted)"
            ))
    }

    static func drift(_ kind: WorkKind, _ d: Drift) -> Notice {
        let pct = Int((d.relativeChange * 100).rounded())
        let sign = pct > 0 ? "+" : ""
        // Only a falling rate fits "the first work is the easiest"; a rising one says the team got faster.
        let why =
            pct < 0
            ? Text(vi: "; việc làm trước thường dễ hơn", en: "; the first work is often the easiest")
            : Text(
                vi: "; nhịp tăng dần (quen việc hoặc thêm thiết bị) — dự toán dùng năng suất trung bình cả khoảng",
                en: "; the pace rose (practice or equipment): the estimate uses the mean rate of the whole window")
        return Notice(
            code: "rate_drift_\(kind.rawValue)",
            message: Text(
                vi:
                    "năng suất \(name(kind).vi) thay đổi \(sign)\(pct)% giữa một phần ba đầu và cuối của khoảng đo (\(number(d.firstThirdRate, .vi)) → \(number(d.lastThirdRate, .vi)) \(unit(kind).vi)/người-ngày)\(why.vi)",
                en:
                    "\(name(kind).en) rate changed \(sign)\(pct)% between the first and last thirds of the window (\(number(d.firstThirdRate, .en)) → \(number(d.lastThirdRate, .en)) \(unit(kind).en)/person-day)\(why.en)"
            ))
    }

    static func dayBlocks(_ kind: WorkKind, weeks: Int) -> Notice {
        Notice(
            code: "day_blocks_\(kind.rawValue)",
            message: Text(
                vi:
                    "\(name(kind).vi): mới có \(weeks) tuần số liệu, nên lấy mẫu lại từng ngày; độ tương quan giữa các ngày chưa được tính",
                en:
                    "\(name(kind).en): only \(Format.english(weeks, "week", "weeks")) of data, so single days are resampled; correlation between days is not accounted for"
            ))
    }

    static func zeroOutput(_ kind: WorkKind) -> Notice {
        Notice(
            code: "zero_output_\(kind.rawValue)",
            message: Text(
                vi: "\(name(kind).vi): có ngày ghi công việc nhưng sản lượng bằng 0; dùng năng suất mặc định",
                en: "\(name(kind).en): work was recorded but its output is 0; the default rate is used"))
    }

    static func unbounded(_ kind: WorkKind) -> Notice {
        Notice(
            code: "unbounded_\(kind.rawValue)",
            message: Text(
                vi:
                    "\(name(kind).vi): trong một số lần lấy mẫu lại sản lượng bằng 0, nên P90 có thể bị giới hạn; cần thêm số liệu",
                en:
                    "\(name(kind).en): some resamples produced nothing, so the upper percentiles are capped; more data is needed"
            ))
    }

    static let scanningWaits = Notice(
        code: "scanning_waits_for_arrangement",
        message: Text(
            vi:
                "số hóa dự kiến xong trước chỉnh lý, nhưng tài liệu chưa chỉnh lý chỉ số hóa được sau khi chỉnh lý; thời điểm xong chung theo chỉnh lý",
            en:
                "scanning would finish before arrangement, but unarranged records can only be scanned once arranged; the total follows arrangement"
        ))

    static func noWorkingDayBeforeUntil(_ until: LocalDay) -> Notice {
        Notice(
            code: "until_passed",
            message: Text(
                vi: "không còn ngày làm việc nào đến \(until)",
                en: "no working day is left until \(until)"))
    }

    static func defaultRate(_ kind: WorkKind, value: Double) -> Assumption {
        switch kind {
        case .arrangement:
            return Assumption(
                key: "arrangement_m_per_person_day", value: value, unit: "m/person-day",
                message: Text(
                    vi:
                        "chưa đo năng suất chỉnh lý: giả định \(number(value, .vi)) m/người-ngày (≈ 53 giờ/mét; số liệu công bố 33–82 giờ/mét cho chỉnh lý hoàn chỉnh)",
                    en:
                        "arrangement rate not measured: assumed \(number(value, .en)) m/person-day (≈ 53 h per metre; published 33–82 h per metre for full processing)"
                ))
        case .scanning:
            return Assumption(
                key: "scanning_pages_per_person_day", value: value, unit: "pages/person-day",
                message: Text(
                    vi:
                        "chưa đo năng suất số hóa: giả định \(number(value, .vi)) trang/người-ngày (máy quét phẳng/chụp trên cao, khoảng 800–1.500 trang/ngày kể cả chuẩn bị)",
                    en:
                        "scanning rate not measured: assumed \(number(value, .en)) pages/person-day (flatbed/overhead operator, about 800–1,500 pages a day including preparation)"
                ))
        }
    }

    static func keptPerExtent(_ v: Double) -> Assumption {
        Assumption(
            key: "kept_per_extent", value: v, unit: "m kept/m extent",
            message: Text(
                vi: "chưa đo tỷ lệ giữ lại sau chỉnh lý: giả định \(number(v, .vi)) (loại hủy khoảng 30%)",
                en: "kept/extent after arrangement not measured: assumed \(number(v, .en)) (about 30% weeded)"))
    }

    static func pagesPerSheet(_ v: Double) -> Assumption {
        Assumption(
            key: "pages_per_sheet", value: v, unit: "pages/sheet",
            message: Text(
                vi: "chưa đo số trang mỗi tờ: giả định \(number(v, .vi)) (giữa tờ một mặt và hai mặt)",
                en: "pages per sheet not measured: assumed \(number(v, .en)) (between one-sided and two-sided sheets)"))
    }

    static func pagesPerKeptMetre(_ v: Double, pagesPerSheetMeasured: Bool) -> Assumption {
        let how =
            pagesPerSheetMeasured
            ? Text(vi: "7.900 tờ/mét × số trang mỗi tờ đã đo", en: "7,900 sheets per metre × measured pages per sheet")
            : Text(
                vi: "7.900 tờ/mét (số liệu công bố 6.000–9.800) × 1,5 trang/tờ",
                en: "7,900 sheets per metre (published 6,000–9,800) × 1.5 pages per sheet")
        return Assumption(
            key: "pages_per_kept_metre", value: v, unit: "pages/m",
            message: Text(
                vi: "chưa đo số trang mỗi mét giá sau chỉnh lý: giả định \(number(v, .vi)) (\(how.vi))",
                en: "pages per kept metre not measured: assumed \(number(v, .en)) (\(how.en))"))
    }

    static func bytesPerPage(_ v: Double, mastersMeasured n: Int) -> Assumption {
        let need = EstimationDefaults.minimumMastersForBytesPerPage
        return Assumption(
            key: "bytes_per_page", value: v, unit: "bytes/page",
            message: Text(
                vi:
                    "chưa đo dung lượng mỗi trang (mới có \(n) tệp gốc đạt chuẩn, cần \(need)): giả định \(number(v, .vi)) byte (A4, 300 ppi, màu 24 bit, không nén ≈ 26 MB)",
                en:
                    "bytes per page not measured (\(n) masters passed QC, \(need) needed): assumed \(number(v, .en)) bytes (A4, 300 ppi, 24-bit colour, uncompressed ≈ 26 MB)"
            ))
    }

    static func pdfPagesPerHour(_ copies: Int) -> Assumption {
        let v = EstimationDefaults.pdfPagesPerHour
        let need = EstimationDefaults.minimumCopiesForDeliveryMeasures
        let cores = EstimationDefaults.pdfBenchmarkCores
        return Assumption(
            key: "pdf_pages_per_hour", value: v, unit: "pages/hour",
            message: Text(
                vi:
                    "chưa đo tốc độ dựng bản PDF/A (mới có \(copies) bản, cần \(need)): giả định \(number(v, .vi)) trang/giờ trên máy \(cores) nhân (đo bằng tools/bench-pdf)",
                en:
                    "PDF/A build speed not measured (\(copies) copies built, \(need) needed): assumed \(number(v, .en)) pages/hour on a \(cores)-core machine (measured by tools/bench-pdf)"
            ))
    }

    static func pdfBytesPerPage(
        _ v: Double, masters: Double, share: Double, settings: Text?, copies: Int
    ) -> Assumption {
        let need = EstimationDefaults.minimumCopiesForDeliveryMeasures
        let how = settings ?? Text(vi: "ảnh không nén mất dữ liệu", en: "lossless images")
        return Assumption(
            key: "pdf_bytes_per_page", value: v, unit: "bytes/page",
            message: Text(
                vi:
                    "chưa đo dung lượng mỗi trang PDF (mới có \(copies) bản, cần \(need)): giả định \(number(v, .vi)) byte = tệp gốc \(number(masters, .vi)) byte × \(number(share, .vi)) (thiết lập dựng bản: \(how.vi))",
                en:
                    "PDF bytes per page not measured (\(copies) copies built, \(need) needed): assumed \(number(v, .en)) bytes = the masters' \(number(masters, .en)) bytes × \(number(share, .en)) (build settings: \(how.en))"
            ))
    }

    static func idle(_ kind: WorkKind, _ pace: Pace) -> Notice {
        let weeks = pace.idleWeeks ?? 0
        let last = pace.lastWork.map { day in (vi: day.viDisplay, en: day.description) } ?? (vi: "—", en: "—")
        return Notice(
            code: "idle_\(kind.rawValue)", key: "idle", part: kind.rawValue,
            message: Text(
                vi:
                    "\(name(kind).vi) đã ngừng \(weeks) tuần: ngày làm cuối cùng là \(last.vi); kế hoạch giả định công việc bắt đầu lại từ hôm nay, nhịp độ thực tế (\(number(pace.personDaysPerWeek, .vi)) ngày công/tuần trong \(number(pace.weeksMeasured, .vi)) tuần qua) cho ngày xong muộn hơn",
                en:
                    "\(name(kind).en) has been idle for \(Format.english(weeks, "week", "weeks")): the last day of work was \(last.en); the plan assumes work resumes today, the sustained pace (\(number(pace.personDaysPerWeek, .en)) person-days a week over the last \(number(pace.weeksMeasured, .en)) weeks) finishes later"
            ))
    }

    static func neverAtSustainedPace(_ kind: WorkKind) -> Notice {
        Notice(
            code: "sustained_none_\(kind.rawValue)", key: "sustained_none", part: kind.rawValue,
            message: Text(
                vi:
                    "\(name(kind).vi): không có việc nào trong \(EstimationDefaults.availabilityWeeks) tuần qua; với nhịp độ thực tế này công việc không bao giờ xong",
                en:
                    "\(name(kind).en): nothing was done in the last \(EstimationDefaults.availabilityWeeks) weeks; at that sustained pace the work never finishes"
            ))
    }

    static let sustainedMethod = Text(
        vi:
            "nhịp độ thực tế: lấy mẫu lại các tuần lịch trong 26 tuần qua, kể cả tuần không làm (năng suất × số ngày công thực có mỗi tuần)",
        en:
            "sustained pace: calendar weeks of the last 26 redrawn, idle weeks included (productivity × the person-days actually given each week)"
    )

    static func filesPerKeptMetre(_ v: Double) -> Assumption {
        Assumption(
            key: "files_per_kept_metre", value: v, unit: "files/m",
            message: Text(
                vi: "chưa đo số hồ sơ mỗi mét: giả định \(number(v, .vi)) (8 hộp/mét, khoảng 10 hồ sơ/hộp)",
                en:
                    "files per kept metre not measured: assumed \(number(v, .en)) (8 boxes a metre, about 10 files a box)"
            ))
    }

    static func documentsPerFile(_ v: Double, filesDescribed n: Int) -> Assumption {
        let need = EstimationDefaults.minimumDescribedFiles
        return Assumption(
            key: "documents_per_file", value: v, unit: "documents/file",
            message: Text(
                vi:
                    "chưa đo số văn bản mỗi hồ sơ (mới mô tả văn bản của \(n) hồ sơ, cần \(need)): giả định \(number(v, .vi))",
                en:
                    "documents per file not measured (documents described in \(n) files, \(need) needed): assumed \(number(v, .en))"
            ))
    }

    static func plannedStaff(_ kind: WorkKind, _ n: Int) -> Assumption {
        Assumption(
            key: "planned_staff_\(kind.rawValue)", value: Double(n), unit: "people",
            message: Text(
                vi: "chưa có ai ghi công việc \(name(kind).vi): giả định \(n) người, đều là người thuê thêm",
                en: "nobody has recorded \(name(kind).en) yet: assumed \(n) person, all extra hires"))
    }

    static let describingRate = Assumption(
        key: "describing_rate", value: EstimationDefaults.documentsDescribedPerPersonDay, unit: "documents/person-day",
        message: Text(
            vi:
                "biên mục: \(Int(EstimationDefaults.filesDescribedPerPersonDay)) hồ sơ hoặc \(Int(EstimationDefaults.documentsDescribedPerPersonDay)) văn bản một ngày công, \(EstimationDefaults.describingStaff) người làm (chưa đo được; phương án tự làm tính các ngày công này theo đơn giá ngày công)",
            en:
                "describing: \(Int(EstimationDefaults.filesDescribedPerPersonDay)) files or \(Int(EstimationDefaults.documentsDescribedPerPersonDay)) documents a person-day, \(EstimationDefaults.describingStaff) person on it (not measured; the in-house option pays these staff-days at the day rate)"
        ))

    static func noBand(weeks: Int) -> Text {
        Text(
            vi:
                "chưa đủ số liệu để có khoảng P10–P90: mới có \(weeks) tuần có làm việc, cần ít nhất \(EstimationDefaults.minimumWeeksForBand)",
            en:
                "too little data for a P10–P90 band: \(weeks) weeks with work, at least \(EstimationDefaults.minimumWeeksForBand) needed"
        )
    }

    static let noBandAssumed = Text(
        vi: "không có khoảng P10–P90: năng suất là giá trị giả định, chưa đo được",
        en: "no P10–P90 band: the rate is an assumed value, not measured")

    static let parallel = Assumption(
        key: "parts_in_parallel", value: 1, unit: "",
        message: Text(
            vi:
                "chỉnh lý và số hóa làm song song bởi những người khác nhau; thời điểm xong chung là thời điểm muộn hơn",
            en:
                "arrangement and scanning run in parallel with separate staff; the total finishes when the later one does"
        ))

    static let method = Text(
        vi:
            "bootstrap dự báo theo khối tuần ISO: mỗi lần lấy mẫu lại các tuần đã làm (có hoàn lại) để có năng suất trung bình, rồi mô phỏng phần việc còn lại bằng các tuần rút từ mẫu đó; khoảng P10–P90 được nới theo số khối (Hesterberg)",
        en:
            "predictive bootstrap in ISO-week blocks: each resample redraws the observed weeks with replacement for a mean rate, then plays the remaining work forward with weeks drawn from that resample; the P10–P90 band is widened for the number of blocks (Hesterberg)"
    )

    static func ratesError(_ e: RatesFileError) -> Text {
        switch e {
        case .syntax(let l, let t):
            return Text(
                vi: "dòng \(l): không hiểu \"\(t)\" (cần khóa = giá trị, [mục] hoặc # ghi chú)",
                en: "line \(l): cannot read \"\(t)\" (expected key = value, [section] or # comment)")
        case .unknownSection(let l, let n):
            return Text(
                vi: "dòng \(l): không có mục [\(n)] (có: contractor, in_house, one_off, holidays)",
                en: "line \(l): unknown section [\(n)] (known: contractor, in_house, one_off, holidays)")
        case .unknownKey(let l, let s, let k):
            let sectionName = s.isEmpty ? "" : " [\(s)]"
            return Text(
                vi: "dòng \(l): khóa \"\(k)\" không có trong mục\(sectionName)",
                en: "line \(l): unknown key \"\(k)\" in section\(sectionName)")
        case .badNumber(let l, let k, let v):
            return Text(
                vi: "dòng \(l): \(k) = \"\(v)\" không phải số nguyên không âm",
                en: "line \(l): \(k) = \"\(v)\" is not a whole non-negative number")
        case .tooLarge(let l, let k, let v, let limit):
            let unitVI = k == "copies" ? "bản" : "đồng"
            let unitEN = k == "copies" ? "copies" : "VND"
            return Text(
                vi:
                    "dòng \(l): \(k) = \"\(v)\" quá lớn: tối đa \(Format.integer(limit, lang: .vi)) \(unitVI); hãy kiểm tra số chữ số",
                en:
                    "line \(l): \(k) = \"\(v)\" is too large: at most \(Format.integer(limit, lang: .en)) \(unitEN); check the digits"
            )
        case .badDate(let l, let v):
            return Text(
                vi: "dòng \(l): \"\(v)\" không phải ngày dạng YYYY-MM-DD",
                en: "line \(l): \"\(v)\" is not a YYYY-MM-DD date")
        case .duplicateKey(let l, let k, let f):
            return Text(vi: "dòng \(l): \(k) đã có ở dòng \(f)", en: "line \(l): \(k) is already set on line \(f)")
        case .hiddenCharacter(let l, let c):
            return Text(
                vi: "dòng \(l): có ký tự điều khiển (\(c)), làm sai lệch màn hình và báo cáo; hãy gõ lại dòng này",
                en:
                    "line \(l): holds a control character (\(c)) that would garble screens and reports; type the line again"
            )
        case .missingKey(let s, let k):
            let key = s.isEmpty ? k : "[\(s)] \(k)"
            return Text(vi: "thiếu \(key) trong tệp đơn giá", en: "the rates file does not set \(key)")
        }
    }

    /// A number with up to 2 decimals and grouped thousands: `11.850` / `0,15` in Vietnamese, `11,850` / `0.15` in English.
    public static func number(_ x: Double, _ lang: Lang) -> String {
        guard x.isFinite else { return "—" }
        let cents = Int64((abs(x) * 100).rounded())
        let whole = Format.money(cents / 100, lang: lang).split(separator: " ").first.map(String.init) ?? "0"
        let frac = cents % 100
        let sign = x < 0 && cents > 0 ? "-" : ""
        guard frac != 0 else { return sign + whole }
        let decimals = frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0\(frac)" : String(frac))
        return sign + whole + (lang == .vi ? "," : ".") + decimals
    }
}
