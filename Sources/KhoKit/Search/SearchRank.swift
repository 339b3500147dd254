import Foundation
import GRDB
import GRDBSQLite

/// `kho_rank`, the ranking function of `kho search`: Okapi BM25 as FTS5's own `bm25()` computes it (k1 = 1.2,
/// b = 0.75, lower is better), except that each phrase's document count comes from the caller instead of a walk of
/// the index.
///
/// `bm25()` learns how many rows hold each phrase by reading every match of it before ranking the first row: for
/// `nguyen van an` over a million documents that walk was 270 M instructions, half of a search. kho passes the counts
/// it reads from the index's term table (``SearchRank/documentCounts(_:phrases:)``, one lookup per word; a phrase
/// is counted as its rarest word, an upper bound), so a search reads only the rows it ranks.
///
/// Called as `kho_rank(search_folded, n₁, n₂, …)`, one count per phrase of the MATCH expression, in its order.
enum SearchRank {
    static let function = "kho_rank"
    /// The index's term table (FTS5's `fts5vocab`, one row per term with the number of rows holding it), made per
    /// connection in the `temp` schema: it stores nothing.
    static let terms = "temp.search_folded_terms"

    /// Makes `kho_rank` and the term table known to a new connection.
    static func register(_ db: Database) throws {
        let api = UnsafeMutablePointer(mutating: FTS5.api(db))
        guard let create = api.pointee.xCreateFunction else { return }
        let code = create(api, function, nil, rank, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot register \(function)")
        }
        try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS \(terms) USING fts5vocab(main, search_folded, row)")
    }

    /// The number of rows holding each phrase (lists of folded words), counted as its rarest word.
    static func documentCounts(_ db: Database, phrases: [[String]]) throws -> [Int64] {
        try phrases.map { words in
            try words.map {
                try Int64.fetchOne(db, sql: "SELECT doc FROM \(terms) WHERE term = ?", arguments: [$0]) ?? 0
            }.min() ?? 0
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
                let n = p < Int(count) ? Double(sqlite3_value_int64(values![p])) : 0
                // As bm25(): log((N − n + 0.5) / (n + 0.5)), at least 1e-6 so that a common word still counts.
                let idf = max(1e-6, log((Double(rows) - n + 0.5) / (n + 0.5)))
                sum += idf * hits[p] * (k1 + 1) / (hits[p] + norm)
            }
            return sum
        }
        sqlite3_result_double(context, -score)
    }
}
