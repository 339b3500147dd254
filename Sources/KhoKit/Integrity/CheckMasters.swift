import Foundation
import KhoTIFF

#if canImport(Glibc)
    import Glibc
#endif

extension KhoStore {
    /// Masters without an ingest event for their file mean a half-written ingest.
    static func checkMastersWithoutIngest(_ tx: Stores, into report: inout CheckReport) throws {
        for row in try tx.integrity.mastersWithoutIngest() {
            report.problems.append(CheckFinding.File.mastersWithoutIngest(ref: row.ref, masters: row.masters).problem)
        }
    }

    /// Every file that passed QC or was delivered has at least one master on record (not marked missing).
    static func checkMastersOnRecord(_ tx: Stores, into report: inout CheckReport) throws {
        for row in try tx.integrity.digitizedWithoutMasters() {
            report.problems.append(CheckFinding.File.noMasters(ref: row.ref, state: row.state).problem)
        }
    }

    /// Every master on record is on disk as a regular file (a link where a master was is not followed), or on record
    /// as missing: a problem until it is back or a person accepts the loss (`scan accept --reason lost`).
    static func checkMasters(_ tx: Stores, into report: inout CheckReport) throws {
        var folders = FolderLinks()
        try tx.integrity.forEachMaster { master in
            report.masters += 1
            let rel = master.rel
            if master.missing {
                report.mastersMarkedMissing += 1
                if master.lostEvent == nil {
                    let recorded = VerifyText.recordedMissing(ref: master.ref, name: master.name, sha: master.sha256)
                    report.problems.append(CheckFinding.Master.lost(rel: rel, recorded: recorded).problem)
                }
                return
            }
            let diskPath = master.diskPath
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
