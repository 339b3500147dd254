import GRDB

/// The archival codes' rows as one transaction reads and writes them: each fonds' rule (`archive_rule`) and the
/// numbers fixed for files (`archive_number`).
struct ArchiveCodeStore {
    let db: Database

    /// A file as its archival code is made from it.
    struct CodedFile {
        var fileId: Int64
        var fondsId: Int64
        var boxId: Int64?
        var fondsCode: String
        var boxCode: String
        var fileCode: String
        var startYear: Int?
        var endYear: Int?
        /// Its fixed number, when it has one.
        var number: Int?
        /// The code of its latest copy, when it has one.
        var delivered: String?
    }

    /// The rule of every fonds that has one set.
    func archiveRules() throws -> [Int64: ArchiveRule] {
        var out: [Int64: ArchiveRule] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT fonds_id, pattern, inventory FROM archive_rule") {
            out[row["fonds_id"]] = ArchiveRule(pattern: row["pattern"], inventory: row["inventory"])
        }
        return out
    }

    /// Sets fonds `fondsId`'s rule.
    func setArchiveRule(_ rule: ArchiveRule, fondsId: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO archive_rule (fonds_id, pattern, inventory) VALUES (?, ?, ?)
                ON CONFLICT(fonds_id) DO UPDATE SET pattern = excluded.pattern, inventory = excluded.inventory
                """, arguments: [fondsId, rule.pattern, rule.inventory])
    }

    /// Every fonds' id and code, by code.
    func fondsCodes() throws -> [(id: Int64, code: String)] {
        try Row.fetchAll(db, sql: "SELECT id, code FROM fonds ORDER BY code").map { ($0["id"], $0["code"]) }
    }

    /// The highest number fixed in each fonds.
    func highestNumbers() throws -> [Int64: Int] {
        var highest: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT fonds_id, MAX(number) AS highest FROM archive_number GROUP BY fonds_id")
        {
            highest[row["fonds_id"]] = row["highest"]
        }
        return highest
    }

    /// The highest number fixed in fonds `fondsId`; 0 when none is.
    func highestNumber(fondsId: Int64) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM archive_number WHERE fonds_id = ?", arguments: [fondsId])
            ?? 0
    }

    /// Calls `body` with each file of `fonds` (every fonds when nil), in inventory order within each fonds (read as a
    /// cursor: the whole catalogue's files are not held at once).
    func eachCodedFile(in fonds: Set<Int64>?, _ body: (CodedFile) throws -> Void) throws {
        var whereSQL = ""
        if let fonds { whereSQL = "WHERE b.fonds_id IN (\(fonds.map(String.init).joined(separator: ",")))" }
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT fi.id AS file_id, b.fonds_id, fo.code AS fonds_code, b.code AS box_code, fi.code AS file_code,
                       fi.start_year, fi.end_year, n.number,
                       (SELECT c.archive_id FROM pdf_copy c WHERE c.file_id = fi.id ORDER BY c.id DESC LIMIT 1) AS delivered
                FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds fo ON fo.id = b.fonds_id
                LEFT JOIN archive_number n ON n.file_id = fi.id
                \(whereSQL)
                ORDER BY b.fonds_id, b.code, fi.code
                """)
        while let row = try rows.next() {
            try body(
                CodedFile(
                    fileId: row["file_id"], fondsId: row["fonds_id"], boxId: nil, fondsCode: row["fonds_code"],
                    boxCode: row["box_code"], fileCode: row["file_code"], startYear: row["start_year"],
                    endYear: row["end_year"], number: row["number"], delivered: row["delivered"]))
        }
    }

    /// File `fileId` as its code is made from it (without its delivered code); nil when there is no such file.
    func codedFile(id fileId: Int64) throws -> CodedFile? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT b.fonds_id, b.id AS box_id, fo.code AS fonds_code, b.code AS box_code, fi.code AS file_code,
                       fi.start_year, fi.end_year, n.number
                FROM file fi JOIN box b ON b.id = fi.box_id JOIN fonds fo ON fo.id = b.fonds_id
                LEFT JOIN archive_number n ON n.file_id = fi.id WHERE fi.id = ?
                """, arguments: [fileId]
        ).map { row in
            CodedFile(
                fileId: fileId, fondsId: row["fonds_id"], boxId: row["box_id"], fondsCode: row["fonds_code"],
                boxCode: row["box_code"], fileCode: row["file_code"], startYear: row["start_year"],
                endYear: row["end_year"], number: row["number"], delivered: nil)
        }
    }

    /// The code of file `fileId`'s latest copy; nil when it has none.
    func deliveredCode(fileId: Int64) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT archive_id FROM pdf_copy WHERE file_id = ? ORDER BY id DESC LIMIT 1",
            arguments: [fileId])
    }

    /// The files of fonds `fondsId` without a number, in inventory order.
    func unnumberedFiles(fondsId: Int64) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT fi.id FROM file fi JOIN box b ON b.id = fi.box_id
                WHERE b.fonds_id = ? AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                ORDER BY b.code, fi.code
                """, arguments: [fondsId])
    }

    /// How many files of fonds `fondsId` without a number are in boxes before box `box` (by code).
    func unnumberedBefore(box: String, fondsId: Int64) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM file fi JOIN box b ON b.id = fi.box_id
                WHERE b.fonds_id = ? AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                  AND b.code < ?
                """, arguments: [fondsId, box]) ?? 0
    }

    /// How many files of box `boxId` without a number come up to file `file` (by code), it included.
    func unnumberedInBox(_ boxId: Int64, upTo file: String) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM file fi WHERE fi.box_id = ? AND fi.code <= ?
                  AND NOT EXISTS (SELECT 1 FROM archive_number n WHERE n.file_id = fi.id)
                """, arguments: [boxId, file]) ?? 0
    }

    /// Fixes the numbers after `highest` of `ids` (in that order) in fonds `fondsId`, by event `event`.
    func fixNumbers(_ ids: [Int64], fondsId: Int64, after highest: Int, event: Int64?) throws {
        let insert = try db.makeStatement(
            sql: "INSERT INTO archive_number (file_id, fonds_id, number, event_id) VALUES (?, ?, ?, ?)")
        for (offset, id) in ids.enumerated() {
            try insert.execute(arguments: [id, fondsId, highest + offset + 1, event])
        }
    }
}

extension Stores {
    /// The archival codes' rules and numbers in this transaction.
    var codes: ArchiveCodeStore { ArchiveCodeStore(db: db) }
}
