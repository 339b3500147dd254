import Foundation

/// What can go wrong keeping the catalogue safe: where it lives, backing it up, restoring it.
public enum MaintenanceError: KhoError, Equatable {
    /// The catalogue is on a network filesystem, where SQLite's WAL (shared memory) does not work.
    case networkFilesystem(path: String, kind: String)
    case backupExists(path: String)
    case backupIsLive(path: String)
    case backupFailed(path: String, reason: Text)
    case restoreMissing(path: String)
    /// A folder given where a backup file is wanted, with the backups in it, newest first.
    case restoreFolder(path: String, backups: [String])
    case restoreNotSQLite(path: String)
    case restoreDamaged(path: String, problems: [String])
    case restoreNotKho(path: String)
    case restoreNewer(path: String, unknown: [String])
    case restoreWouldReplace(path: String, events: Int)
    case restoreIsLive(path: String)
    /// The backup's schema is not what kho's migrations make (altered or crafted): extra triggers, views, columns….
    case restoreSchema(path: String, differences: [SchemaDifference])
    /// The restore could not be prepared (e.g. a full disk); the live catalogue is as it was.
    case restoreFailed(path: String, reason: Text)

    /// A folder given to restore: the newest backup in it, and how many more.
    private static func folderText(_ path: String, _ backups: [String]) -> Text {
        guard let newest = backups.first else {
            return Text(
                vi:
                    "\(path) là một thư mục và không có bản sao lưu nào (tệp .sqlite) trong đó; hãy ghi tên tệp sao lưu",
                en: "\(path) is a folder with no backup (.sqlite file) in it; name the backup file")
        }
        let more = backups.count - 1
        let newestPath = (path as NSString).appendingPathComponent(newest)
        return Text(
            vi:
                "\(path) là một thư mục; hãy ghi tên tệp sao lưu, ví dụ bản mới nhất: \(newestPath)\(more > 0 ? " (còn \(more) bản khác trong thư mục)" : "")",
            en:
                "\(path) is a folder; name the backup file, for example the newest: \(newestPath)\(more > 0 ? " (\(more) more in the folder)" : "")"
        )
    }

    public var text: Text {
        switch self {
        case .networkFilesystem(let path, let kind):
            return Text(
                vi:
                    "danh mục \(path) nằm trên ổ mạng (\(kind)): SQLite ở chế độ WAL không an toàn trên ổ mạng và có thể làm hỏng dữ liệu. Hãy chép danh mục về ổ đĩa của máy (ví dụ bằng `kho backup`/`kho restore`) và dùng --db trỏ tới bản trên máy; ổ mạng chỉ dùng để chứa bản sao lưu (`kho backup /mnt/o-mang/kho-sao-luu.sqlite`)",
                en:
                    "catalogue \(path) is on a network filesystem (\(kind)): SQLite's WAL mode is not safe there and can corrupt the data. Copy the catalogue to a local disk (e.g. with `kho backup`/`kho restore`) and point --db at the local copy; keep network shares for backups (`kho backup /mnt/share/kho.sqlite`)"
            )
        case .backupExists(let path):
            return Text(
                vi:
                    "tệp \(path) đã có; kho không ghi đè. Chọn tên khác (ví dụ thêm ngày: kho-2026-11-27.sqlite) hoặc thêm --force để ghi đè",
                en:
                    "\(path) already exists and is not overwritten; choose another name (e.g. with the date: kho-2026-11-27.sqlite) or add --force to overwrite it"
            )
        case .backupIsLive(let path):
            return Text(
                vi: "\(path) chính là danh mục đang dùng; hãy sao lưu ra một tệp khác",
                en: "\(path) is the live catalogue itself; back up to another file")
        case .backupFailed(let path, let reason):
            return Text(
                vi:
                    "không ghi được bản sao lưu \(path): \(reason.vi); danh mục không bị thay đổi. Kiểm tra chỗ trống và quyền ghi ở thư mục đích rồi chạy lại",
                en:
                    "cannot write backup \(path): \(reason.en); the catalogue is unchanged. Check free space and write permission at the destination and run again"
            )
        case .restoreMissing(let path):
            return Text(vi: "không có tệp sao lưu \(path)", en: "there is no backup file \(path)")
        case .restoreFolder(let path, let backups):
            return Self.folderText(path, backups)
        case .restoreNotSQLite(let path):
            return Text(
                vi: "\(path) không phải tệp SQLite (không phải bản sao lưu của kho); không khôi phục gì",
                en: "\(path) is not an SQLite file (not a kho backup); nothing restored")
        case .restoreDamaged(let path, let problems):
            return Text(
                vi:
                    "bản sao lưu \(path) bị hỏng (\(problems.prefix(3).joined(separator: "; "))); không khôi phục gì. Hãy dùng một bản sao lưu khác",
                en:
                    "backup \(path) is damaged (\(problems.prefix(3).joined(separator: "; "))); nothing restored. Use another backup"
            )
        case .restoreNotKho(let path):
            return Text(
                vi: "\(path) là tệp SQLite nhưng không phải danh mục kho; không khôi phục gì",
                en: "\(path) is an SQLite file but not a kho catalogue; nothing restored")
        case .restoreNewer(let path, let unknown):
            return Text(
                vi:
                    "bản sao lưu \(path) được ghi bởi kho mới hơn (bước nâng cấp lạ: \(unknown.joined(separator: ", "))); hãy cập nhật kho trước khi khôi phục",
                en:
                    "backup \(path) was written by a newer kho (unknown migrations: \(unknown.joined(separator: ", "))); upgrade kho before restoring it"
            )
        case .restoreWouldReplace(let path, let events):
            return Text(
                vi:
                    "danh mục \(path) đang có \(events) sự kiện; khôi phục sẽ thay toàn bộ. Hãy sao lưu nó trước (`kho backup TỆP`) rồi thêm --force",
                en:
                    "catalogue \(path) holds \(events) events; a restore replaces all of it. Back it up first (`kho backup FILE`), then add --force"
            )
        case .restoreIsLive(let path):
            return Text(
                vi: "\(path) chính là danh mục đang dùng; hãy chỉ tới một tệp sao lưu",
                en: "\(path) is the live catalogue itself; name a backup file")
        case .restoreSchema(let path, let differences):
            let shown = differences.prefix(5).map(\.text)
            let more = differences.count > 5 ? differences.count - 5 : 0
            return Text(
                vi:
                    "\(path) không có đúng cấu trúc mà kho tạo ra (\(shown.map(\.vi).joined(separator: "; "))\(more > 0 ? "; và \(more) khác biệt nữa" : "")): tệp đã bị sửa hoặc không do kho ghi; không khôi phục gì, danh mục đang dùng không đổi. Hãy dùng một bản sao lưu khác do `kho backup` ghi",
                en:
                    "\(path) does not have the structure kho makes (\(shown.map(\.en).joined(separator: "; "))\(more > 0 ? "; and \(more) more differences" : "")): it was altered or not written by kho; nothing restored, the live catalogue is unchanged. Use another backup written by `kho backup`"
            )
        case .restoreFailed(let path, let reason):
            return Text(
                vi:
                    "không khôi phục được từ \(path): \(reason.vi); danh mục đang dùng không đổi. Hãy xử lý rồi chạy lại",
                en: "cannot restore from \(path): \(reason.en); the live catalogue is unchanged. Fix that and run again"
            )
        }
    }
}
