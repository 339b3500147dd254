import Foundation

/// The note a check or a copy writes on its event (`ok 16, missing 0, changed 0, unreadable 0`; `usb: copied 3,
/// updated 0, …`; `usb: unavailable`; `usb H0001/01/0001.tif (changed) ← primary`) is kept in this one fixed form, for
/// scripts and for the events written before; a person reads it in words, in the log's language.
enum TallyNote {
    /// The note in `lang`: English as stored, Vietnamese with each tally's word and each state in Vietnamese.
    static func words(_ note: String, _ lang: Lang) -> String {
        guard lang == .vi else { return note }
        return note.components(separatedBy: "; ").map(vietnamese).joined(separator: "; ")
    }

    /// One part of a note (one copy's, or one repaired file's) in Vietnamese.
    private static func vietnamese(_ part: String) -> String {
        var out = part.replacing(#/\b([a-z_]+) (\d+)\b/#) { match in
            let key = String(match.output.1)
            guard let word = counts[key] else { return String(match.output.0) }
            // As the commands say them: "16 tốt, 0 mất", but "chép 3, cập nhật 0".
            return actions.contains(key) ? "\(word) \(match.output.2)" : "\(match.output.2) \(word)"
        }
        out = out.replacing(#/\((changed|missing|unreadable|unexpected|pending)\)/#) { match in
            "(\(counts[String(match.output.1)] ?? String(match.output.1)))"
        }
        out = out.replacing(#/: unavailable$/#, with: ": không truy cập được")
        out = out.replacing(#/^unavailable: /#, with: "không truy cập được: ")
        out = out.replacing(#/ failed$/#, with: " sửa không được")
        out = out.replacing(#/ lost$/#, with: " mất ở mọi bản")
        return out
    }

    /// The tallies said as a verb before its number.
    private static let actions: Set<String> = ["copied", "updated", "adopted", "held"]

    /// The tallies a check or a copy counts, in the words `kho scan verify`, `kho pdf verify` and `kho copies` use.
    private static let counts: [String: String] = [
        "ok": "tốt", "missing": "mất", "changed": "thay đổi", "unreadable": "không đọc được", "unexpected": "lạ",
        "pending": "chưa chép", "copied": "chép", "updated": "cập nhật", "adopted": "nhận tệp có sẵn",
        "held": "đã có sẵn", "findings": "phát hiện", "not_pdfa": "không đúng PDF/A", "no_text": "thiếu lớp chữ",
        "pages": "sai số trang", "archive_id": "sai mã hồ sơ",
    ]
}
