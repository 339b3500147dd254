import Foundation
import GRDB
import KhoTIFF
import Testing

@testable import KhoKit

@Suite struct CopiesTests {
    /// A catalogue with one file holding one master and its delivered PDF/A copy, both on disk under `dir`.
    func catalogue(_ dir: URL) throws -> (KhoStore, master: [UInt8], pdf: [UInt8]) {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "H012", fonds: "UBND-SK1"), by: Fixture.who())
        try store.registerFile(FileDraft(ref: FileRef(box: "H012", file: "3"), title: "Hồ sơ"), by: Fixture.who())
        let master: [UInt8] = Array("II*\0 master content".utf8)
        let pdf: [UInt8] = Array("%PDF-1.7 copy".utf8)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("scans/H012/3"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("pdf/UBND-SK1"), withIntermediateDirectories: true)
        let masterPath = Fixture.write(bytes: master, to: "scans/H012/3/0001.tif", in: dir)
        let pdfPath = Fixture.write(bytes: pdf, to: "pdf/UBND-SK1/UBND-SK1.2001.0001.pdf", in: dir)
        try store.write { db in
            let fileId = try Int64.fetchOne(db, sql: "SELECT id FROM file")
            try db.execute(
                sql: """
                    INSERT INTO master (file_id, rel_path, root, disk_path, name, device, inode, size, mtime_ns, ctime_ns,
                                        sha256, pages, readable, profile, ingested_at)
                    VALUES (?, 'H012/3/0001.tif', ?, ?, '0001.tif', 1, 1, ?, 0, 0, ?, 1, 1, 'vn-2025', 0)
                    """,
                arguments: [fileId, dir.path + "/scans", masterPath, master.count, Fixity.sha256(bytes: master)])
            var event = Event(kind: .pdfBuild, attribution: Fixture.who(), time: Fixture.time)
            try EventStore(db: db).append(&event)
            try db.execute(
                sql: """
                    INSERT INTO pdf_copy (file_id, event_id, archive_id, path, sha256, pages, bytes, pdfa, ocr_engine,
                                          ocr_language, seconds, sources, built_at)
                    VALUES (?, ?, 'UBND-SK1.2001.0001', ?, ?, 1, ?, 'PDF/A-2B', 't', 'vie', 1, '[]', 0)
                    """, arguments: [fileId, event.id, pdfPath, Fixity.sha256(bytes: pdf), pdf.count])
        }
        return (store, master, pdf)
    }

    @Test func syncPutsMastersAndPdfCopiesInTheCopysLayoutAndCountsWhatItHolds() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, master, pdf) = try catalogue(dir)
        let usb = dir.appendingPathComponent("usb")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        try store.addCopy(name: "usb", path: usb.path, place: "tủ sắt", offsite: false, by: Fixture.who())
        // When the copy is synced
        let report = try store.syncCopies(by: Fixture.who(), lang: .vi)
        // Then it holds the master under scans/ and the PDF/A copy under pdf/FONDS/
        #expect(report.copies.map(\.copied) == [2])
        #expect(report.bytes == Int64(master.count + pdf.count))
        #expect(FileManager.default.contents(atPath: usb.path + "/scans/H012/3/0001.tif") == Data(master))
        #expect(FileManager.default.contents(atPath: usb.path + "/pdf/UBND-SK1/UBND-SK1.2001.0001.pdf") == Data(pdf))
        let summary = try store.copiesSummary()
        #expect(summary.expectedFiles == 2)
        #expect(summary.copies.map(\.files) == [2, 2])
        #expect(summary.copies.map(\.masterBytes) == [Int64(master.count), Int64(master.count)])
        // And the estimate reads both copies with the master bytes each holds
        #expect(try store.copiesForEstimate()?.map(\.heldBytes) == [Int64(master.count), Int64(master.count)])
    }

    @Test func aCopyHoldingAnEarlierAcceptedVersionIsUpdatedAndAnUnknownOneIsNot() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, master, _) = try catalogue(dir)
        let usb = dir.appendingPathComponent("usb")
        try FileManager.default.createDirectory(
            at: usb.appendingPathComponent("scans/H012/3"), withIntermediateDirectories: true)
        try store.addCopy(name: "usb", path: usb.path, place: "tủ sắt", offsite: false, by: Fixture.who())
        // Given the copy holds the master as it was before a rescan was accepted
        let earlier: [UInt8] = Array("II*\0 before the rescan".utf8)
        _ = Fixture.write(bytes: earlier, to: "usb/scans/H012/3/0001.tif", in: dir)
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO master_hash (master_id, sha256, size, since, reason) VALUES (1, ?, ?, 0, 'ingest')",
                arguments: [Fixity.sha256(bytes: earlier), earlier.count])
        }
        // When it is synced, then the earlier version is replaced by the current one
        let first = try store.syncCopies(by: Fixture.who(), lang: .vi)
        #expect(first.copies.first?.updated == 1)
        #expect(FileManager.default.contents(atPath: usb.path + "/scans/H012/3/0001.tif") == Data(master))
        // Given content nobody accepted in its place, then the next sync leaves it and says so
        _ = Fixture.write(bytes: Array("II*\0 unknown".utf8), to: "usb/scans/H012/3/0001.tif", in: dir)
        try store.write { db in try db.execute(sql: "UPDATE copy_file SET size = -1") }
        let second = try store.syncCopies(by: Fixture.who(), lang: .vi)
        #expect(second.findings.map(\.kind) == ["changed"])
        #expect(FileManager.default.contents(atPath: usb.path + "/scans/H012/3/0001.tif") == Data("II*\0 unknown".utf8))
    }

    @Test func strayFilesAreListedAndAPartialFileIsNamedAsSuch() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("scans/H1/01"), withIntermediateDirectories: true)
        _ = Fixture.write(bytes: [1], to: "scans/H1/01/0001.tif", in: dir)
        _ = Fixture.write(bytes: [2], to: "scans/H1/01/extra.tif", in: dir)
        _ = Fixture.write(bytes: [3], to: "scans/H1/01/.0002.tif.kho-part", in: dir)
        let stray = KhoStore.strayFiles(dir.path, known: ["scans/H1/01/0001.tif"])
        #expect(stray.map(\.0) == ["scans/H1/01/.0002.tif.kho-part", "scans/H1/01/extra.tif"])
        #expect(stray.map(\.1) == [true, false])
    }

    @Test func withOnlyThePrimaryStorageIsAtLevelZeroAndSaysWhatLevelOneNeeds() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (store, _, _) = try catalogue(dir)
        let levels = try store.preservationLevels(now: Fixture.now)
        #expect(levels.map(\.area) == PreservationArea.allCases)
        let storage = try #require(levels.first)
        #expect(storage.level == 0)
        #expect(storage.next.map(\.vi) == [PreservationText.twoCopies.vi])
        #expect(levels.first { $0.area == .control }?.level == 0)
        #expect(try store.copiesForEstimate() == nil)
    }
}

/// Copies open what they read with the fixity reader's safe open (`Fixity.openForReading`), so they refuse what it
/// refuses: a sparse file is not copied (nor read to its end) and says why.
@Suite struct SafeCopyOpenTests {
    @Test func aSparseSourceIsRefusedBeforeAnyByteIsCopied() throws {
        // Given a 64 MiB source made of holes, and where its copy would go
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("0001.tif").path
        let fd = open(source, O_WRONLY | O_CREAT, 0o644)
        #expect(fd >= 0 && ftruncate(fd, 64 << 20) == 0)
        close(fd)
        let target = dir.appendingPathComponent("usb/scans/0001.tif").path
        // When it is copied, and hashed as a copy's file
        let outcome = SafeCopy.transfer(from: source, to: target, expected: String(repeating: "0", count: 64))
        let digest = SafeCopy.digest(source)
        // Then both are the fixity reader's sparse finding, in words, and nothing is written
        guard case .sourceUnreadable(.refused(let error)) = outcome, case .sparse = error.kind else {
            Issue.record("not refused as sparse: \(outcome)")
            return
        }
        #expect(digest == .failure(.refused(error)))
        #expect(CopyReadProblem.refused(error).text.en.contains("sparse"))
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("usb").path))
    }

    @Test func aLinkAndAFolderAreNotRead() throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = Fixture.write(bytes: [1, 2, 3], to: "real.tif", in: dir)
        let link = dir.appendingPathComponent("link.tif").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        // Given a link to a file, a folder and a name with nothing behind it
        let missing = dir.appendingPathComponent("none").path
        // When each is copied
        let fromLink = SafeCopy.transfer(from: link, to: link + ".copy", expected: "")
        let fromFolder = SafeCopy.transfer(from: dir.path, to: real + ".copy", expected: "")
        // Then the link is not followed, the folder is not a regular file, and the missing one is missing
        guard case .sourceUnreadable(.notRegular) = fromLink else {
            Issue.record("a link was followed: \(fromLink)")
            return
        }
        guard case .sourceUnreadable(.refused(let error)) = fromFolder, case .notRegularFile = error.kind else {
            Issue.record("a folder was not refused as not a regular file: \(fromFolder)")
            return
        }
        #expect(SafeCopy.transfer(from: missing, to: real + ".c", expected: "") == .sourceUnreadable(.missing))
        #expect(!FileManager.default.fileExists(atPath: link + ".copy"))
    }
}
