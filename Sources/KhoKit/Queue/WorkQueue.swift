import Foundation
import KhoEstimation

/// Which work the queue is for.
public enum QueueKind: String, Vocabulary {
    /// Boxes and bundles as received that are not arranged yet.
    case arrangement
    /// Files not digitized yet (not scanned, or needing a rescan) in arranged boxes; never secret files.
    case scanning

    public var label: Text {
        switch self {
        case .arrangement: Text(vi: "chỉnh lý", en: "arrangement")
        case .scanning: Text(vi: "số hóa", en: "scanning")
        }
    }

    public var aliases: [String] {
        switch self {
        case .arrangement: ["sort", "arrange"]
        case .scanning: ["scan", "số hoá", "quét"]
        }
    }
}

/// One box (arrangement) or file (scanning) in the work queue, with its score and the reason in words.
public struct QueueItem: Codable, Sendable, Hashable {
    public var rank: Int
    public var kind: QueueKind
    /// `H0012` or `H0012/03`.
    public var ref: String
    public var box: String
    public var file: String?
    /// The file's title (scanning).
    public var title: String?
    public var fonds: String
    public var location: String
    /// The worst condition recorded on the box or its files (arrangement), on the file or its box (scanning).
    public var condition: Condition
    /// `permanent`, a number of years, or nil when not known.
    public var retention: String?
    public var startYear: Int?
    public var risks: [LocationRisk]
    /// The box's extent (arrangement).
    public var metres: Double?
    public var sheets: Int?
    public var score: PriorityScore
    /// Why it is here, in the language asked for: "nấm mốc, vĩnh viễn, kho tạm ẩm".
    public var reason: String
    /// Who has it, when it is out of the store (a file is out with its box too).
    public var custody: CustodyView?

    enum CodingKeys: String, CodingKey {
        case rank, kind, ref, box, file, title, fonds, location, condition, retention, risks, metres, sheets, score,
            reason, custody
        case startYear = "start_year"
    }
}

extension KhoStore {
    /// What to take next for `kind`, best first, at most `limit` (nil: all), ranked by ``priorityScore(_:currentYear:weights:)``.
    ///
    /// Arrangement ranks boxes as received that are not arranged (not started): condition is the worst of the box and
    /// its files, retention the one of its files that weighs most (unknown when none is listed), age the box's first
    /// year (else its files'). Scanning ranks files not digitized yet (not scanned or needing a rescan) in arranged
    /// boxes, secret files never: condition is the worse of the file and its box, age the file's first year (else the
    /// box's). Both take the risks that reach the box's location. Ties go to older records, then to the code.
    public func nextWork(
        _ kind: QueueKind, limit: Int? = 20, lang: Lang, weights: PriorityWeights = .standard,
        now: Date = Date()
    ) throws -> [QueueItem] {
        let year = LocalDay(iso: time.day(of: now))?.year ?? 2000
        return try reading { tx in
            var ranking = QueueRanking(
                kind: kind, year: year, lang: lang, weights: weights, risks: try tx.locations.riskMap())
            for view in try tx.custody.custodies(.all, now: now) {
                if let file = view.fileId { ranking.fileOut[file] = view } else { ranking.boxOut[view.boxId] = view }
            }
            let items: [QueueItem]
            switch kind {
            case .arrangement: items = try tx.queue.unarrangedBoxes().map(ranking.item)
            case .scanning: items = try tx.queue.unscannedFiles().map(ranking.item)
            }
            return QueueRanking.ranked(items, limit: limit)
        }
    }

    /// The condition that weighs most (the worst).
    static func worst(_ conditions: [Condition], _ w: PriorityWeights) -> Condition {
        conditions.max { w.points($0) < w.points($1) } ?? .good
    }

    /// The retention that weighs most; among equal weights the longest (permanent, then most years).
    static func weightiest(_ retentions: [Retention?], _ w: PriorityWeights) -> Retention? {
        func years(_ r: Retention?) -> Int {
            switch r {
            case .permanent?: Int.max
            case .years(let n)?: n
            case nil: -1
            }
        }
        guard !retentions.isEmpty else { return nil }
        return retentions.max { (w.points($0), years($0)) < (w.points($1), years($1)) } ?? nil
    }
}

/// What the queue's items are scored with: the year, the weights, the risks of locations, and who has what out.
private struct QueueRanking {
    var kind: QueueKind
    var year: Int
    var lang: Lang
    var weights: PriorityWeights
    var risks: RiskMap
    /// Custody of boxes out as a whole, and of files out on their own.
    var boxOut: [Int64: CustodyView] = [:]
    var fileOut: [Int64: CustodyView] = [:]

    /// Boxes as received that are not arranged: condition the worst of the box and its files, retention the one of its
    /// files that weighs most, age the box's first year (else its files').
    func item(_ box: QueueStore.UnarrangedBox) -> QueueItem {
        let conditions =
            [Condition(rawValue: box.condition) ?? .good]
            + (box.fileConditions ?? "").split(separator: ",").compactMap { Condition(rawValue: String($0)) }
        let retentions = (box.fileRetentions ?? "").split(separator: ",").map { Retention(stored: String($0)) }
        let factors = PriorityFactors(
            condition: KhoStore.worst(conditions, weights), retention: KhoStore.weightiest(retentions, weights),
            startYear: box.startYear ?? box.fileStartYear, location: box.location,
            risks: risks.risks(at: box.location).risks)
        let score = priorityScore(factors, currentYear: year, weights: weights)
        return QueueItem(
            rank: 0, kind: kind, ref: box.box, box: box.box, file: nil, title: nil,
            fonds: box.fonds, location: box.location,
            condition: factors.condition, retention: factors.retention?.stored,
            startYear: factors.startYear,
            risks: factors.risks, metres: Double(box.extentMM) / 1000, sheets: nil, score: score,
            reason: priorityReason(factors, score, lang), custody: boxOut[box.boxId])
    }

    /// Files not scanned or needing a rescan in arranged boxes, never secret: condition the worse of the file and its
    /// box, age the file's first year (else the box's).
    func item(_ file: QueueStore.UnscannedFile) -> QueueItem {
        let factors = PriorityFactors(
            condition: KhoStore.worst(
                [Condition(rawValue: file.fileCondition) ?? .good, Condition(rawValue: file.boxCondition) ?? .good],
                weights),
            retention: Retention(stored: file.retention),
            startYear: file.fileStartYear ?? file.boxStartYear, location: file.location,
            risks: risks.risks(at: file.location).risks)
        let score = priorityScore(factors, currentYear: year, weights: weights)
        var reason = priorityReason(factors, score, lang)
        if file.scanState == ScanState.rescan.rawValue {
            reason += ", " + ScanState.rescan.label.text(lang)
        }
        return QueueItem(
            rank: 0, kind: kind, ref: "\(file.box)/\(file.file)", box: file.box, file: file.file, title: file.title,
            fonds: file.fonds, location: file.location,
            condition: factors.condition, retention: factors.retention?.stored,
            startYear: factors.startYear,
            risks: factors.risks, metres: nil, sheets: file.sheets, score: score, reason: reason,
            custody: custody(file: file.fileId, box: file.boxId))
    }

    /// Who has a file: its own custody, else its box's (the file is out with its box).
    private func custody(file: Int64, box: Int64) -> CustodyView? {
        if let own = fileOut[file] { return own }
        guard var whole = boxOut[box] else { return nil }
        whole.withBox = true
        return whole
    }

    /// Best first (highest score, then older records, then the code), at most `limit`, numbered from 1.
    static func ranked(_ items: [QueueItem], limit: Int?) -> [QueueItem] {
        var items = items
        items.sort { a, b in
            if a.score.total != b.score.total { return a.score.total > b.score.total }
            if a.startYear != b.startYear { return (a.startYear ?? Int.max) < (b.startYear ?? Int.max) }
            return a.ref < b.ref
        }
        if let limit { items = Array(items.prefix(max(0, limit))) }
        for i in items.indices { items[i].rank = i + 1 }
        return items
    }
}
