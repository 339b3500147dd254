import Foundation
import KhoEstimation
import Testing

@testable import KhoKit

/// Every message people see exists in Vietnamese and in English.
@Suite struct TranslationTests {
    /// One error message to check: which type and case it is, and its two texts.
    struct Example: CustomStringConvertible {
        let type: String
        let caseName: String
        let text: Text
        let value: String

        init<E: KhoError>(_ error: E) {
            self.init(error, text: error.text)
        }

        init(_ error: RatesFileError) {
            self.init(error, text: error.message)
        }

        private init(_ error: some Error, text: Text) {
            type = String(describing: Swift.type(of: error))
            caseName = Self.caseName(of: error)
            self.text = text
            value = String(reflecting: error)
        }

        /// The name of the enum case `value` is, read by reflection: the label of its payload, or the case itself.
        static func caseName(of value: Any) -> String {
            if let label = Mirror(reflecting: value).children.first?.label { return label }
            return String(describing: value)
        }

        var description: String { value }
    }

    /// At least one example of every case of every public error enum in KhoKit and KhoEstimation, with variants whose
    /// wording differs. `everyErrorCaseHasAnExample` fails, naming the case, when a type or a case is added without one.
    static let examples: [Example] = {
        var all: [Example] = []
        func add<E: KhoError>(_: E.Type, _ errors: [E]) { all += errors.map { Example($0) } }
        func add(_: RatesFileError.Type, _ errors: [RatesFileError]) { all += errors.map { Example($0) } }
        // CatalogueError
        add(
            CatalogueError.self,
            [
                .unknownFonds("F"), .unknownBox("B"), .unknownFile("B/F"), .duplicateFonds(code: "F", name: "n"),
                .duplicateBox(code: "B", fonds: "F", location: "A-1"), .duplicateFile(ref: "B/F", title: "t"),
                .badExtent("x"),
                .extentTooLarge("99999"), .keptBeyondLargestBox("99"), .sheetsTooLarge("9999999"),
                .pagesTooLarge("9999999"),
                .badCode(.box, code: "a/b", problem: .character("/")), .badCode(.file, code: "", problem: .empty),
                .badCode(.fonds, code: "x", problem: .tooLong(40)), .badCode(.box, code: "-x", problem: .badStart("-")),
                .badCode(.box, code: "a..b", problem: .doubleDot),
                .forbiddenCharacter(.fileTitle, text: "t", character: "U+001B"),
                .forbiddenCharacter(.notes, text: "t", character: "U+202E"), .extentRoundsToZero("0,0001"),
                .extentBelowKept(box: "B", extent: Millimetres(100), kept: Millimetres(200)),
                .fileHasMasters(ref: "B/F", masters: 2, folder: "B/F", newFolder: "C/F"),
                .badYear("x"), .yearsBackwards(start: 2, end: 1), .badRetention("x"), .badSheets("x"),
                .badCondition("x"),
                .badAccess("x"), .badFileRef("x"), .emptyCode(.box), .emptyCode(.file), .emptyCode(.fonds),
                .emptyText(.fileTitle),
                .emptyText(.fondsName), .emptyText(.location), .emptyText(.notes), .emptyText(.holder),
                .boxFromItself("B"), .nothingToChange,
                .badYearRange("1995-19x6"), .emptyText(.weedTitle), .emptyText(.reason), .emptyText(.decision),
                .emptyText(.record),
            ])
        // CorrectionError
        let happened = Text(vi: "đã nạp bản quét ngày 01/12/2026 (Hoa)", en: "masters ingested on 2026-12-01 (Hoa)")
        add(
            CorrectionError.self,
            [
                .notUntouched(thing: .box, code: "H1", happened: happened),
                .notUntouched(thing: .file, code: "H1/01", happened: happened),
                .notUntouched(thing: .fonds, code: "F", happened: happened),
                .deliveredCopy(thing: .file, code: "H1/01", file: "H1/01", archiveId: "F.1993.0001"),
                .mastersInFolder(thing: .box, code: "H1", file: "H1/01", masters: 3, folder: "scans/H1/01"),
                .sameCode(thing: .box, code: "H1"),
                .importTouched(event: 7, row: Text(vi: "hồ sơ H1/01", en: "file H1/01"), happened: happened),
                .importRowDeleted(event: 7, row: "H1/01", by: 9), .importUntracked(event: 7, count: 12),
                .cannotRestore(thing: .file, code: "H1/01", reason: Text(vi: "mã đã có", en: "the code is taken")),
            ])
        // WeedError
        add(
            WeedError.self,
            [
                .badQuantity("x"), .quantityNeedsUnit("12"), .quantityTooLarge("99 m"),
                .quantityRoundsToZero("0,0001 m"),
                .emptyField(.title), .emptyField(.reason), .emptyField(.decision), .emptyField(.record),
                .madeByArrangement(box: "H2", from: "B1"), .notInArrangement(box: "B1"),
                .moreThanLeftOut(box: "B1", proposedMM: 100, addingMM: 50, extentMM: 500, keptMM: 400),
                .moreThanExtent(box: "B1", proposedMM: 100, addingMM: 10_000, extentMM: 500),
                .approvedBeforeProposed(day: "2026-01-01", proposedDay: "2026-02-01", box: "B1"),
                .manyFonds(step: .approve, fonds: ["F1", "F2"]), .manyFonds(step: .destroy, fonds: ["F1", "F2"]),
                .nothingWaiting(step: .approve, fonds: "F1"), .nothingWaiting(step: .destroy, fonds: nil),
                .unbalanced(box: "B1", proposedMM: 100, leftOutMM: 150),
                .unbalanced(box: "B1", proposedMM: 100, leftOutMM: nil),
                .badDay("x"), .futureDay("2999-01-01"),
                .destroyedBeforeApproval(day: "2026-01-01", approvalDay: "2026-02-01", decision: "Decision 5"),
                .alreadyApproved(item: 3, decision: "Decision 5", event: 8),
                .alreadyDestroyed(record: "BB 2", event: 9),
            ])
        // StaffPlanError
        add(StaffPlanError.self, [.shape("arrangement"), .count("scanning=0"), .part("archivists")])
        // StoreError
        add(
            StoreError.self,
            [
                .notSQLite(path: "p"), .notAFile(path: "p"), .readOnly(path: "p"), .missing(path: "p"),
                .newerSchema(path: "p", unknown: ["v9"]),
                .cannotCreate(path: "p", reason: "r"), .busy(path: "p"), .diskFull(path: "p"),
                .io(path: "p", reason: "r"), .unexpectedSchema(table: "t", expected: "e"),
                .database(path: "p", code: 1, reason: "SQL logic error"),
                .catalogueReplaced(path: "p", task: Text(vi: "việc", en: "the task")),
            ])
        // BoundsError
        add(BoundsError.self, [.outOfRange(value: "999999999999999", bound: .days)])
        // MaintenanceError
        add(
            MaintenanceError.self,
            [
                .networkFilesystem(path: "p", kind: "nfs"), .backupExists(path: "p"), .backupIsLive(path: "p"),
                .backupFailed(path: "p", reason: Text(verbatim: "r")), .restoreMissing(path: "p"),
                .restoreFolder(path: "p", backups: ["kho-2026-12-07.sqlite", "kho-2026-12-06.sqlite"]),
                .restoreFolder(path: "p", backups: []),
                .restoreNotSQLite(path: "p"),
                .restoreDamaged(path: "p", problems: ["row 3"]), .restoreNotKho(path: "p"),
                .restoreNewer(path: "p", unknown: ["v99"]),
                .restoreWouldReplace(path: "p", events: 3), .restoreIsLive(path: "p"),
                .restoreSchema(path: "p", differences: [SchemaDifference(kind: .extra, type: "trigger", name: "wipe")]),
                .restoreFailed(path: "p", reason: Text(vi: "lỗi", en: "error")),
            ])
        // InputError, OutputError, LockError
        add(
            InputError.self,
            [
                .missing(path: "p"), .notRegularFile(path: "p", kind: "fifo"), .tooLarge(path: "p", bytes: 2, limit: 1),
                .unreadable(path: "p", reason: Text(verbatim: "r")),
            ])
        add(
            OutputError.self,
            [
                .catalogue(path: "p", catalogue: "c"), .notRegularFile(path: "p", kind: "fifo"),
                .protected(
                    path: "p",
                    what: Text(vi: "bản gốc của hồ sơ H1/01, trang 1", en: "the master of file H1/01, page 1")),
                .cannotWrite(path: "p", reason: "r"),
            ])
        add(
            LockError.self,
            [
                .held(catalogue: "c", activity: .ingest, person: "Hoa", recorder: "hoa", pid: 42, since: "s"),
                .held(catalogue: "c", activity: .restore, person: "Hoa", recorder: "hoa", pid: 42, since: "s"),
                .held(catalogue: "c", activity: .repair, person: "Hoa", recorder: "hoa", pid: 42, since: "s"),
                .heldByUnknown(catalogue: "c"),
                .unavailable(path: "p", reason: "r"),
            ])
        // CopyError
        add(
            CopyError.self,
            [
                .badName("a b"), .nameTaken("usb"), .unknownCopy("x", known: ["primary", "usb"]),
                .primaryFixed("primary"), .folderMissing("/media/usb"), .notAFolder("/tmp/f"),
                .samePath("/media/usb", other: "usb"), .insidePrimary("/srv/scans/x"), .emptyPlace,
                .cannotMark("/media/usb", reason: "r"), .unknownPage(ref: "H1/01", page: "0009.tif"),
                .nothingToRepair("H1/01"),
            ])
        // AttributionError, WorkError, EventDetailError, LogError
        add(
            AttributionError.self,
            [
                .noActor, .badDate("x"), .future("x"),
                .beforeBound(at: "0001-01-01", bound: .boxRegistered(box: "H1", at: "t"), earliest: "e"),
                .beforeBound(at: "2000-01-01", bound: .fondsYears(fonds: "F1", year: 2010), earliest: "e"),
                .beforeBound(at: "2000-01-01", bound: .boxYears(box: "H1", year: 2010), earliest: "e"),
                .beforeBound(at: "1900-01-01", bound: .earliest(year: 1945), earliest: "e"),
            ])
        add(
            WorkError.self,
            [
                .alreadyStarted(box: "B", when: "w", who: "p"), .alreadyFinished(box: "B", when: "w", who: "p"),
                .keptTooLarge(box: "B", kept: Millimetres(1000), extent: Millimetres(500)), .badKept("x"),
                .keptLeavesNoRoom(
                    box: "B", kept: Millimetres(400), extent: Millimetres(500), proposed: Millimetres(300)),
                .keptRoundsToZero("0,0001"),
                .keptNotArranged(box: "B", state: Text(verbatim: "s")),
                .finishBeforeStart(box: "B", finish: "f", start: "s", who: "p", event: 1, earliest: "e"),
                .keptWithManyBoxes,
                .secretFile("B/F"),
                .secretAlreadyScanned("B/F", Text(verbatim: "s")), .badPages("x"),
                .alreadyRecorded(ref: "B/F", when: "w", who: "p", event: 1),
                .alreadyIngested(ref: "B/F", state: Text(verbatim: "s")), .unknownEvent(1),
                .notUndoable(id: 1, kind: Text(verbatim: "k")),
                .alreadyUndone(id: 1, by: 2),
                .laterEventFirst(id: 1, later: 2, kind: Text(verbatim: "k")), .noBoxes,
            ])
        add(EventDetailError.self, [.undecodable(reason: "r")])
        add(LogError.self, [.badKind("k"), .badDay("d")])
        // ImportError, FilterError
        add(
            ImportError.self,
            [
                .cannotRead(path: "p", reason: Text(verbatim: "r")), .empty(path: "p"),
                .notUTF8(path: "p", looksLike1258: true),
                .notUTF8(path: "p", looksLike1258: false), .mojibake(path: "p", line: 1, sample: "s"),
                .missingColumns(path: "p", missing: ["a"], found: ["b"]),
                .unknownColumns(path: "p", unknown: ["a"], accepted: ["b"]),
                .duplicateColumn(path: "p", column: "c"),
                .badRows(path: "p", problems: [RowProblem(line: 2, code: "B", message: "m")], rows: 1),
                .unterminatedQuote(path: "p", line: 2, sample: "s"), .textAfterQuote(path: "p", line: 2, sample: "s"),
                .nulByte(path: "p", line: 3),
            ])
        add(FilterError.self, [.badValue(field: "f", value: "v", allowed: "a")])
        // Scanning: ScanError, ProfileError, ReviewError
        add(
            ScanError.self,
            [
                .rootMissing("r"), .unreadable("p", "r"), .unknownProfile("n"),
                .badProfile(path: "p", reason: Text(verbatim: "r")),
                .noMasters("B/F"), .rootInCopy("/media/usb/kho/scans", copy: "usb-1"),
            ])
        add(ProfileError.self, [.storedUnreadable(name: "n", reason: Text(vi: "lỗi", en: "error"))])
        add(
            ReviewError.self,
            [
                .nothingToConfirm(ref: "B/F", state: Text(vi: "chưa số hóa", en: "not scanned"), pages: 3, sheets: 2),
                .nothingToConfirm(ref: "B/F", state: Text(vi: "chưa số hóa", en: "not scanned"), pages: 3, sheets: nil),
                .nothingToAccept(ref: "B/F"), .nothingLost(ref: "B/F"),
                .unknownPage(ref: "B/F", page: "9", changed: ["0001.tif"]), .emptyNote,
            ])
        // Estimation: RatesError, EstimateError, RatesFileError (KhoEstimation)
        add(
            RatesError.self,
            [
                .invalid(path: "p", message: Text(vi: "lỗi", en: "error")),
                .unreadable(path: "p", reason: Text(verbatim: "r")),
                .exists(path: "p"),
            ])
        add(
            EstimateError.self,
            [.nameTaken("n"), .unknown("n"), .emptyName, .pastDeadline(until: "2025-03-01", today: "2025-03-31")])
        add(
            RatesFileError.self,
            [
                .syntax(line: 1, text: "t"), .unknownSection(line: 1, name: "n"),
                .unknownKey(line: 1, section: "s", key: "k"),
                .badNumber(line: 1, key: "k", value: "v"), .tooLarge(line: 1, key: "k", value: "9", limit: 1),
                .badDate(line: 1, value: "v"),
                .duplicateKey(line: 3, key: "k", firstLine: 1), .missingKey(section: "s", key: "k"),
                .hiddenCharacter(line: 4, character: "U+001B"),
            ])
        // Locations, custody, labels
        add(
            LocationError.self,
            [
                .badRisk("x"), .noneWithRisks, .noRisk, .unchanged(location: "A-1", risks: [.damp]),
                .unchanged(location: "A-1", risks: []),
            ])
        add(
            CustodyError.self,
            [
                .alreadyOut(
                    thing: "H1", holder: "p", since: "s", purpose: Text(verbatim: "u"), returnWith: "kho in H1"),
                .insideBoxOut(file: "H1/01", box: "H1", holder: "p", since: "s"),
                .filesOut(box: "H1", files: "H1/01 (p)"),
                .cannotMoveWhileOut(thing: "H1/01", holder: "p", since: "s", returnWith: "kho in H1/01"),
                .cannotWeedWhileOut(thing: "H1", holder: "p", since: "s", returnWith: "kho in H1"),
                .notOut(thing: "H1", hint: nil), .notOut(thing: "H1/01", hint: .withBox(box: "H1", holder: "p")),
                .notOut(thing: "H1", hint: .files("H1/01 (p)")), .badPurpose("x"), .badDue("x"),
                .dueTooEarly(due: "0001-01-02", year: 1945),
                .dueBeforeOut(due: "d", out: "o"),
                .returnBeforeOut(thing: "H1", returned: "r", out: "o", earliest: "e"),
            ])
        add(LabelError.self, [.badDay("x"), .noBoxes, .rehoused(box: "B017", into: "H0120")])
        add(
            UserError.self,
            [
                .badName("x"), .exists("x"), .unknown("x"), .badRole("x"), .emptyFullName, .weakPassword(minimum: 8),
                .passwordMismatch,
            ])
        // Documents, delivery, time
        add(
            DocumentError.self,
            [
                .badRef("x"), .unknownDocument("B/F/1"), .duplicateDocument(ref: "B/F/1", summary: "s"),
                .unknownKind("k", known: "QD, CV"),
                .badKindKey("x"), .duplicateKind(key: "k", name: "n"), .badDate("x"), .badPages("x"),
                .pagesDisagree(range: "1-3", count: 2),
                .badSheetRange("x"), .notUndoableTouched(doc: "B/F/1", event: 7),
                .alreadyInFile(doc: "B/F/1", file: "B/F"), .futureDate("2999", today: "2026-12-06"),
                .badPageCount("x"),
            ])
        add(
            DeliveryError.self,
            [
                .toolsMissing(packages: ["img2pdf"]), .busy(folder: "d"),
                .badSetting(name: "n", value: "v", allowed: Text(verbatim: "a")),
                .folder(path: "p", reason: Text(verbatim: "r")), .noFolder,
                .notAFolder(path: "/dev/null", reason: Text(vi: "tệp", en: "a file")),
            ])
        add(
            ArchiveCodeError.self,
            [
                .badRule(pattern: "{x}", reason: Text(vi: "lỗi", en: "error")),
                .renumbering(fonds: "F", ref: "B/F", old: "o", new: "n", more: 0),
                .renumbering(fonds: "F", ref: "B/F", old: "o", new: "n", more: 2),
                .duplicateCodes(fonds: "F", code: "c", refs: ["B/1", "B/2"]),
            ])
        add(OptionError.self, [.notPositive(option: "--window", value: 0)])
        add(LocalTimeError.self, [.unknownZone("Mars/Olympus")])
        return all
    }()

    /// The public error enums declared under `Sources/KhoKit` and `Sources/KhoEstimation`, with the cases each declares,
    /// read from the source so that a new type or case is noticed without anyone updating a list.
    static func declaredErrorCases() throws -> [String: Set<String>] {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let declaration = try Regex(#"^public enum (\w+)\s*:[^{]*\b(KhoError|Error|LocalizedError)\b"#)
        let caseLine = try Regex(#"^    case (.+)$"#)
        var declared: [String: Set<String>] = [:]
        for module in ["KhoKit", "KhoEstimation"] {
            let root = sources.appendingPathComponent(module)
            let files =
                FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
                    $0.hasSuffix(".swift")
                } ?? []
            for file in files {
                let lines = try String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                var current: String?
                for line in lines {
                    if let match = line.firstMatch(of: declaration) {
                        current = String(match.output[1].substring ?? "")
                        declared[current!] = []
                    } else if line.hasPrefix("}") {
                        current = nil
                    } else if let type = current, let match = line.firstMatch(of: caseLine) {
                        // `case a(String), b` at the enum's own level (nested enums and switches are indented deeper).
                        for name in Self.caseNames(in: String(match.output[1].substring ?? "")) {
                            declared[type]!.insert(name)
                        }
                    }
                }
            }
        }
        return declared
    }

    /// The case names declared by the text after `case`: `a(x: Int, y: String), b` gives a and b.
    static func caseNames(in declaration: String) -> [String] {
        var names: [String] = []
        var depth = 0
        var current = ""
        var inName = true
        for ch in declaration {
            switch ch {
            case "(":
                depth += 1
                inName = false
            case ")": depth -= 1
            case "," where depth == 0:
                names.append(current)
                current = ""
                inName = true
            default:
                if inName && depth == 0 && (ch.isLetter || ch.isNumber || ch == "_") {
                    current.append(ch)
                } else if depth == 0 && !ch.isWhitespace {
                    inName = false
                }
            }
        }
        names.append(current)
        return names.filter { !$0.isEmpty }
    }

    @Test func everyErrorCaseHasAnExample() throws {
        let declared = try Self.declaredErrorCases()
        #expect(declared.count >= 20, "found only \(declared.keys.sorted())")
        var exampled: [String: Set<String>] = [:]
        for example in Self.examples { exampled[example.type, default: []].insert(example.caseName) }
        for (type, cases) in declared.sorted(by: { $0.key < $1.key }) {
            #expect(!cases.isEmpty, "no cases read for \(type)")
            let missing = cases.subtracting(exampled[type] ?? [])
            #expect(
                missing.isEmpty,
                "\(type) has cases without an example in TranslationTests.examples: \(missing.sorted())")
        }
        let stale = Set(exampled.keys).subtracting(declared.keys)
        #expect(stale.isEmpty, "examples of types not found in the sources: \(stale.sorted())")
    }

    @Test func declaredCasesAreReadFromTheSource() {
        #expect(Self.caseNames(in: "a(x: Int, y: [String]), b, c(String)") == ["a", "b", "c"])
        #expect(Self.caseNames(in: "noActor") == ["noActor"])
        #expect(Self.caseNames(in: "badDay(String) // a comment") == ["badDay"])
    }

    @Test func everyErrorSpeaksBothLanguages() {
        for example in Self.examples {
            let text = example.text
            #expect(!text.vi.isEmpty && !text.en.isEmpty, "\(example)")
            #expect(text.vi != text.en, "\(example) is not translated: \(text.vi)")
        }
    }

    /// Letters only Vietnamese writes: đ, ă, â, ê, ô, ơ, ư and the vowels carrying a tone mark.
    static func hasVietnameseLetter(_ s: String) -> Bool {
        s.precomposedStringWithCanonicalMapping.unicodeScalars.contains { scalar in
            "đĐăĂâÂêÊôÔơƠưƯàÀáÁèÈéÉìÌíÍòÒóÓùÙúÚýÝ".unicodeScalars.contains(scalar)
                || (0x1EA0...0x1EF9).contains(scalar.value)
                || "ãÃẽẼĩĨõÕũŨỹỸ".unicodeScalars.contains(scalar)
        }
    }

    @Test func vietnameseIsWrittenWithItsDiacriticsAndEnglishWithout() {
        for example in Self.examples {
            #expect(
                Self.hasVietnameseLetter(example.text.vi),
                "\(example): Vietnamese without diacritics: \(example.text.vi)")
            #expect(
                !Self.hasVietnameseLetter(example.text.en),
                "\(example): English with Vietnamese in it: \(example.text.en)")
        }
    }

    /// No message shows a format placeholder, an interpolated optional or a Swift type's description.
    @Test func noRawPlaceholderIsShown() {
        let placeholders = [
            "\\(", "%@", "%d", "%s", "%ld", "%lld", "{0}", "{1}", "Optional(", "nil)", "<nil>", "KhoKit.",
            "KhoEstimation.", "$0",
        ]
        for example in Self.examples {
            for side in [example.text.vi, example.text.en] {
                for placeholder in placeholders {
                    #expect(!side.contains(placeholder), "\(example) shows \(placeholder): \(side)")
                }
            }
        }
    }

    @Test func everyFindingAndLabelSpeaksBothLanguages() {
        let texts: [Text] =
            [
                IngestFinding.unknownFolder(box: "B", file: "F", masters: 1).text,
                IngestFinding.secretFile(ref: "B/F", masters: 1).text,
                IngestFinding.symlink(path: "p").text, IngestFinding.looseFile(path: "p").text,
                IngestFinding.notTIFFName(path: "p").text,
                IngestFinding.unreadableFolder(path: "p").text, VerifyText.missing, VerifyText.changed,
                VerifyText.unreadable(Text(verbatim: "r")),
            ] + Condition.allCases.map(\.label) + Access.allCases.map(\.label) + ArrangementState.allCases.map(\.label)
            + ScanState.allCases.map(\.label) + EventKind.allCases.map(\.label)
            + LocationRisk.allCases.map(\.label) + CustodyPurpose.allCases.map(\.label)
            + QueueKind.allCases.map(\.label)
        for text in texts {
            #expect(!text.vi.isEmpty && !text.en.isEmpty)
            #expect(text.vi != text.en || ["m"].contains(text.vi), "not translated: \(text.vi)")
        }
    }

    /// No `Text` in the sources has an empty side, so a message can never be missing in one language.
    @Test func noTextLiteralIsEmptyOnEitherSide() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter {
                $0.hasSuffix(".swift")
            } ?? []
        #expect(files.count > 50)
        var offenders: [String] = []
        for file in files {
            let source = try String(contentsOfFile: root.appendingPathComponent(file).path, encoding: .utf8)
            if source.contains("Text(vi: \"\"") || source.contains(", en: \"\")") { offenders.append(file) }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
