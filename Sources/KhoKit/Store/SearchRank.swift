import Foundation
import GRDB
import GRDBSQLite

/// `kho_rank`, the ranking function of `kho search`: Okapi BM25 as FTS5's own `bm25()` computes it (k1 = 1.2,
/// b = 0.75, lower is better), except that each phrase's document count comes from the caller instead of a walk of
/// every match.
///
/// `bm25()` learns how many rows hold each phrase by reading all its matches before ranking the first row: for
/// `nguyen van an` over a million documents that walk was 270 M instructions, half of a search (FTS5 stores no
/// count per term; its `fts5vocab` table walks the same lists). kho reads at most ``SearchRank/sample`` matches of
/// each phrase, newest first: fewer, and that is the count; as many, and the count is estimated from how much of the
/// index's rowid range they span (records are added over time, a phrase's rows spread over it). The weight is a
/// logarithm of the count, so an estimate off by a few percent moves a score by less than that.
///
/// Called as `kho_rank(search_folded, n₁, n₂, …)`, one count per phrase of the MATCH expression, in its order.
enum SearchRank {
    static let function = "kho_rank"
    /// The most matches of one phrase read to count it.
    static let sample = 2_000

    /// Words as one FTS5 phrase: `"12 qd ubnd"`.
    static func quoted(_ words: [String]) -> String { "\"" + words.joined(separator: " ") + "\"" }

    /// Makes `kho_rank` known to a new connection.
    static func register(_ db: Database) throws {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else { return }
        let code = create(api, function, nil, rank, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(function)")
        }
    }

    /// The number of rows of `search_folded` holding each phrase (lists of folded words): counted up to `sample`,
    /// estimated beyond. A lone phrase is not counted (`[0]`): its weight is the same for every row, so it does not
    /// change the order, and counting it would read its matches twice.
    static func documentCounts(_ db: Database, phrases: [[String]], sample: Int = sample) throws -> [Int64] {
        guard phrases.count > 1,
            let span = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT rowid FROM search_folded ORDER BY rowid LIMIT 1) AS low,
                    (SELECT rowid FROM search_folded ORDER BY rowid DESC LIMIT 1) AS high
                    """),
            let low = span["low"] as Int64?, let high = span["high"] as Int64?
        else { return phrases.map { _ in 0 } }
        return try phrases.map { words in
            let read = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS n, MIN(rowid) AS floor FROM (SELECT rowid FROM search_folded
                    WHERE search_folded MATCH ? ORDER BY rowid DESC LIMIT ?)
                    """, arguments: [quoted(words), sample])
            let n: Int64 = read?["n"] ?? 0
            guard n >= sample, let floor = read?["floor"] as Int64? else { return n }
            return n * (high - low + 1) / max(1, high - floor + 1)
        }
    }

    /// The score of the current row: −Σ idf(nᵢ) · fᵢ · (k1 + 1) / (fᵢ + k1 · (1 − b + b · length / average length)).
    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let fts, let phraseCount = api.xPhraseCount?(fts), phraseCount > 0,
            let instCount = api.xInstCount, let inst = api.xInst, let columnSize = api.xColumnSize,
            let totalSize = api.xColumnTotalSize, let rowCount = api.xRowCount
        else { return sqlite3_result_double(context, 0) }
        var rows: Int64 = 0
        var total: Int64 = 0
        var length: Int32 = 0
        var instances: Int32 = 0
        guard rowCount(fts, &rows) == SQLITE_OK, totalSize(fts, -1, &total) == SQLITE_OK,
            columnSize(fts, -1, &length) == SQLITE_OK, instCount(fts, &instances) == SQLITE_OK
        else { return sqlite3_result_double(context, 0) }
        let (k1, b) = (1.2, 0.75)
        let norm = k1 * (1 - b + b * Double(length) / max(1, Double(total) / Double(max(1, rows))))
        let score = withUnsafeTemporaryAllocation(of: Double.self, capacity: Int(phraseCount)) { hits in
            hits.initialize(repeating: 0)
            for i in 0..<instances {
                var (phrase, column, offset): (Int32, Int32, Int32) = (0, 0, 0)
                if inst(fts, i, &phrase, &column, &offset) == SQLITE_OK, phrase >= 0, phrase < phraseCount {
                    hits[Int(phrase)] += 1
                }
            }
            var sum = 0.0
            for p in 0..<Int(phraseCount) where hits[p] > 0 {
                let n = p < Int(count) ? Double(values.map { sqlite3_value_int64($0[p]) } ?? 0) : 0
                // As bm25(): log((N − n + 0.5) / (n + 0.5)), at least 1e-6 so that a common word still counts.
                let idf = max(1e-6, log((Double(rows) - n + 0.5) / (n + 0.5)))
                sum += idf * hits[p] * (k1 + 1) / (hits[p] + norm)
            }
            return sum
        }
        sqlite3_result_double(context, -score)
    }
}
