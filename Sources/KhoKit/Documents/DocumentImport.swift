import Foundation
import GRDB
import KhoLocale

/// The columns of a document list, by the headers a clerk writes (*mục lục văn bản*) and their English names.
enum DocumentColumns {
    static let aliases: [String: String] = {
        var map: [String: String] = [:]
        func add(_ name: String, _ spellings: [String]) {
            for s in [name] + spellings { map[CSVTable.fold(s)] = name }
        }
        add("box", ["hộp", "hộp số", "số hộp", "mã hộp"])
        add("file", ["hồ sơ", "hồ sơ số", "số hồ sơ", "mã hồ sơ"])
        add("seq", ["stt", "số tt", "số thứ tự", "tt", "no"])
        add(
            "number_symbol",
            ["số ký hiệu", "số, ký hiệu", "số/ký hiệu", "số và ký hiệu", "số, ký hiệu văn bản", "number/symbol"])
        add("number", ["số", "số văn bản"])
        add("symbol", ["ký hiệu", "ký hiệu văn bản"])
        add("kind", ["tên loại", "loại văn bản", "tên loại văn bản", "loại"])
        add("date", ["ngày tháng", "ngày tháng năm", "ngày", "ngày ban hành", "ngày tháng văn bản"])
        add(
            "issuer",
            [
                "tác giả", "tác giả văn bản", "cơ quan ban hành", "cơ quan, tổ chức ban hành",
                "cơ quan, tổ chức, cá nhân ban hành",
            ])
        add("summary", ["trích yếu", "trích yếu nội dung", "nội dung", "trích yếu văn bản"])
        add("sheets", ["tờ số", "tờ", "số tờ"])
        add("pages", ["trang", "trang số", "từ trang - đến trang", "page_range"])
        add("page_count", ["số trang", "số lượng trang"])
        add("language", ["ngôn ngữ"])
        add("autograph", ["bút tích"])
        add("condition", ["tình trạng vật lý", "tình trạng"])
        add("notes", ["ghi chú", "note"])
        add("keywords", ["từ khóa"])
        return map
    }()
}

extension KhoStore {
    /// Imports a document list from a CSV file: every row or none, each document attributed to one `import.docs`
    /// event that `kho undo` can take back. `file` puts every row into that file (the columns `box`/`file` are then
    /// not needed); rows without `STT` take the next numbers of their file in the order of the sheet.
    @discardableResult
    public func importDocuments(
        path: String, into file: FileRef? = nil, encoding: CSVEncoding = .auto, dryRun: Bool = false,
        by who: Attribution
    ) throws -> ImportReport {
        let table = try CSVTable.read(
            path: path, encoding: encoding, aliases: DocumentColumns.aliases,
            required: file == nil ? ["box", "file"] : [])
        let source = (path as NSString).lastPathComponent
        let work: (Database) throws -> ImportReport = { db in
            let docs = try Self.readDocuments(db, table: table, path: path, into: file)
            if !dryRun { try self.insertDocuments(db, docs, source: source, by: who) }
            return ImportReport(
                kind: "docs", path: path, rows: table.rows.count, imported: dryRun ? 0 : docs.count, dryRun: dryRun,
                metres: nil)
        }
        return dryRun ? try read(work) : try write(work)
    }

    private static func readDocuments(
        _ db: Database, table: CSVTable, path: String, into target: FileRef?
    ) throws -> [DocumentRecord] {
        let kinds = try DocumentKind.all(db)
        let fileIds = try fileIdsByRef(db)
        var numbering = try DocumentNumbering(db)
        var problems: [RowProblem] = []
        var docs: [DocumentRecord] = []
        docs.reserveCapacity(table.rows.count)
        for row in table.rows {
            let v = row.values
            let ref = target ?? FileRef(box: Clean.code(v["box"] ?? ""), file: Clean.code(v["file"] ?? ""))
            do {
                if let n = v["\u{0}extra"] ?? v["\u{0}short"] {
                    throw RowMessage(
                        Text(
                            vi: "dòng có \(n) ô, khác số cột của tiêu đề (\(table.columns.count))",
                            en: "the row has \(n) fields, not the header's \(table.columns.count)"))
                }
                guard let fileId = fileIds[ref.description] ?? fileIds["\(Clean.code(ref.box))/\(Clean.code(ref.file))"]
                else {
                    throw CatalogueError.unknownFile(ref.description)
                }
                let seq = try numbering.take(Clean.optional(v["seq"]), in: fileId, ref: ref)
                var doc = KhoStore.blankDocument(fileId: fileId, seq: seq)
                try DocumentFields.apply(draft(v), to: &doc, kinds: kinds)
                docs.append(doc)
            } catch {
                problems.append(RowProblem(line: row.line, code: ref.description, message: error.localizedDescription))
            }
        }
        if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
        return docs
    }

    /// The id of every file by its reference `BOX/FILE`.
    private static func fileIdsByRef(_ db: Database) throws -> [String: Int64] {
        var fileIds: [String: Int64] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT b.code AS box, f.code AS file, f.id FROM file f JOIN box b ON b.id = f.box_id")
        {
            fileIds["\(row["box"] as String)/\(row["file"] as String)"] = row["id"]
        }
        return fileIds
    }

    /// The document fields of one row, as written (checked by ``DocumentFields``).
    private static func draft(_ v: CSVTable.Values) -> DocumentDraft {
        DocumentDraft(
            kind: v["kind"], number: v["number_symbol"] ?? v["number"],
            symbol: v["number_symbol"] == nil ? v["symbol"] : nil,
            date: v["date"], issuer: v["issuer"], summary: v["summary"], language: v["language"],
            pages: v["pages"],
            pageCount: v["page_count"], sheets: v["sheets"],
            autograph: Clean.optional(v["autograph"]).map(Self.yes),
            condition: v["condition"], notes: v["notes"], keywords: v["keywords"])
    }

    /// The numbers (STT) of documents in each file: those in the catalogue and those the import has given.
    private struct DocumentNumbering {
        var taken: [Int64: Set<Int>] = [:]
        var next: [Int64: Int] = [:]

        /// Loads the numbers already in the catalogue.
        init(_ db: Database) throws {
            for row in try Row.fetchAll(db, sql: "SELECT file_id, seq FROM document") {
                taken[row["file_id"], default: []].insert(row["seq"])
            }
        }

        /// Takes the number written (`stt`), or else the one after the highest in the file; a number that is not
        /// valid or already taken is an error.
        mutating func take(_ stt: String?, in fileId: Int64, ref: FileRef) throws -> Int {
            var seq: Int
            if let stt {
                guard let n = Int(stt), (1...100_000).contains(n) else {
                    throw RowMessage(
                        Text(
                            vi: "STT «\(Visible.escaped(stt))» không hợp lệ: cần số nguyên từ 1",
                            en: "STT “\(Visible.escaped(stt))” is not valid: give a whole number from 1"))
                }
                seq = n
            } else {
                seq = max(next[fileId] ?? 0, taken[fileId]?.max() ?? 0) + 1
            }
            if taken[fileId]?.contains(seq) == true {
                throw DocumentError.duplicateDocument(ref: "\(ref)/\(seq)", summary: "")
            }
            taken[fileId, default: []].insert(seq)
            next[fileId] = max(next[fileId] ?? 0, seq)
            return seq
        }
    }

    /// "x", "có", "yes", "1" → true (a ticked *bút tích* column).
    static func yes(_ text: String) -> Bool {
        ["x", "co", "yes", "y", "1", "true", "v"].contains(SearchFold.fold(text))
    }

    private func insertDocuments(_ db: Database, _ docs: [DocumentRecord], source: String, by who: Attribution) throws {
        var event = Event(
            kind: .importDocs, attribution: who, time: time, detail: EventDetail(source: source, count: docs.count))
        event.pages = docs.reduce(0) { $0 + ($1.pages ?? 0) }
        let fileIds = Set(docs.map(\.fileId))
        if fileIds.count == 1 { event.fileId = fileIds.first }
        try event.append(db)
        // Many rows per statement through SQLite's C API (BulkInsert), indexed for search in one statement after.
        var insert = try BulkInsert(
            db, into: "document",
            columns: [
                "file_id", "seq", "kind", "number", "symbol", "date", "issuer", "summary", "language", "pages",
                "page_from",
                "page_to", "sheets", "autograph", "condition", "notes", "keywords", "added_event",
            ], rows: docs.count)
        try SearchIndex.bulkInsert(db, table: "document") {
            for d in docs {
                try insert.insert { row in
                    row.int64(d.fileId)
                    row.int(d.seq)
                    row.text(d.kind)
                    row.text(d.number)
                    row.text(d.symbol)
                    row.text(d.date)
                    row.text(d.issuer)
                    row.text(d.summary)
                    row.text(d.language)
                    row.int(d.pages)
                    row.int(d.pageFrom)
                    row.int(d.pageTo)
                    row.text(d.sheets)
                    row.int(d.autograph ? 1 : 0)
                    row.text(d.condition)
                    row.text(d.notes)
                    row.text(d.keywords)
                    row.int64(event.id)
                }
            }
        }
    }
}
