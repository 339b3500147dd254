import Foundation
import KhoEstimation
import KhoKit
import KhoReport

/// How an estimate is printed: the short answer first, then what it rests on.
enum EstimateOutput {
    static func day(_ d: LocalDay) -> String {
        Lang.current == .vi ? String(format: "%02d/%02d/%04d", d.day, d.month, d.year) : d.description
    }

    static func band(_ b: Band<LocalDay>) -> String { "\(day(b.p10)) – \(day(b.p50)) – \(day(b.p90))" }
    static func money(_ v: Int64) -> String { Format.money(v) }
    static func bytes(_ v: Int64) -> String {
        let tb = Double(v) / 1e12
        return tb >= 1 ? "\(Format.decimal(tb, maxFractionDigits: 2)) TB" : "\(Format.decimal(Double(v) / 1e9, maxFractionDigits: 1)) GB"
    }

    static func text(_ r: EstimateResult, ratesNote: String?, saved: String?) {
        let lang = Lang.current
        let a = r.arrangement, s = r.scanning
        Out.line(Text(vi: "DỰ TOÁN lúc \(day(r.today)) — phạm vi: \(r.scope ?? "") — dựa trên \(r.daysOfData) ngày có số liệu",
                      en: "ESTIMATE as of \(day(r.today)) — scope: \(r.scope ?? "") — based on \(r.daysOfData) days of data")())
        if r.noData {
            Out.line(Text(vi: "Chưa đo được năng suất: ghi công việc bằng `kho sort finish` / `kho scan record` / `kho scan ingest`. Các con số dưới đây chỉ dựa trên giả định.",
                          en: "No throughput measured yet: record work with `kho sort finish` / `kho scan record` / `kho scan ingest`. The figures below rest on assumptions only.")())
        } else if r.weak {
            Out.line(Text(vi: "Dự toán YẾU: ít hơn 10 ngày có số liệu.", en: "WEAK estimate: fewer than 10 days of data.")())
        }
        Out.line()
        Out.line(Text(vi: "Xong vào (P10 – P50 – P90) và chi phí nội bộ thuê thêm (P50):", en: "Finish (P10 – P50 – P90) and in-house extra cost (P50):")())
        Out.table(
            [Text(vi: "Phần việc", en: "Part")(), Text(vi: "Còn lại", en: "Remaining")(), Text(vi: "Năng suất đội", en: "Team rate")(),
             Text(vi: "Người", en: "Staff")(), Text(vi: "Xong vào", en: "Finish")(), Text(vi: "Nội bộ (P50)", en: "In-house (P50)")(),
             Text(vi: "Thuê ngoài", en: "Contractor")()],
            [
                [Text(vi: "Chỉnh lý", en: "Arrangement")(), "\(Format.decimal(a.remainingMetres, maxFractionDigits: 2)) m",
                 "\(Format.decimal(a.rateMetresPerDay, maxFractionDigits: 3)) m/" + Text(vi: "ngày", en: "day")(),
                 String(a.projection.plannedStaff), band(a.projection.finishDate), money(a.projection.costVND.p50), money(a.projection.contractorVND)],
                [Text(vi: "Số hóa", en: "Scanning")(), "\(Format.integer(Int64(s.remainingPages.rounded()))) " + Text(vi: "trang", en: "pages")(),
                 "\(Format.decimal(s.ratePagesPerDay, maxFractionDigits: 0)) " + Text(vi: "trang/ngày", en: "pages/day")(),
                 String(s.projection.plannedStaff), band(s.projection.finishDate), money(s.projection.costVND.p50), money(s.projection.contractorVND)],
                [Text(vi: "Tổng", en: "Total")(), "", "", "", band(r.total.finishDate), money(r.total.costVND.p50), money(r.total.contractorVND)],
            ],
            right: [1, 2, 3, 5, 6])
        Out.line()
        Out.line(Text(vi: "Kinh phí xin thêm (đồng), P10 / P50 / P90:", en: "Additional money (VND), P10 / P50 / P90:")())
        let inHouse = r.money.inHouseTotalVND
        Out.line("  " + Text(vi: "Phương án tự làm (thuê thêm ngày công) + chi một lần: ", en: "In-house (extra staff-days) + one-off: ")()
                 + "\(money(inHouse.p10 + r.money.oneOffTotalVND)) / \(money(inHouse.p50 + r.money.oneOffTotalVND)) / \(money(inHouse.p90 + r.money.oneOffTotalVND))")
        Out.line("  " + Text(vi: "Phương án thuê đơn vị dịch vụ + chi một lần: ", en: "Contractor + one-off: ")() + money(r.money.contractorTotalVND + r.money.oneOffTotalVND))
        if let until = r.until, let need = r.total.staffNeededByUntil {
            Out.line("  " + Text(vi: "Để xong trước \(day(until)): cần \(need.p50) người (P50), \(need.p90) người (P90) cho phần chậm hơn",
                                 en: "To finish by \(day(until)): \(need.p50) people (P50), \(need.p90) (P90) on the slower part")())
        }
        Out.line()
        Out.line(Text(vi: "Dung lượng lưu trữ: thêm \(bytes(r.storage.remainingBytes)) (\(r.storage.copies) bản), đang có \(bytes(r.storage.storedBytesNow)); tổng \(bytes(r.storage.totalBytes)).",
                      en: "Storage: \(bytes(r.storage.remainingBytes)) more (\(r.storage.copies) copies), \(bytes(r.storage.storedBytesNow)) stored now; \(bytes(r.storage.totalBytes)) in all.")())
        if let saved { Out.line(Text(vi: "Đã lưu dự toán «\(saved)»: xem lại bằng `kho estimate show \"\(saved)\"`.", en: "Saved as “\(saved)”: show it again with `kho estimate show \"\(saved)\"`.")()) }

        if !r.warnings.isEmpty {
            Out.line()
            Out.line(Text(vi: "Cảnh báo:", en: "Warnings:")())
            for w in r.warnings { Out.line("  ! " + w.message.text(lang)) }
        }
        Out.line()
        Out.line(Text(vi: "Chi tiết kinh phí (mỗi con số kèm nguồn):", en: "Money in detail (each figure with its source):")())
        let lines = r.money.contractor + r.money.inHouse + r.money.oneOff
        Out.table(
            [Text(vi: "Khoản", en: "Item")(), Text(vi: "Số lượng", en: "Quantity")(), Text(vi: "Đơn giá", en: "Unit price")(),
             Text(vi: "Thành tiền", en: "Amount")(), Text(vi: "Nguồn", en: "Source")()],
            lines.map { l in
                let part = l.item == "day_rate" ? " (" + (l.part == "arrangement" ? Text(vi: "chỉnh lý", en: "arrangement")() : Text(vi: "số hóa", en: "scanning")()) + ")" : ""
                return [l.label.text(lang) + part, "\(Format.decimal(l.quantity, maxFractionDigits: 1)) \(unit(l.unit))", money(l.unitPriceVND), money(l.amountVND), l.source]
            },
            right: [1, 2, 3])
        if let ratesNote { Out.line(ratesNote) }
        Out.line()
        Out.line(Text(vi: "Năng suất và tỷ lệ dùng:", en: "Rates and ratios used:")())
        for (kind, p) in [(Text(vi: "chỉnh lý (m/ngày công)", en: "arrangement (m/person-day)"), a.projection), (Text(vi: "số hóa (trang/ngày công)", en: "scanning (pages/person-day)"), s.projection)] {
            let source = p.rateSource == .measured ? Text(vi: "đo được từ \(p.personDaysOfData) ngày công", en: "measured over \(p.personDaysOfData) person-days")()
                : Text(vi: "giả định", en: "assumed")()
            Out.line("  \(kind()): \(Format.decimal(p.ratePerPersonDay, maxFractionDigits: 3)) — \(source)")
        }
        Out.line("  " + Text(vi: "trang/tờ", en: "pages/sheet")() + ": \(Format.decimal(s.pagesPerSheet, maxFractionDigits: 2));  "
                 + Text(vi: "trang/mét giữ lại", en: "pages/kept metre")() + ": \(Format.integer(Int64(s.pagesPerMetre.rounded())));  "
                 + Text(vi: "giữ lại/độ dài", en: "kept/extent")() + ": \(Format.decimal(s.keptPerExtent, maxFractionDigits: 2));  "
                 + Text(vi: "byte/trang", en: "bytes/page")() + ": \(Format.integer(Int64(r.storage.bytesPerPage.rounded())))")
        if !r.assumptions.isEmpty {
            Out.line()
            Out.line(Text(vi: "Giả định (chưa đo được, dùng giá trị nêu rõ):", en: "Assumptions (not measured yet; stated values used):")())
            for x in r.assumptions { Out.line("  - " + x.message.text(lang)) }
        }
        Out.line()
        Out.line(r.method.description.text(lang))
    }

    /// A money line's unit in the reader's language.
    static func unit(_ key: String) -> String {
        switch key {
        case "m": "m"
        case "page": Text(vi: "trang", en: "pages")()
        case "file": Text(vi: "hồ sơ", en: "files")()
        case "document": Text(vi: "văn bản", en: "documents")()
        case "staff-day": Text(vi: "ngày công", en: "staff-days")()
        case "item": Text(vi: "khoản", en: "item")()
        default: key
        }
    }

    /// The estimate as a spreadsheet: one row per part, written by KhoReport's CSV writer (quoting, CRLF).
    static func csv(_ r: EstimateResult) {
        func part(_ name: String, remaining: String, unit: String, rate: String, _ p: (finish: Band<LocalDay>, cost: Band<Int64>, contractor: Int64)) -> [CSVCell] {
            [.text(name), .number(remaining), .text(unit), .number(rate), .text(p.finish.p10.description), .text(p.finish.p50.description),
             .text(p.finish.p90.description), .number(String(p.cost.p10)), .number(String(p.cost.p50)), .number(String(p.cost.p90)),
             .number(String(p.contractor))]
        }
        let a = r.arrangement.projection, s = r.scanning.projection
        let text = renderCSV(
            header: ["part", "remaining", "unit", "rate_per_day", "finish_p10", "finish_p50", "finish_p90", "cost_vnd_p10", "cost_vnd_p50",
                     "cost_vnd_p90", "contractor_vnd"],
            rows: [
                part("arrangement", remaining: String(r.arrangement.remainingMetres), unit: "m", rate: String(r.arrangement.rateMetresPerDay),
                     (a.finishDate, a.costVND, a.contractorVND)),
                part("scanning", remaining: String(r.scanning.remainingPages), unit: "page", rate: String(r.scanning.ratePagesPerDay),
                     (s.finishDate, s.costVND, s.contractorVND)),
                part("total", remaining: "", unit: "", rate: "", (r.total.finishDate, r.total.costVND, r.total.contractorVND)),
            ],
            bom: false)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
