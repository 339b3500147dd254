import Foundation
import KhoEstimation
import Testing

@testable import KhoKit

/// Every message people see exists in Vietnamese and in English.
@Suite struct TranslationTests {
    static let errors: [any KhoError] = [
        CatalogueError.unknownFonds("F"), CatalogueError.unknownBox("B"), CatalogueError.unknownFile("B/F"), CatalogueError.duplicateFonds(code: "F", name: "n"),
        CatalogueError.duplicateBox(code: "B", fonds: "F", location: "A-1"), CatalogueError.duplicateFile(ref: "B/F", title: "t"), CatalogueError.badExtent("x"),
        CatalogueError.badYear("x"), CatalogueError.yearsBackwards(start: 2, end: 1), CatalogueError.badRetention("x"), CatalogueError.badSheets("x"), CatalogueError.badCondition("x"),
        CatalogueError.badAccess("x"), CatalogueError.badFileRef("x"), CatalogueError.emptyCode(.box), CatalogueError.emptyCode(.file), CatalogueError.emptyCode(.fonds), CatalogueError.emptyText(.fileTitle),
        CatalogueError.emptyText(.fondsName), CatalogueError.boxFromItself("B"), CatalogueError.nothingToChange,
        StoreError.notSQLite(path: "p"), StoreError.notAFile(path: "p"), StoreError.readOnly(path: "p"), StoreError.missing(path: "p"), StoreError.newerSchema(path: "p", unknown: ["v9"]),
        StoreError.cannotCreate(path: "p", reason: "r"), StoreError.busy(path: "p"), StoreError.diskFull(path: "p"), StoreError.io(path: "p", reason: "r"),
        AttributionError.noActor, AttributionError.badDate("x"), AttributionError.future("x"),
        WorkError.alreadyStarted(box: "B", when: "w", who: "p"), WorkError.alreadyFinished(box: "B", when: "w", who: "p"),
        WorkError.keptTooLarge(box: "B", kept: "1", extent: "0,5"), WorkError.badKept("x"), WorkError.keptWithManyBoxes, WorkError.secretFile("B/F"),
        WorkError.secretAlreadyScanned("B/F", "s"), WorkError.badPages("x"), WorkError.alreadyRecorded(ref: "B/F", when: "w", who: "p", event: 1),
        WorkError.alreadyIngested(ref: "B/F", state: "s"), WorkError.unknownEvent(1), WorkError.notUndoable(id: 1, kind: "k"), WorkError.alreadyUndone(id: 1, by: 2),
        WorkError.laterEventFirst(id: 1, later: 2, kind: "k"), WorkError.noBoxes,
        ImportError.cannotRead(path: "p", reason: "r"), ImportError.empty(path: "p"), ImportError.notUTF8(path: "p", looksLike1258: true),
        ImportError.notUTF8(path: "p", looksLike1258: false), ImportError.mojibake(path: "p", line: 1, sample: "s"),
        ImportError.missingColumns(path: "p", missing: ["a"], found: ["b"]), ImportError.unknownColumns(path: "p", unknown: ["a"], accepted: ["b"]),
        ImportError.duplicateColumn(path: "p", column: "c"), ImportError.badRows(path: "p", problems: [RowProblem(line: 2, code: "B", message: "m")], rows: 1),
        LogError.badKind("k"), LogError.badDay("d"), FilterError.badValue(field: "f", value: "v", allowed: "a"),
        ScanError.rootMissing("r"), ScanError.unreadable("p", "r"), ScanError.unknownProfile("n"), ScanError.badProfile(path: "p", reason: "r"), ScanError.noMasters("B/F"),
        RatesError.invalid(path: "p", message: Text(vi: "lỗi", en: "error")), RatesError.unreadable(path: "p", reason: "r"), RatesError.exists(path: "p"),
        EstimateError.nameTaken("n"), EstimateError.unknown("n"), EstimateError.emptyName,
        CatalogueError.emptyText(.holder), LocationError.badRisk("x"), LocationError.noneWithRisks, LocationError.noRisk,
        LocationError.unchanged(location: "A-1", risks: "ẩm"), LocationError.unchanged(location: "A-1", risks: ""),
        CustodyError.alreadyOut(thing: "H1", holder: "p", since: "s", purpose: "u", returnWith: "kho in H1"),
        CustodyError.insideBoxOut(file: "H1/01", box: "H1", holder: "p", since: "s"), CustodyError.filesOut(box: "H1", files: "H1/01 (p)"),
        CustodyError.cannotMoveWhileOut(thing: "H1/01", holder: "p", since: "s", returnWith: "kho in H1/01"),
        CustodyError.notOut(thing: "H1", hint: nil), CustodyError.notOut(thing: "H1/01", hint: .withBox(box: "H1", holder: "p")),
        CustodyError.notOut(thing: "H1", hint: .files("H1/01 (p)")), CustodyError.badPurpose("x"), CustodyError.badDue("x"),
        CustodyError.dueBeforeOut(due: "d", out: "o"), CustodyError.returnBeforeOut(thing: "H1", returned: "r", out: "o"),
        LabelError.badDay("x"), LabelError.noBoxes,
    ]

    @Test func everyErrorSpeaksBothLanguages() {
        for error in Self.errors {
            let text = error.text
            #expect(!text.vi.isEmpty && !text.en.isEmpty, "\(error)")
            #expect(text.vi != text.en, "\(error) is not translated: \(text.vi)")
        }
    }

    @Test func everyFindingAndLabelSpeaksBothLanguages() {
        let texts: [Text] = [
            IngestFinding.unknownFolder(box: "B", file: "F", masters: 1).text, IngestFinding.secretFile(ref: "B/F", masters: 1).text,
            IngestFinding.symlink(path: "p").text, IngestFinding.looseFile(path: "p").text, IngestFinding.notTIFFName(path: "p").text,
            IngestFinding.unreadableFolder(path: "p").text, VerifyText.missing, VerifyText.changed, VerifyText.unreadable("r"),
        ] + Condition.allCases.map(\.label) + Access.allCases.map(\.label) + ArrangementState.allCases.map(\.label)
            + ScanState.allCases.map(\.label) + EventKind.allCases.map(\.label)
            + LocationRisk.allCases.map(\.label) + CustodyPurpose.allCases.map(\.label) + QueueKind.allCases.map(\.label)
        for text in texts {
            #expect(!text.vi.isEmpty && !text.en.isEmpty)
            #expect(text.vi != text.en || ["m"].contains(text.vi), "not translated: \(text.vi)")
        }
    }

    /// No `Text` in the sources has an empty side, so a message can never be missing in one language.
    @Test func noTextLiteralIsEmptyOnEitherSide() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 50)
        var offenders: [String] = []
        for file in files {
            let source = try String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)
            if source.contains("Text(vi: \"\"") || source.contains(", en: \"\")") { offenders.append(file) }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
