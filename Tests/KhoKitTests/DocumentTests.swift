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
                summary: "Về việc giao đất", pages: "3-5"), by: Fixture.who())
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
        #expect(try store.addDocument(try ref("H1/01"), DocumentDraft(summary: "Tờ trình"), by: Fixture.who()).seq == 2)
        expectError(DocumentError.duplicateDocument(ref: "H1/01/1", summary: "Về việc giao đất")) {
            try store.addDocument(try ref("H1/01/1"), DocumentDraft(summary: "x"), by: Fixture.who())
        }
    }

    @Test func badFieldsAreRefusedWithTheValue() throws {
        let store = try catalogue()
        expectError(DocumentError.badDate("31/02/2001")) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(date: "31/02/2001"), by: Fixture.who())
        }
        expectError(DocumentError.badPages("5-3")) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(pages: "5-3"), by: Fixture.who())
        }
        expectError(DocumentError.pagesDisagree(range: "3-5", count: 4)) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(pages: "3-5", pageCount: "4"), by: Fixture.who())
        }
        #expect(throws: DocumentError.self) {
            try store.addDocument(try ref("H1/01"), DocumentDraft(kind: "Thư tình"), by: Fixture.who())
        }
        #expect(try store.documents().isEmpty)
    }

    @Test func editMoveAndUndoPutEverythingBack() throws {
        let store = try catalogue()
        try store.addDocument(
            try ref("H1/01"), DocumentDraft(number: "12/QĐ-UBND", summary: "Về việc giao đất"), by: Fixture.who())
        let edit = try store.editDocument(
            try ref("H1/01/1"), DocumentDraft(summary: "Về việc giao đất ở"), by: Fixture.who())
        #expect(edit.summary == "Về việc giao đất ở")
        let moved = try store.moveDocument(try ref("H1/01/1"), to: try ref("H1/02"), by: Fixture.who())
        #expect(moved.ref == "H1/02/1")
        // Undo the edit first is refused: the move came later
        let events = try store.events()
        let editEvent = try #require(events.last { $0.kind == "doc.edit" })
        let moveEvent = try #require(events.last { $0.kind == "doc.move" })
        #expect(throws: DocumentError.self) { try store.undo(eventId: editEvent.id, by: Fixture.who()) }
        try store.undo(eventId: moveEvent.id, by: Fixture.who())
        try store.undo(eventId: editEvent.id, by: Fixture.who())
        let back = try store.document(try ref("H1/01/1"))
        #expect(back.summary == "Về việc giao đất" && back.file == "H1/01")
        // And undoing the add removes it
        let add = try #require(try store.events().last { $0.kind == "doc.add" })
        try store.undo(eventId: add.id, by: Fixture.who())
        #expect(try store.documents().isEmpty)
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
        let report = try store.importDocuments(path: good, into: FileRef(box: "H1", file: "01"), by: Fixture.who())
        #expect(report.imported == 2)
        let docs = try store.documents(in: "H1/01")
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
            try store.importDocuments(path: bad, by: Fixture.who())
            Issue.record("a bad list was imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3, 4])
        }
        #expect(try store.documents(in: "H1/02").isEmpty)
        // And the import is undone whole
        let event = try #require(try store.events().last { $0.kind == "import.docs" })
        try store.undo(eventId: event.id, by: Fixture.who())
        #expect(try store.documents().isEmpty)
    }

    @Test func searchFoldsDiacriticsAndDAndRanksExactMatchesFirst() throws {
        let store = try catalogue()
        try store.addDocument(
            try ref("H1/02"), DocumentDraft(summary: "Báo cáo tình hình dat dai (gõ không dấu)"), by: Fixture.who())
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
        try store.addDocument(try ref("H1/02"), DocumentDraft(summary: "Khen thưởng anh Đạt"), by: Fixture.who())
        for n in 1...12 {
            try store.addDocument(try ref("H1/01"), DocumentDraft(summary: "Giao đất lần \(n)"), by: Fixture.who())
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

    @Test func theBulkIndexOfAnImportStoresTheSameTextAsTheTriggers() throws {
        let store = try catalogue()
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Given one document and one file written one by one (indexed by the triggers)
        try store.addDocument(
            try ref("H1/02"),
            DocumentDraft(
                number: "12/QĐ-UBND", issuer: "UBND xã", summary: "Giao đất 100% «Đợt 1»", notes: "ghi chú %s",
                keywords: "đất đai"), by: Fixture.who())
        // And the same written by an import (indexed in one statement)
        let docs = Fixture.write(
            """
            STT,Số ký hiệu,Tác giả,Trích yếu,Ghi chú,Từ khóa
            1,12/QĐ-UBND,UBND xã,Giao đất 100% «Đợt 1»,ghi chú %s,đất đai
            """, to: "vb.csv", in: dir)
        try store.importDocuments(path: docs, into: FileRef(box: "H1", file: "01"), by: Fixture.who())
        let files = Fixture.write("box,file,title,notes\nH1,03,Hồ sơ giao đất thôn 2,%d Đ\n", to: "f.csv", in: dir)
        try store.importCSV(.files, path: files, by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "04"), title: "Hồ sơ giao đất thôn 2", notes: "%d Đ"),
            by: Fixture.who())
        // Then both indexes hold the same text for each pair
        try store.read { db in
            func texts(_ rowid: Int64) throws -> [String?] {
                try ["search_exact", "search_folded"].map {
                    try String.fetchOne(db, sql: "SELECT text FROM \($0) WHERE rowid = ?", arguments: [rowid])
                }
            }
            let docIds = try Int64.fetchAll(db, sql: "SELECT id FROM document ORDER BY id")
            let fileIds = try Int64.fetchAll(
                db, sql: "SELECT id FROM file WHERE code IN ('03', '04') ORDER BY code")
            #expect(docIds.count == 2 && fileIds.count == 2)
            let (byTrigger, byImport) = (try texts(docIds[0] * 4 + 1), try texts(docIds[1] * 4 + 1))
            #expect(byTrigger.allSatisfy { $0 != nil } && byTrigger == byImport, "\(byTrigger) \(byImport)")
            let (imported, registered) = (try texts(fileIds[0] * 4), try texts(fileIds[1] * 4))
            #expect(imported.allSatisfy { $0 != nil } && imported == registered, "\(imported) \(registered)")
        }
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
                autograph: true), by: Fixture.who())
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
        _ = try store.ingest(root: scans.path, profile: .vn2025, by: Fixture.who("Hoa"), now: Fixture.now)
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
                    by: Fixture.who())
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
