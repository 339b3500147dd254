import KhoEstimation

@testable import KhoReport

/// A report model that looks like Sơn Kim 1's: 75.6 m, 15 m arranged, 5 m digitized, three people, an estimate.
enum Fixtures {
    static func model(sample: Bool = false, cost: Bool = true) -> ReportModel {
        ReportModel(
            title: "Báo cáo tiến độ chỉnh lý và số hóa tài liệu",
            archiveName: "Kho lưu trữ xã Sơn Kim 1",
            asOf: "2026-11-27 10:00",
            headline: Headline(
                totalMetres: 75.6, arrangedMetres: 15, keptMetres: 12.4, weededMetres: 2.6, digitizedMetres: 5,
                digitizedSplit: DigitizedSplit(recorded: 4.2, passed: 0.6, delivered: 0.2),
                boxes: 612, files: 2_431, sheets: 48_210, pagesScanned: 19_162,
                ladder: LadderCounts(none: 2_100, recorded: 260, passed: 41, rescan: 6, delivered: 12, secret: 12)),
            qcProblemCount: 3,
            fonds: [
                FondsRow(
                    code: "UBND-SK1", name: "Ủy ban nhân dân xã Sơn Kim 1", totalMetres: 52.3, arrangedMetres: 12,
                    digitizedMetres: 4.1),
                FondsRow(
                    code: "HĐND-SK1", name: "Hội đồng nhân dân xã Sơn Kim 1", totalMetres: 15.8, arrangedMetres: 3,
                    digitizedMetres: 0.9),
                FondsRow(
                    code: "ĐU-SK1", name: "Đảng ủy xã Sơn Kim 1", totalMetres: 7.5, arrangedMetres: 0,
                    digitizedMetres: 0),
            ],
            arrangedSeries: [
                SeriesPoint(day: "2026-09-01", value: 0.5), SeriesPoint(day: "2026-09-15", value: 3.2),
                SeriesPoint(day: "2026-10-01", value: 6.1), SeriesPoint(day: "2026-10-20", value: 10.4),
                SeriesPoint(day: "2026-11-10", value: 13.0), SeriesPoint(day: "2026-11-27", value: 15.0),
            ],
            scannedSeries: [
                SeriesPoint(day: "2026-09-10", value: 1_200), SeriesPoint(day: "2026-10-01", value: 6_400),
                SeriesPoint(day: "2026-10-25", value: 12_900), SeriesPoint(day: "2026-11-27", value: 19_162),
            ],
            arrangementProjection: [
                BandPoint(day: "2026-11-27", p10: 15, p50: 15, p90: 15),
                BandPoint(day: "2027-03-01", p10: 38, p50: 33, p90: 28),
                BandPoint(day: "2027-07-01", p10: 62, p50: 52, p90: 44),
                BandPoint(day: "2027-10-15", p10: 75.6, p50: 68, p90: 57),
                BandPoint(day: "2028-01-20", p10: 75.6, p50: 75.6, p90: 68),
                BandPoint(day: "2028-05-01", p10: 75.6, p50: 75.6, p90: 75.6),
            ],
            scanningProjection: [
                BandPoint(day: "2026-11-27", p10: 19_162, p50: 19_162, p90: 19_162),
                BandPoint(day: "2027-06-01", p10: 140_000, p50: 110_000, p90: 90_000),
                BandPoint(day: "2028-01-01", p10: 290_000, p50: 230_000, p90: 190_000),
                BandPoint(day: "2028-09-01", p10: 290_000, p50: 290_000, p90: 260_000),
                BandPoint(day: "2029-02-01", p10: 290_000, p50: 290_000, p90: 290_000),
            ],
            weekly: [
                WeeklyRow(
                    week: "2026-W45", person: "Nguyễn Thị Hoa", arrangementMetres: 1.2, scanningPages: 0,
                    weekStart: "2026-11-02"),
                WeeklyRow(
                    week: "2026-W45", person: "Trần Văn Minh", arrangementMetres: 0, scanningPages: 1_450,
                    weekStart: "2026-11-02"),
                WeeklyRow(
                    week: "2026-W46", person: "Nguyễn Thị Hoa", arrangementMetres: 0.9, scanningPages: 0,
                    weekStart: "2026-11-09"),
                WeeklyRow(
                    week: "2026-W46", person: "Trần Văn Minh", arrangementMetres: 0.3, scanningPages: 1_720,
                    weekStart: "2026-11-09"),
                WeeklyRow(
                    week: "2026-W47", person: "Lê Văn Dũng", arrangementMetres: 0.6, scanningPages: 380,
                    weekStart: "2026-11-16"),
                WeeklyRow(
                    week: "2026-W47", person: "Nguyễn Thị Hoa", arrangementMetres: 1.1, scanningPages: 0,
                    weekStart: "2026-11-16"),
                WeeklyRow(
                    week: "2026-W48", person: "Trần Văn Minh", arrangementMetres: 0, scanningPages: 1_610,
                    weekStart: "2026-11-23"),
            ],
            // 2,353.5 GB a copy still to come at 6.2 MB a page; 166.5 GB a copy stored; three copies.
            storage: StorageEstimate(
                remainingPages: 2_353_500_000_000 / 6_200_000, storedBytesPerCopy: 166_500_000_000,
                bytesPerPage: 6_200_000, source: .measured, mastersMeasured: 412, copies: 3, copiesSource: "rates.toml"),
            cost: cost ? costSummary : nil,
            qcProblems: [
                QCRow(box: "H0012", file: "HS-0031", page: 4, message: "150 dpi; hồ sơ vn-2025 cần ≥ 200"),
                QCRow(box: "H0012", file: "HS-0031", page: 5, message: "150 dpi; hồ sơ vn-2025 cần ≥ 200"),
                QCRow(box: "H0040", file: "HS-0102", page: nil, message: "thiếu trang 7–9"),
            ],
            poorBoxes: [
                PoorBoxRow(
                    box: "H0007", fonds: "UBND-SK1", location: "Kệ A-1-3", condition: Text(vi: "nấm mốc", en: "mould"),
                    retention: "12 vĩnh viễn, 3 10 năm"),
                PoorBoxRow(
                    box: "H0033", fonds: "HĐND-SK1", location: "Sàn, góc phía bắc",
                    condition: Text(vi: "giòn, rách", en: "brittle, torn"), retention: "8 vĩnh viễn"),
            ],
            atRisk: MetresAtRisk(
                byCondition: [
                    ConditionMetres(
                        key: "mould", label: Text(vi: "nấm mốc", en: "mould"), poor: true, unarrangedMetres: 12.5,
                        undigitizedMetres: 14.25),
                    ConditionMetres(
                        key: "good", label: Text(vi: "tốt", en: "good"), poor: false, unarrangedMetres: 48.1,
                        undigitizedMetres: 56.35),
                ],
                locations: [
                    LocationMetres(
                        location: "Kho tạm", risks: Text(vi: "ẩm, dột", en: "damp, leak"), boxes: 96,
                        unarrangedMetres: 10, undigitizedMetres: 12)
                ],
                unarrangedMetres: 60.6, undigitizedMetres: 70.6, unarrangedAtRiskMetres: 22.5,
                undigitizedAtRiskMetres: 26.25),
            sampleData: sample)
    }

    /// A line of money as the estimate prices it; only what the report shows is given.
    static func line(
        _ label: Text, _ part: String, unitPrice: Int64, amount: Int64, source: RatesSource
    ) -> MoneyLine {
        MoneyLine(
            part: part, item: "", label: label, quantity: 1, unit: "", unitPriceVND: unitPrice, amountVND: amount,
            source: source)
    }

    /// Contractor work 1,222,338,000 đ; in-house work 449,838,000 / 583,638,000 / 747,838,000 đ; one-off
    /// 162,162,000 đ (the estimate adds the totals).
    static let money = MoneyBreakdown(
        contractor: [
            line(
                Text(vi: "chỉnh lý tài liệu (mét giá)", en: "arrangement (linear metres)"), "arrangement",
                unitPrice: 9_500_000, amount: 575_700_000, source: "rates.toml dòng 8"),
            line(
                Text(vi: "số hóa (trang)", en: "scanning (pages)"), "scanning", unitPrice: 2_100,
                amount: 646_638_000, source: "rates.toml dòng 9"),
        ],
        inHouse: [
            MoneyLine(
                part: "arrangement", item: "", label: Text(vi: "ngày công người thuê thêm", en: "extra staff-days"),
                quantity: 1, unit: "", unitPriceVND: 350_000, amountVND: 583_638_000, source: "rates.toml dòng 14",
                amountBandVND: Band(p10: 449_838_000, p50: 583_638_000, p90: 747_838_000))
        ],
        oneOff: [
            line(
                Text(vi: "Máy hút ẩm (2 chiếc)", en: "Dehumidifiers (2)"), "one_off", unitPrice: 19_162_000,
                amount: 19_162_000, source: "rates.toml dòng 22"),
            line(
                Text(vi: "Giá kệ sắt", en: "Steel shelving"), "one_off", unitPrice: 48_000_000, amount: 48_000_000,
                source: "rates.toml dòng 23"),
            line(
                Text(vi: "Máy quét A3", en: "A3 scanner"), "one_off", unitPrice: 95_000_000, amount: 95_000_000,
                source: "rates.toml dòng 24"),
        ])

    static let costSummary = CostSummary(
        money: money,
        finish: [
            PartFinish(
                part: Text(vi: "Chỉnh lý", en: "Arrangement"), p10: "2027-10-15", p50: "2028-01-20", p90: "2028-05-01"),
            PartFinish(
                part: Text(vi: "Số hóa", en: "Scanning"), p10: "2028-06-01", p50: "2028-09-01", p90: "2029-02-01"),
            PartFinish(part: Text(vi: "Toàn bộ", en: "Total"), p10: "2028-06-01", p50: "2028-09-01", p90: "2029-02-01"),
        ],
        sustainedFinish: [
            PartFinish(
                part: Text(vi: "Chỉnh lý", en: "Arrangement"), p10: "2028-10-15", p50: "2029-01-20", p90: "2029-05-01"),
            PartFinish(part: Text(vi: "Số hóa", en: "Scanning"), p10: "", p50: "", p90: ""),
            PartFinish(part: Text(vi: "Toàn bộ", en: "Total"), p10: "", p50: "", p90: ""),
        ],
        basis: [
            Text(vi: "phạm vi: toàn bộ kho", en: "scope: the whole archive"),
            Text(
                vi: "kế hoạch: chỉnh lý 3 người, số hóa 2 người, mỗi người 5 ngày/tuần",
                en: "plan: arrangement 3 people, scanning 2 people, 5 days a week each"),
        ],
        assumptions: [
            Text(vi: "1,6 trang mỗi tờ (đo được trên 41 hồ sơ)", en: "1.6 pages per sheet (measured on 41 files)")
        ],
        warnings: [
            Text(
                vi: "năng suất chỉnh lý thay đổi -18% giữa một phần ba đầu và cuối",
                en: "arrangement rate changed -18% between first and last thirds")
        ],
        savedEstimateName: "gui-tinh-2026-11",
        daysOfData: 46)
}

/// Small helpers for looking into rendered HTML.
enum Probe {
    /// The text of the element carrying `data-key="key"`, or nil.
    static func dataKey(_ key: String, in html: String) -> String? {
        guard let attr = html.range(of: "data-key=\"\(key)\">") else { return nil }
        guard let end = html[attr.upperBound...].range(of: "</") else { return nil }
        return String(html[attr.upperBound..<end.lowerBound])
    }

    /// The positions of `needle` in order of appearance.
    static func offset(of needle: String, in html: String) -> String.Index? {
        html.range(of: needle)?.lowerBound
    }

    /// The inline `<svg …>…</svg>` elements of a page.
    static func svgs(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            out.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }

    /// The `<h2>` headings of a page.
    static func headings(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<h2>"), let end = rest[start.upperBound...].range(of: "</h2>") {
            out.append(String(rest[start.upperBound..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return out
    }
}
