import Foundation
import Testing

@testable import KhoKit

/// One concept, one record: each field of the catalogue is declared once, on its record (`Box`, `FileRecord`,
/// `DocumentRecord`), and what people read (`kho file show --json`, `kho doc show --json`) and type (drafts,
/// changes) follows the record. Issue 26 found these as parallel structs that drift (the Circular 05/2025 fields on
/// both sides). `BoxView`, `FileView` and `DocumentView` are now made of their records (written with the record's own
/// keys, less their ids); the input types (drafts, changes) are still their own structs. This suite fails when a field is added
/// to a record and not to what shows or edits it, unless the field is named below with the reason it stays out.
@Suite struct RecordViewsTests {
    /// The stored properties of `value`, by their Swift names.
    static func fields(_ value: Any) -> Set<String> { Set(Mirror(reflecting: value).children.compactMap(\.label)) }

    /// The keys `value` is written with in `--json`.
    static func jsonKeys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
        return Set((object as? [String: Any] ?? [:]).keys)
    }

    /// A record's fields by Swift name (`start_year` → `startYear`, `extent_mm` → `extentMM`) from its coding keys.
    static func names<Key: CodingKey & CaseIterable>(_ keys: Key.Type) -> Set<String> {
        Set(
            keys.allCases.map { key in
                let words = key.stringValue.split(separator: "_").map(String.init)
                let tail = words.dropFirst().map { $0 == "mm" ? "MM" : $0.prefix(1).uppercased() + $0.dropFirst() }
                return ([words.first ?? ""] + tail).joined()
            })
    }

    static func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H1", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(
            FileDraft(
                ref: FileRef(box: "H1", file: "01"), title: "Hồ sơ", startYear: "2001", endYear: "2003",
                retention: "permanent", sheets: "42"),
            by: Fixture.who())
        return store
    }

    // Every optional field is given a value: `--json` leaves out what is empty.
    @Test func fileShowWritesEveryFieldOfTheFileRecord() throws {
        let view = try Self.catalogue().showFile(FileRef(box: "H1", file: "01"))
        // The record's columns, as the view names them: the box by its code, the file by its code.
        let shown = Set(FileRecord.CodingKeys.allCases.map(\.rawValue)).subtracting(["id"])
            .map { ["box_id": "box", "code": "file"][$0] ?? $0 }
        let missing = Set(shown).subtracting(try Self.jsonKeys(view))
        #expect(missing.isEmpty, "file show --json lacks \(missing.sorted()) of FileRecord")
    }

    @Test func documentShowWritesEveryFieldOfTheDocumentRecord() throws {
        let store = try Self.catalogue()
        let view = try store.addDocument(
            DocumentRef(file: FileRef(box: "H1", file: "01"), seq: 1),
            DocumentDraft(kind: "Quyết định", summary: "Giao đất", pages: "3-5", retention: "permanent"),
            by: Fixture.who(), lang: .vi)
        // `added_event` is the import that added it (for undo), not something a person reads.
        let shown = Set(DocumentRecord.CodingKeys.allCases.map(\.rawValue)).subtracting(["id", "added_event"])
            .map { ["file_id": "file"][$0] ?? $0 }
        let missing = Set(shown).subtracting(try Self.jsonKeys(view))
        #expect(missing.isEmpty, "doc show --json lacks \(missing.sorted()) of DocumentRecord")
    }

    @Test func boxShowWritesEveryFieldOfTheBox() throws {
        let store = try Self.catalogue()
        // A box made from H1 by arrangement (so it has the box it came from and the metres it kept), with its years
        try store.registerBox(
            BoxDraft(code: "H2", fonds: "UBND-SK1", startYear: "1998", endYear: "1999", from: "H1"), by: Fixture.who())
        let view = try #require(try store.listBoxes().first { $0.code == "H2" })
        // The record's columns, as the view names them: the fonds and the box it came from by code, metres
        let shown = Set(Box.CodingKeys.allCases.map(\.rawValue)).subtracting(["id"]).map {
            ["fonds_id": "fonds", "from_box_id": "from", "extent_mm": "extent_m", "kept_mm": "kept_m"][$0] ?? $0
        }
        let missing = Set(shown).subtracting(try Self.jsonKeys(view))
        #expect(missing.isEmpty, "box show --json lacks \(missing.sorted()) of Box")
        #expect(view.from == "H1" && view.keptMetres == view.extentMetres)
    }

    @Test func theViewsNeverWriteTheirRecordsIds() throws {
        let store = try Self.catalogue()
        let file = try store.showFile(FileRef(box: "H1", file: "01"))
        let box = try #require(try store.listBoxes().first)
        let doc = try store.addDocument(
            DocumentRef(file: FileRef(box: "H1", file: "01"), seq: 1), DocumentDraft(summary: "Quyết định"),
            by: Fixture.who(), lang: .vi)
        #expect(try Self.jsonKeys(file).isDisjoint(with: ["id", "box_id", "code"]))
        #expect(try Self.jsonKeys(box).isDisjoint(with: ["id", "fonds_id", "from_box_id", "extent_mm", "kept_mm"]))
        #expect(try Self.jsonKeys(doc).isDisjoint(with: ["id", "file_id", "added_event"]))
    }

    /// The web offers the hand record of scanning where `FileRecord.acceptsScanRecord` says so; `kho scan record`
    /// refuses exactly where it says no, on every rung and access level.
    @Test func aHandRecordOfScanningIsTakenExactlyWhereTheRecordSaysSo() throws {
        for state in ScanState.allCases {
            for access in [Access.open, .secret] {
                let store = try Self.catalogue()
                try store.writing { tx in
                    var (_, file) = try tx.catalogue.file(ref: FileRef(box: "H1", file: "01"))
                    file.scanState = state
                    file.access = access
                    try tx.catalogue.update(file)
                }
                let view = try store.showFile(FileRef(box: "H1", file: "01"))
                let taken = (try? store.recordScan(of: FileRef(box: "H1", file: "01"), pages: 60, by: Fixture.who()))
                #expect((taken != nil) == view.acceptsScanRecord, "\(state) \(access)")
            }
        }
    }

    @Test func aFileEditCanChangeEveryFieldAPersonKeeps() {
        // Out: the ids, the code (renamed by `kho file rename`, kept in the log), the ladder (scans set it).
        let typed = Self.names(FileRecord.CodingKeys.self).subtracting(["id", "boxId", "code", "scanState", "pages"])
        let missing = typed.subtracting(Self.fields(FileChanges()))
        #expect(missing.isEmpty, "FileChanges lacks \(missing.sorted()) of FileRecord")
        // A new file takes the fields of the inventory's columns; the Circular 05 fields come with kho file edit or
        // the CSV import.
        let circular05: Set = [
            "language", "keywords", "infoSymbol", "reliability", "paperCode", "backupMode", "backupState",
        ]
        let draft = Self.fields(FileDraft(ref: FileRef(box: "H1", file: "01"), title: ""))
        let notDrafted = typed.subtracting(draft).subtracting(circular05)
        #expect(notDrafted.isEmpty, "FileDraft lacks \(notDrafted.sorted()) of FileRecord")
    }

    @Test func aBoxDraftAndABoxEditCoverEveryFieldAPersonTypes() {
        // As typed: the fonds by its code, metres as text, the box it was split from by its code.
        let typed = Self.names(Box.CodingKeys.self).subtracting(["id", "arrangement"]).map {
            ["fondsId": "fonds", "extentMM": "extent", "fromBoxId": "from", "keptMM": "kept"][$0] ?? $0
        }
        // A draft is a box not yet arranged (nothing kept yet); an edit keeps the code (`kho box rename`) and the
        // box it came from (fixed when it was registered).
        let draftMissing = Set(typed).subtracting(["kept"]).subtracting(Self.fields(BoxDraft(code: "", fonds: "")))
        let editMissing = Set(typed).subtracting(["code", "from"]).subtracting(Self.fields(BoxChanges()))
        #expect(draftMissing.isEmpty, "BoxDraft lacks \(draftMissing.sorted()) of Box")
        #expect(editMissing.isEmpty, "BoxChanges lacks \(editMissing.sorted()) of Box")
    }

    @Test func aDocumentDraftCoversEveryFieldAPersonTypes() {
        // Out: the ids, its number in the file (given by its ref), the import that added it; the page range is typed
        // as one text (`pages: "3-5"`).
        let typed = Self.names(DocumentRecord.CodingKeys.self)
            .subtracting(["id", "fileId", "seq", "addedEvent", "pageFrom", "pageTo"])
        let missing = typed.subtracting(Self.fields(DocumentDraft()))
        #expect(missing.isEmpty, "DocumentDraft lacks \(missing.sorted()) of DocumentRecord")
    }
}
