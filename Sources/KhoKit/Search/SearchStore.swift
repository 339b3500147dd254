import Foundation
import GRDB

/// What `kho search` reads, as one transaction reads it: the index's matches and the rows they point to. The index
/// itself (its tables, the text it holds, bulk indexing) is in `SearchStore+Index.swift`.
struct SearchStore {
    let db: Database

    /// The index rows matching the query, best first, and how many matched (up to one past the ranked window).
    ///
    /// One pass over the folded index gives the newest ``SearchQuery/rankedWindow`` matches with their BM25 score
    /// (FTS5 walks a term's rows newest first; ``SearchRank`` scores only the rows read), so a
    /// broad query (`dat` over a million documents: hundreds of thousands of rows) ranks the newest that many and
    /// the answer says how many matched, so the person narrows the query. A query written with diacritics reads the
    /// exact index the same way, without scores, and lists its rows first: those in the folded window in its
    /// order, then any older ones newest first.
    func ranking(
        _ expression: SearchQuery, match: String, window: Int
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
    func fileId(rowid: Int64) throws -> Int64? {
        rowid % 4 == SearchIndex.Kind.document.rawValue
            ? try Int64.fetchOne(db, sql: "SELECT file_id FROM document WHERE id = ?", arguments: [rowid / 4])
            : rowid / 4
    }

    /// What to show for one index row (its file is ``fileId(rowid:)``).
    func hit(rowid: Int64, query: SearchQuery) throws -> SearchHit? {
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
            // The document's date as it is written on it (15/03/1995), not as it is stored.
            let text = [
                number, DateFormat.day(row["date"] as String, lang: .vi), row["issuer"] as String,
                row["summary"] as String, row["notes"] as String,
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

    /// A file found, with its box, location and fonds, and its first place.
    func result(fileId: Int64, score: Double, hit: SearchHit) throws -> SearchResult? {
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

    /// The access of file `id` as stored; nil when there is no such file.
    func access(ofFile id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT access FROM file WHERE id = ?", arguments: [id])
    }

    /// How many of `rows` belong to files whose access is one of `hidden` (their documents and text included).
    func hiddenRows(
        _ rows: [(rowid: Int64, score: Double)], _ hidden: Set<Access>
    ) throws -> Int {
        guard !hidden.isEmpty, !rows.isEmpty else { return 0 }
        let levels = hidden.map(\.rawValue)
        let files = Set(
            try Int64.fetchAll(db, SQLRequest(literal: "SELECT id FROM file WHERE access IN \(levels)")))
        guard !files.isEmpty else { return 0 }
        let documents = Set(
            try Int64.fetchAll(
                db,
                SQLRequest(
                    literal: "SELECT d.id FROM document d JOIN file f ON f.id = d.file_id WHERE f.access IN \(levels)"))
        )
        return rows.filter { row in
            row.rowid % 4 == SearchIndex.Kind.document.rawValue
                ? documents.contains(row.rowid / 4) : files.contains(row.rowid / 4)
        }.count
    }
}

extension Stores {
    /// The search index and what it points to, in this transaction.
    var search: SearchStore { SearchStore(db: db) }
}

extension SearchQuery {
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
}
