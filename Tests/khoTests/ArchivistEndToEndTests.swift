import Foundation
import KhoTestTags
import Testing

/// The archivist's working day through the `kho` binary: the destruction list, corrections, the log, the clerk's sheet.
@Suite(.tags(.endToEnd)) struct ArchivistEndToEndTests {
    func run(_ kho: Kho, _ steps: [[String]]) throws {
        for step in steps {
            // Registered well before the work the tests back-fill (never dated before its box was registered).
            let r = try kho.run(step + (step.prefix(2) == ["box", "add"] ? ["--at", "2025-06-01T08:00"] : []))
            #expect(r.code == 0, "\(step): \(r.err)")
        }
    }

    /// UBND-SK1 with bundle B017 (0.6 m) at A-1.
    func catalogue() throws -> Kho {
        let kho = Kho()
        try run(
            kho,
            [
                ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
                ["box", "add", "B017", "--fonds", "UBND-SK1", "--extent", "0,6", "--location", "A-1", "--by", "Thu"],
            ])
        return kho
    }

    @Test func theDestructionListFromArrangementToTheCouncilAndDestruction() throws {
        let kho = try catalogue()
        // Weeding before arrangement starts is refused, in Vietnamese, saying what to do
        let early = try kho(
            "weed", "add", "B017", "--title", "Giấy mời", "--quantity", "0,1 m", "--reason", "Hết giá trị", "--by",
            "Hoa")
        #expect(early.code == 1 && early.err.contains("kho sort start B017"))
        try run(
            kho,
            [
                ["sort", "start", "B017", "--by", "Hoa", "--at", "2026-01-10T08:00"],
                [
                    "weed", "add", "B017", "--title", "Giấy mời họp thôn", "--years", "1995-1996", "--quantity",
                    "0,1 m", "--reason", "Hết giá trị", "--by", "Hoa", "--at", "2026-01-11T09:00",
                ],
                ["sort", "finish", "B017", "--kept", "0,45", "--by", "Hoa", "--at", "2026-01-12T16:00"],
            ])
        // kho check says where the list does not add up: box, proposed, left out
        let check = try kho("check")
        #expect(
            check.code == 1 && check.out.contains("B017") && check.out.contains("0,1 m") && check.out.contains("0,15 m")
        )
        try run(
            kho,
            [
                [
                    "weed", "add", "B017", "--title", "Bản trùng", "--years", "1997", "--quantity", "0,05 m, 120 tờ",
                    "--reason", "Trùng thừa", "--by", "Hoa", "--at", "2026-01-13T09:00",
                ]
            ])
        #expect(try kho("check").code == 0)
        let list = try kho("weed", "list")
        #expect(list.out.contains("0,05 m (120 tờ)") && list.out.contains("chờ Hội đồng duyệt"))
        // The list the council reviews
        let html = try kho("export", "weed-list", "--format", "html", "--out", "huy.html")
        #expect(html.code == 0, "\(html.err)")
        let page = try String(contentsOf: kho.dir.appendingPathComponent("huy.html"), encoding: .utf8)
        for text in [
            "DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ", "Lý do hủy", "CHỦ TỊCH HỘI ĐỒNG", "NGƯỜI LẬP DANH MỤC",
            "Tổng cộng: 2 nhóm tài liệu", "0,15 m (120 tờ)",
        ] {
            #expect(page.contains(text), "\(text)")
        }
        // The council approves, the records are destroyed; status shows each stage
        try run(kho, [["weed", "approve", "--decision", "QĐ 12/QĐ-HĐ", "--date", "2026-01-20", "--by", "Thu"]])
        var status = try #require(try kho.json("status") as? [String: Any])
        var weed = try #require(status["weed"] as? [String: Any])
        #expect(
            weed["proposed_m"] as? Double == 0 && weed["approved_m"] as? Double == 0.15
                && weed["destroyed_m"] as? Double == 0)
        try run(kho, [["weed", "destroyed", "--record", "BB 03/BB-HĐ", "--date", "2026-01-25", "--by", "Thu"]])
        status = try #require(try kho.json("status") as? [String: Any])
        weed = try #require(status["weed"] as? [String: Any])
        #expect(weed["approved_m"] as? Double == 0 && weed["destroyed_m"] as? Double == 0.15)
        #expect(status["weeded_m"] as? Double == 0.15)
        let text = try kho("status")
        #expect(text.out.contains("đã hủy") && text.out.contains("Danh mục tài liệu hết giá trị"))
        let log = try kho("log", "--kind", "weed")
        #expect(
            log.out.contains("QĐ 12/QĐ-HĐ") && log.out.contains("BB 03/BB-HĐ") && log.out.contains("2 nhóm tài liệu"))
    }

    @Test func aBoxRegisteredByMistakeIsRenamedOrDeletedUntilWorkHappens() throws {
        let kho = try catalogue()
        try run(
            kho,
            [
                ["box", "add", "H012", "--fonds", "UBND-SK1", "--by", "Thu"],
                ["box", "rename", "H012", "H0012", "--by", "Thu"],
                ["box", "add", "X9", "--fonds", "UBND-SK1", "--by", "Thu"],
            ])
        // An untouched box goes, and comes back with undo
        let deleted = try kho("box", "delete", "X9", "--by", "Thu", "--json")
        #expect(deleted.code == 0, "\(deleted.err)")
        let id = deleted.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try kho("box", "show", "X9").code == 1)
        #expect(try kho("undo", id, "--by", "Thu").code == 0)
        #expect(try kho("box", "show", "X9").code == 0)
        // Once arrangement started, delete says what happened, when, by whom and what to do
        try run(kho, [["sort", "start", "H0012", "--by", "Trần Văn Minh", "--at", "2026-02-03T09:15"]])
        let before = try kho.snapshot()
        let refused = try kho("box", "delete", "H0012", "--by", "Thu")
        #expect(refused.code == 1)
        for text in ["H0012", "sort.start", "03/02/2026 09:15", "Trần Văn Minh", "kho undo"] {
            #expect(refused.err.contains(text), "\(text)")
        }
        #expect(try kho.snapshot() == before)
        // The log says old → new for the rename
        let log = try kho("log", "--kind", "box.rename")
        #expect(log.out.contains("«H012» → «H0012»"))
    }

    @Test func theLogSaysOldToNewWithUnitsAndNamesSettings() throws {
        let kho = try catalogue()
        try run(
            kho,
            [
                ["box", "move", "B017", "--to", "B-2", "--by", "Thu"],
                ["box", "edit", "B017", "--extent", "0,75", "--condition", "mốc", "--by", "Thu"],
                ["file", "add", "B017/01", "--title", "Sổ", "--sheets", "40", "--by", "Thu"],
                ["file", "edit", "B017/01", "--sheets", "44", "--retention", "20 năm", "--by", "Thu"],
                ["scan", "profile", "nara-textual", "--by", "Thu"],
            ])
        let log = try kho("log").out
        for text in [
            "vị trí: «A-1» → «B-2»", "độ dài: 0,6 m → 0,75 m", "tình trạng: tốt → nấm mốc", "số tờ: 40 tờ → 44 tờ",
            "thời hạn bảo quản: (trống) → 20 năm", "chuẩn chất lượng bản quét: «vn-2025» → «nara-textual»", "40 tờ",
        ] {
            #expect(log.contains(text), "\(text)\n\(log)")
        }
        let english = try kho("log", "--lang", "en").out
        #expect(english.contains("extent: 0.6 m → 0.75 m") && english.contains("sheets: 40 sheets → 44 sheets"))
    }

    @Test func anImportIsUndoneAsAWhole() throws {
        let kho = try catalogue()
        let path = kho.write("box,fonds,extent_m\nH1,UBND-SK1,0.125\nH2,UBND-SK1,0.25\n", to: "hop.csv")
        #expect(try kho("import", "boxes", path, "--by", "Thu").code == 0)
        let log = try #require(try kho.json("log", "--kind", "import.boxes") as? [[String: Any]])
        let id = try #require(log.first?["id"] as? Int)
        #expect((log.first?["quantity"] as? String)?.contains("2 hộp") == true)
        let undone = try kho("undo", String(id), "--by", "Thu")
        #expect(undone.code == 0, "\(undone.err)")
        let boxes = try #require(try kho.json("box", "list") as? [[String: Any]])
        #expect(boxes.map { $0["code"] as? String } == ["B017"])
    }

    @Test func theInventoryRoundTripsThroughTheClerksImport() throws {
        let kho = try catalogue()
        let sheet = """
            STT,Hộp số,Hồ sơ số,Tiêu đề hồ sơ,Thời gian tài liệu,Thời hạn bảo quản,Số lượng tờ,Ghi chú
            1,B017,1,"Hồ sơ cấp đất, thôn Tân Hương",1995-1996,Vĩnh viễn,42,
            2,B017,2,Sổ khai sinh,1997,20 năm,"1.234",ẩm
            3,B017,3,Tài liệu mật,1998 - 1999,Vĩnh viễn,,mật

            """
        #expect(try kho("import", "files", kho.write(sheet, to: "muc-luc.csv"), "--by", "Thu").code == 0)
        #expect(try kho("export", "inventory", "--format", "csv", "--out", "inventory.csv").code == 0)
        let first = try String(contentsOf: kho.dir.appendingPathComponent("inventory.csv"), encoding: .utf8)
        // A fresh catalogue with the same fonds and boxes
        let fresh = try catalogue()
        let imported = try fresh("import", "files", kho.dir.appendingPathComponent("inventory.csv").path, "--by", "Thu")
        #expect(imported.code == 0, "\(imported.err)")
        #expect(try fresh("export", "inventory", "--format", "csv", "--out", "again.csv").code == 0)
        let second = try String(contentsOf: fresh.dir.appendingPathComponent("again.csv"), encoding: .utf8)
        #expect(first == second)
        #expect(first.contains("1.234 tờ") && first.contains("Vĩnh viễn") && first.contains("1998–1999"))
    }
}
