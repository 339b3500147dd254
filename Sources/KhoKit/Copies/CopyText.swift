import Foundation

/// What copy commands say about one file, in Vietnamese and English.
enum CopyText {
    static func notOverwritten(_ problem: Text) -> Text {
        Text(vi: "\(problem.vi); không ghi đè", en: "\(problem.en); not overwritten")
    }

    static func conflict(_ ref: String) -> Text {
        Text(
            vi:
                "nội dung khác với danh mục (SHA-256 không khớp): không ghi đè; xem rồi sửa bằng `kho copies repair \(ref)`",
            en:
                "content differs from the catalogue (SHA-256 does not match): not overwritten; look, then `kho copies repair \(ref)`"
        )
    }

    static func sourceChanged(_ found: String, _ item: CopyItem) -> Text {
        Text(
            vi:
                "tệp ở bản chính (\(item.primaryPath)) khác danh mục (SHA-256 \(found.prefix(12))…): không chép; chạy `kho copies repair \(item.ref)`",
            en:
                "the primary's file (\(item.primaryPath)) differs from the catalogue (SHA-256 \(found.prefix(12))…): not copied; run `kho copies repair \(item.ref)`"
        )
    }

    static func sourceUnreadable(_ problem: CopyReadProblem, _ item: CopyItem) -> Text {
        Text(
            vi: "không đọc được tệp ở bản chính (\(item.primaryPath)): \(problem.text.vi); không chép",
            en: "cannot read the primary's file (\(item.primaryPath)): \(problem.text.en); not copied")
    }

    static func writeFailed(_ reason: String) -> Text {
        Text(vi: "không ghi được vào bản lưu: \(reason)", en: "cannot write to the copy: \(reason)")
    }

    static let missing = Text(vi: "tệp không còn trên bản lưu", en: "the file is no longer on the copy")
    static let changed = Text(
        vi: "nội dung đã thay đổi: SHA-256 khác danh mục (hỏng hoặc bị ghi đè)",
        en: "content changed: SHA-256 differs from the catalogue (damaged or overwritten)")
    static let unexpected = Text(
        vi: "tệp không có trong danh mục (không phải kho chép vào)",
        en: "a file the catalogue does not know (not kho's)")
    static let leftover = Text(
        vi: "phần tệp còn lại của một lượt chép bị ngắt; lượt `kho copies sync` sau sẽ chép lại",
        en: "a partial file left by an interrupted sync; the next `kho copies sync` copies the file again")
}
