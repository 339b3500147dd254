import Foundation
import KhoTestSupport
import KhoTestTags
import Testing

/// A catalogue with ingested masters on the primary and two registered copies in temporary folders.
struct CopiesFixture {
    let kho = Kho()
    var scans: String { kho.dir.appendingPathComponent("scans").path }
    var usb: String { kho.dir.appendingPathComponent("usb").path }
    var nas: String { kho.dir.appendingPathComponent("nas").path }
    /// Every master's path under `scans/`.
    var masters: [String] = []

    /// Registers fonds F, box H01 and `files` files of `pages` distinct masters each, ingests them, and registers
    /// `usb` (and `nas` unless `copies` is 1).
    init(files: Int = 2, pages: Int = 3, copies: Int = 2) throws {
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "H01", "--fonds", "F", "--by", "Thu"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        for f in 1...files {
            let file = String(format: "%02d", f)
            #expect(try kho("file", "add", "H01/\(file)", "--title", "Hồ sơ \(f)", "--by", "Thu").code == 0)
            try FileManager.default.createDirectory(atPath: "\(scans)/H01/\(file)", withIntermediateDirectories: true)
            for p in 1...pages {
                let rel = String(format: "H01/%@/%04d.tif", file, p)
                try FixtureWriter.write(
                    [FixturePage(width: UInt32(16 + f * 10 + p), artist: "trang \(f)-\(p)")], to: scans + "/" + rel)
                masters.append(rel)
            }
        }
        #expect(try kho("scan", "ingest", scans, "--by", "Hoa").code == 0)
        for (name, path, extra) in [("usb", usb, [] as [String]), ("nas", nas, ["--offsite"])].prefix(copies) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let added = try kho.run(
                ["copies", "add", name, "--path", path, "--place", "tủ sắt phòng văn thư \(name)", "--by", "Thu"]
                    + extra)
            #expect(added.code == 0, "\(added.err)")
        }
    }

    func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// The partial file a sync writes for master `rel` on the USB copy (`.0003.tif.kho-part`).
    func partial(_ rel: String) -> String {
        usb + "/scans/" + (rel as NSString).deletingLastPathComponent + "/." + (rel as NSString).lastPathComponent
            + ".kho-part"
    }

    /// Starts `kho copies sync`, held by a test hook half-way through its third file (until a file exists at
    /// `resumeWhen`, or for ever), and returns once it is held there: its partial file is there only meanwhile.
    func heldSync(resumeWhen: String? = nil, stderr: Pipe? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Kho.binary
        process.arguments = ["copies", "sync", "--by", "Thu"]
        var hook = ["KHO_DB": kho.db, "KHO_TEST_COPIES_PAUSE_AFTER": "2"]
        hook["KHO_TEST_COPIES_RESUME_WHEN"] = resumeWhen
        process.environment = ProcessInfo.processInfo.environment.merging(hook) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr ?? FileHandle.nullDevice
        try process.run()
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: partial(masters[2])) { usleep(50_000) }
        return process
    }

    /// Flips one byte of the file at `path`.
    func flip(_ path: String, at offset: Int = 40) throws {
        var data = try #require(bytes(path))
        data[offset] ^= 0xFF
        try data.write(to: URL(fileURLWithPath: path))
    }

    func json(_ result: Kho.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any], "\(result.err)")
    }

    /// The audit of copy `name` in a `copies verify --json` result.
    func audit(_ result: Kho.Result, _ name: String) throws -> [String: Any] {
        let copies = try #require(try json(result)["copies"] as? [[String: Any]])
        return try #require(copies.first { $0["name"] as? String == name })
    }
}

@Suite(.tags(.endToEnd)) struct CopiesEndToEndTests {
    @Test func syncFillsBothCopiesWithTheCatalogueContentAndOneEvent() throws {
        // Given a primary with 6 masters and two empty copies
        let f = try CopiesFixture()
        // When the copies are synced
        let sync = try f.kho("copies", "sync", "--by", "Thu", "--json")
        // Then both hold every master, byte for byte, and the run is one attributed event with counts and bytes
        #expect(sync.code == 0, "\(sync.out) \(sync.err)")
        for copy in [f.usb, f.nas] {
            for rel in f.masters {
                #expect(f.bytes(copy + "/scans/" + rel) == f.bytes(f.scans + "/" + rel), "\(copy) \(rel)")
            }
            #expect(FileManager.default.fileExists(atPath: copy + "/catalog/kho.sqlite"))
        }
        let report = try f.json(sync)
        let copies = try #require(report["copies"] as? [[String: Any]])
        #expect(copies.map { $0["copied"] as? Int } == [6, 6])
        let events = try #require(try f.kho.json("log", "--kind", "copies.sync") as? [[String: Any]])
        #expect(events.count == 1)
        #expect(events.first?["actor"] as? String == "Thu")
        // And a second run copies nothing and finds every file already held
        let again = try f.json(try f.kho("copies", "sync", "--by", "Thu", "--json"))
        let second = try #require(again["copies"] as? [[String: Any]])
        #expect(second.map { $0["copied"] as? Int } == [0, 0])
        #expect(second.map { $0["held"] as? Int } == [6, 6])
        // And the list shows each copy holding what is expected
        let list = try f.json(try f.kho("copies", "list", "--json"))
        let lines = try #require(list["copies"] as? [[String: Any]])
        #expect(lines.map { $0["name"] as? String } == ["primary", "nas", "usb"])
        #expect(lines.allSatisfy { $0["files"] as? Int == list["expected_files"] as? Int })
    }

    @Test func aFlippedByteOnOneCopyIsFoundByVerifyAndRepairedFromTheOther() throws {
        // Given two synced copies, and one byte flipped on the USB copy and (another) on the primary's same master
        let f = try CopiesFixture()
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        let rel = f.masters[1]
        let original = f.bytes(f.scans + "/" + rel)
        try f.flip(f.usb + "/scans/" + rel)
        // When the USB copy is audited
        let verify = try f.kho("copies", "verify", "usb", "--by", "Thu", "--json")
        // Then the change is found and the exit code says so
        #expect(verify.code != 0)
        #expect(try f.audit(verify, "usb")["changed"] as? Int == 1)
        // And a sync never overwrites it (a finding, not a silent fix)
        let sync = try f.kho("copies", "sync", "usb", "--by", "Thu")
        #expect(sync.code != 0)
        #expect(f.bytes(f.usb + "/scans/" + rel) != original)
        // When the file is repaired while the primary's master is damaged too
        try f.flip(f.scans + "/" + rel, at: 60)
        let repair = try f.kho("copies", "repair", "H01/01", "--by", "Thu", "--json")
        // Then both are replaced from the NAS copy, the only one that matches the catalogue
        #expect(repair.code == 0, "\(repair.out) \(repair.err)")
        let repaired = try #require(try f.json(repair)["repaired"] as? [[String: Any]])
        #expect(Set(repaired.map { $0["copy"] as? String ?? "" }) == ["usb", "primary"])
        #expect(repaired.allSatisfy { $0["source"] as? String == "nas" })
        #expect(f.bytes(f.usb + "/scans/" + rel) == original)
        #expect(f.bytes(f.scans + "/" + rel) == original)
        // And every copy now audits clean, and the primary passes the ingest's own fixity check
        #expect(try f.kho("copies", "verify", "--by", "Thu").code == 0)
        #expect(try f.kho("scan", "verify", "--by", "Thu").code == 0)
        let events = try #require(try f.kho.json("log", "--kind", "copies.repair") as? [[String: Any]])
        #expect(events.count == 1)
    }

    @Test func aMasterDamagedOnThePrimaryIsRepairedFromACopy() throws {
        // Given synced copies and a master on the primary cut short
        let f = try CopiesFixture()
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        let rel = f.masters[4]
        let original = try #require(f.bytes(f.scans + "/" + rel))
        try original.prefix(20).write(to: URL(fileURLWithPath: f.scans + "/" + rel))
        // When the primary is audited, then repaired for that page
        let verify = try f.kho("copies", "verify", "primary", "--by", "Thu", "--json")
        #expect(verify.code != 0)
        #expect(try f.audit(verify, "primary")["changed"] as? Int == 1)
        let page = (rel as NSString).lastPathComponent
        let repair = try f.kho("copies", "repair", "H01/02", "--page", page, "--by", "Thu", "--json")
        // Then the master is whole again, from a copy
        #expect(repair.code == 0, "\(repair.out) \(repair.err)")
        let repaired = try #require(try f.json(repair)["repaired"] as? [[String: Any]])
        #expect(repaired.count == 1)
        #expect(repaired.first?["copy"] as? String == "primary")
        #expect(["usb", "nas"].contains(repaired.first?["source"] as? String ?? ""))
        #expect(f.bytes(f.scans + "/" + rel) == original)
        #expect(try f.kho("copies", "verify", "primary", "--by", "Thu").code == 0)
        // And a person reads what was wrong in words, in their language (the JSON keeps the key)
        #expect(repaired.first?["was"] as? String == "changed")
        try FileManager.default.removeItem(atPath: f.scans + "/" + rel)
        let words = try f.kho("copies", "repair", "H01/02", "--page", page, "--by", "Thu")
        #expect(words.out.contains("đã sửa primary: scans/\(rel) (mất) từ bản"), "\(words.out)")
        try f.flip(f.scans + "/" + rel)
        let english = try f.kho.run(
            ["copies", "repair", "H01/02", "--page", page, "--by", "Thu"], env: ["KHO_LANG": "en"])
        #expect(english.out.contains("repaired primary: scans/\(rel) (changed) from copy"), "\(english.out)")
    }

    @Test func aCopyThatDoesNotMatchIsNeverASourceAndAFileMissingEverywhereIsLost() throws {
        // Given synced copies, one master damaged on the primary and on both copies (differently)
        let f = try CopiesFixture()
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        let rel = f.masters[0]
        try f.flip(f.scans + "/" + rel, at: 30)
        try f.flip(f.usb + "/scans/" + rel, at: 50)
        try f.flip(f.nas + "/scans/" + rel, at: 70)
        let damaged = [f.scans + "/" + rel, f.usb + "/scans/" + rel, f.nas + "/scans/" + rel].map { f.bytes($0) }
        // When it is repaired
        let repair = try f.kho("copies", "repair", "H01/01", "--page", "0001.tif", "--by", "Thu", "--json")
        // Then nothing is copied from a non-matching copy: it is lost, and every damaged file is left as it was
        #expect(repair.code != 0)
        let report = try f.json(repair)
        #expect(report["lost"] as? [String] == ["scans/" + rel])
        #expect((report["repaired"] as? [Any])?.isEmpty == true)
        #expect([f.scans + "/" + rel, f.usb + "/scans/" + rel, f.nas + "/scans/" + rel].map { f.bytes($0) } == damaged)
        // And a master deleted from every copy is lost too, said in words
        let other = f.masters[2]
        for root in [f.scans, f.usb + "/scans", f.nas + "/scans"] {
            try FileManager.default.removeItem(atPath: root + "/" + other)
        }
        let lost = try f.kho("copies", "repair", "H01/01", "--page", "0003.tif", "--by", "Thu")
        #expect(lost.code != 0)
        #expect(lost.out.contains("MẤT: scans/\(other)"))
    }

    @Test func aKilledSyncLeavesNoPartialFileAndTheNextOneFinishes() throws {
        // Given a primary with 8 masters and one copy
        let f = try CopiesFixture(files: 2, pages: 4, copies: 1)
        // When a sync is killed with SIGKILL half-way through its third file (a test hook pauses it there)
        let process = try f.heldSync()
        let third = f.masters[2]
        let partial = f.partial(third)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // Then the partial file never stands under a master's name: two masters are in place, whole
        #expect(FileManager.default.fileExists(atPath: partial), "the sync never paused")
        #expect(!FileManager.default.fileExists(atPath: f.usb + "/scans/" + third))
        let placed = f.masters.filter { FileManager.default.fileExists(atPath: f.usb + "/scans/" + $0) }
        #expect(placed.count == 2)
        for rel in placed { #expect(f.bytes(f.usb + "/scans/" + rel) == f.bytes(f.scans + "/" + rel)) }
        // When the next sync runs
        let next = try f.kho("copies", "sync", "--by", "Thu", "--json")
        // Then it finishes the job, leaves no partial file, and the copy audits clean
        #expect(next.code == 0, "\(next.out) \(next.err)")
        for rel in f.masters { #expect(f.bytes(f.usb + "/scans/" + rel) == f.bytes(f.scans + "/" + rel)) }
        let leftovers =
            FileManager.default.enumerator(atPath: f.usb)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".kho-part") } ?? []
        #expect(leftovers.isEmpty)
        let verify = try f.kho("copies", "verify", "usb", "--by", "Thu", "--json")
        #expect(verify.code == 0, "\(verify.out)")
        #expect(try f.audit(verify, "usb")["ok"] as? Int == 8)
    }

    @Test func aSyncWhoseCatalogueIsRestoredUnderItStopsWithoutWritingIntoIt() throws {
        // Given a primary with 8 masters, one copy, and a backup of the catalogue taken before any sync
        let f = try CopiesFixture(files: 2, pages: 4, copies: 1)
        let backup = f.kho.dir.appendingPathComponent("truoc.sqlite").path
        #expect(try f.kho("backup", backup).code == 0)
        // When a sync is held half-way through its third file (a test hook), the backup restored, then the sync let go
        let resume = f.kho.dir.appendingPathComponent("resume").path
        let err = Pipe()
        let process = try f.heldSync(resumeWhen: resume, stderr: err)
        #expect(FileManager.default.fileExists(atPath: f.partial(f.masters[2])), "the sync never paused")
        let restore = try f.kho("restore", backup, "--force", "--by", "Thu")
        #expect(restore.code == 0, "\(restore.err)")
        FileManager.default.createFile(atPath: resume, contents: Data())
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Then the sync stops with one message saying why, and the restored catalogue holds nothing it did
        #expect(process.terminationStatus != 0)
        #expect(
            said.contains("đã bị thay (khôi phục hoặc chép đè)") && said.contains("việc chép vào bản lưu"), "\(said)")
        let log = try #require(try f.kho.json("log", "--kind", "copies.sync") as? [[String: Any]])
        #expect(log.isEmpty)
        let check = try f.kho("check")
        #expect(check.code == 0, "\(check.out)\(check.err)")
        // And the next sync fills the copy whole
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        let verify = try f.kho("copies", "verify", "usb", "--by", "Thu", "--json")
        #expect(try f.audit(verify, "usb")["ok"] as? Int == 8, "\(verify.out)")
    }

    @Test func aCopyNotMountedIsUnavailableNotEmpty() throws {
        // Given a synced copy whose disk is then unplugged, and a second whose mount point is there but empty
        let f = try CopiesFixture()
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        try FileManager.default.moveItem(atPath: f.usb, toPath: f.usb + "-unplugged")
        try FileManager.default.removeItem(atPath: f.nas)
        try FileManager.default.createDirectory(atPath: f.nas, withIntermediateDirectories: true)
        // When they are audited
        let verify = try f.kho("copies", "verify", "--by", "Thu", "--json")
        // Then both are unavailable, none of their files is counted missing, and the exit code says so
        #expect(verify.code != 0)
        for name in ["usb", "nas"] {
            let audit = try f.audit(verify, name)
            #expect(audit["availability"] as? String == "unavailable")
            #expect(audit["missing"] as? Int == 0)
            #expect(audit["checked"] as? Int == 0)
        }
        #expect(try f.audit(verify, "primary")["availability"] as? String == "available")
        let text = try f.kho("copies", "verify", "usb", "--by", "Thu")
        #expect(text.out.contains("không truy cập được"))
        // And a sync skips them without writing into the empty mount point
        #expect(try f.kho("copies", "sync", "--by", "Thu").code != 0)
        #expect((try FileManager.default.contentsOfDirectory(atPath: f.nas)).isEmpty)
    }
}

@Suite(.tags(.endToEnd)) struct CopiesLeadershipTests {
    @Test func statusReportAndEstimateShowEachCopyAndTheLevelsReached() throws {
        // Given a primary and two copies (one off-site, each in its own place), synced and audited
        let f = try CopiesFixture()
        #expect(try f.kho("copies", "sync", "--by", "Thu").code == 0)
        #expect(try f.kho("copies", "verify", "--by", "Thu").code == 0)
        // Then status shows each copy with what it holds, in text and JSON
        let status = try f.kho("status")
        #expect(status.out.contains("Các bản lưu:"))
        #expect(status.out.contains("tủ sắt phòng văn thư nas (ngoài trụ sở)"))
        let json = try f.json(try f.kho("status", "--json"))
        let copies = try #require((json["copies"] as? [String: Any])?["copies"] as? [[String: Any]])
        #expect(copies.map { $0["name"] as? String } == ["primary", "nas", "usb"])
        #expect(copies.allSatisfy { $0["complete"] as? Bool == true && $0["last_audit"] is String })
        // And the estimate's storage counts the registered copies and what each holds and still needs
        let estimate = try f.json(try f.kho("estimate", "--json"))
        let storage = try #require(estimate["storage"] as? [String: Any])
        #expect(storage["copies"] as? Int == 3)
        #expect((storage["copies_source"] as? String)?.hasPrefix("kho copies list") == true)
        let perCopy = try #require(storage["per_copy"] as? [[String: Any]])
        #expect(perCopy.map { $0["name"] as? String } == ["primary", "nas", "usb"])
        let stored = try #require(storage["stored_bytes_now_per_copy"] as? Int)
        #expect(stored > 0)
        #expect(perCopy.allSatisfy { $0["held_bytes"] as? Int == stored })
        #expect(storage["stored_bytes_now"] as? Int == 3 * stored)
        // And the report has the copies and the NDSA table: storage at level 2 (3 complete copies, one off-site)
        let path = f.kho.dir.appendingPathComponent("bao-cao.html").path
        #expect(try f.kho("report", "--html", path).code == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<section id=\"copies\""))
        #expect(html.contains("data-value=\"2\" data-key=\"ndsa-storage\""))
        #expect(html.contains("data-value=\"0\" data-key=\"ndsa-control\""))
        #expect(html.contains("quy định bằng văn bản ai được đọc, ghi, chuyển, xóa"))
        // When one copy loses a file, storage falls back to level 1 until it is repaired
        try FileManager.default.removeItem(atPath: f.usb + "/scans/" + f.masters[0])
        #expect(try f.kho("copies", "verify", "usb", "--by", "Thu").code != 0)
        let second = f.kho.dir.appendingPathComponent("bao-cao-2.html").path
        #expect(try f.kho("report", "--html", second).code == 0)
        let after = try String(contentsOfFile: second, encoding: .utf8)
        #expect(after.contains("data-value=\"1\" data-key=\"ndsa-storage\""))
    }

    @Test func aPrimaryFileThatNoLongerMatchesIsNeverCopied() throws {
        // Given one copy, and a master on the primary changed after ingest
        let f = try CopiesFixture(copies: 1)
        let rel = f.masters[3]
        try f.flip(f.scans + "/" + rel)
        // When the copy is synced
        let sync = try f.kho("copies", "sync", "--by", "Thu", "--json")
        // Then that master is not copied (a finding naming it) and every other one is
        #expect(sync.code != 0)
        let findings = try #require(try f.json(sync)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["kind"] as? String } == ["source_changed"])
        #expect(findings.first?["path"] as? String == "scans/" + rel)
        #expect(!FileManager.default.fileExists(atPath: f.usb + "/scans/" + rel))
        for other in f.masters where other != rel {
            #expect(f.bytes(f.usb + "/scans/" + other) == f.bytes(f.scans + "/" + other))
        }
        // And repair puts the primary right from nowhere else: there is no good copy, so it is lost
        let repair = try f.kho(
            "copies", "repair", "H01/02", "--page", (rel as NSString).lastPathComponent, "--by", "Thu")
        #expect(repair.code != 0)
        #expect(repair.out.contains("MẤT"))
    }

    @Test func aCopyCannotBeRegisteredTwiceNorInsideThePrimaryAndThePrimaryStays() throws {
        let f = try CopiesFixture(copies: 1)
        let again = try f.kho("copies", "add", "usb2", "--path", f.usb, "--place", "x", "--by", "Thu")
        #expect(again.code != 0)
        #expect(again.err.contains("bản lưu «usb»"))
        try FileManager.default.createDirectory(atPath: f.scans + "/spare", withIntermediateDirectories: true)
        let inside = try f.kho("copies", "add", "spare", "--path", f.scans + "/spare", "--place", "x", "--by", "Thu")
        #expect(inside.code != 0)
        let missing = try f.kho(
            "copies", "add", "gone", "--path", f.kho.dir.path + "/gone", "--place", "x", "--by", "Thu")
        #expect(missing.code != 0)
        #expect(missing.err.contains("hãy gắn ổ đĩa"))
        #expect(try f.kho("copies", "remove", "primary", "--by", "Thu").code != 0)
        #expect(try f.kho("copies", "edit", "primary", "--place", "máy chủ phòng một cửa", "--by", "Thu").code == 0)
        let log = try f.kho("log", "--kind", "copies.edit")
        #expect(log.out.contains("nơi cất: (trống) → «máy chủ phòng một cửa»"), "\(log.out)")
        #expect(try f.kho("copies", "remove", "usb", "--by", "Thu").code == 0)
        let list = try f.json(try f.kho("copies", "list", "--json"))
        #expect((list["copies"] as? [[String: Any]])?.map { $0["name"] as? String } == ["primary"])
        #expect((list["copies"] as? [[String: Any]])?.first?["place"] as? String == "máy chủ phòng một cửa")
    }
}
