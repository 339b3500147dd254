/// The headline figures, with the same JSON keys as `kho status --json`, so that one decodes into the other.
public struct Headline: Sendable, Codable, Hashable {
    /// Σ extent of boxes as received, in linear metres.
    public var totalMetres: Double
    /// Σ extent of boxes whose arrangement is finished, in metres.
    public var arrangedMetres: Double
    /// What finished arrangement kept, in metres.
    public var keptMetres: Double
    /// What finished arrangement proposed for destruction, in metres.
    public var weededMetres: Double
    /// Metres digitized (recorded by hand, passed QC or delivered).
    public var digitizedMetres: Double
    /// The digitized metres split by rung.
    public var digitizedSplit: DigitizedSplit
    /// Boxes registered.
    public var boxes: Int
    /// Files (hồ sơ) registered.
    public var files: Int
    /// Sheets counted in files whose sheets are known.
    public var sheets: Int
    /// Pages of digitized files.
    public var pagesScanned: Int
    /// Files on each rung of the digitization ladder.
    public var ladder: LadderCounts
    /// The destruction list's metres at each stage (proposed, approved, destroyed).
    public var weed: WeedMetres

    /// Makes the headline figures; anything not given is zero.
    public init(
        totalMetres: Double = 0, arrangedMetres: Double = 0, keptMetres: Double = 0,
        weededMetres: Double = 0, digitizedMetres: Double = 0,
        digitizedSplit: DigitizedSplit = DigitizedSplit(),
        boxes: Int = 0, files: Int = 0, sheets: Int = 0, pagesScanned: Int = 0,
        ladder: LadderCounts = LadderCounts(), weed: WeedMetres = WeedMetres()
    ) {
        self.weed = weed
        self.totalMetres = totalMetres
        self.arrangedMetres = arrangedMetres
        self.keptMetres = keptMetres
        self.weededMetres = weededMetres
        self.digitizedMetres = digitizedMetres
        self.digitizedSplit = digitizedSplit
        self.boxes = boxes
        self.files = files
        self.sheets = sheets
        self.pagesScanned = pagesScanned
        self.ladder = ladder
    }

    /// The JSON keys, which are also the `data-key` attributes of the figures in the HTML report.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case boxes, files, sheets, ladder
        case totalMetres = "total_m"
        case arrangedMetres = "arranged_m"
        case keptMetres = "kept_m"
        case weededMetres = "weeded_m"
        case digitizedMetres = "digitized_m"
        case pagesScanned = "pages_scanned"
        case digitizedSplit = "digitized_split_m"
        case weed
    }

    /// Decodes; `weed` (added with the destruction list) reads as zeros from older JSON.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            totalMetres: try c.decode(Double.self, forKey: .totalMetres),
            arrangedMetres: try c.decode(Double.self, forKey: .arrangedMetres),
            keptMetres: try c.decode(Double.self, forKey: .keptMetres),
            weededMetres: try c.decode(Double.self, forKey: .weededMetres),
            digitizedMetres: try c.decode(Double.self, forKey: .digitizedMetres),
            digitizedSplit: try c.decode(DigitizedSplit.self, forKey: .digitizedSplit),
            boxes: try c.decode(Int.self, forKey: .boxes), files: try c.decode(Int.self, forKey: .files),
            sheets: try c.decode(Int.self, forKey: .sheets),
            pagesScanned: try c.decode(Int.self, forKey: .pagesScanned),
            ladder: try c.decode(LadderCounts.self, forKey: .ladder),
            weed: try c.decodeIfPresent(WeedMetres.self, forKey: .weed) ?? WeedMetres())
    }
}

/// The destruction list's metres at each stage, with the keys of `kho status --json` (`weed.proposed_m`…).
public struct WeedMetres: Sendable, Codable, Hashable {
    /// Waiting for the appraisal council.
    public var proposed: Double
    /// Approved by the council, not yet destroyed.
    public var approved: Double
    /// Destroyed.
    public var destroyed: Double

    /// Makes the figures; anything not given is zero.
    public init(proposed: Double = 0, approved: Double = 0, destroyed: Double = 0) {
        self.proposed = proposed
        self.approved = approved
        self.destroyed = destroyed
    }

    enum CodingKeys: String, CodingKey {
        case proposed = "proposed_m"
        case approved = "approved_m"
        case destroyed = "destroyed_m"
    }

    /// Decodes the three figures, ignoring the other keys of `kho status --json`'s `weed` (sheets, items).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            proposed: try c.decodeIfPresent(Double.self, forKey: .proposed) ?? 0,
            approved: try c.decodeIfPresent(Double.self, forKey: .approved) ?? 0,
            destroyed: try c.decodeIfPresent(Double.self, forKey: .destroyed) ?? 0)
    }
}

/// Digitized metres split by rung: recorded by hand, passed QC, delivered.
public struct DigitizedSplit: Sendable, Codable, Hashable {
    /// Metres marked as scanned by hand (unverified).
    public var recorded: Double
    /// Metres whose masters passed QC.
    public var passed: Double
    /// Metres delivered as the legal copy.
    public var delivered: Double

    /// Makes a split; anything not given is zero.
    public init(recorded: Double = 0, passed: Double = 0, delivered: Double = 0) {
        self.recorded = recorded
        self.passed = passed
        self.delivered = delivered
    }
}

/// How many files stand on each rung of the digitization ladder (keys as in `kho status --json`).
public struct LadderCounts: Sendable, Codable, Hashable {
    /// Files not scanned.
    public var none: Int
    /// Files marked as scanned by hand.
    public var recorded: Int
    /// Files whose masters passed QC.
    public var passed: Int
    /// Files that need a rescan.
    public var rescan: Int
    /// Files whose pages do not match their sheets (not digitized until confirmed).
    public var mismatch: Int
    /// Files whose checked masters changed (not digitized until accepted).
    public var review: Int
    /// Files delivered.
    public var delivered: Int
    /// Secret files, never scanned.
    public var secret: Int

    /// Makes ladder counts; anything not given is zero.
    public init(
        none: Int = 0, recorded: Int = 0, passed: Int = 0, rescan: Int = 0, mismatch: Int = 0, review: Int = 0,
        delivered: Int = 0, secret: Int = 0
    ) {
        self.none = none
        self.recorded = recorded
        self.passed = passed
        self.rescan = rescan
        self.mismatch = mismatch
        self.review = review
        self.delivered = delivered
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey { case none, recorded, passed, rescan, mismatch, review, delivered, secret }

    /// Decodes; rungs added later (`mismatch`, `review`) read as 0 from older JSON.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func n(_ k: CodingKeys) throws -> Int { try c.decodeIfPresent(Int.self, forKey: k) ?? 0 }
        self.init(
            none: try n(.none), recorded: try n(.recorded), passed: try n(.passed), rescan: try n(.rescan),
            mismatch: try n(.mismatch), review: try n(.review), delivered: try n(.delivered), secret: try n(.secret))
    }
}
