import Foundation

/// What stops a scan ingest or verification as a whole (problems with single masters are findings instead).
public enum ScanError: KhoError, Equatable {
    case rootMissing(String)
    case unreadable(String, String)
    case unknownProfile(String)
    case badProfile(path: String, reason: Text)
    case noMasters(String)
    /// The folder to ingest is a registered copy's, lies inside one or holds one (`kho copies add`).
    case rootInCopy(String, copy: String)

    public var text: Text {
        switch self {
        case .rootMissing(let root):
            Text(
                vi: "không có thư mục bản quét \(root); bản quét đặt tại \(root)/<mã hộp>/<mã hồ sơ>/<trang>.tif",
                en: "there is no scans folder \(root); masters go in \(root)/<box code>/<file code>/<page>.tif")
        case .unreadable(let path, let reason):
            Text(vi: "không đọc được thư mục \(path): \(reason)", en: "cannot read folder \(path): \(reason)")
        case .unknownProfile(let name):
            Text(
                vi:
                    "không có chuẩn chất lượng «\(name)»: dùng vn-2025, nara-textual hoặc đường dẫn tới tệp chuẩn tự định nghĩa",
                en:
                    "there is no quality profile “\(name)”: use vn-2025, nara-textual or the path of a custom profile file"
            )
        case .badProfile(let path, let reason):
            Text(
                vi: "tệp chuẩn chất lượng \(path) có lỗi: \(reason.vi)",
                en: "quality profile file \(path) is not valid: \(reason.en)")
        case .noMasters(let ref):
            Text(
                vi: "hồ sơ \(ref) chưa có bản quét nào được nạp; chạy `kho scan ingest` trước",
                en: "file \(ref) has no ingested masters; run `kho scan ingest` first")
        case .rootInCopy(let root, let copy):
            Text(
                vi:
                    "không nạp từ \(root): thư mục này trùng, nằm trong hoặc chứa bản lưu «\(copy)», nơi kho chép bản quét đến (`kho copies sync`); hãy nạp từ thư mục quét của bản chính",
                en:
                    "will not ingest from \(root): it is, lies inside or holds the copy “\(copy)”, which kho fills with copies (`kho copies sync`); ingest from the primary's scans folder"
            )
        }
    }
}

/// Something found under the scans root that is not a master where one belongs; the ingest goes on.
public enum IngestFinding: Sendable, Hashable, Codable {
    case unknownFolder(box: String, file: String, masters: Int)
    case secretFile(ref: String, masters: Int)
    case symlink(path: String)
    case looseFile(path: String)
    case notTIFFName(path: String)
    case unreadableFolder(path: String)
    /// A name that is not valid UTF-8 (shown with its bad bytes as `\xFF`): it cannot be a code or a page name.
    case nameNotUTF8(path: String)
    /// A name spelt in another Unicode form (NFD) beside the same name in NFC: only the NFC one is ingested
    /// (`kept`), or neither when no spelling is NFC.
    case unicodeTwin(path: String, kept: Bool)

    /// The finding as a sentence.
    public var text: Text {
        switch self {
        case .unknownFolder(let box, let file, let n):
            Text(
                vi:
                    "thư mục \(box)/\(file) (\(n) tệp) không ứng với hồ sơ nào trong danh mục; thêm hồ sơ bằng `kho file add \(box)/\(file) --title …` hoặc đổi tên thư mục",
                en:
                    "folder \(box)/\(file) (\(n) files) names no catalogued file; add it with `kho file add \(box)/\(file) --title …` or rename the folder"
            )
        case .secretFile(let ref, let n):
            Text(
                vi:
                    "có \(n) bản quét cho hồ sơ mật \(ref): tài liệu mật không được số hóa; không nạp. Báo người phụ trách để xử lý các tệp này",
                en:
                    "\(n) masters found for secret file \(ref): secret records are never scanned; not ingested. Tell the person in charge"
            )
        case .symlink(let path):
            Text(
                vi: "\(path) là liên kết tượng trưng: không theo (bản quét phải nằm thật trong thư mục bản quét)",
                en: "\(path) is a symbolic link: not followed (masters must be inside the scans folder)")
        case .looseFile(let path):
            Text(
                vi: "\(path) không nằm đúng chỗ: bản quét phải ở <mã hộp>/<mã hồ sơ>/<trang>.tif",
                en: "\(path) is out of place: masters belong in <box code>/<file code>/<page>.tif")
        case .notTIFFName(let path):
            Text(vi: "\(path) không phải tệp .tif/.tiff: bỏ qua", en: "\(path) is not a .tif/.tiff file: skipped")
        case .unreadableFolder(let path):
            Text(vi: "không đọc được \(path)", en: "cannot read \(path)")
        case .nameNotUTF8(let path):
            Text(
                vi:
                    "\(path): tên không phải UTF-8 (thường do chép từ máy cũ hoặc ổ đĩa định dạng khác): không nạp; hãy đổi tên bằng chữ thường",
                en:
                    "\(path): the name is not UTF-8 (often copied from an old machine or a disk in another format): not ingested; rename it"
            )
        case .unicodeTwin(let path, let kept):
            kept
                ? Text(
                    vi:
                        "\(path) có hai tên trông giống nhau nhưng mã Unicode khác nhau (NFC và NFD, thường do chép từ máy Mac): chỉ nạp tên dạng NFC; hãy xóa hoặc đổi tên bản kia",
                    en:
                        "\(path) exists under two names that look the same but differ in Unicode (NFC and NFD, often copied from a Mac): only the NFC name is ingested; delete or rename the other"
                )
                : Text(
                    vi:
                        "\(path) có nhiều tên trông giống nhau nhưng mã Unicode khác nhau (không tên nào ở dạng NFC): không nạp tên nào; hãy đổi tên để chỉ còn một",
                    en:
                        "\(path) exists under several names that look the same but differ in Unicode (none in NFC): none is ingested; rename them so that one remains"
                )
        }
    }
}

extension IngestFinding {
    /// A master that passed its checks now has other content: the old SHA-256 stays the reference.
    static func changedAfterCheck(ref: String, old: String, new: String) -> Text {
        Text(
            vi:
                "nội dung tệp đã thay đổi sau khi kiểm tra (SHA-256 \(old.prefix(12))… → \(new.prefix(12))…): giữ mã cũ, hồ sơ cần xem lại; nếu là quét lại hoặc sửa chữa đúng thì chạy `kho scan accept \(ref) --reason rescan` (hoặc repair)",
            en:
                "content changed after it was checked (SHA-256 \(old.prefix(12))… → \(new.prefix(12))…): the old hash is kept and the file needs review; if this is a proper rescan or repair, run `kho scan accept \(ref) --reason rescan` (or repair)"
        )
    }

    /// The same image as another master.
    static func duplicate(of other: String) -> Text {
        Text(
            vi: "cùng ảnh với \(other) (SHA-256 trùng): kiểm tra xem có quét hoặc chép nhầm không",
            en: "same image as \(other) (identical SHA-256): check for a page scanned or copied twice")
    }
}
