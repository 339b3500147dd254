/// Small helpers for writing SVG by hand: safe coordinates, escaped text and black-and-white fill patterns.
enum SVG {
    /// A coordinate with at most one decimal; non-finite values become 0, so no `NaN` or `inf` reaches the SVG.
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let r = (v * 10).rounded() / 10
        let clamped = Swift.min(Swift.max(r, -1e6), 1e6)
        return clamped == clamped.rounded() ? String(Int(clamped)) : String(clamped)
    }

    /// A `<text>` element with escaped content.
    static func text(
        _ s: String, x: Double, y: Double, anchor: String = "start", cls: String = "", extra: String = ""
    ) -> String {
        let c = cls.isEmpty ? "" : " class=\"\(cls)\""
        return "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(c)\(extra)>\(escapeHTML(s))</text>"
    }

    /// The opening tag of a chart that scales to the page width (no `xmlns`: inline SVG in HTML5 needs none, and the report holds no URL).
    static func open(id: String, width: Double, height: Double, label: String) -> String {
        "<svg id=\"\(escapeHTML(id))\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(escapeHTML(label))\" preserveAspectRatio=\"xMinYMin meet\">"
    }

    /// The number of distinct fills `fill(_:prefix:)` offers before repeating.
    static let fillCount = 6

    /// Pattern definitions readable in black and white: diagonal hatch, dots, cross-hatch, horizontal lines, grey, black.
    static func patternDefs(prefix: String) -> String {
        let p = escapeHTML(prefix)
        return """
            <defs>\
            <pattern id="\(p)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#333" stroke-width="2"/></pattern>\
            <pattern id="\(p)-dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><circle cx="2.5" cy="2.5" r="1.3" fill="#222"/></pattern>\
            <pattern id="\(p)-cross" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#fff"/><path d="M0 0L6 6M6 0L0 6" stroke="#333" stroke-width="1"/></pattern>\
            <pattern id="\(p)-lines" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#fff"/><line x1="0" y1="2.5" x2="5" y2="2.5" stroke="#222" stroke-width="1.5"/></pattern>\
            <pattern id="\(p)-band" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#eef2f7"/><line x1="0" y1="0" x2="0" y2="8" stroke="#8a94a6" stroke-width="1.2"/></pattern>\
            </defs>
            """
    }

    /// The fill for series `index`: distinct by pattern, not only by colour.
    static func fill(_ index: Int, prefix: String) -> String {
        let p = escapeHTML(prefix)
        switch index % fillCount {
        case 0: return "#222"
        case 1: return "url(#\(p)-hatch)"
        case 2: return "#fff"
        case 3: return "url(#\(p)-dots)"
        case 4: return "url(#\(p)-cross)"
        default: return "url(#\(p)-lines)"
        }
    }

    /// A frame with a centred sentence, drawn instead of a chart when there is nothing to plot.
    static func empty(id: String, width: Double, height: Double, message: String) -> String {
        open(id: id, width: width, height: height, label: message)
            + "<rect x=\"0.5\" y=\"0.5\" width=\"\(n(width - 1))\" height=\"\(n(height - 1))\" fill=\"#fff\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
            + text(message, x: width / 2, y: height / 2 + 5, anchor: "middle", cls: "empty")
            + "</svg>"
    }

    /// Shortens a label to `max` characters with an ellipsis.
    static func shorten(_ s: String, max: Int) -> String {
        s.count <= max ? s : String(s.prefix(max - 1)) + "…"
    }
}
