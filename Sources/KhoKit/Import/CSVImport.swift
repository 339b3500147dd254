import Foundation

/// How an import went: rows read and imported (none on a dry run).
public struct ImportReport: Codable, Sendable, Hashable {
    public var kind: String
    public var path: String
    public var rows: Int
    public var imported: Int
    public var dryRun: Bool
    /// Metres as received that the import adds (boxes only).
    public var metres: Double?
    /// Rows imported with something to check (a document dated outside its file's years), by line.
    public var warnings: [RowProblem] = []

    enum CodingKeys: String, CodingKey {
        case kind, path, rows, imported, metres, warnings
        case dryRun = "dry_run"
    }
}

/// What kind of rows a CSV file holds.
public enum ImportKind: String, Sendable, CaseIterable {
    case boxes, files
    /// Hand records of scanned files (a paper log typed into a sheet): box, file, pages, and optionally date and person.
    case scans
    /// The destruction list (*danh mục tài liệu hết giá trị*): box, title, years, quantity, reason, notes.
    case weed

    /// Canonical column names by their folded spellings, English and Vietnamese.
    var aliases: [String: String] {
        var map: [String: String] = [:]
        func add(_ name: String, _ spellings: [String]) {
            for s in [name] + spellings { map[CSVTable.fold(s)] = name }
        }
        add("box", ["hộp", "hộp số", "mã hộp", "số hộp", "box_code", "box no."])
        // Columns a clerk's sheet or kho's own exports carry that the import does not need.
        add(
            CSVTable.ignored,
            ["stt", "số tt", "số thứ tự", "no", "tên phông", "fonds_name", "bản số pdf/a", "pdf/a copy"])
        if self == .weed {
            add("fonds", ["mã phông", "phông", "fonds code"])
            add(
                "title",
                [
                    "tên loại/nhóm tài liệu", "tên nhóm tài liệu", "tên loại tài liệu", "nhóm tài liệu", "tài liệu",
                    "nội dung",
                    "tiêu đề", "records (type or group)", "records",
                ])
            add("years", ["thời gian", "thời gian tài liệu", "năm", "dates"])
            add("quantity", ["số lượng", "khối lượng"])
            add("reason", ["lý do hủy", "lý do", "lý do loại hủy", "reason for destruction"])
            add("notes", ["ghi chú", "note"])
            add(CSVTable.ignored, ["tình trạng", "stage"])
            return map
        }
        if self == .scans {
            add("file", ["hồ sơ", "số hồ sơ", "mã hồ sơ", "file_code"])
            add("pages", ["số trang", "trang"])
            add("date", ["ngày", "ngày quét", "scanned_on", "at"])
            add("by", ["người quét", "người làm", "operator"])
            return map
        }
        add("start_year", ["từ năm", "năm bắt đầu", "start"])
        add("end_year", ["đến năm", "năm kết thúc", "end"])
        add("notes", ["ghi chú", "note"])
        add("condition", ["tình trạng", "tình trạng vật lý"])
        switch self {
        case .scans, .weed: break
        case .boxes:
            add("fonds", ["phông", "mã phông", "phông lưu trữ"])
            add("extent_m", ["extent", "mét", "mét giá", "số mét", "độ dài", "độ dài (m)"])
            add("location", ["vị trí", "giá", "vị trí (giá)"])
            add("from", ["from_box", "từ hộp", "tách từ"])
        case .files:
            // The inventory (kho export inventory) writes both "Số, ký hiệu hồ sơ" (the file's number in its box) and
            // "Mã hồ sơ" (the archival code); alone, "Mã hồ sơ" is how many clerks head the file's number.
            add(
                "file",
                [
                    "hồ sơ", "số hồ sơ", "hồ sơ số", "số, ký hiệu hồ sơ", "số/ký hiệu hồ sơ", "ký hiệu hồ sơ",
                    "file_code", "file no.",
                ])
            add("archive_id", ["mã hồ sơ", "archival code"])
            add("fonds", ["mã phông", "phông", "fonds code"])
            add("title", ["tiêu đề", "tiêu đề hồ sơ", "tên hồ sơ"])
            add("retention", ["thời hạn bảo quản", "thời hạn", "thời hạn lưu trữ"])
            add("sheets", ["số tờ", "tờ", "số lượng tờ"])
            add("sheets_pages", ["số tờ/số trang", "số tờ / số trang", "sheets/pages"])
            add("years", ["thời gian tài liệu", "thời gian", "dates"])
            add("access", ["chế độ sử dụng", "mật"])
        }
        return map
    }

    /// Columns read as another when that one is missing: `archive_id` ("Mã hồ sơ") is the file's number in a sheet
    /// that has no other file column.
    var fallbacks: [String: String] {
        self == .files ? ["archive_id": "file"] : [:]
    }

    var required: [String] {
        switch self {
        case .boxes: ["box", "fonds"]
        case .files: ["box", "file", "title"]
        case .scans: ["box", "file", "pages"]
        case .weed: ["box", "title", "quantity", "reason"]
        }
    }
}

extension KhoStore {
    /// Imports boxes or files from a CSV file: every row or none.
    ///
    /// Every bad row is reported with its line number and reason in `lang` (`ImportError.badRows`), and then nothing
    /// is written. With `dryRun` everything is checked and nothing is written.
    @discardableResult
    public func importCSV(
        _ kind: ImportKind, path: String, encoding: CSVEncoding = .auto, dryRun: Bool = false,
        by who: Attribution, lang: Lang
    ) throws -> ImportReport {
        let table = try CSVTable.read(
            path: path, encoding: encoding, aliases: kind.aliases, required: kind.required, fallbacks: kind.fallbacks)
        let name = (path as NSString).lastPathComponent
        let work: (Stores) throws -> ImportReport = { tx in
            switch kind {
            case .boxes:
                try self.importBoxes(tx, table: table, path: path, source: name, dryRun: dryRun, by: who, lang: lang)
            case .files:
                try self.importFiles(tx, table: table, path: path, source: name, dryRun: dryRun, by: who, lang: lang)
            case .scans: try self.importScans(tx, table: table, path: path, dryRun: dryRun, by: who, lang: lang)
            case .weed:
                try self.importWeed(tx, table: table, path: path, source: name, dryRun: dryRun, by: who, lang: lang)
            }
        }
        // A dry run of scan records writes inside savepoints that it rolls back, so it needs a write transaction.
        return dryRun && kind != .scans ? try reading(work) : try writing(work)
    }

    /// What went wrong with a row, in `lang`.
    static func rowMessage(_ error: any Error, _ lang: Lang) -> String {
        (error as? any KhoError)?.text(lang) ?? error.localizedDescription
    }

    /// A row with more or fewer fields than the header, in words in `lang`; nil when it has as many.
    static func shapeProblem(_ row: CSVTable.Row, columns: Int, _ lang: Lang) -> String? {
        if let n = row.values["\u{0}extra"] {
            return Text(
                vi: "dòng có \(n) ô nhưng tiêu đề có \(columns) cột (thừa dấu phân cách hoặc dấu ngoặc kép chưa đóng?)",
                en: "the row has \(n) fields but the header has \(columns) (an extra separator, or an unclosed quote?)")(
                    lang)
        }
        if let n = row.values["\u{0}short"] {
            return Text(
                vi:
                    "dòng chỉ có \(n) ô nhưng tiêu đề có \(columns) cột (thiếu dấu phân cách, hoặc dấu ngoặc kép chưa đóng ở dòng này?)",
                en:
                    "the row has only \(n) fields but the header has \(columns) (a missing separator, or an unclosed quote on this row?)"
            )(lang)
        }
        return nil
    }

    private func importBoxes(
        _ tx: Stores, table: CSVTable, path: String, source: String, dryRun: Bool,
        by who: Attribution, lang: Lang
    ) throws -> ImportReport {
        let boxes = try Self.validatedBoxes(tx.imports, table: table, path: path, lang: lang)
        let metresMM = boxes.filter { $0.fromBoxId == nil }.reduce(Int64(0)) { $0 + $1.extentMM }
        if !dryRun { try insertBoxes(tx, boxes, metresMM: metresMM, source: source, by: who) }
        return ImportReport(
            kind: ImportKind.boxes.rawValue, path: path, rows: table.rows.count, imported: dryRun ? 0 : boxes.count,
            dryRun: dryRun, metres: Double(metresMM) / 1000)
    }

    /// Every row as a box, checked against the catalogue and the rows above it; any bad row throws `badRows`, naming
    /// every bad row. A box made from a box earlier in the file refers to it by a negative id, in row order.
    private static func validatedBoxes(
        _ store: ImportStore, table: CSVTable, path: String, lang: Lang
    ) throws -> [Box] {
        let fondsIds = try store.fondsIdsByCode()
        var boxIds = try store.boxIdsByCode()
        var firstLine: [String: Int] = [:]
        var problems: [RowProblem] = []
        var boxes: [Box] = []
        var pendingId: Int64 = -1
        for row in table.rows {
            let v = row.values
            let code = Clean.code(v["box"] ?? "")
            if let shape = Self.shapeProblem(row, columns: table.columns.count, lang) {
                problems.append(RowProblem(line: row.line, code: code, message: shape))
                continue
            }
            let draft = BoxDraft(
                code: code, fonds: v["fonds"] ?? "", extent: v["extent_m"], location: v["location"],
                startYear: v["start_year"], endYear: v["end_year"], condition: v["condition"],
                notes: v["notes"], from: v["from"])
            do {
                if let first = firstLine[code] {
                    throw RowMessage(
                        Text(
                            vi: "hộp \(code) đã có ở dòng \(first) của tệp",
                            en: "box \(code) appears again (first on line \(first))"))
                }
                if boxIds[code] != nil {
                    throw CatalogueError.duplicateBox(
                        code: code, fonds: try store.fondsCode(ofBox: code), location: try store.location(ofBox: code))
                }
                var box = try draft.validated(fondsId: { fondsIds[$0] }, boxId: { boxIds[$0] })
                if let from = box.fromBoxId {
                    let parent = from < 0 ? boxes[Int(-from) - 1] : try store.box(id: from)
                    if let parent { draft.inherit(&box, from: parent) }
                }
                firstLine[code] = row.line
                boxIds[code] = pendingId
                pendingId -= 1
                boxes.append(box)
            } catch {
                problems.append(
                    RowProblem(line: row.line, code: code.isEmpty ? nil : code, message: Self.rowMessage(error, lang)))
            }
        }
        if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
        return boxes
    }

    /// Records the import as an event, then inserts the boxes naming it, in row order (a negative `fromBoxId` is a box
    /// inserted earlier).
    private func insertBoxes(
        _ tx: Stores, _ boxes: [Box], metresMM: Int64, source: String, by who: Attribution
    ) throws {
        // The event first, so that each row names the import that added it (`kho undo` removes exactly those rows).
        var event = Event(
            kind: .importBoxes, attribution: who, time: time,
            detail: EventDetail(source: source, count: boxes.count))
        event.metresMM = metresMM
        try tx.events.append(&event)
        try tx.imports.insertBoxes(boxes, addedBy: event.id)
    }

    private func importFiles(
        _ tx: Stores, table: CSVTable, path: String, source: String, dryRun: Bool,
        by who: Attribution, lang: Lang
    ) throws -> ImportReport {
        let files = try Self.validatedFiles(tx.imports, table: table, path: path, lang: lang)
        if !dryRun { try insertFiles(tx, files, source: source, by: who) }
        return ImportReport(
            kind: ImportKind.files.rawValue, path: path, rows: table.rows.count, imported: dryRun ? 0 : files.count,
            dryRun: dryRun, metres: nil)
    }

    /// Every row as a file, checked against the catalogue and the rows above it; any bad row throws `badRows`, naming
    /// every bad row.
    private static func validatedFiles(
        _ store: ImportStore, table: CSVTable, path: String, lang: Lang
    ) throws -> [FileRecord] {
        let boxes = try store.boxesWithFonds()
        let existing = try store.fileTitles()
        var firstLine: [FileRef: Int] = [:]
        firstLine.reserveCapacity(table.rows.count)
        var problems: [RowProblem] = []
        var words = VocabularyWords()
        var files: [FileRecord] = []
        files.reserveCapacity(table.rows.count)
        for row in table.rows {
            let v = row.values
            let ref = FileRef(box: Clean.code(v["box"] ?? ""), file: Clean.code(v["file"] ?? ""))
            var name: String { ref.description }
            if let shape = Self.shapeProblem(row, columns: table.columns.count, lang) {
                problems.append(RowProblem(line: row.line, code: name, message: shape))
                continue
            }
            do {
                if ref.box.isEmpty { throw CatalogueError.emptyCode(.box) }
                let draft = try Self.fileDraft(ref, v, words: &words)
                let file = try draft.validated(boxId: { boxes.ids[$0] })
                if let fonds = Clean.optional(v["fonds"]), let expected = boxes.fonds[ref.box], fonds != expected {
                    throw RowMessage(
                        Text(
                            vi: "hộp \(ref.box) thuộc phông \(expected), không phải \(fonds) (cột Mã phông)",
                            en: "box \(ref.box) belongs to fonds \(expected), not \(fonds) (the fonds code column)"))
                }
                if let first = firstLine[ref] {
                    throw RowMessage(
                        Text(
                            vi: "hồ sơ \(name) đã có ở dòng \(first) của tệp",
                            en: "file \(name) appears again (first on line \(first))"))
                }
                if let title = existing[file.boxId]?[file.code] {
                    throw CatalogueError.duplicateFile(ref: name, title: title)
                }
                firstLine[ref] = row.line
                files.append(file)
            } catch {
                problems.append(RowProblem(line: row.line, code: name, message: Self.rowMessage(error, lang)))
            }
        }
        if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
        return files
    }

    /// Records the import as an event, then inserts the files naming it, 64 rows a statement, and indexes them for
    /// search in one statement.
    private func insertFiles(_ tx: Stores, _ files: [FileRecord], source: String, by who: Attribution) throws {
        // The event first, so that each row names the import that added it (`kho undo` removes exactly those rows).
        var event = Event(
            kind: .importFiles, attribution: who, time: time,
            detail: EventDetail(source: source, count: files.count))
        event.sheets = files.reduce(0) { $0 + ($1.sheets ?? 0) }
        try tx.events.append(&event)
        try tx.imports.insertFiles(files, addedBy: event.id)
    }

    /// A file row as a draft, reading the columns a clerk or the inventory writes: years as one text ("1995-1996"),
    /// sheets as "42 tờ" or "42 tờ / 60 trang" (pages come from scanning and are not read), and a note that starts with
    /// the secret label (as the inventory writes a secret file's notes) as access `secret`.
    private static func fileDraft(
        _ ref: FileRef, _ v: CSVTable.Values, words: inout VocabularyWords
    ) throws -> FileDraft {
        var start = v["start_year"]
        var end = v["end_year"]
        if Clean.optional(start) == nil, Clean.optional(end) == nil, let years = v["years"] {
            let (s, e) = try Clean.yearRange(years)
            start = s.map(String.init)
            end = e.map(String.init)
        }
        var sheets = v["sheets"]
        if Clean.optional(sheets) == nil, let both = v["sheets_pages"] { sheets = try Clean.inventorySheets(both) }
        var notes = v["notes"]
        var access = v["access"]
        if Clean.optional(access) == nil, let text = notes {
            for label in [Access.secret.label.vi, Access.secret.label.en] {
                if text == label {
                    access = Access.secret.rawValue
                    notes = nil
                } else if text.hasPrefix(label + "; ") {
                    access = Access.secret.rawValue
                    notes = String(text.dropFirst(label.count + 2))
                }
            }
        }
        return FileDraft(
            ref: ref, title: v["title"] ?? "", startYear: start, endYear: end,
            retention: words.retention(v["retention"]),
            access: words.access(access), sheets: sheets, condition: words.condition(v["condition"]), notes: notes)
    }

    /// Records each row as a hand scan record (`scan.record`), attributed to the row's person and date when given.
    private func importScans(
        _ tx: Stores, table: CSVTable, path: String, dryRun: Bool, by who: Attribution, lang: Lang
    ) throws -> ImportReport {
        var problems: [RowProblem] = []
        var count = 0
        try tx.imports.inSavepoint {
            for row in table.rows {
                let v = row.values
                let ref = FileRef(box: Clean.code(v["box"] ?? ""), file: Clean.code(v["file"] ?? ""))
                if let shape = Self.shapeProblem(row, columns: table.columns.count, lang) {
                    problems.append(RowProblem(line: row.line, code: ref.description, message: shape))
                    continue
                }
                // Each row is checked against the catalogue as the rows before it left it, inside a savepoint.
                do {
                    let pages = try Clean.pages(v["pages"])
                    let person = Clean.optional(v["by"]) ?? who.actor
                    let date = Clean.optional(v["date"])
                    var rowWho = try Attribution.resolve(
                        by: person, at: date, opening: who.opening, now: who.recordedAt, time: time)
                    if date == nil { rowWho.happenedAt = who.happenedAt }
                    try tx.imports.inSavepoint {
                        _ = try recordScan(tx, ref: ref, pages: pages, by: rowWho)
                        return .commit
                    }
                    count += 1
                } catch {
                    problems.append(
                        RowProblem(line: row.line, code: ref.description, message: Self.rowMessage(error, lang)))
                }
            }
            return dryRun || !problems.isEmpty ? .rollback : .commit
        }
        if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
        return ImportReport(
            kind: ImportKind.scans.rawValue, path: path, rows: table.rows.count, imported: dryRun ? 0 : count,
            dryRun: dryRun, metres: nil)
    }

}

/// A row problem that is only a message.
struct RowMessage: KhoError {
    let text: Text
    init(_ text: Text) { self.text = text }
}
