import Foundation

extension EventView {
    /// Everything `kho log`'s notes column and the web's say about an event, in `lang`: an opening balance, what it
    /// undoes or was undone by, its source (a CSV, the tools), what the archivist's mark or hand-out said, and each
    /// change, old → new.
    public func notes(_ lang: Lang) -> [String] {
        var notes: [String] = []
        if opening { notes.append(lang == .vi ? "số dư đầu kỳ" : "opening balance") }
        if let u = undoes { notes.append(lang == .vi ? "hoàn tác #\(u)" : "undoes #\(u)") }
        if let u = undoneBy { notes.append(lang == .vi ? "đã hoàn tác bởi #\(u)" : "undone by #\(u)") }
        // A scan accept's source is its reason, said among the changes ("lý do: quét lại").
        if let source = detail.source, kind != EventKind.scanAccept.rawValue { notes.append(source) }
        if let said = archivistNote(lang) { notes.append(said) }
        return notes + changes
    }

    /// What a location mark or a hand-out/return said, for `kho log`: `A-3: ẩm → dột`, `→ Lê Thị Hoa (số hóa), hạn 2026-12-15`,
    /// `← Lê Thị Hoa`; nil for other events.
    public func archivistNote(_ lang: Lang) -> String? {
        func value(_ values: [String: String?]?, _ key: String) -> String? {
            (values?[key] ?? nil).flatMap { $0.isEmpty ? nil : $0 }
        }
        switch EventKind(rawValue: kind) {
        case .locationMark?:
            func words(_ stored: String?) -> String {
                stored.map { LocationRisk.words(LocationRisk.parseStored($0), lang) }
                    ?? (lang == .vi ? "không" : "none")
            }
            guard let location = value(detail.after, "location") else { return nil }
            return "\(location): \(words(value(detail.before, "risks"))) → \(words(value(detail.after, "risks")))"
        case .custodyOut?:
            guard let holder = value(detail.after, "holder") else { return nil }
            let purpose =
                value(detail.after, "purpose").flatMap { CustodyPurpose(rawValue: $0) }.map {
                    " (\($0.label.text(lang)))"
                } ?? ""
            let due =
                value(detail.after, "due").map {
                    lang == .vi ? ", hạn \(DateFormat.day($0, lang: .vi))" : ", due \($0)"
                } ?? ""
            return "→ \(holder)\(purpose)\(due)"
        case .custodyIn?:
            return value(detail.before, "holder").map { "← \($0)" }
        default:
            return nil
        }
    }
}
