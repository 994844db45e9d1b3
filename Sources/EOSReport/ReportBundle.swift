import Foundation
import EOSClaims

/// Every file of a report folder, as relative path → bytes, ready for `ReportFolder.publish`
/// (which writes them all and replaces the folder in one atomic step):
///
/// | path | content |
/// |---|---|
/// | `report.md` | the report (`MarkdownReport`), with figures, graphs and the audit |
/// | `report.json` | the same evidence as data (`JSONReport`) |
/// | `graph.md` | the dependency graph of each paper (`DependencyGraph.document`) |
/// | `figures/<claim-id>-<n>.svg` | one plot per figure (`ReportFigure`, `SVGPlot`) |
///
/// A pure function of its inputs: the same results and provenance give the same bytes.
public enum ReportBundle {
    public static func files(_ results: [ClaimResult], index: StatementIndex?,
                             provenance: Provenance?) throws -> [String: Data] {
        var figures: [String: [ReportFigure]] = [:]
        var files: [String: Data] = [:]
        for r in results {
            let fs = ReportFigure.figures(for: r)
            if fs.isEmpty { continue }
            figures[r.claim.id] = fs
            for f in fs { files[f.path] = Data(f.plot.render().utf8) }
        }
        files["report.md"] = Data(MarkdownReport.render(results, index: index, figures: figures,
                                                        provenance: provenance).utf8)
        files["report.json"] = try JSONReport.render(results, figures: figures, provenance: provenance)
        files["graph.md"] = Data(DependencyGraph.document(results, index: index).utf8)
        return files
    }
}
