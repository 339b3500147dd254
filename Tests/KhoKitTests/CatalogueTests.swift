import Foundation
import Testing

@testable import KhoKit

@Suite struct CatalogueTests {
    @Test func registersBoxAndFileWithEvents() throws {
        // Given a catalogue with one fonds
        let store = try Fixture.store()
        // When a box and a file are registered
        let box = try store.registerBox(
            BoxDraft(code: "H0012", fonds: "UBND-SK1", extent: "0,25", location: "A-3-2"), by: Fixture.who())
        try store.registerFile(
            FileDraft(
                ref: FileRef(box: "H0012", file: "03"), title: "Hồ sơ đất đai", retention: "permanent", sheets: "42"),
            by: Fixture.who("Trần Văn Minh"))
        // Then they are listed, and each write left an attributed event
        #expect(box.extentMM == 250)
        let shown = try store.showBox("H0012")
        #expect(shown.box.location == "A-3-2")
        #expect(shown.files.map(\.ref) == ["H0012/03"])
        #expect(shown.files[0].retention == "permanent")
        let events = try store.events(lang: .vi)
        #expect(events.map(\.kind) == ["fonds.add", "box.add", "file.add"])
        #expect(events[2].actor == "Trần Văn Minh")
        #expect(events[2].file == "H0012/03")
        #expect(events[1].recorder.hasPrefix("test@"))
    }

    @Test func defaultExtentIsOneStandardBox() throws {
        let store = try Fixture.store()
        let box = try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        #expect(box.extentMM == 125)
    }

    @Test(arguments: [
        (BoxDraft(code: "H1", fonds: "NOPE"), CatalogueError.unknownFonds("NOPE")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "0"), CatalogueError.badExtent("0")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "-1"), CatalogueError.badExtent("-1")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", extent: "nhiều"), CatalogueError.badExtent("nhiều")),
        (
            BoxDraft(code: "H1", fonds: "UBND-SK1", startYear: "2005", endYear: "2001"),
            CatalogueError.yearsBackwards(start: 2005, end: 2001)
        ),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", startYear: "05"), CatalogueError.badYear("05")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", condition: "wet-ish"), CatalogueError.badCondition("wet-ish")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", from: "NOPE"), CatalogueError.unknownBox("NOPE")),
        (BoxDraft(code: "H1", fonds: "UBND-SK1", from: "H1"), CatalogueError.boxFromItself("H1")),
        (BoxDraft(code: " ", fonds: "UBND-SK1"), CatalogueError.emptyCode(.box)),
    ])
    func refusesBadBoxes(draft: BoxDraft, expected: CatalogueError) throws {
        // Given a catalogue
        let store = try Fixture.store()
        let before = try Fixture.eventCount(store)
        // When a bad box is registered, then it is refused naming the value, and nothing changes
        expectError(expected) { try store.registerBox(draft, by: Fixture.who()) }
        #expect(try store.listBoxes().isEmpty)
        #expect(try Fixture.eventCount(store) == before)
    }

    @Test func refusesDuplicateBoxNamingWhereTheFirstIs() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H0012", fonds: "UBND-SK1", location: "A-3-2"), by: Fixture.who())
        expectError(CatalogueError.duplicateBox(code: "H0012", fonds: "UBND-SK1", location: "A-3-2")) {
            try store.registerBox(BoxDraft(code: "H0012", fonds: "UBND-SK1"), by: Fixture.who())
        }
        #expect(
            CatalogueError.duplicateBox(code: "H0012", fonds: "UBND-SK1", location: "A-3-2").text.en
                == "box H0012 is already registered (fonds UBND-SK1, shelf A-3-2); choose another code or change it with `kho box edit H0012`"
        )
    }

    @Test func refusesDuplicateFondsAndFile() throws {
        let store = try Fixture.store()
        expectError(CatalogueError.duplicateFonds(code: "UBND-SK1", name: "UBND xã Sơn Kim 1")) {
            try store.addFonds(code: "UBND-SK1", name: "khác", by: Fixture.who())
        }
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Một"), by: Fixture.who())
        expectError(CatalogueError.duplicateFile(ref: "H1/01", title: "Một")) {
            try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Hai"), by: Fixture.who())
        }
    }

    @Test(arguments: [
        (FileDraft(ref: FileRef(box: "NOPE", file: "01"), title: "x"), CatalogueError.unknownBox("NOPE")),
        (
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", retention: "mãi mãi"),
            CatalogueError.badRetention("mãi mãi")
        ),
        (FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", retention: "0"), CatalogueError.badRetention("0")),
        (
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", retention: "-5"),
            CatalogueError.badRetention("-5")
        ),
        (FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", sheets: "-1"), CatalogueError.badSheets("-1")),
        (FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", access: "top"), CatalogueError.badAccess("top")),
        (FileDraft(ref: FileRef(box: "H1", file: "01"), title: "  "), CatalogueError.emptyText(.fileTitle)),
        (
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "x", startYear: "2010", endYear: "2009"),
            CatalogueError.yearsBackwards(start: 2010, end: 2009)
        ),
    ])
    func refusesBadFiles(draft: FileDraft, expected: CatalogueError) throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        let before = try Fixture.eventCount(store)
        expectError(expected) { try store.registerFile(draft, by: Fixture.who()) }
        #expect(try store.listFiles().isEmpty)
        #expect(try Fixture.eventCount(store) == before)
    }

    @Test(arguments: [
        ("permanent", Retention.permanent), ("vĩnh viễn", .permanent), ("Vinh vien", .permanent), ("10", .years(10)),
        ("20 năm", .years(20)),
    ])
    func readsRetention(text: String, expected: Retention) {
        #expect(Retention.parse(text) == expected)
    }

    @Test func fileRefsAreBoxSlashFile() throws {
        #expect(try FileRef(parsing: "H0012/03") == FileRef(box: "H0012", file: "03"))
        for bad in ["H0012", "H0012/", "/03", "a/b/c"] {
            expectError(CatalogueError.badFileRef(bad)) { try FileRef(parsing: bad) }
        }
    }

    @Test func textIsStoredAsNFCSoDiacriticsTypedEitherWayMatch() throws {
        // Given a title typed in decomposed form (as some keyboards and macOS file names produce)
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        let decomposed = "Hồ sơ đất đai".decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > "Hồ sơ đất đai".unicodeScalars.count)
        try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: "01"), title: decomposed), by: Fixture.who())
        // Then it is stored composed, and a search typed composed finds it
        let found = try store.listFiles(FileFilter(search: "đất đai"))
        #expect(found.count == 1)
        #expect(
            Array(found[0].title.unicodeScalars)
                == Array("Hồ sơ đất đai".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func editAndMoveKeepOldValuesAndCanBeUndone() throws {
        // Given a box on shelf A-1 with one file
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", location: "A-1"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H2", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Cũ", sheets: "10"), by: Fixture.who())
        // When the box is moved and the file edited and moved
        try store.moveBox("H1", to: "B-2", by: Fixture.who())
        try store.editFile(FileRef(box: "H1", file: "01"), FileChanges(title: "Mới", sheets: ""), by: Fixture.who())
        try store.moveFile(FileRef(box: "H1", file: "01"), toBox: "H2", by: Fixture.who())
        // Then the catalogue shows the new values and the log the old ones
        #expect(try store.showBox("H1").box.location == "B-2")
        let file = try store.showFile(FileRef(box: "H2", file: "01"))
        #expect(file.title == "Mới")
        #expect(file.sheets == nil)
        let log = try store.events(lang: .vi)
        let move = try #require(log.first { $0.kind == "box.move" })
        #expect(move.detail.before?["location"] == "A-1")
        // When the file move and the edit are undone (latest first), the file is back as it was
        let fileMove = try #require(log.first { $0.kind == "file.move" })
        let fileEdit = try #require(log.first { $0.kind == "file.edit" })
        expectError(WorkError.laterEventFirst(id: fileEdit.id, later: fileMove.id, kind: EventKind.fileMove.label)) {
            try store.undo(eventId: fileEdit.id, by: Fixture.who())
        }
        try store.undo(eventId: fileMove.id, by: Fixture.who())
        try store.undo(eventId: fileEdit.id, by: Fixture.who())
        try store.undo(eventId: move.id, by: Fixture.who())
        let restored = try store.showFile(FileRef(box: "H1", file: "01"))
        #expect(restored.title == "Cũ")
        #expect(restored.sheets == 10)
        #expect(try store.showBox("H1").box.location == "A-1")
    }

    @Test func editWithNothingToChangeIsRefused() throws {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1", location: "A-1"), by: Fixture.who())
        expectError(CatalogueError.nothingToChange) {
            try store.editBox("H1", BoxChanges(location: "A-1"), by: Fixture.who())
        }
    }

    @Test func listsFilterBoxesAndFiles() throws {
        let store = try Fixture.store()
        try store.addFonds(code: "DU", name: "Đảng ủy", by: Fixture.who())
        try store.registerBox(
            BoxDraft(code: "H1", fonds: "UBND-SK1", location: "A-3-1", condition: "mốc"), by: Fixture.who())
        try store.registerBox(BoxDraft(code: "H2", fonds: "DU", location: "B-1"), by: Fixture.who())
        #expect(try store.listBoxes(BoxFilter(fonds: "DU")).map(\.code) == ["H2"])
        #expect(try store.listBoxes(BoxFilter(location: "A-3")).map(\.code) == ["H1"])
        #expect(try store.listBoxes(BoxFilter(condition: "mould")).map(\.code) == ["H1"])
        #expect(try store.listBoxes(BoxFilter(arrangement: "unarranged")).count == 2)
        expectError(CatalogueError.unknownFonds("XX")) { try store.listBoxes(BoxFilter(fonds: "XX")) }
        #expect(try store.listFonds().map(\.code) == ["DU", "UBND-SK1"])
    }
}
