import Foundation
import KhoTestTags
import Testing

/// Documents, the Circular's metadata and search, through the command line as a clerk uses them.
@Suite(.tags(.endToEnd)) struct EndToEndDocumentTests {
    func catalogue() throws -> Kho {
        let kho = Kho()
        for step in [
            ["fonds", "add", "UBND-SK1", "--name", "UBND xã Sơn Kim 1", "--by", "Thu"],
            ["box", "add", "H1", "--fonds", "UBND-SK1", "--location", "A-3-2", "--by", "Thu"],
            [
                "file", "add", "H1/01", "--title", "Hồ sơ giao đất thôn 2", "--start-year", "1998", "--retention",
                "permanent", "--by", "Thu",
            ],
            ["file", "add", "H1/02", "--title", "Sổ hộ khẩu", "--start-year", "1999", "--by", "Thu"],
        ] {
            let r = try kho.run(step)
            #expect(r.code == 0, "\(step): \(r.err)")
        }
        return kho
    }

    @Test func aClerksListImportsAndIsSearchableWithoutDiacritics() throws {
        let kho = try catalogue()
        let list = kho.write(
            """
            STT;Số ký hiệu;Ngày tháng;Tác giả;Trích yếu;Tờ số;Ghi chú
            1;12/QĐ-UBND;15/03/2001;UBND xã Sơn Kim;Về việc giao ĐẤT ở cho hộ ông Nguyễn Văn A;1-2;
            2;05/TTr-ĐC;02/2001;Cán bộ địa chính;Tờ trình xin giao đất;3;bản sao
            """, to: "van-ban.csv")
        let imported = try kho("import", "docs", list, "--file", "H1/01", "--by", "Thu")
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("Đã nhập 2 văn bản"))
        // The list shows the split number/symbol and the kind named by the symbol
        let docs = try #require(try kho.json("doc", "list", "H1/01") as? [[String: Any]])
        #expect(docs.map { $0["number_symbol"] as? String } == ["12/QĐ-UBND", "05/TTr-ĐC"])
        #expect(docs.map { $0["kind_name"] as? String } == ["Quyết định", "Tờ trình"])
        // "dat", "DAT", "đất" and "Đất" all find the file, with where the paper is
        for query in ["dat", "DAT", "đất", "Đất"] {
            let answer = try #require(try kho.json("search", query) as? [String: Any])
            let files = try #require(answer["files"] as? [[String: Any]])
            #expect(files.first?["ref"] as? String == "H1/01", "\(query)")
            #expect(files.first?["location"] as? String == "A-3-2")
        }
        let text = try kho("search", "giao dat")
        #expect(text.code == 0 && text.out.contains("hộp H1, A-3-2, phông UBND-SK1") && text.out.contains("H1/01/1"))
        // A word starting with "-" is searched like any other (it was taken for options), and no words is a usage error
        let dashed = try kho("search", "-dat", "--limit", "5")
        #expect(dashed.code == 0 && dashed.out.contains("H1/01/1"), "\(dashed.err)")
        let none = try kho("search", "--limit", "5")
        #expect(none.code == 64 && none.err.contains("thiếu chữ cần tìm"), "\(none.err)")
        // The metadata export has the Circular's headers, in order, Vietnamese by default and English on request
        let metadata = try kho("export", "metadata", "--level", "document")
        #expect(
            metadata.out.hasPrefix(
                "\u{FEFF}Mã định danh tài liệu,Mã lưu trữ của tài liệu,Thời hạn lưu trữ,Tên loại tài liệu,Số của tài liệu"
            ))
        #expect(metadata.out.contains("Quyết định,12,QĐ-UBND,2001-03-15,UBND xã Sơn Kim"))
        let english = try kho("export", "metadata", "--lang", "en")
        #expect(english.out.hasPrefix("\u{FEFF}File code,File title,Retention period,Access level,Language"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(try kho("export", "metadata", "--json").out.utf8))
                as? [[String: String]])
        #expect(json.first?["Tổng số tài liệu trong hồ sơ"] == "2")
        // A bad row imports nothing and names its line
        let bad = kho.write("STT,Trích yếu,Ngày tháng\n3,Một,2001\n4,Hai,31/02/2001\n", to: "bad.csv")
        let refused = try kho("import", "docs", bad, "--file", "H1/02", "--by", "Thu")
        #expect(refused.code != 0 && refused.err.contains("dòng 3"))
        #expect(try kho("doc", "list", "H1/02").out.components(separatedBy: "\n").count <= 3)
    }

    @Test func docCommandsAddShowEditMoveAndUndo() throws {
        let kho = try catalogue()
        let add = try kho(
            "doc", "add", "H1/02", "--number", "7/BC-UBND", "--date", "2001", "--summary", "Báo cáo dân số", "--pages",
            "1-3",
            "--autograph", "yes", "--by", "Thu")
        #expect(add.code == 0 && add.out.contains("H1/02/1"), "\(add.err)")
        #expect(try kho("doc", "show", "H1/02/1").out.contains("Tên loại: Báo cáo"))
        #expect(try kho("doc", "edit", "H1/02/1", "--summary", "Báo cáo dân số năm 2001", "--by", "Thu").code == 0)
        #expect(try kho("doc", "move", "H1/02/1", "--to", "H1/01/5", "--by", "Thu").code == 0)
        #expect(try kho("doc", "show", "H1/01/5").out.contains("Báo cáo dân số năm 2001"))
        let events = try #require(try kho.json("log") as? [[String: Any]])
        let move = try #require(events.last { $0["kind"] as? String == "doc.move" }?["id"] as? Int)
        #expect(try kho("undo", String(move), "--by", "Thu").code == 0)
        #expect(try kho("doc", "show", "H1/02/1").code == 0)
        // A wrong date and an unknown document are one readable line each
        let date = try kho("doc", "add", "H1/02", "--date", "2001-13-01", "--by", "Thu")
        #expect(date.code != 0 && date.err.contains("2001-13-01"))
        let missing = try kho("doc", "show", "H1/02/9")
        #expect(missing.code != 0 && missing.err.contains("H1/02/9"))
        #expect(try kho("check").code == 0)
    }
}
