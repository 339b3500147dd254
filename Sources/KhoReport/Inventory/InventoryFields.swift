/// How the inventory writes its derived fields: dates, retention and sheets/pages.
enum InventoryFields {
    /// The years, as kho writes them everywhere (``Format/years(_:_:)``).
    static func dates(_ row: InventoryRow) -> String { Format.years(row.startYear, row.endYear) }

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
