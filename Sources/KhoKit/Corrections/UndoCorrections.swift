import Foundation
import GRDB

extension KhoStore {
    /// Undoes a rename, a delete, an import of boxes or files, or a step of the destruction list; nil for other kinds.
    func undoCorrection(_ db: Database, original: Event, by who: Attribution) throws -> Event? {
        switch original.kind {
        case .boxRename, .fileRename, .fondsRename: return try undoRename(db, original: original, by: who)
        case .boxDelete, .fileDelete, .fondsDelete: return try undoDelete(db, original: original, by: who)
        case .importBoxes, .importFiles: return try undoImport(db, original: original, by: who)
        case .weedAdd, .importWeed, .weedApprove, .weedDestroy:
            return try undoWeed(Stores(db: db, time: time), original: original, by: who)
        default: return nil
        }
    }

    /// Appends the undo event of `original`, naming what it names (or what the caller gives instead).
    func appendUndo(
        _ db: Database, of original: Event, by who: Attribution, fonds: Int64?? = nil, box: Int64?? = nil,
        file: Int64?? = nil,
        count: Int? = nil
    ) throws -> Event {
        var event = Event(
            kind: .undo, attribution: who, time: time, detail: EventDetail(count: count, note: original.kind.rawValue))
        event.undoes = original.id
        event.fondsId = fonds ?? original.fondsId
        event.boxId = box ?? original.boxId
        event.fileId = file ?? original.fileId
        try event.append(db)
        return event
    }

    private static func subject(of kind: EventKind) -> (Subject, CatalogueError.Thing) {
        switch kind {
        case .fondsRename, .fondsDelete: (.fonds, .fonds)
        case .boxRename, .boxDelete, .importBoxes: (.box, .box)
        default: (.file, .file)
        }
    }

    /// Gives the row its old code back, when no later rename of it is live, the old code is free and it may be renamed.
    private func undoRename(_ db: Database, original: Event, by who: Attribution) throws -> Event {
        let (subject, thing) = Self.subject(of: original.kind)
        let detail = try EventDetail(decoding: original.detail)
        let oldCode = (detail.before?["code"] ?? nil) ?? ""
        let newCode = (detail.after?["code"] ?? nil) ?? ""
        let named: Int64? = subject == .fonds ? original.fondsId : subject == .box ? original.boxId : original.fileId
        // A row deleted since keeps its id on the event (and no other row has it): it is simply not there.
        guard let target = named,
            try Int.fetchOne(db, sql: "SELECT 1 FROM \(subject.table) WHERE id = ?", arguments: [target]) != nil
        else {
            throw CorrectionError.cannotRestore(
                thing: thing, code: oldCode,
                reason: Text(
                    vi: "\(thing.text.vi) \(newCode) đã bị xóa sau đó; hãy hoàn tác việc xóa trước",
                    en: "\(thing.text.en) \(newCode) was deleted since; undo the delete first"))
        }
        if let later = try Row.fetchOne(
            db,
            sql: """
                SELECT id FROM event e WHERE kind = ? AND \(subject.eventColumn) = ? AND id > ? AND \(LiveEvent.sql(alias: "e")) ORDER BY id LIMIT 1
                """, arguments: [original.kind.rawValue, target, original.id])
        {
            throw WorkError.laterEventFirst(id: original.id ?? 0, later: later["id"], kind: original.kind.label)
        }
        let taken: Bool
        switch subject {
        case .fonds:
            taken = try Lookup.fondsId(db, code: oldCode) != nil
        case .box:
            taken = try Lookup.boxId(db, code: oldCode) != nil
        case .file:
            taken =
                try Int.fetchOne(
                    db, sql: "SELECT 1 FROM file WHERE code = ? AND box_id = (SELECT box_id FROM file WHERE id = ?)",
                    arguments: [oldCode, target]) != nil
        }
        if taken {
            throw CorrectionError.cannotRestore(
                thing: thing, code: oldCode,
                reason: Text(
                    vi: "mã \(oldCode) nay đã dùng cho \(thing.text.vi) khác; hãy đổi mã \(thing.text.vi) đó trước",
                    en: "code \(oldCode) now belongs to another \(thing.text.en); rename that one first"))
        }
        let files = subject == .fonds ? "b.fonds_id = ?" : subject == .box ? "f.box_id = ?" : "f.id = ?"
        try Self.ensureRenamable(db, thing: thing, code: newCode, files: files, id: target)
        try db.execute(sql: "UPDATE \(subject.table) SET code = ? WHERE id = ?", arguments: [oldCode, target])
        return try appendUndo(db, of: original, by: who)
    }

    /// Brings a deleted row back under its own id (never given to another row), which its events still name.
    private func undoDelete(_ db: Database, original: Event, by who: Attribution) throws -> Event {
        let (subject, thing) = Self.subject(of: original.kind)
        var before = try EventDetail(decoding: original.detail).before ?? [:]
        let code = (before["code"] ?? nil) ?? "?"
        // A delete made before the log became append-only also listed the events it unlinked; they stay unlinked.
        before.removeValue(forKey: "events")
        try Self.ensureRestorable(db, subject, thing: thing, code: code, before: before)
        let restored = try Self.reinsert(db, subject, before: before)
        switch subject {
        case .fonds: return try appendUndo(db, of: original, by: who, fonds: .some(restored))
        case .box: return try appendUndo(db, of: original, by: who, box: .some(restored))
        case .file: return try appendUndo(db, of: original, by: who, file: .some(restored))
        }
    }

    /// Refuses to bring a deleted row back when its code is in use again or what it belongs to is gone.
    private static func ensureRestorable(
        _ db: Database, _ subject: Subject, thing: CatalogueError.Thing, code: String, before: [String: String?]
    ) throws {
        func value(_ key: String) -> String? { (before[key] ?? nil) }
        func gone(_ what: Text) -> CorrectionError { .cannotRestore(thing: thing, code: code, reason: what) }
        switch subject {
        case .fonds:
            if try Lookup.fondsId(db, code: code) != nil {
                throw gone(Text(vi: "mã phông \(code) đã được dùng lại", en: "fonds code \(code) is in use again"))
            }
        case .box:
            if try Lookup.boxId(db, code: code) != nil {
                throw gone(Text(vi: "mã hộp \(code) đã được dùng lại", en: "box code \(code) is in use again"))
            }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM fonds WHERE id = ?", arguments: [value("fonds_id")]) == nil {
                throw gone(
                    Text(
                        vi: "phông \((value("fonds") ?? "?")) của nó đã bị xóa; hãy hoàn tác việc xóa phông trước",
                        en: "its fonds \((value("fonds") ?? "?")) was deleted; undo that first"))
            }
            if let from = value("from_box_id"),
                try Int.fetchOne(db, sql: "SELECT 1 FROM box WHERE id = ?", arguments: [from]) == nil
            {
                throw gone(Text(vi: "hộp gốc của nó không còn", en: "the box it was made from is gone"))
            }
        case .file:
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM box WHERE id = ?", arguments: [value("box_id")]) != nil
            else {
                throw gone(
                    Text(
                        vi: "hộp \((value("box") ?? "?")) của nó đã bị xóa; hãy hoàn tác việc xóa hộp trước",
                        en: "its box \((value("box") ?? "?")) was deleted; undo that first"))
            }
            if try Int.fetchOne(
                db, sql: "SELECT 1 FROM file WHERE box_id = ? AND code = ?",
                arguments: [value("box_id"), value("code")]) != nil
            {
                throw gone(
                    Text(
                        vi: "số hồ sơ \(code) đã được dùng lại trong hộp",
                        en: "file code \(code) is in use again in its box"))
            }
        }
    }

    /// Inserts the row's columns as they were before its delete (its old id only when free); returns its id.
    private static func reinsert(_ db: Database, _ subject: Subject, before: [String: String?]) throws -> Int64 {
        let columns = Set(
            try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [subject.table]).map {
                $0["name"] as String
            })
        var names = before.keys.filter { columns.contains($0) }.sorted()
        if let id = before["id"] ?? nil,
            try Int.fetchOne(db, sql: "SELECT 1 FROM \(subject.table) WHERE id = ?", arguments: [id]) != nil
        {
            names.removeAll { $0 == "id" }
        }
        try db.execute(
            sql:
                "INSERT INTO \(subject.table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
            arguments: StatementArguments(names.map { before[$0] ?? nil }))
        return db.lastInsertedRowID
    }

    /// Removes exactly the rows an import added, when none of them has been touched since.
    private func undoImport(_ db: Database, original: Event, by who: Attribution) throws -> Event {
        let (subject, _) = Self.subject(of: original.kind)
        let id = original.id ?? 0
        let expected = EventDetail(json: original.detail).count ?? 0
        let found =
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(subject.table) WHERE added_by = ?", arguments: [id]) ?? 0
        if found < expected {
            let deleteKind: EventKind = subject == .box ? .boxDelete : .fileDelete
            if let deleted = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, json_extract(detail, '$.before.code') AS code, json_extract(detail, '$.before.box') AS box FROM event e
                    WHERE kind = ? AND json_extract(detail, '$.before.added_by') = ? AND \(LiveEvent.sql(alias: "e")) ORDER BY id LIMIT 1
                    """, arguments: [deleteKind.rawValue, String(id)])
            {
                let code: String = deleted["code"] ?? "?"
                let row = subject == .box ? code : "\((deleted["box"] as String?) ?? "?")/\(code)"
                throw CorrectionError.importRowDeleted(event: id, row: row, by: deleted["id"])
            }
            throw CorrectionError.importUntracked(event: id, count: expected)
        }
        let rows: SQL = "SELECT id FROM \(sql: subject.table) WHERE added_by = \(id)"
        if let happened = try History.firstHappening(db, subject, ids: rows, strict: true, time: time) {
            throw CorrectionError.importTouched(event: id, row: happened.row, happened: happened.text)
        }
        // Events that name a row (undone edits and their undos) keep naming it: its id is never given out again.
        try db.execute(sql: "DELETE FROM \(subject.table) WHERE added_by = ?", arguments: [id])
        var event = Event(
            kind: .undo, attribution: who, time: time,
            detail: EventDetail(count: found, note: original.kind.rawValue))
        event.undoes = original.id
        event.fondsId = original.fondsId
        try event.append(db)
        return event
    }
}
