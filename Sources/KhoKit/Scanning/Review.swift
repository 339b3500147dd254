import Foundation

/// Why a person accepts a master's new content as the reference.
public enum AcceptReason: String, Sendable, CaseIterable, Codable {
    /// The page was scanned again on purpose.
    case rescan
    /// The file was repaired (e.g. restored from a backup copy).
    case repair
    /// A master gone from disk is lost for good: a person accepts the loss (it stops being one of the file's masters,
    /// its last SHA-256 stays on record).
    case lost

    /// The reason in words, as the log says it: "quét lại", "sửa chữa, khôi phục", "chấp nhận bản gốc đã mất".
    public var label: Text {
        switch self {
        case .rescan: Text(vi: "quét lại", en: "rescan")
        case .repair: Text(vi: "sửa chữa, khôi phục", en: "repair")
        case .lost: Text(vi: "chấp nhận bản gốc đã mất", en: "lost")
        }
    }
}

/// What stops `scan confirm` or `scan accept`.
public enum ReviewError: KhoError, Equatable {
    case nothingToConfirm(ref: String, state: Text, pages: Int, sheets: Int?)
    case nothingToAccept(ref: String)
    case nothingLost(ref: String)
    case unknownPage(ref: String, page: String, changed: [String])
    case emptyNote

    public var text: Text {
        switch self {
        case .nothingToConfirm(let ref, let state, let pages, let sheets):
            let s = sheets.map(String.init) ?? "?"
            return Text(
                vi:
                    "hồ sơ \(ref) không có số trang cần xác nhận (\(state.vi); \(pages) trang, \(s) tờ): chỉ xác nhận hồ sơ ở bậc «số trang không khớp số tờ»",
                en:
                    "file \(ref) has no page count to confirm (\(state.en); \(pages) pages, \(s) sheets): only a file in “count mismatch” is confirmed"
            )
        case .nothingToAccept(let ref):
            return Text(
                vi: "hồ sơ \(ref) không có bản quét nào đổi nội dung sau khi kiểm tra; không có gì để chấp nhận",
                en: "file \(ref) has no master whose content changed after it was checked; nothing to accept")
        case .nothingLost(let ref):
            return Text(
                vi: "hồ sơ \(ref) không có bản gốc nào đang mất; không có gì để chấp nhận mất",
                en: "file \(ref) has no master that is missing; no loss to accept")
        case .unknownPage(let ref, let page, let changed):
            let list = changed.isEmpty ? "—" : changed.joined(separator: ", ")
            return Text(
                vi: "hồ sơ \(ref) không có bản quét đã đổi tên «\(page)»; các bản quét đã đổi: \(list)",
                en: "file \(ref) has no changed master named “\(page)”; changed masters: \(list)")
        case .emptyNote:
            return Text(
                vi: "--note trống: ghi lý do số trang đúng (ví dụ «có 2 bản đồ gấp», «bỏ qua mặt sau để trắng»)",
                en: "--note is empty: say why the count is right (e.g. “2 fold-out maps”, “blank backs skipped”)")
        }
    }
}

extension KhoStore {
    /// Confirms that a file's page count is right although it lies outside sheets…2 × sheets (fold-out maps, blank
    /// backs skipped): an attributed, undoable `scan.confirm` event; the file then counts as digitized for that count.
    @discardableResult
    public func confirmCount(of ref: FileRef, note: String, by who: Attribution) throws -> Event {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw ReviewError.emptyNote }
        return try writing { tx in
            let (box, file) = try tx.catalogue.file(ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let name = "\(box.code)/\(file.code)"
            guard file.scanState == .mismatch else {
                throw ReviewError.nothingToConfirm(
                    ref: name, state: file.scanState.label, pages: file.pages, sheets: file.sheets)
            }
            // Where the confirmation takes the file, known before its event is written (an event is never patched).
            let settled = try FileLadder.settle(tx.scan, fileId: fileId, confirming: file.pages)
            var event = Event(
                kind: .scanConfirm, attribution: who, time: time,
                detail: EventDetail(
                    before: ["scan_state": file.scanState.rawValue], after: ["scan_state": settled.after.rawValue],
                    note: note))
            event.boxId = box.id
            event.fileId = fileId
            event.fondsId = box.fondsId
            event.pages = file.pages
            event.sheets = file.sheets
            try tx.events.append(&event)
            try FileLadder.apply(tx.scan, fileId: fileId)
            return event
        }
    }

    /// Makes the content last seen of a file's changed masters (all, or the one named `page`) their reference
    /// SHA-256, keeping the old hash in the history: an attributed, undoable `scan.accept` event.
    @discardableResult
    public func acceptMasters(
        of ref: FileRef, page: String? = nil, reason: AcceptReason, by who: Attribution
    ) throws -> Event {
        if reason == .lost { return try acceptLoss(of: ref, page: page, by: who) }
        return try writing { tx in
            let (box, file) = try tx.catalogue.file(ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let chosen = try Self.changedMasters(tx, fileId: fileId, name: "\(box.code)/\(file.code)", page: page)
            // before: master id → old reference; after: master id → new reference (what undo puts back).
            var before: [String: String?] = ["scan_state": file.scanState.rawValue]
            var after: [String: String?] = [:]
            for m in chosen {
                before["master.\(m.id)"] = m.sha256
                after["master.\(m.id)"] = m.seen
            }
            var event = Event(
                kind: .scanAccept, attribution: who, time: time,
                detail: EventDetail(before: before, after: after, source: reason.rawValue, count: chosen.count))
            event.boxId = box.id
            event.fileId = fileId
            event.fondsId = box.fondsId
            // The hash history refers to the event, which says where the file ended up: the history comes first.
            try tx.events.reserveId(for: &event)
            for m in chosen { try tx.scan.acceptSeen(m, reason: reason, event: event) }
            let settled = try FileLadder.apply(tx.scan, fileId: fileId)
            after["scan_state"] = settled.after.rawValue
            event.detail =
                EventDetail(before: before, after: after, source: reason.rawValue, count: chosen.count).json
            try tx.events.append(&event)
            return event
        }
    }

    /// Accepts that a file's missing masters (all, or the one named `page`) are lost: an attributed, undoable
    /// `scan.accept` event with reason `lost`, naming each master and its last SHA-256; the masters stay on record
    /// (never deleted, their history kept) but no longer count as the file's, and the file is settled again.
    private func acceptLoss(of ref: FileRef, page: String?, by who: Attribution) throws -> Event {
        try writing { tx in
            let (box, file) = try tx.catalogue.file(ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let name = "\(box.code)/\(file.code)"
            let missing = try tx.scan.missingNotLost(fileId: fileId)
            guard !missing.isEmpty else { throw ReviewError.nothingLost(ref: name) }
            let chosen = missing.filter { page == nil || $0.name == page || $0.name.hasPrefix((page ?? "") + ".") }
            guard !chosen.isEmpty else {
                throw ReviewError.unknownPage(ref: name, page: page ?? "", changed: missing.map(\.name))
            }
            var before: [String: String?] = ["scan_state": file.scanState.rawValue]
            for m in chosen { before["lost.\(m.id)"] = m.sha256 }
            var event = Event(
                kind: .scanAccept, attribution: who, time: time,
                detail: EventDetail(
                    before: before, source: AcceptReason.lost.rawValue, count: chosen.count,
                    note: chosen.map(\.name).joined(separator: ", ")))
            event.boxId = box.id
            event.fileId = fileId
            event.fondsId = box.fondsId
            try tx.events.append(&event)
            try tx.scan.markLost(chosen.map(\.id), event: event.id)
            try FileLadder.apply(tx.scan, fileId: fileId)
            return event
        }
    }

    /// The file's masters whose content changed since their reference (all, or those of `page`), by name; none is
    /// an error naming the file (`name`).
    private static func changedMasters(
        _ tx: Stores, fileId: Int64, name: String, page: String?
    ) throws
        -> [ChangedMaster]
    {
        let changed = try tx.scan.changedMasters(fileId: fileId)
        guard !changed.isEmpty else { throw ReviewError.nothingToAccept(ref: name) }
        guard let page else { return changed }
        let chosen = changed.filter { $0.name == page || $0.name.hasPrefix(page + ".") }
        guard !chosen.isEmpty else {
            throw ReviewError.unknownPage(ref: name, page: page, changed: changed.map(\.name))
        }
        return chosen
    }

    /// Undoes a confirmation or an acceptance (called by `undo`): the masters' references go back, and the file is settled again.
    func undoReview(_ tx: Stores, original: Event) throws {
        guard let fileId = original.fileId else { return }
        if original.kind == .scanAccept, original.decodedDetail.source == AcceptReason.lost.rawValue {
            // The masters are missing again, not accepted as lost.
            try tx.scan.unmarkLost(event: original.id)
        } else if original.kind == .scanAccept {
            let detail = original.decodedDetail
            for (key, old) in detail.before ?? [:] where key.hasPrefix("master.") {
                guard let id = Int64(key.dropFirst("master.".count)), let new = (detail.after?[key] ?? nil) else {
                    continue
                }
                try tx.scan.restoreReference(masterId: id, sha256: old, seen: new, changedAt: original.happenedAt)
            }
            try tx.scan.deleteHashHistory(event: original.id)
        }
        try FileLadder.apply(tx.scan, fileId: fileId)
    }
}

/// One accepted content of a master: its hash, size, since when, and why.
public struct MasterHash: Codable, Sendable, Hashable {
    public var sha256: String
    public var size: Int64
    public var since: String
    /// `ingest`, `rescan` or `repair`.
    public var reason: String
    public var eventId: Int64?

    enum CodingKeys: String, CodingKey {
        case sha256, size, since, reason
        case eventId = "event_id"
    }
}
