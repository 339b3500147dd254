import Foundation

/// Why a rename, a delete or the undo of an import or a correction is refused; each message says what to do.
public enum CorrectionError: KhoError, Equatable {
    /// Something happened to the fonds, box or file (`thing` is e.g. "hộp H0012"), so it is no longer a mistake to delete.
    case notUntouched(thing: CatalogueError.Thing, code: String, happened: Text)
    /// A file (of the box or fonds) has a delivered PDF/A copy under its archival code.
    case deliveredCopy(thing: CatalogueError.Thing, code: String, file: String, archiveId: String)
    /// A file (of the box) has masters on record in a folder named by its codes.
    case mastersInFolder(thing: CatalogueError.Thing, code: String, file: String, masters: Int, folder: String)
    /// The new code is the same as the old one.
    case sameCode(thing: CatalogueError.Thing, code: String)
    /// A row of an import was touched after it: the row and what happened.
    case importTouched(event: Int64, row: Text, happened: Text)
    /// A row of an import was deleted since (by `by`): undo that first.
    case importRowDeleted(event: Int64, row: String, by: Int64)
    /// An import recorded before kho kept which rows each import added.
    case importUntracked(event: Int64, count: Int)
    /// A deleted row cannot come back: its code is taken again, or what it belonged to is gone.
    case cannotRestore(thing: CatalogueError.Thing, code: String, reason: Text)

    public var text: Text {
        switch self {
        case .notUntouched(let thing, let code, let happened):
            return Text(
                vi:
                    "không xóa được \(thing.text.vi) \(code): đã có việc làm trên nó — \(happened.vi). Chỉ xóa được \(thing.text.vi) đăng ký nhầm mà chưa có việc gì; nếu chỉ sai mã hay mô tả, hãy đổi mã (`kho \(Self.command(thing)) rename`) hoặc sửa (`kho \(Self.command(thing)) edit`); nếu việc đó ghi nhầm, hoàn tác nó trước bằng `kho undo SỐ_SỰ_KIỆN`",
                en:
                    "cannot delete \(thing.text.en) \(code): something has happened to it — \(happened.en). Only a \(thing.text.en) registered by mistake with nothing done to it can be deleted; if only its code or description is wrong, rename it (`kho \(Self.command(thing)) rename`) or edit it (`kho \(Self.command(thing)) edit`); if that work was recorded by mistake, undo it first with `kho undo EVENT-ID`"
            )
        case .deliveredCopy(let thing, let code, let file, let archiveId):
            return Text(
                vi:
                    "không đổi mã \(thing.text.vi) \(code) được: hồ sơ \(file) đã bàn giao bản PDF/A mang mã hồ sơ \(archiveId), trong đó có ghi phông, hộp và số hồ sơ; mã đã bàn giao không đổi. Hãy giữ mã cũ và ghi mã đúng vào ghi chú (`kho \(Self.command(thing)) edit … --notes`)",
                en:
                    "cannot rename \(thing.text.en) \(code): file \(file) has a delivered PDF/A copy under archival code \(archiveId), which records its fonds, box and file; delivered codes do not change. Keep the code and put the right one in the notes (`kho \(Self.command(thing)) edit … --notes`)"
            )
        case .mastersInFolder(let thing, let code, let file, let masters, let folder):
            return Text(
                vi:
                    "không đổi mã \(thing.text.vi) \(code) được: hồ sơ \(file) có \(masters) bản quét đã nạp trong thư mục \(folder), đặt tên theo mã hộp/hồ sơ; đổi mã thì bản quét bị tách khỏi hồ sơ. Hãy giữ mã cũ (ghi mã đúng vào ghi chú)",
                en:
                    "cannot rename \(thing.text.en) \(code): file \(file) has \(masters) masters on record in folder \(folder), named by the box and file codes; renaming would part them from the file. Keep the code (put the right one in the notes)"
            )
        case .sameCode(let thing, let code):
            return Text(
                vi: "mã mới của \(thing.text.vi) giống mã cũ (\(code)): không có gì để đổi",
                en: "the new \(thing.text.en) code is the old one (\(code)): nothing to change")
        case .importTouched(let event, let row, let happened):
            return Text(
                vi:
                    "không hoàn tác được lần nhập (sự kiện \(event)): \(row.vi) đã có việc làm sau khi nhập — \(happened.vi). Chỉ hoàn tác được lần nhập mà chưa dòng nào bị động tới; hãy hoàn tác việc đó trước, hoặc sửa/xóa từng dòng (`kho box delete`, `kho file delete`)",
                en:
                    "cannot undo the import (event \(event)): \(row.en) was touched after it — \(happened.en). Only an import none of whose rows was touched can be undone; undo that first, or correct or delete rows one by one (`kho box delete`, `kho file delete`)"
            )
        case .importRowDeleted(let event, let row, let by):
            return Text(
                vi:
                    "không hoàn tác được lần nhập (sự kiện \(event)): \(row) đã bị xóa sau đó (sự kiện \(by)); hãy hoàn tác việc xóa trước (`kho undo \(by)`) rồi hoàn tác lần nhập",
                en:
                    "cannot undo the import (event \(event)): \(row) was deleted after it (event \(by)); undo the delete first (`kho undo \(by)`), then the import"
            )
        case .importUntracked(let event, let count):
            return Text(
                vi:
                    "không hoàn tác được lần nhập (sự kiện \(event), \(count) dòng): lần nhập này ghi trước khi kho lưu dòng nào do lần nhập nào thêm vào. Hãy xóa từng dòng nhập nhầm (`kho box delete`, `kho file delete`)",
                en:
                    "cannot undo the import (event \(event), \(count) rows): it was recorded before kho kept which rows each import added. Delete the rows imported by mistake one by one (`kho box delete`, `kho file delete`)"
            )
        case .cannotRestore(let thing, let code, let reason):
            return Text(
                vi: "không khôi phục được \(thing.text.vi) \(code): \(reason.vi)",
                en: "cannot bring back \(thing.text.en) \(code): \(reason.en)")
        }
    }

    private static func command(_ thing: CatalogueError.Thing) -> String {
        switch thing {
        case .fonds: "fonds"
        case .box: "box"
        case .file: "file"
        }
    }
}
