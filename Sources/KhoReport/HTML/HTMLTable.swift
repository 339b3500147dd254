/// A cell of an HTML table: escaped text, an optional `data-key`, and whether it holds a number (right-aligned).
struct Cell {
    var text: String
    var key: String?
    var numeric: Bool
    var header: Bool
    var indent = false
    /// The raw value behind the text (a number, a `YYYY-MM-DD` day), written as `data-value` beside `data-key`.
    var value: String?

    /// A text cell.
    static func t(_ s: String) -> Cell { Cell(text: s, key: nil, numeric: false, header: false) }
    /// A row-header cell (`<th scope="row">`).
    static func h(_ s: String) -> Cell { Cell(text: s, key: nil, numeric: false, header: true) }
    /// An indented row-header cell for a part of the row above ("of which: …").
    static func sub(_ s: String) -> Cell { Cell(text: s, key: nil, numeric: false, header: true, indent: true) }
    /// A number cell, with the JSON key it comes from when it has one.
    static func num(_ s: String, key: String? = nil) -> Cell { Cell(text: s, key: key, numeric: true, header: false) }

    var html: String {
        let tag = header ? "th" : "td"
        var attrs = header ? " scope=\"row\"" : ""
        if numeric { attrs += " class=\"num\"" }
        if indent { attrs += " class=\"sub\"" }
        // data-key comes last, right before `>`, as the report's readers (and tests) look for it.
        if let value { attrs += " data-value=\"\(escapeHTML(value))\"" }
        if let key { attrs += " data-key=\"\(escapeHTML(key))\"" }
        return "<\(tag)\(attrs)>\(escapeHTML(text))</\(tag)>"
    }
}

/// Writes bordered tables with a `thead`, so that a printed table repeats its header row on each page.
enum HTMLTable {
    /// A table with column headers (the numeric ones right-aligned) and rows; `footer` rows go in a `tfoot`.
    static func render(
        headers: [String], numericColumns: Set<Int> = [], rows: [[Cell]], footer: [[Cell]] = [], cls: String = ""
    ) -> String {
        let c = cls.isEmpty ? "" : " class=\"\(cls)\""
        var out = "<table\(c)><thead><tr>"
        for (i, h) in headers.enumerated() {
            out +=
                numericColumns.contains(i)
                ? "<th scope=\"col\" class=\"num\">\(escapeHTML(h))</th>" : "<th scope=\"col\">\(escapeHTML(h))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows { out += "<tr>" + row.map(\.html).joined() + "</tr>" }
        out += "</tbody>"
        if !footer.isEmpty {
            out += "<tfoot>" + footer.map { "<tr>" + $0.map(\.html).joined() + "</tr>" }.joined() + "</tfoot>"
        }
        return out + "</table>"
    }
}
