import Foundation
import GRDB
import KhoTestSupport
import Testing

@testable import KhoKit

/// Issue 11, class 9: one code grammar everywhere, all stored text NFC by Foundation's normaliser, no control or
/// bidi characters in codes and names, and names on disk that are not UTF-8 or come in two Unicode spellings
/// reported, never skipped or merged silently.
@Suite struct CodeAndNameTests {
    let folder = try! TemporaryDirectory()
    var dir: URL { URL(fileURLWithPath: folder.path) }

    // MARK: The grammar

    @Test(arguments: [
        // The issue's examples: a path, a parent folder, hidden, an option, line breaks, tabs, control and bidi
        // characters, and 10,000 characters.
        ("H/12", CodeRule.Problem.character("/")),
        ("..", .badStart(".")),
        ("H..12", .doubleDot),
        (".H12", .badStart(".")),
        ("-H12", .badStart("-")),
        ("H\n12", .character("U+000A")),
        ("H\t12", .character("U+0009")),
        ("H 12", .character("U+0020")),
        ("H\u{1B}[2J", .character("U+001B")),
        ("H\u{202E}21", .character("U+202E")),
        ("H\u{2066}1", .character("U+2066")),
        ("H\u{7F}1", .character("U+007F")),
        ("H:1", .character(":")),
        ("H\\1", .character("\\")),
        ("H\u{200B}1", .character("U+200B")),
        (String(repeating: "H", count: 10_000), .tooLong(10_000)),
        (String(repeating: "7", count: 33), .tooLong(33)),
        ("\u{301}H1", .badStart("\u{301}")),
    ])
    func codesOutsideTheGrammarAreRefused(code: String, problem: CodeRule.Problem) {
        #expect(CodeRule.problem(Clean.nfc(code)) == problem)
    }

    @Test(arguments: [
        "H0012", "UBND-SK1", "H_1.2", "03", "HỘP-7", "Ηλ-1", "ملف1", "फ़ाइल-२", "a.b.c", "X-",
        String(repeating: "7", count: 32),
    ])
    func codesInTheGrammarAreAccepted(code: String) {
        #expect(CodeRule.problem(Clean.nfc(code)) == nil)
    }

    @Test func commandsAndCSVRefuseTheSameCodes() throws {
        // Given a catalogue
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: who)
        // When codes outside the grammar come as command arguments, Then each is refused, naming the problem
        expectError(
            CatalogueError.badCode(.box, code: "H/12", problem: .character("/")),
            { try store.registerBox(BoxDraft(code: "H/12", fonds: "UBND-SK1"), by: who) })
        expectError(
            CatalogueError.badCode(.fonds, code: "../x", problem: .character("/")),
            { try store.addFonds(code: "../x", name: "x", by: who) })
        expectError(
            CatalogueError.badCode(.fonds, code: "-rf", problem: .badStart("-")),
            { try store.addFonds(code: "-rf", name: "x", by: who) })
        expectError(
            CatalogueError.badCode(.file, code: ".hidden", problem: .badStart(".")),
            { try store.registerFile(FileDraft(ref: FileRef(box: "H1", file: ".hidden"), title: "x"), by: who) })
        expectError(
            CatalogueError.emptyCode(.box), { try store.registerBox(BoxDraft(code: "  ", fonds: "UBND-SK1"), by: who) })
        // and as CSV rows, each on its line with the same message
        let path = Fixture.write(
            "box,fonds\nH2,UBND-SK1\n\"H\u{1B}[31m\",UBND-SK1\nH\u{202E}3,UBND-SK1\n\(String(repeating: "X", count: 33)),UBND-SK1\n",
            to: "b.csv", in: dir)
        do {
            _ = try store.importCSV(.boxes, path: path, by: who, lang: .vi)
            Issue.record("bad codes were imported")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3, 4, 5])
            #expect(
                problems[0].message
                    == CatalogueError.badCode(.box, code: "H\u{1B}[31m", problem: .character("U+001B"))
                    .localizedDescription)
            // The message shows the refused code escaped: it cannot recolour the terminal that prints it.
            #expect(!problems.contains { $0.message.unicodeScalars.contains { Visible.isHidden($0) } })
            #expect(
                ImportError.badRows(path: path, problems: problems, rows: 4).text.en.unicodeScalars.allSatisfy {
                    !Visible.isHidden($0) || $0 == "\n"
                })
        }
        #expect(try store.listBoxes().map(\.code) == ["H1"])
        let message = CatalogueError.badCode(.box, code: "H/12", problem: .character("/")).text
        #expect(message.en.contains("at most 32 characters") && message.vi.contains("tối đa 32 ký tự"))
    }

    // MARK: NFC, by Foundation, for every script

    @Test(arguments: [
        // Greek ά, Arabic آ, Devanagari क़ (NFC keeps it decomposed: U+0958 is a composition exclusion), Vietnamese ệ.
        ("\u{3B1}\u{301}1", "\u{3AC}1"),
        ("\u{627}\u{653}1", "\u{622}1"),
        ("\u{958}1", "\u{915}\u{93C}1"),
        ("H\u{65}\u{323}\u{302}", "H\u{1EC7}"),
    ])
    func oneCodeCannotBeRegisteredInTwoSpellings(first: String, second: String) throws {
        // Given a box registered under one spelling
        let store = try Fixture.store()
        let box = try store.registerBox(BoxDraft(code: first, fonds: "UBND-SK1"), by: Fixture.who())
        // Then it is stored in NFC, byte for byte
        #expect(Array(box.code.utf8) == Array(first.precomposedStringWithCanonicalMapping.utf8))
        let stored = try store.read { db in try String.fetchOne(db, sql: "SELECT code FROM box") }
        #expect(stored.map { Array($0.utf8) } == Array(second.precomposedStringWithCanonicalMapping.utf8))
        // When the other spelling is registered, Then it is the same code, already registered
        #expect(throws: CatalogueError.self) {
            try store.registerBox(BoxDraft(code: second, fonds: "UBND-SK1"), by: Fixture.who())
        }
        // and either spelling finds it
        #expect(try store.showBox(second).box.code == box.code)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM box") } == 1)
    }

    @Test func aCSVCannotRegisterOneCodeTwiceInTwoSpellings() throws {
        let store = try Fixture.store()
        let path = Fixture.write("box,fonds\n\u{3B1}\u{301}1,UBND-SK1\n\u{3AC}1,UBND-SK1\n", to: "greek.csv", in: dir)
        do {
            _ = try store.importCSV(.boxes, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("one code was imported twice")
        } catch let ImportError.badRows(_, problems, _) {
            #expect(problems.map(\.line) == [3])
        }
    }

    // MARK: Names, titles, locations and notes

    @Test func controlAndBidiCharactersAreRefusedInNamesAndKeptOutOfNotes() throws {
        // Given a catalogue
        let store = try Fixture.store()
        let who = Fixture.who()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: who)
        // When names carry an ESC sequence or a bidi override, Then they are refused, naming the character
        expectError(
            CatalogueError.forbiddenCharacter(.fondsName, text: "UBND\u{1B}[2J", character: "U+001B"),
            { try store.addFonds(code: "F2", name: "UBND\u{1B}[2J", by: who) })
        expectError(
            CatalogueError.forbiddenCharacter(.fileTitle, text: "Sổ \u{202E}gnol", character: "U+202E"),
            {
                try store.registerFile(
                    FileDraft(ref: FileRef(box: "H1", file: "01"), title: "Sổ \u{202E}gnol"), by: who)
            })
        expectError(
            CatalogueError.forbiddenCharacter(.location, text: "A\n3", character: "U+000A"),
            { try store.moveBox("H1", to: "A\n3", by: who) })
        expectError(
            CatalogueError.forbiddenCharacter(.notes, text: "ẩm\u{7}", character: "U+0007"),
            { try store.editBox("H1", BoxChanges(notes: "ẩm\u{7}"), by: who) })
        // and the message quotes the value escaped
        #expect(
            CatalogueError.forbiddenCharacter(.fondsName, text: "UBND\u{1B}[2J", character: "U+001B").text.vi.contains(
                "UBND\\u{1B}[2J"))
        // But notes keep their line breaks (CR LF stored as LF) and tabs
        let box = try store.editBox("H1", BoxChanges(notes: "dòng 1\r\ndòng 2\tcột"), by: who)
        #expect(box.notes == "dòng 1\ndòng 2\tcột")
        // and so do titles, as a spreadsheet cell with Alt+Enter holds them
        let twoLines = try store.registerFile(
            FileDraft(ref: FileRef(box: "H1", file: "02"), title: "Tờ trình\r\nvề đất"), by: who)
        #expect(twoLines.title == "Tờ trình\nvề đất")
        // and ordinary text of any script passes, stored in NFC
        let file = try store.registerFile(
            FileDraft(
                ref: FileRef(box: "H1", file: "01"), title: "Hồ sơ".decomposedStringWithCanonicalMapping + " ملف Ηλ"),
            by: who)
        #expect(Array(file.title.utf8) == Array("Hồ sơ ملف Ηλ".precomposedStringWithCanonicalMapping.utf8))
    }

    @Test func escapingShowsEveryHiddenCharacter() {
        #expect(Visible.escaped("a\u{1B}[31mb") == "a\\u{1B}[31mb")
        #expect(Visible.escaped("x\u{202E}y\u{200F}") == "x\\u{202E}y\\u{200F}")
        #expect(Visible.escaped("a\nb\tc") == "a\\nb\\tc")
        #expect(Visible.escaped("a\nb\tc", keepingLineBreaks: true) == "a\nb\tc")
        #expect(Visible.escaped("a\u{9B}b\u{85}") == "a\\u{9B}b\\u{85}")
        #expect(Visible.escaped("Hồ sơ ملف") == "Hồ sơ ملف")
    }

    // MARK: Names on disk

    /// Creates an empty file whose name is `name`'s bytes, under `folder`.
    func touch(_ folder: URL, _ name: [UInt8]) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: path.count) {
                open($0, O_CREAT | O_WRONLY, 0o644)
            }
        }
        try #require(fd >= 0, "cannot create the file")
        close(fd)
    }

    @Test func aMasterNameThatIsNotUTF8IsAFindingNotSkippedSilently() throws {
        // Given a file folder with a good master and one whose name is Latin-1 "trang-é.tif" (byte E9)
        let root = dir.appendingPathComponent("scans")
        try touch(root.appendingPathComponent("H1/01"), Array("trang-1.tif".utf8))
        try touch(root.appendingPathComponent("H1/01"), Array("trang-".utf8) + [0xE9] + Array(".tif".utf8))
        // and a box folder whose name is not UTF-8 either
        try touch(root.appendingPathComponent("Hx2/01"), Array("a.tif".utf8))
        let badBox = Array(root.path.utf8) + [UInt8(ascii: "/"), UInt8(ascii: "H"), 0xFF, 0]
        _ = badBox.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: badBox.count) { mkdir($0, 0o755) }
        }
        // When the scans root is walked
        let (folders, findings) = try ScanWalker.walk(root: root.path)
        // Then the good master is found and both bad names are findings, with their bad bytes shown
        #expect(folders.flatMap(\.masters).map(\.relPath).sorted() == ["H1/01/trang-1.tif", "Hx2/01/a.tif"])
        #expect(findings.contains(.nameNotUTF8(path: "H1/01/trang-\\xE9.tif")), "\(findings)")
        #expect(findings.contains(.nameNotUTF8(path: "H\\xFF")), "\(findings)")
        #expect(IngestFinding.nameNotUTF8(path: "H1/01/trang-\\xE9.tif").text.en.contains("not UTF-8"))
    }

    @Test func nfcAndNFDSpellingsOfOnePageNameAreReportedNotMerged() throws {
        // Given the issue's example: "trang-ệ.tif" in NFC and in NFD in one file folder, beside "trang-2.tif"
        let root = dir.appendingPathComponent("scans")
        let folder = root.appendingPathComponent("H1/01")
        let nfc = "trang-\u{1EC7}.tif"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        try #require(Array(nfc.utf8) != Array(nfd.utf8))
        try touch(folder, Array(nfc.utf8))
        try touch(folder, Array(nfd.utf8))
        try touch(folder, Array("trang-2.tif".utf8))
        // When it is walked
        let (folders, findings) = try ScanWalker.walk(root: root.path)
        // Then the NFC one is the master, the collision is a finding, and the NFD file never becomes that master too
        let masters = folders.flatMap(\.masters)
        #expect(masters.map(\.relPath) == ["H1/01/trang-2.tif", "H1/01/" + nfc])
        #expect(masters.allSatisfy { !Array($0.diskPath.utf8).elementsEqual((folder.path + "/" + nfd).utf8) })
        #expect(findings == [.unicodeTwin(path: "H1/01/" + nfc, kept: true)])
    }

    @Test func twoNonNFCSpellingsOfOneFolderAreBothLeftOut() throws {
        // Given box folders "Ệ1" written decomposed two ways (E + dot below + circumflex, and E + circumflex + dot
        // below), neither of them NFC
        let root = dir.appendingPathComponent("scans")
        let a = "E\u{323}\u{302}1"
        let b = "E\u{302}\u{323}1"
        try #require(Clean.nfc(a) == Clean.nfc(b) && Array(a.utf8) != Array(b.utf8))
        try touch(root.appendingPathComponent(a).appendingPathComponent("01"), Array("p.tif".utf8))
        try touch(root.appendingPathComponent(b).appendingPathComponent("01"), Array("p.tif".utf8))
        // When it is walked, Then neither is taken, and the finding says so
        let (folders, findings) = try ScanWalker.walk(root: root.path)
        #expect(folders.isEmpty)
        #expect(findings == [.unicodeTwin(path: Clean.nfc(a), kept: false)])
    }
}
