import Foundation
import GRDB
import KhoEstimation

/// What a person asks of an estimate: scope, what-if staffing and rates, the day it is made as of.
public struct EstimateRequest: Sendable {
    public var rates: Rates
    public var ratesFound: Bool
    public var permanentOnly = false
    public var fonds: String?
    public var staff = StaffPlan()
    public var dayRate: Int64?
    public var until: LocalDay?
    /// Days a week each planned person gives to the work; nil = 5 (full time).
    public var daysPerWeek: Double?
    /// Only events that happened by then count, and "today" is that day.
    public var asOf: LocalDay?
    /// With `asOf`: also only events recorded by then (what one could have known that day).
    public var asKnown = false
    public var windowDays: Int?
    public var seed: UInt64 = 2026
    public var resamples = 10_000

    public init(rates: Rates, ratesFound: Bool) {
        self.rates = rates
        self.ratesFound = ratesFound
    }
}

extension KhoStore {
    /// The attributed work per person and local day that throughput is measured from (opening balances,
    /// undone events and hand records superseded by an ingest left out).
    ///
    /// Arrangement: metres of `sort.finish`; a `sort.start` makes its day a person-day of arrangement too, and so
    /// does every working day between a person's `sort.start` of a box and the box's `sort.finish` (arranging one
    /// box spans days on which nothing is recorded; leaving them out would overstate productivity).
    /// Scanning: pages of `scan.record` and `scan.ingest`.
    public func observations(
        asOf: LocalDay? = nil, asKnown: Bool = false, calendar: WorkingCalendar = WorkingCalendar()
    ) throws -> [Observation] {
        let knownUntil = asOf != nil && asKnown ? knownUntil(asOf) : nil
        let events = try reading { tx in try tx.estimate.workEvents(asOf: asOf, knownUntil: knownUntil) }
        var totals: [String: (day: LocalDay, person: String, kind: WorkKind, amount: Double)] = [:]
        var starts: [Int64: [(person: String, day: LocalDay)]] = [:]
        var finishes: [Int64: LocalDay] = [:]
        for row in events {
            let kindText = row.kind
            guard let day = LocalDay(iso: row.day) else { continue }
            if let box = row.boxId {
                if kindText == "sort.start" { starts[box, default: []].append((row.actor, day)) }
                if kindText == "sort.finish" { finishes[box] = max(finishes[box] ?? day, day) }
            }
            let kind: WorkKind = kindText.hasPrefix("sort") ? .arrangement : .scanning
            let amount = kind == .arrangement ? Double(row.metresMM) / 1000 : Double(row.pages)
            let key = "\(kind.rawValue)|\(row.actor)|\(day)"
            totals[key, default: (day, row.actor, kind, 0)].amount += kindText == "sort.start" ? 0 : amount
        }
        // The working days a person spent on a box between starting and finishing it.
        for (box, list) in starts {
            guard let finish = finishes[box] else { continue }
            for start in list where start.day < finish {
                var d = start.day.adding(days: 1)
                var steps = 0
                while d < finish && steps < 3_660 {
                    if calendar.isWorkingDay(d) {
                        let key = "arrangement|\(start.person)|\(d)"
                        if totals[key] == nil { totals[key] = (d, start.person, .arrangement, 0) }
                    }
                    d = d.adding(days: 1)
                    steps += 1
                }
            }
        }
        return totals.values.map { Observation(day: $0.day, person: $0.person, kind: $0.kind, amount: $0.amount) }
            .sorted { ($0.day, $0.person, $0.kind.rawValue) < ($1.day, $1.person, $1.kind.rawValue) }
    }

    /// The first instant after `day` in the archive's time zone, as Unix seconds.
    private func knownUntil(_ day: LocalDay?) -> Int64? {
        guard let day, let next = time.parse(day.adding(days: 1).description + "T00:00") else { return nil }
        return Int64(next.timeIntervalSince1970)
    }

    /// Everything an estimate needs, read from the catalogue and the event log.
    public func estimateInputs(_ request: EstimateRequest, now: Date = Date()) throws -> EstimateInputs {
        let today = request.asOf ?? LocalDay(now, in: time.timeZone)
        let observations = try self.observations(
            asOf: request.asOf, asKnown: request.asKnown, calendar: request.rates.calendar)
        let (remaining, measured, scope) = try reading { tx in try remainingWork(tx, request: request, today: today) }
        var inputs = EstimateInputs(
            observations: observations, today: today, remaining: remaining, measured: measured, staff: request.staff,
            rates: request.rates, dayRateOverride: request.dayRate, until: request.until, seed: request.seed,
            resamples: request.resamples, scope: scope.vi)
        inputs.scopeText = scope
        inputs.delivery = try deliveryInputs(request)
        inputs.daysPerWeek = request.daysPerWeek
        inputs.copies = try copiesForEstimate()
        if let days = request.windowDays { inputs.window = .lastDaysWithWork(days) }
        return inputs
    }

    /// The estimate of `request` made now, with its inputs; a system clock behind the latest recorded events adds
    /// the warning ``clockNotice(now:asOf:)`` (key `clock_behind`) to the estimate's warnings, nothing else.
    public func makeEstimate(
        _ request: EstimateRequest, now: Date = Date()
    ) throws -> (inputs: EstimateInputs, result: EstimateResult) {
        let inputs = try estimateInputs(request, now: now)
        if let until = request.until, until <= inputs.today {
            throw EstimateError.pastDeadline(until: until.description, today: inputs.today.description)
        }
        var result = KhoEstimation.estimate(inputs)
        if let notice = try clockNotice(now: now, asOf: request.asOf) { result.warnings.insert(notice, at: 0) }
        return (inputs, result)
    }

    /// A warning when this computer's clock is behind the latest events in the log, else nil.
    ///
    /// Events are dated by the clock of whoever recorded them; when this clock is behind them (a flat BIOS battery,
    /// a wrong time zone), "today" comes before the latest work, which is then left out of the estimate ("0 days of
    /// data") without a word. Five minutes' difference between machines is allowed. With `asOf` the day is chosen,
    /// so there is nothing to warn about.
    public func clockNotice(now: Date = Date(), asOf: LocalDay? = nil) throws -> Notice? {
        guard asOf == nil else { return nil }
        let allowed: Int64 = 300
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let today = time.day(of: now)
        let latest = try reading { tx in try tx.estimate.latestEvent() }
        guard let latest, latest.recorded > nowSeconds + allowed || latest.day > today else { return nil }
        let clock = time.dateTime(of: now)
        let recorded = time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(max(latest.recorded, nowSeconds))))
        let lastDay = max(latest.day, String(recorded.prefix(10)))
        return Notice(
            code: "clock_behind", key: "clock_behind",
            message: Text(
                vi:
                    "đồng hồ máy này chỉ \(clock), sớm hơn các sự kiện mới nhất trong nhật ký (ghi tới \(recorded), ngày làm việc tới \(lastDay)): việc làm sau hôm nay bị bỏ ra khỏi dự toán. Hãy chỉnh lại đồng hồ máy (ngày, giờ, múi giờ) rồi lập lại dự toán, hoặc dùng --as-of NGÀY",
                en:
                    "this computer's clock says \(clock), earlier than the latest events in the log (recorded up to \(recorded), work dated up to \(lastDay)): work after today is left out of the estimate. Set the clock right (date, time, time zone) and estimate again, or use --as-of DAY"
            ))
    }

    /// Documents per file and pages per document over the files described so far (files with a document), and the
    /// registered files in scope (not secret; permanent ones when so scoped) whose documents are still to describe.
    private static func measureDocuments(
        _ tx: Stores, request: EstimateRequest, fondsId: Int64?,
        remaining: inout RemainingWork, measured: inout MeasuredRatios
    ) throws {
        guard
            let (files, described, documents, pages, counted) = try tx.estimate.documentMeasures(
                permanentOnly: request.permanentOnly, fondsId: fondsId)
        else { return }
        remaining.filesWithoutDocuments = Double(files - described)
        measured.documentsMeasuredFiles = described
        if described > 0 { measured.documentsPerFile = Double(documents) / Double(described) }
        if counted > 0 { measured.pagesPerDocument = Double(pages) / Double(counted) }
    }

    /// The legal copies measured so far, and the pages of digitized files without a current copy (passed QC, a copy
    /// to rebuild, or recorded by hand before kho: those need masters and a copy too), in the request's scope.
    private func deliveryInputs(_ request: EstimateRequest) throws -> DeliveryInputs {
        let measures = try deliveryMeasures()
        let settings = try deliverySettings()
        let awaiting = try reading { tx in
            try tx.estimate.pagesAwaitingCopy(
                permanentOnly: request.permanentOnly,
                fondsId: try request.fonds.flatMap { try tx.catalogue.fonds(code: Clean.code($0)).id })
        }
        return DeliveryInputs(
            pagesAwaitingCopy: Double(awaiting), storedBytesNow: measures.bytes, copiesMeasured: measures.copies,
            pagesMeasured: measures.pages, bytesPerPage: measures.bytesPerPage, pagesPerHour: measures.pagesPerHour,
            cores: measures.cores,
            pdfShareOfMaster: settings.image == .jpeg ? EstimationDefaults.pdfShareOfMasterJPEG : 1,
            buildSettings: settings.image == .jpeg
                ? Text(
                    vi: "ảnh JPEG chất lượng \(settings.jpegQuality)",
                    en: "JPEG images at quality \(settings.jpegQuality)")
                : Text(vi: "ảnh không nén mất dữ liệu", en: "lossless images"))
    }

    private func remainingWork(
        _ tx: Stores, request: EstimateRequest, today: LocalDay
    ) throws -> (RemainingWork, MeasuredRatios, Text) {
        var fondsId: Int64?
        if let code = request.fonds { fondsId = try tx.catalogue.fonds(code: Clean.code(code)).id }
        var (tree, roots) = try Self.boxFamilies(tx, fondsId: fondsId)
        try Self.countFiles(tx, tree: &tree, into: &roots, permanentOnly: request.permanentOnly)
        var (remaining, totals) = Self.tally(roots.values)
        if request.permanentOnly {
            remaining.scanningShareOfUnarranged = totals.permanentShare ?? 1
        }
        // Stored now: every master on disk, one copy (the estimate multiplies by the copies kept).
        remaining.storedBytesNow = try tx.estimate.storedBytes()
        var measured = try Self.measuredRatios(tx, totals)
        try Self.measureDocuments(tx, request: request, fondsId: fondsId, remaining: &remaining, measured: &measured)
        return (remaining, measured, Self.scopeText(request))
    }

    /// Families: each box as received with the boxes made from it, and the work on the families in `fondsId` (every
    /// fonds when nil) before their files are counted.
    private static func boxFamilies(_ tx: Stores, fondsId: Int64?) throws -> (BoxFamilies, [Int64: Family]) {
        var tree = BoxFamilies()
        var roots: [Int64: Family] = [:]
        for box in try tx.catalogue.boxRows() {
            if let parent = box.fromBoxId {
                tree.add(child: box.id, parent: parent)
                continue
            }
            if let fondsId, box.fondsId != fondsId { continue }
            roots[box.id] = Family(
                fonds: box.fondsId, extentMM: box.extentMM, arranged: box.arranged, keptMM: box.keptMM)
        }
        return (tree, roots)
    }

    /// Adds the files that are not secret to their families: how many, their sheets and pages, digitized or still to scan
    /// (only permanent ones count as to scan when `permanentOnly`).
    private static func countFiles(
        _ tx: Stores, tree: inout BoxFamilies, into roots: inout [Int64: Family], permanentOnly: Bool
    ) throws {
        for group in try tx.estimate.fileGroups() {
            roots[tree.root(of: group.boxId)]?.add(
                files: group.files, withSheets: group.withSheets, sheets: group.sheets, pages: group.pages,
                pagesWithSheets: group.pagesWithSheets, state: group.state, permanent: group.permanent,
                toScan: !permanentOnly || group.permanent)
        }
    }

    /// The work left over all families, and the totals the ratios are measured from.
    private static func tally(_ families: some Sequence<Family>) -> (RemainingWork, FamilyTotals) {
        var remaining = RemainingWork(unarrangedMetres: 0)
        var t = FamilyTotals()
        for family in families {
            t.digitizedPages += family.digitizedPagesWithSheets
            t.digitizedSheets += family.allDigitizedSheets
            guard family.arranged else {
                // Counted sheets come first: the share of the box whose files are counted (or already digitized)
                // is not predicted again from its metres.
                remaining.unarrangedMetres += Double(family.extentMM) / 1000
                if family.files > 0 {
                    let covered = min(family.files, family.filesToScanWithSheets + family.allDigitizedFiles)
                    remaining.sheetsKnownUnscanned += Double(family.sheetsToScan)
                    remaining.unarrangedMetresCounted =
                        (remaining.unarrangedMetresCounted ?? 0) + Double(family.extentMM) / 1000 * Double(covered)
                        / Double(family.files)
                }
                continue
            }
            let kept = family.keptMM ?? family.extentMM
            t.keptMM += kept
            t.extentMM += family.extentMM
            t.allFiles += family.files
            t.permanentFiles += family.permanentFiles
            if family.files > 0 {
                t.filesInArranged += family.files
                t.keptWithFilesMM += kept
                if family.allDigitizedFiles == family.files {
                    t.fullPages += family.digitizedPages
                    t.fullKeptMM += kept
                }
                if family.unknownSheets == 0 {
                    remaining.sheetsKnownUnscanned += Double(family.sheetsToScan)
                } else {
                    remaining.keptMetresUnscannedWithoutSheets +=
                        Double(kept) / 1000 * Double(family.filesToScan) / Double(family.files)
                }
            } else {
                // Arranged but no file list yet: all of it still to scan (the permanent share when so scoped).
                remaining.keptMetresUnscannedWithoutSheets += Double(kept) / 1000
            }
        }
        return (remaining, t)
    }

    /// The ratios measured from the families' totals, and bytes per page from the masters that passed QC: the
    /// median over them, each its bytes ÷ its pages.
    private static func measuredRatios(_ tx: Stores, _ t: FamilyTotals) throws -> MeasuredRatios {
        let (count, middle) = try tx.estimate.bytesPerPageMiddle()
        var measured = MeasuredRatios()
        if t.extentMM > 0 { measured.keptPerExtent = Double(t.keptMM) / Double(t.extentMM) }
        if t.digitizedSheets > 0 && t.digitizedPages > 0 {
            measured.pagesPerSheet = Double(t.digitizedPages) / Double(t.digitizedSheets)
        }
        // Pages per kept metre from under a metre of records says little: the stated default is used below that.
        if t.fullKeptMM >= 1000 && t.fullPages > 0 {
            measured.pagesPerKeptMetre = Double(t.fullPages) / (Double(t.fullKeptMM) / 1000)
        }
        // A handful of masters says little about those to come: the estimate uses the stated default below 20.
        measured.mastersMeasured = count
        if !middle.isEmpty { measured.bytesPerPage = middle.reduce(0, +) / Double(middle.count) }
        if t.keptWithFilesMM > 0 && t.filesInArranged > 0 {
            measured.filesPerKeptMetre = Double(t.filesInArranged) / (Double(t.keptWithFilesMM) / 1000)
        }
        return measured
    }

    /// The request's scope as people read it: permanent records only, one fonds, or the whole archive.
    private static func scopeText(_ request: EstimateRequest) -> Text {
        var scope: [Text] = []
        if request.permanentOnly { scope.append(Text(vi: "chỉ hồ sơ vĩnh viễn", en: "permanent records only")) }
        if let fonds = request.fonds {
            scope.append(Text(vi: "phông " + Clean.code(fonds), en: "fonds " + Clean.code(fonds)))
        }
        if scope.isEmpty { scope.append(Text(vi: "toàn bộ kho", en: "the whole archive")) }
        return Text(vi: scope.map(\.vi).joined(separator: ", "), en: scope.map(\.en).joined(separator: ", "))
    }
}

/// What the families add up to, for the ratios measured from them: arranged families only, but for the digitized
/// pages and sheets of every family.
private struct FamilyTotals {
    var keptMM: Int64 = 0, extentMM: Int64 = 0
    var digitizedPages = 0, digitizedSheets = 0
    var fullPages = 0, fullKeptMM: Int64 = 0
    var filesInArranged = 0, keptWithFilesMM: Int64 = 0
    var permanentFiles = 0, allFiles = 0

    /// The share of permanent files among the files of arranged families; nil when they have none.
    var permanentShare: Double? { allFiles > 0 ? Double(permanentFiles) / Double(allFiles) : nil }
}
