import Foundation
import GRDB

extension KhoStore {
    /// What work done at the same moment used to leave behind (issue 21, item 4), should an old catalogue hold it:
    /// masters recorded under a folder that is not their box's and file's codes (a rename during an ingest), PDF/A
    /// copies filed under a fonds folder that is not their fonds' code (a fonds renamed during a build), and copies of
    /// files with no master on record (a build recorded into a catalogue restored under it); and every event naming a
    /// fonds, box or file its table once gave that id to.
    static func checkCodesAndPaths(_ db: Database, into report: inout CheckReport) throws {
        try checkMasterFolders(db, into: &report)
        try checkCopyFolders(db, into: &report)
        try checkCopiesWithoutMasters(db, into: &report)
        try checkEventTargets(db, into: &report)
        try checkDigests(db, into: &report)
    }

    /// Every master with a SHA-256 has its digest for the duplicate check, with its prefix, and no digest is left of a
    /// master that has none (the triggers of `master_digest` keep them; a hand edit of the file could not).
    private static func checkDigests(_ db: Database, into report: inout CheckReport) throws {
        try appendProblems(
            db, code: "digest",
            sql: """
                SELECT m.rel_path, d.prefix FROM master m LEFT JOIN master_digest d ON d.master_id = m.id
                WHERE m.sha256 IS NOT NULL AND d.prefix IS NOT substr(m.sha256, 1, 12)
                UNION ALL
                SELECT 'master ' || d.master_id, d.prefix FROM master_digest d
                WHERE NOT EXISTS (SELECT 1 FROM master m WHERE m.id = d.master_id AND m.sha256 IS NOT NULL)
                LIMIT 100
                """, into: &report
        ) { row in
            let subject: String = row["rel_path"]
            return (
                subject,
                Text(
                    vi:
                        "\(subject): mã SHA-256 dùng để tìm bản trùng không khớp với bản gốc; hãy khôi phục từ bản sao lưu gần nhất (`kho restore TỆP --force`)",
                    en:
                        "\(subject): the SHA-256 the duplicate check looks up does not match the master's; restore the latest backup (`kho restore FILE --force`)"
                )
            )
        }
    }

    /// Every fonds, box or file an event names is one its table gave that id to (it may have been deleted since: its
    /// id is never given again): the log's references carry no foreign key since v11, and an id above the table's
    /// `AUTOINCREMENT` mark was never given to any row.
    private static func checkEventTargets(_ db: Database, into report: inout CheckReport) throws {
        for (column, table) in [("fonds_id", "fonds"), ("box_id", "box"), ("file_id", "file")] {
            let mark = try RowIds.highestGiven(db, table: table)
            try appendProblems(
                db, code: "foreign_key",
                sql: """
                    SELECT e.id, e.\(column) AS target FROM event e
                    WHERE e.\(column) > ? AND NOT EXISTS (SELECT 1 FROM \(table) t WHERE t.id = e.\(column))
                    ORDER BY e.id LIMIT 100
                    """, arguments: [mark], into: &report
            ) { row in
                let id: Int64 = row["id"]
                let target: Int64 = row["target"]
                return (
                    "event \(id)",
                    Text(
                        vi: "sự kiện \(id) trỏ tới \(table) \(target), một mã số chưa từng cấp cho \(table) nào",
                        en: "event \(id) refers to \(table) \(target), an id never given to any \(table)")
                )
            }
        }
    }

    /// Each master on record (not marked missing) lies in the folder `BOX/FILE/` of its file's codes.
    private static func checkMasterFolders(_ db: Database, into report: inout CheckReport) throws {
        try appendProblems(
            db, code: "master_folder",
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS masters, MIN(m.rel_path) AS first
                FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT m.missing
                  AND substr(m.rel_path, 1, length(b.code) + length(f.code) + 2) != b.code || '/' || f.code || '/'
                GROUP BY f.id ORDER BY b.code, f.code
                """, into: &report
        ) { row in
            let ref: String = row["ref"]
            let masters: Int = row["masters"]
            let first: String = row["first"]
            let folder = (first as NSString).deletingLastPathComponent
            return (
                "file \(ref)",
                Text(
                    vi:
                        "\(masters) bản quét của hồ sơ \(ref) được ghi ở thư mục \(folder), không phải \(ref) theo mã hộp và mã hồ sơ (mã bị đổi trong lúc nạp?); hãy chuyển thư mục \(folder) thành \(ref) trong thư mục bản quét rồi chạy `kho scan ingest`",
                    en:
                        "\(masters) masters of file \(ref) are recorded in folder \(folder), not \(ref) as its box and file codes say (renamed during an ingest?); move folder \(folder) to \(ref) under the scans root and run `kho scan ingest`"
                )
            )
        }
    }

    /// The latest copy of each file lies in the folder of its fonds' code, as `kho pdf build` names it.
    private static func checkCopyFolders(_ db: Database, into report: inout CheckReport) throws {
        try appendProblems(
            db, code: "copy_fonds",
            sql: """
                SELECT b.code || '/' || f.code AS ref, fo.code AS fonds, c.path, c.archive_id
                FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id JOIN fonds fo ON fo.id = b.fonds_id
                WHERE c.id = (SELECT MAX(id) FROM pdf_copy l WHERE l.file_id = c.file_id)
                ORDER BY b.code, f.code
                """, into: &report
        ) { row in
            let path: String = row["path"]
            let fonds: String = row["fonds"]
            let folder = ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            guard folder != folderName(fonds) else { return nil }
            let ref: String = row["ref"]
            let archiveId: String = row["archive_id"]
            return (
                "file \(ref)",
                Text(
                    vi:
                        "bản PDF/A \(archiveId) của hồ sơ \(ref) nằm ở thư mục phông «\(folder)», nhưng hồ sơ thuộc phông \(fonds) (mã phông bị đổi trong lúc dựng?); bản sao mang mã cũ. Hãy dựng lại (`kho pdf build \(ref) --force`) và xem lại bản cũ \(path)",
                    en:
                        "PDF/A copy \(archiveId) of file \(ref) lies in fonds folder “\(folder)”, but the file belongs to fonds \(fonds) (renamed during a build?); the copy carries the old code. Rebuild it (`kho pdf build \(ref) --force`) and look at the old one, \(path)"
                )
            )
        }
    }

    /// A file with a PDF/A copy has masters on record, present or marked missing (the copy was made from them).
    private static func checkCopiesWithoutMasters(_ db: Database, into report: inout CheckReport) throws {
        try appendProblems(
            db, code: "copy_no_masters",
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS copies, MAX(c.path) AS path
                FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id)
                GROUP BY f.id ORDER BY b.code, f.code
                """, into: &report
        ) { row in
            let ref: String = row["ref"]
            let path: String = row["path"]
            return (
                "file \(ref)",
                Text(
                    vi:
                        "hồ sơ \(ref) có bản PDF/A (\(path)) nhưng không có bản quét nào trong danh mục (bản sao được ghi vào một danh mục vừa khôi phục?); hãy nạp lại bản quét (`kho scan ingest`) rồi dựng lại bản sao",
                    en:
                        "file \(ref) has a PDF/A copy (\(path)) but no masters on record (recorded into a catalogue restored under the build?); ingest its masters again (`kho scan ingest`), then rebuild the copy"
                )
            )
        }
    }

    /// Appends a problem with `code` for each row `sql` returns, its subject and words made from the row by `problem`
    /// (nil: the row is no problem).
    private static func appendProblems(
        _ db: Database, code: String, sql: String, arguments: StatementArguments = StatementArguments(),
        into report: inout CheckReport, _ problem: (Row) -> (subject: String, text: Text)?
    ) throws {
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            guard let found = problem(row) else { continue }
            report.problems.append(CheckProblem(code: code, subject: found.subject, text: found.text))
        }
    }
}
