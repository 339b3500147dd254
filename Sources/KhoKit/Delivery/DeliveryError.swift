import Foundation

/// What can stop work on the legal digital copies (PDF/A): missing tools, settings, the folder.
public enum DeliveryError: KhoError, Equatable {
    /// The Debian packages that hold the missing tools (`ocrmypdf`, `tesseract-ocr-vie`, `poppler-utils`).
    case toolsMissing(packages: [String])
    /// Another `kho pdf build` holds the folder.
    case busy(folder: String)
    /// A setting value that is not allowed.
    case badSetting(name: String, value: String, allowed: Text)
    /// The folder for the copies cannot be made or written.
    case folder(path: String, reason: Text)
    /// An in-memory catalogue has no folder beside it: the copies' folder must be given.
    case noFolder
    /// `--folder` names something that is not a folder for the copies: the catalogue, a file, a device.
    case notAFolder(path: String, reason: Text)

    public var text: Text {
        switch self {
        case .toolsMissing(let packages):
            let list = packages.joined(separator: " ")
            return Text(
                vi: "cần cài các gói Debian \(list) để làm bản PDF/A: sudo apt-get install \(list)",
                en: "the PDF/A copies need the Debian packages \(list): sudo apt-get install \(list)")
        case .busy(let folder):
            return Text(
                vi: "một lệnh kho pdf build khác đang chạy trên thư mục \(folder); đợi nó xong rồi chạy lại",
                en: "another kho pdf build is running on the folder \(folder); wait for it to finish, then run again")
        case .badSetting(let name, let value, let allowed):
            return Text(
                vi: "giá trị «\(value)» của \(name) không hợp lệ; dùng \(allowed.vi)",
                en: "“\(value)” is not a valid \(name); use \(allowed.en)")
        case .folder(let path, let reason):
            return Text(
                vi:
                    "không tạo hoặc ghi được thư mục bản PDF \(path): \(reason.vi); chọn thư mục khác bằng kho pdf settings --folder",
                en:
                    "cannot make or write the PDF folder \(path): \(reason.en); choose another with kho pdf settings --folder"
            )
        case .notAFolder(let path, let reason):
            return Text(
                vi: "--folder \(Visible.escaped(path)) không dùng được cho bản PDF: \(reason.vi); hãy chọn một thư mục",
                en: "--folder \(Visible.escaped(path)) cannot hold the PDF copies: \(reason.en); choose a folder")
        case .noFolder:
            return Text(
                vi: "danh mục trong bộ nhớ không có thư mục bên cạnh: hãy chỉ thư mục cho bản PDF",
                en: "an in-memory catalogue has no folder beside it: give the folder for the PDF copies")
        }
    }
}
