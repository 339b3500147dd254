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
    /// Best first; lower is better (BM25 as ``SearchRank`` computes it; exact Vietnamese matches are listed first).
    public var score: Double
    public var hits: [SearchHit]
}

/// The answer to `kho search`.
public struct SearchAnswer: Codable, Sendable, Hashable {
    public var query: String
    /// The query as compared: lower case, no diacritics, `đ` as `d`.
    public var folded: String
    public var files: [SearchResult]
    /// Matching places in all (before grouping by file and the limit), counted up to one past ``SearchQuery/rankedWindow`` (see `broad`).
    public var matches: Int
    /// True when more matched than kho ranks (``SearchQuery/rankedWindow``): the newest were ranked.
    public var broad: Bool
    /// The words left out of the search, beyond the first ``SearchQuery/maxWords`` (a pasted paragraph).
    public var dropped: [String] = []
    public var milliseconds: Double
}

extension KhoStore {
    /// Searches file titles, notes and keywords, document summaries, issuers, numbers and notes, and the OCR text of
    /// delivered copies. `dat` finds `đất`, `Đất` and `ĐẤT`; a query written with diacritics ranks the places that
    /// have them exactly first. Results are grouped by file, best first.
    ///
    /// `readable` leaves out the files (and their documents and copies) whose access is not in it: a person without
    /// clearance never learns that a secret or restricted file matched.
    public func search(
        _ query: String, limit: Int = 20, readable: Set<Access> = Set(Access.allCases)
    ) throws
        -> SearchAnswer
    {
        try search(query, limit: limit, window: SearchQuery.rankedWindow, readable: readable)
    }

    /// ``search(_:limit:readable:)`` ranking at most `window` matches (tests use a small one).
    func search(
        _ query: String, limit: Int, window: Int, readable: Set<Access> = Set(Access.allCases)
    ) throws
        -> SearchAnswer
    {
        let started = Date()
        let expression = SearchQuery(query)
        guard let match = expression.match else {
            return SearchAnswer(
                query: query, folded: expression.folded, files: [], matches: 0, broad: false,
                dropped: expression.dropped, milliseconds: 0)
        }
        return try read { db in
            let ranking = try Self.ranking(db, expression, match: match, window: window)
            let hidden = Set(Access.allCases).subtracting(readable)
            let files = try Self.grouped(
                db, ranking.rows, limit: max(1, limit), query: expression, hidden: hidden)
            // The count leaves out the places in files the person may not read (beyond the window it only says
            // "more than", which tells nothing about them).
            let matches =
                ranking.matches > window
                ? ranking.matches : ranking.matches - (try Self.hiddenRows(db, ranking.rows, hidden))
            return SearchAnswer(
                query: query, folded: expression.folded, files: files, matches: matches,
                broad: ranking.matches > window, dropped: expression.dropped,
                milliseconds: Date().timeIntervalSince(started) * 1000)
        }
    }

    /// The files of the best `limit × 10` rows, best first, each with up to 5 places. Only rows that will be shown
    /// are read in full: a new file while there is room, or a file shown with fewer than 5 places.
    private static func grouped(
        _ db: Database, _ rows: [(rowid: Int64, score: Double)], limit: Int, query: SearchQuery,
        hidden: Set<Access> = []
    ) throws -> [SearchResult] {
        var byFile: [Int64: SearchResult] = [:]
        var order: [Int64] = []
        var hiddenFiles: Set<Int64> = []
        var secret: [Int64: Bool] = [:]
        for (rowid, score) in rows.prefix(limit * 10) {
            guard let fileId = try fileId(db, rowid: rowid), !hiddenFiles.contains(fileId) else { continue }
            // A file whose access the person may not read never appears, not even its title.
            if !hidden.isEmpty && byFile[fileId] == nil, try isHidden(db, fileId: fileId, hidden) {
                hiddenFiles.insert(fileId)
                continue
            }
            // A secret file's documents and text never appear (as in every export); its title is in the file list.
            if rowid % 4 != SearchIndex.Kind.file.rawValue {
                if secret[fileId] == nil {
                    secret[fileId] =
                        try String.fetchOne(db, sql: "SELECT access FROM file WHERE id = ?", arguments: [fileId])
                        == Access.secret.rawValue
                }
                if secret[fileId] == true { continue }
            }
            if let shown = byFile[fileId]?.hits.count, shown >= 5 { continue }
            if byFile[fileId] == nil && order.count >= limit { continue }
            guard let hit = try hit(db, rowid: rowid, query: query) else { continue }
            if byFile[fileId] != nil {
                byFile[fileId]?.hits.append(hit)
            } else if let result = try result(db, fileId: fileId, score: score, hit: hit) {
                order.append(fileId)
                byFile[fileId] = result
            }
        }
        return order.compactMap { byFile[$0] }
    }

    /// How many of `rows` belong to files whose access is one of `hidden` (their documents and text included).
    private static func hiddenRows(
        _ db: Database, _ rows: [(rowid: Int64, score: Double)], _ hidden: Set<Access>
    ) throws -> Int {
        guard !hidden.isEmpty, !rows.isEmpty else { return 0 }
        let levels = hidden.map(\.rawValue)
        let marks = databaseQuestionMarks(count: levels.count)
        let files = Set(
            try Int64.fetchAll(
                db, sql: "SELECT id FROM file WHERE access IN (\(marks))", arguments: StatementArguments(levels)))
        guard !files.isEmpty else { return 0 }
        let documents = Set(
            try Int64.fetchAll(
                db,
                sql: "SELECT d.id FROM document d JOIN file f ON f.id = d.file_id WHERE f.access IN (\(marks))",
                arguments: StatementArguments(levels)))
        return rows.filter { row in
            row.rowid % 4 == SearchIndex.Kind.document.rawValue
                ? documents.contains(row.rowid / 4) : files.contains(row.rowid / 4)
        }.count
    }

    /// Whether the file's access is one of `hidden`.
    private static func isHidden(_ db: Database, fileId: Int64, _ hidden: Set<Access>) throws -> Bool {
        let access = try String.fetchOne(db, sql: "SELECT access FROM file WHERE id = ?", arguments: [fileId])
        return access.flatMap(Access.init(rawValue:)).map(hidden.contains) ?? true
    }

    /// A file found, with its box, location and fonds, and its first place.
    private static func result(_ db: Database, fileId: Int64, score: Double, hit: SearchHit) throws -> SearchResult? {
        guard
            let file = try Row.fetchOne(
                db,
                sql: """
                    SELECT b.code AS box, f.code AS file, f.title, b.location, fo.code AS fonds FROM file f
                    JOIN box b ON b.id = f.box_id JOIN fonds fo ON fo.id = b.fonds_id WHERE f.id = ?
                    """, arguments: [fileId])
        else { return nil }
        return SearchResult(
            ref: "\(file["box"] as String)/\(file["file"] as String)", title: file["title"], box: file["box"],
            location: file["location"], fonds: file["fonds"], score: score, hits: [hit])
    }

    /// The index rows matching the query, best first, and how many matched (up to one past the ranked window).
    ///
    /// One pass over the folded index gives the newest ``SearchQuery/rankedWindow`` matches with their BM25 score
    /// (FTS5 walks a term's rows newest first; ``SearchRank`` scores only the rows read), so a
    /// broad query (`dat` over a million documents: hundreds of thousands of rows) ranks the newest that many and
    /// the answer says how many matched, so the person narrows the query. A query written with diacritics reads the
    /// exact index the same way, without scores, and lists its rows first: those in the folded window in its
    /// order, then any older ones newest first.
    private static func ranking(
        _ db: Database, _ expression: SearchQuery, match: String, window: Int
    ) throws -> (rows: [(rowid: Int64, score: Double)], matches: Int) {
        var folded: [(rowid: Int64, score: Double)] = []
        folded.reserveCapacity(min(window + 1, 4096))
        let counts = try SearchRank.documentCounts(db, phrases: expression.phrases)
        let cursor = try Row.fetchCursor(
            db,
            sql: """
                SELECT rowid, \(SearchRank.function)(search_folded\(String(repeating: ", ?", count: counts.count))) AS score
                FROM search_folded WHERE search_folded MATCH ? ORDER BY rowid DESC LIMIT ?
                """, arguments: StatementArguments(counts) + [match, window + 1])
        while let row = try cursor.next() { folded.append((row["rowid"], row["score"])) }
        let matches = folded.count
        if matches > window { folded.removeLast() }
        folded.sort { $0.score < $1.score || ($0.score == $1.score && $0.rowid > $1.rowid) }
        guard let exact = expression.exact else { return (folded, matches) }
        // Every exact match is a folded one: when all of those were read, so are all exact ones whatever the order,
        // and FTS5 reads a phrase's rows oldest first faster (`12/QĐ-UBND`: 13 ms instead of 23). A broad query
        // needs the newest.
        let exactRows = try Int64.fetchAll(
            db,
            sql: """
                SELECT rowid FROM search_exact WHERE search_exact MATCH ?
                ORDER BY rowid \(matches > window ? "DESC" : "ASC") LIMIT ?
                """,
            arguments: [exact, window])
        let isExact = Set(exactRows)
        let first = folded.filter { isExact.contains($0.rowid) }
        let ranked = Set(first.map(\.rowid))
        // Exact matches older than the folded window (a broad query) come after the ranked ones; they have no score.
        let older = matches > window ? exactRows.filter { !ranked.contains($0) }.map { (rowid: $0, score: 0.0) } : []
        return (first + older + folded.filter { !isExact.contains($0.rowid) }, matches)
    }

    /// The file an index row belongs to.
    private static func fileId(_ db: Database, rowid: Int64) throws -> Int64? {
        rowid % 4 == SearchIndex.Kind.document.rawValue
            ? try Int64.fetchOne(db, sql: "SELECT file_id FROM document WHERE id = ?", arguments: [rowid / 4])
            : rowid / 4
    }

    /// What to show for one index row (its file is ``fileId(_:rowid:)``).
    private static func hit(_ db: Database, rowid: Int64, query: SearchQuery) throws -> SearchHit? {
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
            return SearchHit(kind: "file", document: nil, text: text, matches: query.matches(in: text))
        case SearchIndex.Kind.document.rawValue:
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT d.seq, d.number, d.symbol, d.date, d.issuer, d.summary, d.notes, b.code AS box, f.code AS file
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
            return SearchHit(
                kind: "document", document: "\(row["box"] as String)/\(row["file"] as String)/\(row["seq"] as Int)",
                text: text, matches: query.matches(in: text))
        case SearchIndex.Kind.ocr.rawValue:
            guard
                let text = try String.fetchOne(db, sql: "SELECT text FROM pdf_text WHERE file_id = ?", arguments: [id])
            else { return nil }
            let snippet = query.snippet(of: text)
            return SearchHit(kind: "ocr", document: nil, text: snippet, matches: query.matches(in: snippet))
        default:
            return nil
        }
    }
}

/// A query as FTS5 reads it: each word folded; each space-separated chunk a phrase (`12/QĐ-UBND` → "12 qd ubnd"),
/// matched in the folded index, and — when the query has diacritics — first in the exact one, so exact matches
/// come first.
public struct SearchQuery {
    /// ``rankedWindow`` as people read it in `lang`.
    public static func rankedWindowText(_ lang: Lang) -> String { Format.integer(Int64(rankedWindow), lang: lang) }

    let folded: String
    let foldedWords: Set<String>
    /// The folded words of each phrase of ``match``, in its order (``SearchRank`` is given their counts).
    let phrases: [[String]]
    /// The query for the folded index (every match).
    let match: String?
    /// The exact part alone, when the query has diacritics (its matches are listed first).
    let exact: String?
    /// The most matches ranked; beyond, the newest this many are ranked.
    static let rankedWindow = 5_000
    /// The most words (space-separated chunks) searched for; the rest of a pasted paragraph is left out, and the
    /// answer says which (SQLite takes at most 127 arguments to a function, one per phrase for the ranking).
    public static let maxWords = 32
    /// The chunks beyond ``maxWords``.
    let dropped: [String]

    init(_ query: String) {
        let all = Self.chunks(Clean.text(query))
        let chunks = Array(all.prefix(Self.maxWords))
        dropped = Array(all.dropFirst(Self.maxWords))
        let text = chunks.joined(separator: " ")
        folded = SearchFold.fold(text)
        func wordsOfChunks(_ transform: (String) -> String) -> [[String]] {
            chunks.map { SearchFold.words(transform($0)).map(String.init) }.filter { !$0.isEmpty }
        }
        phrases = wordsOfChunks(SearchFold.fold)
        foldedWords = Set(SearchFold.words(folded).map(String.init))
        guard !phrases.isEmpty else {
            match = nil
            exact = nil
            return
        }
        match = phrases.map(SearchRank.quoted).joined(separator: " AND ")
        exact =
            SearchFold.lower(text) != folded
            ? wordsOfChunks(SearchFold.lower).map(SearchRank.quoted).joined(separator: " AND ") : nil
    }

    /// The space-separated chunks of `text` that hold a word (`12/QĐ-UBND` is one; a lone `-` none).
    static func chunks(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { !SearchFold.words($0).isEmpty }
    }

    /// A filter for the `--search` options: the rows of `kind` whose indexed text has every word of `text`
    /// (folded; the last word of each chunk may be the start of a word: `gia` finds `giao`), with its argument;
    /// nil when `text` has no word. `idSQL` is the row's id column (`fi.id`).
    static func filter(_ text: String, kind: SearchIndex.Kind, idSQL: String) -> (sql: String, argument: String)? {
        let chunks = chunks(Clean.text(text)).prefix(maxWords).compactMap { chunk -> String? in
            let words = SearchFold.words(SearchFold.fold(String(chunk))).map(String.init)
            return words.isEmpty ? nil : SearchRank.quoted(words) + "*"
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
