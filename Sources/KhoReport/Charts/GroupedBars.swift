/// Vertical bars grouped by category (e.g. ISO week), one bar per series (e.g. person), told apart by pattern.
struct GroupedBars {
    var id: String
    /// Category labels along the x axis.
    var categories: [String]
    /// Series names, in legend order.
    var series: [String]
    /// `values[category][series]`.
    var values: [[Double]]
    var unit: String
    var noData: String
    var lang: Lang
    var width = 680.0
    var height = 220.0

    /// The SVG of the bars, or a "no data" frame when there are no categories, no series or only zeros.
    func svg() -> String {
        let flat = values.flatMap { $0 }.map { $0.isFinite ? $0 : 0 }
        guard !categories.isEmpty, !series.isEmpty, flat.contains(where: { $0 != 0 }) else {
            return SVG.empty(id: id, width: width, height: 80, message: noData)
        }
        let legendRows = (series.count + 3) / 4
        let top = 20.0 + Double(legendRows) * 16, left = 64.0, right = width - 16, bottom = height - 40
        let scale = NiceScale(min: Swift.min(0, flat.min() ?? 0), max: flat.max() ?? 0)
        func py(_ v: Double) -> Double { bottom - scale.fraction(v) * (bottom - top) }
        let groupWidth = (right - left) / Double(categories.count)
        let barWidth = Swift.max(1, groupWidth * 0.8 / Double(series.count))

        var out = SVG.open(id: id, width: width, height: height, label: unit) + SVG.patternDefs(prefix: id)
        for t in scale.ticks {
            out +=
                "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(py(t)))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(py(t)))\" class=\"grid\"/>"
            out += SVG.text(NumberText.compact(t, lang), x: left - 6, y: py(t) + 4, anchor: "end", cls: "tick")
        }
        let labelEvery = Swift.max(1, Int((Double(categories.count) * 48 / (right - left)).rounded(.up)))
        for (c, name) in categories.enumerated() {
            let gx = left + Double(c) * groupWidth + groupWidth * 0.1
            for s in series.indices {
                let v = c < values.count && s < values[c].count && values[c][s].isFinite ? values[c][s] : 0
                let y0 = py(Swift.max(v, 0)), y1 = py(Swift.min(v, 0))
                out +=
                    "<rect x=\"\(SVG.n(gx + Double(s) * barWidth))\" y=\"\(SVG.n(y0))\" width=\"\(SVG.n(barWidth))\" height=\"\(SVG.n(y1 - y0))\" fill=\"\(SVG.fill(s, prefix: id))\" stroke=\"#111\" stroke-width=\"0.6\"/>"
            }
            if c % labelEvery == 0 {
                out += SVG.text(
                    name, x: left + (Double(c) + 0.5) * groupWidth, y: bottom + 16, anchor: "middle", cls: "tick")
            }
        }
        out +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(py(0)))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(py(0)))\" class=\"axis\"/>"
        out += SVG.text(
            unit, x: 14, y: (top + bottom) / 2, anchor: "middle", cls: "unit",
            extra: " transform=\"rotate(-90 14 \(SVG.n((top + bottom) / 2)))\"")
        out += "<g class=\"legend\">"
        for (s, name) in series.enumerated() {
            let lx = left + Double(s % 4) * 150, ly = 8.0 + Double(s / 4) * 16
            out +=
                "<rect x=\"\(SVG.n(lx))\" y=\"\(SVG.n(ly))\" width=\"14\" height=\"11\" fill=\"\(SVG.fill(s, prefix: id))\" stroke=\"#111\"/>"
            out += SVG.text(SVG.shorten(name, max: 20), x: lx + 19, y: ly + 10)
        }
        return out + "</g></svg>"
    }
}
