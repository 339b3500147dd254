import Foundation
import GRDB
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

extension KhoStore {
    /// Masters without an ingest event for their file mean a half-written ingest.
    static func checkMastersWithoutIngest(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, COUNT(*) AS masters
                FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.file_id = f.id AND e.kind = 'scan.ingest')
                GROUP BY f.id
                """)
        {
            let ref: String = row["ref"]
            let count: Int = row["masters"]
            report.problems.append(CheckFinding.File.mastersWithoutIngest(ref: ref, masters: count).problem)
        }
    }

    /// Every file that passed QC or was delivered has at least one master on record (not marked missing).
    static func checkMastersOnRecord(_ db: Database, into report: inout CheckReport) throws {
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS ref, f.scan_state FROM file f JOIN box b ON b.id = f.box_id
                WHERE f.scan_state IN ('\(ScanState.passed.rawValue)', '\(ScanState.delivered.rawValue)')
                  AND NOT EXISTS (SELECT 1 FROM master m WHERE m.file_id = f.id AND NOT m.missing)
                ORDER BY b.code, f.code
                """)
        {
            let ref: String = row["ref"]
            let state: String = row["scan_state"]
            report.problems.append(CheckFinding.File.noMasters(ref: ref, state: state).problem)
        }
    }

    /// Every master on record is on disk as a regular file (a link where a master was is not followed), or on record
    /// as missing: a problem until it is back or a person accepts the loss (`scan accept --reason lost`).
    static func checkMasters(_ db: Database, into report: inout CheckReport) throws {
        var folders = FolderLinks()
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT m.rel_path, m.disk_path, m.missing, m.lost_event, m.name, m.sha256,
                       b.code || '/' || f.code AS ref FROM master m
                JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                """)
        {
            report.masters += 1
            let rel: String = row["rel_path"]
            let ref: String = row["ref"]
            let missing: Bool = row["missing"]
            if missing {
                report.mastersMarkedMissing += 1
                if (row["lost_event"] as Int64?) == nil {
                    let recorded = VerifyText.recordedMissing(ref: ref, name: row["name"], sha: row["sha256"])
                    report.problems.append(CheckFinding.Master.lost(rel: rel, recorded: recorded).problem)
                }
                continue
            }
            let diskPath: String = row["disk_path"]
            var info = stat()
            if let folder = folders.linkedFolder(path: diskPath, rel: rel) {
                report.problems.append(CheckFinding.Master.folderLinked(rel: rel, folder: folder).problem)
            } else if lstat(diskPath, &info) != 0 {
                report.problems.append(CheckFinding.Master.missing(rel: rel, diskPath: diskPath).problem)
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                let found = FixityError(
                    operation: .stat, errno: 0,
                    kind: (info.st_mode & S_IFMT) == S_IFLNK
                        ? .symbolicLink : .notRegularFile(kind: OutputFile.kind(info.st_mode)))
                report.problems.append(
                    CheckFinding.Master.notFile(rel: rel, diskPath: diskPath, reason: found.reason).problem)
            }
        }
    }
}
