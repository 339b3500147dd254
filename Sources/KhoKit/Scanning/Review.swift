import Foundation
import GRDB

/// Why a person accepts a master's new content as the reference.
public enum AcceptReason: String, Sendable, CaseIterable, Codable {
    /// The page was scanned again on purpose.
    case rescan
    /// The file was repaired (e.g. restored from a backup copy).
    case repair
    /// A master gone from disk is lost for good: a person accepts the loss (it stops being one of the file's masters,
    /// its last SHA-256 stays on record).
    case lost
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
        return try write { db in
            let (box, file) = try Lookup.file(db, ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let name = "\(box.code)/\(file.code)"
            guard file.scanState == .mismatch else {
                throw ReviewError.nothingToConfirm(
                    ref: name, state: file.scanState.label, pages: file.pages, sheets: file.sheets)
            }
            // Where the confirmation takes the file, known before its event is written (an event is never patched).
            let settled = try FileLadder.settle(db, fileId: fileId, confirming: file.pages)
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
            try event.append(db)
            try FileLadder.apply(db, fileId: fileId)
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
        return try write { db in
            let (box, file) = try Lookup.file(db, ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let chosen = try Self.changedMasters(db, fileId: fileId, name: "\(box.code)/\(file.code)", page: page)
            // before: master id → old reference; after: master id → new reference (what undo puts back).
            var before: [String: String?] = ["scan_state": file.scanState.rawValue]
            var after: [String: String?] = [:]
            for m in chosen {
                let id: Int64 = m["id"]
                before["master.\(id)"] = m["sha256"] as String?
                after["master.\(id)"] = m["seen_sha256"] as String?
            }
            var event = Event(
                kind: .scanAccept, attribution: who, time: time,
                detail: EventDetail(before: before, after: after, source: reason.rawValue, count: chosen.count))
            event.boxId = box.id
            event.fileId = fileId
            event.fondsId = box.fondsId
            // The hash history refers to the event, which says where the file ended up: the history comes first.
            try event.reserveId(db)
            try Self.acceptSeenHashes(db, of: chosen, reason: reason, event: event)
            let settled = try FileLadder.apply(db, fileId: fileId)
            after["scan_state"] = settled.after.rawValue
            event.detail =
                EventDetail(before: before, after: after, source: reason.rawValue, count: chosen.count).json
            try event.append(db)
            return event
        }
    }

    /// Accepts that a file's missing masters (all, or the one named `page`) are lost: an attributed, undoable
    /// `scan.accept` event with reason `lost`, naming each master and its last SHA-256; the masters stay on record
    /// (never deleted, their history kept) but no longer count as the file's, and the file is settled again.
    private func acceptLoss(of ref: FileRef, page: String?, by who: Attribution) throws -> Event {
        try write { db in
            let (box, file) = try Lookup.file(db, ref: ref)
            guard let fileId = file.id else { throw CatalogueError.unknownFile(ref.description) }
            let name = "\(box.code)/\(file.code)"
            let missing = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, name, sha256 FROM master WHERE file_id = ? AND missing AND lost_event IS NULL ORDER BY name
                    """, arguments: [fileId])
            guard !missing.isEmpty else { throw ReviewError.nothingLost(ref: name) }
            let chosen = missing.filter {
                page == nil || ($0["name"] as String) == page || ($0["name"] as String).hasPrefix((page ?? "") + ".")
            }
            guard !chosen.isEmpty else {
                throw ReviewError.unknownPage(ref: name, page: page ?? "", changed: missing.map { $0["name"] })
            }
            var before: [String: String?] = ["scan_state": file.scanState.rawValue]
            for m in chosen { before["lost.\(m["id"] as Int64)"] = m["sha256"] as String? }
            var event = Event(
                kind: .scanAccept, attribution: who, time: time,
                detail: EventDetail(
                    before: before, source: AcceptReason.lost.rawValue, count: chosen.count,
                    note: chosen.map { $0["name"] as String }.joined(separator: ", ")))
            event.boxId = box.id
            event.fileId = fileId
            event.fondsId = box.fondsId
            try event.append(db)
            let update = try db.makeStatement(sql: "UPDATE master SET lost_event = ? WHERE id = ?")
            for m in chosen { try update.execute(arguments: [event.id, m["id"] as Int64]) }
            try FileLadder.apply(db, fileId: fileId)
            return event
        }
    }

    /// The file's masters whose content changed since their reference (all, or those of `page`), by name; none is
    /// an error naming the file (`name`).
    private static func changedMasters(_ db: Database, fileId: Int64, name: String, page: String?) throws -> [Row] {
        let changed = try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, sha256, seen_sha256, size FROM master WHERE file_id = ? AND seen_sha256 IS NOT NULL ORDER BY name
                """, arguments: [fileId])
        guard !changed.isEmpty else { throw ReviewError.nothingToAccept(ref: name) }
        guard let page else { return changed }
        let chosen = changed.filter {
            ($0["name"] as String) == page || ($0["name"] as String).hasPrefix(page + ".")
        }
        guard !chosen.isEmpty else {
            throw ReviewError.unknownPage(ref: name, page: page, changed: changed.map { $0["name"] })
        }
        return chosen
    }

    /// Makes each master's content last seen its reference, keeping the new hash in its history under `event`.
    private static func acceptSeenHashes(
        _ db: Database, of masters: [Row], reason: AcceptReason, event: Event
    ) throws {
        for m in masters {
            try db.execute(
                sql:
                    "UPDATE master SET sha256 = seen_sha256, seen_sha256 = NULL, changed_at = NULL, verified_at = NULL WHERE id = ?",
                arguments: [m["id"] as Int64])
            try db.execute(
                sql: """
                    INSERT INTO master_hash (master_id, sha256, size, since, reason, event_id) VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    m["id"] as Int64, m["seen_sha256"] as String, m["size"] as Int64, event.happenedAt,
                    reason.rawValue, event.id,
                ])
        }
    }

    /// Undoes a confirmation or an acceptance (called by `undo`): the masters' references go back, and the file is settled again.
    func undoReview(_ db: Database, original: Event) throws {
        guard let fileId = original.fileId else { return }
        if original.kind == .scanAccept, original.decodedDetail.source == AcceptReason.lost.rawValue {
            // The masters are missing again, not accepted as lost.
            try db.execute(sql: "UPDATE master SET lost_event = NULL WHERE lost_event = ?", arguments: [original.id])
        } else if original.kind == .scanAccept {
            let detail = original.decodedDetail
            for (key, old) in detail.before ?? [:] where key.hasPrefix("master.") {
                guard let id = Int64(key.dropFirst("master.".count)), let new = (detail.after?[key] ?? nil) else {
                    continue
                }
                try db.execute(
                    sql: "UPDATE master SET sha256 = ?, seen_sha256 = ?, changed_at = ? WHERE id = ?",
                    arguments: [old, new, original.happenedAt, id])
            }
            try db.execute(sql: "DELETE FROM master_hash WHERE event_id = ?", arguments: [original.id])
        }
        try FileLadder.apply(db, fileId: fileId)
    }

    /// The accepted SHA-256 history of a master, oldest first.
    func hashHistory(_ db: Database, masterId: Int64) throws -> [MasterHash] {
        try Row.fetchAll(
            db, sql: "SELECT sha256, size, since, reason, event_id FROM master_hash WHERE master_id = ? ORDER BY id",
            arguments: [masterId]
        ).map { row in
            MasterHash(
                sha256: row["sha256"], size: row["size"],
                since: time.dateTime(of: Date(timeIntervalSince1970: TimeInterval(row["since"] as Int64))),
                reason: row["reason"], eventId: row["event_id"])
        }
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
