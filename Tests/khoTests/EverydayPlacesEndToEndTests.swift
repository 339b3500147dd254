import Foundation
import KhoTestTags
import Testing

/// Issue 25, round trips and placements, through the built `kho`: the inventory comes back exactly, documents land
/// where the user said, labels only for boxes on the shelf, a box made from a bundle takes its condition and place,
/// and a secret file's documents never show in search.
@Suite(.tags(.endToEnd)) struct EverydayPlacesEndToEndTests {
    /// Fonds F1, bundle B017 (0,5 m, mouldy, on K-3), box H1 with file H1/01.
    func catalogue() throws -> Kho {
        let kho = Kho()
        for args in [
            ["fonds", "add", "F1", "--name", "Phông 1"],
            ["box", "add", "B017", "--fonds", "F1", "--extent", "0,5", "--condition", "mould", "--location", "K-3"],
            ["box", "add", "H1", "--fonds", "F1", "--extent", "0,125", "--location", "A-1"],
            ["file", "add", "H1/01", "--title", "Hồ sơ đất đai", "--start-year", "1995"],
        ] {
            let r = try kho.run(args + ["--by", "Thu"])
            #expect(r.code == 0, "\(args): \(r.err)")
        }
        return kho
    }

    func titles(_ kho: Kho) throws -> [String] {
        let files = try #require(try kho.json("file", "list") as? [[String: Any]])
        return files.compactMap { $0["title"] as? String }.sorted()
    }

    @Test(arguments: ["=1+1 tổng hợp", "+84 danh bạ", "@thôn Tân Hương", "-5 độ, mưa rét", "'trích dẫn", "''hai"])
    func theInventoryRoundTripIsExactForATitleStartingLikeAFormula(title: String) throws {
        // Given a file whose title starts like a spreadsheet formula (or with the guard's own apostrophe)
        let kho = try catalogue()
        #expect(try kho("file", "add", "H1/02", "--title=\(title)", "--by", "Thu").code == 0)
        let before = try titles(kho)
        // When the inventory is exported and imported into a fresh catalogue with the same fonds and boxes
        #expect(try kho("export", "inventory", "--format", "csv", "--out", "inventory.csv").code == 0)
        let csv = try String(contentsOf: kho.dir.appendingPathComponent("inventory.csv"), encoding: .utf8)
        let fresh = Kho()
        for args in [
            ["fonds", "add", "F1", "--name", "Phông 1"], ["box", "add", "B017", "--fonds", "F1"],
            ["box", "add", "H1", "--fonds", "F1"],
        ] {
            #expect(try fresh.run(args + ["--by", "Thu"]).code == 0)
        }
        let imported = try fresh("import", "files", fresh.write(csv, to: "inventory.csv"), "--by", "Thu")
        #expect(imported.code == 0, "\(imported.err)")
        // Then every title is exactly as it was (the export guarded it; the import took the guard off)
        #expect(try titles(fresh) == before)
        #expect(csv.contains("'" + title), "\(csv)")
    }

    @Test func importingDocumentsIntoAFileRefusesRowsThatNameAnotherFile() throws {
        let kho = try catalogue()
        #expect(try kho("file", "add", "H1/02", "--title", "Hồ sơ 2", "--by", "Thu").code == 0)
        let sheet = """
            STT,Hộp số,Hồ sơ số,Trích yếu nội dung
            1,H1,01,Về việc A
            2,H1,02,Về việc B
            3,,,Về việc C

            """
        let before = try kho.snapshot()
        let r = try kho("import", "docs", kho.write(sheet, to: "vb.csv"), "--file", "H1/01", "--by", "Thu")
        #expect(r.code == 1)
        #expect(r.err.contains("dòng 3"), "\(r.err)")
        #expect(r.err.contains("H1/02"), "\(r.err)")
        #expect(!r.err.contains("dòng 2 "), "\(r.err)")
        #expect(try kho.snapshot() == before)
        #expect(try kho("doc", "list", "H1/01", "--json").out.contains("Về việc") == false)
    }

    @Test func movingADocumentWithinItsOwnFileNeverRenumbersIt() throws {
        let kho = try catalogue()
        #expect(try kho("doc", "add", "H1/01", "--summary", "Về việc A", "--by", "Thu").code == 0)
        #expect(try kho("doc", "add", "H1/01", "--summary", "Về việc B", "--by", "Thu").code == 0)
        let r = try kho("doc", "move", "H1/01/1", "--to", "H1/01", "--by", "Thu")
        #expect(r.code == 1)
        #expect(r.err.contains("đã ở trong hồ sơ H1/01"), "\(r.err)")
        let shown = try kho("doc", "show", "H1/01/1", "--json")
        #expect(shown.code == 0 && shown.out.contains("Về việc A"), "\(shown.err)")
        // A new number asked for is a renumbering the user wants
        #expect(try kho("doc", "move", "H1/01/1", "--to", "H1/01/7", "--by", "Thu").code == 0)
    }

    @Test func aBoxMadeFromABundleTakesItsConditionAndLocationAndSaysWhatItTook() throws {
        let kho = try catalogue()
        let r = try kho("box", "add", "H0120", "--fonds", "F1", "--from", "B017", "--by", "Thu")
        #expect(r.code == 0, "\(r.err)")
        let box = try #require(try kho.json("box", "show", "H0120") as? [String: Any])
        let shown = (box["box"] as? [String: Any]) ?? box
        #expect(shown["condition"] as? String == "mould")
        #expect(shown["location"] as? String == "K-3")
        #expect(r.out.contains("0,125 m (mặc định: một hộp tiêu chuẩn)"), "\(r.out)")
        #expect(r.out.contains("tình trạng «nấm mốc» theo B017"), "\(r.out)")
        #expect(r.out.contains("vị trí K-3 theo B017"), "\(r.out)")
        // Given values win
        #expect(
            try kho("box", "add", "H0121", "--fonds", "F1", "--from", "B017", "--condition", "good", "--by", "Thu")
                .code == 0)
        let other = try #require(try kho.json("box", "show", "H0121") as? [String: Any])
        #expect(((other["box"] as? [String: Any]) ?? other)["condition"] as? String == "good")
    }

    @Test func labelsAreOnlyForBoxesOnTheShelf() throws {
        // Given bundle B017 rehoused in H0120
        let kho = try catalogue()
        #expect(try kho("box", "add", "H0120", "--fonds", "F1", "--from", "B017", "--by", "Thu").code == 0)
        // When labels are made for the boxes registered today
        let r = try kho("labels", "--made-since", EverydayDatesEndToEndTests.today, "--out", "nhan.html")
        #expect(r.code == 0, "\(r.err)")
        let html = try String(contentsOf: kho.dir.appendingPathComponent("nhan.html"), encoding: .utf8)
        // Then H0120 and H1 have labels and B017 has none
        #expect(html.contains("H0120") && html.contains("H1"))
        #expect(!html.contains("B017"))
        // And naming B017 says where its records went
        let named = try kho("labels", "B017", "--out", "b017.html")
        #expect(named.code == 1)
        #expect(named.err.contains("H0120"), "\(named.err)")
    }

    @Test func aSecretFilesDocumentsNeverAppearInSearch() throws {
        let kho = try catalogue()
        #expect(try kho("file", "add", "H1/02", "--title", "Hồ sơ mật", "--access", "secret", "--by", "Thu").code == 0)
        #expect(try kho("doc", "add", "H1/02", "--summary", "Về việc biên giới", "--by", "Thu").code == 0)
        #expect(try kho("doc", "add", "H1/01", "--summary", "Về việc biên bản đất", "--by", "Thu").code == 0)
        let r = try kho("search", "bien", "--json")
        #expect(r.code == 0, "\(r.err)")
        #expect(!r.out.contains("biên giới"), "\(r.out)")
        #expect(r.out.contains("biên bản đất"), "\(r.out)")
    }
}
