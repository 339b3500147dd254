/// Estimates the time, staff-days, money and storage left, from recorded work and the catalogue's counts.
///
/// Pure: the same inputs give the same result on every machine. Never traps on
/// empty or degenerate input; every number in the result is finite.
/// See ``PredictiveBootstrap`` for the method, and ``StaffPlan`` for what counts as extra cost.
public func estimate(_ inputs: EstimateInputs) -> EstimateResult {
    let ratios = ResolvedRatios(inputs.measured)
    let histories = WorkKind.allCases.map {
        WorkHistory(kind: $0, observations: inputs.observations, today: inputs.today, window: inputs.window)
    }
    let arrangementHistory = histories[0]
    let scanningHistory = histories[1]
    let dayRate = effectiveDayRate(inputs)
    let q = RemainingQuantities(inputs, ratios: ratios)

    // Money lines (contractor variant); describing is a part of its own, priced and timed in both variants.
    let contractorLines = contractorMoneyLines(q, prices: inputs.rates.contractor)
    let (a, s) = projectParts(inputs, histories, q, contractor: contractorLines, dayRate: dayRate.value)
    var describing = q.describing
    let describingWork = DescriptionWork.make(
        files: q.files, documents: q.documents, today: inputs.today, daysPerWeek: inputs.planDaysPerWeek,
        calendar: inputs.rates.calendar)
    describing.work = describingWork
    let total = combine(a, s, inputs: inputs, describingDays: describingWork.workingDays)

    // Pace: availability as measured, and the finish it sustains.
    let resamples = EstimationDefaults.clampedResamples(inputs.resamples)
    var (sa, ss) = sustainedProjections(inputs, q, resamples: resamples)
    // The sustained pace rests on the same weeks of work: no band where the plan has none.
    sa.projection.bandWithheld = a.projection.bandWithheld
    ss.projection.bandWithheld = s.projection.bandWithheld
    var sustainedTotal = combineSustained(sa, ss, today: inputs.today, calendar: inputs.rates.calendar)
    sustainedTotal.bandWithheld = total.bandWithheld
    let sustained = SustainedByPart(arrangement: sa.projection, scanning: ss.projection, total: sustainedTotal)

    let storageBase = storageEstimate(inputs, q, ratios: ratios)
    let (delivery, deliveryAssumptions) = DeliveryEstimate.make(
        inputs.delivery ?? DeliveryInputs(), pagesToScan: q.pages, storage: storageBase)
    var storage = storageBase
    storage.pdf = PDFStorage(delivery)
    let money = moneyBreakdown(
        contractor: contractorLines, a, s, describing: describingWork, storage: storage, delivery: delivery,
        inputs: inputs, dayRate: dayRate)
    let deadline = deadlinePlan(inputs, a, s, money: money, dayRate: dayRate.value)

    let noData = arrangementHistory.personDays.isEmpty && scanningHistory.personDays.isEmpty
    var warnings = estimateWarnings(
        inputs, q, noData: noData, histories: (arrangementHistory, scanningHistory), projected: (a, s),
        sustained: (sa, ss), total: total)
    warnings =
        deadlineWarnings(inputs, deadline, total: total, money: money, projected: (a.projection, s.projection))
        + warnings

    let allDays = Set(arrangementHistory.days + scanningHistory.days)
    return EstimateResult(
        scope: inputs.scope, scopeText: inputs.scopeText, today: inputs.today, daysPerWeek: inputs.planDaysPerWeek,
        noData: noData, daysOfData: allDays.count,
        weak: a.projection.weak || s.projection.weak, warnings: warnings,
        assumptions: ratios.assumptions + a.assumptions + s.assumptions + deliveryAssumptions
            + [Texts.describingRate, Texts.parallel],
        arrangement: arrangementEstimate(q, a), scanning: scanningEstimate(q, s, ratios: ratios),
        storage: storage, delivery: delivery, documents: describing, total: total, money: money, until: inputs.until,
        pace: PaceByPart(arrangement: sa.pace, scanning: ss.pace), sustained: sustained, deadline: deadline,
        throughput: throughputTable(histories),
        method: MethodNote(
            resamples: resamples, seed: inputs.seed, window: inputs.window, description: Texts.method,
            sustainedDescription: Texts.sustainedMethod))
}

/// The day rate for extra staff: the what-if override when given, else the rates file's.
private func effectiveDayRate(_ inputs: EstimateInputs) -> Sourced<Int64> {
    Sourced(
        inputs.dayRateOverride ?? inputs.rates.dayRate.value,
        source: inputs.dayRateOverride == nil ? inputs.rates.dayRate.source : .whatIf(option: "--day-rate"))
}

/// Both parts projected under the plan, each with its contractor lines' total.
private func projectParts(
    _ inputs: EstimateInputs, _ histories: [WorkHistory], _ q: RemainingQuantities, contractor: [MoneyLine],
    dayRate: Int64
) -> (PartProjector.Output, PartProjector.Output) {
    func contractorTotal(_ part: String) -> Int64 {
        contractor.filter { $0.part == part }.reduce(0) { $0 &+ $1.amountVND }
    }
    let a = PartProjector(kind: .arrangement, history: histories[0], remaining: q.unarranged, inputs: inputs)
        .project(contractorVND: contractorTotal("arrangement"), dayRate: dayRate)
    let s = PartProjector(kind: .scanning, history: histories[1], remaining: q.pages, inputs: inputs)
        .project(contractorVND: contractorTotal("scanning"), dayRate: dayRate)
    return (a, s)
}

/// Arrangement's figures: metres left and the planned team's metres a day.
private func arrangementEstimate(_ q: RemainingQuantities, _ a: PartProjector.Output) -> ArrangementEstimate {
    ArrangementEstimate(
        remainingMetres: q.unarranged,
        rateMetresPerDay: a.projection.ratePerPersonDay * Double(a.projection.plannedStaff),
        projection: a.projection)
}

/// Scanning's figures: pages left, the planned team's pages a day, and the ratios the pages were counted with.
private func scanningEstimate(
    _ q: RemainingQuantities, _ s: PartProjector.Output, ratios: ResolvedRatios
) -> ScanningEstimate {
    ScanningEstimate(
        remainingPages: q.pages,
        ratePagesPerDay: s.projection.ratePerPersonDay * Double(s.projection.plannedStaff),
        pagesPerMetre: ratios.pagesPerKeptMetre, pagesPerSheet: ratios.pagesPerSheet,
        keptPerExtent: ratios.keptPerExtent, keptMetresToScan: q.keptToScan, projection: s.projection,
        pagesBySource: PagesBySource(
            counted: q.pagesCounted, fromSheets: q.pagesFromSheets, fromMetres: q.pagesFromMetres))
}

/// What is left to do, in the units each part is counted in: metres to arrange, pages to scan, files and documents
/// to describe.
private struct RemainingQuantities {
    var unarranged: Double
    var keptToScan: Double
    var pages: Double
    var pagesCounted: Double
    var pagesFromSheets: Double
    var pagesFromMetres: Double
    var files: Double
    var documents: Double
    var describing: DescriptionEstimate

    init(_ inputs: EstimateInputs, ratios: ResolvedRatios) {
        let rem = inputs.remaining
        unarranged = clean(rem.unarrangedMetres)
        let share = min(1, max(0, rem.scanningShareOfUnarranged.map(clean) ?? 1))
        let byMetre = max(0, unarranged - (rem.unarrangedMetresCounted.map(clean) ?? 0))
        keptToScan = byMetre * ratios.keptPerExtent * share + clean(rem.keptMetresUnscannedWithoutSheets)
        pagesCounted = clean(rem.pagesKnownUnscanned)
        pagesFromSheets = clean(rem.sheetsKnownUnscanned) * ratios.pagesPerSheet
        pagesFromMetres = keptToScan * ratios.pagesPerKeptMetre
        pages = pagesCounted + pagesFromSheets + pagesFromMetres
        // Files and documents are counted whole.
        files = (clean(rem.filesToDescribe) + byMetre * ratios.keptPerExtent * share * ratios.filesPerKeptMetre)
            .rounded()
        documents =
            (rem.documentsToDescribe.map(clean) ?? (files + clean(rem.filesWithoutDocuments)) * ratios.documentsPerFile)
            .rounded()
        describing = DescriptionEstimate(
            filesPredicted: files, filesWithoutDocuments: clean(rem.filesWithoutDocuments),
            documentsToDescribe: documents,
            documentsPerFile: ratios.documentsPerFile,
            documentsPerFileSource: ratios.documentsPerFileMeasured ? .measured : .assumed,
            filesMeasured: inputs.measured.documentsMeasuredFiles ?? 0,
            pagesPerDocument: inputs.measured.pagesPerDocument)
    }
}

/// The contractor's price of what is left, line by line.
private func contractorMoneyLines(_ q: RemainingQuantities, prices c: ContractorRates) -> [MoneyLine] {
    [
        MoneyLine(
            part: "arrangement", item: "per_metre_arranged", quantity: q.unarranged, unit: "m",
            price: c.perMetreArranged),
        MoneyLine(part: "scanning", item: "per_page_scanned", quantity: q.pages, unit: "page", price: c.perPageScanned),
        MoneyLine(
            part: "description", item: "per_file_described", quantity: q.files, unit: "file",
            price: c.perFileDescribed),
        MoneyLine(
            part: "description", item: "per_document_described", quantity: q.documents, unit: "document",
            price: c.perDocumentDescribed),
    ]
}

/// The money lines of all three variants: the contractor's, in-house staff-days at the day rate (arrangement and
/// scanning by extra staff, describing by whoever does it), and one-off costs with the storage still to buy.
private func moneyBreakdown(
    contractor: [MoneyLine], _ a: PartProjector.Output, _ s: PartProjector.Output, describing: DescriptionWork,
    storage: StorageEstimate, delivery: DeliveryEstimate, inputs: EstimateInputs, dayRate: Sourced<Int64>
) -> MoneyBreakdown {
    var oneOffLines = inputs.rates.oneOff.map {
        MoneyLine(
            part: "one_off", item: $0.name, quantity: 1, unit: "item", price: Sourced($0.amountVND, source: $0.source))
    }
    if let perTB = inputs.rates.storagePerTB {
        // Masters and PDF/A copies still to store, every copy kept.
        let bytes = Double(addVND(storage.remainingBytes, delivery.remainingBytes))
        oneOffLines.append(
            MoneyLine(
                part: "storage", item: "storage_per_tb", quantity: bytes / EstimationDefaults.bytesPerTB, unit: "TB",
                price: perTB))
    }
    let inHouseLines =
        [(WorkKind.arrangement, a), (.scanning, s)].map { kind, out in
            MoneyLine(
                part: kind.rawValue, item: "day_rate", quantity: out.projection.extraStaffDays.p50,
                unit: "staff-day", price: dayRate,
                quantityBand: out.projection.bandWithheld == nil ? out.projection.extraStaffDays : nil)
        }
        + [
            MoneyLine(
                part: "description", item: "day_rate", quantity: describing.staffDays, unit: "staff-day",
                price: dayRate)
        ]
    return MoneyBreakdown(contractor: contractor, inHouse: inHouseLines, oneOff: oneOffLines)
}

/// One part projected at the pace measured so far, with its finish per resample.
private typealias SustainedPart = (pace: Pace, projection: SustainedProjection, days: [Double]?)

/// Each part at the pace measured so far.
private func sustainedProjections(
    _ inputs: EstimateInputs, _ q: RemainingQuantities,
    resamples: Int
) -> (arrangement: SustainedPart, scanning: SustainedPart) {
    let calendar = inputs.rates.calendar
    let sa = SustainedProjector(
        kind: .arrangement, observations: inputs.observations, today: inputs.today, calendar: calendar
    )
    .project(remaining: q.unarranged, resamples: resamples, seed: inputs.seed ^ 0x5A5A_1234_9E37_79B9)
    let ss = SustainedProjector(
        kind: .scanning, observations: inputs.observations, today: inputs.today, calendar: calendar
    )
    .project(remaining: q.pages, resamples: resamples, seed: inputs.seed ^ 0x3C6E_F372_FE94_F82B)
    return (sa, ss)
}

/// What finishing by `until` takes, per part and in money; nil without `until`.
private func deadlinePlan(
    _ inputs: EstimateInputs, _ a: PartProjector.Output, _ s: PartProjector.Output,
    money: MoneyBreakdown, dayRate: Int64
) -> Deadline? {
    guard let until = inputs.until else { return nil }
    let available = inputs.rates.calendar.workingDays(after: inputs.today, through: until)
    var d = Deadline(
        until: until, workingDaysAvailable: available, daysPerWeek: inputs.planDaysPerWeek, arrangement: nil,
        scanning: nil,
        inHouseTotalVND: money.oneOffTotalVND, contractorTotalVND: money.contractorTotalVND,
        oneOffTotalVND: money.oneOffTotalVND)
    if available > 0 {
        let parts = [a, s].map {
            Deadline.part(
                personDays: $0.projection.staffDays, available: available, daysPerWeek: inputs.planDaysPerWeek,
                current: $0.projection.currentStaff, dayRate: dayRate)
        }
        d.arrangement = parts[0]
        d.scanning = parts[1]
        let describing = money.inHouse.filter { $0.part == "description" }.reduce(Int64(0)) { addVND($0, $1.amountVND) }
        d.inHouseTotalVND = addVND(
            addVND(addVND(parts[0].costVND, parts[1].costVND), describing), money.oneOffTotalVND)
        d.inHouseTotalVNDP90 = addVND(
            addVND(addVND(parts[0].costVNDP90, parts[1].costVNDP90), describing), money.oneOffTotalVND)
    }
    return d
}

/// The storage the masters still to scan will take, with the copies kept.
private func storageEstimate(
    _ inputs: EstimateInputs, _ q: RemainingQuantities, ratios: ResolvedRatios
) -> StorageEstimate {
    let copies = copiesKept(inputs)
    var storage = StorageEstimate(
        remainingPages: q.pages, storedBytesPerCopy: inputs.remaining.storedBytesNow, bytesPerPage: ratios.bytesPerPage,
        source: ratios.bytesPerPageMeasured ? .measured : .assumed, mastersMeasured: ratios.mastersMeasured,
        copies: copies.value, copiesSource: copies.source)
    if let registered = inputs.copies, registered.count > 1 { storage.apply(registered) }
    return storage
}

/// The number of copies kept of every master and PDF/A copy, and where it comes from: the one place it is read. The
/// registered copies when any beyond the primary is registered (`kho copies`), else the rates file's (the plan).
func copiesKept(_ inputs: EstimateInputs) -> Sourced<Int> {
    if let registered = inputs.copies, registered.count > 1 {
        return Sourced(
            registered.count, source: .registeredCopies(names: registered.map(\.name).joined(separator: ", ")))
    }
    return Sourced(max(1, inputs.rates.copies.value), source: inputs.rates.copies.source)
}

/// The warnings on the estimate: no or weak data, drift, idle parts, scanning waiting on arrangement, no working day.
private func estimateWarnings(
    _ inputs: EstimateInputs, _ q: RemainingQuantities, noData: Bool, histories: (WorkHistory, WorkHistory),
    projected: (a: PartProjector.Output, s: PartProjector.Output), sustained: (SustainedPart, SustainedPart),
    total: TotalEstimate
) -> [Notice] {
    let (a, s) = projected
    var warnings: [Notice] = noData ? [Notice(code: "no_data", message: Texts.noData)] : []
    for (kind, history, out) in [(WorkKind.arrangement, histories.0, a), (.scanning, histories.1, s)] {
        if !noData && out.projection.weak { warnings.append(Texts.weak(kind, days: history.days.count)) }
        if let d = out.projection.drift, d.drifting { warnings.append(Texts.drift(kind, d)) }
        warnings += out.notices
    }
    for (kind, p, remaining) in [(WorkKind.arrangement, sustained.0, q.unarranged), (.scanning, sustained.1, q.pages)]
    where remaining > 0 {
        if p.pace.idle { warnings.append(Texts.idle(kind, p.pace)) }
        if p.projection.finishDate == nil && p.pace.lastWork != nil {
            warnings.append(Texts.neverAtSustainedPace(kind))
        }
    }
    if q.unarranged > 0, s.projection.finishDate.p50 < a.projection.finishDate.p50 {
        warnings.append(Texts.scanningWaits)
    }
    if let until = inputs.until, total.staffNeededByUntil == nil {
        warnings.append(Texts.noWorkingDayBeforeUntil(until))
    }
    return warnings
}

/// Both parts at the sustained pace: per resample the later finish; nil dates when either part cannot be projected.
private func combineSustained(
    _ a: SustainedPart, _ s: SustainedPart, today: LocalDay, calendar: WorkingCalendar
) -> SustainedProjection {
    let perWeek = a.pace.personDaysPerWeek + s.pace.personDaysPerWeek
    guard let da = a.days, let ds = s.days else {
        return SustainedProjection(personDaysPerWeek: perWeek, workingDays: nil, finishDate: nil, capped: false)
    }
    let n = min(da.count, ds.count)
    let later = (0..<n).map { max(da[$0], ds[$0]) }.sorted()
    let band = Band(
        p10: Statistics.quantile(sorted: later, 0.1), p50: Statistics.quantile(sorted: later, 0.5),
        p90: Statistics.quantile(sorted: later, 0.9))
    let finish = band.map { SustainedProjector.finishDay(calendarDays: $0, after: today, calendar: calendar) }
    return SustainedProjection(
        personDaysPerWeek: perWeek, workingDays: finish.map { calendar.workingDays(after: today, through: $0) },
        finishDate: finish, capped: a.projection.capped || s.projection.capped)
}

/// Both parts in parallel by separate staff: per resample, the later finish and the summed staff-days and cost.
private func combine(
    _ a: PartProjector.Output, _ s: PartProjector.Output, inputs: EstimateInputs, describingDays: Int
) -> TotalEstimate {
    let n = min(a.personDays.count, s.personDays.count)
    var days = [Double](repeating: 0, count: n)
    var staffDays = [Double](repeating: 0, count: n)
    for i in 0..<n {
        days[i] = Double(max(a.workingDays[i], s.workingDays[i], describingDays))
        staffDays[i] = a.personDays[i] + s.personDays[i]
    }
    func band(_ v: [Double]) -> Band<Double> {
        let sorted = v.sorted()
        return Band(
            p10: Statistics.quantile(sorted: sorted, 0.1), p50: Statistics.quantile(sorted: sorted, 0.5),
            p90: Statistics.quantile(sorted: sorted, 0.9))
    }
    let wd = band(days).map { Int($0) }
    let calendar = inputs.rates.calendar
    var needed: Band<Int>?
    if let na = a.projection.staffNeededByUntil, let ns = s.projection.staffNeededByUntil {
        needed = Band(p10: na.p10 + ns.p10, p50: na.p50 + ns.p50, p90: na.p90 + ns.p90)
    }
    return TotalEstimate(
        workingDays: wd, finishDate: wd.map { calendar.adding(workingDays: $0, after: inputs.today) },
        staffDays: band(staffDays),
        costVND: Band(
            p10: addVND(a.projection.costVND.p10, s.projection.costVND.p10),
            p50: addVND(a.projection.costVND.p50, s.projection.costVND.p50),
            p90: addVND(a.projection.costVND.p90, s.projection.costVND.p90)),
        contractorVND: a.projection.contractorVND &+ s.projection.contractorVND, staffNeededByUntil: needed,
        bandWithheld: a.projection.bandWithheld ?? s.projection.bandWithheld)
}
