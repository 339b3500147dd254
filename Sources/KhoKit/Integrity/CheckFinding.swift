import Foundation

/// A finding of `kho check`, with its words: the checks (the SQL beside them) only say which finding, about what.
protocol CheckFindingWords {
    /// A stable key for scripts (``CheckProblem/code``).
    var code: String { get }
    /// What it is about: `box H0012`, `file H0012/03`, `event 42`, a master's path, or `database`.
    var subject: String { get }
    /// The finding as a sentence, with what to do where there is something to do.
    var text: Text { get }
}

extension CheckFindingWords {
    /// The finding as `kho check` reports it.
    var problem: CheckProblem { CheckProblem(code: code, subject: subject, text: text) }
}

/// What `kho check` can find, by subject (the texts of the custody, location and code checks are beside them, in
/// CheckArchivist and CheckCodesAndPaths).
enum CheckFinding {
    /// The catalogue as a whole: SQLite's findings, its schema, the status' sums.
    enum Catalogue: CheckFindingWords {
        case integrity(line: String)
        case damagedStoppedChecks
        case foreignKey(table: String, rowid: Int64?, parent: String)
        case schema(type: String, name: String, difference: Text)
        case statusSum(name: String, fonds: Double, whole: Double)
        case keptPlusWeeded(kept: Double, weeded: Double, arranged: Double)

        var code: String {
            switch self {
            case .integrity, .damagedStoppedChecks: "integrity"
            case .foreignKey: "foreign_key"
            case .schema: "schema"
            case .statusSum, .keptPlusWeeded: "status_sum"
            }
        }

        var subject: String {
            switch self {
            case .integrity, .damagedStoppedChecks: "database"
            case .foreignKey(let table, let rowid, _): "\(table) \(rowid.map(String.init) ?? "?")"
            case .schema(let type, let name, _): "\(type) \(name)"
            case .statusSum(let name, _, _): name
            case .keptPlusWeeded: "kept_m"
            }
        }

        var text: Text {
            switch self {
            case .integrity(let line):
                Text(
                    vi:
                        "SQLite báo tệp hỏng: \(line). Hãy khôi phục từ bản sao lưu gần nhất (`kho restore TỆP --force`)",
                    en: "SQLite reports damage: \(line). Restore the latest backup (`kho restore FILE --force`)")
            case .damagedStoppedChecks:
                Text(
                    vi:
                        "các bước kiểm tra khác không chạy được vì danh mục hỏng; hãy khôi phục từ bản sao lưu gần nhất (`kho restore TỆP --force`)",
                    en:
                        "the other checks could not run on the damaged catalogue; restore the latest backup (`kho restore FILE --force`)"
                )
            case .foreignKey(let table, let rowid, let parent):
                Text(
                    vi: "\(table) \(rowid.map(String.init) ?? "?") trỏ tới \(parent) không tồn tại",
                    en: "\(table) \(rowid.map(String.init) ?? "?") refers to a \(parent) that does not exist")
            case .schema(_, _, let difference):
                Text(
                    vi:
                        "cấu trúc danh mục khác với cấu trúc kho tạo ra: \(difference.vi); kho không tự tạo thay đổi này. Hãy khôi phục một bản sao lưu tốt (`kho restore TỆP --force`) hoặc nhờ người phụ trách kỹ thuật xem",
                    en:
                        "the catalogue's structure differs from what kho makes: \(difference.en); kho never makes such a change. Restore a good backup (`kho restore FILE --force`) or ask whoever looks after the computer"
                )
            case .statusSum(let name, let fonds, let whole):
                Text(
                    vi: "\(name): tổng theo phông \(fonds) khác tổng toàn kho \(whole)",
                    en: "\(name): the fonds add up to \(fonds), but the whole archive says \(whole)")
            case .keptPlusWeeded(let kept, let weeded, let arranged):
                Text(
                    vi: "giữ lại \(kept) + loại \(weeded) khác đã chỉnh lý \(arranged)",
                    en: "kept \(kept) + weeded \(weeded) is not arranged \(arranged)")
            }
        }
    }

    /// Events as the log holds them: their ids, kinds, undo links and details.
    enum Event: CheckFindingWords {
        case detail(id: Int64, kind: String, error: Text, shown: String)
        case moreDetails(count: Int)
        case uidNotULID(id: Int64, uid: String)
        case uidRepeated(id: Int64, uid: String)
        case unknownKind(id: Int64, kind: String)
        case undoesLater(id: Int64, undoes: Int64)

        var code: String {
            switch self {
            case .detail, .moreDetails: "event_detail"
            case .uidNotULID, .uidRepeated: "event_uid"
            case .unknownKind: "event_kind"
            case .undoesLater: "event_undo"
            }
        }

        var subject: String {
            switch self {
            case .moreDetails: "database"
            case .detail(let id, _, _, _), .uidNotULID(let id, _), .uidRepeated(let id, _), .unknownKind(let id, _),
                .undoesLater(let id, _):
                "event \(id)"
            }
        }

        var text: Text {
            switch self {
            case .detail(let id, let kind, let error, let shown):
                Text(
                    vi:
                        "sự kiện \(id) (\(kind)): \(error.vi): «\(shown)»; không hoàn tác được sự kiện này một cách an toàn. Hãy khôi phục bản sao lưu gần nhất (`kho restore TỆP --force`)",
                    en:
                        "event \(id) (\(kind)): \(error.en): “\(shown)”; it cannot be undone safely. Restore the latest backup (`kho restore FILE --force`)"
                )
            case .moreDetails(let count):
                Text(
                    vi: "… và \(count) sự kiện khác có chi tiết không đọc được",
                    en: "… and \(count) more events whose detail cannot be read")
            case .uidNotULID(let id, let uid):
                Text(
                    vi: "sự kiện \(id) có mã «\(uid)» không phải ULID (26 ký tự)",
                    en: "event \(id) has uid “\(uid)”, not a 26-character ULID")
            case .uidRepeated(let id, let uid):
                Text(
                    vi: "sự kiện \(id) trùng mã \(uid) với sự kiện khác",
                    en: "event \(id) repeats uid \(uid) of another event")
            case .unknownKind(let id, let kind):
                Text(
                    vi: "sự kiện \(id) có loại lạ «\(kind)» (ghi bởi kho mới hơn?)",
                    en: "event \(id) has an unknown kind “\(kind)” (written by a newer kho?)")
            case .undoesLater(let id, let undoes):
                Text(
                    vi: "sự kiện \(id) hoàn tác sự kiện \(undoes) ghi sau nó",
                    en: "event \(id) undoes event \(undoes), which comes after it")
            }
        }
    }

    /// `supersedes` links between scan events.
    enum Supersedes: CheckFindingWords {
        case nothing(id: Int64, target: Int64)
        case otherFile(id: Int64, ref: String, target: Int64, targetRef: String)
        case notScan(id: Int64, target: Int64, kind: String)

        var code: String { "event_supersedes" }

        var subject: String {
            switch self {
            case .nothing(let id, _), .otherFile(let id, _, _, _), .notScan(let id, _, _): "event \(id)"
            }
        }

        var text: Text {
            switch self {
            case .nothing(let id, let target):
                Text(
                    vi: "sự kiện \(id) thay thế sự kiện \(target), nhưng không có sự kiện \(target)",
                    en: "event \(id) supersedes event \(target), which does not exist")
            case .otherFile(let id, let here, let target, let there):
                Text(
                    vi:
                        "sự kiện \(id) (hồ sơ \(here)) thay thế sự kiện \(target) của hồ sơ khác (\(there)); chỉ được thay thế bản ghi của cùng hồ sơ",
                    en:
                        "event \(id) (file \(here)) supersedes event \(target) of another file (\(there)); only a record of the same file can be superseded"
                )
            case .notScan(let id, let target, let kind):
                Text(
                    vi:
                        "sự kiện \(id) thay thế sự kiện \(target) (\(kind)), không phải sự kiện số hóa; chỉ bản ghi số hóa mới được thay thế",
                    en:
                        "event \(id) supersedes event \(target) (\(kind)), which is not a scan event; only scan records can be superseded"
                )
            }
        }
    }
}
