import ArgumentParser
import KhoKit

struct WeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weed",
        abstract: Text(
            vi: "Danh mục tài liệu hết giá trị: đề nghị hủy khi chỉnh lý, Hội đồng duyệt, hủy.",
            en:
                "The destruction list: records proposed for destruction during arrangement, the council's approval, destruction."
        )(),
        discussion: Text(
            vi: """
                Số mét đề nghị hủy của một hộp phải bằng số mét chỉnh lý đã loại ra (độ dài − giữ lại, `kho sort finish --kept`);
                `kho check` chỉ ra hộp nào chưa khớp. In danh mục để trình Hội đồng: `kho export weed-list --format html`.
                """,
            en: """
                The metres proposed for a box must add up to what its arrangement left out (extent − kept, `kho sort finish --kept`);
                `kho check` says which boxes do not. Print the list for the council: `kho export weed-list --format html`.
                """)(),
        subcommands: [Add.self, List.self, Approve.self, Destroyed.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: Text(
                vi: "Ghi một nhóm tài liệu đề nghị hủy, loại ra khi chỉnh lý một hộp.",
                en: "Record a group of records proposed for destruction from a box being arranged.")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho weed add B017 --title \"Giấy mời họp thôn\" --years 1995-1996 --quantity \"0,15 m\" --reason \"Hết thời hạn bảo quản\" --by Thu",
                en:
                    "Example: kho weed add B017 --title \"Meeting invitations\" --years 1995-1996 --quantity \"0.15 m\" --reason \"Retention expired\" --by Thu"
            )())
        @Argument(
            help: ArgumentHelp(
                Text(vi: "Mã hộp/bó khi tiếp nhận.", en: "The box or bundle as received.")(),
                valueName: Placeholder.box()))
        var box: String
        @Option(
            help: Placeholder.name.on(
                ArgumentHelp(Text(vi: "Tên loại/nhóm tài liệu.", en: "The type or group of records.")())))
        var title: String
        @Option(
            help: ArgumentHelp(
                Text(
                    vi: "Thời gian tài liệu: năm hoặc khoảng năm, ví dụ 1995-1996.",
                    en: "Dates: a year or a range, e.g. 1995-1996.")(), valueName: Placeholder.fromTo()))
        var years: String?
        @Option(
            help: Placeholder.quantity.on(
                ArgumentHelp(
                    Text(
                        vi: "Số lượng: «0,15 m» (mét giá) hoặc «120 tờ», hoặc cả hai.",
                        en: "Quantity: \"0.15 m\" (linear metres) or \"120 sheets\", or both.")())))
        var quantity: String
        @Option(
            help: Placeholder.reason.on(
                ArgumentHelp(
                    Text(
                        vi: "Lý do hủy, ví dụ «Trùng thừa», «Hết thời hạn bảo quản».",
                        en: "Why it may be destroyed, e.g. \"Duplicate\", \"Retention expired\".")())))
        var reason: String
        @Option(help: Placeholder.note.on(ArgumentHelp(Text(vi: "Ghi chú.", en: "Notes.")())))
        var notes: String?
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let store = try global.openForWriting()
            let item = try store.addWeed(
                WeedDraft(box: box, title: title, years: years, quantity: quantity, reason: reason, notes: notes),
                by: try who.attribution())
            if global.json { return try Printer.json(item) }
            Printer.done(
                Text(
                    vi: "Đã ghi đề nghị hủy «\(item.title)» (\(item.quantity.formatted(.vi))) từ hộp \(item.box)",
                    en:
                        "Proposed for destruction: “\(item.title)” (\(item.quantity.formatted(.en))) from box \(item.box)"
                ), event: item.event)
            if let balance = try store.weedBalances(fonds: item.fonds).first(where: { $0.box == item.box }) {
                Printer.line(WeedCommand.balanceLine(balance))
            }
        }
    }

    /// "Hộp B017: đề nghị hủy 0,1 m; chỉnh lý loại ra 0,15 m: còn thiếu 0,05 m".
    static func balanceLine(_ b: WeedBalance) -> String {
        let proposed = Millimetres(b.proposedMM).formatted()
        guard let leftOut = b.leftOutMM else {
            return Text(
                vi:
                    "Hộp \(b.box): đã đề nghị hủy \(proposed) m; hộp chưa hoàn thành chỉnh lý nên chưa biết số mét loại ra",
                en:
                    "Box \(b.box): \(proposed) m proposed; the box is not arranged yet, so what it leaves out is not known"
            )()
        }
        let out = Millimetres(leftOut).formatted()
        if b.balanced {
            return Text(
                vi: "Hộp \(b.box): đề nghị hủy \(proposed) m, bằng số mét chỉnh lý loại ra",
                en: "Box \(b.box): \(proposed) m proposed, what arrangement left out")()
        }
        let gap = Millimetres(abs(leftOut - b.proposedMM)).formatted()
        return b.proposedMM < leftOut
            ? Text(
                vi: "Hộp \(b.box): đề nghị hủy \(proposed) m; chỉnh lý loại ra \(out) m: còn thiếu \(gap) m",
                en: "Box \(b.box): \(proposed) m proposed; arrangement left out \(out) m: \(gap) m still to list")()
            : Text(
                vi: "Hộp \(b.box): đề nghị hủy \(proposed) m, nhiều hơn \(out) m chỉnh lý loại ra (thừa \(gap) m)",
                en:
                    "Box \(b.box): \(proposed) m proposed, more than the \(out) m arrangement left out (\(gap) m too many)"
            )()
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: Text(
                vi: "Liệt kê danh mục tài liệu hết giá trị và số mét từng hộp.",
                en: "List the destruction list and each box's metres.")())
        @Option(help: Placeholder.fonds.on(ArgumentHelp(Text(vi: "Chỉ phông này.", en: "Only this fonds.")())))
        var fonds: String?
        @Option(help: Placeholder.box.on(ArgumentHelp(Text(vi: "Chỉ hộp này.", en: "Only this box.")())))
        var box: String?
        @Option(
            help: Placeholder.stage.on(
                ArgumentHelp(
                    Text(vi: "Chỉ bước này: \(WeedStage.keys).", en: "Only this stage: \(WeedStage.keys).")())))
        var stage: String?
        @OptionGroup var global: GlobalOptions

        struct Listed: Encodable {
            var items: [WeedItemView]
            var balances: [WeedBalance]
        }

        func run() throws {
            let store = try global.openForReading()
            let items = try store.weedItems(WeedFilter(fonds: fonds, box: box, stage: stage))
            var balances = try store.weedBalances(fonds: fonds)
            if let box { balances = balances.filter { $0.box == box } }
            if global.json { return try Printer.json(Listed(items: items, balances: balances)) }
            Printer.table(
                [
                    "#", Text(vi: "Hộp", en: "Box")(), Text(vi: "Tên loại/nhóm tài liệu", en: "Records")(),
                    Text(vi: "Thời gian", en: "Dates")(),
                    Text(vi: "Số lượng", en: "Quantity")(), Text(vi: "Lý do hủy", en: "Reason")(),
                    Text(vi: "Bước", en: "Stage")(),
                ],
                items.map { i in
                    let stage = i.stage.label() + (i.record.map { ": \($0)" } ?? i.decision.map { ": \($0)" } ?? "")
                    return [
                        String(i.id), i.box, i.title, Format.years(i.startYear, i.endYear), i.quantity.formatted(),
                        i.reason, stage,
                    ]
                },
                right: [0])
            Printer.line()
            for balance in balances { Printer.line(WeedCommand.balanceLine(balance)) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: Text(
                vi:
                    "Ghi quyết định của Hội đồng xác định giá trị tài liệu duyệt hủy các tài liệu đang chờ của một phông.",
                en: "Record the appraisal council's decision approving the destruction of a fonds' waiting records.")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho weed approve --fonds UBND-SK1 --decision \"QĐ số 12/QĐ-UBND\" --date 2026-12-15 --by Thu",
                en:
                    "Example: kho weed approve --fonds UBND-SK1 --decision \"Decision 12/QĐ-UBND\" --date 2026-12-15 --by Thu"
            )())
        @Option(
            help: Placeholder.fonds.on(
                ArgumentHelp(
                    Text(
                        vi: "Phông (không cần nếu chỉ một phông có tài liệu chờ duyệt).",
                        en: "The fonds (not needed when only one has records waiting).")())))
        var fonds: String?
        @Option(
            help: Placeholder.decision.on(
                ArgumentHelp(Text(vi: "Số, ký hiệu quyết định.", en: "The decision's number.")())))
        var decision: String
        @Option(
            help: ArgumentHelp(Text(vi: "Ngày quyết định.", en: "The decision's date.")(), valueName: Placeholder.day())
        )
        var date: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let r = try global.openForWriting().approveWeeds(
                fonds: fonds, decision: decision, day: date, by: try who.attribution())
            if global.json { return try Printer.json(r) }
            let q = r.quantity
            Printer.done(
                Text(
                    vi:
                        "Phông \(r.fonds): Hội đồng duyệt hủy \(r.items) nhóm tài liệu (\(q.formatted(.vi))) theo \(r.reference) ngày \(DateFormat.day(r.day))",
                    en:
                        "Fonds \(r.fonds): the council approved destroying \(r.items) groups of records (\(q.formatted(.en))) by \(r.reference) of \(r.day)"
                ), event: r.event)
        }
    }

    struct Destroyed: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "destroyed",
            abstract: Text(
                vi: "Ghi việc hủy các tài liệu đã được duyệt của một phông, theo biên bản hủy.",
                en: "Record that a fonds' approved records were destroyed, with the destruction record.")(),
            discussion: Text(
                vi:
                    "Ví dụ: kho weed destroyed --fonds UBND-SK1 --record \"Biên bản hủy số 03/BB\" --date 2026-12-20 --by Thu",
                en: "Example: kho weed destroyed --fonds UBND-SK1 --record \"Record 03/BB\" --date 2026-12-20 --by Thu")()
        )
        @Option(
            help: Placeholder.fonds.on(
                ArgumentHelp(
                    Text(
                        vi: "Phông (không cần nếu chỉ một phông có tài liệu đã duyệt).",
                        en: "The fonds (not needed when only one has approved records).")())))
        var fonds: String?
        @Option(
            help: Placeholder.record.on(
                ArgumentHelp(Text(vi: "Số biên bản hủy tài liệu.", en: "The destruction record's number.")())))
        var record: String
        @Option(
            help: ArgumentHelp(Text(vi: "Ngày hủy.", en: "The day of destruction.")(), valueName: Placeholder.day()))
        var date: String
        @OptionGroup var who: WhoOptions
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let r = try global.openForWriting().recordDestruction(
                fonds: fonds, record: record, day: date, by: try who.attribution())
            if global.json { return try Printer.json(r) }
            let q = r.quantity
            Printer.done(
                Text(
                    vi:
                        "Phông \(r.fonds): đã hủy \(r.items) nhóm tài liệu (\(q.formatted(.vi))) theo \(r.reference) ngày \(DateFormat.day(r.day))",
                    en:
                        "Fonds \(r.fonds): \(r.items) groups of records (\(q.formatted(.en))) destroyed under \(r.reference) of \(r.day)"
                ), event: r.event)
        }
    }
}
