import Foundation
import KhoTestTags
import Testing

@Suite(.tags(.endToEnd)) struct EndToEndTests {
    /// A catalogue with fonds UBND-SK1, bundle B1 (0.5 m) at A-1, box H1 made from it, and file H1/01 (40 sheets).
    func catalogue() throws -> Kho {
        let kho = Kho()
        let steps: [[String]] = [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Nguyễn Thị Thu"],
            ["box", "add", "B1", "--fonds", "UBND-SK1", "--extent", "0,5", "--location", "A-1", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "UBND-SK1", "--from", "B1", "--by", "Thu"],
            [
                "file", "add", "H1/01", "--title", "Hồ sơ đất đai thôn 2", "--sheets", "40", "--retention", "permanent",
                "--by", "Thu",
            ],
            ["file", "add", "H1/02", "--title", "Tài liệu mật", "--access", "secret", "--by", "Thu"],
        ]
        for step in steps {
            // Registered well before the work the tests back-fill (never dated before its box was registered).
            let r = try kho.run(step + (step.prefix(2) == ["box", "add"] ? ["--at", "2025-06-01T08:00"] : []))
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func theDailyCommandsWorkAndStatusCountsThem() throws {
        let kho = try catalogue()
        #expect(try kho("sort", "start", "B1", "--by", "Thu", "--at", "2026-01-15T08:00").code == 0)
        let finish = try kho(
            "sort", "finish", "B1", "--kept", "0.4", "--by", "Trần Văn Minh", "--at", "2026-01-15T16:00")
        #expect(finish.code == 0)
        #expect(finish.out.contains("0,4"))
        #expect(try kho("scan", "record", "H1/01", "--pages", "56", "--by", "Lê Thị Hoa").code == 0)
        let status = try #require(try kho.json("status") as? [String: Any])
        #expect(status["total_m"] as? Double == 0.5)
        #expect(status["arranged_m"] as? Double == 0.5)
        #expect(status["kept_m"] as? Double == 0.4)
        #expect(status["digitized_m"] as? Double == 0.5)
        #expect(status["boxes"] as? Int == 2)
        #expect(status["files"] as? Int == 2)
        #expect(status["pages_scanned"] as? Int == 56)
        let log = try #require(try kho.json("log", "--kind", "sort.finish") as? [[String: Any]])
        #expect(log.count == 1)
        #expect(log.first?["actor"] as? String == "Trần Văn Minh")
        #expect(log.first?["happened_at"] as? String == "2026-01-15 16:00")
        let text = try kho("status")
        #expect(text.out.contains("Tổng số mét tài liệu"))
        #expect(text.out.contains("UBND xã Sơn Kim 1"))
    }

    @Test(arguments: [
        (["box", "add", "B2", "--fonds", "NOPE", "--by", "Thu"], "NOPE"),
        (["box", "add", "B1", "--fonds", "UBND-SK1", "--by", "Thu"], "B1"),
        (["box", "add", "B2", "--fonds", "UBND-SK1", "--extent", "0", "--by", "Thu"], "0"),
        (["box", "add", "B2", "--fonds", "UBND-SK1", "--extent=-0.5", "--by", "Thu"], "-0.5"),
        (["box", "add", "B2", "--fonds", "UBND-SK1", "--extent", "nửa mét", "--by", "Thu"], "nửa mét"),
        (
            ["box", "add", "B2", "--fonds", "UBND-SK1", "--start-year", "2005", "--end-year", "2001", "--by", "Thu"],
            "2005–2001"
        ),
        (["box", "add", "B2", "--fonds", "UBND-SK1"], "--by"),
        (["file", "add", "H1/03", "--title", "x", "--retention", "mãi mãi", "--by", "Thu"], "mãi mãi"),
        (["file", "add", "H9/01", "--title", "x", "--by", "Thu"], "H9"),
        (["file", "add", "H1-01", "--title", "x", "--by", "Thu"], "H1-01"),
        (["sort", "finish", "B1", "--kept", "0.6", "--by", "Thu"], "0,6"),
        (["sort", "finish", "B1", "--by", "Thu", "--at", "2099-01-01"], "2099-01-01"),
        (["scan", "record", "H1/02", "--pages", "5", "--by", "Thu"], "H1/02"),
        (["undo", "999", "--by", "Thu"], "999"),
    ])
    func badInputIsOneLineNonZeroAndChangesNothing(args: [String], named: String) throws {
        // Given a catalogue
        let kho = try catalogue()
        let before = try kho.snapshot()
        // When a bad command runs
        let result = try kho.run(args)
        // Then it fails with one readable line naming the value, and the catalogue is exactly as it was
        #expect(result.code != 0)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 1, "\(result.err)")
        #expect(result.err.hasPrefix("lỗi: "), "\(result.err)")
        #expect(result.err.contains(named), "\(result.err)")
        #expect(try kho.snapshot() == before)
    }

    @Test func finishingTwiceSaysWhenAndByWhom() throws {
        let kho = try catalogue()
        #expect(try kho("sort", "finish", "B1", "--by", "Trần Văn Minh", "--at", "2026-02-03T10:15").code == 0)
        let again = try kho("sort", "finish", "B1", "--by", "Thu")
        #expect(again.code == 1)
        #expect(again.err.contains("03/02/2026 10:15"))
        #expect(again.err.contains("Trần Văn Minh"))
    }

    @Test func operatorFromEnvironmentAndUndo() throws {
        let kho = try catalogue()
        let record = try kho("scan", "record", "H1/01", "--pages", "50", "--json", env: ["KHO_OPERATOR": "Lê Thị Hoa"])
        #expect(record.code == 0)
        let id = record.out.trimmingCharacters(in: .whitespacesAndNewlines)
        let undo = try kho("undo", id, "--by", "Thu")
        #expect(undo.code == 0, "\(undo.err)")
        let status = try #require(try kho.json("status") as? [String: Any])
        #expect(status["pages_scanned"] as? Int == 0)
        let log = try #require(try kho.json("log", "--file", "H1/01") as? [[String: Any]])
        #expect(log.map { $0["kind"] as? String } == ["file.add", "scan.record", "undo"])
        #expect(log[1]["actor"] as? String == "Lê Thị Hoa")
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let kho = Kho()
        let path = kho.write("not a database, just text\n", to: "notes.txt")
        let result = try kho("status", env: ["KHO_DB": path])
        #expect(result.code == 1)
        #expect(result.err.contains("không phải cơ sở dữ liệu SQLite"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a database, just text\n")
    }

    @Test func aReadOnlyCatalogueCanBeReadButNotWritten() throws {
        let kho = try catalogue()
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: kho.db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: kho.db) }
        let write = try kho("box", "add", "B9", "--fonds", "UBND-SK1", "--by", "Thu")
        #expect(write.code == 1)
        #expect(write.err.contains("chỉ đọc"))
        #expect(try kho("box", "list").code == 0)
    }

    @Test func importReportsEveryBadRowAndImportsNothing() throws {
        let kho = try catalogue()
        let csv = kho.write("box,file,title,sheets\nH1,10,Tốt,3\nH1,11,Xấu,-3\nH9,01,Không có hộp,\n", to: "files.csv")
        let result = try kho("import", "files", csv, "--by", "Thu")
        #expect(result.code == 1)
        #expect(result.err.contains("dòng 3"))
        #expect(result.err.contains("dòng 4"))
        #expect(!result.err.contains("dòng 2"))
        let files = try #require(try kho.json("file", "list") as? [[String: Any]])
        #expect(files.count == 2)
        let good = kho.write("box,file,title,sheets\nH1,10,Tốt,3\n", to: "good.csv")
        let report = try #require(try kho.json("import", "files", good, "--by", "Thu") as? [String: Any])
        #expect(report["imported"] as? Int == 1)
    }

    @Test func englishOnRequest() throws {
        let kho = try catalogue()
        let result = try kho("box", "add", "B2", "--fonds", "NOPE", "--by", "Thu", "--lang", "en")
        #expect(result.err.hasPrefix("error: there is no fonds NOPE"))
        let env = try kho("status", env: ["KHO_LANG": "en"])
        #expect(env.out.contains("Total metres"))
        #expect(env.out.contains("0.5 m"))
        let help = try kho("--help", env: ["KHO_LANG": "en"])
        #expect(help.code == 0)
        #expect(help.out.contains("commune archive"))
    }

    @Test func fourProcessesCreatingOneCatalogueAtOnceLoseNothing() async throws {
        // Given no catalogue yet, when four processes each register 25 boxes at the same time
        let kho = Kho()
        let results = try await withThrowingTaskGroup(of: [Int32].self) { group in
            for p in 0..<4 {
                group.addTask {
                    var codes: [Int32] = []
                    if p == 0 { codes.append(try kho("fonds", "add", "F", "--name", "n", "--by", "A").code) }
                    for i in 0..<25 {
                        // The catalogue and its fonds may not exist yet for the other processes (only `fonds add`
                        // creates a catalogue); retry until they do.
                        var code: Int32 = 1
                        for _ in 0..<50 {
                            let r = try kho("box", "add", "P\(p)-\(i)", "--fonds", "F", "--by", "P\(p)")
                            code = r.code
                            if code == 0 || !(r.err.contains("không có phông") || r.err.contains("chưa có danh mục")) {
                                break
                            }
                            try await Task.sleep(nanoseconds: 20_000_000)
                        }
                        codes.append(code)
                    }
                    return codes
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        // Then every write succeeded and all 100 boxes are there
        #expect(results.allSatisfy { $0 == 0 })
        let boxes = try #require(try kho.json("box", "list") as? [[String: Any]])
        #expect(boxes.count == 100)
    }
}

@Suite(.tags(.endToEnd)) struct EndToEndEstimateTests {
    @Test func estimateJSONHasTheKeysScriptsRead() throws {
        let kho = Kho()
        for step in [
            ["fonds", "add", "F", "--name", "Phông", "--by", "Thu"],
            ["box", "add", "B1", "--fonds", "F", "--extent", "2", "--by", "Thu", "--at", "2026-10-01T08:00"],
            ["box", "add", "B2", "--fonds", "F", "--extent", "3", "--by", "Thu", "--at", "2026-10-01T08:00"],
            ["sort", "finish", "B1", "--by", "Minh", "--at", "2026-10-05T16:00"],
        ] {
            #expect(try kho.run(step).code == 0)
        }
        let result = try kho("estimate", "--json", "--resamples", "300", "--staff", "arrangement=2,scanning=1")
        #expect(result.code == 0, "\(result.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let arrangement = try #require(json["arrangement"] as? [String: Any])
        let scanning = try #require(json["scanning"] as? [String: Any])
        let storage = try #require(json["storage"] as? [String: Any])
        let total = try #require(json["total"] as? [String: Any])
        #expect(arrangement["remaining_m"] as? Double == 3)
        #expect(arrangement["rate_m_per_day"] is NSNumber)
        #expect(scanning["remaining_pages"] is NSNumber)
        #expect(scanning["rate_pages_per_day"] is NSNumber)
        #expect(scanning["pages_per_metre"] is NSNumber)
        #expect(storage["remaining_bytes"] is NSNumber)
        for part in [arrangement, scanning, total] {
            for key in ["finish_date", "cost_vnd"] {
                let band = try #require(part[key] as? [String: Any], "\(key)")
                #expect(band["p10"] != nil && band["p50"] != nil && band["p90"] != nil)
            }
        }
        #expect(json["assumptions"] is [Any])
        // The text answer starts with the short answer, in Vietnamese
        let text = try kho("estimate", "--resamples", "300")
        #expect(text.out.hasPrefix("DỰ TOÁN"))
        #expect(text.out.contains("Kinh phí xin thêm"))
        // Saved and shown again
        #expect(try kho("estimate", "--resamples", "300", "--save", "tỉnh-1", "--by", "Thu").code == 0)
        let shown = try kho("estimate", "show", "tỉnh-1", "--json")
        #expect(shown.code == 0)
        #expect(try kho("estimate", "--resamples", "300", "--save", "tỉnh-1", "--by", "Thu").code == 1)
        let csv = try kho("estimate", "--csv", "--resamples", "300")
        let rows = csv.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Header, 11 rows of parts, totals and storage, then one row per money line
        let money = try #require(json["money"] as? [String: Any])
        let lineCount = ["contractor", "in_house", "one_off"].reduce(0) { $0 + ((money[$1] as? [Any])?.count ?? 0) }
        #expect(rows.count == 12 + lineCount)
        #expect(rows.first?.hasPrefix("part,remaining,unit,rate_per_day,person_days_per_week,finish_p10") == true)
        #expect(rows[1].hasPrefix("arrangement,3,m,"))
        // And the legal copies' storage and build time are rows of their own, the same figures as the JSON's
        let delivery = try #require(json["delivery"] as? [String: Any])
        #expect(rows.contains { $0.hasPrefix("pdf_storage_total,\(delivery["total_bytes"] as? Int ?? -1),byte,,") })
        #expect(
            rows.contains {
                $0.hasPrefix("storage_with_pdf_total,\(delivery["masters_and_copies_total_bytes"] as? Int ?? -1),byte,")
            })
        let bad = try kho("estimate", "--staff", "archivists=3")
        #expect(bad.code != 0)
    }
}
