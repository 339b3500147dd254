/// Horizontal progress bars: an outlined track for the total, a hatched bar for one part and a solid bar for another.
struct HorizontalBars {
    /// One bar row.
    struct Row {
        var label: String
        var total: Double
        var first: Double
        var second: Double
    }

    var id: String
    var rows: [Row]
    /// Legend wording: total, first part, second part.
    var legend: (total: String, first: String, second: String)
    var unit: String
    var noData: String
    var lang: Lang
    var width = 680.0

    /// The SVG of the bars, on one scale for every row, or a "no data" frame.
    func svg() -> String {
        let rowHeight = 30.0, top = 34.0
        let height = top + Double(Swift.max(rows.count, 1)) * rowHeight + 10
        guard !rows.isEmpty else { return SVG.empty(id: id, width: width, height: 80, message: noData) }
        let maxTotal = rows.map { $0.total.isFinite ? Swift.max($0.total, $0.first, $0.second) : 0 }.max() ?? 0
        let widestLabel = rows.map { SVG.shorten($0.label, max: 28).count }.max() ?? 1
        let left = Swift.min(Swift.max(24 + Double(widestLabel) * 6.5, 70), 200), right = width - 130
        func w(_ v: Double) -> Double {
            maxTotal > 0 && v.isFinite ? Swift.max(0, Swift.min(v / maxTotal, 1)) * (right - left) : 0
        }

        var out = SVG.open(id: id, width: width, height: height, label: legend.total) + SVG.patternDefs(prefix: id)
        out += "<g class=\"legend\">"
        out +=
            "<rect x=\"\(SVG.n(left))\" y=\"8\" width=\"22\" height=\"12\" fill=\"#fff\" stroke=\"#111\"/>"
            + SVG.text(legend.total, x: left + 28, y: 18)
        let x2 = left + 40 + Double(legend.total.count) * 6.5
        out +=
            "<rect x=\"\(SVG.n(x2))\" y=\"8\" width=\"22\" height=\"12\" fill=\"url(#\(escapeHTML(id))-hatch)\" stroke=\"#111\"/>"
            + SVG.text(legend.first, x: x2 + 28, y: 18)
        let x3 = x2 + 40 + Double(legend.first.count) * 6.5
        out +=
            "<rect x=\"\(SVG.n(x3))\" y=\"11\" width=\"22\" height=\"6\" fill=\"#111\"/>"
            + SVG.text(legend.second, x: x3 + 28, y: 18)
        out += "</g>"
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            out += SVG.text(SVG.shorten(row.label, max: 28), x: left - 8, y: y + 15, anchor: "end", cls: "label")
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 2))\" width=\"\(SVG.n(w(row.total)))\" height=\"18\" fill=\"#fff\" stroke=\"#111\"/>"
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 2))\" width=\"\(SVG.n(w(row.first)))\" height=\"18\" fill=\"url(#\(escapeHTML(id))-hatch)\" stroke=\"#111\"/>"
            out +=
                "<rect x=\"\(SVG.n(left))\" y=\"\(SVG.n(y + 8))\" width=\"\(SVG.n(w(row.second)))\" height=\"6\" fill=\"#111\"/>"
            let figures =
                "\(NumberText.metres(row.first, lang)) / \(NumberText.metres(row.second, lang)) / \(NumberText.metres(row.total, lang)) \(unit)"
            out += SVG.text(figures, x: left + w(row.total) + 6, y: y + 15, cls: "tick")
        }
        return out + "</svg>"
    }
}
