import Foundation
import GRDB
import KhoLocale

/// One place a search found its words: the file's own description, one of its documents, or its copy's OCR text.
public struct SearchHit: Codable, Sendable, Hashable {
    /// `file`, `document` or `ocr`.
    public var kind: String
    /// The document's name (`H0012/03/7`) for a document; nil otherwise.
    public var document: String?
    /// The text shown: the title, the document's number and summary, or a snippet of the OCR text.
    public var text: String
    /// The words of `text` the query matched, as written there (for highlighting).
    public var matches: [String]
}

/// A file a search found, with where to fetch the paper.
public struct SearchResult: Codable, Sendable, Hashable {
    public var ref: String
    public var title: String
    public var box: String
    public var location: String
    public var fonds: String
    /// Best first; lower is better (FTS5's bm25, exact Vietnamese matches weighted up).
    public var score: Double
    public var hits: [SearchHit]
}

/// The answer to `kho search`.
public struct SearchAnswer: Codable, Sendable, Hashable {
    public var query: String
    /// The query as compared: lower case, no diacritics, `đ` as `d`.
    public var folded: String
    public var files: [SearchResult]
    /// Matching places in all (before grouping by file and the limit), counted up to 20,001 (see `broad`).
    public var matches: Int
    /// True when more matched than kho ranks (``SearchQuery/rankedWindow``): the newest were ranked.
    public var broad: Bool
    public var milliseconds: Double
}

extension KhoStore {
    /// Searches file titles, notes and keywords, document summaries, issuers, numbers and notes, and the OCR text of
    /// delivered copies. `dat` finds `đất`, `Đất` and `ĐẤT`; a query written with diacritics ranks the places that
    /// have them exactly first. Results are grouped by file, best first.
    public func search(_ query: String, limit: Int = 20) throws -> SearchAnswer {
        let started = Date()
        let expression = SearchQuery(query)
        guard let match = expression.match else {
            return SearchAnswer(
                query: query, folded: expression.folded, files: [], matches: 0, broad: false, milliseconds: 0)
        }
        return try read { db in
            let wanted = max(1, limit) * 10
            // Exact (diacritics kept) matches first, then the folded ones; each ranked by bm25.
            var rows: [(rowid: Int64, score: Double)] = []
            var seen = Set<Int64>()
            if let exact = expression.exact {
                for row in try Self.ranked(db, table: "search_exact", exact, limit: wanted).rows
                where seen.insert(row.rowid).inserted {
                    rows.append(row)
                }
            }
            let folded = try Self.ranked(db, table: "search_folded", match, limit: wanted)
            for row in folded.rows where seen.insert(row.rowid).inserted { rows.append(row) }
            // How many matched, up to one past the ranked window (beyond it the answer says "more than"): known
            // without counting when the ranking was windowed or returned fewer rows than asked for.
            let total: Int
            if folded.windowed {
                total = SearchQuery.rankedWindow + 1
            } else if folded.rows.count < wanted {
                total = folded.rows.count
            } else {
                total =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT COUNT(*) FROM (SELECT rowid FROM search_folded WHERE search_folded MATCH ? LIMIT ?)",
                        arguments: [match, SearchQuery.rankedWindow + 1]) ?? 0
            }
            var byFile: [Int64: SearchResult] = [:]
            var order: [Int64] = []
            for (rowid, score) in rows {
                // Only rows that will be shown are read in full: a new file while there is room, or a file shown
                // with fewer than 5 places.
                guard let fileId = try Self.fileId(db, rowid: rowid) else { continue }
                if let shown = byFile[fileId]?.hits.count, shown >= 5 { continue }
                if byFile[fileId] == nil && order.count >= max(1, limit) { continue }
                guard let (_, hit) = try Self.hit(db, rowid: rowid, query: expression) else { continue }
                if var result = byFile[fileId] {
                    result.hits.append(hit)
                    byFile[fileId] = result
                    continue
                }
                guard
                    let file = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT b.code AS box, f.code AS file, f.title, b.location, fo.code AS fonds FROM file f
                            JOIN box b ON b.id = f.box_id JOIN fonds fo ON fo.id = b.fonds_id WHERE f.id = ?
                            """, arguments: [fileId])
                else { continue }
                order.append(fileId)
                byFile[fileId] = SearchResult(
                    ref: "\(file["box"] as String)/\(file["file"] as String)", title: file["title"],
                    box: file["box"], location: file["location"], fonds: file["fonds"], score: score, hits: [hit])
            }
            return SearchAnswer(
                query: query, folded: expression.folded, files: order.compactMap { byFile[$0] }, matches: total,
                broad: total > SearchQuery.rankedWindow,
                milliseconds: Date().timeIntervalSince(started) * 1000)
        }
    }

    /// The index rows matching `expression`, best first by bm25, at most `limit`.
    ///
    /// bm25 is computed for every row it ranks, so a broad query (`dat` over a million documents: hundreds of
    /// thousands of rows) would take seconds. Beyond ``SearchQuery/rankedWindow`` matches, kho ranks the newest
    /// that many (the index's rowids grow as records are added; FTS5 walks them in order without ranking) and says
    /// how many matched in all, so the person narrows the query.
    private static func ranked(
        _ db: Database, table: String, _ expression: String, limit: Int
    ) throws -> (rows: [(rowid: Int64, score: Double)], windowed: Bool) {
        var window = ""
        var arguments: StatementArguments = [expression]
        if let floor = try Int64.fetchOne(
            db,
            sql: """
                SELECT rowid FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?
                """, arguments: [expression, SearchQuery.rankedWindow - 1])
        {
            window = " AND rowid >= ?"
            arguments += [floor]
        }
        arguments += [limit]
        let rows: [(rowid: Int64, score: Double)] = try Row.fetchAll(
            db,
            sql: """
                SELECT rowid, bm25(\(table)) AS score FROM \(table) WHERE \(table) MATCH ?\(window) ORDER BY score LIMIT ?
                """, arguments: arguments
        ).map { ($0["rowid"], $0["score"]) }
        return (rows, !window.isEmpty)
    }

    /// The file an index row belongs to.
    private static func fileId(_ db: Database, rowid: Int64) throws -> Int64? {
        rowid % 4 == SearchIndex.Kind.document.rawValue
            ? try Int64.fetchOne(db, sql: "SELECT file_id FROM document WHERE id = ?", arguments: [rowid / 4])
            : rowid / 4
    }

    /// The file and what to show for one index row.
    private static func hit(_ db: Database, rowid: Int64, query: SearchQuery) throws -> (Int64, SearchHit)? {
        let id = rowid / 4
        switch rowid % 4 {
        case SearchIndex.Kind.file.rawValue:
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT title, notes, keywords FROM file WHERE id = ?", arguments: [id])
            else { return nil }
            let texts = [row["title"] as String, row["notes"] as String, row["keywords"] as String].filter {
                !$0.isEmpty
            }
            let text = texts.first { !query.matches(in: $0).isEmpty } ?? texts.first ?? ""
            return (id, SearchHit(kind: "file", document: nil, text: text, matches: query.matches(in: text)))
        case SearchIndex.Kind.document.rawValue:
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.file_id, d.seq, d.number, d.symbol, d.date, d.issuer, d.summary, d.notes, b.code AS box, f.code AS file
                        FROM document d JOIN file f ON f.id = d.file_id JOIN box b ON b.id = f.box_id WHERE d.id = ?
                        """, arguments: [id])
            else { return nil }
            let number = [row["number"] as String, row["symbol"] as String].filter { !$0.isEmpty }.joined(
                separator: "/")
            let text = [
                number, row["date"] as String, row["issuer"] as String, row["summary"] as String,
                row["notes"] as String,
            ]
            .filter { !$0.isEmpty }.joined(separator: " · ")
            return (
                row["file_id"],
                SearchHit(
                    kind: "document", document: "\(row["box"] as String)/\(row["file"] as String)/\(row["seq"] as Int)",
                    text: text, matches: query.matches(in: text))
            )
        case SearchIndex.Kind.ocr.rawValue:
            guard
                let text = try String.fetchOne(db, sql: "SELECT text FROM pdf_text WHERE file_id = ?", arguments: [id])
            else { return nil }
            let snippet = query.snippet(of: text)
            return (id, SearchHit(kind: "ocr", document: nil, text: snippet, matches: query.matches(in: snippet)))
        default:
            return nil
        }
    }
}

/// A query as FTS5 reads it: each word folded; each space-separated chunk a phrase (`12/QĐ-UBND` → "12 qd ubnd"),
/// matched in the folded index, and — when the query has diacritics — first in the exact one, so exact matches
/// come first.
public struct SearchQuery {
    /// ``rankedWindow`` as people read it.
    public static var rankedWindowText: String { Format.integer(Int64(rankedWindow)) }

    let folded: String
    let foldedWords: Set<String>
    /// The query for the folded index (every match).
    let match: String?
    /// The exact part alone, when the query has diacritics (its matches are listed first).
    let exact: String?
    /// The most matches ranked by bm25 per part; beyond, the newest this many are ranked.
    static let rankedWindow = 20_000

    init(_ query: String) {
        let text = Clean.text(query)
        folded = SearchFold.fold(text)
        let chunks = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        func phrases(_ transform: (String) -> String) -> [String] {
            chunks.compactMap { chunk in
                let words = SearchFold.words(transform(chunk))
                return words.isEmpty ? nil : "\"" + words.joined(separator: " ") + "\""
            }
        }
        let foldedPhrases = phrases(SearchFold.fold)
        foldedWords = Set(SearchFold.words(folded).map(String.init))
        guard !foldedPhrases.isEmpty else {
            match = nil
            exact = nil
            return
        }
        match = foldedPhrases.joined(separator: " AND ")
        let exactPhrases = phrases(SearchFold.lower)
        exact = SearchFold.lower(text) != folded ? exactPhrases.joined(separator: " AND ") : nil
    }

    /// A filter for the `--search` options: the rows of `kind` whose indexed text has every word of `text`
    /// (folded; the last word of each chunk may be the start of a word: `gia` finds `giao`), with its argument;
    /// nil when `text` has no word. `idSQL` is the row's id column (`fi.id`).
    static func filter(_ text: String, kind: SearchIndex.Kind, idSQL: String) -> (sql: String, argument: String)? {
        let chunks = Clean.text(text).split(whereSeparator: { $0.isWhitespace }).compactMap { chunk -> String? in
            let words = SearchFold.words(SearchFold.fold(String(chunk)))
            return words.isEmpty ? nil : "\"" + words.joined(separator: " ") + "\"*"
        }
        guard !chunks.isEmpty else { return nil }
        return (
            "\(idSQL) * 4 + \(kind.rawValue) IN (SELECT rowid FROM search_folded WHERE search_folded MATCH ?)",
            chunks.joined(separator: " AND ")
        )
    }

    /// The words of `text` that fold to a query word, as written there.
    func matches(in text: String) -> [String] {
        var seen: [String] = []
        for word in SearchFold.words(text) where foldedWords.contains(SearchFold.fold(String(word))) {
            if !seen.contains(String(word)) { seen.append(String(word)) }
        }
        return seen
    }

    /// About 160 characters of `text` around its first matching word, on one line.
    func snippet(of text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard let word = SearchFold.words(flat).first(where: { foldedWords.contains(SearchFold.fold(String($0))) })
        else {
            return String(flat.prefix(160))
        }
        let start = flat.index(word.startIndex, offsetBy: -60, limitedBy: flat.startIndex) ?? flat.startIndex
        let end = flat.index(start, offsetBy: 160, limitedBy: flat.endIndex) ?? flat.endIndex
        return (start > flat.startIndex ? "…" : "") + flat[start..<end] + (end < flat.endIndex ? "…" : "")
    }
}
