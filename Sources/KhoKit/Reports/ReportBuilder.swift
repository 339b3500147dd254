import Foundation
import GRDB
import KhoEstimation
import KhoReport

extension KhoStore {
    /// Everything the leadership report shows, gathered from the catalogue, the log and an estimate.
    ///
    /// `estimate` continues the progress lines and fills the cost section; without one the report says how to make one.
    public func reportModel(estimate: EstimateResult?, savedName: String? = nil, now: Date = Date()) throws -> ReportModel {
        let status = try self.status(now: now)
        let p = status.progress
        let headline = Headline(
            totalMetres: p.totalMetres, arrangedMetres: p.arrangedMetres, keptMetres: p.keptMetres, weededMetres: p.weededMetres,
            digitizedMetres: p.digitizedMetres,
            digitizedSplit: DigitizedSplit(recorded: p.digitizedSplitMetres["recorded"] ?? 0, passed: p.digitizedSplitMetres["passed"] ?? 0,
                                           delivered: p.digitizedSplitMetres["delivered"] ?? 0),
            boxes: p.boxes, files: p.files, sheets: p.sheets, pagesScanned: p.pagesScanned,
            ladder: LadderCounts(none: p.ladder.none, recorded: p.ladder.recorded, passed: p.ladder.passed, rescan: p.ladder.rescan,
                                 delivered: p.ladder.delivered, secret: p.ladder.secret))
        let problems = try scanProblems()
        let (arranged, scanned) = try progressSeries()
        let (poor, sample) = try read { db -> ([PoorBoxRow], Bool) in
            let rows = try Row.fetchAll(db, sql: """
                SELECT b.code, f.code, b.location, b.condition,
                       (SELECT COUNT(*) FROM file x WHERE x.box_id = b.id AND x.retention = 'permanent'),
                       (SELECT COUNT(*) FROM file x WHERE x.box_id = b.id)
                FROM box b JOIN fonds f ON f.id = b.fonds_id
                WHERE b.condition IN ('mould', 'water', 'insects', 'brittle') ORDER BY b.code
                """)
            let poor = rows.map { row -> PoorBoxRow in
                let condition = Condition(rawValue: row[3]) ?? .good
                let permanent: Int = row[4]
                let files: Int = row[5]
                let retention = files == 0 ? Text(vi: "chưa lập danh mục hồ sơ", en: "no file list yet")()
                    : Text(vi: "\(permanent)/\(files) hồ sơ vĩnh viễn", en: "\(permanent) of \(files) files permanent")()
                return PoorBoxRow(box: row[0], fonds: row[1], location: row[2], condition: condition.label, retention: retention)
            }
            let sample = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fonds WHERE notes LIKE '%DỮ LIỆU MẪU%'") ?? 0
            return (poor, sample > 0)
        }
        var model = ReportModel(
            title: Text(vi: "Báo cáo tiến độ chỉnh lý và số hóa tài liệu lưu trữ", en: "Archive arrangement and digitization progress")(),
            archiveName: Text(vi: "Kho lưu trữ xã Sơn Kim 1", en: "Sơn Kim 1 commune archive")(), asOf: status.asOf, headline: headline,
            qcProblemCount: problems.count,
            fonds: status.fonds.map {
                FondsRow(code: $0.code, name: $0.name, totalMetres: $0.progress.totalMetres, arrangedMetres: $0.progress.arrangedMetres,
                         digitizedMetres: $0.progress.digitizedMetres)
            },
            arrangedSeries: arranged, scannedSeries: scanned,
            qcProblems: problems.map { problem in
                let parts = problem.ref.split(separator: "/", maxSplits: 1).map(String.init)
                return QCRow(box: parts.first ?? problem.ref, file: (parts.count > 1 ? parts[1] : "") + "/" + problem.master, page: problem.page, message: problem.message)
            },
            poorBoxes: poor, sampleData: sample)
        guard let estimate else { return model }
        let today = estimate.today.description
        model.arrangementProjection = Self.projection(from: today, now: arranged.last?.value ?? 0, total: p.totalMetres, finish: estimate.arrangement.projection.finishDate)
        model.scanningProjection = Self.projection(
            from: today, now: scanned.last?.value ?? 0, total: (scanned.last?.value ?? 0) + estimate.scanning.remainingPages,
            finish: estimate.scanning.projection.finishDate)
        var weekly: [String: WeeklyRow] = [:]
        for row in estimate.throughput {
            guard let person = row.person else { continue }
            let key = row.week + "|" + person
            var w = weekly[key] ?? WeeklyRow(week: row.week, person: person, arrangementMetres: 0, scanningPages: 0)
            if row.kind == .arrangement { w.arrangementMetres += row.amount } else { w.scanningPages += Int(row.amount.rounded()) }
            weekly[key] = w
        }
        model.weekly = weekly.values.sorted { ($0.week, $0.person) < ($1.week, $1.person) }
        let s = estimate.storage
        model.storage = StorageSummary(nowBytes: s.storedBytesNow, projectedBytesP10: s.totalBytes, projectedBytesP50: s.totalBytes,
                                       projectedBytesP90: s.totalBytes, copies: s.copies)
        let m = estimate.money
        let days = { (b: Band<LocalDay>) in (b.p10.description, b.p50.description, b.p90.description) }
        let (a10, a50, a90) = days(estimate.arrangement.projection.finishDate)
        let (s10, s50, s90) = days(estimate.scanning.projection.finishDate)
        let (t10, t50, t90) = days(estimate.total.finishDate)
        model.cost = CostSummary(
            contractor: CostBand(p10: m.contractorTotalVND, p50: m.contractorTotalVND, p90: m.contractorTotalVND),
            inHouse: CostBand(p10: m.inHouseTotalVND.p10, p50: m.inHouseTotalVND.p50, p90: m.inHouseTotalVND.p90),
            oneOffLines: m.oneOff.map { KhoReport.MoneyLine(label: $0.label, amountVND: $0.amountVND, source: $0.source) },
            unitRates: (m.contractor + m.inHouse.prefix(1)).map {
                KhoReport.MoneyLine(label: $0.label, amountVND: $0.unitPriceVND, source: $0.source)
            },
            finish: [
                PartFinish(part: Text(vi: "Chỉnh lý", en: "Arrangement"), p10: a10, p50: a50, p90: a90),
                PartFinish(part: Text(vi: "Số hóa", en: "Scanning"), p10: s10, p50: s50, p90: s90),
                PartFinish(part: Text(vi: "Toàn bộ", en: "All work"), p10: t10, p50: t50, p90: t90),
            ],
            assumptions: estimate.assumptions.map(\.message), warnings: estimate.warnings.map(\.message),
            savedEstimateName: savedName, daysOfData: estimate.daysOfData)
        return model
    }

    /// Cumulative metres arranged and pages digitized by local day, opening balances included (they are progress).
    func progressSeries() throws -> ([SeriesPoint], [SeriesPoint]) {
        try read { db in
            func cumulative(_ sql: String) throws -> [SeriesPoint] {
                var total = 0.0
                return try Row.fetchAll(db, sql: sql).map { row in
                    total += row[1] as Double
                    return SeriesPoint(day: row[0], value: total)
                }
            }
            let live = "NOT EXISTS (SELECT 1 FROM event x WHERE x.undoes = e.id OR x.supersedes = e.id)"
            let arranged = try cumulative("""
                SELECT e.happened_day, SUM(e.metres_mm) / 1000.0 FROM event e
                WHERE e.kind = 'sort.finish' AND \(live) AND e.box_id IN (SELECT id FROM box WHERE from_box_id IS NULL)
                GROUP BY e.happened_day ORDER BY e.happened_day
                """)
            let scanned = try cumulative("""
                SELECT e.happened_day, SUM(e.pages) * 1.0 FROM event e
                WHERE e.kind IN ('scan.record', 'scan.ingest') AND \(live) GROUP BY e.happened_day ORDER BY e.happened_day
                """)
            return (arranged, scanned)
        }
    }

    /// A cumulative line continued from `now` at `from` to `total` by each finish date, sampled weekly.
    static func projection(from: String, now: Double, total: Double, finish: Band<LocalDay>) -> [BandPoint] {
        guard let start = LocalDay(iso: from), total > now else { return [] }
        let slow = finish.p90.dayNumber - start.dayNumber
        guard slow > 0 else { return [BandPoint(day: from, p10: total, p50: total, p90: total)] }
        func value(at day: Int, finish: LocalDay) -> Double {
            let span = max(1, finish.dayNumber - start.dayNumber)
            return now + (total - now) * min(1, Double(day) / Double(span))
        }
        let step = max(1, slow / 60)
        var points: [BandPoint] = []
        var day = 0
        while true {
            points.append(BandPoint(day: start.adding(days: day).description, p10: value(at: day, finish: finish.p90),
                                    p50: value(at: day, finish: finish.p50), p90: value(at: day, finish: finish.p10)))
            if day >= slow { break }
            day = min(slow, day + step)
        }
        return points
    }
}
