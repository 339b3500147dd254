import Foundation
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
        return try reading { tx in
            let ranking = try tx.search.ranking(expression, match: match, window: window)
            let hidden = Set(Access.allCases).subtracting(readable)
            let files = try Self.grouped(
                tx.search, ranking.rows, limit: max(1, limit), query: expression, hidden: hidden)
            // The count leaves out the places in files the person may not read (beyond the window it only says
            // "more than", which tells nothing about them).
            let matches =
                ranking.matches > window
                ? ranking.matches : ranking.matches - (try tx.search.hiddenRows(ranking.rows, hidden))
            return SearchAnswer(
                query: query, folded: expression.folded, files: files, matches: matches,
                broad: ranking.matches > window, dropped: expression.dropped,
                milliseconds: Date().timeIntervalSince(started) * 1000)
        }
    }

    /// The files of the best `limit × 10` rows, best first, each with up to 5 places. Only rows that will be shown
    /// are read in full: a new file while there is room, or a file shown with fewer than 5 places.
    private static func grouped(
        _ search: SearchStore, _ rows: [(rowid: Int64, score: Double)], limit: Int, query: SearchQuery,
        hidden: Set<Access> = []
    ) throws -> [SearchResult] {
        var byFile: [Int64: SearchResult] = [:]
        var order: [Int64] = []
        var hiddenFiles: Set<Int64> = []
        var secret: [Int64: Bool] = [:]
        for (rowid, score) in rows.prefix(limit * 10) {
            guard let fileId = try search.fileId(rowid: rowid), !hiddenFiles.contains(fileId) else { continue }
            // A file whose access the person may not read never appears, not even its title.
            if !hidden.isEmpty && byFile[fileId] == nil, try isHidden(search.access(ofFile: fileId), hidden) {
                hiddenFiles.insert(fileId)
                continue
            }
            // A secret file's documents and text never appear (as in every export); its title is in the file list.
            if rowid % 4 != SearchIndex.Kind.file.rawValue {
                if secret[fileId] == nil {
                    secret[fileId] = try search.access(ofFile: fileId) == Access.secret.rawValue
                }
                if secret[fileId] == true { continue }
            }
            if let shown = byFile[fileId]?.hits.count, shown >= 5 { continue }
            if byFile[fileId] == nil && order.count >= limit { continue }
            guard let hit = try search.hit(rowid: rowid, query: query) else { continue }
            if byFile[fileId] != nil {
                byFile[fileId]?.hits.append(hit)
            } else if let result = try search.result(fileId: fileId, score: score, hit: hit) {
                order.append(fileId)
                byFile[fileId] = result
            }
        }
        return order.compactMap { byFile[$0] }
    }

    /// Whether a file of `access` (as stored; nil when there is no such file) is one of `hidden`.
    private static func isHidden(_ access: String?, _ hidden: Set<Access>) -> Bool {
        access.flatMap(Access.init(rawValue:)).map(hidden.contains) ?? true
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
