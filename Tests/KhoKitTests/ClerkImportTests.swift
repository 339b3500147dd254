import Foundation
import KhoReport
import Testing

@testable import KhoKit

/// The file list as a commune clerk writes it (Vietnamese headings and values), and the inventory read back.
@Suite struct ClerkImportTests {
    let dir = Fixture.tempDir()

    func catalogue() throws -> KhoStore {
        let store = try Fixture.store()
        for code in ["H01", "H02"] { try store.registerBox(BoxDraft(code: code, fonds: "UBND-SK1"), by: Fixture.who()) }
        return store
    }

    static let clerkSheet = """
        STT,Hộp số,Hồ sơ số,Tiêu đề hồ sơ,Thời gian tài liệu,Thời hạn bảo quản,Số lượng tờ,Ghi chú
        1,H01,1,"Hồ sơ cấp giấy chứng nhận quyền sử dụng đất, thôn Tân Hương",1995-1996,Vĩnh viễn,42,
        2,H01,2,Sổ đăng ký khai sinh năm 1997,1997,20 năm,1.234,Bìa rách
        3,H02,1,Tập công văn đi của UBND xã,1998 - 2001,10 năm,88 tờ,"Nhiều tờ ẩm mốc;
        cần sấy"
        4,H02,2,Hồ sơ mật về quốc phòng,2002,Vĩnh viễn,,mật

        """

    @Test func theClerksHeadingsAndVietnameseValuesAreRead() throws {
        let store = try catalogue()
        let report = try store.importCSV(
            .files, path: Fixture.write(Self.clerkSheet, to: "muc-luc.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 4)
        let files = try store.listFiles()
        #expect(files.map(\.ref) == ["H01/1", "H01/2", "H02/1", "H02/2"])
        #expect(files.map(\.retention) == ["permanent", "20", "10", "permanent"])
        #expect(files.map(\.startYear) == [1995, 1997, 1998, 2002])
        #expect(files.map(\.endYear) == [1996, 1997, 2001, 2002])
        #expect(files.map(\.sheets) == [42, 1234, 88, nil])
        #expect(files[2].notes == "Nhiều tờ ẩm mốc;\ncần sấy")
        // a note that is the secret label marks the file secret, as the inventory writes a secret file
        #expect(files[3].access == .secret && files[3].notes.isEmpty)
    }

    @Test(arguments: [
        ("ẩm mốc", Condition.mould), ("mốc", .mould), ("Nấm mốc", .mould), ("giòn", .brittle), ("mủn", .brittle),
        ("rách", .worn),
        ("cũ nát", .worn), ("mối mọt", .insects), ("bị ướt", .water), ("tốt", .good), ("bình thường", .good),
    ])
    func everyConditionHasItsVietnameseWords(word: String, condition: Condition) {
        #expect(Condition.parse(word) == condition)
    }

    @Test(arguments: [
        ("Công khai", Access.open), ("Hạn chế", .restricted), ("Mật", .secret), ("tối mật", .secret),
        ("sử dụng rộng rãi", .open),
    ])
    func accessValuesInVietnamese(word: String, access: Access) {
        #expect(Access.parse(word) == access)
    }

    @Test func errorsSayTheVietnameseWords() throws {
        let store = try catalogue()
        let sheet = """
            Hộp số,Hồ sơ số,Tiêu đề hồ sơ,Thời gian tài liệu,Thời hạn bảo quản,Tình trạng,Chế độ sử dụng
            H01,1,Sổ,95-96,Vĩnh viễn,,
            H01,2,Sổ,1995,mãi mãi,,
            H01,3,Sổ,1995,,hỏng hết,
            H01,4,Sổ,1995,,,bí mật quốc gia

            """
        do {
            try store.importCSV(
                .files, path: Fixture.write(sheet, to: "loi.csv", in: dir), by: Fixture.who(), lang: .vi)
            Issue.record("bad values were imported")
        } catch ImportError.badRows(_, let problems, _) {
            #expect(problems.map(\.line) == [2, 3, 4, 5])
            let vi = ImportError.badRows(path: "loi.csv", problems: problems, rows: 4).text.vi
            _ = vi
            #expect(CatalogueError.badYearRange("95-96").text.vi.contains("1995-1996"))
            #expect(
                CatalogueError.badRetention("mãi mãi").text.vi.contains("«Vĩnh viễn»")
                    && CatalogueError.badRetention("x").text.vi.contains("«20 năm»"))
            #expect(CatalogueError.badCondition("hỏng hết").text.vi.contains("«nấm mốc» (mốc, ẩm mốc"))
            #expect(CatalogueError.badAccess("x").text.vi.contains("«mật»"))
        }
        // A missing column is named by its Vietnamese heading
        let noTitle = Fixture.write("Hộp số,Hồ sơ số\nH01,1\n", to: "thieu.csv", in: dir)
        do {
            try store.importCSV(.files, path: noTitle, by: Fixture.who(), lang: .vi)
            Issue.record("a sheet without titles was imported")
        } catch let error as ImportError {
            #expect(error.text.vi.contains("«Tiêu đề hồ sơ» (title)"))
        }
    }

    @Test func maHoSoAloneIsTheFilesNumberButBesideItTheArchivalCode() throws {
        // A clerk's sheet headed "Mã hồ sơ" means the file's number in its box
        let store = try catalogue()
        try store.importCSV(
            .files, path: Fixture.write("Hộp số,Mã hồ sơ,Tiêu đề hồ sơ\nH01,07,Sổ\n", to: "a.csv", in: dir),
            by: Fixture.who(), lang: .vi)
        #expect(try store.listFiles().map(\.ref) == ["H01/07"])
        // beside "Số, ký hiệu hồ sơ" (the inventory) it is the archival code, which is read past
        let sheet = "Hộp số,\"Số, ký hiệu hồ sơ\",Tiêu đề hồ sơ,Mã hồ sơ\nH02,08,Sổ,UBND-SK1.1995.0001\n"
        try store.importCSV(.files, path: Fixture.write(sheet, to: "b.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(try store.listFiles().map(\.ref) == ["H01/07", "H02/08"])
    }

    @Test func aFondsCodeThatIsNotTheBoxsIsARowError() throws {
        let store = try catalogue()
        let sheet = "Mã phông,Hộp số,Hồ sơ số,Tiêu đề hồ sơ\nUBND-SK1,H01,1,Sổ\nHTX,H01,2,Sổ\n"
        do {
            try store.importCSV(
                .files, path: Fixture.write(sheet, to: "phong.csv", in: dir), by: Fixture.who(), lang: .vi)
            Issue.record("a file was imported into another fonds' box")
        } catch ImportError.badRows(_, let problems, _) {
            #expect(problems.map(\.line) == [3])
            #expect(problems.first?.message.contains("UBND-SK1") == true)
        }
    }

    /// The inventory CSV as `kho export inventory --format csv` writes it.
    func inventoryCSV(_ store: KhoStore, lang: Lang) throws -> String {
        renderInventoryCSV(try store.inventory(lang: .vi), lang: lang)
    }

    @Test(arguments: [Lang.vi, .en])
    func theInventoryIsImportedBackUnchangedIntoAFreshCatalogue(lang: Lang) throws {
        // Given a clerk's list imported
        let store = try catalogue()
        try store.importCSV(
            .files, path: Fixture.write(Self.clerkSheet, to: "muc-luc.csv", in: dir), by: Fixture.who(), lang: .vi)
        let exported = try inventoryCSV(store, lang: lang)
        #expect(exported.contains("Mã hồ sơ") || exported.contains("Archival code"))
        // When its inventory is imported into an empty catalogue with the same fonds and boxes
        let fresh = try catalogue()
        let report = try fresh.importCSV(
            .files, path: Fixture.write(exported, to: "inventory.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 4)
        // Then the fresh catalogue's inventory is the same, byte for byte
        #expect(try inventoryCSV(fresh, lang: lang) == exported)
        #expect(try fresh.listFiles().map(\.access) == [.open, .open, .open, .secret])
    }
}
