import Foundation

extension KhoStore {
    /// What work done at the same moment used to leave behind (issue 21, item 4), should an old catalogue hold it:
    /// masters recorded under a folder that is not their box's and file's codes (a rename during an ingest), PDF/A
    /// copies filed under a fonds folder that is not their fonds' code (a fonds renamed during a build), and copies of
    /// files with no master on record (a build recorded into a catalogue restored under it); and every event naming a
    /// fonds, box or file its table once gave that id to.
    static func checkCodesAndPaths(_ tx: Stores, into report: inout CheckReport) throws {
        try checkMasterFolders(tx, into: &report)
        try checkCopyFolders(tx, into: &report)
        try checkCopiesWithoutMasters(tx, into: &report)
        try checkEventTargets(tx, into: &report)
        try checkDigests(tx, into: &report)
    }

    /// Every master with a SHA-256 has its digest for the duplicate check, with its prefix, and no digest is left of a
    /// master that has none (the ingest writes them and triggers keep them; a hand edit of the file could not).
    private static func checkDigests(_ tx: Stores, into report: inout CheckReport) throws {
        try appendProblems(code: "digest", rows: tx.integrity.digestMismatches(), into: &report) { subject in
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
    private static func checkEventTargets(_ tx: Stores, into report: inout CheckReport) throws {
        for (column, table) in [("fonds_id", "fonds"), ("box_id", "box"), ("file_id", "file")] {
            try appendProblems(
                code: "foreign_key", rows: tx.integrity.eventsNamingUnknown(column: column, table: table),
                into: &report
            ) { row in
                let (id, target) = row
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
    private static func checkMasterFolders(_ tx: Stores, into report: inout CheckReport) throws {
        try appendProblems(code: "master_folder", rows: tx.integrity.mastersOutsideTheirFolder(), into: &report) {
            row in
            let (ref, masters, first) = row
            let folder = PathText.parent(of: first)
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
    private static func checkCopyFolders(_ tx: Stores, into report: inout CheckReport) throws {
        try appendProblems(code: "copy_fonds", rows: tx.integrity.latestCopies(), into: &report) { row in
            let (ref, fonds, path, archiveId) = row
            let folder = (PathText.parent(of: path) as NSString).lastPathComponent
            guard folder != folderName(fonds) else { return nil }
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
    private static func checkCopiesWithoutMasters(_ tx: Stores, into report: inout CheckReport) throws {
        try appendProblems(code: "copy_no_masters", rows: tx.integrity.copiesWithoutMasters(), into: &report) { row in
            let (ref, path) = (row.ref, row.path)
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

    /// Appends a problem with `code` for each of `rows`, its subject and words made from the row by `problem`
    /// (nil: the row is no problem).
    private static func appendProblems<Row>(
        code: String, rows: [Row], into report: inout CheckReport, _ problem: (Row) -> (subject: String, text: Text)?
    ) {
        for row in rows {
            guard let found = problem(row) else { continue }
            report.problems.append(CheckProblem(code: code, subject: found.subject, text: found.text))
        }
    }
}
