import Foundation

/// An event in words, for `kho log`: what was done (naming the saved estimate or the setting), its quantities with
/// their units (m, tờ, trang…), and each changed value as old → new.
public struct EventWords: Codable, Sendable, Hashable {
    public var what: Text
    public var quantity: Text
    public var changes: [Text]
}

/// Turns stored events into words; ids in details (fonds, boxes) are read as codes.
struct EventDescriber {
    var fondsCodes: [Int64: String]
    var boxCodes: [Int64: String]

    /// Fonds, boxes and files deleted (by a live delete), by kind and row id: the name (`H0012`, `H0012/03`) and the
    /// delete event. Their events keep naming their ids, which no other row is given.
    var deleted: [EventKind: [Int64: (name: String, by: Int64)]] = [:]
    /// Events that a delete made before the log was append-only unlinked from what they named, by event id.
    var unlinked: [Int64: (kind: EventKind, name: String, by: Int64)] = [:]

    init(_ tx: Stores) throws {
        fondsCodes = try tx.log.fondsCodes()
        boxCodes = [:]
        for row in try tx.log.liveDeletes() {
            guard let kind = EventKind(rawValue: row.kind) else { continue }
            let before = EventDetail(json: row.detail).before ?? [:]
            let code = (before["code"] ?? nil) ?? "?"
            let name = kind == .fileDelete ? "\((before["box"] ?? nil) ?? "?")/\(code)" : code
            if let id = (before["id"] ?? nil).flatMap({ Int64($0) }) {
                deleted[kind, default: [:]][id] = (name, row.id)
            }
            for id in ((before["events"] ?? nil) ?? "").split(separator: ",").compactMap({ Int64($0) }) {
                unlinked[id] = (kind, name, row.id)
            }
        }
    }

    /// The fonds, box or file an event named that was deleted after it, with a line saying so.
    func deletedTarget(_ e: Event) -> (kind: EventKind, name: String, note: Text)? {
        guard let eventId = e.id else { return nil }
        var found = unlinked[eventId]
        for (kind, id) in [(EventKind.fileDelete, e.fileId), (.boxDelete, e.boxId), (.fondsDelete, e.fondsId)] {
            guard found == nil, let id, let d = deleted[kind]?[id], d.by > eventId else { continue }
            found = (kind, d.name, d.by)
        }
        guard let d = found else { return nil }
        return (
            d.kind, d.name,
            Text(vi: "\(d.name) đã bị xóa sau đó (sự kiện \(d.by))", en: "\(d.name) was deleted since (event \(d.by))")
        )
    }

    /// Box codes for the ids named in `events`' details (`box_id`, `from_box_id`).
    mutating func loadBoxes(_ tx: Stores, for details: [EventDetail]) throws {
        var ids: Set<Int64> = []
        for d in details {
            for values in [d.before, d.after].compactMap({ $0 }) {
                for key in ["box_id", "from_box_id"] {
                    if let v = values[key] ?? nil, let id = Int64(v) { ids.insert(id) }
                }
            }
        }
        guard !ids.isEmpty else { return }
        for (id, code) in try tx.log.boxCodes(ids: ids) { boxCodes[id] = code }
    }

    /// The event in words; `d` is its detail, decoded.
    func words(_ e: Event, detail d: EventDetail) -> EventWords {
        EventWords(what: what(e, d), quantity: quantity(e, d), changes: changes(e, d))
    }

    // MARK: what

    private func what(_ e: Event, _ d: EventDetail) -> Text {
        let after = d.after ?? [:]
        guard e.kind == .setting else { return e.kind.label }
        if let name = after["saved_estimate"] ?? nil {
            return Text(vi: "lưu dự toán «\(name)»", en: "estimate saved as “\(name)”")
        }
        if after.keys.contains("qc_profile") {
            return Text(vi: "đổi chuẩn chất lượng bản quét", en: "scan quality profile changed")
        }
        if after.keys.contains("pdf") { return Text(vi: "đổi thiết lập bản PDF/A", en: "PDF/A settings changed") }
        if after.keys.contains("archive_rule") {
            let fonds = e.fondsId.flatMap { fondsCodes[$0] } ?? "?"
            return Text(
                vi: "đổi quy tắc mã hồ sơ của phông \(fonds)", en: "archival code rule of fonds \(fonds) changed")
        }
        if let source = after["restored_from"] ?? nil {
            return Text(vi: "khôi phục danh mục từ \(source)", en: "catalogue restored from \(source)")
        }
        return e.kind.label
    }

    // MARK: quantity

    private func quantity(_ e: Event, _ d: EventDetail) -> Text {
        var parts: [Text] = []
        if let mm = e.metresMM { parts.append(Self.metres(mm)) }
        if let kept = e.keptMM, kept != e.metresMM {
            parts.append(Text(vi: "giữ lại \(Self.metres(kept).vi)", en: "kept \(Self.metres(kept).en)"))
        }
        if let n = d.count, let counted = Self.counted(e.kind, n, note: d.note) { parts.append(counted) }
        if let s = e.sheets, e.kind != .scanIngest || s > 0 { parts.append(Self.sheets(s)) }
        // A document import's pages are the pages its rows give; rows without pages say nothing, not "0 trang".
        if let p = e.pages, e.kind != .importDocs || p > 0 { parts.append(Self.pages(p)) }
        if let b = e.bytes { parts.append(Text(vi: Format.bytes(b, lang: .vi), en: Format.bytes(b, lang: .en))) }
        return Text(vi: parts.map(\.vi).joined(separator: ", "), en: parts.map(\.en).joined(separator: ", "))
    }

    /// A count with the unit the event's kind counts in.
    private static func counted(_ kind: EventKind, _ n: Int, note: String?) -> Text? {
        let vi = Format.integer(Int64(n), lang: .vi)
        let en = Format.integer(Int64(n), lang: .en)
        switch kind {
        case .importBoxes: return Text(vi: "\(vi) hộp", en: "\(en) \(n == 1 ? "box" : "boxes")")
        case .importFiles, .pdfNumber: return Text(vi: "\(vi) hồ sơ", en: "\(en) \(n == 1 ? "file" : "files")")
        case .importWeed, .weedApprove, .weedDestroy:
            return Text(vi: "\(vi) nhóm tài liệu", en: "\(en) \(n == 1 ? "group" : "groups") of records")
        case .scanIngest, .scanVerify, .scanAccept:
            return Text(vi: "\(vi) tệp bản quét", en: "\(en) \(n == 1 ? "master" : "masters")")
        case .pdfVerify: return Text(vi: "\(vi) bản PDF/A", en: "\(en) PDF/A \(n == 1 ? "copy" : "copies")")
        case .copiesSync, .copiesVerify, .copiesRepair:
            return Text(vi: "\(vi) tệp", en: "\(en) \(n == 1 ? "file" : "files")")
        case .undo: return Text(vi: "\(vi) dòng", en: "\(en) \(n == 1 ? "row" : "rows")")
        case .setting: return Text(vi: "\(vi) sự kiện", en: "\(en) events")
        case .importDocs: return Text(vi: "\(vi) văn bản", en: "\(en) \(n == 1 ? "document" : "documents")")
        // A copy's count is its pages, which the event says with their unit ("122 trang"), not a second time bare.
        case .pdfBuild: return nil
        default: return Text(vi: vi, en: en)
        }
    }

    static func metres(_ mm: Int64) -> Text {
        Text(vi: Millimetres(mm).formatted(.vi) + " m", en: Millimetres(mm).formatted(.en) + " m")
    }

    static func sheets(_ n: Int) -> Text {
        Text(
            vi: "\(Format.integer(Int64(n), lang: .vi)) tờ",
            en: "\(Format.integer(Int64(n), lang: .en)) \(n == 1 ? "sheet" : "sheets")")
    }

    static func pages(_ n: Int) -> Text {
        Text(
            vi: "\(Format.integer(Int64(n), lang: .vi)) trang",
            en: "\(Format.integer(Int64(n), lang: .en)) \(n == 1 ? "page" : "pages")")
    }

    // MARK: changes

    private func changes(_ e: Event, _ d: EventDetail) -> [Text] {
        let before = d.before ?? [:]
        let after = d.after ?? [:]
        switch e.kind {
        case .boxDelete, .fileDelete, .fondsDelete:
            return [deleted(e.kind, before)]
        case .sortStart, .sortFinish, .scanRecord:
            // The new state is the event's own meaning; the detail keeps the state before.
            let key = e.kind == .scanRecord ? "scan_state" : "arrangement"
            let new =
                e.kind == .sortStart
                ? ArrangementState.inProgress.rawValue
                : e.kind == .sortFinish ? ArrangementState.arranged.rawValue : ScanState.recorded.rawValue
            guard let old = before[key] ?? nil else { return [] }
            return [change(key, old, new)]
        case .custodyOut, .custodyIn:
            // Who has it, why and until when are said once, by the event's own note (`→ Lê Thị Hoa (số hóa), hạn …`).
            return []
        case .locationMark:
            // The risks are said by the event's own note (`A-3: ẩm → dột`); only a note typed with them is added.
            guard let note = after["note"] ?? nil, !note.isEmpty else { return [] }
            return [
                Text(
                    vi: "\(Self.field("note").vi): \(value("note", note, .vi))",
                    en: "\(Self.field("note").en): \(value("note", note, .en))")
            ]
        case .scanAccept, .pdfBuild, .scanIngest:
            return scanChanges(e, d, before: before, after: after)
        default:
            break
        }
        var lines: [Text] = []
        for key in Set(before.keys).union(after.keys).sorted(by: Self.order) where !Self.hidden.contains(key) {
            let old = before[key] ?? nil
            let new = after[key] ?? nil
            if d.before == nil {
                // Only new values (a saved estimate, a profile set before kho kept the old one): the value itself.
                if key == "saved_estimate" || key == "restored_from" { continue }
                lines.append(
                    Text(
                        vi: "\(Self.field(key).vi): \(value(key, new, .vi))",
                        en: "\(Self.field(key).en): \(value(key, new, .en))"))
            } else if after.keys.contains(key) {
                if old != new { lines.append(change(key, old, new)) }
            } else {
                lines.append(
                    Text(
                        vi: "\(Self.field(key).vi) trước đó: \(value(key, old, .vi))",
                        en: "\(Self.field(key).en) before: \(value(key, old, .en))"))
            }
        }
        if let note = d.note,
            [.scanConfirm, .scanVerify, .pdfVerify, .pdfNumber, .copiesSync, .copiesVerify, .copiesRepair].contains(
                e.kind),
            !note.isEmpty
        {
            lines.append(e.kind == .scanConfirm ? Text(verbatim: note) : Text(vi: TallyNote.words(note, .vi), en: note))
        }
        return lines
    }

    /// Hashes of masters and rungs: the ingest's rung is worth a line, hashes are not. An accept says why.
    private func scanChanges(
        _ e: Event, _ d: EventDetail, before: [String: String?], after: [String: String?]
    ) -> [Text] {
        var lines: [Text] = []
        if e.kind == .scanAccept, let source = d.source {
            let reason = AcceptReason(rawValue: source)?.label ?? Text(verbatim: source)
            lines.append(Text(vi: "lý do: \(reason.vi)", en: "reason: \(reason.en)"))
        }
        if let old = before["scan_state"] ?? nil, let new = after["scan_state"] ?? nil, old != new {
            lines.append(change("scan_state", old, new))
        }
        return lines
    }

    /// Detail keys that are bookkeeping, not values a person changed.
    private static let hidden: Set<String> = ["events", "added_by", "id"]

    /// Keys in the order a person reads a row: code and name first.
    private static func order(_ a: String, _ b: String) -> Bool {
        let first = ["code", "name", "title", "fonds_id", "box_id", "extent_mm", "kept_mm", "location"]
        let ia = first.firstIndex(of: a) ?? first.count
        let ib = first.firstIndex(of: b) ?? first.count
        return ia != ib ? ia < ib : a < b
    }

    private func change(_ key: String, _ old: String?, _ new: String?) -> Text {
        Text(
            vi: "\(Self.field(key).vi): \(value(key, old, .vi)) → \(value(key, new, .vi))",
            en: "\(Self.field(key).en): \(value(key, old, .en)) → \(value(key, new, .en))")
    }

    private func deleted(_ kind: EventKind, _ before: [String: String?]) -> Text {
        let code = (before["code"] ?? nil) ?? "?"
        switch kind {
        case .fondsDelete:
            let name = (before["name"] ?? nil) ?? ""
            return Text(vi: "phông \(code) (\(name))", en: "fonds \(code) (\(name))")
        case .boxDelete:
            let fonds = (before["fonds"] ?? nil) ?? "?"
            let extent = value("extent_mm", before["extent_mm"] ?? nil, .vi)
            let extentEn = value("extent_mm", before["extent_mm"] ?? nil, .en)
            return Text(vi: "hộp \(code) (\(extent), phông \(fonds))", en: "box \(code) (\(extentEn), fonds \(fonds))")
        default:
            let box = (before["box"] ?? nil) ?? "?"
            let title = (before["title"] ?? nil) ?? ""
            return Text(vi: "hồ sơ \(box)/\(code) «\(title)»", en: "file \(box)/\(code) “\(title)”")
        }
    }

    /// A field's name for people.
    static func field(_ key: String) -> Text { fieldWords[key] ?? Text(vi: key, en: key) }

    /// The words for each key an event's detail is written with (`EventWordsTests` finds every key KhoKit writes).
    private static let fieldWords: [String: Text] = [
        "code": Text(vi: "mã", en: "code"),
        "name": Text(vi: "tên", en: "name"),
        "fonds_id": Text(vi: "phông", en: "fonds"),
        "extent_mm": Text(vi: "độ dài", en: "extent"),
        "location": Text(vi: "vị trí", en: "location"),
        "start_year": Text(vi: "năm bắt đầu", en: "first year"),
        "end_year": Text(vi: "năm kết thúc", en: "last year"),
        "condition": Text(vi: "tình trạng", en: "condition"),
        "notes": Text(vi: "ghi chú", en: "notes"),
        "from_box_id": Text(vi: "tạo từ hộp", en: "made from box"),
        "arrangement": Text(vi: "chỉnh lý", en: "arrangement"),
        "kept_mm": Text(vi: "giữ lại", en: "kept"),
        "box_id": Text(vi: "hộp", en: "box"),
        "title": Text(vi: "tiêu đề", en: "title"),
        "retention": Text(vi: "thời hạn bảo quản", en: "retention"),
        "access": Text(vi: "chế độ sử dụng", en: "access"),
        "sheets": Text(vi: "số tờ", en: "sheets"),
        "pages": Text(vi: "số trang", en: "pages"),
        "scan_state": Text(vi: "bậc số hóa", en: "digitization rung"),
        "qc_profile": Text(vi: "chuẩn chất lượng bản quét", en: "scan quality profile"),
        "pdf": Text(vi: "thiết lập bản PDF/A", en: "PDF/A settings"),
        "archive_rule": Text(vi: "quy tắc mã hồ sơ", en: "archival code rule"),
        "inventory": Text(vi: "mục lục số", en: "inventory number"),
        "reason": Text(vi: "lý do hủy", en: "reason"),
        "decision": Text(vi: "quyết định", en: "decision"),
        "record": Text(vi: "biên bản hủy", en: "destruction record"),
        "day": Text(vi: "ngày", en: "day"),
        "path": Text(vi: "thư mục", en: "folder"),
        "place": Text(vi: "nơi cất", en: "place"),
        "offsite": Text(vi: "ngoài trụ sở", en: "off-site"),
        "holder": Text(vi: "người nhận", en: "holder"),
        "purpose": Text(vi: "mục đích", en: "purpose"),
        "due": Text(vi: "hạn trả", en: "due"),
        "out_event": Text(vi: "lần giao ra", en: "handed out by"),
        "risks": Text(vi: "nguy cơ", en: "risks"),
        "note": Text(vi: "ghi chú", en: "note"),
        "fonds": Text(vi: "phông", en: "fonds"),
        "box": Text(vi: "hộp", en: "box"),
        "seq": Text(vi: "số thứ tự", en: "number in the file"),
        "file_id": Text(vi: "hồ sơ", en: "file"),
        "kind": Text(vi: "tên loại", en: "kind"),
        "number": Text(vi: "số", en: "number"),
        "symbol": Text(vi: "ký hiệu", en: "symbol"),
        "date": Text(vi: "ngày văn bản", en: "date"),
        "issuer": Text(vi: "tác giả", en: "issuer"),
        "summary": Text(vi: "trích yếu", en: "summary"),
        "language": Text(vi: "ngôn ngữ", en: "language"),
        "page_from": Text(vi: "từ trang", en: "first page"),
        "page_to": Text(vi: "đến trang", en: "last page"),
        "autograph": Text(vi: "bút tích", en: "autograph"),
        "keywords": Text(vi: "từ khóa", en: "keywords"),
        "info_symbol": Text(vi: "ký hiệu thông tin", en: "information symbol"),
        "reliability": Text(vi: "mức độ tin cậy", en: "reliability"),
        "paper_code": Text(vi: "mã hồ sơ gốc giấy", en: "paper file code"),
        "backup_mode": Text(vi: "chế độ dự phòng", en: "backup mode"),
        "backup_state": Text(vi: "tình trạng dự phòng", en: "backup state"),
        "archive_id": Text(vi: "mã hồ sơ", en: "archival code"),
        "quantity": Text(vi: "số lượng", en: "quantity"),
        "years": Text(vi: "thời gian tài liệu", en: "years"),
        "document_kind": Text(vi: "tên loại văn bản", en: "document kind"),
        "vi": Text(vi: "tên tiếng Việt", en: "Vietnamese name"),
        "identifier": Text(vi: "mã định danh", en: "identifier"),
        "page": Text(vi: "trang", en: "page"),
        "user": Text(vi: "tên đăng nhập", en: "login"),
        "full_name": Text(vi: "họ tên", en: "full name"),
        "role": Text(vi: "vai trò", en: "role"),
        "disabled": Text(vi: "tài khoản bị tắt", en: "account disabled"),
        "locked_until": Text(vi: "khóa đến", en: "locked until"),
        "pdfa": Text(vi: "chuẩn PDF/A", en: "PDF/A level"),
        "sha256": Text(vi: "mã SHA-256", en: "SHA-256"),
        "restored_from": Text(vi: "khôi phục từ", en: "restored from"),
        "saved_estimate": Text(vi: "dự toán đã lưu", en: "saved estimate"),
    ]

    /// A stored value as people read it: metres with "m", codes for ids, labels for vocabularies, "tờ" and "trang".
    func value(_ key: String, _ raw: String?, _ lang: Lang) -> String {
        guard let raw, !raw.isEmpty else { return lang == .vi ? "(trống)" : "(empty)" }
        switch key {
        case "extent_mm", "kept_mm":
            return Int64(raw).map { Millimetres($0).formatted(lang) + " m" } ?? raw
        case "fonds_id":
            return Int64(raw).flatMap { fondsCodes[$0] } ?? "#\(raw)"
        case "box_id", "from_box_id":
            return Int64(raw).flatMap { boxCodes[$0] } ?? "#\(raw)"
        case "condition": return Condition(rawValue: raw)?.label(lang) ?? raw
        case "access": return Access(rawValue: raw)?.label(lang) ?? raw
        case "arrangement": return ArrangementState(rawValue: raw)?.label(lang) ?? raw
        case "scan_state": return ScanState(rawValue: raw)?.label(lang) ?? raw
        case "retention": return Retention(stored: raw)?.label(lang) ?? raw
        case "sheets": return Int(raw).map { Self.sheets($0)(lang) } ?? raw
        case "pages": return Int(raw).map { Self.pages($0)(lang) } ?? raw
        case "pdf": return Self.pdfSettings(raw, lang)
        case "offsite", "disabled":
            return raw == "yes" ? (lang == .vi ? "có" : "yes") : (lang == .vi ? "không" : "no")
        case "role": return Role(rawValue: raw)?.label(lang) ?? raw
        case "purpose": return CustodyPurpose(rawValue: raw)?.label(lang) ?? raw
        case "out_event": return lang == .vi ? "sự kiện \(raw)" : "event \(raw)"
        case "risks":
            return LocationRisk.words(raw.split(separator: ",").compactMap { LocationRisk(rawValue: String($0)) }, lang)
        case "autograph":
            return ["1", "true"].contains(raw) ? (lang == .vi ? "có" : "yes") : (lang == .vi ? "không" : "no")
        // Days and times are stored YYYY-MM-DD (a document's date may stop at the month or the year): a person reads
        // them as every text shows them (English keeps them as stored, as the command line does).
        case "date", "due": return DateFormat.day(raw, lang: lang, english: .iso)
        case "locked_until": return DateFormat.dateTime(raw, lang: lang, english: .iso)
        default:
            let oneLine = raw.replacingOccurrences(of: "\n", with: " ")
            return oneLine.count > 60 ? "«\(oneLine.prefix(60))…»" : "«\(oneLine)»"
        }
    }

    /// PDF settings JSON as "jpeg 85, 300 dpi, thư mục /srv/kho-pdf".
    private static func pdfSettings(_ json: String, _ lang: Lang) -> String {
        guard let s = try? JSONDecoder().decode(DeliverySettings.self, from: Data(json.utf8)) else { return json }
        var parts = [
            s.image == .jpeg ? "jpeg \(s.jpegQuality)" : (lang == .vi ? "ảnh không nén mất" : "lossless images")
        ]
        parts.append(s.dpi.map { "\($0) dpi" } ?? (lang == .vi ? "dpi như bản gốc" : "masters' dpi"))
        if let folder = s.folder { parts.append((lang == .vi ? "thư mục " : "folder ") + folder) }
        return parts.joined(separator: ", ")
    }
}
