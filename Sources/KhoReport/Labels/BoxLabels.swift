import Foundation

/// What one spine label of an archival box says (TCVN 9252:2012 box, 350 × 250 × 125 mm: the 125 mm spine faces out).
public struct BoxLabel: Sendable, Codable, Hashable {
    /// The fonds code and name (*phông*); the name heads the label.
    public var fondsCode: String
    public var fondsName: String
    /// The box code (*hộp số*), printed large.
    public var box: String
    /// The first and last file numbers in the box, in number order; nil when it holds no file yet.
    public var firstFile: String?
    public var lastFile: String?
    public var files: Int
    /// The years of the records, from–to; nil when not known.
    public var startYear: Int?
    public var endYear: Int?
    /// The box's retention (the longest of its files'): `permanent` or a number of years; nil when not known.
    public var retention: String?

    /// Makes a label.
    public init(
        fondsCode: String, fondsName: String, box: String, firstFile: String? = nil, lastFile: String? = nil,
        files: Int = 0,
        startYear: Int? = nil, endYear: Int? = nil, retention: String? = nil
    ) {
        self.fondsCode = fondsCode
        self.fondsName = fondsName
        self.box = box
        self.firstFile = firstFile
        self.lastFile = lastFile
        self.files = files
        self.startYear = startYear
        self.endYear = endYear
        self.retention = retention
    }
}

/// The sheet of spine labels: sizes in millimetres, so that print is true to size.
public enum LabelSheet {
    /// One label: 90 mm wide, 125 mm tall (the spine of a standard box is 125 mm).
    public static let labelWidth = 90.0
    public static let labelHeight = 125.0
    /// Two columns and two rows on an A4 sheet (210 × 297 mm): four labels per sheet.
    public static let columns = 2
    public static let rows = 2
    public static var perSheet: Int { columns * rows }
    public static let pageWidth = 210.0
    public static let pageHeight = 297.0
    /// The box code's font size: digits about 0.7 of it high (measured 22 mm in Liberation Sans Bold), readable from metres away.
    public static let boxFontSize = 32.0
    /// The width the box code may take inside a label; longer codes are narrowed, never lowered.
    public static let boxCodeWidth = 80.0

    static var marginX: Double { (pageWidth - Double(columns) * labelWidth) / 2 }
    static var marginY: Double { (pageHeight - Double(rows) * labelHeight) / 2 }

    /// How much to narrow a box code so it fits ``boxCodeWidth`` at ``boxFontSize`` (1 when it fits): bold sans-serif
    /// widths per character, estimated generously.
    static func narrowing(_ code: String) -> Double {
        let ems = code.reduce(0.0) { sum, c in
            if c.isNumber { return sum + 0.58 }
            if c.isUppercase { return sum + 0.76 }
            if c.isLowercase { return sum + 0.6 }
            return sum + 0.4
        }
        let width = ems * boxFontSize
        return width <= boxCodeWidth ? 1 : boxCodeWidth / width
    }
}

/// Renders spine labels for archival boxes as one printable page: A4 sheets of four 90 × 125 mm labels, each with its
/// fonds, box code in large type, file numbers, years and retention, dashed cut lines and crop marks in the margins.
///
/// Every catalogue text is HTML-escaped. `generatedAt` is printed small in each sheet's bottom margin.
public func renderLabelsHTML(_ labels: [BoxLabel], lang: Lang, generatedAt: String) -> String {
    var body = ""
    let perSheet = LabelSheet.perSheet
    let sheets = stride(from: 0, to: labels.count, by: perSheet).map {
        Array(labels[$0..<min(labels.count, $0 + perSheet)])
    }
    for (index, sheet) in sheets.enumerated() {
        body += "<section class=\"sheet\" data-sheet=\"\(index + 1)\">"
        body += cropMarks()
        body += "<div class=\"grid\">"
        for label in sheet { body += labelHTML(label, lang) }
        body += "</div>"
        body +=
            "<p class=\"foot\">\(escapeHTML(T.labelsFoot(page: index + 1, of: sheets.count, lang))) · \(escapeHTML(DateFormat.dateTime(generatedAt, lang: lang)))</p>"
        body += "</section>"
    }
    if labels.isEmpty { body = "<p>\(escapeHTML(T.labelsNone.text(lang)))</p>" }
    return HTMLPage.render(title: T.labelsTitle.text(lang), lang: lang, css: labelCSS, body: body)
}

private func labelHTML(_ label: BoxLabel, _ lang: Lang) -> String {
    let scale = LabelSheet.narrowing(label.box)
    let style = scale < 1 ? " style=\"transform: scaleX(\(String(format: "%.3f", scale)))\"" : ""
    let files: String
    switch (label.firstFile, label.lastFile) {
    case let (a?, b?) where a != b: files = "\(a) – \(b)"
    case let (a?, _): files = a
    default: files = "—"
    }
    let years: String
    switch (label.startYear, label.endYear) {
    case let (s?, e?) where s != e: years = "\(s) – \(e)"
    case let (s?, _): years = "\(s)"
    case let (nil, e?): years = "\(e)"
    default: years = "—"
    }
    var out = "<article class=\"label\" data-box=\"\(escapeHTML(label.box))\">"
    out += "<p class=\"org\">\(escapeHTML(label.fondsName))</p>"
    out += "<p class=\"fonds\">\(escapeHTML(T.labelFonds.text(lang))): <b>\(escapeHTML(label.fondsCode))</b></p>"
    out += "<p class=\"boxword\">\(escapeHTML(T.labelBox.text(lang)))</p>"
    out += "<p class=\"boxno\"><span\(style)>\(escapeHTML(label.box))</span></p>"
    out += "<dl>"
    out += "<dt>\(escapeHTML(T.labelFiles.text(lang)))</dt><dd>\(escapeHTML(files))</dd>"
    out += "<dt>\(escapeHTML(T.labelYears.text(lang)))</dt><dd>\(escapeHTML(years))</dd>"
    out +=
        "<dt>\(escapeHTML(T.labelRetention.text(lang)))</dt><dd>\(escapeHTML(labelRetention(label.retention, lang)))</dd>"
    out += "</dl></article>"
    return out
}

/// `Vĩnh viễn` / `20 năm` (vi), `Permanent` / `20 years` (en), `—` when not known.
func labelRetention(_ stored: String?, _ lang: Lang) -> String {
    guard let stored, !stored.isEmpty else { return "—" }
    if stored == "permanent" { return T.labelPermanent.text(lang) }
    return lang == .vi ? "\(stored) năm" : "\(stored) years"
}

/// Crop marks in the sheet's margins, on the lines the labels are cut along.
private func cropMarks() -> String {
    let mx = LabelSheet.marginX, my = LabelSheet.marginY
    let w = LabelSheet.labelWidth, h = LabelSheet.labelHeight
    var out = ""
    func mm(_ v: Double) -> String { String(format: "%.1fmm", v) }
    for c in 0...LabelSheet.columns {
        let x = mx + Double(c) * w
        out += "<i class=\"crop v\" style=\"left: \(mm(x)); top: \(mm(my - 10))\"></i>"
        out += "<i class=\"crop v\" style=\"left: \(mm(x)); top: \(mm(my + Double(LabelSheet.rows) * h + 2))\"></i>"
    }
    for r in 0...LabelSheet.rows {
        let y = my + Double(r) * h
        out += "<i class=\"crop h\" style=\"top: \(mm(y)); left: \(mm(mx - 10))\"></i>"
        out += "<i class=\"crop h\" style=\"top: \(mm(y)); left: \(mm(mx + Double(LabelSheet.columns) * w + 2))\"></i>"
    }
    return out
}

private let labelCSS: String = {
    let mx = String(format: "%.1fmm", LabelSheet.marginX), my = String(format: "%.1fmm", LabelSheet.marginY)
    return """
        @page { size: A4; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "Liberation Sans", Arial, "Helvetica Neue", "DejaVu Sans", sans-serif; color: #000; background: #ccc; }
        .sheet { position: relative; width: 210mm; height: 297mm; margin: 0 auto 8mm; background: #fff; overflow: hidden;
                 break-after: page; page-break-after: always; }
        .sheet:last-child { break-after: auto; page-break-after: auto; }
        .grid { position: absolute; left: \(mx); top: \(my); display: grid;
                grid-template-columns: repeat(\(LabelSheet.columns), \(Int(LabelSheet.labelWidth))mm);
                grid-template-rows: repeat(\(LabelSheet.rows), \(Int(LabelSheet.labelHeight))mm); }
        .label { width: \(Int(LabelSheet.labelWidth))mm; height: \(Int(LabelSheet.labelHeight))mm; outline: 0.25mm dashed #666; outline-offset: -0.125mm;
                 padding: 5mm; display: flex; flex-direction: column; justify-content: space-between; overflow: hidden; text-align: center; }
        .label p { margin: 0; }
        .org { font-size: 4.6mm; font-weight: bold; line-height: 1.2; text-transform: uppercase; max-height: 11.5mm; overflow: hidden; }
        .fonds { font-size: 4mm; }
        .boxword { font-size: 5mm; font-weight: bold; letter-spacing: 0.5mm; }
        .boxno { display: flex; justify-content: center; height: 34mm; align-items: center; font-size: \(Int(LabelSheet.boxFontSize))mm;
                 font-weight: bold; line-height: 1; white-space: nowrap; }
        .boxno span { display: inline-block; transform-origin: center; }
        dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 1.5mm 2mm; font-size: 4.4mm; text-align: left;
             border-top: 0.4mm solid #000; padding-top: 2.5mm; }
        dt { white-space: nowrap; }
        dd { margin: 0; font-weight: bold; overflow-wrap: anywhere; }
        .crop { position: absolute; background: #000; }
        .crop.v { width: 0.2mm; height: 8mm; margin-left: -0.1mm; }
        .crop.h { height: 0.2mm; width: 8mm; margin-top: -0.1mm; }
        .foot { position: absolute; left: 0; right: 0; bottom: 6mm; margin: 0; text-align: center; font-size: 2.6mm; color: #444; }
        @media print { body { background: #fff; } .sheet { margin: 0; } }
        """
}()
