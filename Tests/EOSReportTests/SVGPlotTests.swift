import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import EOSCore
import EOSClaims
import EOSReport

/// Collects the elements, attributes and text of an XML document, and whether it parsed.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    static func parse(_ svg: String) -> (ok: Bool, collector: XMLCollector, error: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let c = XMLCollector()
        parser.delegate = c
        let ok = parser.parse()
        return (ok, c, parser.parserError.map { String(describing: $0) } ?? "")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        text += "\n"
    }

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
}

@Suite("SVG plots")
struct SVGPlotTests {
    static let geometric = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height"]

    /// Every number in a geometric attribute, `points` and `viewBox`.
    static func coordinates(_ c: XMLCollector) -> [String] {
        var out: [String] = []
        for (_, attributes) in c.elements {
            for (k, v) in attributes {
                if geometric.contains(k) { out.append(v) }
                if k == "points" || k == "viewBox" {
                    out += v.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
                }
            }
        }
        return out
    }

    static func check(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) -> XMLCollector {
        let (ok, c, error) = XMLCollector.parse(svg)
        #expect(ok, "not well-formed XML: \(error)", sourceLocation: sourceLocation)
        let coordinates = coordinates(c)
        #expect(!coordinates.isEmpty, sourceLocation: sourceLocation)
        for v in coordinates {
            #expect(Double(v)?.isFinite == true, "non-finite or non-numeric coordinate '\(v)'", sourceLocation: sourceLocation)
        }
        let lower = svg.lowercased()
        #expect(!lower.contains("nan") && !lower.contains("inf"), sourceLocation: sourceLocation)
        return c
    }

    @Test("several series: well-formed XML, finite coordinates, one polyline per line series, a legend entry each")
    func lines() {
        let t = (0..<200).map { Double($0) }
        let plot = SVGPlot(title: "Fig. 4: sharpness & loss <with markup>", series: [
            DataSeries(name: "sharpness λ(t)", x: t, y: t.map { 2 + sin($0 / 10) }, figure: "Fig. 4",
                       xLabel: "step t", yLabel: "λ (1/η units)"),
            DataSeries(name: "2/η", x: [0, 199], y: [2.5, 2.5], figure: "Fig. 4"),
            DataSeries(name: "loss", x: t, y: t.map { exp(-$0 / 50) }, figure: "Fig. 4"),
        ])
        let svg = plot.render()
        let c = Self.check(svg)
        #expect(c.elements.first?.name == "svg")
        #expect(c.count("polyline") == 3)
        for name in ["sharpness λ(t)", "2/η", "loss", "step t", "λ (1/η units)", "Fig. 4: sharpness & loss <with markup>"] {
            #expect(c.text.contains(name), "missing text \(name)")
        }
        #expect(svg == plot.render(), "rendering is deterministic")
        #expect(svg.contains("width=\"800\""))
    }

    @Test("the polyline holds every point of the series, in order, inside the plot area")
    func pointsPresent() throws {
        let x: [Double] = [1, 2, 3, 4, 5], y: [Double] = [10, 20, 15, 30, 25]
        let c = Self.check(SVGPlot(title: "t", series: [DataSeries(name: "s", x: x, y: y)]).render())
        let line = try #require(c.elements.first { $0.name == "polyline" })
        let pairs = line.attributes["points"]!.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        #expect(pairs.count == 5)
        let xs = pairs.map { $0[0] }, ys = pairs.map { $0[1] }
        #expect(xs == xs.sorted() && Set(xs).count == 5, "x increases with the data")
        // SVG y grows downwards: the highest value (30, 4th point) is the smallest pixel y.
        #expect(ys.firstIndex(of: ys.min()!) == 3 && ys.firstIndex(of: ys.max()!) == 0)
        for p in pairs { #expect(p[0] >= 84 && p[0] <= 776 && p[1] >= 44 && p[1] <= 484) }
    }

    @Test("a .points series is drawn as one dot per point (bifurcation diagrams)")
    func scatter() {
        var x: [Double] = [], y: [Double] = []
        for i in 0..<300 { let eta = 1 + Double(i) / 300; x += [eta, eta]; y += [sqrt(eta), -sqrt(eta)] }
        let c = Self.check(SVGPlot(title: "bifurcation", series: [
            DataSeries(name: "orbit points", x: x, y: y, xLabel: "η", yLabel: "x", style: .points)]).render())
        // 600 data dots plus the legend's marker.
        #expect(c.count("circle") == 601)
        #expect(c.count("polyline") == 0)
    }

    @Test("log axes: ticks at powers of ten over whole decades, labelled 10ᵏ, and every point placed")
    func logAxis() {
        let ticks = AxisTicks(low: 3e-7, high: 42, scale: .log)
        #expect(abs(ticks.lower / 1e-7 - 1) < 1e-12 && abs(ticks.upper / 100 - 1) < 1e-12)
        for t in ticks.ticks {
            let k = log10(t.value)
            #expect(abs(k - k.rounded()) < 1e-12, "\(t.value) is not a power of ten")
        }
        #expect(ticks.ticks.map(\.label).contains("10⁻⁶"))
        #expect(ticks.ticks.map(\.label).contains("100"))
        let narrow = AxisTicks(low: 0.3, high: 4, scale: .log)
        #expect(narrow.ticks.map(\.label) == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])

        let n = (1...50).map(Double.init)
        let c = Self.check(SVGPlot(title: "decay", series: [
            DataSeries(name: "gap", x: n, y: n.map { pow(0.5, $0) }, xLabel: "step", yLabel: "|x − x⋆|", yScale: .log),
        ]).render())
        #expect(c.text.contains("(log scale)"))
        #expect(c.elements.first { $0.name == "polyline" }?.attributes["points"]?.split(separator: " ").count == 50)
    }

    @Test("linear axes: nice steps, labels with the decimals the step needs")
    func linearAxis() {
        let a = AxisTicks(low: 0.13, high: 0.87, scale: .linear, target: 6)
        #expect(a.lower <= 0.13 && a.upper >= 0.87)
        #expect(a.ticks.map(\.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let b = AxisTicks(low: -3, high: 7, scale: .linear, target: 6)
        #expect(b.ticks.map(\.label) == ["−4", "−2", "0", "2", "4", "6", "8"])
        let constant = AxisTicks(low: 5, high: 5, scale: .linear)
        #expect(constant.lower < 5 && constant.upper > 5)
        let big = AxisTicks(low: 0, high: 3e7, scale: .linear, target: 4)
        #expect(big.ticks.map(\.label).contains("10⁷"))
    }

    @Test("edge cases stay finite: empty, a single point, a constant, huge and non-positive values on a log axis",
          arguments: [
            [DataSeries](),
            [DataSeries(name: "one", x: [1], y: [2])],
            [DataSeries(name: "flat", x: [0, 1, 2], y: [3, 3, 3])],
            [DataSeries(name: "huge", x: [-1e308, 1e308], y: [-1e308, 1e308])],
            [DataSeries(name: "tiny", x: [1e-300, 2e-300], y: [.leastNonzeroMagnitude, .leastNormalMagnitude / 1000])],
            [DataSeries(name: "mixed", x: [1, 2, 3], y: [-1, 0, .nan])],
            [DataSeries(name: "log", x: [1, 2, 3], y: [1e-300, 1, 1e300], yScale: .log),
             DataSeries(name: "linear on a log plot", x: [1, 2, 3], y: [-5, 0, 5])],
          ])
    func edges(series: [DataSeries]) {
        _ = Self.check(SVGPlot(title: "edge", series: series).render())
    }
}

@Suite("SVG plots: long series")
struct SVGPlotThinningTests {
    @Test("a 40 000-point line is thinned per pixel column but keeps its extremes and end points")
    func longLine() throws {
        let n = 40_000
        let t = (0..<n).map(Double.init)
        let y = t.map { sin($0 / 300) * (1 + $0 / 10_000) }
        let svg = SVGPlot(title: "long", series: [DataSeries(name: "s", x: t, y: y)]).render()
        let c = SVGPlotTests.check(svg)
        let line = try #require(c.elements.first { $0.name == "polyline" })
        let pairs = line.attributes["points"]!.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        #expect(pairs.count <= 4 * 800 && pairs.count > 692)
        let full = SVGPlot(title: "long", series: [DataSeries(name: "s", x: Array(t.prefix(3000)), y: Array(y.prefix(3000)))]).render()
        #expect(full.count < svg.count * 2, "thinning keeps the file size of a short series")
        let ys = pairs.map { $0[1] }
        #expect(ys.min()! >= 44 && ys.max()! <= 484)
        // The extremes of the data reach the top and the bottom of the y axis's nice range
        // exactly as in the unthinned plot.
        let fullLine = try #require(XMLCollector.parse(full).collector.elements.first { $0.name == "polyline" })
        #expect(fullLine.attributes["points"]!.split(separator: " ").count == 3000)
        #expect(line.attributes["points"]!.hasPrefix("84,"), "first point kept")
        let lastX: Double = 84 + 692 * 39_999 / 40_000
        #expect(abs(pairs.last![0] - lastX) < 0.01, "last point kept")
        let axis = SVGPlot(title: "long", series: [DataSeries(name: "s", x: t, y: y)]).axes().y
        let span = axis.upper - axis.lower
        let unthinned: [Double] = y.map { v in 484 - (v - axis.lower) / span * 440 }
        #expect(abs(ys.min()! - unthinned.min()!) < 0.01 && abs(ys.max()! - unthinned.max()!) < 0.01,
                "the extremes survive thinning")
    }

    @Test("coincident dots are drawn once")
    func dots() {
        let x = Array(repeating: 1.0, count: 5000) + [2], y = Array(repeating: 3.0, count: 5000) + [4]
        let c = SVGPlotTests.check(SVGPlot(title: "dots", series: [DataSeries(name: "p", x: x, y: y, style: .points)]).render())
        #expect(c.count("circle") == 3)   // two distinct dots and the legend marker
    }
}

@Suite("SVG plots: random data")
struct SVGPlotFuzzTests {
    /// A number of any magnitude and sign, sometimes non-finite or exactly repeated.
    static func wild(_ g: inout SeededGenerator) -> Double {
        switch g.next() % 10 {
        case 0: return [.nan, .infinity, -.infinity, 0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude][Int(g.next() % 7)]
        case 1, 2: return 1
        default:
            let sign: Double = g.next() % 3 == 0 ? -1 : 1
            return sign * g.nextUniform() * pow(10, Double(Int(g.next() % 80)) - 40)
        }
    }

    @Test("500 seeded random plots (any magnitudes, NaN, ∞, log and linear axes, lines and dots) are well-formed with finite coordinates")
    func randomPlots() {
        var g = SeededGenerator(seed: 4242)
        for _ in 0..<500 {
            let series: [DataSeries] = (0..<Int(g.next() % 4)).map { i in
                let n = Int(g.next() % 40)
                return DataSeries(name: "s\(i)", x: (0..<n).map { _ in Self.wild(&g) }, y: (0..<n).map { _ in Self.wild(&g) },
                                  xScale: g.next() % 2 == 0 ? .linear : .log, yScale: g.next() % 2 == 0 ? .linear : .log,
                                  style: g.next() % 2 == 0 ? .line : .points)
            }
            let svg = SVGPlot(title: "random", series: series).render()
            let (ok, c, error) = XMLCollector.parse(svg)
            #expect(ok, "\(error)")
            for v in SVGPlotTests.coordinates(c) where Double(v)?.isFinite != true {
                Issue.record("coordinate '\(v)' for series \(series)")
            }
        }
    }
}
