import Foundation
import GRDB

extension KhoStore {
    /// Gives a box a new code; refused when a file in it has a delivered PDF/A copy or masters on record (their folder
    /// is named by the code). The event keeps the old code, so it can be undone.
    @discardableResult
    public func renameBox(_ code: String, to newCode: String, by who: Attribution) throws -> Box {
        try holdingWorkLock(.rename, by: who) {
            try write { db in
                let old = try Lookup.box(db, code: code)
                let new = try Clean.newCode(newCode, .box)
                guard new != old.code else { throw CorrectionError.sameCode(thing: .box, code: old.code) }
                if let taken = try Box.filter(Box.Columns.code == new).fetchOne(db) {
                    throw CatalogueError.duplicateBox(
                        code: new, fonds: try Lookup.fondsCode(db, id: taken.fondsId), location: taken.location)
                }
                try Self.ensureRenamable(db, thing: .box, code: old.code, files: "f.box_id = ?", id: old.id)
                var box = old
                box.code = new
                try Self.saveChange(db, old: old, new: box, kind: .boxRename, by: who, time: time) { event in
                    event.boxId = box.id
                    event.fondsId = box.fondsId
                }
                return box
            }
        }
    }

    /// Gives a file a new code in its box; refused as ``renameBox(_:to:by:)`` is.
    @discardableResult
    public func renameFile(_ ref: FileRef, to newCode: String, by who: Attribution) throws -> FileRecord {
        try holdingWorkLock(.rename, by: who) {
            try write { db in
                let (box, old) = try Lookup.file(db, ref: ref)
                let new = try Clean.newCode(newCode, .file)
                let name = "\(box.code)/\(old.code)"
                guard new != old.code else { throw CorrectionError.sameCode(thing: .file, code: name) }
                if let taken = try FileRecord.filter(Column("box_id") == old.boxId && Column("code") == new).fetchOne(
                    db)
                {
                    throw CatalogueError.duplicateFile(ref: "\(box.code)/\(new)", title: taken.title)
                }
                try Self.ensureRenamable(db, thing: .file, code: name, files: "f.id = ?", id: old.id)
                var file = old
                file.code = new
                try Self.saveChange(db, old: old, new: file, kind: .fileRename, by: who, time: time) { event in
                    event.boxId = file.boxId
                    event.fileId = file.id
                    event.fondsId = box.fondsId
                }
                return file
            }
        }
    }

    /// Gives a fonds a new code; refused when a file of the fonds has a delivered PDF/A copy (the code is in it).
    @discardableResult
    public func renameFonds(_ code: String, to newCode: String, by who: Attribution) throws -> Fonds {
        try holdingWorkLock(.rename, by: who) {
            try write { db in
                let old = try Lookup.fonds(db, code: Clean.code(code))
                let new = try Clean.newCode(newCode, .fonds)
                guard new != old.code else { throw CorrectionError.sameCode(thing: .fonds, code: old.code) }
                if let taken = try Fonds.filter(Fonds.Columns.code == new).fetchOne(db) {
                    throw CatalogueError.duplicateFonds(code: new, name: taken.name)
                }
                try Self.ensureRenamable(db, thing: .fonds, code: old.code, files: "b.fonds_id = ?", id: old.id)
                var fonds = old
                fonds.code = new
                try Self.saveChange(db, old: old, new: fonds, kind: .fondsRename, by: who, time: time) { event in
                    event.fondsId = fonds.id
                }
                return fonds
            }
        }
    }

    /// Refuses a rename when a file among `files` (an SQL condition over `file f` and `box b`) has a PDF/A copy, or
    /// (boxes and files) masters on record.
    static func ensureRenamable(
        _ db: Database, thing: CatalogueError.Thing, code: String, files: String, id: Int64?
    ) throws {
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT b.code || '/' || f.code AS file, c.archive_id FROM pdf_copy c JOIN file f ON f.id = c.file_id JOIN box b ON b.id = f.box_id
                WHERE \(files) ORDER BY c.id LIMIT 1
                """, arguments: [id])
        {
            throw CorrectionError.deliveredCopy(
                thing: thing, code: code, file: row["file"], archiveId: row["archive_id"])
        }
        guard thing != .fonds else { return }
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT b.code AS box, f.code AS file, COUNT(*) AS masters, MIN(m.root) AS root FROM master m JOIN file f ON f.id = m.file_id JOIN box b ON b.id = f.box_id
                WHERE \(files) AND NOT m.missing GROUP BY f.id ORDER BY b.code, f.code LIMIT 1
                """, arguments: [id])
        {
            let box: String = row["box"]
            let file: String = row["file"]
            let root: String = row["root"]
            throw CorrectionError.mastersInFolder(
                thing: thing, code: code, file: "\(box)/\(file)", masters: row["masters"],
                folder: (root as NSString).appendingPathComponent("\(box)/\(file)"))
        }
    }

    /// Deletes a file registered by mistake, when nothing has happened to it (``History``). The event keeps the whole
    /// row, so `kho undo` brings it back under the same id, which the events that named it still name.
    @discardableResult
    public func deleteFile(_ ref: FileRef, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try write { db in
                let (box, file) = try Lookup.file(db, ref: ref)
                let name = "\(box.code)/\(file.code)"
                return try deleteRow(db, .file, id: file.id ?? 0, code: name, extra: ["box": box.code], by: who) {
                    event in
                    event.boxId = box.id
                    event.fondsId = box.fondsId
                    event.sheets = file.sheets
                }
            }
        }
    }

    /// Deletes a box registered by mistake, when nothing has happened to it and it holds no files.
    @discardableResult
    public func deleteBox(_ code: String, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try write { db in
                let box = try Lookup.box(db, code: code)
                let fonds = try Lookup.fondsCode(db, id: box.fondsId)
                return try deleteRow(db, .box, id: box.id ?? 0, code: box.code, extra: ["fonds": fonds], by: who) {
                    event in
                    event.fondsId = box.fondsId
                    event.metresMM = box.fromBoxId == nil ? box.extentMM : nil
                }
            }
        }
    }

    /// Deletes a fonds registered by mistake, when nothing has happened to it and it holds no boxes.
    @discardableResult
    public func deleteFonds(_ code: String, by who: Attribution) throws -> Event {
        try holdingWorkLock(.delete, by: who) {
            try write { db in
                let fonds = try Lookup.fonds(db, code: Clean.code(code))
                return try deleteRow(db, .fonds, id: fonds.id ?? 0, code: fonds.code, extra: [:], by: who) { _ in }
            }
        }
    }

    /// Deletes one row when nothing has happened to it; the delete event keeps every column of the row, for the undo.
    private func deleteRow(
        _ db: Database, _ subject: Subject, id: Int64, code: String, extra: [String: String?], by who: Attribution,
        target: (inout Event) -> Void
    ) throws -> Event {
        let thing: CatalogueError.Thing = subject == .fonds ? .fonds : subject == .box ? .box : .file
        if let happened = try History.firstHappening(
            db, subject, ids: "SELECT \(id)", strict: false, time: time)
        {
            throw CorrectionError.notUntouched(thing: thing, code: code, happened: happened.text)
        }
        var before = extra
        if let row = try Row.fetchOne(db, sql: "SELECT * FROM \(subject.table) WHERE id = ?", arguments: [id]) {
            for (column, value) in row { before[column] = CatalogueStore.text(value) }
        }
        // The events that name the row keep naming it: its id is never given to another row (AUTOINCREMENT).
        try db.execute(sql: "DELETE FROM \(subject.table) WHERE id = ?", arguments: [id])
        let kind: EventKind = subject == .fonds ? .fondsDelete : subject == .box ? .boxDelete : .fileDelete
        var event = Event(kind: kind, attribution: who, time: time, detail: EventDetail(before: before))
        target(&event)
        try event.append(db)
        return event
    }
}
