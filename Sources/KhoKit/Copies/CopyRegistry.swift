import Foundation

extension KhoStore {
    /// The registered copies, the primary first, then by name; the primary's path is its scans root and PDF folder.
    public func copies() throws -> [CopySite] {
        try reading { tx in try tx.copies.sites(catalogue: path) }
    }

    /// The copy named `name` (case as registered), or an error listing the copies.
    static func copy(_ tx: Stores, named name: String, catalogue: String) throws -> CopySite {
        let all = try tx.copies.sites(catalogue: catalogue)
        guard let site = all.first(where: { $0.name == name.precomposedStringWithCanonicalMapping }) else {
            throw CopyError.unknownCopy(name, known: all.map(\.name))
        }
        return site
    }

    /// Registers a folder (a USB disk, a NAS share) as a copy and writes the marker at its root; an attributed event.
    ///
    /// The folder must exist (a disk is mounted before it is registered) and be no other copy's, nor inside or
    /// around the primary's folders.
    @discardableResult
    public func addCopy(
        name rawName: String, path rawPath: String, place rawPlace: String, offsite: Bool, by who: Attribution
    ) throws -> (site: CopySite, event: Event) {
        let name = rawName.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
        guard !name.isEmpty, name.count <= 40,
            name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" })
        else { throw CopyError.badName(rawName) }
        let place = rawPlace.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !place.isEmpty else { throw CopyError.emptyPlace }
        let folder = URL(fileURLWithPath: rawPath).standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            throw CopyError.folderMissing(folder)
        }
        guard isDir.boolValue else { throw CopyError.notAFolder(folder) }
        let marker = ULID.make(at: who.recordedAt)
        return try writing { tx in
            let existing = try tx.copies.sites(catalogue: path)
            if existing.contains(where: { $0.name == name }) { throw CopyError.nameTaken(name) }
            if let other = try tx.copies.copyOverlapping(folder: folder) {
                throw CopyError.samePath(folder, other: other)
            }
            // Links resolved on both sides: a link to the folder holding scans/ is that folder.
            let primary = try tx.copies.primaryFolders(catalogue: path)
            for own in [primary.scans, primary.pdf].compactMap({ $0 })
            where KhoStore.overlaps(OutputFile.resolved(folder), OutputFile.resolved(own)) {
                throw CopyError.insidePrimary(folder)
            }
            try SafeCopy.writeMarker(folder, id: marker, name: name)
            let id = try tx.copies.insertSite(
                name: name, path: folder, place: place, offsite: offsite, marker: marker,
                addedAt: Int64(who.recordedAt.timeIntervalSince1970))
            var event = Event(
                kind: .copiesAdd, attribution: who, time: time,
                detail: EventDetail(after: [
                    "name": name, "path": folder, "place": place, "offsite": offsite ? "yes" : "no",
                ]))
            try tx.events.append(&event)
            guard let site = try tx.copies.site(id: id) else { throw CopyError.unknownCopy(name, known: []) }
            return (site, event)
        }
    }

    /// Changes where a copy is kept (the primary's too), and whether off-site; an attributed event with before/after.
    @discardableResult
    public func editCopy(name: String, place rawPlace: String?, offsite: Bool?, by who: Attribution) throws -> Event {
        let place = rawPlace.map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        }
        if place?.isEmpty == true { throw CopyError.emptyPlace }
        return try writing { tx in
            let site = try Self.copy(tx, named: name, catalogue: path)
            let newPlace = place ?? site.place
            let newOffsite = offsite ?? site.offsite
            try tx.copies.setPlace(id: site.id, place: newPlace, offsite: newOffsite)
            var event = Event(
                kind: .copiesEdit, attribution: who, time: time,
                detail: EventDetail(
                    before: ["name": site.name, "place": site.place, "offsite": site.offsite ? "yes" : "no"],
                    after: ["name": site.name, "place": newPlace, "offsite": newOffsite ? "yes" : "no"]))
            try tx.events.append(&event)
            return event
        }
    }

    /// Stops keeping track of a copy (its files are left on the disk); an attributed event. The primary stays.
    @discardableResult
    public func removeCopy(name: String, by who: Attribution) throws -> Event {
        try writing { tx in
            let site = try Self.copy(tx, named: name, catalogue: path)
            if site.isPrimary { throw CopyError.primaryFixed(site.name) }
            try tx.copies.markRemoved(id: site.id, at: Int64(who.recordedAt.timeIntervalSince1970))
            var event = Event(
                kind: .copiesRemove, attribution: who, time: time,
                detail: EventDetail(before: [
                    "name": site.name, "path": site.path, "place": site.place,
                    "offsite": site.offsite ? "yes" : "no",
                ]))
            try tx.events.append(&event)
            return event
        }
    }

    /// Whether a copy can be used now: its folder is there with the marker kho wrote (the primary: its scans root).
    public func availability(of site: CopySite) throws -> CopyAvailability {
        if site.isPrimary {
            let scans = try reading { tx in try tx.copies.primaryFolders(catalogue: path).scans }
            guard let scans else { return .available }
            var isDir: ObjCBool = false
            let there = FileManager.default.fileExists(atPath: scans, isDirectory: &isDir) && isDir.boolValue
            return there ? .available : .unavailable
        }
        return SafeCopy.readMarker(site.path) == site.marker ? .available : .unavailable
    }

    /// Counts what a copy holds of the catalogue's current content and its open problems, and stores the figures.
    static func refreshTally(_ tx: Stores, site: CopySite, extraProblems: Int = 0) throws {
        let items = try tx.copies.items()
        let records = try tx.copies.records(copyId: site.id)
        var masterFiles = 0
        var pdfFiles = 0
        var masterBytes: Int64 = 0
        var pdfBytes: Int64 = 0
        var problems = extraProblems
        for item in items {
            let record = records[item.rel]
            // The primary holds what the catalogue says it holds, unless an audit or repair found otherwise.
            let held = record.map { $0.state == "ok" && $0.sha256 == item.sha256 } ?? site.isPrimary
            if let record, record.state != "ok" { problems += 1 }
            guard held else { continue }
            if item.kind == .master {
                masterFiles += 1
                masterBytes += item.size
            } else {
                pdfFiles += 1
                pdfBytes += item.size
            }
        }
        try tx.copies.setTally(
            id: site.id, masterFiles: masterFiles, masterBytes: masterBytes, pdfFiles: pdfFiles, pdfBytes: pdfBytes,
            problems: problems)
    }
}
