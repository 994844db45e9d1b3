import Foundation
import EOSClaims

/// A line or scatter plot of several data series, written as a self-contained SVG file with no
/// dependency (no script, no external font or style sheet), so GitHub shows it inline.
///
/// - Layout: 800 px wide (GitHub's content width), a 440 px plot area, axes with nice ticks
///   (`AxisTicks`: linear, or log₁₀ with decade ticks), light grid lines, the axis labels
///   (with their units, as the series give them), a title, and a legend below the plot with
///   one entry per series. Colours are the Okabe–Ito palette (distinguishable with colour
///   blindness); after eight series the dash pattern changes as well.
/// - `.line` series are polylines; `.points` series are dots (bifurcation diagrams, grids).
///   Long series are thinned to what 800 px can show (`thinLine`, `thinPoints`), so a figure
///   stays small whatever the length of the run.
/// - Determinism: coordinates are written with at most two decimals by integer arithmetic,
///   ticks are a pure function of the data range, so the same series give the same bytes.
/// - Finiteness: points that cannot be placed (non-finite, ≤ 0 on a log axis) are dropped,
///   and every coordinate is clamped to the drawing, so the file never holds NaN or ∞.
///
/// The axes' labels and scales are those of the first series (series of one figure share
/// them by construction); a series whose own scale differs is drawn on the plot's scale.
public struct SVGPlot: Sendable {
    public var title: String
    public var series: [DataSeries]
    public var xLabel: String
    public var yLabel: String
    public var xScale: DataSeries.Scale
    public var yScale: DataSeries.Scale

    public static let width = 800.0
    static let plotHeight = 440.0
    static let margin = (left: 84.0, right: 24.0, top: 44.0, bottom: 58.0)
    static let legendRow = 18.0
    /// Okabe & Ito (2008), "Color universal design": eight colours told apart under the common
    /// colour-vision deficiencies (yellow darkened for contrast on white).
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#B8A000"]
    static let dashes = ["", "6 3", "2 2", "8 3 2 3"]

    public init(title: String, series: [DataSeries]) {
        self.title = title
        self.series = series
        let first = series.first
        xLabel = first?.xLabel ?? "x"
        yLabel = first?.yLabel ?? "y"
        xScale = first?.xScale ?? .linear
        yScale = first?.yScale ?? .linear
    }

    /// The points of `s` that can be placed on the plot's axes (finite; positive on a log axis).
    func placeable(_ s: DataSeries) -> [(Double, Double)] {
        zip(s.x, s.y).filter { p in
            p.0.isFinite && p.1.isFinite && (xScale == .linear || p.0 > 0) && (yScale == .linear || p.1 > 0)
        }
    }

    /// The axes for the data: ticks over the range of every placeable point.
    public func axes() -> (x: AxisTicks, y: AxisTicks) {
        var xs: (Double, Double)? = nil, ys: (Double, Double)? = nil
        for s in series {
            for (x, y) in placeable(s) {
                xs = xs.map { (min($0.0, x), max($0.1, x)) } ?? (x, x)
                ys = ys.map { (min($0.0, y), max($0.1, y)) } ?? (y, y)
            }
        }
        let defaultRange: (DataSeries.Scale) -> (Double, Double) = { $0 == .log ? (1, 10) : (0, 1) }
        let xr = xs ?? defaultRange(xScale), yr = ys ?? defaultRange(yScale)
        return (AxisTicks(low: xr.0, high: xr.1, scale: xScale, target: 8),
                AxisTicks(low: yr.0, high: yr.1, scale: yScale, target: 7))
    }

    /// The SVG document.
    public func render() -> String {
        let (xAxis, yAxis) = axes()
        let m = Self.margin, w = Self.width, ph = Self.plotHeight
        let pw = w - m.left - m.right
        let legendColumns = series.count > 4 && series.allSatisfy({ $0.name.count <= 40 }) ? 2 : 1
        let legendRows = (series.count + legendColumns - 1) / legendColumns
        let height = m.top + ph + m.bottom + Double(legendRows) * Self.legendRow + (series.isEmpty ? 0 : 8)
        let left = m.left, top = m.top, bottom = m.top + ph, right = m.left + pw
        // Data → pixels, clamped a little outside the plot area so nothing is ever non-finite.
        func px(_ v: Double) -> Double? { xAxis.fraction(v).map { clamp(left + $0 * pw, left - 10, right + 10) } }
        func py(_ v: Double) -> Double? { yAxis.fraction(v).map { clamp(bottom - $0 * ph, top - 10, bottom + 10) } }

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.coordinate(w))\" height=\"\(Self.coordinate(height))\" viewBox=\"0 0 \(Self.coordinate(w)) \(Self.coordinate(height))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
        s += "<title>\(Self.escape(title))</title>\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Self.coordinate(w))\" height=\"\(Self.coordinate(height))\" fill=\"#ffffff\"/>\n"
        s += "<text x=\"\(Self.coordinate(w / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">\(Self.escape(Self.truncate(title, 92)))</text>\n"

        // Grid and ticks.
        s += "<g stroke=\"#e4e4e4\" stroke-width=\"1\">\n"
        for t in xAxis.ticks { if let x = px(t.value) { s += "<line x1=\"\(Self.coordinate(x))\" y1=\"\(Self.coordinate(top))\" x2=\"\(Self.coordinate(x))\" y2=\"\(Self.coordinate(bottom))\"/>\n" } }
        for t in yAxis.ticks { if let y = py(t.value) { s += "<line x1=\"\(Self.coordinate(left))\" y1=\"\(Self.coordinate(y))\" x2=\"\(Self.coordinate(right))\" y2=\"\(Self.coordinate(y))\"/>\n" } }
        s += "</g>\n"
        s += "<rect x=\"\(Self.coordinate(left))\" y=\"\(Self.coordinate(top))\" width=\"\(Self.coordinate(pw))\" height=\"\(Self.coordinate(ph))\" fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>\n"
        s += "<g font-size=\"11\" fill=\"#333333\">\n"
        for t in xAxis.ticks {
            guard let x = px(t.value) else { continue }
            s += "<line x1=\"\(Self.coordinate(x))\" y1=\"\(Self.coordinate(bottom))\" x2=\"\(Self.coordinate(x))\" y2=\"\(Self.coordinate(bottom + 5))\" stroke=\"#333333\"/>"
            s += "<text x=\"\(Self.coordinate(x))\" y=\"\(Self.coordinate(bottom + 18))\" text-anchor=\"middle\">\(Self.escape(t.label))</text>\n"
        }
        for t in yAxis.ticks {
            guard let y = py(t.value) else { continue }
            s += "<line x1=\"\(Self.coordinate(left - 5))\" y1=\"\(Self.coordinate(y))\" x2=\"\(Self.coordinate(left))\" y2=\"\(Self.coordinate(y))\" stroke=\"#333333\"/>"
            s += "<text x=\"\(Self.coordinate(left - 8))\" y=\"\(Self.coordinate(y + 4))\" text-anchor=\"end\">\(Self.escape(t.label))</text>\n"
        }
        s += "</g>\n"
        let xCaption = xLabel + (xScale == .log ? " (log scale)" : "")
        let yCaption = yLabel + (yScale == .log ? " (log scale)" : "")
        s += "<text x=\"\(Self.coordinate(left + pw / 2))\" y=\"\(Self.coordinate(bottom + 40))\" text-anchor=\"middle\" font-size=\"13\">\(Self.escape(Self.truncate(xCaption, 100)))</text>\n"
        s += "<text x=\"18\" y=\"\(Self.coordinate(top + ph / 2))\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 18 \(Self.coordinate(top + ph / 2)))\">\(Self.escape(Self.truncate(yCaption, 70)))</text>\n"

        // Data, clipped to the plot area.
        // The clip reaches 3 px past the frame so dots on the axis bounds are drawn whole.
        s += "<clipPath id=\"plot-area\"><rect x=\"\(Self.coordinate(left - 3))\" y=\"\(Self.coordinate(top - 3))\" width=\"\(Self.coordinate(pw + 6))\" height=\"\(Self.coordinate(ph + 6))\"/></clipPath>\n"
        s += "<g clip-path=\"url(#plot-area)\">\n"
        for (i, series) in series.enumerated() {
            let (colour, dash) = Self.style(i)
            let placed = placeable(series).compactMap { p -> (Double, Double)? in
                guard let x = px(p.0), let y = py(p.1) else { return nil }
                return (x, y)
            }
            if placed.isEmpty { continue }
            let points = series.style == .line ? Self.thinLine(placed) : Self.thinPoints(placed)
            switch series.style {
            case .line where points.count > 1:
                s += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-linejoin=\"round\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " points=\""
                s += points.map { Self.coordinate($0.0) + "," + Self.coordinate($0.1) }.joined(separator: " ")
                s += "\"/>\n"
            default:
                s += "<g fill=\"\(colour)\">"
                for (x, y) in points { s += "<circle cx=\"\(Self.coordinate(x))\" cy=\"\(Self.coordinate(y))\" r=\"1.8\"/>" }
                s += "</g>\n"
            }
        }
        s += "</g>\n"

        // Legend below the x-axis label.
        if !series.isEmpty {
            let columnWidth = pw / Double(legendColumns)
            s += "<g font-size=\"12\" fill=\"#222222\">\n"
            for (i, series) in series.enumerated() {
                let (colour, dash) = Self.style(i)
                let x = left + Double(i % legendColumns) * columnWidth
                let y = bottom + m.bottom + 4 + Double(i / legendColumns) * Self.legendRow
                if series.style == .points {
                    s += "<circle cx=\"\(Self.coordinate(x + 12))\" cy=\"\(Self.coordinate(y))\" r=\"3\" fill=\"\(colour)\"/>"
                } else {
                    s += "<line x1=\"\(Self.coordinate(x))\" y1=\"\(Self.coordinate(y))\" x2=\"\(Self.coordinate(x + 24))\" y2=\"\(Self.coordinate(y))\" stroke=\"\(colour)\" stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                }
                let limit = legendColumns == 1 ? 100 : 50
                s += "<text x=\"\(Self.coordinate(x + 32))\" y=\"\(Self.coordinate(y + 4))\">\(Self.escape(Self.truncate(series.name, limit)))</text>\n"
            }
            s += "</g>\n"
        }
        s += "</svg>\n"
        return s
    }

    /// A polyline reduced to what a screen can show: runs of consecutive points in the same
    /// pixel column (x rounded to 1 px) keep their first, lowest, highest and last point, in
    /// order (the "M4" reduction of Jugel et al., VLDB 2014), so the drawn envelope is the same
    /// while a 40 000-step trajectory takes a few thousand points. O(n).
    static func thinLine(_ p: [(Double, Double)]) -> [(Double, Double)] {
        guard p.count > 4 * Int(width) else { return p }
        var out: [(Double, Double)] = []
        out.reserveCapacity(4 * Int(width))
        var start = 0
        while start < p.count {
            let column = p[start].0.rounded()
            var end = start, lo = start, hi = start
            while end + 1 < p.count && p[end + 1].0.rounded() == column {
                end += 1
                if p[end].1 < p[lo].1 { lo = end }
                if p[end].1 > p[hi].1 { hi = end }
            }
            var keep = [start, lo, hi, end]
            keep.sort()
            var last = -1
            for i in keep where i != last { out.append(p[i]); last = i }
            start = end + 1
        }
        return out
    }

    /// Dots reduced to one per half-pixel cell (in order of first appearance): dots closer
    /// than that overlap completely at r = 1.8 px. O(n).
    static func thinPoints(_ p: [(Double, Double)]) -> [(Double, Double)] {
        var seen = Set<Int64>()
        return p.filter { x, y in
            let key = Int64((x * 2).rounded()) << 32 | Int64((y * 2).rounded() + 1e6)
            return seen.insert(key).inserted
        }
    }

    /// Colour and dash pattern of the i-th series.
    static func style(_ i: Int) -> (String, String) {
        (palette[i % palette.count], dashes[(i / palette.count) % dashes.count])
    }

    /// A pixel coordinate rounded to two decimals (trailing zeros dropped), by integer arithmetic (no locale, no
    /// "-0.00"). Coordinates are clamped to the drawing before, so the integer never overflows.
    static func coordinate(_ v: Double) -> String {
        let hundredths = Int((clamp(v, -1e6, 1e6) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let a = abs(hundredths)
        let frac = a % 100
        if frac == 0 { return sign + String(a / 100) }
        return sign + String(a / 100) + "." + (frac < 10 ? "0" : "") + (frac % 10 == 0 ? String(frac / 10) : String(frac))
    }

    /// XML text and attribute escaping.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            default:
                // Control characters are not allowed in XML 1.0.
                if ch.unicodeScalars.allSatisfy({ $0.value >= 0x20 }) { out.append(ch) }
            }
        }
        return out
    }

    static func truncate(_ s: String, _ limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(limit - 1)) + "…"
    }
}

@inline(__always)
func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double {
    v.isNaN ? lo : min(max(v, lo), hi)
}
