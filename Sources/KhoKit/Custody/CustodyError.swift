import Foundation

/// What can be wrong with taking records out of the store or bringing them back.
public enum CustodyError: KhoError, Equatable {
    /// `thing` is already out: who has it, since when, why, and the command that records its return.
    case alreadyOut(thing: String, holder: String, since: String, purpose: Text, returnWith: String)
    /// A file inside a box that is out: the whole box is with `holder`.
    case insideBoxOut(file: String, box: String, holder: String, since: String)
    /// A box to take out while some of its files are out on their own.
    case filesOut(box: String, files: String)
    /// `thing` is out, so it cannot be moved (or a file cannot be put into a box that is out).
    case cannotMoveWhileOut(thing: String, holder: String, since: String, returnWith: String)
    /// Weeding a box while it, or a file in it, is out of the store.
    case cannotWeedWhileOut(thing: String, holder: String, since: String, returnWith: String)
    /// `kho in` of something that is not out; `hint` says what is out instead, when something related is.
    case notOut(thing: String, hint: Hint?)
    case badPurpose(String)
    case badDue(String)
    /// A due day before ``WorkDates/earliestYear`` (the same floor as every work date).
    case dueTooEarly(due: String, year: Int)
    /// A due day before the day it was taken out.
    case dueBeforeOut(due: String, out: String)
    /// A return (`--at`) before the time it was taken out.
    case returnBeforeOut(thing: String, returned: String, out: String, earliest: String)

    /// What is out instead, when `kho in` names something that is not.
    public enum Hint: Sendable, Equatable {
        /// The file is out with its whole box.
        case withBox(box: String, holder: String)
        /// The box is in, but some of its files are out.
        case files(String)
    }

    /// `hộp H0012` / `box H0012`, `hồ sơ H0012/03` / `file H0012/03`.
    static func named(_ thing: String) -> Text {
        thing.contains("/")
            ? Text(vi: "hồ sơ \(thing)", en: "file \(thing)") : Text(vi: "hộp \(thing)", en: "box \(thing)")
    }

    public var text: Text {
        switch self {
        case .alreadyOut(let thing, let holder, let since, let purpose, let returnWith):
            Text(
                vi:
                    "\(Self.named(thing).vi) đang ở ngoài kho: \(holder) giữ từ \(DateFormat.dateTime(since, lang: .vi)) (\(purpose.vi)); khi nhận lại hãy ghi `\(returnWith)` trước khi giao tiếp",
                en:
                    "\(Self.named(thing).en) is already out: \(holder) has had it since \(since) (\(purpose.en)); record its return with `\(returnWith)` before handing it out again"
            )
        case .insideBoxOut(let file, let box, let holder, let since):
            Text(
                vi:
                    "hồ sơ \(file) nằm trong hộp \(box) đang ở ngoài kho (\(holder) giữ từ \(DateFormat.dateTime(since, lang: .vi))); hãy nhận lại cả hộp bằng `kho in \(box)` trước",
                en:
                    "file \(file) is in box \(box), which is out (\(holder) has had it since \(since)); record the box's return with `kho in \(box)` first"
            )
        case .filesOut(let box, let files):
            Text(
                vi:
                    "hộp \(box) còn hồ sơ đang ở ngoài kho: \(files); hãy ghi nhận lại các hồ sơ đó (`kho in HỘP/HỒSƠ`) trước khi giao cả hộp",
                en:
                    "box \(box) has files out: \(files); record their return (`kho in BOX/FILE`) before handing out the whole box"
            )
        case .cannotMoveWhileOut(let thing, let holder, let since, let returnWith):
            Text(
                vi:
                    "\(Self.named(thing).vi) đang ở ngoài kho: \(holder) giữ từ \(DateFormat.dateTime(since, lang: .vi)), nên không ghi chuyển được; khi nhận lại hãy ghi `\(returnWith)` trước, rồi chuyển",
                en:
                    "\(Self.named(thing).en) is out: \(holder) has had it since \(since), so it cannot be moved; when it comes back, record `\(returnWith)` first, then move it"
            )
        case .cannotWeedWhileOut(let thing, let holder, let since, let returnWith):
            Text(
                vi:
                    "\(Self.named(thing).vi) đang ở ngoài kho: \(holder) giữ từ \(DateFormat.dateTime(since, lang: .vi)), nên chưa ghi đề nghị hủy được; khi nhận lại hãy ghi `\(returnWith)` trước",
                en:
                    "\(Self.named(thing).en) is out: \(holder) has had it since \(since), so nothing in it can be proposed for destruction yet; when it comes back, record `\(returnWith)` first"
            )
        case .notOut(let thing, let hint):
            switch hint {
            case .withBox(let box, let holder)?:
                Text(
                    vi:
                        "\(Self.named(thing).vi) không được giao riêng: nó ra ngoài cùng hộp \(box) (\(holder) giữ); hãy nhận lại cả hộp bằng `kho in \(box)`",
                    en:
                        "\(Self.named(thing).en) was not taken out on its own: it is out with box \(box) (\(holder) has it); record the box's return with `kho in \(box)`"
                )
            case .files(let files)?:
                Text(
                    vi:
                        "\(Self.named(thing).vi) không ở ngoài kho, nhưng các hồ sơ sau của nó đang ở ngoài: \(files); ghi nhận từng hồ sơ bằng `kho in HỘP/HỒSƠ`",
                    en:
                        "\(Self.named(thing).en) is not out, but these of its files are: \(files); record each with `kho in BOX/FILE`"
                )
            case nil:
                Text(
                    vi:
                        "\(Self.named(thing).vi) không ở ngoài kho (không có lần giao ra nào chưa nhận lại); xem những gì đang ở ngoài bằng `kho out list`",
                    en:
                        "\(Self.named(thing).en) is not out (no hand-out waiting for its return); see what is out with `kho out list`"
                )
            }
        case .badPurpose(let text):
            Text(
                vi: "mục đích «\(Visible.escaped(text))» không có: dùng \(CustodyPurpose.choices(.vi))",
                en: "there is no purpose “\(Visible.escaped(text))”: use \(CustodyPurpose.choices(.en))")
        case .badDue(let text):
            Text(
                vi: "hạn trả «\(Visible.escaped(text))» không đọc được: viết YYYY-MM-DD, ví dụ 2026-12-15",
                en: "cannot read the due day “\(Visible.escaped(text))”: write YYYY-MM-DD, e.g. 2026-12-15")
        case .dueTooEarly(let due, let year):
            Text(
                vi: "hạn trả \(due) trước năm \(year), mốc sớm nhất kho nhận: hãy kiểm tra lại --due",
                en: "the due day \(due) is before \(year), the earliest year kho accepts: check --due")
        case .dueBeforeOut(let due, let out):
            Text(
                vi: "hạn trả \(due) sớm hơn ngày giao ra \(out); hãy cho một ngày từ \(out) trở về sau",
                en: "the due day \(due) is before the day it goes out, \(out); give \(out) or later")
        case .returnBeforeOut(let thing, let returned, let out, let earliest):
            Text(
                vi:
                    "\(Self.named(thing).vi): lúc nhận lại \(returned) sớm hơn lúc giao ra \(out); hãy cho --at từ \(earliest) trở về sau",
                en:
                    "\(Self.named(thing).en): the return \(returned) is earlier than the hand-out \(out); give an --at of \(earliest) or later"
            )
        }
    }
}
