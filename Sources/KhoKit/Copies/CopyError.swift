import Foundation

/// What is wrong with a copy command: each case quotes what the person typed and says what to do.
public enum CopyError: KhoError, Equatable {
    case badName(String)
    case nameTaken(String)
    case unknownCopy(String, known: [String])
    case primaryFixed(String)
    case folderMissing(String)
    case notAFolder(String)
    case samePath(String, other: String)
    case insidePrimary(String)
    case emptyPlace
    case cannotMark(String, reason: String)
    case unknownPage(ref: String, page: String)
    case nothingToRepair(String)

    public var text: Text {
        switch self {
        case .badName(let name):
            Text(
                vi:
                    "tên bản lưu «\(name)» không dùng được: chỉ chữ, số, «-» và «_», không quá 40 ký tự (ví dụ usb-1, nas)",
                en:
                    "copy name “\(name)” cannot be used: letters, digits, “-” and “_” only, at most 40 (e.g. usb-1, nas)"
            )
        case .nameTaken(let name):
            Text(
                vi: "đã có bản lưu tên «\(name)»; chọn tên khác hoặc xem `kho copies list`",
                en: "there is already a copy named “\(name)”; choose another name or see `kho copies list`")
        case .unknownCopy(let name, let known):
            Text(
                vi: "không có bản lưu «\(name)»; các bản lưu: \(known.joined(separator: ", "))",
                en: "there is no copy “\(name)”; the copies are: \(known.joined(separator: ", "))")
        case .primaryFixed(let name):
            Text(
                vi:
                    "«\(name)» là bản chính (nơi quét): không bỏ đăng ký hay chép vào nó được; dùng `kho copies repair` để sửa tệp hỏng trên đó",
                en:
                    "“\(name)” is the primary (where operators scan): it cannot be removed or synced into; use `kho copies repair` for a damaged file on it"
            )
        case .folderMissing(let path):
            Text(
                vi: "không thấy thư mục \(path); hãy gắn ổ đĩa (USB, NAS) và tạo thư mục trước khi đăng ký",
                en:
                    "folder \(path) does not exist; mount the disk (USB, NAS) and create the folder before registering it"
            )
        case .notAFolder(let path):
            Text(vi: "\(path) không phải là thư mục", en: "\(path) is not a folder")
        case .samePath(let path, let other):
            Text(
                vi:
                    "thư mục \(path) trùng hoặc nằm trong/chứa bản lưu «\(other)»; mỗi bản lưu phải ở một thư mục riêng",
                en: "folder \(path) is, contains or lies inside copy “\(other)”; each copy needs a folder of its own")
        case .insidePrimary(let path):
            Text(
                vi:
                    "thư mục \(path) trùng, nằm trong hoặc chứa thư mục bản quét hoặc thư mục PDF của bản chính; chọn thư mục khác",
                en: "folder \(path) is, lies inside or holds the primary's scans or PDF folder; choose another folder")
        case .emptyPlace:
            Text(
                vi: "hãy ghi nơi cất bản lưu: --place \"tủ sắt phòng văn thư\"",
                en: "say where the copy is kept: --place \"safe in the records office\"")
        case .cannotMark(let path, let reason):
            Text(
                vi:
                    "không ghi được tệp đánh dấu \(SafeCopy.markerPath(path)): \(reason); kiểm tra quyền ghi trên ổ đĩa",
                en:
                    "cannot write the marker file \(SafeCopy.markerPath(path)): \(reason); check write permission on the disk"
            )
        case .unknownPage(let ref, let page):
            Text(
                vi: "hồ sơ \(ref) không có tệp bản quét «\(page)»; xem `kho scan show \(ref)`",
                en: "file \(ref) has no master “\(page)”; see `kho scan show \(ref)`")
        case .nothingToRepair(let ref):
            Text(
                vi: "hồ sơ \(ref) chưa có tệp bản quét hay bản PDF/A nào trong danh mục",
                en: "file \(ref) has no master or PDF/A copy in the catalogue")
        }
    }
}
