import Foundation
import GRDB
import KhoEstimation
import KhoTestSupport
import KhoTestTags
import Testing

@testable import KhoKit

@Suite(.tags(.endToEnd)) struct InterruptedIngestTests {
    /// The seed of the kill times when KHO_TEST_SEED does not set one.
    static let defaultSeed: UInt64 = 20_261_127

    /// Writes `files` catalogue files of `pages` masters each under `root`, and a CSV of them.
    func corpus(in kho: Kho, files: Int, pages: Int) throws -> String {
        let root = kho.dir.appendingPathComponent("scans").path
        var csv = "box,file,title\n"
        for f in 0..<files {
            let box = String(format: "H%03d", f / 10)
            let file = String(format: "%02d", f % 10)
            csv += "\(box),\(file),Hồ sơ \(f)\n"
            let dir = "\(root)/\(box)/\(file)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            for p in 1...pages {
                let low = (f * pages + p) % 97 == 0
                try FixtureWriter.write(
                    [FixturePage(width: 64, height: 64, xResolution: low ? 150 : 300, yResolution: low ? 150 : 300)],
                    to: String(format: "%@/%04d.tif", dir, p))
            }
        }
        var boxes = "box,fonds\n"
        for b in 0..<((files + 9) / 10) { boxes += String(format: "H%03d,F\n", b) }
        let boxesPath = kho.write(boxes, to: "boxes.csv")
        let filesPath = kho.write(csv, to: "files.csv")
        #expect(try kho("fonds", "add", "F", "--name", "Phông", "--by", "Thu").code == 0)
        #expect(try kho("import", "boxes", boxesPath, "--by", "Thu").code == 0)
        #expect(try kho("import", "files", filesPath, "--by", "Thu").code == 0)
        return root
    }

    /// Each catalogue file's state as the catalogue holds it: scan state, pages, masters recorded, ingest events.
    func state(_ kho: Kho) throws -> [String: String] {
        let store = try KhoStore.open(path: kho.db, forWriting: false)
        return try store.read { db in
            var out: [String: String] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT b.code || '/' || f.code, f.scan_state, f.pages,
                           (SELECT COUNT(*) FROM master m WHERE m.file_id = f.id),
                           (SELECT COALESCE(SUM(pages), 0) FROM master m WHERE m.file_id = f.id),
                           (SELECT COUNT(*) FROM event e WHERE e.file_id = f.id AND e.kind = 'scan.ingest')
                    FROM file f JOIN box b ON b.id = f.box_id
                    """)
            {
                let masters: Int = row[3]
                let events: Int = row[5]
                out[row[0]] =
                    "\(row[1] as String) pages=\(row[2] as Int) masters=\(masters) masterPages=\(row[4] as Int) ingested=\(events > 0)"
            }
            return out
        }
    }

    @Test func aKilledIngestLeavesNoHalfIngestedFileAndTheNextRunFinishesTheJob() throws {
        // Given a catalogue of 200 files with 10 masters each
        let kho = Kho()
        let root = try corpus(in: kho, files: 200, pages: 10)
        // (kill times come from a seed: a failure names it, and KHO_TEST_SEED=N runs the same times again)
        let seed = ProcessInfo.processInfo.environment["KHO_TEST_SEED"].flatMap { UInt64($0) } ?? Self.defaultSeed
        var generator = SeededGenerator(seed: seed)
        var killedAfter: [UInt32] = []
        // When an ingest is killed with SIGKILL at moments drawn from the seed, five times
        for round in 0..<5 {
            let process = Process()
            process.executableURL = Kho.binary
            process.arguments = ["scan", "ingest", root, "--by", "Hoa"]
            process.environment = ProcessInfo.processInfo.environment.merging(["KHO_DB": kho.db]) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            killedAfter.append(UInt32.random(in: 20_000...250_000, using: &generator))
            let context = "seed \(seed) (KHO_TEST_SEED), round \(round + 1), killed after µs \(killedAfter)"
            usleep(killedAfter[round])
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Then every file is either fully recorded (all its masters and its event) or not at all
            for (ref, line) in try state(kho) {
                let ingested = line.hasSuffix("ingested=true")
                #expect(
                    ingested ? line.contains("masters=10") : (line.contains("masters=0") && line.hasPrefix("none")),
                    "\(ref): \(line); \(context)")
            }
            // And `kho check` finds nothing wrong
            let check = try kho("check")
            #expect(check.code == 0, "\(check.out)\(check.err)\n\(context)")
        }
        // And a final ingest reaches the same state as an uninterrupted one
        #expect(try kho("scan", "ingest", root, "--by", "Hoa").code == 0)
        let reference = Kho()
        let referenceRoot = try corpus(in: reference, files: 200, pages: 10)
        #expect(try reference("scan", "ingest", referenceRoot, "--by", "Hoa").code == 0)
        let interrupted = try state(kho)
        let context = "seed \(seed) (KHO_TEST_SEED), killed after µs \(killedAfter)"
        #expect(interrupted == (try state(reference)), "\(context)")
        #expect(
            interrupted.values.allSatisfy { $0.contains("masters=10") && $0.hasSuffix("ingested=true") }, "\(context)")
    }
}
