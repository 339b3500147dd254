import Foundation

/// What can be wrong with recording arrangement, scanning or an undo.
public enum WorkError: KhoError, Equatable {
    case alreadyStarted(box: String, when: String, who: String)
    case alreadyFinished(box: String, when: String, who: String)
    case keptTooLarge(box: String, kept: Millimetres, extent: Millimetres)
    case badKept(String)
    /// Kept metres that leave less than the box's destruction list proposes: extent − kept < proposed.
    case keptLeavesNoRoom(box: String, kept: Millimetres, extent: Millimetres, proposed: Millimetres)
    /// A kept value other than zero that rounds to 0 mm, e.g. `0.0001`.
    case keptRoundsToZero(String)
    /// Kept metres given for a box whose arrangement is not finished.
    case keptNotArranged(box: String, state: Text)
    /// A finish earlier than the box's live start: the finish time, the start time, who started it and the start event.
    case finishBeforeStart(box: String, finish: String, start: String, who: String, event: Int64, earliest: String)
    case keptWithManyBoxes
    case secretFile(String)
    case secretAlreadyScanned(String, Text)
    case badPages(String)
    case alreadyRecorded(ref: String, when: String, who: String, event: Int64)
    case alreadyIngested(ref: String, state: Text)
    case unknownEvent(Int64)
    case notUndoable(id: Int64, kind: Text)
    case alreadyUndone(id: Int64, by: Int64)
    case laterEventFirst(id: Int64, later: Int64, kind: Text)
    case noBoxes

    /// A time `YYYY-MM-DD HH:MM` as the Vietnamese text shows it.
    private static func at(_ when: String) -> String { DateFormat.dateTime(when, lang: .vi) }

    public var text: Text {
        switch self {
        case .alreadyStarted(let box, let when, let who):
            Text(
                vi:
                    "hộp \(box) đã bắt đầu chỉnh lý lúc \(Self.at(when)) (\(who)); hoàn thành bằng `kho sort finish \(box)`",
                en: "box \(box) was already started on \(when) by \(who); finish it with `kho sort finish \(box)`")
        case .alreadyFinished(let box, let when, let who):
            Text(
                vi:
                    "hộp \(box) đã hoàn thành chỉnh lý lúc \(Self.at(when)) (\(who)); nếu ghi nhầm, hãy hoàn tác bằng `kho undo SỐ_SỰ_KIỆN` (xem `kho log --box \(box)`)",
                en:
                    "box \(box) was already finished on \(when) by \(who); if that was a mistake, undo it with `kho undo EVENT-ID` (see `kho log --box \(box)`)"
            )
        case .keptTooLarge(let box, let kept, let extent):
            Text(
                vi:
                    "số mét giữ lại \(kept.formatted(.vi)) m lớn hơn độ dài của hộp \(box) (\(extent.formatted(.vi)) m); giữ lại phải ≤ độ dài",
                en:
                    "kept \(kept.formatted(.en)) m is more than box \(box)'s extent (\(extent.formatted(.en)) m); kept must not exceed the extent"
            )
        case .keptLeavesNoRoom(let box, let kept, let extent, let proposed):
            Text(
                vi:
                    "hộp \(box): giữ lại \(kept.formatted(.vi)) m thì chỉ còn \(extent.formatted(.vi)) m − \(kept.formatted(.vi)) m loại ra, ít hơn \(proposed.formatted(.vi)) m đã đề nghị hủy (xem `kho weed list`); hãy sửa số mét giữ lại hoặc danh mục",
                en:
                    "box \(box): keeping \(kept.formatted(.en)) m leaves \(extent.formatted(.en)) m − \(kept.formatted(.en)) m left out, less than the \(proposed.formatted(.en)) m proposed for destruction (see `kho weed list`); correct the kept metres or the list"
            )
        case .badKept(let text):
            Text(
                vi: "số mét giữ lại «\(text)» không hợp lệ: cần số mét ≥ 0, ví dụ 0,1",
                en: "kept “\(text)” is not valid: give metres, 0 or more, e.g. 0.1")
        case .keptRoundsToZero(let text):
            Text(
                vi:
                    "số mét giữ lại «\(text)» làm tròn thành 0 mm (kho lưu số mét theo milimét): nếu không giữ lại gì hãy ghi 0, nếu không thì ghi ít nhất 0,001",
                en:
                    "kept “\(text)” rounds to 0 mm (kho stores metres as whole millimetres): give 0 if nothing was kept, else at least 0.001"
            )
        case .keptNotArranged(let box, let state):
            Text(
                vi:
                    "hộp \(box) chưa hoàn thành chỉnh lý (\(state.vi)) nên chưa có số mét giữ lại; ghi khi hoàn thành: `kho sort finish \(box) --kept MÉT`",
                en:
                    "box \(box) is not arranged yet (\(state.en)), so it has no kept metres; give them when it is finished: `kho sort finish \(box) --kept METRES`"
            )
        case .finishBeforeStart(let box, let finish, let start, let who, let event, let earliest):
            Text(
                vi:
                    "hộp \(box): lúc hoàn thành \(finish) sớm hơn lúc bắt đầu chỉnh lý \(start) (\(who), sự kiện \(event)); hãy cho --at từ \(earliest) trở về sau, hoặc nếu lúc bắt đầu ghi sai, hoàn tác bằng `kho undo \(event)` rồi ghi lại bằng `kho sort start \(box) --at …`",
                en:
                    "box \(box): the finish \(finish) is earlier than its start \(start) (by \(who), event \(event)); give an --at of \(earliest) or later, or if the start is wrong, `kho undo \(event)` and record it again with `kho sort start \(box) --at …`"
            )
        case .keptWithManyBoxes:
            Text(
                vi: "--kept chỉ dùng khi hoàn thành một hộp; hãy chạy riêng cho từng hộp",
                en: "--kept goes with a single box; finish the boxes one at a time")
        case .secretFile(let ref):
            Text(
                vi:
                    "hồ sơ \(ref) là tài liệu mật: không bao giờ được số hóa; nếu đã giải mật, sửa bằng `kho file edit \(ref) --access open`",
                en:
                    "file \(ref) is secret and is never scanned; if it has been declassified, change it with `kho file edit \(ref) --access open`"
            )
        case .secretAlreadyScanned(let ref, let state):
            Text(
                vi:
                    "hồ sơ \(ref) đã được số hóa (\(state.vi)) nên không thể đánh dấu mật; hãy báo người phụ trách để xử lý bản số hóa trước",
                en:
                    "file \(ref) has already been scanned (\(state.en)), so it cannot be marked secret; have the scans dealt with first"
            )
        case .badPages(let text):
            Text(
                vi: "số trang «\(text)» không hợp lệ: cần số nguyên dương",
                en: "pages “\(text)” is not valid: give a positive whole number")
        case .alreadyRecorded(let ref, let when, let who, let event):
            Text(
                vi:
                    "hồ sơ \(ref) đã được ghi nhận số hóa lúc \(Self.at(when)) (\(who)); để sửa, hoàn tác bằng `kho undo \(event)` rồi ghi lại",
                en:
                    "file \(ref) was already recorded as scanned on \(when) by \(who); to correct it, `kho undo \(event)` and record again"
            )
        case .alreadyIngested(let ref, let state):
            Text(
                vi: "hồ sơ \(ref) đã có bản quét được nạp (\(state.vi)); ghi nhận bằng tay không còn tác dụng",
                en: "file \(ref) already has ingested masters (\(state.en)); a hand record would not count")
        case .unknownEvent(let id):
            Text(vi: "không có sự kiện số \(id); xem `kho log`", en: "there is no event \(id); see `kho log`")
        case .notUndoable(let id, let kind):
            Text(
                vi:
                    "sự kiện \(id) (\(kind.vi)) không hoàn tác được; chỉ hoàn tác được chỉnh lý, ghi nhận số hóa, sửa, chuyển, đổi mã và xóa hộp/hồ sơ/phông, lần nhập hộp/hồ sơ và các bước của danh mục tài liệu hết giá trị. Hãy sửa bằng lệnh edit",
                en:
                    "event \(id) (\(kind.en)) cannot be undone; only arrangement, scan records, edits, moves, renames and deletes of boxes, files and fonds, imports of boxes and files, and steps of the destruction list can. Correct it with an edit command"
            )
        case .alreadyUndone(let id, let by):
            Text(
                vi: "sự kiện \(id) đã được hoàn tác bởi sự kiện \(by)",
                en: "event \(id) was already undone by event \(by)")
        case .laterEventFirst(let id, let later, let kind):
            Text(
                vi:
                    "sau sự kiện \(id) còn sự kiện \(later) (\(kind.vi)) trên cùng hộp/hồ sơ; hãy hoàn tác \(later) trước",
                en: "event \(later) (\(kind.en)) came after event \(id) on the same box or file; undo \(later) first")
        case .noBoxes:
            Text(vi: "hãy cho ít nhất một mã hộp", en: "give at least one box code")
        }
    }
}
