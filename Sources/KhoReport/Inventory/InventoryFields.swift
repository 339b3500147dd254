/// How the inventory writes its derived fields: dates, retention and sheets/pages.
enum InventoryFields {
    /// "2001–2003", "2001" when one year (or only one is known), empty when none.
    static func dates(_ row: InventoryRow) -> String {
        switch (row.startYear, row.endYear) {
        case let (s?, e?) where s != e: return "\(s)–\(e)"
        case let (s?, _): return "\(s)"
        case let (nil, e?): return "\(e)"
        default: return ""
        }
    }

    /// "Vĩnh viễn" / "Permanent" for `permanent`, "10 năm" / "10 years" for `10`; anything else as it came.
    static func retention(_ raw: String, _ lang: Lang) -> String {
        let r = raw.lowercased()
        if r == "permanent" || r == "vĩnh viễn" || r == "vinh vien" { return T.permanent.text(lang) }
        if let years = Int(raw), years > 0 { return T.years(years, lang) }
        return raw
    }

    /// "42 tờ / 60 trang" when both are known, "42 tờ" or "60 trang" when one is, empty when neither.
    static func sheetsPages(_ row: InventoryRow, _ lang: Lang) -> String {
        let parts = [row.sheets.map { T.sheetCount($0, lang) }, row.pages.map { T.pageCount($0, lang) }].compactMap {
            $0
        }
        return parts.joined(separator: " / ")
    }

    /// The column headers in the Decree's order, with the box after STT.
    static func headers(_ lang: Lang) -> [String] {
        [T.colNo, T.colBox, T.colFile, T.colTitle, T.colDates, T.colRetention, T.colSheets, T.colNotes].map {
            $0.text(lang)
        }
    }
}
