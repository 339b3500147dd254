import Foundation
import GRDB
import KhoReport
import Testing

@testable import KhoKit

/// The destruction list (*danh mục tài liệu hết giá trị*): what arrangement leaves out is listed, adds up, is approved
/// by the appraisal council and destroyed, and every step is attributed and undoable.
@Suite struct WeedTests {
    let dir = Fixture.tempDir()

    /// UBND-SK1 with bundle B017 (0.6 m) being arranged, and box H0120 made from it.
    func arranging() throws -> KhoStore {
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B017", fonds: "UBND-SK1", extent: "0,6"), by: Fixture.registrar)
        try store.registerBox(BoxDraft(code: "H0120", fonds: "UBND-SK1", from: "B017"), by: Fixture.registrar)
        try store.startArrangement(of: ["B017"], by: Fixture.who(at: "2026-11-20T08:00"))
        return store
    }

    func weed(
        _ store: KhoStore, _ quantity: String, box: String = "B017", title: String = "Giấy mời họp thôn"
    ) throws -> WeedItemView {
        try store.addWeed(
            WeedDraft(box: box, title: title, years: "1995-1996", quantity: quantity, reason: "Hết thời hạn bảo quản"),
            by: Fixture.who("Lê Thị Hoa", at: "2026-11-20T09:00"))
    }

    func problems(_ store: KhoStore, _ code: String) throws -> [CheckProblem] {
        try store.check(now: Fixture.now).problems.filter { $0.code == code }
    }

    @Test func aBoxOutOfTheStoreOrWithAFileOutCannotBeWeeded() throws {
        // Given B017 being arranged, taken out for repair
        let store = try arranging()
        try store.registerFile(FileDraft(ref: FileRef(box: "B017", file: "01"), title: "Sổ"), by: Fixture.who())
        try store.takeOut(.box("B017"), to: "Trần Văn Minh", purpose: "repair", by: Fixture.who(), now: Fixture.now)
        // Then nothing in it can be proposed for destruction, and the message names who has it
        do {
            _ = try weed(store, "0,1 m")
            Issue.record("weeded a box that is out")
        } catch let CustodyError.cannotWeedWhileOut(thing, holder, _, returnWith) {
            #expect(thing == "B017" && holder == "Trần Văn Minh" && returnWith == "kho in B017")
        }
        // And once it is back, but one of its files is out, still not
        try store.bringIn(.box("B017"), by: Fixture.who(), now: Fixture.now)
        try store.takeOut(
            .file(FileRef(box: "B017", file: "01")), to: "Lê Thị Hoa", purpose: "scan", by: Fixture.who(),
            now: Fixture.now)
        do {
            _ = try weed(store, "0,1 m")
            Issue.record("weeded a box with a file out")
        } catch let CustodyError.cannotWeedWhileOut(thing, holder, _, _) {
            #expect(thing == "B017/01" && holder == "Lê Thị Hoa")
        }
        #expect(try store.weedItems(WeedFilter()).isEmpty)
        // And when everything is in, it can
        try store.bringIn(.file(FileRef(box: "B017", file: "01")), by: Fixture.who(), now: Fixture.now)
        #expect(try weed(store, "0,1 m").box == "B017")
    }

    @Test(arguments: [
        ("0,15 m", WeedQuantity(millimetres: 150)), ("0.15m", WeedQuantity(millimetres: 150)),
        ("0,15 mét giá", WeedQuantity(millimetres: 150)),
        ("120 tờ", WeedQuantity(sheets: 120)), ("1.200 tờ", WeedQuantity(sheets: 1200)),
        ("120 sheets", WeedQuantity(sheets: 120)),
        ("0,02 m (120 tờ)", WeedQuantity(millimetres: 20, sheets: 120)),
        ("120 tờ, 0,02 m", WeedQuantity(millimetres: 20, sheets: 120)),
    ])
    func quantitiesAreReadInMetresOrSheets(text: String, expected: WeedQuantity) throws {
        #expect(try WeedQuantity.parse(text) == expected)
    }

    @Test(arguments: [
        ("0,15", WeedError.quantityNeedsUnit("0,15")), ("nửa mét", WeedError.badQuantity("nửa mét")),
        ("0 m", WeedError.badQuantity("0 m")),
        ("11 m", WeedError.quantityTooLarge("11 m")), ("0,0001 m", WeedError.quantityRoundsToZero("0,0001 m")),
        ("2 hộp", WeedError.badQuantity("2 hộp")), ("1 m, 2 m", WeedError.badQuantity("1 m, 2 m")),
    ])
    func unreadableQuantitiesAreRefusedSayingHowToWriteThem(text: String, expected: WeedError) {
        expectError(expected, { try WeedQuantity.parse(text) })
        #expect(WeedError.quantityNeedsUnit("0,15").text.vi.contains("«0,15 m»"))
    }

    @Test func theListMustAddUpToWhatArrangementLeftOutAndCheckSaysWhereItDoesNot() throws {
        // Given B017 (0.6 m) arranged keeping 0.45 m, so 0.15 m left out
        let store = try arranging()
        _ = try weed(store, "0,1 m")
        try store.finishArrangement(of: ["B017"], kept: "0,45", by: Fixture.who(at: "2026-11-21T16:00"))
        // When only 0.1 m is listed, Then check names the box, what is proposed and what was left out
        let short = try problems(store, "weed_metres")
        #expect(short.map(\.subject) == ["box B017"])
        #expect(short.first?.text.vi.contains("0,1 m") == true && short.first?.text.vi.contains("0,15 m") == true)
        // When 0.05 m more (and 120 sheets) is listed, Then it adds up and check is clean
        _ = try weed(store, "0,05 m, 120 tờ", title: "Bản trùng")
        #expect(try problems(store, "weed_metres").isEmpty)
        #expect(try store.check(now: Fixture.now).clean)
        let balance = try #require(try store.weedBalances().first { $0.box == "B017" })
        #expect(balance.proposedMM == 150 && balance.leftOutMM == 150 && balance.sheets == 120 && balance.balanced)
        // When more than was left out is proposed, Then it is refused naming the three figures
        expectError(
            WeedError.moreThanLeftOut(box: "B017", proposedMM: 150, addingMM: 10, extentMM: 600, keptMM: 450),
            { try weed(store, "0,01 m") })
        // When the kept metres are corrected to leave less out than the list proposes, Then that is refused
        expectError(
            WorkError.keptLeavesNoRoom(
                box: "B017", kept: Millimetres(500), extent: Millimetres(600), proposed: Millimetres(150))
        ) {
            try store.editBox("B017", BoxChanges(kept: "0,5"), by: Fixture.who())
        }
        // And when the catalogue says so anyway (changed outside kho), Then check says the list no longer adds up
        try store.write { db in try db.execute(sql: "UPDATE box SET kept_mm = 500 WHERE code = 'B017'") }
        let over = try problems(store, "weed_metres")
        #expect(over.count == 1 && over[0].text.en.contains("0.15 m") && over[0].text.en.contains("0.1 m"))
    }

    @Test func anArrangedBoxWithoutAListIsANoticeNotAFault() throws {
        // Given a box arranged before the list was kept in kho (an opening balance), leaving 0.1 m out
        let store = try Fixture.store()
        try store.registerBox(BoxDraft(code: "B1", fonds: "UBND-SK1", extent: "0,5"), by: Fixture.registrar)
        try store.finishArrangement(of: ["B1"], kept: "0,4", by: Fixture.who(opening: true))
        // When checked, Then it is clean, with a notice that says what to record
        let report = try store.check(now: Fixture.now)
        #expect(report.clean)
        #expect(
            report.notices.contains {
                $0.code == "weed_not_listed" && $0.text.vi.contains("(B1)") && $0.text.vi.contains("0,1 m")
            })
    }

    @Test func weedingBelongsToABoxBeingArrangedAndToTheBoxAsReceived() throws {
        let store = try arranging()
        try store.registerBox(BoxDraft(code: "B2", fonds: "UBND-SK1"), by: Fixture.registrar)
        expectError(WeedError.notInArrangement(box: "B2"), { try weed(store, "0,05 m", box: "B2") })
        expectError(
            WeedError.madeByArrangement(box: "H0120", from: "B017"), { try weed(store, "0,05 m", box: "H0120") })
        expectError(
            WeedError.emptyField(.reason),
            {
                try store.addWeed(WeedDraft(box: "B017", title: "x", quantity: "1 tờ", reason: " "), by: Fixture.who())
            })
        expectError(
            CatalogueError.badYearRange("95-96"),
            {
                try store.addWeed(
                    WeedDraft(box: "B017", title: "x", years: "95-96", quantity: "1 tờ", reason: "r"), by: Fixture.who()
                )
            })
    }

    @Test func theCouncilApprovesThenTheRecordsAreDestroyedAndStatusShowsEachStage() throws {
        // Given 0.15 m listed for B017, which left out 0.15 m
        let store = try arranging()
        _ = try weed(store, "0,1 m")
        _ = try weed(store, "0,05 m", title: "Bản trùng")
        // When the council approves before the box is finished, Then it is refused: the list must add up first
        expectError(
            WeedError.unbalanced(box: "B017", proposedMM: 150, leftOutMM: nil),
            {
                try store.approveWeeds(fonds: nil, decision: "QĐ 12/QĐ-HĐ", day: "2026-11-22", by: Fixture.who())
            })
        try store.finishArrangement(of: ["B017"], kept: "0,45", by: Fixture.who(at: "2026-11-21T16:00"))
        var p = try store.status(now: Fixture.now).progress
        #expect(p.weed.proposedMetres == 0.15 && p.weed.approvedMetres == 0 && p.weed.destroyedMetres == 0)
        #expect(p.weededMetres == 0.15)
        // When nothing is approved yet, destruction is refused
        expectError(
            WeedError.nothingWaiting(step: .destroy, fonds: nil),
            {
                try store.recordDestruction(fonds: nil, record: "BB 03", day: "2026-11-25", by: Fixture.who())
            })
        // When the council approves
        let approved = try store.approveWeeds(
            fonds: "UBND-SK1", decision: "QĐ 12/QĐ-HĐ", day: "2026-11-22", by: Fixture.who("Nguyễn Văn Chủ tịch"))
        #expect(approved.items == 2 && approved.metres == 0.15)
        p = try store.status(now: Fixture.now).progress
        #expect(p.weed.proposedMetres == 0 && p.weed.approvedMetres == 0.15)
        // Then a destruction dated before the approval is refused, and one after it is recorded
        expectError(
            WeedError.destroyedBeforeApproval(day: "2026-11-21", approvalDay: "2026-11-22", decision: "QĐ 12/QĐ-HĐ"),
            {
                try store.recordDestruction(fonds: nil, record: "BB 03", day: "2026-11-21", by: Fixture.who())
            })
        expectError(
            WeedError.futureDay("2026-12-01"),
            { try store.recordDestruction(fonds: nil, record: "BB 03", day: "2026-12-01", by: Fixture.who()) })
        let destroyed = try store.recordDestruction(
            fonds: nil, record: "BB 03/BB-HĐ", day: "2026-11-25", by: Fixture.who())
        p = try store.status(now: Fixture.now).progress
        #expect(p.weed.approvedMetres == 0 && p.weed.destroyedMetres == 0.15)
        #expect(try store.status(now: Fixture.now).fonds.first?.progress.weed.destroyedMetres == 0.15)
        // and each step is an attributed event with its quantity
        let events = try store.events(LogFilter(kind: "weed"), lang: .vi)
        #expect(events.map(\.kind) == ["weed.add", "weed.add", "weed.approve", "weed.destroy"])
        #expect(events[2].actor == "Nguyễn Văn Chủ tịch" && events[2].metres == 0.15 && events[2].detail.count == 2)
        #expect(events[3].id == destroyed.event)
        // and the items carry the decision and the record
        let items = try store.weedItems()
        #expect(
            items.allSatisfy { $0.stage == .destroyed && $0.decision == "QĐ 12/QĐ-HĐ" && $0.record == "BB 03/BB-HĐ" })
        #expect(try store.weedItems(WeedFilter(stage: "chờ duyệt")).isEmpty)
        // and the leadership report carries the same figures
        let model = try store.reportModel(estimate: nil, now: Fixture.now)
        #expect(model.headline.weed.destroyed == 0.15 && model.headline.weed.proposed == 0)
    }

    @Test func eachStepIsUndoneInReverseOrder() throws {
        let store = try arranging()
        let item = try weed(store, "0,15 m")
        try store.finishArrangement(of: ["B017"], kept: "0,45", by: Fixture.who(at: "2026-11-21T16:00"))
        let approved = try store.approveWeeds(fonds: nil, decision: "QĐ 12", day: "2026-11-22", by: Fixture.who())
        let destroyed = try store.recordDestruction(fonds: nil, record: "BB 03", day: "2026-11-25", by: Fixture.who())
        // The item cannot go while approved, nor the approval while destroyed
        expectError(
            WeedError.alreadyApproved(item: item.id, decision: "QĐ 12", event: approved.event),
            { try store.undo(eventId: item.event, by: Fixture.who()) })
        expectError(
            WeedError.alreadyDestroyed(record: "BB 03", event: destroyed.event),
            { try store.undo(eventId: approved.event, by: Fixture.who()) })
        try store.undo(eventId: destroyed.event, by: Fixture.who())
        #expect(try store.status(now: Fixture.now).progress.weed.approvedMetres == 0.15)
        try store.undo(eventId: approved.event, by: Fixture.who())
        #expect(try store.status(now: Fixture.now).progress.weed.proposedMetres == 0.15)
        try store.undo(eventId: item.event, by: Fixture.who())
        #expect(try store.weedItems().isEmpty)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM weed_decision") } == 0)
    }

    @Test func approvalNeedsTheFondsWhenSeveralHaveItemsWaiting() throws {
        let store = try arranging()
        try store.addFonds(code: "HTX", name: "HTX Sơn Kim", by: Fixture.who())
        try store.registerBox(BoxDraft(code: "X1", fonds: "HTX", extent: "0,2"), by: Fixture.registrar)
        try store.startArrangement(of: ["X1"], by: Fixture.who())
        _ = try weed(store, "0,1 m")
        _ = try weed(store, "0,05 m", box: "X1")
        expectError(
            WeedError.manyFonds(step: .approve, fonds: ["HTX", "UBND-SK1"]),
            {
                try store.approveWeeds(fonds: nil, decision: "QĐ 1", day: "2026-11-22", by: Fixture.who())
            })
    }

    @Test func anImportedListIsAllOrNothingWithLineNumbersAndUndoneAsOne() throws {
        let store = try arranging()
        try store.finishArrangement(of: ["B017"], kept: "0,45", by: Fixture.who(at: "2026-11-21T16:00"))
        let bad = """
            STT,Hộp số,Tên loại/nhóm tài liệu,Thời gian,Số lượng,Lý do hủy,Ghi chú
            1,B017,Giấy mời họp,1995-1996,"0,1 m",Hết giá trị,
            2,B017,Bản nháp,1997,0.05,Bản nháp,
            3,H9,Sổ,1997,2 tờ,Trùng,
            4,B017,Công văn,1998,"0,1 m",Trùng,

            """
        let path = Fixture.write(bad, to: "huy.csv", in: dir)
        do {
            try store.importCSV(.weed, path: path, by: Fixture.who(), lang: .vi)
            Issue.record("a bad list was imported")
        } catch ImportError.badRows(_, let problems, _) {
            // line 3: no unit; line 4: unknown box; line 5: 0.1 + 0.1 > 0.15 left out (counting the rows before it)
            #expect(problems.map(\.line) == [3, 4, 5])
        }
        #expect(try store.weedItems().isEmpty)
        let good = """
            STT;Hộp số;Tên loại/nhóm tài liệu;Thời gian;Số lượng;Lý do hủy
            1;B017;Giấy mời họp;1995 - 1996;0,1 m;Hết giá trị
            2;B017;Bản nháp;1997;0,05 m (40 tờ);Bản nháp

            """
        let report = try store.importCSV(
            .weed, path: Fixture.write(good, to: "huy2.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 2 && report.metres == 0.15)
        #expect(try store.weedItems().map(\.startYear) == [1995, 1997])
        #expect(try store.check(now: Fixture.now).clean)
        let event = try #require(try store.events(LogFilter(kind: "import.weed"), lang: .vi).first)
        #expect(
            event.quantity.contains("0,15 m") && event.quantity.contains("2 nhóm tài liệu")
                || event.quantity.contains("2 groups"))
        try store.undo(eventId: event.id, by: Fixture.who())
        #expect(try store.weedItems().isEmpty)
    }

    @Test func theListForTheCouncilCarriesTheFormsColumnsTotalsAndSignatures() throws {
        let store = try arranging()
        _ = try weed(store, "0,1 m")
        _ = try weed(store, "0,05 m, 120 tờ", title: "Bản trùng")
        let list = try store.weedList(fonds: "UBND-SK1")
        #expect(list.count == 1 && list[0].rows.count == 2)
        let html = renderWeedListHTML(list, lang: .vi, generatedAt: "2026-11-27 10:00")
        for text in [
            "DANH MỤC TÀI LIỆU HẾT GIÁ TRỊ", "HỘI ĐỒNG XÁC ĐỊNH GIÁ TRỊ TÀI LIỆU", "UBND xã Sơn Kim 1", "STT",
            "Tên loại/nhóm tài liệu",
            "Thời gian", "Số lượng", "Lý do hủy", "Ghi chú", "1995–1996", "0,05 m (120 tờ)", "NGƯỜI LẬP DANH MỤC",
            "CHỦ TỊCH HỘI ĐỒNG",
            "Hộp B017", "Tổng cộng: 2 nhóm tài liệu",
        ] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.contains("data-value=\"0.15\" data-key=\"weed-total-m\""))
        // The CSV reads back as a list (into a catalogue where the box is arranged the same way)
        let csv = renderWeedListCSV(list, lang: .vi)
        let other = try arranging()
        let report = try other.importCSV(
            .weed, path: Fixture.write(csv, to: "list.csv", in: dir), by: Fixture.who(), lang: .vi)
        #expect(report.imported == 2)
        #expect(
            try other.weedItems().map(\.quantity) == [
                WeedQuantity(millimetres: 100), WeedQuantity(millimetres: 50, sheets: 120),
            ])
    }
}
