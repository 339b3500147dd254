/// A cumulative line over dates, continued by a dashed P50 projection inside a hatched P10–P90 band.
struct LineBandChart {
    /// Unique id of the chart in the page (also the prefix of its patterns).
    var id: String
    /// Observed cumulative points, in day order.
    var actual: [SeriesPoint]
    /// Projected points, in day order.
    var projection: [BandPoint]
    /// The y unit, e.g. "m" or "trang".
    var unit: String
    /// Legend and axis wording.
    var labels: Labels
    var lang: Lang
    /// The P50 finish the tables print, and the `data-key` its label carries (one source: the chart never
    /// computes its own finish when it is given).
    var finish: (day: LocalDay, key: String)? = nil
    var width = 680.0
    var height = 270.0

    /// The words a line chart shows.
    struct Labels {
        var actual: String
        var p50: String
        var band: String
        var xAxis: String
        var noData: String
        var finish: String
    }

    /// The SVG of the chart, or a "no data" frame when there is nothing to plot.
    func svg() -> String {
        let obs = observedPoints()
        let band = bandPoints()
        guard !obs.isEmpty || !band.isEmpty else {
            return SVG.empty(id: id, width: width, height: height, message: labels.noData)
        }
        let plot = plotArea(
            xs: obs.map(\.x) + band.map(\.x), ys: obs.map(\.y) + band.flatMap { [$0.lo, $0.mid, $0.hi] })
        var out = SVG.open(id: id, width: width, height: height, label: labels.actual) + SVG.patternDefs(prefix: id)
        out += axes(plot)
        if !band.isEmpty { out += projectionBand(band, after: obs.last, plot) }
        if !obs.isEmpty { out += actualLine(obs, plot) }
        out += legend(top: 14, left: plot.left)
        return out + "</svg>"
    }

    /// An observed point: day number and cumulative value.
    private typealias ObservedPoint = (x: Int, y: Double)
    /// A projected point: day number and the P10, P50 and P90 values.
    private typealias ProjectedPoint = (x: Int, lo: Double, mid: Double, hi: Double)

    /// Where the plot is drawn and how days and values map into it.
    private struct Plot {
        var left: Double, right: Double, top: Double, bottom: Double
        /// The first day plotted, the last one for the scale (never equal to the first) and the last one for ticks.
        var firstX: Int, lastX: Int, lastTickX: Int
        var yScale: NiceScale

        func px(_ x: Int) -> Double { left + Double(x - firstX) / Double(lastX - firstX) * (right - left) }
        func py(_ y: Double) -> Double { bottom - yScale.fraction(y) * (bottom - top) }
    }

    /// The observed points with a readable day; a value that is not finite counts as 0.
    private func observedPoints() -> [ObservedPoint] {
        actual.compactMap { p in
            LocalDay(prefixOf: p.day).map { (x: $0.dayNumber, y: p.value.isFinite ? p.value : 0) }
        }
    }

    /// The projected points with a readable day; values that are not finite count as 0.
    private func bandPoints() -> [ProjectedPoint] {
        projection.compactMap { p in
            LocalDay(prefixOf: p.day).map {
                (x: $0.dayNumber, lo: finite(p.p10), mid: finite(p.p50), hi: finite(p.p90))
            }
        }
    }

    /// The plot area for these days and values: the left margin leaves room for the widest y tick.
    private func plotArea(xs: [Int], ys: [Double]) -> Plot {
        let firstX = xs.min() ?? 0
        var lastX = xs.max() ?? 0
        if lastX == firstX { lastX = firstX + 1 }
        let yScale = NiceScale(min: Swift.min(0, ys.min() ?? 0), max: ys.max() ?? 0)
        let widestTick = yScale.ticks.map { NumberText.compact($0, lang).count }.max() ?? 1
        return Plot(
            left: 34.0 + Double(widestTick) * 6.2, right: width - 24, top: 40.0, bottom: height - 46, firstX: firstX,
            lastX: lastX, lastTickX: xs.max() ?? firstX, yScale: yScale)
    }

    /// The grid with y ticks, the date ticks, both axes and their units.
    private func axes(_ plot: Plot) -> String {
        let (left, right, top, bottom) = (plot.left, plot.right, plot.top, plot.bottom)
        var out = ""
        for t in plot.yScale.ticks {
            let y = plot.py(t)
            out +=
                "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(y))\" class=\"grid\"/>"
            out += SVG.text(NumberText.compact(t, lang), x: left - 6, y: y + 4, anchor: "end", cls: "tick")
        }
        for tick in DateTicks.ticks(first: plot.firstX, last: plot.lastTickX, lang: lang) {
            let x = plot.px(tick.serial)
            out +=
                "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(bottom))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(bottom + 5))\" class=\"axis\"/>"
            out += SVG.text(tick.label, x: x, y: bottom + 18, anchor: "middle", cls: "tick")
        }
        out +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(bottom))\" x2=\"\(SVG.n(right))\" y2=\"\(SVG.n(bottom))\" class=\"axis\"/>"
        out +=
            "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(left))\" y2=\"\(SVG.n(bottom))\" class=\"axis\"/>"
        out += SVG.text(
            unit, x: 14, y: (top + bottom) / 2, anchor: "middle", cls: "unit",
            extra: " transform=\"rotate(-90 14 \(SVG.n((top + bottom) / 2)))\"")
        out += SVG.text(labels.xAxis, x: (left + right) / 2, y: height - 8, anchor: "middle", cls: "unit")
        return out
    }

    /// The hatched P10–P90 band and the dashed P50 line, joined to the last observed point, with the P50 finish marked.
    private func projectionBand(_ band: [ProjectedPoint], after lastObserved: ObservedPoint?, _ plot: Plot) -> String {
        let upper = band.map { "\(SVG.n(plot.px($0.x))),\(SVG.n(plot.py($0.hi)))" }
        let lower = band.reversed().map { "\(SVG.n(plot.px($0.x))),\(SVG.n(plot.py($0.lo)))" }
        var out =
            "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"url(#\(escapeHTML(id))-band)\" stroke=\"#8a94a6\" stroke-width=\"0.8\" class=\"band\"/>"
        var mid = band.map { (x: $0.x, y: $0.mid) }
        if let last = lastObserved, let first = band.first, last.x <= first.x { mid.insert((last.x, last.y), at: 0) }
        out += polyline(mid.map { (plot.px($0.x), plot.py($0.y)) }, cls: "p50")
        if let finish, let top = band.last?.mid {
            out += finishMark((x: finish.day.dayNumber, y: top), plot)
        } else if let end = Self.medianFinish(band.map { (x: $0.x, y: $0.mid) }) {
            out += finishMark(end, plot)
        }
        return out
    }

    /// A ring on the P50 finish with its date, written on the side with more room.
    private func finishMark(_ end: ObservedPoint, _ plot: Plot) -> String {
        let label = labels.finish + " " + LocalDay(dayNumber: end.x).display(lang, english: .words)
        let (x, y) = (plot.px(end.x), plot.py(end.y))
        let anchor = x > (plot.left + plot.right) / 2 ? "end" : "start"
        let tag =
            finish.map {
                " data-value=\"\(escapeHTML($0.day.description))\" data-key=\"\(escapeHTML($0.key))\""
            } ?? ""
        return
            "<circle cx=\"\(SVG.n(x))\" cy=\"\(SVG.n(y))\" r=\"3.5\" fill=\"#fff\" stroke=\"#111\" stroke-width=\"1.5\"/>"
            + SVG.text(label, x: x + (anchor == "end" ? -6 : 6), y: y - 9, anchor: anchor, cls: "note", extra: tag)
    }

    /// The observed line, with a dot on its last point.
    private func actualLine(_ obs: [ObservedPoint], _ plot: Plot) -> String {
        var out = polyline(obs.map { (plot.px($0.x), plot.py($0.y)) }, cls: "actual")
        if let last = obs.last {
            out += "<circle cx=\"\(SVG.n(plot.px(last.x)))\" cy=\"\(SVG.n(plot.py(last.y)))\" r=\"3.2\" fill=\"#111\"/>"
        }
        return out
    }

    private func finite(_ v: Double) -> Double { v.isFinite ? v : 0 }

    /// The first point where the median line reaches its final value: the P50 finish (later points only wait for P90).
    static func medianFinish(_ mid: [(x: Int, y: Double)]) -> (x: Int, y: Double)? {
        guard let last = mid.last else { return nil }
        let tolerance = Swift.max(abs(last.y) * 1e-9, 1e-9)
        return mid.first { abs($0.y - last.y) <= tolerance } ?? last
    }

    private func polyline(_ points: [(Double, Double)], cls: String) -> String {
        let pts = points.map { "\(SVG.n($0.0)),\(SVG.n($0.1))" }.joined(separator: " ")
        return "<polyline points=\"\(pts)\" fill=\"none\" class=\"\(cls)\"/>"
    }

    private func legend(top: Double, left: Double) -> String {
        var out = "<g class=\"legend\">"
        var x = left
        out +=
            "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x + 26))\" y2=\"\(SVG.n(top))\" class=\"actual\"/>"
        out += SVG.text(labels.actual, x: x + 32, y: top + 4)
        x += 40 + Double(labels.actual.count) * 6.5
        out +=
            "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x + 26))\" y2=\"\(SVG.n(top))\" class=\"p50\"/>"
        out += SVG.text(labels.p50, x: x + 32, y: top + 4)
        x += 40 + Double(labels.p50.count) * 6.5
        out +=
            "<rect x=\"\(SVG.n(x))\" y=\"\(SVG.n(top - 6))\" width=\"26\" height=\"12\" fill=\"url(#\(escapeHTML(id))-band)\" stroke=\"#8a94a6\"/>"
        out += SVG.text(labels.band, x: x + 32, y: top + 4)
        return out + "</g>"
    }
}
