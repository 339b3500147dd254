import Foundation
import KhoEstimation
import KhoKit
import KhoReport

/// The estimate as a spreadsheet: the text's figures under the text's names.
extension EstimateOutput {
    /// Writes the CSV (KhoReport's writer: quoting, CRLF): one row per part (arrangement, scanning, description),
    /// the one-off and total rows, the deadline's rows with `--until`, storage, then one row per money line with the
    /// quantity as priced, the unit price, the amount and its source — the lines of the text's money table.
    static func csv(_ r: EstimateResult) {
        let rows =
            [
                csvPart(
                    r, .arrangement, remaining: MoneyLine.displayed(r.arrangement.remainingMetres, unit: "m"),
                    unit: "m", rate: r.arrangement.rateMetresPerDay),
                csvPart(
                    r, .scanning, remaining: MoneyLine.displayed(r.scanning.remainingPages, unit: "page"),
                    unit: "page", rate: r.scanning.ratePagesPerDay),
            ] + csvDescription(r) + csvMoneyTotals(r) + csvDeadline(r) + csvStorage(r) + csvMoneyLines(r)
        let text = renderCSV(header: csvHeader, rows: rows.map { $0 + pad($0) }, bom: false)
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static let csvHeader = [
        "part", "remaining", "unit", "rate_per_day", "person_days_per_week", "finish_p10", "finish_p50",
        "finish_p90", "sustained_finish_p10", "sustained_finish_p50", "sustained_finish_p90", "in_house_vnd_p10",
        "in_house_vnd_p50", "in_house_vnd_p90", "contractor_vnd", "variant", "item", "quantity", "unit_price_vnd",
        "amount_vnd", "source",
    ]

    /// Empty cells that fill a row to the header's width.
    private static func pad(_ row: [CSVCell]) -> [CSVCell] {
        [CSVCell](repeating: .text(""), count: max(0, csvHeader.count - row.count))
    }

    private static func number(_ v: Double) -> CSVCell {
        .number(Format.decimal(v, maxFractionDigits: 6, lang: .en).replacingOccurrences(of: ",", with: ""))
    }

    /// A band of days as three cells; a day past the horizon is written `beyond-horizon`, as the text says "over
    /// 50 years", and none (never) as empty cells.
    private static func csvDays(_ b: Band<LocalDay>?, today: LocalDay, withheld: Text? = nil) -> [CSVCell] {
        func cell(_ d: LocalDay?) -> CSVCell {
            guard let d else { return .text("") }
            return .text(d.isBeyondHorizon(from: today) ? PartFinish.beyondHorizon : d.description)
        }
        if withheld != nil { return [.text(""), cell(b?.p50), .text("")] }
        return [cell(b?.p10), cell(b?.p50), cell(b?.p90)]
    }

    /// A band of money as three cells, P10, P50, P90 (P10 and P90 empty when there is no band).
    private static func csvVND(_ b: Band<Int64>, band: Bool = true) -> [CSVCell] {
        band
            ? [.number(String(b.p10)), .number(String(b.p50)), .number(String(b.p90))]
            : [.text(""), .number(String(b.p50)), .text("")]
    }

    /// The sum of the money lines of `part` in a variant.
    private static func sum(_ lines: [MoneyLine], _ part: String) -> Int64 {
        lines.filter { $0.part == part }.reduce(0) { $0 &+ $1.amountVND }
    }

    /// One part's row: what remains and at what rate, the finish under the plan and at the sustained pace, and money.
    private static func csvPart(
        _ r: EstimateResult, _ kind: WorkKind, remaining: Double, unit: String, rate: Double
    ) -> [CSVCell] {
        let p = kind == .arrangement ? r.arrangement.projection : r.scanning.projection
        let line = r.money.inHouse.first { $0.part == kind.rawValue }
        return [
            .text(kind.rawValue), number(remaining), .text(unit), number(rate),
            number(r.pace?[kind].personDaysPerWeek ?? 0),
        ]
            + csvDays(p.finishDate, today: r.today, withheld: p.bandWithheld)
            + csvDays(r.sustained?[kind].finishDate, today: r.today, withheld: r.sustained?[kind].bandWithheld)
            + csvVND(line?.amountBandVND ?? Band(all: line?.amountVND ?? 0), band: line?.amountBandVND != nil)
            + [.number(String(sum(r.money.contractor, kind.rawValue)))]
    }

    /// Describing's row: documents to describe, its finish under the plan, and both variants' money.
    private static func csvDescription(_ r: EstimateResult) -> [[CSVCell]] {
        guard let d = r.documents, let w = d.work else { return [] }
        let finish: [CSVCell] = [.text(""), .text(w.finishDate.description), .text("")]
        return [
            [.text("description"), number(d.documentsToDescribe), .text("document"), .text(""), .text("")] + finish
                + [.text(""), .text(""), .text("")]
                + csvVND(Band(all: sum(r.money.inHouse, "description")), band: false)
                + [.number(String(sum(r.money.contractor, "description")))]
        ]
    }

    /// The one-off lines' row and the total row (finish dates and the money totals with the one-offs).
    private static func csvMoneyTotals(_ r: EstimateResult) -> [[CSVCell]] {
        let m = r.money
        let empty: [CSVCell] = [.text(""), .text(""), .text("")]
        return [
            [.text("one_off"), .text(""), .text(""), .text(""), .text("")] + empty + empty
                + csvVND(Band(all: m.oneOffTotalVND), band: false) + [.number(String(m.oneOffTotalVND))],
            [
                .text("total"), .text(""), .text(""), .text(""),
                number(r.sustained?.total.personDaysPerWeek ?? 0),
            ]
                + csvDays(r.total.finishDate, today: r.today, withheld: r.total.bandWithheld)
                + csvDays(r.sustained?.total.finishDate, today: r.today, withheld: r.sustained?.total.bandWithheld)
                + csvVND(m.inHouseBand ?? m.inHouseTotalVND, band: m.inHouseBand != nil)
                + [.number(String(m.contractorTotalVND))],
        ]
    }

    /// With `--until`: per part the people needed (P50 in `remaining`, P90 in `quantity`) and
    /// the in-house cost at P50 and P90, then the totals of both variants to meet it.
    private static func csvDeadline(_ r: EstimateResult) -> [[CSVCell]] {
        guard let d = r.deadline else { return [] }
        let until: [CSVCell] = [.text(""), .text(d.until.description), .text("")]
        let none: [CSVCell] = [.text(""), .text(""), .text("")]
        var rows: [[CSVCell]] = WorkKind.allCases.compactMap { kind in
            guard let p = d[kind] else { return nil }
            return [
                .text("deadline_" + kind.rawValue), .number(String(p.staffP50)), .text("people_p50"), .text(""),
                .text(""),
            ] + until + none
                + [.text(""), .number(String(p.costVND)), .number(String(p.costVNDP90)), .text("")]
                + [.text("in_house"), .text("staff_p90"), .number(String(p.staffP90))]
        }
        rows.append(
            [.text("deadline_total"), .text(""), .text(""), .text(""), .text("")] + until + none
                + [
                    .text(""), .number(String(d.inHouseTotalVND)),
                    .number(String(d.inHouseTotalVNDP90 ?? d.inHouseTotalVND)), .number(String(d.contractorTotalVND)),
                ])
        return rows
    }

    /// Storage rows, and the legal copies' when there is a delivery estimate: a quantity and its unit (the build's
    /// pages with its pages per day), the other cells empty.
    private static func csvStorage(_ r: EstimateResult) -> [[CSVCell]] {
        func quantity(_ part: String, _ value: String, _ unit: String, rate: CSVCell = .text("")) -> [CSVCell] {
            [.text(part), .number(value), .text(unit), rate, .text("")]
        }
        let storage = [
            quantity("storage_remaining", String(r.storage.remainingBytes), "byte"),
            quantity("storage_total", String(r.storage.totalBytes), "byte"),
        ]
        guard let d = r.delivery else { return storage }
        return storage + [
            quantity("pdf_bytes_per_page", String(Int64(d.bytesPerPage.rounded())), d.bytesPerPageSource.rawValue),
            quantity("pdf_storage_total", String(d.totalBytes), "byte"),
            quantity("storage_with_pdf_total", String(d.mastersAndCopiesTotalBytes), "byte"),
            quantity(
                "pdf_build", String(Int64(d.pagesToBuild.rounded())), "page",
                rate: number(d.pagesPerHour * EstimationDefaults.hoursPerDay)),
        ]
    }

    /// One row per money line, named as the text names it: quantity as priced × unit price = amount, and source.
    private static func csvMoneyLines(_ r: EstimateResult) -> [[CSVCell]] {
        r.money.allLines.map { variant, l in
            [.text(l.part), .text(""), .text(l.unit)] + [CSVCell](repeating: .text(""), count: 12)
                + [
                    .text(variant), .text(l.name.text(Lang.current)),
                    .number(l.quantityText(.en).replacingOccurrences(of: ",", with: "")),
                    .number(String(l.unitPriceVND)), .number(String(l.amountVND)), .text(l.source.text()),
                ]
        }
    }
}
