import Foundation

extension KhoStore {
    /// Marks a file as scanned by hand with its page count (the "recorded" rung of the ladder).
    ///
    /// Secret files are refused; so is a file already recorded or already ingested, and pages beyond 100,000.
    @discardableResult
    public func recordScan(of ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        try writing { tx in try recordScan(tx, ref: ref, pages: pages, by: who) }
    }

    func recordScan(_ tx: Stores, ref: FileRef, pages: Int, by who: Attribution) throws -> Event {
        guard pages > 0 else { throw WorkError.badPages(String(pages)) }
        guard pages <= Clean.largestFile else { throw CatalogueError.pagesTooLarge(String(pages)) }
        var (box, file) = try tx.catalogue.file(ref: ref)
        let name = "\(box.code)/\(file.code)"
        guard file.acceptsScanRecord else { throw try scanRecordRefusal(tx, file: file, name: name) }
        let before: [String: String?] = ["scan_state": file.scanState.rawValue, "pages": String(file.pages)]
        file.scanState = .recorded
        file.pages = pages
        try tx.catalogue.update(file)
        var event = Event(kind: .scanRecord, attribution: who, time: time, detail: EventDetail(before: before))
        event.boxId = box.id
        event.fileId = file.id
        event.fondsId = box.fondsId
        event.pages = pages
        event.sheets = file.sheets
        try tx.events.append(&event)
        // A hand record follows the same rule as masters: pages outside sheets…2 × sheets is a count mismatch.
        if let id = file.id { try FileLadder.apply(tx.scan, fileId: id) }
        return event
    }

    /// Why `file` takes no hand record (``FileRecord/acceptsScanRecord`` is false): it is secret, was recorded by hand
    /// already (a count mismatch without masters is a hand record too), or has masters.
    private func scanRecordRefusal(_ tx: Stores, file: FileRecord, name: String) throws -> WorkError {
        if file.access == .secret { return .secretFile(name) }
        switch file.scanState {
        case .none, .recorded:
            let last = try tx.events.last(.scanRecord, fileId: file.id)
            return .alreadyRecorded(ref: name, when: whenText(last), who: last?.actor ?? "?", event: last?.id ?? 0)
        case .mismatch where try tx.scan.masters(fileId: file.id ?? -1).count == 0:
            let last = try tx.events.last(.scanRecord, fileId: file.id)
            return .alreadyRecorded(ref: name, when: whenText(last), who: last?.actor ?? "?", event: last?.id ?? 0)
        case .passed, .rescan, .mismatch, .review, .rebuild, .delivered:
            return .alreadyIngested(ref: name, state: file.scanState.label)
        }
    }
}
