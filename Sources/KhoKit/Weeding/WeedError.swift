import Foundation

/// What can be wrong with the destruction list (*danh mục tài liệu hết giá trị*), the council's decision or the
/// destruction record.
public enum WeedError: KhoError, Equatable {
    case badQuantity(String)
    case quantityNeedsUnit(String)
    case quantityTooLarge(String)
    case quantityRoundsToZero(String)
    case emptyField(Field)
    /// A box made by arranging another box: its weeding belongs to the box as received.
    case madeByArrangement(box: String, from: String)
    /// A box whose arrangement has not started: weeding happens during arrangement.
    case notInArrangement(box: String)
    /// The metres proposed for an arranged box would exceed what its arrangement left out (all in millimetres).
    case moreThanLeftOut(box: String, proposedMM: Int64, addingMM: Int64, extentMM: Int64, keptMM: Int64)
    /// The metres proposed for a box being arranged would exceed its extent (all in millimetres).
    case moreThanExtent(box: String, proposedMM: Int64, addingMM: Int64, extentMM: Int64)
    /// Approved on a day before an item of the list was proposed.
    case approvedBeforeProposed(day: String, proposedDay: String, box: String)
    /// Items of several fonds wait for the step: say which fonds.
    case manyFonds(step: Step, fonds: [String])
    case nothingWaiting(step: Step, fonds: String?)
    /// A box in the scope whose list does not add up, or whose arrangement is not finished.
    case unbalanced(box: String, proposedMM: Int64, leftOutMM: Int64?)
    case badDay(String)
    case futureDay(String)
    /// Destroyed before the council approved it.
    case destroyedBeforeApproval(day: String, approvalDay: String, decision: String)
    /// The item (or an item of the import) was already approved: undo the approval first.
    case alreadyApproved(item: Int64, decision: String, event: Int64)
    /// Items of the approval were destroyed since: undo that first.
    case alreadyDestroyed(record: String, event: Int64)

    /// Which field of an item is empty.
    public enum Field: Sendable, Equatable {
        case title, reason, decision, record
    }

    /// The council's step a command records.
    public enum Step: Sendable, Equatable {
        case approve, destroy
    }

    public var text: Text {
        func m(_ mm: Int64) -> Text {
            Text(vi: Millimetres(mm).formatted(.vi) + " m", en: Millimetres(mm).formatted(.en) + " m")
        }
        switch self {
        case .badQuantity(let s):
            return Text(
                vi:
                    "số lượng «\(Visible.escaped(s))» không đọc được: ghi số mét giá (ví dụ «0,15 m») hoặc số tờ («120 tờ»), hoặc cả hai («0,02 m, 120 tờ»)",
                en:
                    "quantity “\(Visible.escaped(s))” cannot be read: give linear metres (e.g. “0.15 m”) or sheets (“120 sheets”), or both (“0.02 m, 120 sheets”)"
            )
        case .quantityNeedsUnit(let s):
            return Text(
                vi:
                    "số lượng «\(Visible.escaped(s))» thiếu đơn vị: ghi «\(Visible.escaped(s)) m» (mét giá) hoặc «\(Visible.escaped(s)) tờ»",
                en:
                    "quantity “\(Visible.escaped(s))” has no unit: write “\(Visible.escaped(s)) m” (linear metres) or “\(Visible.escaped(s)) sheets”"
            )
        case .quantityTooLarge(let s):
            return Text(
                vi:
                    "số lượng «\(Visible.escaped(s))» quá lớn: một nhóm tài liệu trong một hộp tối đa 10 m và 100.000 tờ",
                en:
                    "quantity “\(Visible.escaped(s))” is too large: one group of records in a box is at most 10 m and 100,000 sheets"
            )
        case .quantityRoundsToZero(let s):
            return Text(
                vi:
                    "số lượng «\(Visible.escaped(s))» làm tròn thành 0 mm (kho lưu số mét theo milimét): ghi ít nhất 0,001 m, hoặc ghi số tờ",
                en:
                    "quantity “\(Visible.escaped(s))” rounds to 0 mm (kho keeps metres as whole millimetres): give at least 0.001 m, or give sheets"
            )
        case .emptyField(let field):
            switch field {
            case .title:
                return Text(
                    vi: "tên loại/nhóm tài liệu không được để trống (--title)",
                    en: "the title of the group of records must not be empty (--title)")
            case .reason:
                return Text(
                    vi: "lý do hủy không được để trống (--reason), ví dụ «trùng thừa», «hết thời hạn bảo quản»",
                    en: "the reason for destruction must not be empty (--reason), e.g. “duplicate”, “retention expired”"
                )
            case .decision:
                return Text(
                    vi: "số và ngày quyết định của Hội đồng không được để trống (--decision)",
                    en: "the council's decision must not be empty (--decision)")
            case .record:
                return Text(
                    vi: "số biên bản hủy tài liệu không được để trống (--record)",
                    en: "the destruction record must not be empty (--record)")
            }
        case .madeByArrangement(let box, let from):
            return Text(
                vi:
                    "hộp \(box) được tạo ra khi chỉnh lý hộp/bó \(from) nên giữ lại toàn bộ; tài liệu đề nghị hủy được ghi vào hộp/bó gốc: `kho weed add \(from) …`",
                en:
                    "box \(box) was made by arranging \(from), so it keeps all it holds; record what is proposed for destruction against the box as received: `kho weed add \(from) …`"
            )
        case .notInArrangement(let box):
            return Text(
                vi:
                    "hộp \(box) chưa bắt đầu chỉnh lý; loại tài liệu hết giá trị là một bước của chỉnh lý: ghi `kho sort start \(box)` trước",
                en:
                    "box \(box) is not being arranged; weeding is a step of arrangement: record `kho sort start \(box)` first"
            )
        case .moreThanLeftOut(let box, let proposed, let adding, let extent, let kept):
            let total = proposed + adding
            return Text(
                vi:
                    "hộp \(box): đã đề nghị hủy \(m(proposed).vi), thêm \(m(adding).vi) thành \(m(total).vi), nhiều hơn \(m(extent - kept).vi) chỉnh lý đã loại ra (độ dài \(m(extent).vi) − giữ lại \(m(kept).vi)). Hãy sửa số lượng; nếu số mét giữ lại ghi sai thì sửa bằng `kho box edit \(box) --kept MÉT`",
                en:
                    "box \(box): \(m(proposed).en) is already proposed; adding \(m(adding).en) makes \(m(total).en), more than the \(m(extent - kept).en) its arrangement left out (extent \(m(extent).en) − kept \(m(kept).en)). Correct the quantity; if the kept metres are wrong, change them with `kho box edit \(box) --kept METRES`"
            )
        case .moreThanExtent(let box, let proposed, let adding, let extent):
            let total = proposed + adding
            return Text(
                vi:
                    "hộp \(box): đã đề nghị hủy \(m(proposed).vi), thêm \(m(adding).vi) thành \(m(total).vi), nhiều hơn độ dài của hộp (\(m(extent).vi)). Hãy sửa số lượng",
                en:
                    "box \(box): \(m(proposed).en) is already proposed; adding \(m(adding).en) makes \(m(total).en), more than the box's extent (\(m(extent).en)). Correct the quantity"
            )
        case .approvedBeforeProposed(let day, let proposedDay, let box):
            return Text(
                vi:
                    "ngày duyệt \(day) sớm hơn ngày đề nghị hủy \(proposedDay) của một mục trong hộp \(box); Hội đồng chỉ duyệt danh mục đã lập, hãy kiểm tra lại --date",
                en:
                    "the approval on \(day) is earlier than the proposal on \(proposedDay) of an item of box \(box); the council approves a list that exists, check --date"
            )
        case .manyFonds(let step, let fonds):
            let what =
                step == .approve
                ? Text(vi: "chờ Hội đồng duyệt", en: "waiting for the council")
                : Text(vi: "đã duyệt, chờ hủy", en: "approved and waiting for destruction")
            return Text(
                vi:
                    "có tài liệu \(what.vi) của nhiều phông (\(fonds.joined(separator: ", "))); mỗi quyết định thuộc một phông: hãy cho --fonds MÃ",
                en:
                    "records \(what.en) belong to several fonds (\(fonds.joined(separator: ", "))); each decision is for one fonds: give --fonds CODE"
            )
        case .nothingWaiting(let step, let fonds):
            let scopeVI = fonds.map { " của phông \($0)" } ?? ""
            let scopeEN = fonds.map { " of fonds \($0)" } ?? ""
            switch step {
            case .approve:
                return Text(
                    vi:
                        "không có tài liệu nào\(scopeVI) đang chờ Hội đồng duyệt; ghi danh mục bằng `kho weed add` hoặc `kho import weed`",
                    en:
                        "no records\(scopeEN) are waiting for the council; list them with `kho weed add` or `kho import weed`"
                )
            case .destroy:
                return Text(
                    vi:
                        "không có tài liệu nào\(scopeVI) đã được duyệt mà chưa hủy; ghi quyết định bằng `kho weed approve` trước",
                    en:
                        "no records\(scopeEN) are approved and not yet destroyed; record the decision with `kho weed approve` first"
                )
            }
        case .unbalanced(let box, let proposed, let leftOut):
            guard let leftOut else {
                return Text(
                    vi:
                        "hộp \(box) chưa hoàn thành chỉnh lý nên chưa biết số mét loại ra; hoàn thành (`kho sort finish \(box) --kept MÉT`) rồi mới trình Hội đồng",
                    en:
                        "box \(box) is not arranged yet, so what it leaves out is not known; finish it (`kho sort finish \(box) --kept METRES`) before the council reviews the list"
                )
            }
            return Text(
                vi:
                    "hộp \(box): danh mục đề nghị hủy \(m(proposed).vi) nhưng chỉnh lý loại ra \(m(leftOut).vi); sửa cho khớp trước khi trình Hội đồng (xem `kho check`)",
                en:
                    "box \(box): the list proposes \(m(proposed).en) but arrangement left out \(m(leftOut).en); make them agree before the council reviews it (see `kho check`)"
            )
        case .badDay(let s):
            return Text(
                vi: "ngày «\(Visible.escaped(s))» không đọc được: viết YYYY-MM-DD, ví dụ 2026-12-15",
                en: "cannot read day “\(Visible.escaped(s))”: write YYYY-MM-DD, e.g. 2026-12-15")
        case .futureDay(let s):
            return Text(
                vi: "ngày \(s) ở tương lai: chỉ ghi quyết định và việc hủy đã có",
                en: "day \(s) is in the future: record decisions and destructions that happened")
        case .destroyedBeforeApproval(let day, let approvalDay, let decision):
            return Text(
                vi: "ngày hủy \(day) sớm hơn ngày Hội đồng duyệt \(approvalDay) (\(decision)); kiểm tra lại ngày",
                en:
                    "the destruction on \(day) is earlier than the council's approval on \(approvalDay) (\(decision)); check the day"
            )
        case .alreadyApproved(let item, let decision, let event):
            return Text(
                vi:
                    "mục \(item) của danh mục đã được Hội đồng duyệt (\(decision), sự kiện \(event)); hãy hoàn tác việc duyệt trước (`kho undo \(event)`)",
                en:
                    "item \(item) of the list was approved by the council (\(decision), event \(event)); undo the approval first (`kho undo \(event)`)"
            )
        case .alreadyDestroyed(let record, let event):
            return Text(
                vi:
                    "tài liệu của quyết định này đã được ghi là đã hủy (\(record), sự kiện \(event)); hãy hoàn tác việc đó trước (`kho undo \(event)`)",
                en:
                    "records of this decision are recorded as destroyed (\(record), event \(event)); undo that first (`kho undo \(event)`)"
            )
        }
    }
}
