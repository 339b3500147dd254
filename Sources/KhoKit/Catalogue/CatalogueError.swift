import Foundation

/// What can be wrong with a catalogue change: unknown or duplicate codes and values out of range.
public enum CatalogueError: KhoError, Equatable {
    case unknownFonds(String)
    case unknownBox(String)
    case unknownFile(String)
    case duplicateFonds(code: String, name: String)
    case duplicateBox(code: String, fonds: String, location: String)
    case duplicateFile(ref: String, title: String)
    case badExtent(String)
    /// An extent greater than zero that rounds to 0 mm, e.g. `0.0001`.
    case extentRoundsToZero(String)
    /// A new extent smaller than the metres the box's arrangement kept.
    case extentBelowKept(box: String, extent: String, kept: String)
    /// A file with masters on record that was to be moved into another box: how many, and the folders.
    case fileHasMasters(ref: String, masters: Int, folder: String, newFolder: String)
    case badYear(String)
    case yearsBackwards(start: Int, end: Int)
    case badRetention(String)
    case badSheets(String)
    case badCondition(String)
    case badAccess(String)
    case badFileRef(String)
    case emptyCode(Thing)
    case emptyText(Field)

    /// What kind of thing a code names.
    public enum Thing: Sendable, Equatable {
        case fonds, box, file
        var text: Text {
            switch self {
            case .fonds: Text(vi: "phông", en: "fonds")
            case .box: Text(vi: "hộp", en: "box")
            case .file: Text(vi: "hồ sơ", en: "file")
            }
        }
    }

    /// Which required text is empty.
    public enum Field: Sendable, Equatable {
        case fondsName, fileTitle
        var text: Text {
            switch self {
            case .fondsName: Text(vi: "tên phông", en: "the fonds name")
            case .fileTitle: Text(vi: "tiêu đề hồ sơ", en: "the file title")
            }
        }
    }
    case boxFromItself(String)
    case nothingToChange

    public var text: Text {
        switch self {
        case .unknownFonds(let code):
            Text(vi: "không có phông \(code); xem danh sách bằng `kho fonds list` hoặc thêm bằng `kho fonds add \(code) --name TÊN`",
                 en: "there is no fonds \(code); list them with `kho fonds list` or add it with `kho fonds add \(code) --name NAME`")
        case .unknownBox(let code):
            Text(vi: "không có hộp \(code); xem danh sách bằng `kho box list` hoặc thêm bằng `kho box add \(code) --fonds MÃ`",
                 en: "there is no box \(code); list boxes with `kho box list` or add it with `kho box add \(code) --fonds CODE`")
        case .unknownFile(let ref):
            Text(vi: "không có hồ sơ \(ref); xem danh sách bằng `kho file list --box HỘP`",
                 en: "there is no file \(ref); list files with `kho file list --box BOX`")
        case .duplicateFonds(let code, let name):
            Text(vi: "phông \(code) đã có (\(name)); hãy dùng mã khác",
                 en: "fonds \(code) is already registered (\(name)); choose another code")
        case .duplicateBox(let code, let fonds, let location):
            Text(vi: "hộp \(code) đã có (phông \(fonds)\(location.isEmpty ? "" : ", vị trí \(location)")); hãy dùng mã khác hoặc sửa bằng `kho box edit \(code)`",
                 en: "box \(code) is already registered (fonds \(fonds)\(location.isEmpty ? "" : ", shelf \(location)")); choose another code or change it with `kho box edit \(code)`")
        case .duplicateFile(let ref, let title):
            Text(vi: "hồ sơ \(ref) đã có («\(title)»); hãy dùng số hồ sơ khác hoặc sửa bằng `kho file edit \(ref)`",
                 en: "file \(ref) is already registered (“\(title)”); choose another file code or change it with `kho file edit \(ref)`")
        case .badExtent(let text):
            Text(vi: "độ dài \(text.isEmpty ? "(trống)" : "«\(text)»") không hợp lệ: cần một số mét lớn hơn 0, ví dụ 0,125 (một hộp tiêu chuẩn)",
                 en: "extent \(text.isEmpty ? "(empty)" : "“\(text)”") is not valid: give metres greater than 0, e.g. 0.125 (one standard box)")
        case .extentRoundsToZero(let text):
            Text(vi: "độ dài «\(text)» làm tròn thành 0 mm (kho lưu số mét theo milimét): cần ít nhất 0,001, ví dụ 0,125 (một hộp tiêu chuẩn)",
                 en: "extent “\(text)” rounds to 0 mm (kho stores metres as whole millimetres): give at least 0.001, e.g. 0.125 (one standard box)")
        case .extentBelowKept(let box, let extent, let kept):
            Text(vi: "độ dài mới \(extent) m của hộp \(box) nhỏ hơn số mét đã giữ lại khi chỉnh lý (\(kept) m); giữ lại phải ≤ độ dài: sửa cả hai, ví dụ `kho box edit \(box) --extent \(extent) --kept \(extent)`",
                 en: "the new extent \(extent) m of box \(box) is less than the \(kept) m its arrangement kept; kept must not exceed the extent: change both, e.g. `kho box edit \(box) --extent \(extent) --kept \(extent)`")
        case .fileHasMasters(let ref, let masters, let folder, let newFolder):
            Text(vi: "hồ sơ \(ref) có \(masters) bản quét đã nạp (thư mục \(folder)), nên không chuyển trong danh mục được: bản quét đi theo thư mục. Hãy chuyển thư mục \(folder) sang \(newFolder), rồi chạy `kho scan ingest`",
                 en: "file \(ref) has \(masters) masters on record (folder \(folder)), so it cannot be moved in the catalogue alone: masters follow their folder. Move the folder \(folder) to \(newFolder), then run `kho scan ingest`")
        case .badYear(let text):
            Text(vi: "năm «\(text)» không hợp lệ: cần năm có 4 chữ số, ví dụ 1998",
                 en: "year “\(text)” is not valid: give a four-digit year, e.g. 1998")
        case .yearsBackwards(let start, let end):
            Text(vi: "khoảng năm \(start)–\(end) bị ngược: năm bắt đầu phải trước năm kết thúc",
                 en: "year range \(start)–\(end) is backwards: the start year must not be after the end year")
        case .badRetention(let text):
            Text(vi: "thời hạn bảo quản «\(text)» không hợp lệ: cần `permanent` (vĩnh viễn) hoặc số năm dương, ví dụ 10",
                 en: "retention “\(text)” is not valid: give `permanent` or a positive number of years, e.g. 10")
        case .badSheets(let text):
            Text(vi: "số tờ «\(text)» không hợp lệ: cần số nguyên không âm",
                 en: "sheets “\(text)” is not valid: give a whole number, 0 or more")
        case .badCondition(let text):
            Text(vi: "tình trạng «\(text)» không hợp lệ: dùng một trong \(Condition.keys)",
                 en: "condition “\(text)” is not valid: use one of \(Condition.keys)")
        case .badAccess(let text):
            Text(vi: "chế độ sử dụng «\(text)» không hợp lệ: dùng một trong \(Access.keys)",
                 en: "access “\(text)” is not valid: use one of \(Access.keys)")
        case .badFileRef(let text):
            Text(vi: "«\(text)» không phải tên hồ sơ: viết HỘP/HỒSƠ, ví dụ H0012/03",
                 en: "“\(text)” is not a file name: write BOX/FILE, e.g. H0012/03")
        case .emptyCode(let what):
            Text(vi: "mã \(what.text.vi) không được để trống", en: "the \(what.text.en) code must not be empty")
        case .emptyText(let field):
            Text(vi: "\(field.text.vi) không được để trống", en: "\(field.text.en) must not be empty")
        case .boxFromItself(let code):
            Text(vi: "hộp \(code) không thể được tạo từ chính nó (--from)", en: "box \(code) cannot be made from itself (--from)")
        case .nothingToChange:
            Text(vi: "không có gì để thay đổi: hãy cho ít nhất một tùy chọn, ví dụ --title hoặc --location",
                 en: "nothing to change: give at least one option, e.g. --title or --location")
        }
    }
}
