import Foundation

extension CheckFinding {
    /// A box's arrangement: its state and kept metres against the log, and its finishes.
    enum Arrangement: CheckFindingWords {
        case state(box: String, stored: String, because: Text, expected: String)
        case keptOverExtent(box: String, kept: Int64, extent: Int64)
        case keptWithoutArrangement(box: String, keptSet: Bool, state: String)
        case madeByArrangementKept(box: String, kept: Int64, extent: Int64)
        case keptNotRecorded(box: String, kept: Int64, event: Int64, recorded: Int64)
        case finishKeptOverExtent(event: Int64, box: String, kept: Int64, extent: Int64)
        case finishBeforeStart(box: String, finish: Int64, finishedAt: String, start: Int64, startedAt: String)

        var code: String {
            switch self {
            case .state: "box_state"
            case .finishBeforeStart: "finish_before_start"
            case .keptOverExtent, .keptWithoutArrangement, .madeByArrangementKept, .keptNotRecorded,
                .finishKeptOverExtent:
                "metres"
            }
        }

        var subject: String {
            switch self {
            case .finishKeptOverExtent(let event, _, _, _): "event \(event)"
            case .state(let box, _, _, _), .keptOverExtent(let box, _, _), .keptWithoutArrangement(let box, _, _),
                .madeByArrangementKept(let box, _, _), .keptNotRecorded(let box, _, _, _),
                .finishBeforeStart(let box, _, _, _, _):
                "box \(box)"
            }
        }

        var text: Text {
            switch self {
            case .state(let code, let state, let because, let expected):
                Text(
                    vi: "hộp \(code) ghi trạng thái «\(state)» nhưng nhật ký (\(because.vi)) cho thấy «\(expected)»",
                    en: "box \(code) is stored as “\(state)” but the log (\(because.en)) says “\(expected)”")
            case .keptOverExtent(let code, let kept, let extent):
                Text(
                    vi: "hộp \(code): giữ lại \(kept) mm lớn hơn độ dài \(extent) mm",
                    en: "box \(code): kept \(kept) mm exceeds its extent \(extent) mm")
            case .keptWithoutArrangement(let code, let keptSet, let state):
                Text(
                    vi: "hộp \(code): số mét giữ lại \(keptSet ? "có" : "không có") nhưng trạng thái là «\(state)»",
                    en: "box \(code): kept metres are \(keptSet ? "set" : "missing") but the state is “\(state)”")
            case .madeByArrangementKept(let code, let kept, let extent):
                Text(
                    vi: "hộp \(code) (tạo ra khi chỉnh lý): giữ lại \(kept) mm khác độ dài \(extent) mm",
                    en: "box \(code) (made by arrangement): kept \(kept) mm is not its extent \(extent) mm")
            case .keptNotRecorded(let code, let kept, let event, let recorded):
                Text(
                    vi: "hộp \(code): giữ lại \(kept) mm nhưng sự kiện \(event) ghi \(recorded) mm",
                    en: "box \(code): kept is \(kept) mm but event \(event) recorded \(recorded) mm")
            case .finishKeptOverExtent(let finish, let code, let kept, let extent):
                Text(
                    vi:
                        "sự kiện \(finish) (hoàn thành chỉnh lý hộp \(code)) ghi giữ lại \(kept) mm, lớn hơn độ dài \(extent) mm",
                    en:
                        "event \(finish) (box \(code) finished) records kept \(kept) mm, more than the extent \(extent) mm"
                )
            case .finishBeforeStart(let code, let finish, let finishText, let startId, let startText):
                Text(
                    vi:
                        "hộp \(code): hoàn thành lúc \(finishText) (sự kiện \(finish)) sớm hơn bắt đầu lúc \(startText) (sự kiện \(startId)); hãy hoàn tác bằng `kho undo \(finish)` rồi ghi lại với --at đúng",
                    en:
                        "box \(code): finished at \(finishText) (event \(finish)), earlier than its start at \(startText) (event \(startId)); undo it with `kho undo \(finish)` and finish again with the right --at"
                )
            }
        }
    }

    /// The destruction list against what arrangement left out.
    enum Weed: CheckFindingWords {
        case notListed(boxes: Int, metres: Text, shown: String)
        case notArranged(box: String, items: Int, proposed: Text, arrangement: Text)
        case metres(box: String, proposed: Text, sheetsWithoutMetres: Int, onlySheets: Text, leftOut: Text)

        var code: String {
            switch self {
            case .notListed: "weed_not_listed"
            case .notArranged: "weed_not_arranged"
            case .metres: "weed_metres"
            }
        }

        var subject: String {
            switch self {
            case .notListed(let boxes, _, _): "boxes \(boxes)"
            case .notArranged(let box, _, _, _), .metres(let box, _, _, _, _): "box \(box)"
            }
        }

        var text: Text {
            switch self {
            case .notListed(let count, let metres, let shown):
                Text(
                    vi:
                        "\(count) hộp chỉnh lý đã loại ra \(metres.vi) nhưng chưa có danh mục tài liệu hết giá trị (\(shown)); ghi bằng `kho weed add HỘP …` hoặc `kho import weed`",
                    en:
                        "\(count) arranged boxes left out \(metres.en) but have no destruction list (\(shown)); record it with `kho weed add BOX …` or `kho import weed`"
                )
            case .notArranged(let box, let items, let proposed, let arrangement):
                Text(
                    vi:
                        "hộp \(box): \(items) mục đề nghị hủy (\(proposed.vi)) nhưng hộp chưa hoàn thành chỉnh lý (\(arrangement.vi)); khi xong, ghi `kho sort finish \(box) --kept MÉT`",
                    en:
                        "box \(box): \(items) items proposed for destruction (\(proposed.en)) but the box is not arranged (\(arrangement.en)); when it is, record `kho sort finish \(box) --kept METRES`"
                )
            case .metres(let box, let proposed, let sheets, let onlySheets, let leftOut):
                Text(
                    vi:
                        "hộp \(box): danh mục tài liệu hết giá trị đề nghị hủy \(proposed.vi)\(sheets > 0 ? " (và \(onlySheets.vi) không tính vào số mét)" : ""), nhưng chỉnh lý loại ra \(leftOut.vi) (độ dài − giữ lại); sửa danh mục (`kho weed list --box \(box)`, `kho undo`) hoặc số mét giữ lại (`kho box edit \(box) --kept MÉT`)",
                    en:
                        "box \(box): the destruction list proposes \(proposed.en)\(sheets > 0 ? " (and \(onlySheets.en), not counted in metres)" : ""), but arrangement left out \(leftOut.en) (extent − kept); correct the list (`kho weed list --box \(box)`, `kho undo`) or the kept metres (`kho box edit \(box) --kept METRES`)"
                )
            }
        }
    }

    /// A file's rung and pages against the ladder, and its masters on record.
    enum File: CheckFindingWords {
        case state(ref: String, stored: String, expected: String, pages: Int, sheets: Int?)
        case pages(ref: String, stored: Int, settled: Int)
        case sheetsNotCounted(box: String, files: Int, shown: String)
        case mastersWithoutIngest(ref: String, masters: Int)
        case noMasters(ref: String, state: String)

        var code: String {
            switch self {
            case .state: "file_state"
            case .pages: "file_pages"
            case .sheetsNotCounted: "sheets_not_counted"
            case .mastersWithoutIngest: "file_masters"
            case .noMasters: "file_no_masters"
            }
        }

        var subject: String {
            switch self {
            case .sheetsNotCounted(let box, _, _): "box \(box)"
            case .state(let ref, _, _, _, _), .pages(let ref, _, _), .mastersWithoutIngest(let ref, _),
                .noMasters(let ref, _):
                "file \(ref)"
            }
        }

        var text: Text {
            switch self {
            case .state(let ref, let state, let expected, let pages, let sheets):
                Text(
                    vi:
                        "hồ sơ \(ref) ghi trạng thái «\(state)» nhưng theo bản quét và nhật ký phải là «\(expected)» (\(pages) trang, \(sheets.map(String.init) ?? "?") tờ)",
                    en:
                        "file \(ref) is stored as “\(state)” but its masters and the log make it “\(expected)” (\(pages) pages, \(sheets.map(String.init) ?? "?") sheets)"
                )
            case .pages(let ref, let pages, let settled):
                Text(
                    vi: "hồ sơ \(ref) ghi \(pages) trang nhưng bản quét và nhật ký cho \(settled)",
                    en: "file \(ref) holds \(pages) pages but its masters and the log give \(settled)")
            case .sheetsNotCounted(let box, let count, let shown):
                Text(
                    vi:
                        "hộp \(box): \(count) hồ sơ đã số hóa chưa đếm số tờ, nên chưa kiểm tra được đủ trang (\(shown)); ghi bằng `kho file edit HỘP/HỒSƠ --sheets N`",
                    en:
                        "box \(box): \(count) digitized files have no sheet count, so completeness cannot be checked (\(shown)); set it with `kho file edit BOX/FILE --sheets N`"
                )
            case .mastersWithoutIngest(let ref, let count):
                Text(
                    vi: "hồ sơ \(ref) có \(count) bản quét nhưng không có sự kiện nạp nào",
                    en: "file \(ref) has \(count) masters but no ingest event")
            case .noMasters(let ref, let state):
                Text(
                    vi:
                        "hồ sơ \(ref) ở trạng thái «\(state)» nhưng không có bản quét nào trong danh mục; hãy đặt bản quét vào thư mục \(ref) trong thư mục bản quét rồi chạy `kho scan ingest`",
                    en:
                        "file \(ref) is “\(state)” but has no masters on record; put its scans in the folder \(ref) under the scans root and run `kho scan ingest`"
                )
            }
        }
    }

    /// A master on record against the disk.
    enum Master: CheckFindingWords {
        case lost(rel: String, recorded: Text)
        case folderLinked(rel: String, folder: String)
        case missing(rel: String, diskPath: String)
        case notFile(rel: String, diskPath: String, reason: Text)

        var code: String {
            switch self {
            case .lost: "master_lost"
            case .missing: "master_missing"
            case .folderLinked, .notFile: "master_not_file"
            }
        }

        var subject: String {
            switch self {
            case .lost(let rel, _), .folderLinked(let rel, _), .missing(let rel, _), .notFile(let rel, _, _): rel
            }
        }

        var text: Text {
            switch self {
            case .lost(let rel, let recorded):
                Text(vi: "bản quét \(rel): " + recorded.vi, en: "master \(rel): " + recorded.en)
            case .folderLinked(let rel, let folder):
                Text(
                    vi:
                        "bản quét \(rel): thư mục \(folder) là liên kết tượng trưng, không đi theo; hãy đặt lại thư mục thật",
                    en:
                        "master \(rel): the folder \(folder) is a symbolic link, not followed; put the real folder back"
                )
            case .missing(let rel, let diskPath):
                Text(
                    vi:
                        "bản quét \(rel) không còn ở \(diskPath); hãy đưa tệp về chỗ cũ, hoặc chạy `kho scan ingest` để ghi nhận là mất",
                    en:
                        "master \(rel) is no longer at \(diskPath); put it back, or run `kho scan ingest` to record it as gone"
                )
            case .notFile(let rel, let diskPath, let reason):
                Text(
                    vi: "bản quét \(rel) ở \(diskPath): \(reason.vi); hãy đặt lại tệp bản gốc",
                    en: "master \(rel) at \(diskPath): \(reason.en); put the master file back")
            }
        }
    }
}
