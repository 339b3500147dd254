import Foundation
import KhoTestTags
import Testing

/// Issue 25, dates and quantities, through the built `kho`: work dates after their bounds, destruction-list dates in
/// order, weeded quantities that fit the box, document dates near their file's years, suggestions kho accepts.
@Suite(.tags(.endToEnd)) struct EverydayDatesEndToEndTests {
    /// Fonds F1 and box H1 (0,5 m), registered now.
    func catalogue() throws -> Kho {
        let kho = Kho()
        #expect(try kho("fonds", "add", "F1", "--name", "Phông 1", "--by", "Thu").code == 0)
        #expect(try kho("box", "add", "H1", "--fonds", "F1", "--extent", "0,5", "--by", "Thu").code == 0)
        return kho
    }

    /// Today's local day in kho's zone.
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    static func day(offset: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
        let date = calendar.date(byAdding: .day, value: offset, to: Date())!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    @Test func aWorkDateBeforeTheBoxWasRegisteredIsRefusedNamingTheBoundUnlessOpening() throws {
        // Given box H1 registered now
        let kho = try catalogue()
        let before = try kho.snapshot()
        // When arrangement and a hand-out are back-filled to 0001-01-01
        let start = try kho("sort", "start", "H1", "--at", "0001-01-01", "--by", "Thu")
        let out = try kho("out", "H1", "--to", "Hoa", "--purpose", "scan", "--at", "0001-01-01", "--by", "Thu")
        // Then both are refused, naming the box's registration and --opening, and nothing changed
        for r in [start, out] {
            #expect(r.code == 1, "\(r.out)")
            #expect(r.err.contains("sớm hơn lúc hộp H1 được đăng ký"), "\(r.err)")
            #expect(r.err.contains("--opening"), "\(r.err)")
        }
        #expect(try kho.snapshot() == before)
        // And a due day before 1945 (the 0001-01-02) is refused, even for an opening balance
        let due = try kho(
            "out", "H1", "--to", "Hoa", "--purpose", "scan", "--at", "2020-01-01", "--opening", "--due", "0001-01-02",
            "--by", "Thu")
        #expect(due.code == 1)
        #expect(due.err.contains("hạn trả 0001-01-02 trước năm 1945"), "\(due.err)")
        // And as an opening balance (work done before kho) the same date is recorded
        #expect(
            try kho("sort", "finish", "H1", "--kept", "0,4", "--at", "2020-05-01", "--opening", "--by", "Thu").code == 0
        )
    }

    @Test func aWorkDateBeforeTheFondsRecordsOrBefore1945IsRefusedNamingThatBound() throws {
        let kho = try catalogue()
        // A box whose records start in 2010, registered as if in 2000
        let box = try kho(
            "box", "add", "H2", "--fonds", "F1", "--start-year", "2010", "--at", "2000-01-01", "--by", "Thu")
        #expect(box.code == 1)
        #expect(box.err.contains("năm đầu của tài liệu trong hộp H2 (2010)"), "\(box.err)")
        #expect(box.err.contains("--at từ 2010-01-01"), "\(box.err)")
        // Work on the fonds itself (its code renamed) dated before its boxes' first year
        #expect(try kho("box", "edit", "H1", "--start-year", "2010", "--by", "Thu").code == 0)
        let rename = try kho("fonds", "rename", "F1", "F9", "--at", "2004-01-01", "--by", "Thu")
        #expect(rename.code == 1)
        #expect(rename.err.contains("năm đầu của tài liệu phông") && rename.err.contains("(2010)"), "\(rename.err)")
        // A fonds registered in 1900
        let fonds = try kho("fonds", "add", "F2", "--name", "Phông 2", "--at", "1900-06-01", "--by", "Thu")
        #expect(fonds.code == 1)
        #expect(fonds.err.contains("năm 1945"), "\(fonds.err)")
    }

    @Test func theReturnSuggestionIsAnAtThatKhoAccepts() throws {
        // Given H1 handed out just now (with seconds)
        let kho = try catalogue()
        #expect(try kho("out", "H1", "--to", "Hoa", "--purpose", "scan", "--by", "Thu").code == 0)
        let log = try #require(try kho.json("log", "--kind", "custody.out") as? [[String: Any]])
        let outMinute = try #require(log.last?["happened_at"] as? String).replacingOccurrences(of: " ", with: "T")
        // When its return is back-filled to the same minute
        let early = try kho("in", "H1", "--at", outMinute, "--by", "Thu")
        if early.code == 0 { return }  // handed out at hh:mm:00 exactly: that minute is accepted
        // Then the message suggests an --at, and that --at is accepted
        let suggested = try #require(
            early.err.firstMatch(of: #/--at từ (\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/#).map { String($0.1) }, "\(early.err)")
        #expect(suggested > outMinute)
        let r = try kho("in", "H1", "--at", suggested, "--by", "Thu")
        #expect(r.code == 0, "\(r.err)")
    }

    @Test func destructionListDatesAreInOrder() throws {
        // Given 0,1 m of H1 proposed today, then H1 arranged keeping 0,4 m
        let kho = try catalogue()
        #expect(try kho("sort", "start", "H1", "--by", "Thu").code == 0)
        #expect(
            try kho(
                "weed", "add", "H1", "--title", "Giấy mời họp", "--quantity", "0,1 m", "--reason", "hết giá trị",
                "--by", "Thu"
            ).code == 0)
        #expect(try kho("sort", "finish", "H1", "--kept", "0,4", "--by", "Thu").code == 0)
        let before = try kho.snapshot()
        // When the council's approval is dated before the proposal
        let approve = try kho("weed", "approve", "--decision", "QĐ 1", "--date", Self.day(offset: -3), "--by", "Thu")
        // Then it is refused, naming both days
        #expect(approve.code == 1)
        #expect(approve.err.contains("sớm hơn ngày đề nghị hủy \(Self.today)"), "\(approve.err)")
        #expect(try kho.snapshot() == before)
        // And once approved today, a destruction dated before the approval is refused
        #expect(try kho("weed", "approve", "--decision", "QĐ 1", "--date", Self.today, "--by", "Thu").code == 0)
        let destroyed = try kho(
            "weed", "destroyed", "--record", "BB 1", "--date", Self.day(offset: -1), "--by", "Thu")
        #expect(destroyed.code == 1)
        #expect(destroyed.err.contains("sớm hơn ngày Hội đồng duyệt \(Self.today)"), "\(destroyed.err)")
    }

    @Test func weededQuantitiesFitTheBoxAndKeptLeavesRoomForThem() throws {
        // Given H1 (0,5 m) being arranged
        let kho = try catalogue()
        #expect(try kho("sort", "start", "H1", "--by", "Thu").code == 0)
        func weed(_ quantity: String) throws -> Kho.Result {
            try kho(
                "weed", "add", "H1", "--title", "Giấy mời", "--quantity", quantity, "--reason", "hết giá trị", "--by",
                "Thu")
        }
        // When 10 m are proposed
        let tooMuch = try weed("10 m")
        // Then it is refused at entry, saying the box's extent
        #expect(tooMuch.code == 1)
        #expect(tooMuch.err.contains("nhiều hơn độ dài của hộp (0,5 m)"), "\(tooMuch.err)")
        // And 0,3 m fits, but another 0,3 m does not
        #expect(try weed("0,3 m").code == 0)
        #expect(try weed("0,3 m").code == 1)
        // And finishing with 0,4 m kept would leave 0,1 m, less than the 0,3 m proposed
        let kept = try kho("sort", "finish", "H1", "--kept", "0,4", "--by", "Thu")
        #expect(kept.code == 1)
        #expect(kept.err.contains("ít hơn 0,3 m đã đề nghị hủy"), "\(kept.err)")
        #expect(try kho("sort", "finish", "H1", "--kept", "0,2", "--by", "Thu").code == 0)
    }

    @Test func aDocumentDateAfterTodayIsRefusedAndOneOutsideTheFilesYearsIsAWarning() throws {
        // Given a file of 1995
        let kho = try catalogue()
        #expect(
            try kho("file", "add", "H1/01", "--title", "Hồ sơ 1995", "--start-year", "1995", "--by", "Thu").code == 0)
        // When a document is dated 2999, then 2030 (after today), then 2001
        let future = try kho("doc", "add", "H1/01", "--summary", "Về việc A", "--date", "2999", "--by", "Thu")
        #expect(future.code == 1)
        #expect(future.err.contains("sau hôm nay"), "\(future.err)")
        let outside = try kho("doc", "add", "H1/01", "--summary", "Về việc B", "--date", "15/03/2001", "--by", "Thu")
        // Then the date after today is refused and the one outside 1994–1996 is recorded with a warning
        #expect(outside.code == 0, "\(outside.err)")
        #expect(outside.out.contains("nằm ngoài thời gian của hồ sơ (1995)"), "\(outside.out)")
        let near = try kho("doc", "add", "H1/01", "--summary", "Về việc C", "--date", "02/01/1996", "--by", "Thu")
        #expect(near.code == 0 && !near.out.contains("nằm ngoài"), "\(near.out)")
        // And an imported list says which lines to check
        let sheet = kho.write("STT,Ngày tháng,Trích yếu nội dung\n,2010,Về việc D\n,1995,Về việc E\n", to: "vb.csv")
        let imported = try kho("import", "docs", sheet, "--file", "H1/01", "--by", "Thu")
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("dòng 2: ngày văn bản 2010 nằm ngoài"), "\(imported.out)")
        #expect(!imported.out.contains("dòng 3"), "\(imported.out)")
    }
}
