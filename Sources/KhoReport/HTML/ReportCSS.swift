import Foundation

/// The report's stylesheet: readable on screen, laid out on A4 in print, black-and-white safe.
enum ReportCSS {
    /// Shared rules for the report and the inventory.
    static let base = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Noto Sans", Arial, "Helvetica Neue", sans-serif; font-size: 11pt; line-height: 1.4; color: #111; background: #fff; max-width: 190mm; margin: 1em auto; padding: 0 1em; }
        h1 { font-size: 17pt; margin: 0 0 .2em; }
        h2 { font-size: 13pt; margin: 1.2em 0 .5em; padding-bottom: .15em; border-bottom: 1.5px solid #111; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 11pt; margin: .9em 0 .3em; break-after: avoid; page-break-after: avoid; }
        p { margin: .3em 0 .6em; }
        table { border-collapse: collapse; width: 100%; margin: .3em 0 .8em; font-size: 9.5pt; }
        th, td { border: 1px solid #555; padding: 2px 5px; vertical-align: top; text-align: left; }
        thead th { background: #e6e6e6; font-weight: bold; }
        thead { display: table-header-group; }
        tfoot td, tfoot th { font-weight: bold; border-top: 2px solid #111; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .muted { color: #444; font-size: 9pt; }
        th.sub { font-weight: normal; padding-left: 1.6em; }
        @page { @bottom-right { content: counter(page) " / " counter(pages); font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8pt; } }
        """

    /// Rules for the leadership report (portrait A4).
    static let report =
        base + """

            p.lead { font-size: 11.5pt; margin: .25em 0; }
            #summary { border: 2px solid #111; padding: .3em .8em; }
            header.page { border-bottom: 3px double #111; padding-bottom: .4em; margin-bottom: .6em; }
            header.page .archive { font-size: 10pt; text-transform: uppercase; letter-spacing: .03em; margin: 0; }
            header.page .asof { margin: .2em 0 0; }
            .banner { border: 3px dashed #111; padding: .4em .8em; font-weight: bold; font-size: 13pt; text-align: center; margin: .5em 0; background: #fff3c4; }
            section { break-inside: avoid; page-break-inside: avoid; }
            section.long { break-inside: auto; page-break-inside: auto; }
            figure { margin: .4em 0 .8em; break-inside: avoid; page-break-inside: avoid; }
            figcaption { font-size: 9.5pt; font-weight: bold; margin-bottom: .2em; }
            svg.chart { display: block; width: 100%; height: auto; max-width: 180mm; font-family: inherit; }
            svg.chart text { font-size: 11px; fill: #111; }
            svg.chart text.tick { font-size: 10px; }
            svg.chart text.unit { font-size: 11px; font-style: italic; }
            svg.chart text.note { font-size: 10px; font-weight: bold; }
            svg.chart text.empty { font-size: 14px; fill: #555; }
            svg.chart .grid { stroke: #ccc; stroke-width: .6; }
            svg.chart .axis { stroke: #111; stroke-width: 1; }
            svg.chart .actual { stroke: #111; stroke-width: 2.4; fill: none; }
            svg.chart .p50 { stroke: #111; stroke-width: 1.8; stroke-dasharray: 7 4; fill: none; }
            .grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2em; }
            .grid2 > div { break-inside: avoid; page-break-inside: avoid; }
            ul.notes { margin: .2em 0 .6em; padding-left: 1.3em; font-size: 9.5pt; }
            ul.notes.warn li::marker { content: "⚠ "; }
            footer { margin-top: 1.5em; border-top: 1px solid #555; font-size: 9pt; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              .banner { background: none; }
              thead th { background: #e6e6e6; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              a { color: inherit; text-decoration: none; }
            }
            """

    /// A rule that prints `text` at the top of every printed page (for the sample-data warning).
    static func everyPageTop(_ text: String) -> String {
        let quoted = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return
            "\n@page { @top-center { content: \"\(quoted)\"; font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 9pt; font-weight: bold; } }"
    }

    /// Rules for the file inventory (landscape A4, one fonds per printed run of pages).
    static let inventory =
        base + """

            body { max-width: 277mm; }
            section.fonds + section.fonds { break-before: page; page-break-before: always; }
            .inv-head { text-align: center; margin-bottom: .6em; }
            .inv-head h1 { font-size: 15pt; letter-spacing: .05em; }
            .inv-head p { margin: .1em 0; }
            table.inventory th { text-align: center; vertical-align: middle; }
            table.inventory td:nth-child(4) { width: 34%; }
            table.inventory td:nth-child(8) { width: 14%; }
            @page { size: A4 landscape; margin: 15mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """

    /// Rules for the destruction list: portrait A4, the form's head, places for signatures.
    static let weedList =
        base + """

            body { max-width: 190mm; }
            section.fonds + section.fonds { break-before: page; page-break-before: always; }
            .form-head { display: flex; justify-content: space-between; text-align: center; font-size: 10pt; margin-bottom: 1em; }
            .inv-head { text-align: center; margin-bottom: .6em; }
            .inv-head h1 { font-size: 15pt; letter-spacing: .05em; }
            .inv-head p { margin: .1em 0; }
            table.weed th { text-align: center; vertical-align: middle; }
            table.weed td:nth-child(2) { width: 34%; }
            .place { text-align: right; font-style: italic; margin-top: 1.5em; }
            .signatures { display: flex; justify-content: space-between; text-align: center; margin-top: .5em; break-inside: avoid; }
            .signature { width: 32%; min-height: 32mm; }
            @page { size: A4; margin: 15mm; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """
}
