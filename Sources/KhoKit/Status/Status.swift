import Foundation

/// How many files (and their pages) stand on each rung of the digitization ladder.
public struct Ladder: Codable, Sendable, Hashable {
    public var none = 0
    public var recorded = 0
    public var passed = 0
    public var rescan = 0
    /// Pages outside sheets…2 × sheets, not confirmed: not digitized.
    public var mismatch = 0
    /// A checked master changed: not digitized until a person accepts the new content.
    public var review = 0
    /// A master changed after the delivery copy was built.
    public var rebuild = 0
    public var delivered = 0
    public var secret = 0

    /// Files counted as digitized: recorded, passed and delivered.
    public var digitized: Int { recorded + passed + delivered }

    mutating func add(_ files: Int, to state: ScanState) {
        switch state {
        case .none: none += files
        case .recorded: recorded += files
        case .passed: passed += files
        case .rescan: rescan += files
        case .mismatch: mismatch += files
        case .review: review += files
        case .rebuild: rebuild += files
        case .delivered: delivered += files
        }
    }

    /// Adds another fonds' ladder.
    mutating func add(_ other: Ladder) {
        none += other.none
        recorded += other.recorded
        passed += other.passed
        rescan += other.rescan
        mismatch += other.mismatch
        review += other.review
        rebuild += other.rebuild
        delivered += other.delivered
        secret += other.secret
    }
}

/// Progress in metres, boxes, files, sheets and pages, counted as DESIGN.md says. Lengths are in metres, rounded to
/// the millimetre; they are counted in millimetres (``StatusTally``) and turned into metres once.
public struct StatusFigures: Codable, Sendable, Hashable {
    /// The decimals a length is shown with: metres digitized to the centimetre, the others to the millimetre
    /// (``Format/digitizedMetreDigits``, ``Format/metreDigits``). Each fonds' length is rounded to them.
    static func shownDigits(_ metres: KeyPath<StatusFigures, Double>) -> Int {
        metres == \.digitizedMetres ? Format.digitizedMetreDigits : Format.metreDigits
    }

    /// Σ extent of boxes as received (boxes made by arranging another box never add to it).
    public var totalMetres = 0.0
    /// Σ extent of boxes as received whose arrangement is finished.
    public var arrangedMetres = 0.0
    /// What finished arrangement kept.
    public var keptMetres = 0.0
    /// What finished arrangement proposed for destruction.
    public var weededMetres = 0.0
    /// Σ extent × the box's digitized share (by sheets where every file's sheets are known, else by files).
    public var digitizedMetres = 0.0
    /// Boxes registered (all, including boxes made by arrangement).
    public var boxes = 0
    /// Boxes and bundles as received.
    public var boxesReceived = 0
    public var files = 0
    /// Sheets counted in files whose sheets are known.
    public var sheets = 0
    public var filesWithoutSheets = 0
    /// Pages of digitized files (recorded, passed, delivered).
    public var pagesScanned = 0
    public var ladder = Ladder()
    /// Files on each digitized rung, as metres: recorded (by hand), passed, delivered.
    public var digitizedSplitMetres: [String: Double] = [:]
    /// The destruction list: metres and sheets proposed (waiting for the appraisal council), approved and destroyed.
    public var weed = WeedFigures()

    enum CodingKeys: String, CodingKey {
        case boxes, files, sheets, ladder, weed
        case totalMetres = "total_m"
        case arrangedMetres = "arranged_m"
        case keptMetres = "kept_m"
        case weededMetres = "weeded_m"
        case digitizedMetres = "digitized_m"
        case boxesReceived = "boxes_received"
        case filesWithoutSheets = "files_without_sheets"
        case pagesScanned = "pages_scanned"
        case digitizedSplitMetres = "digitized_split_m"
    }
}

/// The whole catalogue's progress, and each fonds'.
public struct Status: Codable, Sendable, Hashable {
    public var asOf: String
    public var progress: StatusFigures
    public var fonds: [FondsProgress]
    /// The registered copies and what each holds, when there is more than the primary or it was audited.
    public var copies: CopiesSummary?

    /// One fonds' progress.
    public struct FondsProgress: Codable, Sendable, Hashable {
        public var code: String
        public var name: String
        public var progress: StatusFigures
    }

    enum CodingKeys: String, CodingKey {
        case fonds, progress, copies
        case asOf = "as_of"
    }

    public func encode(to encoder: Encoder) throws {
        // The headline figures stand at the top level, so that scripts read `total_m` directly.
        try progress.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(fonds, forKey: .fonds)
        try container.encodeIfPresent(copies, forKey: .copies)
    }

    public init(asOf: String, progress: StatusFigures, fonds: [FondsProgress]) {
        self.asOf = asOf
        self.progress = progress
        self.fonds = fonds
    }

    public init(from decoder: Decoder) throws {
        progress = try StatusFigures(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try container.decode(String.self, forKey: .asOf)
        fonds = try container.decode([FondsProgress].self, forKey: .fonds)
        copies = try container.decodeIfPresent(CopiesSummary.self, forKey: .copies)
    }
}

extension KhoStore {
    /// Computes progress for the whole catalogue and per fonds.
    public func status(now: Date = Date()) throws -> Status {
        try reading { tx in
            var count = StatusCount()
            try tx.catalogue.forEachBoxRow { count.add($0) }
            try tx.status.forEachFileGroup { count.add($0) }
            count.addFamilies()
            for (fonds, figures) in try tx.weeding.figures() {
                count.perFonds[fonds, default: StatusTally()].weedInMillimetres = figures
            }
            return count.status(fonds: try tx.status.fonds(), asOf: time.dateTime(of: now))
        }
    }

    /// Progress, with the copies when any beyond the primary is registered or the primary was audited.
    public func statusWithCopies(now: Date = Date()) throws -> Status {
        var result = try status(now: now)
        let registered = try reading { tx in try tx.status.copiesBeyondUnauditedPrimary() }
        if registered > 0 { result.copies = try copiesSummary() }
        return result
    }
}

/// What ``KhoStore/status(now:)`` counts as it reads the catalogue: each fonds' tally, and each family of boxes (a box
/// as received with the boxes made from it), whose digitized share is measured as a whole.
struct StatusCount {
    var perFonds: [Int64: StatusTally] = [:]
    var families: [Int64: Family] = [:]
    var tree = BoxFamilies()
    var boxFonds: [Int64: Int64] = [:]

    /// Counts a box to its fonds, and makes a family of a box as received; a box made from another joins its family.
    mutating func add(_ box: CatalogueStore.BoxRow) {
        boxFonds[box.id] = box.fondsId
        perFonds[box.fondsId, default: StatusTally()].boxes += 1
        if let parent = box.fromBoxId {
            tree.add(child: box.id, parent: parent)
        } else {
            families[box.id] = Family(
                fonds: box.fondsId, extentMM: box.extentMM, arranged: box.arranged, keptMM: box.keptMM)
        }
    }

    /// Adds a box's files (of one access and rung), sheets, digitized pages and ladder rungs to its fonds, and the
    /// files that may be scanned (not secret) to its family.
    mutating func add(_ group: StatusStore.FileGroup) {
        let secret = group.access == Access.secret.rawValue
        let state = ScanState(rawValue: group.scanState) ?? .none
        let files = group.files
        let withSheets = group.filesWithSheets
        let sheets = group.sheets
        let fonds = boxFonds[group.boxId] ?? 0
        var p = perFonds[fonds, default: StatusTally()]
        p.files += files
        p.sheets += sheets
        p.filesWithoutSheets += files - withSheets
        if secret {
            p.ladder.secret += files
        } else {
            p.ladder.add(files, to: state)
        }
        if state.isDigitized { p.pagesScanned += group.pages }
        perFonds[fonds] = p

        guard !secret else { return }
        addToFamily(of: group.boxId, files: files, withSheets: withSheets, sheets: sheets, state: state)
    }

    /// Adds files that may be scanned to the family of `boxId`, on their rung when it counts as digitized.
    private mutating func addToFamily(of boxId: Int64, files: Int, withSheets: Int, sheets: Int, state: ScanState) {
        let r = tree.root(of: boxId)
        families[r]?.add(files: files, withSheets: withSheets, sheets: sheets, state: state)
    }

    /// Adds each family's extent to its fonds (total, arranged, kept, weeded) and its digitized share, by rung.
    mutating func addFamilies() {
        let rungs = [ScanState.recorded.rawValue, ScanState.passed.rawValue, ScanState.delivered.rawValue]
        var splitMM: [Int64: [Double]] = [:]
        for family in families.values {
            var p = perFonds[family.fonds, default: StatusTally()]
            p.boxesReceived += 1
            p.totalMillimetres += Double(family.extentMM)
            if family.arranged {
                p.arrangedMillimetres += Double(family.extentMM)
                let kept = family.keptMM ?? family.extentMM
                p.keptMillimetres += Double(kept)
                p.weededMillimetres += Double(family.extentMM - kept)
            }
            let shares = family.digitizedShares
            var split = splitMM[family.fonds, default: [0, 0, 0]]
            for i in 0..<3 { split[i] += Double(family.extentMM) * shares[i] }
            splitMM[family.fonds] = split
            perFonds[family.fonds] = p
        }
        for (fonds, split) in splitMM {
            var p = perFonds[fonds, default: StatusTally()]
            p.digitizedMillimetres = split.reduce(0, +)
            p.digitizedSplitMillimetres = Dictionary(uniqueKeysWithValues: zip(rungs, split))
            perFonds[fonds] = p
        }
    }

    /// Each fonds' figures in code order and their total, in metres. The fonds' lengths are rounded so that they add up
    /// to the total's (a digitized length is a fraction of a box's millimetres: rounded one by one, four fonds of
    /// 12,2215 m in all showed 12,222 m beside a total of 12,221 m).
    func status(fonds: [(id: Int64, code: String, name: String)], asOf: String) -> Status {
        var total = StatusTally()
        var tallies: [StatusTally] = []
        var fondsList: [Status.FondsProgress] = []
        for row in fonds {
            let p = perFonds[row.id, default: StatusTally()]
            total.add(p)
            tallies.append(p)
            fondsList.append(Status.FondsProgress(code: row.code, name: row.name, progress: p.figures()))
        }
        let figures = total.figures()
        let lengths: [(KeyPath<StatusTally, Double>, WritableKeyPath<StatusFigures, Double>)] = [
            (\.totalMillimetres, \.totalMetres), (\.arrangedMillimetres, \.arrangedMetres),
            (\.keptMillimetres, \.keptMetres), (\.weededMillimetres, \.weededMetres),
            (\.digitizedMillimetres, \.digitizedMetres),
        ]
        for (millimetres, metres) in lengths {
            let parts = Format.roundedParts(
                tallies.map { $0[keyPath: millimetres] / 1000 }, total: figures[keyPath: metres],
                digits: StatusFigures.shownDigits(metres))
            for index in fondsList.indices { fondsList[index].progress[keyPath: metres] = parts[index] }
        }
        return Status(asOf: asOf, progress: figures, fonds: fondsList)
    }
}

/// One fonds' figures (or the whole archive's) while they are counted: lengths in millimetres, so that sums of
/// whole millimetres are exact (a digitized share is a fraction of a box's millimetres); ``figures()`` turns them
/// into metres once, at the end.
struct StatusTally {
    var totalMillimetres = 0.0
    var arrangedMillimetres = 0.0
    var keptMillimetres = 0.0
    var weededMillimetres = 0.0
    var digitizedMillimetres = 0.0
    /// Recorded, passed and delivered, by rung name.
    var digitizedSplitMillimetres: [String: Double] = [:]
    var boxes = 0
    var boxesReceived = 0
    var files = 0
    var sheets = 0
    var filesWithoutSheets = 0
    var pagesScanned = 0
    var ladder = Ladder()
    /// The destruction list as ``WeedStore/figures()`` counts it: in millimetres until `inMetres()`.
    var weedInMillimetres = WeedFigures()

    /// Adds another fonds' tally.
    mutating func add(_ other: StatusTally) {
        totalMillimetres += other.totalMillimetres
        arrangedMillimetres += other.arrangedMillimetres
        keptMillimetres += other.keptMillimetres
        weededMillimetres += other.weededMillimetres
        digitizedMillimetres += other.digitizedMillimetres
        boxes += other.boxes
        boxesReceived += other.boxesReceived
        files += other.files
        sheets += other.sheets
        filesWithoutSheets += other.filesWithoutSheets
        pagesScanned += other.pagesScanned
        ladder.add(other.ladder)
        for (key, value) in other.digitizedSplitMillimetres { digitizedSplitMillimetres[key, default: 0] += value }
        weedInMillimetres.add(other.weedInMillimetres)
    }

    /// The figures people read: millimetres turned into metres, rounded to the millimetre.
    func figures() -> StatusFigures {
        func metres(_ mm: Double) -> Double { (mm.rounded()) / 1000 }
        var f = StatusFigures()
        f.totalMetres = metres(totalMillimetres)
        f.arrangedMetres = metres(arrangedMillimetres)
        f.keptMetres = metres(keptMillimetres)
        f.weededMetres = metres(weededMillimetres)
        f.digitizedMetres = metres(digitizedMillimetres)
        f.digitizedSplitMetres = digitizedSplitMillimetres.mapValues(metres)
        f.boxes = boxes
        f.boxesReceived = boxesReceived
        f.files = files
        f.sheets = sheets
        f.filesWithoutSheets = filesWithoutSheets
        f.pagesScanned = pagesScanned
        f.ladder = ladder
        f.weed = weedInMillimetres.inMetres()
        return f
    }
}
