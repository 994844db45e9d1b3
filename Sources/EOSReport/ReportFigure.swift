import Foundation
import EOSClaims

/// One figure of the report: a plot of the data series one case of a claim produced.
///
/// Series are grouped per case: series that share a `figure` title form one plot (in the order
/// the titles first appear), and the series of the case without a title form one more plot.
/// Figures are numbered 1, 2, … within the claim, in case order, and written to
/// `figures/<claim-id>-<n>.svg` (the ID with any character other than letters, digits, `.`,
/// `-` and `_` replaced by `_`). A group whose series hold no placeable point is skipped.
public struct ReportFigure: Sendable {
    /// The path relative to the report folder, e.g. `figures/CB23.Thm2-1.svg`.
    public let path: String
    /// The figure title the series give, or nil (then the case label names the plot).
    public let figureTitle: String?
    public let caseLabel: String
    public let plot: SVGPlot

    /// The figures of one claim's result.
    public static func figures(for result: ClaimResult) -> [ReportFigure] {
        var out: [ReportFigure] = []
        for e in result.cases {
            var titles: [String] = []
            var groups: [String: [DataSeries]] = [:]
            var untitled: [DataSeries] = []
            for s in e.series where !s.x.isEmpty {
                if let t = s.figure {
                    if groups[t] == nil { titles.append(t) }
                    groups[t, default: []].append(s)
                } else {
                    untitled.append(s)
                }
            }
            var plots: [(String?, [DataSeries])] = titles.map { ($0, groups[$0]!) }
            if !untitled.isEmpty { plots.append((nil, untitled)) }
            for (title, series) in plots {
                let plotTitle = title.map { "\($0) — \(e.label)" } ?? "\(result.claim.id): \(e.label)"
                let plot = SVGPlot(title: plotTitle, series: series)
                guard series.contains(where: { !plot.placeable($0).isEmpty }) else { continue }
                let path = "figures/\(fileStem(result.claim.id))-\(out.count + 1).svg"
                out.append(ReportFigure(path: path, figureTitle: title, caseLabel: e.label, plot: plot))
            }
        }
        return out
    }

    /// The claim ID as a file-name stem.
    static func fileStem(_ id: String) -> String {
        String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) ? $0 : "_" })
    }

    /// The Markdown that embeds the figure under its claim: the image and one sentence of what
    /// the paper says the figure shows (the claim's title and its source statement).
    public func markdown(for claim: Claim) -> String {
        let name = figureTitle ?? "Data of the check"
        let alt = (MarkdownReport.cell(name) + " — " + MarkdownReport.cell(caseLabel))
            .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        var s = "![\(alt)](\(path))\n\n"
        s += "*\(MarkdownReport.cell(name)), case “\(MarkdownReport.cell(caseLabel))”.* "
        s += "What the paper says it shows (\(claim.source.statement)): \(MarkdownReport.cell(sentence(claim.title)))\n\n"
        return s
    }

    private func sentence(_ s: String) -> String {
        guard let last = s.last else { return s }
        return ".!?".contains(last) ? s : s + "."
    }
}
