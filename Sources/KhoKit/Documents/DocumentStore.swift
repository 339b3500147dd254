import Foundation
import GRDB

/// The documents of files (table `document`) and their kinds (`document_kind`), as one transaction reads and writes
/// them.
struct DocumentStore {
    let db: Database

    /// The kinds in the catalogue, built-in first.
    func kinds() throws -> [DocumentKind] {
        try Row.fetchAll(db, sql: "SELECT key, vi, en, abbreviation FROM document_kind ORDER BY rowid").map {
            DocumentKind(key: $0["key"], vi: $0["vi"], en: $0["en"], abbreviation: $0["abbreviation"])
        }
    }

    /// Adds a document kind.
    func insert(kind: DocumentKind) throws {
        try db.execute(
            sql: "INSERT INTO document_kind (key, vi, en, abbreviation) VALUES (?, ?, ?, ?)",
            arguments: [kind.key, kind.vi, kind.en, kind.abbreviation])
    }

    /// The document numbered `seq` in file `fileId`; nil when there is none.
    func document(fileId: Int64?, seq: Int) throws -> DocumentRecord? {
        try DocumentRecord.filter(Column("file_id") == fileId && Column("seq") == seq).fetchOne(db)
    }

    /// The number after the highest in file `fileId` (1 in an empty file).
    func nextSeq(fileId: Int64) throws -> Int {
        (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM document WHERE file_id = ?", arguments: [fileId]) ?? 0) + 1
    }

    /// Inserts `doc`, setting its id.
    func insert(_ doc: inout DocumentRecord) throws {
        try doc.insert(db)
    }

    /// The first live edit or move of document `note` (its event note) after event `id`; nil when there is none.
    func laterChange(ofDocument note: String, after id: Int64?) throws -> Int64? {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM event e WHERE id > ? AND kind IN ('doc.edit', 'doc.move') AND json_extract(detail, '$.note') = ?
                  AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = e.id) ORDER BY id LIMIT 1
                """, arguments: [id, note])
    }

    /// Deletes document `id`.
    func delete(id: Int64) throws {
        try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [id])
    }

    /// Sets `column` of document `id` to `value` as the event log kept it.
    func set(_ column: String, to value: String?, id: Int64) throws {
        try db.execute(sql: "UPDATE document SET \(column) = ? WHERE id = ?", arguments: [value, id])
    }

    /// The first document import `event` added that was edited or moved since (the edit's or move's event, and the
    /// document); nil when none was.
    func firstTouched(addedBy event: Int64?) throws -> (event: Int64, document: Int64)? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT e.id, d.id AS doc FROM document d JOIN event e ON json_extract(e.detail, '$.note') = 'document:' || d.id
                WHERE d.added_event = ? AND e.kind IN ('doc.edit', 'doc.move') AND NOT EXISTS (SELECT 1 FROM event u WHERE u.undoes = e.id)
                ORDER BY e.id LIMIT 1
                """, arguments: [event]
        ).map { (event: $0["id"], document: $0["doc"]) }
    }

    /// Deletes the documents import `event` added.
    func deleteDocuments(addedBy event: Int64?) throws {
        try db.execute(sql: "DELETE FROM document WHERE added_event = ?", arguments: [event])
    }

    /// Each file's code `BOX/FILE`, record and fonds, for files `ids` (those that exist).
    func files(ids: [Int64]) throws -> [Int64: (ref: String, file: FileRecord, fonds: Int64)] {
        var files: [Int64: (ref: String, file: FileRecord, fonds: Int64)] = [:]
        for id in ids {
            guard let file = try FileRecord.fetchOne(db, key: id),
                let row = try Row.fetchOne(
                    db, sql: "SELECT code, fonds_id FROM box WHERE id = ?", arguments: [file.boxId])
            else { continue }
            files[id] = ("\(row["code"] as String)/\(file.code)", file, row["fonds_id"])
        }
        return files
    }

    /// The archival code of each of `fileIds` that has one (the Codes folder's rule).
    func archiveCodes(fileIds: [Int64], fonds: Set<Int64>) throws -> [Int64: String] {
        try KhoStore.archiveCodes(ArchiveCodeStore(db: db), fileIds: fileIds, fonds: fonds)
    }

    /// Which documents to read.
    enum Scope {
        /// Every one.
        case all
        /// Those of file `id`.
        case file(Int64?)
        /// Those of every file of box `id`.
        case box(Int64?)
    }

    /// The documents in `scope` (with `search`, only those whose indexed text has its words), by box, file and number.
    func documents(_ scope: Scope, search: String?) throws -> [DocumentRecord] {
        var conditions: [SQL] = []
        switch scope {
        case .all: break
        case .file(let id): conditions.append("d.file_id = \(id)")
        case .box(let id): conditions.append("f.box_id = \(id)")
        }
        if let search, let filter = SearchQuery.filter(search, kind: .document, idSQL: "d.id") {
            conditions.append(SQL(sql: filter.sql, arguments: [filter.argument]))
        }
        let whereSQL: SQL = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        let request = SQLRequest<DocumentRecord>(
            literal: """
                SELECT d.* FROM document d JOIN file f ON f.id = d.file_id JOIN box b ON b.id = f.box_id
                \(whereSQL) ORDER BY b.code, f.code, d.seq
                """)
        return try request.fetchAll(db)
    }

    /// Every document, by file id and number.
    func allByFile() throws -> [DocumentRecord] {
        try DocumentRecord.fetchAll(db, sql: "SELECT * FROM document ORDER BY file_id, seq")
    }

    /// Documents whose page range runs past the last page of their file's masters (files with masters only).
    func pageRangeFindings() throws -> [PageRangeFinding] {
        // Each master's pages bounded, as everywhere: a damaged value cannot overflow the sum.
        try Row.fetchAll(
            db,
            sql: """
                SELECT b.code AS box, f.code AS file, d.seq, d.page_to, m.pages
                FROM document d JOIN file f ON f.id = d.file_id JOIN box b ON b.id = f.box_id
                JOIN (SELECT file_id, SUM(\(Bounds.sql("pages"))) AS pages FROM master WHERE NOT missing GROUP BY file_id) m ON m.file_id = d.file_id
                WHERE d.page_to IS NOT NULL AND d.page_to > m.pages
                ORDER BY b.code, f.code, d.seq
                """
        ).map {
            PageRangeFinding(
                document: "\($0["box"] as String)/\($0["file"] as String)/\($0["seq"] as Int)", pageTo: $0["page_to"],
                masterPages: $0["pages"])
        }
    }
}

extension Stores {
    /// The documents and their kinds in this transaction.
    var documents: DocumentStore { DocumentStore(db: db) }
}
