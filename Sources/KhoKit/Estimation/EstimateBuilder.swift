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
        try read { db in
            // The log as it stood on `asOf` (and, `asKnown`, as it was known then): the same limits on the events and
            // on the events that undo or supersede them.
            var limits: [(event: SQL, later: SQL)] = []
            if let asOf {
                limits.append(("e.happened_day <= \(asOf.description)", "later.happened_day <= \(asOf.description)"))
            }
            if asOf != nil && asKnown, let end = knownUntil(asOf) {
                limits.append(("e.recorded_at < \(end)", "later.recorded_at < \(end)"))
            }
            let live: SQL =
                limits.isEmpty
                ? "\(sql: LiveEvent.sql(alias: "e"))"
                : LiveEvent.literal(alias: "e", counting: limits.map(\.later).joined(separator: " AND "))
            let filter = limits.map { " AND \($0.event)" as SQL }.joined()
            let sql: SQL = """
                SELECT e.kind, e.actor, e.happened_day, COALESCE(\(sql: Bounds.sql("e.metres_mm")), 0) AS metres_mm,
                       COALESCE(\(sql: Bounds.sql("e.pages")), 0) AS pages, e.box_id FROM event e
                WHERE e.kind IN ('sort.start', 'sort.finish', 'scan.record', 'scan.ingest') AND NOT e.opening \(filter)
                  AND \(live)
                """
            var totals: [String: (day: LocalDay, person: String, kind: WorkKind, amount: Double)] = [:]
            var starts: [Int64: [(person: String, day: LocalDay)]] = [:]
            var finishes: [Int64: LocalDay] = [:]
            for row in try Row.fetchAll(db, SQLRequest<Row>(literal: sql)) {
                let kindText: String = row["kind"]
                guard let day = LocalDay(iso: row["happened_day"]) else { continue }
                if let box: Int64 = row["box_id"] {
                    if kindText == "sort.start" { starts[box, default: []].append((row["actor"], day)) }
                    if kindText == "sort.finish" { finishes[box] = max(finishes[box] ?? day, day) }
                }
                let kind: WorkKind = kindText.hasPrefix("sort") ? .arrangement : .scanning
                let amount =
                    kind == .arrangement ? Double(row["metres_mm"] as Int64) / 1000 : Double(row["pages"] as Int)
                let key = "\(kind.rawValue)|\(row["actor"] as String)|\(day)"
                totals[key, default: (day, row["actor"], kind, 0)].amount += kindText == "sort.start" ? 0 : amount
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
        let (remaining, measured, scope) = try read { db in try remainingWork(db, request: request, today: today) }
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
        let latest = try read { db -> (recorded: Int64, day: String)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT MAX(recorded_at) AS recorded_at, MAX(happened_day) AS happened_day FROM event"),
                let recorded: Int64 = row["recorded_at"], let day: String = row["happened_day"]
            else { return nil }
            return (recorded, day)
        }
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
        _ db: Database, request: EstimateRequest, fondsId: Int64?,
        remaining: inout RemainingWork, measured: inout MeasuredRatios
    ) throws {
        var scope: SQL = "f.access != 'secret'"
        if request.permanentOnly { scope += " AND f.retention = 'permanent'" }
        if let fondsId { scope += " AND f.box_id IN (SELECT id FROM box WHERE fonds_id = \(fondsId))" }
        guard
            let row = try Row.fetchOne(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT COUNT(*) AS files,
                               COALESCE(SUM(CASE WHEN d.n > 0 THEN 1 ELSE 0 END), 0) AS described,
                               COALESCE(SUM(d.n), 0) AS documents,
                               COALESCE(SUM(d.pages), 0) AS pages, COALESCE(SUM(d.counted), 0) AS counted
                        FROM file f LEFT JOIN (SELECT file_id, COUNT(*) AS n, SUM(pages) AS pages, COUNT(pages) AS counted
                                               FROM document GROUP BY file_id) d ON d.file_id = f.id
                        WHERE \(scope)
                        """))
        else { return }
        let files: Int = row["files"], described: Int = row["described"], documents: Int = row["documents"]
        let pages: Int = row["pages"], counted: Int = row["counted"]
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
        let awaiting = try read { db -> Int64 in
            var sql = """
                SELECT COALESCE(SUM(\(Bounds.sql("f.pages"))), 0) FROM file f JOIN box b ON b.id = f.box_id
                WHERE f.scan_state IN ('passed', 'recorded', 'rebuild') AND f.access != 'secret'
                """
            var arguments: StatementArguments = []
            if request.permanentOnly { sql += " AND f.retention = 'permanent'" }
            if let code = request.fonds {
                sql += " AND b.fonds_id = ?"
                arguments += [try Lookup.fonds(db, code: Clean.code(code)).id]
            }
            return try Int64.fetchOne(db, sql: sql, arguments: arguments) ?? 0
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
        _ db: Database, request: EstimateRequest, today: LocalDay
    ) throws -> (RemainingWork, MeasuredRatios, Text) {
        var fondsId: Int64?
        if let code = request.fonds { fondsId = try Lookup.fonds(db, code: Clean.code(code)).id }
        var (tree, roots) = try Self.boxFamilies(db, fondsId: fondsId)
        try Self.countFiles(db, tree: &tree, into: &roots, permanentOnly: request.permanentOnly)
        var (remaining, totals) = Self.tally(roots.values)
        if request.permanentOnly {
            remaining.scanningShareOfUnarranged = totals.permanentShare ?? 1
        }
        // Stored now: every master on disk, one copy (the estimate multiplies by the copies kept).
        remaining.storedBytesNow = try Self.storedBytes(db)
        var measured = try Self.measuredRatios(db, totals)
        try Self.measureDocuments(db, request: request, fondsId: fondsId, remaining: &remaining, measured: &measured)
        return (remaining, measured, Self.scopeText(request))
    }

    /// Families: each box as received with the boxes made from it, and the work on the families in `fondsId` (every
    /// fonds when nil) before their files are counted.
    private static func boxFamilies(_ db: Database, fondsId: Int64?) throws -> (BoxFamilies, [Int64: Family]) {
        var tree = BoxFamilies()
        var roots: [Int64: Family] = [:]
        for row in try Row.fetchAll(
            db,
            sql:
                "SELECT id, fonds_id, \(Bounds.sql("extent_mm")) AS extent_mm, from_box_id, arrangement, \(Bounds.sql("kept_mm")) AS kept_mm FROM box"
        ) {
            let id: Int64 = row["id"]
            if let p: Int64 = row["from_box_id"] {
                tree.add(child: id, parent: p)
                continue
            }
            if let fondsId, (row["fonds_id"] as Int64) != fondsId { continue }
            roots[id] = Family(
                fonds: row["fonds_id"], extentMM: row["extent_mm"],
                arranged: (row["arrangement"] as String) == ArrangementState.arranged.rawValue,
                keptMM: row["kept_mm"])
        }
        return (tree, roots)
    }

    /// Adds the files that are not secret to their families: how many, their sheets and pages, digitized or still to scan
    /// (only permanent ones count as to scan when `permanentOnly`).
    private static func countFiles(
        _ db: Database, tree: inout BoxFamilies, into roots: inout [Int64: Family],
        permanentOnly: Bool
    ) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT box_id, scan_state, retention = 'permanent' AS permanent, COUNT(*) AS files, COUNT(sheets) AS with_sheets,
                       COALESCE(SUM(\(Bounds.sql("sheets"))), 0) AS sheets, COALESCE(SUM(\(Bounds.sql("pages"))), 0) AS pages,
                       COALESCE(SUM(CASE WHEN sheets > 0 THEN \(Bounds.sql("pages")) END), 0) AS pages_with_sheets
                FROM file WHERE access != 'secret' GROUP BY box_id, scan_state, retention = 'permanent'
                """)
        {
            let permanent: Bool = row["permanent"] ?? false
            roots[tree.root(of: row["box_id"])]?.add(
                files: row["files"], withSheets: row["with_sheets"], sheets: row["sheets"], pages: row["pages"],
                pagesWithSheets: row["pages_with_sheets"], state: ScanState(rawValue: row["scan_state"]) ?? .none,
                permanent: permanent, toScan: !permanentOnly || permanent)
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

    /// The ratios measured from the families' totals, and bytes per page from the masters that passed QC.
    /// The bytes of every master on disk, from two covering indexes (hashed ones by `master_copy_expected`, the few
    /// never hashed by `master_unsound`), never by reading every master's row.
    static func storedBytes(_ db: Database) throws -> Int64 {
        let size = Bounds.sql("size")
        return try Int64.fetchOne(
            db,
            sql: """
                SELECT (SELECT COALESCE(SUM(\(size)), 0) FROM master INDEXED BY master_copy_expected
                        WHERE sha256 IS NOT NULL AND NOT missing)
                     + (SELECT COALESCE(SUM(\(size)), 0) FROM master INDEXED BY master_unsound
                        WHERE NOT missing AND (NOT readable OR sha256 IS NULL) AND sha256 IS NULL)
                """) ?? 0
    }

    private static func measuredRatios(_ db: Database, _ t: FamilyTotals) throws -> MeasuredRatios {
        // Bytes per page: the median over masters that passed QC, each its bytes ÷ its pages, read from the
        // master_bytes_per_page index (the middle one or two of half a million, not all of them into memory).
        let passed = "readable AND NOT missing AND problem_count = 0 AND pages > 0 AND size > 0"
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM master WHERE \(passed)") ?? 0
        let middle =
            count == 0
            ? []
            : try Double.fetchAll(
                db,
                sql: """
                    SELECT CAST(size AS REAL) / pages FROM master WHERE \(passed)
                    ORDER BY CAST(size AS REAL) / pages LIMIT ? OFFSET ?
                    """, arguments: [2 - count % 2, (count - 1) / 2])

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
