/// Estimates the time, staff-days, money and storage left, from recorded work and the catalogue's counts.
///
/// Pure: the same inputs give the same result on every machine. Never traps on
/// empty or degenerate input; every number in the result is finite.
/// See ``PredictiveBootstrap`` for the method, and ``StaffPlan`` for what counts as extra cost.
public func estimate(_ inputs: EstimateInputs) -> EstimateResult {
    let ratios = ResolvedRatios(inputs.measured)
    let rem = inputs.remaining
    let histories = WorkKind.allCases.map {
        WorkHistory(kind: $0, observations: inputs.observations, today: inputs.today, window: inputs.window)
    }
    let arrangementHistory = histories[0]
    let scanningHistory = histories[1]
    let dayRate = Sourced(
        inputs.dayRateOverride ?? inputs.rates.dayRate.value,
        source: inputs.dayRateOverride == nil ? inputs.rates.dayRate.source : "what-if --day-rate")

    // Quantities.
    let unarranged = clean(rem.unarrangedMetres)
    let share = min(1, max(0, rem.scanningShareOfUnarranged.map(clean) ?? 1))
    let keptToScan = unarranged * ratios.keptPerExtent * share + clean(rem.keptMetresUnscannedWithoutSheets)
    let pages = clean(rem.pagesKnownUnscanned) + clean(rem.sheetsKnownUnscanned) * ratios.pagesPerSheet
        + keptToScan * ratios.pagesPerKeptMetre
    // Files and documents are counted whole.
    let files = (clean(rem.filesToDescribe) + unarranged * ratios.keptPerExtent * share * ratios.filesPerKeptMetre).rounded()
    let documents = (rem.documentsToDescribe.map(clean) ?? files * ratios.documentsPerFile).rounded()

    // Money lines (contractor variant); describing goes with digitization, as in Vietnamese unit prices.
    let c = inputs.rates.contractor
    let contractorLines = [
        MoneyLine(part: "arrangement", item: "per_metre_arranged", quantity: unarranged, unit: "m", price: c.perMetreArranged),
        MoneyLine(part: "scanning", item: "per_page_scanned", quantity: pages, unit: "page", price: c.perPageScanned),
        MoneyLine(part: "scanning", item: "per_file_described", quantity: files, unit: "file", price: c.perFileDescribed),
        MoneyLine(part: "scanning", item: "per_document_described", quantity: documents, unit: "document", price: c.perDocumentDescribed),
    ]
    func contractorTotal(_ part: String) -> Int64 {
        contractorLines.filter { $0.part == part }.reduce(0) { $0 &+ $1.amountVND }
    }

    let a = PartProjector(kind: .arrangement, history: arrangementHistory, remaining: unarranged, inputs: inputs)
        .project(contractorVND: contractorTotal("arrangement"), dayRate: dayRate.value)
    let s = PartProjector(kind: .scanning, history: scanningHistory, remaining: pages, inputs: inputs)
        .project(contractorVND: contractorTotal("scanning"), dayRate: dayRate.value)

    let total = combine(a, s, inputs: inputs)
    let oneOffLines = inputs.rates.oneOff.map {
        MoneyLine(part: "one_off", item: $0.name, quantity: 1, unit: "item", price: Sourced($0.amountVND, source: $0.source))
    }
    let oneOffTotal = oneOffLines.reduce(Int64(0)) { $0 &+ $1.amountVND }
    let inHouseLines = [(WorkKind.arrangement, a), (.scanning, s)].map { kind, out in
        MoneyLine(part: kind.rawValue, item: "day_rate", quantity: out.projection.extraStaffDays.p50,
            unit: "staff-day", price: dayRate)
    }
    let money = MoneyBreakdown(
        contractor: contractorLines, inHouse: inHouseLines, oneOff: oneOffLines,
        contractorTotalVND: total.contractorVND &+ oneOffTotal,
        inHouseTotalVND: total.costVND.map { $0 &+ oneOffTotal }, oneOffTotalVND: oneOffTotal)

    // Storage.
    let copies = max(1, inputs.rates.copies.value)
    let remainingBytes = roundedVND(pages * ratios.bytesPerPage * Double(copies))
    let stored = max(0, rem.storedBytesNow)
    let storage = StorageEstimate(
        remainingBytes: remainingBytes, storedBytesNow: stored,
        totalBytes: stored.addingReportingOverflow(remainingBytes).overflow ? Int64.max : stored + remainingBytes,
        bytesPerPage: ratios.bytesPerPage, copies: copies, copiesSource: inputs.rates.copies.source)

    // Warnings.
    let noData = arrangementHistory.personDays.isEmpty && scanningHistory.personDays.isEmpty
    var warnings: [Notice] = noData ? [Notice(code: "no_data", message: Texts.noData)] : []
    for (kind, history, out) in [(WorkKind.arrangement, arrangementHistory, a), (.scanning, scanningHistory, s)] {
        if !noData && out.projection.weak { warnings.append(Texts.weak(kind, days: history.days.count)) }
        if let d = out.projection.drift, d.drifting { warnings.append(Texts.drift(kind, d)) }
        warnings += out.notices
    }
    if unarranged > 0, s.projection.finishDate.p50 < a.projection.finishDate.p50 {
        warnings.append(Texts.scanningWaits)
    }
    if let until = inputs.until, total.staffNeededByUntil == nil {
        warnings.append(Texts.noWorkingDayBeforeUntil(until))
    }

    let allDays = Set(arrangementHistory.days + scanningHistory.days)
    return EstimateResult(
        scope: inputs.scope, today: inputs.today, noData: noData, daysOfData: allDays.count,
        weak: a.projection.weak || s.projection.weak, warnings: warnings,
        assumptions: ratios.assumptions + a.assumptions + s.assumptions + [Texts.parallel],
        arrangement: ArrangementEstimate(
            remainingMetres: unarranged,
            rateMetresPerDay: a.projection.ratePerPersonDay * Double(a.projection.plannedStaff),
            projection: a.projection),
        scanning: ScanningEstimate(
            remainingPages: pages,
            ratePagesPerDay: s.projection.ratePerPersonDay * Double(s.projection.plannedStaff),
            pagesPerMetre: ratios.pagesPerKeptMetre, pagesPerSheet: ratios.pagesPerSheet,
            keptPerExtent: ratios.keptPerExtent, keptMetresToScan: keptToScan, projection: s.projection),
        storage: storage, total: total, money: money, until: inputs.until,
        throughput: throughputTable(histories),
        method: MethodNote(resamples: EstimationDefaults.clampedResamples(inputs.resamples), seed: inputs.seed, window: inputs.window, description: Texts.method))
}

/// Both parts in parallel by separate staff: per resample, the later finish and the summed staff-days and cost.
private func combine(_ a: PartProjector.Output, _ s: PartProjector.Output, inputs: EstimateInputs) -> TotalEstimate {
    let n = min(a.personDays.count, s.personDays.count)
    var days = [Double](repeating: 0, count: n)
    var staffDays = [Double](repeating: 0, count: n)
    var cost = [Double](repeating: 0, count: n)
    for i in 0..<n {
        days[i] = Double(max(a.workingDays[i], s.workingDays[i]))
        staffDays[i] = a.personDays[i] + s.personDays[i]
        cost[i] = Double(a.cost[i]) + Double(s.cost[i])
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
        staffDays: band(staffDays), costVND: band(cost).map(roundedVND),
        contractorVND: a.projection.contractorVND &+ s.projection.contractorVND, staffNeededByUntil: needed)
}
