import Foundation
import KhoConcurrency
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
    ///
    /// Rows are read and checked on a second thread while the database thread writes those already checked, in
    /// chunks (``Pipeline``): reading and checking is a third of an import's work, and no longer adds to the time
    /// the writing takes. A row found wrong stops the writing; every row is still checked, and the import throws
    /// with all of them (the transaction rolls back).
    @discardableResult
    public func importDocuments(
        path: String, into file: FileRef? = nil, encoding: CSVEncoding = .auto, dryRun: Bool = false,
        by who: Attribution, lang: Lang
    ) throws -> ImportReport {
        try importDocuments(
            path: path, into: file, encoding: encoding, dryRun: dryRun, chunk: 5_000, by: who, lang: lang)
    }

    /// ``importDocuments(path:into:encoding:dryRun:by:lang:)`` writing `chunk` documents at a time (tests use a few).
    func importDocuments(
        path: String, into file: FileRef?, encoding: CSVEncoding, dryRun: Bool, chunk: Int, by who: Attribution,
        lang: Lang
    ) throws -> ImportReport {
        let table = try CSVTable.read(
            path: path, encoding: encoding, aliases: DocumentColumns.aliases,
            required: file == nil ? ["box", "file"] : [])
        let source = (path as NSString).lastPathComponent
        func report(imported: Int, warnings: [RowProblem]) -> ImportReport {
            ImportReport(
                kind: "docs", path: path, rows: table.rows.count, imported: imported, dryRun: dryRun, metres: nil,
                warnings: warnings)
        }
        if dryRun {
            return try reading { tx in
                let rows = try DocumentRows(tx.documents, table: table, into: file, lang: lang)
                let (problems, warnings) = rows.read(chunk: .max) { _ in true }
                if !problems.isEmpty {
                    throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count)
                }
                return report(imported: 0, warnings: warnings)
            }
        }
        return try writing { tx in
            let rows = try DocumentRows(tx.documents, table: table, into: file, lang: lang)
            var event = Event(
                kind: .importDocs, attribution: who, time: time,
                detail: EventDetail(source: source, count: table.rows.count))
            // The documents refer to the event, which says what they add up to: they come first.
            try tx.events.reserveId(for: &event)
            var written = DocumentsWritten()
            let (problems, warnings) = try Pipeline.run(produce: { handOver in rows.read(chunk: chunk, handOver) }) {
                docs in
                try tx.documents.insert(docs.records, index: docs.index, event: event.id)
                written.add(docs.records)
            }
            if !problems.isEmpty { throw ImportError.badRows(path: path, problems: problems, rows: table.rows.count) }
            event.pages = written.pages
            event.fileId = written.fileIds.count == 1 ? written.fileIds.first : nil
            try tx.events.append(&event)
            return report(imported: written.count, warnings: warnings)
        }
    }

    /// What the chunks of an import have written so far.
    private struct DocumentsWritten {
        var count = 0
        var pages = 0
        var fileIds: Set<Int64> = []

        mutating func add(_ docs: [DocumentRecord]) {
            count += docs.count
            for doc in docs {
                pages += doc.pages ?? 0
                fileIds.insert(doc.fileId)
            }
        }
    }

    /// Documents read from rows, with their texts for the search index.
    private struct ReadDocuments: Sendable {
        var records: [DocumentRecord] = []
        var index = SearchIndex.Batch()

        var count: Int { records.count }
    }

    /// The rows of a document list turned into documents: what they need from the catalogue (kinds, files, the
    /// numbers taken) is read on the database thread first, so that ``read(chunk:_:)`` needs no database.
    private struct DocumentRows: Sendable {
        let table: CSVTable
        let target: FileRef?
        let kinds: [DocumentKind]
        let kindNames: [String: String]
        let fileIds: [String: Int64]
        let numbering: DocumentNumbering
        let columns: DocumentColumnIndexes
        /// Today's local day: no document is dated after it.
        let today: String
        /// The first and last years of the files that have them, by file id.
        let fileYears: [Int64: (Int?, Int?)]
        /// The language of the problems and warnings.
        let lang: Lang

        init(_ store: DocumentStore, table: CSVTable, into target: FileRef?, lang: Lang) throws {
            self.table = table
            self.lang = lang
            self.target = target
            kinds = try store.kinds()
            kindNames = Dictionary(kinds.map { ($0.key, $0.vi) }, uniquingKeysWith: { first, _ in first })
            fileIds = try store.fileIdsByRef()
            numbering = DocumentNumbering(taken: try store.takenNumbers())
            columns = DocumentColumnIndexes(table)
            today = LocalTime.fromEnvironment().day(of: Date())
            fileYears = try store.fileYears()
        }

        /// Checks every row in order and hands the documents over `chunk` at a time, until a row is wrong (the rows
        /// after it are still checked, for the list of problems returned) or `handOver` returns false.
        func read(
            chunk: Int = .max, _ handOver: (ReadDocuments) -> Bool
        ) -> (problems: [RowProblem], warnings: [RowProblem]) {
            var numbering = numbering
            var problems: [RowProblem] = []
            var warnings: [RowProblem] = []
            var docs = ReadDocuments()
            var handing = true
            docs.records.reserveCapacity(min(chunk, table.rows.count))
            for row in table.rows {
                do {
                    let doc = try document(row.values, line: row.line, numbering: &numbering)
                    if !doc.date.isEmpty, let years = fileYears[doc.fileId],
                        let warning = DocumentFields.yearWarning(date: doc.date, startYear: years.0, endYear: years.1)
                    {
                        warnings.append(
                            RowProblem(line: row.line, code: ref(row.values).description, message: warning(lang)))
                    }
                    guard handing && problems.isEmpty else { continue }
                    docs.records.append(doc)
                    docs.index.append(document: doc, kindName: doc.kind.flatMap { kindNames[$0] } ?? "")
                    if docs.count >= chunk {
                        handing = handOver(docs)
                        docs = ReadDocuments()
                    }
                } catch {
                    problems.append(
                        RowProblem(
                            line: row.line, code: ref(row.values).description, message: KhoStore.rowMessage(error, lang)
                        ))
                }
            }
            if handing && problems.isEmpty && docs.count > 0 { _ = handOver(docs) }
            return (problems, warnings)
        }

        private func ref(_ v: CSVTable.Values) -> FileRef {
            target ?? FileRef(box: Clean.code(v[columns.box] ?? ""), file: Clean.code(v[columns.file] ?? ""))
        }

        private func document(
            _ v: CSVTable.Values, line: Int, numbering: inout DocumentNumbering
        ) throws -> DocumentRecord {
            let ref = ref(v)
            if let target {
                // A row that names another box or file than `--file` is a mistake to show, not to import silently.
                let box = Clean.code(v[columns.box] ?? ""), file = Clean.code(v[columns.file] ?? "")
                if (!box.isEmpty && box != Clean.code(target.box)) || (!file.isEmpty && file != Clean.code(target.file))
                {
                    let named = "\(box.isEmpty ? target.box : box)/\(file.isEmpty ? target.file : file)"
                    throw RowMessage(
                        Text(
                            vi:
                                "dòng ghi hồ sơ \(named), khác hồ sơ \(target) đã chọn bằng --file; sửa dòng, hoặc bỏ --file để nhập theo cột",
                            en:
                                "the row names file \(named), not \(target) chosen with --file; correct the row, or leave out --file to import by the columns"
                        ))
                }
            }
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
            let seq = try numbering.take(Clean.optional(v[columns.seq]), in: fileId, ref: ref, line: line)
            var doc = KhoStore.blankDocument(fileId: fileId, seq: seq)
            try DocumentFields.apply(columns.draft(v), to: &doc, kinds: kinds, today: today)
            return doc
        }
    }

    /// Where each document column is in the table (nil: not in it), found once instead of by name in every row.
    private struct DocumentColumnIndexes: Sendable {
        let box, file, seq, kind, numberSymbol, number, symbol, date, issuer, summary, language, pages, pageCount,
            sheets, autograph, condition, notes, keywords: Int?

        init(_ table: CSVTable) {
            func at(_ name: String) -> Int? { table.columns.firstIndex(of: name) }
            (box, file, seq, kind) = (at("box"), at("file"), at("seq"), at("kind"))
            (numberSymbol, number, symbol, date) = (at("number_symbol"), at("number"), at("symbol"), at("date"))
            (issuer, summary, language, pages) = (at("issuer"), at("summary"), at("language"), at("pages"))
            (pageCount, sheets, autograph, condition) = (
                at("page_count"), at("sheets"), at("autograph"), at("condition")
            )
            (notes, keywords) = (at("notes"), at("keywords"))
        }

        /// The document fields of one row, as written (checked by ``DocumentFields``).
        func draft(_ v: CSVTable.Values) -> DocumentDraft {
            let combined = v[numberSymbol]
            return DocumentDraft(
                kind: v[kind], number: combined ?? v[number], symbol: combined == nil ? v[symbol] : nil,
                date: v[date], issuer: v[issuer], summary: v[summary], language: v[language], pages: v[pages],
                pageCount: v[pageCount], sheets: v[sheets], autograph: Clean.optional(v[autograph]).map(KhoStore.yes),
                condition: v[condition], notes: v[notes], keywords: v[keywords])
        }
    }

    /// The numbers (STT) of documents in each file: those in the catalogue and those the import has given.
    private struct DocumentNumbering: Sendable {
        var taken: [Int64: Set<Int>] = [:]
        var next: [Int64: Int] = [:]
        /// The line of this file that took each number, per file.
        var takenOnLine: [Int64: [Int: Int]] = [:]

        /// Takes the number written (`stt`), or else the one after the highest in the file; a number that is not
        /// valid or already taken is an error.
        mutating func take(_ stt: String?, in fileId: Int64, ref: FileRef, line: Int) throws -> Int {
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
            if let first = takenOnLine[fileId]?[seq] {
                throw RowMessage(
                    Text(
                        vi: "STT \(seq) của hồ sơ \(ref) đã có ở dòng \(first) của tệp; mỗi văn bản một STT",
                        en:
                            "STT \(seq) of file \(ref) is already on line \(first) of the file; each document takes its own"
                    ))
            }
            if taken[fileId]?.contains(seq) == true {
                throw RowMessage(
                    Text(
                        vi:
                            "đã có văn bản \(ref)/\(seq) trong danh mục (xem `kho doc show \(ref)/\(seq)`); chọn STT khác hoặc để trống để lấy số tiếp theo",
                        en:
                            "document \(ref)/\(seq) is already in the catalogue (see `kho doc show \(ref)/\(seq)`); choose another STT or leave it blank to take the next"
                    ))
            }
            taken[fileId, default: []].insert(seq)
            takenOnLine[fileId, default: [:]][seq] = line
            next[fileId] = max(next[fileId] ?? 0, seq)
            return seq
        }
    }

    /// "x", "có", "yes", "1" → true (a ticked *bút tích* column).
    static func yes(_ text: String) -> Bool {
        ["x", "co", "yes", "y", "1", "true", "v"].contains(SearchFold.fold(text))
    }
}
