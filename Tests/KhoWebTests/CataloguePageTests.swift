import Foundation
import KhoKit
import Testing

@testable import KhoWeb

/// What the file page and the box's list of files say about a file, in the page's language.
@Suite struct FilePageTests {
    @Test func aFilesRetentionAndYearsAreWrittenAsPeopleWriteThem() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Given a file kept permanently and one kept 10 years (stored as `permanent` and `10`)
        let who = Attribution(actor: "Thu", recorder: "test", happenedAt: Date(), recordedAt: Date())
        for (code, retention) in [("01", "vĩnh viễn"), ("02", "10 năm")] {
            var changes = FileChanges()
            changes.retention = retention
            (changes.startYear, changes.endYear) = ("1998", "1998")
            _ = try fixture.store.editFile(FileRef(box: "H01", file: code), changes, by: who)
        }
        try await fixture.test { client in
            let archivist = try await client.login("thu")
            // Then the Vietnamese file page and the box's list say "vĩnh viễn" and "10 năm"
            let page = try await client.get("/files/H01/01", archivist).text
            #expect(page.contains("vĩnh viễn") && !page.contains(">permanent<"))
            let list = try await client.get("/boxes/H01", archivist).text
            #expect(list.contains("vĩnh viễn") && list.contains("10 năm"))
            #expect(!list.contains(">permanent<"))
            // And a file of one year is of "1998", as kho writes years everywhere, not "1998–1998"
            #expect(page.contains(">1998<") && list.contains(">1998<") && !(page + list).contains("1998–1998"))
        }
    }

    @Test func aStandardBoxIsItsExtentToTheMillimetreOnItsPageAndInTheList() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Given a standard box of 0,125 m beside the fixture's 0,6 m
        let who = Attribution(actor: "Thu", recorder: "test", happenedAt: Date(), recordedAt: Date())
        _ = try fixture.store.registerBox(BoxDraft(code: "H02", fonds: "UBND-SK1", extent: "0,125"), by: who)
        try await fixture.test { client in
            let archivist = try await client.login("thu")
            // Then its page and the list of boxes say 0,125 m, as kho box show does (not 0,13 m)
            let page = try await client.get("/boxes/H02", archivist).text
            let list = try await client.get("/boxes", archivist).text
            #expect(page.contains("0,125 m") && list.contains("0,125 m") && !(page + list).contains("0,13 m"))
            // And the dashboard's total is the status' to the millimetre: 0,725 m
            let dashboard = try await client.get("/", try await client.login("chutich")).text
            #expect(dashboard.contains("0,725 m"), "\(dashboard)")
        }
    }

    @Test func theHistorySaysWhatEachEventChangedButNotAnAccountsDetails() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        // Given a file whose title was corrected
        var changes = FileChanges()
        changes.title = "Hồ sơ giao đất thôn Phú Lâm"
        let who = Attribution(actor: "Thu", recorder: "test", happenedAt: Date(), recordedAt: Date())
        _ = try fixture.store.editFile(FileRef(box: "H01", file: "01"), changes, by: who)
        try await fixture.test { client in
            let viewer = try await client.login("xem")
            // Then its page's history says what changed, old → new
            let page = try await client.get("/files/H01/01", viewer).text
            #expect(page.contains("tiêu đề: «Hồ sơ cấp đất thôn Tân Hương» → «Hồ sơ giao đất thôn Phú Lâm»"), "\(page)")
            // And the log shows no account's details (the fixture's people were added with their roles)
            let log = try await client.get("/log", viewer).text
            #expect(log.contains("Ghi chú") && !log.contains("vai trò:") && !log.contains("tên đăng nhập:"))
        }
    }
}

/// A box's page offers the arrangement and weeding forms its state allows, by the library's rules.
@Suite struct BoxPageTests {
    @Test func aBoxPageOffersOnlyWhatItsArrangementAllows() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let archivist = try await client.login("thu")
            func forms() async throws -> Set<String> {
                let page = try await client.get("/boxes/H01", archivist).text
                return Set(
                    ["sort-start", "sort-finish", "weed"].filter { page.contains("action=\"/boxes/H01/\($0)\"") })
            }
            // Not arranged: start, or finish at once; nothing to weed yet (kho would refuse it)
            #expect(try await forms() == ["sort-start", "sort-finish"])
            // Started: finish, and weeding
            #expect(try await client.post("/boxes/H01/sort-start", archivist).status == .seeOther)
            #expect(try await forms() == ["sort-finish", "weed"])
            // Finished: weeding only
            #expect(try await client.post("/boxes/H01/sort-finish", archivist, ["kept": "0,5"]).status == .seeOther)
            #expect(try await forms() == ["weed"])
        }
    }

    @Test func aFilesPageOffersAHandRecordOfScanningOnlyWhileNothingIsScanned() async throws {
        let fixture = try WebFixture()
        defer { fixture.remove() }
        try await fixture.test { client in
            let operatorLogin = try await client.login("quet")
            let form = "action=\"/files/H01/01/scan-record\""
            #expect(try await client.get("/files/H01/01", operatorLogin).text.contains(form))
            // Once recorded, kho would refuse a second record: the form is gone
            #expect(
                try await client.post("/files/H01/01/scan-record", operatorLogin, ["pages": "12"]).status == .seeOther)
            #expect(!(try await client.get("/files/H01/01", operatorLogin).text.contains(form)))
        }
    }
}
