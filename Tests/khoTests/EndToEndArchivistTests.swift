import Foundation
import KhoTestTags
import Testing

/// The archivist's working day through the built `kho`: location marks, the work queue, custody, labels, metres at risk.
@Suite(.tags(.endToEnd)) struct EndToEndArchivistTests {
    /// Fonds UBND-SK1; B-MOULD (mould, 1990, "Kho tạm") with a permanent file; B-DRY (mould, 1990, A-1) with a permanent
    /// file; B-GOOD (good, 2005, A-1); H1 (good) made from B-DRY at A-3-2 with files 01 and 02.
    func catalogue() throws -> Kho {
        let kho = Kho()
        let steps: [[String]] = [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
            [
                "box", "add", "B-MOULD", "--fonds", "UBND-SK1", "--extent", "0,5", "--location", "Kho tạm",
                "--condition", "mốc", "--start-year", "1990", "--by", "Thu",
            ],
            [
                "box", "add", "B-DRY", "--fonds", "UBND-SK1", "--extent", "0,5", "--location", "A-1", "--condition",
                "mould", "--start-year", "1990", "--by", "Thu",
            ],
            [
                "box", "add", "B-GOOD", "--fonds", "UBND-SK1", "--extent", "0,25", "--location", "A-1", "--start-year",
                "2005", "--by", "Thu",
            ],
            ["file", "add", "B-MOULD/01", "--title", "Địa bạ", "--retention", "permanent", "--by", "Thu"],
            ["file", "add", "B-DRY/01", "--title", "Địa bạ", "--retention", "permanent", "--by", "Thu"],
            ["sort", "finish", "B-DRY", "--by", "Thu"],
            [
                "box", "add", "H1", "--fonds", "UBND-SK1", "--from", "B-DRY", "--location", "A-3-2", "--condition",
                "good", "--by", "Thu",
            ],
            [
                "file", "add", "H1/01", "--title", "Sổ hộ tịch", "--retention", "permanent", "--start-year", "1960",
                "--by", "Thu",
            ],
            ["file", "add", "H1/02", "--title", "Công văn", "--retention", "10", "--by", "Thu"],
        ]
        for step in steps {
            // Registered well before the work the tests back-fill (never dated before its box was registered).
            let r = try kho.run(step + (step.prefix(2) == ["box", "add"] ? ["--at", "2025-06-01T08:00"] : []))
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func theMouldyPermanentBoxInTheDampStoreComesFirstWithItsReason() throws {
        let kho = try catalogue()
        // When the temporary store is marked damp
        let mark = try kho("location", "mark", "Kho tạm", "--risk", "ẩm", "--by", "Thu")
        #expect(mark.code == 0, "\(mark.err)")
        #expect(mark.out.contains("Vị trí Kho tạm: nguy cơ không → ẩm; 1 hộp"))
        // Then kho next puts B-MOULD first, saying why, in Vietnamese and in English
        let next = try kho("next")
        #expect(next.code == 0)
        let firstRow = next.out.split(separator: "\n").dropFirst(2).first.map(String.init) ?? ""
        #expect(firstRow.contains("B-MOULD"))
        #expect(firstRow.contains("nấm mốc, vĩnh viễn, tài liệu từ 1990, Kho tạm ẩm"))
        let en = try kho("next", "--lang", "en")
        #expect(en.out.contains("mould, permanent, records from 1990, Kho tạm damp"))
        let json = try #require(try kho.json("next", "--limit", "2") as? [[String: Any]])
        #expect(json.count == 2)
        #expect(json.first?["ref"] as? String == "B-MOULD")
        #expect((json.first?["score"] as? [String: Any])?["total"] as? Double == 97)
        // And the scanning queue lists the files of arranged boxes: the mouldy bundle's permanent file, then H1's, the permanent one first
        let scan = try #require(try kho.json("next", "--for", "scanning") as? [[String: Any]])
        #expect(scan.map { $0["ref"] as? String } == ["B-DRY/01", "H1/01", "H1/02"])
        // And the location list shows the mark
        let list = try #require(try kho.json("location", "list", "--at-risk") as? [[String: Any]])
        #expect(list.map { $0["location"] as? String } == ["Kho tạm"])
        // And bad input is one line naming it
        let bad = try kho("next", "--for", "cleaning")
        #expect(bad.code != 0 && bad.err.contains("cleaning"))
    }

    @Test func custodyOutInAndWhatItRefuses() throws {
        let kho = try catalogue()
        // When H1 goes out for scanning, back-filled
        let out = try kho(
            "out", "H1", "--to", "Lê Thị Hoa", "--purpose", "scan", "--due", "2026-01-10", "--by", "Thu", "--at",
            "2026-01-05T08:00")
        #expect(out.code == 0, "\(out.err)")
        #expect(out.out.contains("Đã giao H1 cho Lê Thị Hoa (số hóa) lúc 05/01/2026 08:00, hạn trả 10/01/2026"))
        // Then box show and file show say where it is
        #expect(
            try kho("box", "show", "H1").out.contains("Đang ở: ngoài kho: Lê Thị Hoa giữ từ 05/01/2026 08:00 (số hóa)"))
        #expect(try kho("file", "show", "H1/01").out.contains("cùng cả hộp H1"))
        #expect(try kho("box", "show", "B-GOOD").out.contains("Đang ở: trong kho, vị trí A-1"))
        // And the scanning queue says the file is out
        #expect(try kho("next", "--for", "scanning").out.contains("ngoài kho: Lê Thị Hoa từ 05/01/2026 (cả hộp)"))
        // And taking it out again, moving it, or bringing in what is not out are refused in one line, changing nothing
        let before = try kho.snapshot()
        for (args, named) in [
            (["out", "H1", "--to", "Minh", "--purpose", "read", "--by", "Thu"], "Lê Thị Hoa"),
            (["out", "H1/01", "--to", "Minh", "--purpose", "read", "--by", "Thu"], "kho in H1"),
            (["box", "move", "H1", "--to", "B-2", "--by", "Thu"], "kho in H1"),
            (["in", "B-GOOD", "--by", "Thu"], "kho out list"),
            (["out", "B-GOOD", "--to", "Minh", "--purpose", "ngắm", "--by", "Thu"], "ngắm"),
        ] {
            let r = try kho.run(args)
            #expect(r.code == 1, "\(args)")
            #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
            #expect(r.err.hasPrefix("lỗi: ") && r.err.contains(named), "\(args): \(r.err)")
        }
        #expect(try kho.snapshot() == before)
        // When it comes back, Then it can move again, and kho check is clean
        let back = try kho("in", "H1", "--by", "Thu", "--at", "2026-01-09T16:00")
        #expect(back.code == 0, "\(back.err)")
        #expect(back.out.contains("Đã nhận lại H1 từ Lê Thị Hoa lúc 09/01/2026 16:00 (ra ngoài 4 ngày)"))
        #expect(try kho("box", "move", "H1", "--to", "B-2", "--by", "Thu").code == 0)
        #expect(try kho("check").code == 0)
        // And the events are in the log, and undoable
        let log = try #require(try kho.json("log", "--kind", "custody") as? [[String: Any]])
        #expect(log.map { $0["kind"] as? String } == ["custody.out", "custody.in"])
        #expect(log.map { $0["actor"] as? String } == ["Thu", "Thu"])
    }

    @Test func theOutListPutsOverdueFirst() throws {
        let kho = try catalogue()
        #expect(
            try kho("out", "B-GOOD", "--to", "An", "--purpose", "lend", "--by", "Thu", "--at", "2026-01-01T08:00").code
                == 0)
        #expect(
            try kho(
                "out", "H1/02", "--to", "Bình", "--purpose", "read", "--due", "2026-01-03", "--by", "Thu", "--at",
                "2026-01-02T08:00"
            ).code == 0)
        #expect(
            try kho(
                "out", "H1/01", "--to", "Chi", "--purpose", "repair", "--due", "2099-01-01", "--by", "Thu", "--at",
                "2026-01-01T07:00"
            ).code == 0)
        let list = try #require(try kho.json("out", "list") as? [[String: Any]])
        #expect(list.map { $0["thing"] as? String } == ["H1/02", "H1/01", "B-GOOD"])
        #expect(list.first?["overdue"] as? Bool == true)
        #expect(list.first?["holder"] as? String == "Bình")
        let text = try kho("out", "list")
        #expect(text.out.contains("Bình") && text.out.contains("ngày"))
        // And kho check notes the overdue one, yet passes
        let check = try kho("check", "--json")
        #expect(check.code == 0)
        #expect(check.out.contains("custody_overdue"))
    }

    @Test func labelsWriteOneLabelPerBoxEscaped() throws {
        let kho = try catalogue()
        #expect(try kho("fonds", "add", "HĐND", "--name", "HĐND <xã> & \"Sơn Kim\"", "--by", "Thu").code == 0)
        #expect(try kho("box", "add", "H9", "--fonds", "HĐND", "--by", "Thu").code == 0)
        let path = kho.dir.appendingPathComponent("nhan.html").path
        let r = try kho("labels", "H1", "H9", "--out", path)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("2 nhãn trên 1 tờ A4"))
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.components(separatedBy: "<article class=\"label\"").count - 1 == 2)
        #expect(html.contains("HĐND &lt;xã&gt; &amp; &quot;Sơn Kim&quot;"))
        #expect(!html.contains("<xã>"))
        #expect(html.contains("<dd>01 – 02</dd>"))
        // A fonds' labels, and the catalogue itself is never written over
        let fonds = try kho("labels", "--fonds", "UBND-SK1", "--out", path)
        #expect(fonds.code == 0)
        #expect(
            try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "<article class=\"label\"").count
                - 1 == 3)
        #expect(try kho("labels", "H1", "--out", kho.db).code != 0)
        #expect(try kho("labels", "H1", "--fonds", "UBND-SK1", "--out", path).code != 0)
    }

    @Test func theReportShowsMetresAtRisk() throws {
        let kho = try catalogue()
        #expect(try kho("location", "mark", "Kho tạm", "--risk", "damp", "--by", "Thu").code == 0)
        let path = kho.dir.appendingPathComponent("bao-cao.html").path
        let r = try kho("report", "--html", path)
        #expect(r.code == 0, "\(r.err)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<section id=\"risk\""))
        #expect(html.contains("Số mét có nguy cơ"))
        #expect(html.contains("data-key=\"risk-unarranged-at-risk-m\">0,5<"))
        #expect(html.contains("<td>Kho tạm</td><td>ẩm</td>"))
    }
}
