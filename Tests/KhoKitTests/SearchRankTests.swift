import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// `kho_rank` against FTS5's own `bm25()` on the same index: equal scores where the document counts it is given
/// are exact (every phrase one word), and the same order of rows.
@Suite struct SearchRankTests {
    func store() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(
            BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0,1", location: "A-3"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Hồ sơ giao đất thôn 2"), by: Fixture.who())
        let summaries = [
            "Về việc giao đất ở cho hộ ông Nguyễn Văn An", "Giao đất, giao đất, giao đất làm kênh mương thôn 3",
            "Báo cáo phòng chống lụt bão năm 1999", "Tờ trình về việc cấp giấy chứng nhận quyền sử dụng đất",
            "Đất", "Danh sách hộ nghèo thôn Đất Đỏ được hỗ trợ gạo cứu đói dịp Tết Nguyên đán năm 2001",
            "Thông báo về việc thu hồi đất làm đường giao thông nông thôn",
        ]
        for summary in summaries {
            try store.addDocument(
                try DocumentRef(parsing: "H1/01", seqOptional: true), DocumentDraft(summary: summary),
                by: Fixture.who(), lang: .vi)
        }
        return store
    }

    func scores(_ store: KhoStore, _ text: String) throws -> (bm25: [Int64: Double], kho: [Int64: Double]) {
        let query = SearchQuery(text)
        let match = try #require(query.match)
        return try store.read { db in
            let counts = try SearchRank.documentCounts(db, phrases: query.phrases)
            let args = String(repeating: ", ?", count: counts.count)
            let bm25 = try Row.fetchAll(
                db, sql: "SELECT rowid, bm25(search_folded) AS s FROM search_folded WHERE search_folded MATCH ?",
                arguments: [match])
            let kho = try Row.fetchAll(
                db,
                sql: "SELECT rowid, kho_rank(search_folded\(args)) AS s FROM search_folded WHERE search_folded MATCH ?",
                arguments: StatementArguments(counts) + [match])
            func byRow(_ rows: [Row]) -> [Int64: Double] {
                Dictionary(uniqueKeysWithValues: rows.map { ($0["rowid"] as Int64, $0["s"] as Double) })
            }
            return (byRow(bm25), byRow(kho))
        }
    }

    @Test func scoresEqualBm25WhenEveryPhraseIsCounted() throws {
        let store = try store()
        for text in ["giao dat", "lut bao", "dat thon", "Nguyễn Văn An"] {
            let (bm25, kho) = try scores(store, text)
            #expect(!bm25.isEmpty && Set(bm25.keys) == Set(kho.keys), "\(text)")
            for (row, score) in bm25 {
                #expect(abs(score - (kho[row] ?? 0)) < 1e-9, "\(text) row \(row): bm25 \(score), kho \(kho[row] ?? 0)")
            }
        }
    }

    @Test func aLonePhraseOrAnEstimatedCountRanksRowsInBm25sOrder() throws {
        let store = try store()
        func order(_ scores: [Int64: Double]) -> [Int64] {
            scores.keys.sorted { (scores[$0]!, $1) < (scores[$1]!, $0) }
        }
        for text in ["dat", "Đất", "thon", "\"giao đất\"", "kenh"] {
            let (bm25, kho) = try scores(store, text)
            #expect(!bm25.isEmpty && order(bm25) == order(kho), "\(text)")
        }
    }
}

extension SearchRankTests {
    @Test func countsAreExactUnderTheSampleAndEstimatedFromTheRowidSpanBeyond() throws {
        let store = try store()
        try store.read { db in
            // "dat" is in the file title and 6 of the 7 documents; "nguyen van an" once
            #expect(try SearchRank.documentCounts(db, phrases: [["dat"], ["nguyen", "van", "an"]]) == [7, 1])
            // Reading only the newest 3 of the 7, the count is estimated from the rowid range they span
            let estimate = try SearchRank.documentCounts(db, phrases: [["dat"], ["thon"]], sample: 3)[0]
            #expect((3...14).contains(estimate), "\(estimate)")
            // A lone phrase is not counted: its weight does not change the order
            #expect(try SearchRank.documentCounts(db, phrases: [["dat"]]) == [0])
            #expect(try SearchRank.documentCounts(db, phrases: []) == [])
        }
    }
}
