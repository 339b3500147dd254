import Foundation
import GRDB
import Testing

@testable import KhoKit

/// Corrections of what was registered by mistake: renames and deletes while nothing has happened, refused with the
/// reason otherwise, undoable; and undoing an import removes exactly its rows.
@Suite struct CorrectionTests {
    let dir = Fixture.tempDir()

    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(
            BoxDraft(code: "H012", fonds: "UBND-SK1", extent: "0,5", location: "A-1"), by: Fixture.registrar)
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H012", file: "3"), title: "Hồ sơ đất thôn 2", sheets: "40"), by: Fixture.who())
        return store
    }

    func counts(_ store: KhoStore) throws -> [Int] {
        try store.read { db in
            try ["fonds", "box", "file"].map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? 0 }
        }
    }

    @Test func aBoxAndAFileAreRenamedAndTheRenameIsUndone() throws {
        let store = try catalogue()
        try store.moveBox("H012", to: "B-2", by: Fixture.who())
        let box = try store.renameBox("H012", to: "H0012", by: Fixture.who())
        #expect(box.code == "H0012")
        let file = try store.renameFile(FileRef(box: "H0012", file: "3"), to: "03", by: Fixture.who())
        #expect(file.code == "03")
        #expect(try store.listFiles().map(\.ref) == ["H0012/03"])
        // The log says old → new
        let renames =
            try store.events(LogFilter(kind: "box.rename"), lang: .vi)
            + store.events(LogFilter(kind: "file.rename"), lang: .vi)
        #expect(
            renames.map(\.changes) == [["mã: «H012» → «H0012»"], ["mã: «3» → «03»"]]
                || renames.map(\.changes) == [["code: «H012» → «H0012»"], ["code: «3» → «03»"]])
        // Refusals: the same code, a code in use, a bad code
        expectError(
            CorrectionError.sameCode(thing: .box, code: "H0012"),
            { try store.renameBox("H0012", to: "H0012", by: Fixture.who()) })
        try store.registerBox(BoxDraft(code: "H9", fonds: "UBND-SK1"), by: Fixture.registrar)
        expectError(
            CatalogueError.duplicateBox(code: "H9", fonds: "UBND-SK1", location: ""),
            { try store.renameBox("H0012", to: "H9", by: Fixture.who()) })
        // Undo the file rename, then the box rename
        try store.undo(eventId: try #require(renames.last?.id), by: Fixture.who())
        try store.undo(eventId: try #require(renames.first?.id), by: Fixture.who())
        #expect(try store.listFiles().map(\.ref) == ["H012/3"])
        #expect(try store.check(now: Fixture.now).clean)
    }

    @Test func aRenameIsRefusedOnceMastersOrACopyCarryTheCode() throws {
        let store = try catalogue()
        let fileId = try store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM file") }
        // A master on record in scans/H012/3/
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns, pages, readable, profile, ingested_at)
                    VALUES (?, 'H012/3/0001.tif', '/scans', '/scans/H012/3/0001.tif', '0001.tif', 1, 1, 10, 0, 0, 1, 1, 'vn-2025', 0)
                    """, arguments: [fileId])
        }
        expectError(
            CorrectionError.mastersInFolder(
                thing: .box, code: "H012", file: "H012/3", masters: 1, folder: "/scans/H012/3"),
            {
                try store.renameBox("H012", to: "H0012", by: Fixture.who())
            })
        // A delivered copy
        try store.write { db in
            var event = Event(kind: .pdfBuild, attribution: Fixture.who(), time: Fixture.time)
            try EventStore(db: db).append(&event)
            try db.execute(
                sql: """
                    INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine, ocr_language, seconds, sources, built_at)
                    VALUES (?, ?, 'UBND-SK1.2001.0001', '/pdf/x.pdf', 'x', 1, 1, 'PDF/A-2B', 't', 'vie', 1, '[]', 0)
                    """, arguments: [fileId, event.id])
        }
        expectError(
            CorrectionError.deliveredCopy(
                thing: .file, code: "H012/3", file: "H012/3", archiveId: "UBND-SK1.2001.0001"),
            {
                try store.renameFile(FileRef(box: "H012", file: "3"), to: "03", by: Fixture.who())
            })
        expectError(
            CorrectionError.deliveredCopy(
                thing: .fonds, code: "UBND-SK1", file: "H012/3", archiveId: "UBND-SK1.2001.0001"),
            {
                try store.renameFonds("UBND-SK1", to: "UBND-SK", by: Fixture.who())
            })
    }

    @Test func somethingRegisteredByMistakeIsDeletedWhileUntouchedAndComesBackWithUndo() throws {
        // Given a fonds, a box and a file registered by mistake, edited and moved but nothing else
        let store = try catalogue()
        try store.addFonds(code: "NHAM", name: "Phông nhầm", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "X1", fonds: "NHAM"), by: Fixture.registrar)
        try store.registerFile(FileDraft(ref: FileRef(box: "X1", file: "01"), title: "nhầm"), by: Fixture.who())
        try store.editFile(FileRef(box: "X1", file: "01"), FileChanges(title: "vẫn nhầm"), by: Fixture.who())
        try store.moveBox("X1", to: "Z-9", by: Fixture.who())
        let before = try counts(store)
        // When the box is deleted first, Then it is refused: it holds a file
        do {
            try store.deleteBox("X1", by: Fixture.who())
            Issue.record("a box with a file was deleted")
        } catch let error as CorrectionError {
            #expect(error.text.vi.contains("X1/01") && error.text.vi.contains("kho file delete X1/01"))
        }
        // When the file, the box and the fonds are deleted in turn, Then each goes
        let fileDelete = try store.deleteFile(FileRef(box: "X1", file: "01"), by: Fixture.who())
        let boxDelete = try store.deleteBox("X1", by: Fixture.who())
        let fondsDelete = try store.deleteFonds("NHAM", by: Fixture.who())
        #expect(try counts(store) == [before[0] - 1, before[1] - 1, before[2] - 1])
        #expect(try store.check(now: Fixture.now).clean)
        let log = try store.events(LogFilter(kind: "box.delete"), lang: .vi)
        #expect(log.first?.changes.first?.contains("X1") == true)
        // When undone in reverse order, Then they come back with their history
        expectError(
            CorrectionError.cannotRestore(
                thing: .file, code: "01",
                reason: Text(
                    vi: "hộp X1 của nó đã bị xóa; hãy hoàn tác việc xóa hộp trước",
                    en: "its box X1 was deleted; undo that first")),
            {
                try store.undo(eventId: fileDelete.id ?? 0, by: Fixture.who())
            })
        try store.undo(eventId: fondsDelete.id ?? 0, by: Fixture.who())
        try store.undo(eventId: boxDelete.id ?? 0, by: Fixture.who())
        try store.undo(eventId: fileDelete.id ?? 0, by: Fixture.who())
        #expect(try counts(store) == before)
        let file = try store.showFile(FileRef(box: "X1", file: "01"))
        #expect(file.title == "vẫn nhầm")
        #expect(
            try store.events(LogFilter(file: FileRef(box: "X1", file: "01")), lang: .vi).map(\.kind).prefix(2) == [
                "file.add", "file.edit",
            ])
        #expect(try store.showBox("X1").0.location == "Z-9")
        #expect(try store.check(now: Fixture.now).clean)
    }

    @Test(arguments: ["sort", "scan", "weed"])
    func aDeleteIsRefusedOnceWorkHappenedNamingWhatWhenAndWho(work: String) throws {
        let store = try catalogue()
        switch work {
        case "sort":
            try store.startArrangement(of: ["H012"], by: Fixture.who("Trần Văn Minh", at: "2026-11-20T08:00"))
        case "scan":
            try store.recordScan(
                of: FileRef(box: "H012", file: "3"), pages: 60, by: Fixture.who("Trần Văn Minh", at: "2026-11-20T08:00")
            )
        default:
            try store.startArrangement(of: ["H012"], by: Fixture.who("Trần Văn Minh", at: "2026-11-20T08:00"))
            let start = try #require(try store.events(LogFilter(kind: "sort.start"), lang: .vi).first)
            try store.addWeed(WeedDraft(box: "H012", title: "x", quantity: "1 tờ", reason: "r"), by: Fixture.who())
            try store.undo(eventId: start.id, by: Fixture.who())
        }
        do {
            if work == "scan" {
                try store.deleteFile(FileRef(box: "H012", file: "3"), by: Fixture.who())
            } else {
                try store.deleteFile(FileRef(box: "H012", file: "3"), by: Fixture.who())
                try store.deleteBox("H012", by: Fixture.who())
            }
            Issue.record("deleted after \(work)")
        } catch let error as CorrectionError {
            guard case .notUntouched(_, _, let happened) = error else {
                Issue.record("\(error)")
                return
            }
            switch work {
            case "sort":
                #expect(
                    happened.vi.contains("sort.start") && happened.vi.contains("20/11/2026 08:00")
                        && happened.en.contains("2026-11-20 08:00")
                        && happened.vi.contains("Trần Văn Minh"))
            case "scan": #expect(happened.vi.contains("scan.record") && happened.vi.contains("Trần Văn Minh"))
            default: #expect(happened.vi.contains("weed.add"))
            }
            #expect(error.text.vi.contains("kho undo"))
        }
    }

    @Test func undoingAnImportRemovesExactlyItsRowsUnlessOneWasTouched() throws {
        // Given boxes imported in two files and files imported into them
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H0", fonds: "UBND-SK1"), by: Fixture.registrar)
        let first = Fixture.write(
            "box,fonds,extent_m\nH1,UBND-SK1,0.125\nH2,UBND-SK1,0.25\nH3,UBND-SK1,0.5\n", to: "a.csv", in: dir)
        let second = Fixture.write(
            "box,fonds,extent_m,from\nH4,UBND-SK1,0.125,H1\nH5,UBND-SK1,0.125,H4\n", to: "b.csv", in: dir)
        try store.importCSV(.boxes, path: first, by: Fixture.who(), lang: .vi)
        try store.importCSV(.boxes, path: second, by: Fixture.who(), lang: .vi)
        let imports = try store.events(LogFilter(kind: "import.boxes"), lang: .vi)
        // When the first import is undone while H4 (of the second) was made from H1, Then it is refused naming H1
        do {
            try store.undo(eventId: imports[0].id, by: Fixture.who())
            Issue.record("undid an import whose box another box was made from")
        } catch let error as CorrectionError {
            guard case .importTouched(_, let row, let happened) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(row.vi == "hộp H1" && happened.vi.contains("H4"))
        }
        // When the second import is undone (H5 made from H4 in the same import), Then exactly H4 and H5 go
        try store.undo(eventId: imports[1].id, by: Fixture.who())
        #expect(try store.listBoxes().map(\.code) == ["H0", "H1", "H2", "H3"])
        // When a row of the first import is edited, Then undoing it is refused naming that row and the edit
        try store.moveBox("H2", to: "C-1", by: Fixture.who("Lê Thị Hoa"))
        do {
            try store.undo(eventId: imports[0].id, by: Fixture.who())
            Issue.record("undid an import with a touched row")
        } catch let error as CorrectionError {
            #expect(
                error.text.vi.contains("hộp H2") && error.text.vi.contains("box.move")
                    && error.text.vi.contains("Lê Thị Hoa"))
        }
        // When the move is undone, Then the import can be: an undone move changed nothing
        let move = try #require(try store.events(LogFilter(kind: "box.move"), lang: .vi).last)
        try store.undo(eventId: move.id, by: Fixture.who())
        try store.undo(eventId: imports[0].id, by: Fixture.who())
        #expect(try store.listBoxes().map(\.code) == ["H0"])
        // When a row of it is deleted, Then undoing the import says to undo the delete first
        let fresh = Fixture.write("box,fonds\nK1,UBND-SK1\nK2,UBND-SK1\n", to: "c.csv", in: dir)
        try store.importCSV(.boxes, path: fresh, by: Fixture.who(), lang: .vi)
        let third = try #require(try store.events(LogFilter(kind: "import.boxes"), lang: .vi).last)
        let deleted = try store.deleteBox("K2", by: Fixture.who())
        expectError(
            CorrectionError.importRowDeleted(event: third.id, row: "K2", by: deleted.id ?? 0),
            { try store.undo(eventId: third.id, by: Fixture.who()) })
        try store.undo(eventId: deleted.id ?? 0, by: Fixture.who())
        try store.undo(eventId: third.id, by: Fixture.who())
        #expect(try store.listBoxes().map(\.code) == ["H0"])
        #expect(try store.check(now: Fixture.now).clean)
    }

    @Test func undoingAFilesImportIsRefusedOnceAFileWasScanned() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.registrar)
        let path = Fixture.write("box,file,title,sheets\nH1,01,Sổ một,10\nH1,02,Sổ hai,12\n", to: "f.csv", in: dir)
        try store.importCSV(.files, path: path, by: Fixture.who(), lang: .vi)
        let event = try #require(try store.events(LogFilter(kind: "import.files"), lang: .vi).first)
        try store.recordScan(of: FileRef(box: "H1", file: "02"), pages: 12, by: Fixture.who("Lê Thị Hoa"))
        do {
            try store.undo(eventId: event.id, by: Fixture.who())
            Issue.record("undid an import with a scanned file")
        } catch let error as CorrectionError {
            #expect(error.text.vi.contains("hồ sơ H1/02") && error.text.vi.contains("scan.record"))
        }
        let scan = try #require(try store.events(LogFilter(kind: "scan.record"), lang: .vi).first)
        _ = scan
        // An import of files none of which was touched goes
        let other = Fixture.write("box,file,title\nH1,03,Sổ ba\n", to: "g.csv", in: dir)
        try store.importCSV(.files, path: other, by: Fixture.who(), lang: .vi)
        let second = try #require(try store.events(LogFilter(kind: "import.files"), lang: .vi).last)
        try store.undo(eventId: second.id, by: Fixture.who())
        #expect(try store.listFiles().map(\.ref) == ["H1/01", "H1/02"])
    }
}
