import Foundation
import KhoEstimation
import KhoReport

/// Which estimate a report shows: a new one made with `request`, or one saved under a name.
public enum ReportEstimate: Sendable {
    case new(EstimateRequest)
    case saved(String)
}

/// The leadership report, composed in the library: the estimate it shows, the model and the HTML page.
public struct LeadershipReport: Sendable {
    public var estimate: EstimateResult
    public var model: ReportModel
    public var html: String
}

extension KhoStore {
    /// Makes the leadership report: the estimate (new or saved), the model from the catalogue, and the page in `lang`.
    ///
    /// The figures of the money, storage and finish sections are the estimate's own; the page only formats them.
    public func leadershipReport(_ source: ReportEstimate, lang: Lang, now: Date = Date()) throws -> LeadershipReport {
        let (result, savedName) = try estimate(source, now: now)
        let model = try reportModel(estimate: result, savedName: savedName, lang: lang, now: now)
        return LeadershipReport(estimate: result, model: model, html: renderReport(model, lang: lang))
    }

    /// The leadership report's first-page summary for `source`: the same chairman's paragraph and basis as the
    /// report made now opens with, without gathering the rest of the report.
    public func reportSummary(_ source: ReportEstimate, now: Date = Date()) throws -> ReportSummary {
        Self.summary(try estimate(source, now: now).result)
    }

    /// The estimate a report shows, and the name it was saved under (nil for a new one).
    private func estimate(_ source: ReportEstimate, now: Date) throws -> (result: EstimateResult, savedName: String?) {
        switch source {
        case .new(let request): (try makeEstimate(request, now: now).result, nil)
        case .saved(let name): (try savedEstimate(name).result, name)
        }
    }

    /// The first page's paragraph and basis of an estimate, computed here once for the report and the dashboard.
    static func summary(_ e: EstimateResult) -> ReportSummary {
        ReportSummary(chairman: EstimateTexts.chairman(e), basis: EstimateTexts.basis(e))
    }

    /// Everything the leadership report shows, gathered from the catalogue, the log and an estimate, in `lang`.
    ///
    /// `estimate` continues the progress lines and fills the cost section; without one the report says how to make one.
    public func reportModel(
        estimate: EstimateResult?, savedName: String? = nil, lang: Lang = .vi, now: Date = Date()
    ) throws -> ReportModel {
        let status = try self.status(now: now)
        let problems = try scanProblems(lang: lang)
        var (arranged, scanned) = try progressSeries()
        // The actual lines run to today, flat where nothing was done; the forecast starts today.
        let today = estimate?.today ?? LocalDay(now, in: time.timeZone)
        arranged = Self.extend(arranged, to: today)
        scanned = Self.extend(scanned, to: today)
        let (poor, sample) = try reading { tx in
            (Self.poorBoxes(try tx.reports.poorBoxes(), lang: lang), try tx.reports.isSampleData())
        }
        var model = ReportModel(
            title: Text(
                vi: "Báo cáo tiến độ chỉnh lý và số hóa tài liệu lưu trữ",
                en: "Archive arrangement and digitization progress"
            ).text(lang),
            archiveName: Text(vi: "Kho lưu trữ xã Sơn Kim 1", en: "Sơn Kim 1 commune archive").text(lang),
            asOf: status.asOf, headline: Self.headline(status.progress),
            qcProblemCount: problems.count,
            fonds: status.fonds.map {
                FondsRow(
                    code: $0.code, name: $0.name, totalMetres: $0.progress.totalMetres,
                    arrangedMetres: $0.progress.arrangedMetres,
                    digitizedMetres: $0.progress.digitizedMetres)
            },
            arrangedSeries: arranged, scannedSeries: scanned, qcProblems: problems.map(Self.qcRow),
            poorBoxes: poor, atRisk: try metresAtRisk(), sampleData: sample)
        model.preservation = try reportPreservation(now: now)
        guard let estimate else { return model }
        let from = estimate.today.description
        model.arrangementProjection = Self.projection(
            from: from, now: arranged.last?.value ?? 0, total: status.progress.totalMetres,
            finish: estimate.arrangement.projection.finishDate)
        model.scanningProjection = Self.projection(
            from: from, now: scanned.last?.value ?? 0,
            total: (scanned.last?.value ?? 0) + estimate.scanning.remainingPages,
            finish: estimate.scanning.projection.finishDate)
        model.arrangementFinishP50 = estimate.arrangement.projection.finishDate.p50
        model.scanningFinishP50 = estimate.scanning.projection.finishDate.p50
        model.weekly = Self.weeklyRows(estimate.throughput)
        model.storage = estimate.storage
        model.delivery = estimate.delivery
        model.cost = Self.costSummary(estimate, savedName: savedName)
        return model
    }

    /// The headline figures, as `kho status` counts them.
    static func headline(_ p: StatusFigures) -> Headline {
        Headline(
            totalMetres: p.totalMetres, arrangedMetres: p.arrangedMetres, keptMetres: p.keptMetres,
            weededMetres: p.weededMetres,
            digitizedMetres: p.digitizedMetres,
            digitizedSplit: DigitizedSplit(
                recorded: p.digitizedSplitMetres["recorded"] ?? 0, passed: p.digitizedSplitMetres["passed"] ?? 0,
                delivered: p.digitizedSplitMetres["delivered"] ?? 0),
            boxes: p.boxes, files: p.files, sheets: p.sheets, pagesScanned: p.pagesScanned,
            ladder: LadderCounts(
                none: p.ladder.none, recorded: p.ladder.recorded, passed: p.ladder.passed, rescan: p.ladder.rescan,
                mismatch: p.ladder.mismatch, review: p.ladder.review, delivered: p.ladder.delivered,
                secret: p.ladder.secret),
            weed: WeedMetres(
                proposed: p.weed.proposedMetres, approved: p.weed.approvedMetres, destroyed: p.weed.destroyedMetres))
    }

    /// A scan problem as the report lists it: box, then file and master.
    static func qcRow(_ problem: ProblemLine) -> QCRow {
        let parts = problem.ref.split(separator: "/", maxSplits: 1).map(String.init)
        return QCRow(
            box: parts.first ?? problem.ref, file: (parts.count > 1 ? parts[1] : "") + "/" + problem.master,
            page: problem.page, message: problem.message)
    }

    /// The boxes in poor condition, by code, with how many of their files are kept permanently.
    static func poorBoxes(_ boxes: [ReportStore.PoorBox], lang: Lang) -> [PoorBoxRow] {
        boxes.map { box -> PoorBoxRow in
            let retention =
                box.files == 0
                ? Text(vi: "chưa lập danh mục hồ sơ", en: "no file list yet").text(lang)
                : Text(
                    vi: "\(box.permanent)/\(box.files) hồ sơ vĩnh viễn",
                    en: "\(box.permanent) of \(box.files) files permanent"
                ).text(lang)
            return PoorBoxRow(
                box: box.box, fonds: box.fonds, location: box.location, condition: box.condition.label,
                retention: retention)
        }
    }

    /// A series continued flat to `today` (nothing recorded since its last point).
    static func extend(_ series: [SeriesPoint], to today: LocalDay) -> [SeriesPoint] {
        guard let last = series.last, let day = LocalDay(iso: last.day), day < today else { return series }
        return series + [SeriesPoint(day: today.description, value: last.value)]
    }

    /// Per person and week, both kinds side by side, labelled by the week's Monday.
    static func weeklyRows(_ throughput: [ThroughputRow]) -> [WeeklyRow] {
        var weekly: [String: WeeklyRow] = [:]
        for row in throughput {
            guard let person = row.person else { continue }
            let key = row.week + "|" + person
            var w =
                weekly[key]
                ?? WeeklyRow(
                    week: row.week, person: person, arrangementMetres: 0, scanningPages: 0,
                    weekStart: ISOWeek(iso: row.week)?.monday.description ?? "", didArrangement: false,
                    didScanning: false)
            if row.kind == .arrangement {
                w.arrangementMetres += row.amount
                w.didArrangement = true
            } else {
                w.scanningPages += Int(row.amount.rounded())
                w.didScanning = true
            }
            weekly[key] = w
        }
        return weekly.values.sorted { ($0.week, $0.person) < ($1.week, $1.person) }
    }

    /// The estimate's money, finish and deadline figures, copied as they are (never added here).
    static func costSummary(_ e: EstimateResult, savedName: String?) -> CostSummary {
        let pace: [Text] =
            e.pace.map { pace in
                WorkKind.allCases.map { kind in EstimateTexts.pace(kind, pace[kind]) }
            } ?? []
        let first = Self.summary(e)
        var cost = CostSummary(
            money: e.money, finish: planFinish(e), sustainedFinish: sustainedFinish(e), pace: pace,
            basis: first.basis,
            deadline: e.deadline.map(deadlineSummary),
            assumptions: e.assumptions.map(\.message), warnings: e.warnings.map(\.message),
            savedEstimateName: savedName, daysOfData: e.daysOfData)
        cost.chairman = first.chairman
        return cost
    }

    /// The parts the report shows finish days for, in order: each kind of work, then all work (no kind).
    private static let reportParts: [(label: Text, kind: WorkKind?)] = [
        (Text(vi: "Chỉnh lý", en: "Arrangement"), .arrangement), (Text(vi: "Số hóa", en: "Scanning"), .scanning),
        (Text(vi: "Toàn bộ", en: "All work"), nil),
    ]

    /// When each part finishes under the plan.
    private static func planFinish(_ e: EstimateResult) -> [PartFinish] {
        reportParts.map { label, kind in
            let (b, withheld): (Band<LocalDay>, Text?) =
                switch kind {
                case .arrangement: (e.arrangement.projection.finishDate, e.arrangement.projection.bandWithheld)
                case .scanning: (e.scanning.projection.finishDate, e.scanning.projection.bandWithheld)
                case nil: (e.total.finishDate, e.total.bandWithheld)
                }
            let edge = { (d: LocalDay) in withheld == nil ? d.description : PartFinish.noBand }
            return PartFinish(part: label, p10: edge(b.p10), p50: b.p50.description, p90: edge(b.p90))
        }
    }

    /// When each part finishes at the pace sustained; none without a sustained projection.
    ///
    /// An empty day is "never" (nothing done in 26 weeks); one past the horizon is written as such.
    private static func sustainedFinish(_ e: EstimateResult) -> [PartFinish] {
        guard let s = e.sustained else { return [] }
        func day(_ d: LocalDay?) -> String {
            guard let d else { return "" }
            return d.isBeyondHorizon(from: e.today) ? PartFinish.beyondHorizon : d.description
        }
        return reportParts.map { label, kind in
            let part = kind.map { s[$0] } ?? s.total
            let b = part.finishDate
            let edge = { (d: LocalDay?) in part.bandWithheld == nil || d == nil ? day(d) : PartFinish.noBand }
            return PartFinish(part: label, p10: edge(b?.p10), p50: day(b?.p50), p90: edge(b?.p90))
        }
    }

    /// What meeting the deadline takes, per kind of work and in all.
    private static func deadlineSummary(_ d: Deadline) -> DeadlineSummary {
        let rows = reportParts.prefix(2).compactMap { label, kind -> DeadlineRow? in
            guard let kind, let p = d[kind] else { return nil }
            return DeadlineRow(
                part: label, staffP50: p.staffP50, staffP90: p.staffP90, extraStaffDays: p.extraStaffDays,
                costVND: p.costVND)
        }
        return DeadlineSummary(
            until: d.until.description, workingDays: d.workingDaysAvailable, parts: rows,
            inHouseTotal: d.inHouseTotalVND, contractorTotal: d.contractorTotalVND)
    }

    /// Cumulative metres arranged and pages digitized by local day, opening balances included (they are progress).
    func progressSeries() throws -> ([SeriesPoint], [SeriesPoint]) {
        try reading { tx in
            func cumulative(_ days: [(day: String, amount: Double)]) -> [SeriesPoint] {
                var total = 0.0
                return days.map { day in
                    total += day.amount
                    return SeriesPoint(day: day.day, value: total)
                }
            }
            return (
                cumulative(try tx.reports.dailyWork(arranged: true)),
                cumulative(try tx.reports.dailyWork(arranged: false))
            )
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
        // Weekly-ish samples, plus each finish day itself, so the lines reach the top on the days the tables print.
        var days = Set(stride(from: 0, through: slow, by: step))
        days.insert(slow)
        for d in [finish.p10, finish.p50] where d > start { days.insert(min(slow, d.dayNumber - start.dayNumber)) }
        return days.sorted().map { day in
            BandPoint(
                day: start.adding(days: day).description, p10: value(at: day, finish: finish.p90),
                p50: value(at: day, finish: finish.p50), p90: value(at: day, finish: finish.p10))
        }
    }
}
