import Foundation
import GRDB
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
        return try read { db in
            var ranking = QueueRanking(
                kind: kind, year: year, lang: lang, weights: weights, risks: try RiskMap.load(db))
            for view in try CustodyStore(db: db, time: time).custodies(.all, now: now) {
                if let file = view.fileId { ranking.fileOut[file] = view } else { ranking.boxOut[view.boxId] = view }
            }
            let items: [QueueItem]
            switch kind {
            case .arrangement: items = try ranking.arrangementItems(db)
            case .scanning: items = try ranking.scanningItems(db)
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
    func arrangementItems(_ db: Database) throws -> [QueueItem] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.id AS box_id, b.code AS box_code, f.code AS fonds_code, b.location, b.condition, b.start_year, b.extent_mm,
                       (SELECT GROUP_CONCAT(DISTINCT x.condition) FROM file x WHERE x.box_id = b.id) AS file_conditions,
                       (SELECT GROUP_CONCAT(DISTINCT COALESCE(x.retention, '?')) FROM file x WHERE x.box_id = b.id)
                           AS file_retentions,
                       (SELECT MIN(x.start_year) FROM file x WHERE x.box_id = b.id) AS file_start_year
                FROM box b JOIN fonds f ON f.id = b.fonds_id
                WHERE b.from_box_id IS NULL AND b.arrangement = 'unarranged'
                """
        ).map { row in
            let boxId: Int64 = row["box_id"]
            let location: String = row["location"]
            let conditions =
                [Condition(rawValue: row["condition"]) ?? .good]
                + ((row["file_conditions"] as String?) ?? "").split(separator: ",").compactMap {
                    Condition(rawValue: String($0))
                }
            let retentions = ((row["file_retentions"] as String?) ?? "").split(separator: ",").map {
                Retention(stored: String($0))
            }
            let factors = PriorityFactors(
                condition: KhoStore.worst(conditions, weights), retention: KhoStore.weightiest(retentions, weights),
                startYear: (row["start_year"] as Int?) ?? row["file_start_year"], location: location,
                risks: risks.risks(at: location).risks)
            let score = priorityScore(factors, currentYear: year, weights: weights)
            let mm: Int64 = row["extent_mm"]
            return QueueItem(
                rank: 0, kind: kind, ref: row["box_code"], box: row["box_code"], file: nil, title: nil,
                fonds: row["fonds_code"], location: location,
                condition: factors.condition, retention: factors.retention?.stored,
                startYear: factors.startYear,
                risks: factors.risks, metres: Double(mm) / 1000, sheets: nil, score: score,
                reason: priorityReason(factors, score, lang), custody: boxOut[boxId])
        }
    }

    /// Files not scanned or needing a rescan in arranged boxes, never secret: condition the worse of the file and its
    /// box, age the file's first year (else the box's).
    func scanningItems(_ db: Database) throws -> [QueueItem] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT fi.id AS file_id, fi.code AS file_code, fi.title, fi.condition AS file_condition, fi.retention,
                       fi.start_year AS file_start_year, fi.sheets, fi.scan_state,
                       b.id AS box_id, b.code AS box_code, b.location, b.condition AS box_condition,
                       b.start_year AS box_start_year, f.code AS fonds_code
                FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds f ON f.id = b.fonds_id
                WHERE b.arrangement = 'arranged' AND fi.access != 'secret' AND fi.scan_state IN ('none', 'rescan')
                """
        ).map { row in
            let box: String = row["box_code"]
            let code: String = row["file_code"]
            let location: String = row["location"]
            let factors = PriorityFactors(
                condition: KhoStore.worst(
                    [
                        Condition(rawValue: row["file_condition"]) ?? .good,
                        Condition(rawValue: row["box_condition"]) ?? .good,
                    ], weights),
                retention: Retention(stored: row["retention"]),
                startYear: (row["file_start_year"] as Int?) ?? row["box_start_year"], location: location,
                risks: risks.risks(at: location).risks)
            let score = priorityScore(factors, currentYear: year, weights: weights)
            var reason = priorityReason(factors, score, lang)
            if (row["scan_state"] as String) == ScanState.rescan.rawValue {
                reason += ", " + ScanState.rescan.label.text(lang)
            }
            return QueueItem(
                rank: 0, kind: kind, ref: "\(box)/\(code)", box: box, file: code, title: row["title"],
                fonds: row["fonds_code"], location: location,
                condition: factors.condition, retention: factors.retention?.stored,
                startYear: factors.startYear,
                risks: factors.risks, metres: nil, sheets: row["sheets"], score: score, reason: reason,
                custody: custody(file: row["file_id"], box: row["box_id"]))
        }
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
