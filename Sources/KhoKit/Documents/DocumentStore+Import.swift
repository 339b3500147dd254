import Foundation
import GRDB

extension DocumentStore {
    /// The id of every file by its reference `BOX/FILE`.
    func fileIdsByRef() throws -> [String: Int64] {
        var fileIds: [String: Int64] = [:]
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT b.code || '/' || f.code AS ref, f.id FROM file f JOIN box b ON b.id = f.box_id")
        while let row = try cursor.next() { fileIds[row["ref"]] = row["id"] }
        return fileIds
    }

    /// The numbers (STT) of the documents in the catalogue, by file id.
    func takenNumbers() throws -> [Int64: Set<Int>] {
        var taken: [Int64: Set<Int>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT file_id, seq FROM document") {
            taken[row["file_id"], default: []].insert(row["seq"])
        }
        return taken
    }

    /// The first and last years of the files that have them, by file id.
    func fileYears() throws -> [Int64: (Int?, Int?)] {
        var years: [Int64: (Int?, Int?)] = [:]
        for row in try Row.fetchAll(
            db,
            sql: "SELECT id, start_year, end_year FROM file WHERE start_year IS NOT NULL OR end_year IS NOT NULL")
        {
            years[row[0]] = (row[1], row[2])
        }
        return years
    }

    /// Writes one chunk of an import's documents, each naming event `event`: many rows per statement through
    /// SQLite's C API (``BulkInsert``), indexed for search in one statement after with the texts of `index`.
    func insert(_ records: [DocumentRecord], index: SearchIndex.Batch, event: Int64?) throws {
        var insert = try BulkInsert(
            db, into: "document",
            columns: [
                "id", "file_id", "seq", "kind", "number", "symbol", "date", "issuer", "summary", "language", "pages",
                "page_from",
                "page_to", "sheets", "autograph", "condition", "notes", "keywords", "added_event",
            ], rows: records.count)
        // Ids given here, from the first free one, so that the index entries know their rows.
        try SearchStore(db: db).bulkInsert(table: "document", batch: index) { first in
            for (offset, d) in records.enumerated() {
                try insert.insert { row in
                    row.int64(first + Int64(offset))
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
                    row.int64(event)
                }
            }
        }
    }

    /// A file as the metadata export reads it, with its documents counted and its copy's path.
    struct MetadataRow {
        var record: FileRecord
        var id: Int64
        var fondsId: Int64
        var documents: Int
        var copyPath: String?
    }

    /// The files that are not secret (of fonds `fondsId` when given), by box and file code.
    func metadataFiles(fondsId: Int64?) throws -> [MetadataRow] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT f.*, b.fonds_id AS fonds_id, (SELECT COUNT(*) FROM document d WHERE d.file_id = f.id) AS document_count,
                       (SELECT c.path FROM pdf_copy c WHERE c.file_id = f.id ORDER BY c.id DESC LIMIT 1) AS copy_path
                FROM file f JOIN box b ON b.id = f.box_id
                WHERE f.access != 'secret' AND (? IS NULL OR b.fonds_id = ?) ORDER BY b.code, f.code
                """, arguments: [fondsId, fondsId]
        ).map { row in
            MetadataRow(
                record: try FileRecord(row: row), id: row["id"], fondsId: row["fonds_id"],
                documents: row["document_count"], copyPath: row["copy_path"])
        }
    }
}
