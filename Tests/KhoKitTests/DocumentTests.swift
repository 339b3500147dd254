import Foundation
import GRDB
import KhoEstimation
import KhoTIFF
import KhoTestSupport
import Testing

@testable import KhoKit

/// Documents inside files (Circular 05/2025), the clerk's document list, the metadata export, folded search and
/// the estimate's measured documents per file.
@Suite struct DocumentTests {
    /// Box H1 at A-3 with H1/01 "Hồ sơ giao đất thôn 2" (1998, permanent) and H1/02 "Báo cáo dân số".
    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(
            BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0,1", location: "A-3"), by: Fixture.who())
        try store.registerFile(
            FileDraft(
                ref: FileRef(box: "H1", file: "01"), title: "Hồ sơ giao đất thôn 2", startYear: "1998",
                retention: "permanent", sheets: "4"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "Báo cáo dân số", startYear: "1999"),
            by: Fixture.who())
        return store
    }

    func ref(_ s: String) throws -> DocumentRef { try DocumentRef(parsing: s, seqOptional: true) }

    @Test func addingADocumentSplitsTheNumberNamesItsKindAndGivesItsIdentifier() throws {
        let store = try catalogue()
        // When a document is added with a combined "số, ký hiệu" and a clerk's date
        let doc = try store.addDocument(
            try ref("H1/01"),
            DocumentDraft(
                number: "Số 12/QĐ-UBND", date: "5/3/2001", issuer: "UBND xã Sơn Kim",
                summary: "Về việc giao đất", pages: "3-5"), by: Fixture.who(), lang: .vi)
        // Then it takes number 1, the number and symbol apart, the kind from the symbol, the date in ISO form
        #expect(
            doc.ref == "H1/01/1" && doc.number == "12" && doc.symbol == "QĐ-UBND" && doc.numberSymbol == "12/QĐ-UBND")
        #expect(doc.kind == "quyet_dinh" && doc.kindName == "Quyết định" && doc.date == "2001-03-05")
        #expect(doc.pages == 3 && doc.pageFrom == 3 && doc.pageTo == 5)
        // And its identifier is the file's archival code and its number; retention comes from the file
        let file = try store.showFile(FileRef(box: "H1", file: "01"))
        #expect(doc.identifier == "\(try #require(file.archiveId)).1")
        #expect(doc.retention == "permanent")
        #expect(file.documents == 1)
        // And the next one takes number 2; a taken number is refused naming it
        #expect(
            try store.addDocument(try ref("H1/01"), DocumentDraft(summary: "Tờ trình"), by: Fixture.who(), lang: .vi)
                .seq == 2)
        expectError(DocumentError.duplicateDocument(ref: "H1/01/1", summary: "Về việc giao đất")) {
            try store.addDocument(try ref("H1/01/1"), DocumentDraft(summary: "x"), by: Fixture.who(), lang: .vi)
        }
    }

    @Test func badFieldsAreRefusedWithTheValue() throws {
        let store = try catalogue()
        expectError(DocumentError.badDate("31/02/2001")) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(date: "31/02/2001"), by: Fixture.who(), lang: .vi)
        }
        expectError(DocumentError.badPages("5-3")) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(pages: "5-3"), by: Fixture.who(), lang: .vi)
        }
        expectError(DocumentError.pagesDisagree(range: "3-5", count: 4)) {
            try store.addDocument(
                try ref("H1/01"), DocumentDraft(pages: "3-5", pageCount: "4"), by: Fixture.who(), lang: .vi)
        }
        #expect(throws: DocumentError.self) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(kind: "Thư tình"), by: Fixture.who(), lang: .vi)
        }
        #expect(try store.documents(lang: .vi).isEmpty)
    }

    @Test func editMoveAndUndoPutEverythingBack() throws {
        let store = try catalogue()
        try store.addDocument(
            try ref("H1/01"), DocumentDraft(number: "12/QĐ-UBND", summary: "Về việc giao đất"), by: Fixture.who(),
            lang: .vi)
        let edit = try store.editDocument(
            try ref("H1/01/1"), DocumentDraft(summary: "Về việc giao đất ở"), by: Fixture.who(), lang: .vi)
        #expect(edit.summary == "Về việc giao đất ở")
        let moved = try store.moveDocument(try ref("H1/01/1"), to: try ref("H1/02"), by: Fixture.who(), lang: .vi)
        #expect(moved.ref == "H1/02/1")
        // Undo the edit first is refused: the move came later
        let events = try store.events(lang: .vi)
        let editEvent = try #require(events.last { $0.kind == "doc.edit" })
        let moveEvent = try #require(events.last { $0.kind == "doc.move" })
        #expect(throws: DocumentError.self) { try store.undo(eventId: editEvent.id, by: Fixture.who()) }
        try store.undo(eventId: moveEvent.id, by: Fixture.who())
        try store.undo(eventId: editEvent.id, by: Fixture.who())
        let back = try store.document(try ref("H1/01/1"), lang: .vi)
        #expect(back.summary == "Về việc giao đất" && back.file == "H1/01")
        // And undoing the add removes it
        let add = try #require(try store.events(lang: .vi).last { $0.kind == "doc.add" })
        try store.undo(eventId: add.id, by: Fixture.who())
        #expect(try store.documents(lang: .vi).isEmpty)
    }

    @Test func theClerksDocumentListImportsAllOrNothingAndUndoes() throws {
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Given a list as a clerk types it, with a combined "Số ký hiệu" and sheet numbers
        let good = Fixture.write(
            """
            STT,Số ký hiệu,Ngày tháng,Tác giả,Trích yếu,Tờ số,Ghi chú
            1,12/QĐ-UBND,15/03/2001,UBND xã Sơn Kim,Về việc giao đất cho hộ ông A,1-2,
            2,05/TTr-ĐC,02/2001,Cán bộ địa chính,Tờ trình xin giao đất,3,bản sao
            """, to: "vb.csv", in: dir)
        let report = try store.importDocuments(
            path: good, into: FileRef(box: "H1", file: "01"), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 2)
        // The log counts them in documents; rows without pages add no "0 trang"
        #expect(try store.events(lang: .vi).last { $0.kind == "import.docs" }?.quantity == "2 văn bản")
        let docs = try store.documents(in: "H1/01", lang: .vi)
        #expect(docs.map(\.numberSymbol) == ["12/QĐ-UBND", "05/TTr-ĐC"])
        #expect(
            docs[1].kindName == "Tờ trình" && docs[1].date == "2001-02" && docs[1].sheets == "3"
                && docs[1].notes == "bản sao")
        #expect(docs[0].issuer == "UBND xã Sơn Kim")
        // When a list with a bad row is imported, nothing is, and the line is named
        let bad = Fixture.write(
            """
            Hộp số,Hồ sơ số,Trích yếu,Ngày tháng
            H1,02,Một,2001
            H1,09,Hai,2001
            H1,02,Ba,32/01/2001
            """, to: "bad.csv", in: dir)
        do {
            try store.importDocuments(path: bad, by: Fixture.who(), lang: .vi)
            Issue.record("a bad list was imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3, 4])
        }
        #expect(try store.documents(in: "H1/02", lang: .vi).isEmpty)
        // And the import is undone whole
        let event = try #require(try store.events(lang: .vi).last { $0.kind == "import.docs" })
        try store.undo(eventId: event.id, by: Fixture.who())
        #expect(try store.documents(lang: .vi).isEmpty)
    }

    @Test func anImportWrittenInChunksIsAllOrNothingToo() throws {
        // The rows are checked on one thread while the chunks already checked are written on another: a wrong row
        // after several chunks were written must still leave the catalogue, its log and its index as they were.
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = (1...9).map { "H1,02,\($0)/QĐ-UBND,Về việc kênh mương thôn \($0),\($0)-\($0)" }
        let header = "Hộp số,Hồ sơ số,Số ký hiệu,Trích yếu,Trang\n"
        let bad = Fixture.write(
            header + rows.prefix(7).joined(separator: "\n") + "\nH1,02,8/QĐ-UBND,Sai ngày,9-3\n", to: "bad.csv", in: dir
        )
        let eventsBefore = try store.events(lang: .vi).count
        #expect(throws: ImportError.self) {
            try store.importDocuments(
                path: bad, into: nil, encoding: .auto, dryRun: false, chunk: 2, by: Fixture.who(), lang: .vi)
        }
        #expect(try store.documents(lang: .vi).isEmpty && (try store.events(lang: .vi).count) == eventsBefore)
        #expect(try store.search("kenh muong").files.isEmpty)
        // And the same rows without the wrong one are written whole, chunk after chunk, in order
        let good = Fixture.write(header + rows.joined(separator: "\n") + "\n", to: "good.csv", in: dir)
        let report = try store.importDocuments(
            path: good, into: nil, encoding: .auto, dryRun: false, chunk: 2, by: Fixture.who(), lang: .vi)
        #expect(report.imported == 9)
        let docs = try store.documents(in: "H1/02", lang: .vi)
        #expect(docs.map(\.seq) == Array(1...9) && docs.map(\.number) == (1...9).map(String.init))
        #expect(try store.search("kenh muong").matches == 9)
        #expect(try store.search("thôn 7").files.first?.hits.first?.document == "H1/02/7")
        let event = try #require(try store.events(lang: .vi).last { $0.kind == "import.docs" })
        #expect(event.pages == 9 && event.file == "H1/02" && event.detail.count == 9)
        try store.undo(eventId: event.id, by: Fixture.who())
        #expect(try store.documents(lang: .vi).isEmpty && (try store.search("kenh muong").files.isEmpty))
    }

    @Test func searchFoldsDiacriticsAndDAndRanksExactMatchesFirst() throws {
        let store = try catalogue()
        try store.addDocument(
            try ref("H1/02"), DocumentDraft(summary: "Báo cáo tình hình dat dai (gõ không dấu)"), by: Fixture.who(),
            lang: .vi)
        // "dat", "DAT", "đất" and "Đất" all find the file titled "giao đất" and the document typed without diacritics
        for query in ["dat", "DAT", "đất", "Đất"] {
            let refs = Set(try store.search(query).files.map(\.ref))
            #expect(refs == ["H1/01", "H1/02"], "\(query)")
        }
        // And an exact Vietnamese query ranks the exact match first
        #expect(try store.search("đất").files.first?.ref == "H1/01")
        #expect(try store.search("dat").files.count == 2)
        // And each result says where to fetch the paper, with the words matched as written
        let hit = try #require(try store.search("giao dat").files.first)
        #expect(hit.box == "H1" && hit.location == "A-3" && hit.hits.first?.matches == ["giao", "đất"])
        // And the old --search filter folds the same way
        #expect(try store.listFiles(FileFilter(search: "DAT")).map(\.ref) == ["H1/01"])
        // And an edit is searchable at once (the index follows every write)
        try store.editFile(FileRef(box: "H1", file: "02"), FileChanges(title: "Sổ theo dõi hộ khẩu"), by: Fixture.who())
        #expect(try store.search("ho khau").files.map(\.ref) == ["H1/02"])
        #expect(try store.search("dân số").files.isEmpty)
    }

    @Test func aBroadQueryRanksTheNewestMatchesAndStillListsOlderExactOnesFirst() throws {
        let store = try catalogue()
        // One old document about "Đạt", then 12 newer ones about "đất": all fold to "dat"
        try store.addDocument(
            try ref("H1/02"), DocumentDraft(summary: "Khen thưởng anh Đạt"), by: Fixture.who(), lang: .vi)
        for n in 1...12 {
            try store.addDocument(
                try ref("H1/01"), DocumentDraft(summary: "Giao đất lần \(n)"), by: Fixture.who(), lang: .vi)
        }
        // When more match than the ranked window (10 here), the answer says so
        let broad = try store.search("dat", limit: 20, window: 10)
        #expect(broad.broad && broad.matches == 11)
        // And the newest 10 documents are ranked: the old "Đạt" is not among them, nor the file title
        #expect(broad.files.flatMap(\.hits).allSatisfy { !$0.text.contains("Đạt") })
        // But typed with its diacritics, the exact "Đạt" comes first though it is older than the window
        let exact = try store.search("Đạt", limit: 20, window: 10)
        #expect(exact.files.first?.ref == "H1/02" && exact.files.first?.hits.first?.text.contains("Đạt") == true)
        // And without a window, every match is counted and "đất" ranks its exact matches before "Đạt"
        let all = try store.search("đất", limit: 20, window: 1_000)
        #expect(!all.broad && all.matches == 14 && all.files.first?.ref == "H1/01")
    }

    /// Every word the search index holds, by table: (term, rowid, position), read through `fts5vocab`.
    func indexed(_ store: KhoStore) throws -> [String: Set<String>] {
        try store.write { db in
            var words: [String: Set<String>] = [:]
            for table in SearchIndex.tables {
                try db.execute(sql: "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, \(table), instance)")
                words[table] = Set(
                    try Row.fetchAll(db, sql: "SELECT term, doc, offset FROM temp.vocab").map {
                        "\($0["term"] as String) \($0["doc"] as Int64) \($0["offset"] as Int)"
                    })
                try db.execute(sql: "DROP TABLE temp.vocab")
            }
            return words
        }
    }

    @Test func theBulkIndexOfAnImportIndexesTheSameWordsAsTheTriggers() throws {
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Given one document and one file written one by one (indexed by the triggers)
        try store.addDocument(
            try ref("H1/02"),
            DocumentDraft(
                number: "12/QĐ-UBND", issuer: "UBND xã", summary: "Giao đất 100% «Đợt 1»",
                notes: "ghi chú %s \"trích\" a\\b",
                keywords: "đất đai"), by: Fixture.who(), lang: .vi)
        // And the same written by an import (indexed in one statement)
        let docs = Fixture.write(
            """
            STT,Số ký hiệu,Tác giả,Trích yếu,Ghi chú,Từ khóa
            1,12/QĐ-UBND,UBND xã,Giao đất 100% «Đợt 1»,"ghi chú %s ""trích"" a\\b",đất đai
            """, to: "vb.csv", in: dir)
        try store.importDocuments(path: docs, into: FileRef(box: "H1", file: "01"), by: Fixture.who(), lang: .vi)
        let files = Fixture.write("box,file,title,notes\nH1,03,Hồ sơ giao đất thôn 2,%d Đ\n", to: "f.csv", in: dir)
        try store.importCSV(.files, path: files, by: Fixture.who(), lang: .vi)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "04"), title: "Hồ sơ giao đất thôn 2", notes: "%d Đ"),
            by: Fixture.who())
        // Then both indexes hold the same words at the same places for each pair
        let (docIds, fileIds) = try store.read { db in
            (
                try Int64.fetchAll(db, sql: "SELECT id FROM document ORDER BY id"),
                try Int64.fetchAll(db, sql: "SELECT id FROM file WHERE code IN ('03', '04') ORDER BY code")
            )
        }
        #expect(docIds.count == 2 && fileIds.count == 2)
        let words = try indexed(store)
        for table in SearchIndex.tables {
            func of(_ rowid: Int64) -> Set<String> {
                Set(
                    (words[table] ?? []).compactMap { word in
                        let parts = word.split(separator: " ")
                        return parts[1] == "\(rowid)" ? "\(parts[0]) \(parts[2])" : nil
                    })
            }
            let (byTrigger, byImport) = (of(docIds[0] * 4 + 1), of(docIds[1] * 4 + 1))
            #expect(byTrigger.count > 10 && byTrigger == byImport, "\(table) \(byTrigger) \(byImport)")
            let (imported, registered) = (of(fileIds[0] * 4), of(fileIds[1] * 4))
            #expect(imported.count > 6 && imported == registered, "\(table) \(imported) \(registered)")
        }
        #expect(words["search_exact"]?.contains { $0.hasPrefix("đất \(docIds[0] * 4 + 1) ") } == true)
        #expect(words["search_folded"]?.contains { $0.hasPrefix("dat \(docIds[0] * 4 + 1) ") } == true)
        #expect(words["search_folded"]?.contains { $0.hasPrefix("đất ") } == false)
    }

    @Test func theIndexForgetsWhatEveryEditMoveDeleteAndUndoTakesAway() throws {
        // The index keeps no copy of the text: a row is forgotten only by the words it was indexed with, so after
        // any sequence of writes the index must hold exactly what indexing the catalogue afresh gives.
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try store.addDocument(
            try ref("H1/01"), DocumentDraft(number: "12/QĐ-UBND", summary: "Về việc giao đất cũ"), by: Fixture.who(),
            lang: .vi)
        try store.addDocument(
            try ref("H1/01"), DocumentDraft(number: "7/TTr-UBND", summary: "Phòng chống lụt bão"), by: Fixture.who(),
            lang: .vi)
        let docs = Fixture.write(
            "STT,Số ký hiệu,Trích yếu\n1,3/BC-UBND,Báo cáo khai sinh\n2,4/CV-UBND,Công văn kênh mương\n",
            to: "vb.csv", in: dir)
        try store.importDocuments(path: docs, into: FileRef(box: "H1", file: "02"), by: Fixture.who(), lang: .vi)
        try store.editDocument(
            try ref("H1/01/1"), DocumentDraft(summary: "Về việc giao đất mới"), by: Fixture.who(), lang: .vi)
        try store.moveDocument(try ref("H1/01/2"), to: try ref("H1/02"), by: Fixture.who(), lang: .vi)
        try store.editFile(
            FileRef(box: "H1", file: "01"), FileChanges(title: "Hồ sơ thu hồi đất", keywords: "đất đai"),
            by: Fixture.who())
        let imported = try #require(try store.events(lang: .vi).last { $0.kind == "import.docs" })
        try store.undo(eventId: imported.id, by: Fixture.who())
        // And writes from outside kho: a kind renamed and one added, an OCR text written, replaced and removed
        try store.write { db in
            try db.execute(sql: "UPDATE document_kind SET vi = 'Văn bản cá biệt' WHERE key = 'quyet_dinh'")
            try db.execute(
                sql: "INSERT INTO document_kind (key, vi, en, abbreviation) VALUES ('phieu', 'Phiếu gửi', 'Slip', 'PG')"
            )
            // A kind in use removed and written back under another name (the keys checked at commit)
            try db.execute(
                sql: """
                    PRAGMA defer_foreign_keys = ON;
                    DELETE FROM document_kind WHERE key = 'to_trinh';
                    INSERT INTO document_kind (key, vi, en, abbreviation) VALUES ('to_trinh', 'Đề nghị', 'Proposal', 'TTr');
                    """)
            let file = try Int64.fetchOne(db, sql: "SELECT id FROM file ORDER BY id LIMIT 1") ?? 0
            try db.execute(sql: "INSERT INTO pdf_text (file_id, text) VALUES (?, 'đơn xin cấp đất')", arguments: [file])
            try db.execute(sql: "UPDATE pdf_text SET text = 'đơn xin giao đất'")
        }
        #expect(try store.search("cũ").files.isEmpty)
        #expect(try store.search("khai sinh").files.isEmpty)
        #expect(try store.search("mới").files.first?.ref == "H1/01")
        #expect(try store.search("van ban ca biet").files.first?.ref == "H1/01")
        #expect(try store.search("quyet dinh").files.isEmpty)
        #expect(try store.search("to trinh").files.isEmpty)
        #expect(try store.search("đề nghị").files.first?.ref == "H1/02")
        #expect(try store.search("xin giao").files.first?.hits.first?.kind == "ocr")
        let live = try indexed(store)
        try store.write { db in try Migrations.v9SearchContentless(db) }
        let afresh = try indexed(store)
        for table in SearchIndex.tables {
            #expect(live[table] == afresh[table], "\(table): \(live[table] ?? []) ≠ \(afresh[table] ?? [])")
        }
        #expect((live["search_exact"] ?? []).contains { $0.hasPrefix("mới ") })
        #expect(!(live["search_folded"] ?? []).contains { $0.hasPrefix("cu ") || $0.hasPrefix("sinh ") })
        try store.write { db in try db.execute(sql: "DELETE FROM pdf_text") }
        let words = try indexed(store)
        #expect(!(words["search_folded"] ?? []).contains { $0.hasPrefix("xin ") })
    }

    @Test func metadataHasTheCircularsFieldsInOrderAndFindsPagesPastTheMasters() throws {
        let store = try catalogue()
        try store.editFile(
            FileRef(box: "H1", file: "01"), FileChanges(language: "vi", keywords: "đất đai; giao đất"),
            by: Fixture.who())
        try store.addDocument(
            try ref("H1/01"),
            DocumentDraft(
                number: "12/QĐ-UBND", date: "2001", summary: "Về việc giao đất", pages: "1-9",
                autograph: true), by: Fixture.who(), lang: .vi)
        let files = try store.metadata(.file, lang: .vi)
        #expect(
            files.header.first == "Mã hồ sơ" && files.header[1] == "Tiêu đề hồ sơ"
                && files.header.last == "Tệp tin hồ sơ")
        #expect(files.header.count == 18)
        let row = try #require(files.rows.first)
        #expect(row[4] == "vi" && row[7] == "đất đai; giao đất" && row[8] == "1")
        let docs = try store.metadata(.document, lang: .en)
        #expect(docs.header.count == 21 && docs.header.first == "Document identifier" && docs.header.last == "Notes")
        #expect(docs.rows.first?[4] == "12" && docs.rows.first?[5] == "QĐ-UBND" && docs.rows.first?[15] == "Yes")
        // No masters yet: no finding; the check reports a range past the masters once they are on record
        #expect(docs.findings.isEmpty)
        let scans = try TemporaryDirectory()
        let path = scans.file("H1/01/0001.tif")
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FixtureWriter.write([FixturePage(width: 16, height: 16), FixturePage(width: 16, height: 16)], to: path)
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), lang: .vi, now: Fixture.now)
        let findings = try store.documentPageFindings()
        #expect(findings == [PageRangeFinding(document: "H1/01/1", pageTo: 9, masterPages: 2)])
        #expect(
            try store.check(now: Fixture.now).problems.contains {
                $0.code == "document_pages" && $0.subject == "document H1/01/1"
            })
    }

    @Test func theEstimateMeasuresDocumentsPerFileFromDescribedFiles() throws {
        let store = try catalogue()
        for n in 3...12 {
            try store.registerFile(
                FileDraft(ref: FileRef(box: "H1", file: String(format: "%02d", n)), title: "Hồ sơ \(n)"),
                by: Fixture.who())
        }
        // Given an arranged box (no files predicted) with 10 files described with 4 documents of 2 pages each,
        // and 2 files not described
        _ = try store.finishArrangementRecordingStarts(of: ["H1"], by: Fixture.who())
        for n in 3...12 {
            for _ in 0..<4 {
                try store.addDocument(
                    try ref("H1/" + String(format: "%02d", n)), DocumentDraft(summary: "văn bản", pageCount: "2"),
                    by: Fixture.who(), lang: .vi)
            }
        }
        let inputs = try store.estimateInputs(EstimateRequest(rates: .defaults, ratesFound: false), now: Fixture.now)
        #expect(inputs.measured.documentsPerFile == 4 && inputs.measured.documentsMeasuredFiles == 10)
        #expect(inputs.measured.pagesPerDocument == 2 && inputs.remaining.filesWithoutDocuments == 2)
        let result = estimate(inputs)
        let d = try #require(result.documents)
        // Then documents still to describe are the 2 files' at 4 each, measured, not assumed
        #expect(d.documentsPerFileSource == .measured && d.documentsToDescribe == 8)
        #expect(!result.assumptions.contains { $0.key == "documents_per_file" })
        #expect(result.money.contractor.first { $0.item == "per_document_described" }?.quantity == 8)
    }
}
