import GRDB

/// What `kho status` counts, as one transaction reads it: files in tallies (read in place, with a cursor: province
/// scale is 50,000 boxes; the boxes are ``CatalogueStore/forEachBoxRow(_:)``'s), the fonds, the copies registered.
struct StatusStore {
    let db: Database

    /// A box's files of one access and one rung, summed.
    struct FileGroup {
        var boxId: Int64
        var access: String
        var scanState: String
        var files: Int
        var filesWithSheets: Int
        var sheets: Int
        var pages: Int
    }

    /// Calls `body` with each box's files grouped by access and scan state, read in place.
    func forEachFileGroup(_ body: (FileGroup) throws -> Void) throws {
        let stats = try Row.fetchCursor(
            db,
            sql: """
                SELECT box_id, access, scan_state, COUNT(*) AS files, COUNT(sheets) AS files_with_sheets,
                       COALESCE(SUM(\(Bounds.sql("sheets"))), 0) AS sheets,
                       COALESCE(SUM(\(Bounds.sql("pages"))), 0) AS pages
                FROM file GROUP BY box_id, access, scan_state
                """)
        while let row = try stats.next() {
            try body(
                FileGroup(
                    boxId: row["box_id"], access: row["access"], scanState: row["scan_state"], files: row["files"],
                    filesWithSheets: row["files_with_sheets"], sheets: row["sheets"], pages: row["pages"]))
        }
    }

    /// Every fonds (id, code, name), in code order.
    func fonds() throws -> [(id: Int64, code: String, name: String)] {
        try Row.fetchAll(db, sql: "SELECT id, code, name FROM fonds ORDER BY code").map {
            (id: $0["id"], code: $0["code"], name: $0["name"])
        }
    }

    /// How many copies in use are beyond the primary or audited (the primary once audited counts).
    func copiesBeyondUnauditedPrimary() throws -> Int {
        try Int.fetchOne(
            db,
            sql:
                "SELECT COUNT(*) FROM copy_site WHERE removed_at IS NULL AND (NOT is_primary OR last_audit_at IS NOT NULL)"
        )
            ?? 0
    }
}

extension Stores {
    /// What `kho status` counts, in this transaction.
    var status: StatusStore { StatusStore(db: db) }
}
