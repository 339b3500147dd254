import Foundation

/// Changes to a box; nil leaves a value as it is, an empty string clears it.
public struct BoxChanges: Sendable, Hashable {
    public var fonds: String?
    public var extent: String?
    public var location: String?
    public var startYear: String?
    public var endYear: String?
    public var condition: String?
    public var notes: String?
    /// Metres kept by the box's finished arrangement (a correction of `kho sort finish --kept`).
    public var kept: String?

    public init(
        fonds: String? = nil, extent: String? = nil, location: String? = nil, startYear: String? = nil,
        endYear: String? = nil, condition: String? = nil, notes: String? = nil, kept: String? = nil
    ) {
        self.fonds = fonds
        self.extent = extent
        self.location = location
        self.startYear = startYear
        self.endYear = endYear
        self.condition = condition
        self.notes = notes
        self.kept = kept
    }
}

/// Changes to a file; nil leaves a value as it is, an empty string clears it.
public struct FileChanges: Sendable, Hashable {
    public var title: String?
    public var startYear: String?
    public var endYear: String?
    public var retention: String?
    public var access: String?
    public var sheets: String?
    public var condition: String?
    public var notes: String?
    /// The Circular 05/2025 fields (see ``FileRecord``).
    public var language: String?
    public var keywords: String?
    public var infoSymbol: String?
    public var reliability: String?
    public var paperCode: String?
    public var backupMode: String?
    public var backupState: String?

    public init(
        title: String? = nil, startYear: String? = nil, endYear: String? = nil, retention: String? = nil,
        access: String? = nil, sheets: String? = nil, condition: String? = nil, notes: String? = nil,
        language: String? = nil, keywords: String? = nil, infoSymbol: String? = nil, reliability: String? = nil,
        paperCode: String? = nil, backupMode: String? = nil, backupState: String? = nil
    ) {
        self.language = language
        self.keywords = keywords
        self.infoSymbol = infoSymbol
        self.reliability = reliability
        self.paperCode = paperCode
        self.backupMode = backupMode
        self.backupState = backupState
        self.title = title
        self.startYear = startYear
        self.endYear = endYear
        self.retention = retention
        self.access = access
        self.sheets = sheets
        self.condition = condition
        self.notes = notes
    }
}

extension KhoStore {
    /// Changes a box's description; the event keeps the values before and after, so it can be undone.
    ///
    /// Kept metres can be changed only on an arranged box, and never above the extent; an extent below what the
    /// arrangement kept is refused. A box made by arranging another box keeps all of its extent, so when it has no
    /// arrangement events of its own its kept metres follow a new extent.
    @discardableResult
    public func editBox(_ code: String, _ changes: BoxChanges, by who: Attribution) throws -> Box {
        // Moving a box to another fonds changes the fonds its copies are filed and named for: not during a build.
        guard changes.fonds == nil else {
            return try holdingWorkLock(.move, by: who) { try editBoxNow(code, changes, by: who) }
        }
        return try editBoxNow(code, changes, by: who)
    }

    private func editBoxNow(_ code: String, _ changes: BoxChanges, by who: Attribution) throws -> Box {
        try writing { tx in
            let old = try tx.catalogue.box(code: code)
            var box = old
            if let fonds = changes.fonds {
                box.fondsId = try tx.catalogue.fonds(code: Clean.code(fonds)).id ?? old.fondsId
            }
            if let extent = changes.extent { box.extentMM = try Clean.extent(extent.isEmpty ? "-" : extent).value }
            if let kept = changes.kept {
                guard old.arrangement == .arranged else {
                    throw WorkError.keptNotArranged(box: old.code, state: old.arrangement.label)
                }
                let mm = try Clean.kept(kept)
                guard mm.value <= box.extentMM else {
                    throw WorkError.keptTooLarge(box: box.code, kept: mm, extent: box.extent)
                }
                try Self.ensureRoomForWeeds(tx, box: box, keptMM: mm.value)
                box.keptMM = mm.value
            } else if let kept = old.keptMM, box.extentMM != old.extentMM {
                let ownArrangement =
                    try tx.events.last(.sortStart, boxId: old.id) != nil
                    || tx.events.last(.sortFinish, boxId: old.id) != nil
                if old.fromBoxId != nil && !ownArrangement && kept == old.extentMM {
                    box.keptMM = box.extentMM
                } else if kept > box.extentMM {
                    throw CatalogueError.extentBelowKept(
                        box: box.code, extent: box.extent, kept: Millimetres(kept))
                }
            }
            if let location = changes.location {
                box.location = try Clean.line(location, .location)
                // A box out of the store stands on no shelf: record its return first.
                if box.location != old.location, let id = old.id { try tx.custody.refuseMoveWhileOut(boxId: id) }
            }
            if changes.startYear != nil || changes.endYear != nil {
                let (s, e) = try Clean.years(
                    changes.startYear ?? old.startYear.map(String.init), changes.endYear ?? old.endYear.map(String.init)
                )
                box.startYear = s
                box.endYear = e
            }
            if let condition = changes.condition { box.condition = try Clean.condition(condition) }
            if let notes = changes.notes { box.notes = try Clean.notes(notes) }
            let kind: EventKind = changes == BoxChanges(location: changes.location) ? .boxMove : .boxEdit
            try tx.catalogue.saveChange(old: old, new: box, kind: kind, by: who, time: time) { event in
                event.boxId = box.id
                event.fondsId = box.fondsId
            }
            return box
        }
    }

    /// Records that a box now stands at another shelf location.
    @discardableResult
    public func moveBox(_ code: String, to location: String, by who: Attribution) throws -> Box {
        try editBox(code, BoxChanges(location: location), by: who)
    }

    /// Changes a file's description; the event keeps the values before and after, so it can be undone.
    @discardableResult
    public func editFile(_ ref: FileRef, _ changes: FileChanges, by who: Attribution) throws -> FileRecord {
        try writing { tx in
            let (_, old) = try tx.catalogue.file(ref: ref)
            var file = old
            if let title = changes.title {
                file.title = try Clean.paragraph(title, .fileTitle)
                guard !file.title.isEmpty else { throw CatalogueError.emptyText(.fileTitle) }
            }
            if changes.startYear != nil || changes.endYear != nil {
                let (s, e) = try Clean.years(
                    changes.startYear ?? old.startYear.map(String.init), changes.endYear ?? old.endYear.map(String.init)
                )
                file.startYear = s
                file.endYear = e
            }
            if let retention = changes.retention { file.retention = try Clean.retention(retention)?.stored }
            if let access = changes.access {
                file.access = try Clean.access(access)
                if file.access == .secret && old.scanState != .none {
                    throw WorkError.secretAlreadyScanned(ref.description, old.scanState.label)
                }
            }
            if let sheets = changes.sheets { file.sheets = try Clean.sheets(sheets) }
            if let condition = changes.condition { file.condition = try Clean.condition(condition) }
            if let notes = changes.notes { file.notes = try Clean.notes(notes) }
            for (value, path) in [
                (changes.language, \FileRecord.language), (changes.keywords, \.keywords),
                (changes.infoSymbol, \.infoSymbol), (changes.reliability, \.reliability),
                (changes.paperCode, \.paperCode), (changes.backupMode, \.backupMode),
                (changes.backupState, \.backupState),
            ] {
                if let value { file[keyPath: path] = try Clean.line(value, .notes) }
            }
            try tx.catalogue.saveChange(old: old, new: file, kind: .fileEdit, by: who, time: time) { event in
                event.boxId = file.boxId
                event.fileId = file.id
            }
            return file
        }
    }

    /// Moves a file into another box, keeping its code (which must be free there).
    ///
    /// A file with masters on record (not marked missing) is refused: its masters live in its folder under the
    /// scans root, so the folder is what moves, and the next `kho scan ingest` records it.
    @discardableResult
    public func moveFile(_ ref: FileRef, toBox boxCode: String, by who: Attribution) throws -> FileRecord {
        // A file moved while an ingest or a build runs would leave its masters or copy under the old box.
        try holdingWorkLock(.move, by: who) {
            try writing { tx in
                let (_, old) = try tx.catalogue.file(ref: ref)
                let target = try tx.catalogue.box(code: boxCode)
                // Neither a file out of the store (on its own or with its box) nor into a box that is out.
                if let id = old.id { try tx.custody.refuseMoveWhileOut(boxId: old.boxId, fileId: id) }
                if let id = target.id { try tx.custody.refuseMoveWhileOut(boxId: id) }
                if let clash = try tx.catalogue.existingFile(boxId: target.id, code: old.code) {
                    throw CatalogueError.duplicateFile(ref: "\(target.code)/\(old.code)", title: clash.title)
                }
                let masters = try tx.catalogue.masterRoots(ofFile: old.id)
                if let first = masters.first {
                    let source = try tx.catalogue.boxCode(id: old.boxId)
                    throw CatalogueError.fileHasMasters(
                        ref: "\(source)/\(old.code)", masters: masters.reduce(0) { $0 + $1.masters },
                        folder: (first.root as NSString).appendingPathComponent("\(source)/\(old.code)"),
                        newFolder: (first.root as NSString).appendingPathComponent("\(target.code)/\(old.code)"))
                }
                var file = old
                file.boxId = target.id ?? old.boxId
                try tx.catalogue.saveChange(old: old, new: file, kind: .fileMove, by: who, time: time) { event in
                    event.boxId = file.boxId
                    event.fileId = file.id
                }
                return file
            }
        }
    }
}
