import EOSClaims

/// `report.md`: how the report was made (toolchain, commit, tiers, fixtures, seeds), the
/// verdict counts, per paper a summary table (ID, title, verdict, cases passed, the key
/// measured-vs-predicted number) and the dependency graph of its statements, the
/// printed-number audit, then a section per claim with the statement as printed, its source,
/// the method, its figures and the evidence table of every case.
///
/// Deterministic: no timestamps or timings; numbers through `formatNumber`.
public enum MarkdownReport {
    /// Paper prefixes in seed order with their titles.
    public static let papers: [(prefix: String, title: String)] = [
        ("DLN-EOS", "Learning Dynamics of Deep Linear Networks Beyond the Edge of Stability (seed 000, poster 004)"),
        ("BOMIS", "Benign Oscillation within Minimal Invariant Subspaces at the Edge of Stability (seed 001)"),
        ("CB23", "Chen & Bruna, Beyond the Edge of Stability via Two-step Gradient Updates (seed 002)"),
        ("MPDLN", "Gradient Descent with Large Step Size Restores Symmetry in Multi-Pathway DLNs (seed 003)"),
    ]

    /// The papers that have results: the known ones in seed order, then any other prefix in
    /// the order it first appears (so a claim of a new paper is never silently left out).
    public static func paperList(_ results: [ClaimResult]) -> [(prefix: String, title: String)] {
        let present = Set(results.map(\.claim.paper))
        var list = papers.filter { present.contains($0.prefix) }
        var seen = Set(papers.map(\.prefix))
        for r in results where seen.insert(r.claim.paper).inserted { list.append((r.claim.paper, r.claim.paper)) }
        return list
    }

    /// The report. `figures` maps claim IDs to their figures (see `ReportFigure`);
    /// `provenance`, when given, opens the report.
    public static func render(_ results: [ClaimResult], index: StatementIndex? = nil,
                              figures: [String: [ReportFigure]] = [:], provenance: Provenance? = nil) -> String {
        var out = "# EOSVerify report\n\n"
        out += "Claim-by-claim checks of the seed papers. Verdicts: **confirmed** (every case as printed holds and every negative control shows the effect absent), **discrepancy** (the printed statement fails, a named corrected variant holds), **refuted**, **inconclusive** (a negative control failed or a computation could not finish), **not checkable offline** (needs a dataset), **not yet checked**.\n\n"
        if let provenance { out += provenance.markdown }
        let counts = Dictionary(grouping: results, by: \.verdict).mapValues(\.count)
        out += "| verdict | claims |\n|---|---|\n"
        for v in Verdict.allCases where counts[v] != nil { out += "| \(v.rawValue) | \(counts[v]!) |\n" }
        if let index {
            let have = Set(results.map(\.claim.id))
            let missing = index.ids.filter { !have.contains($0) }
            out += "| indexed, not yet checked | \(missing.count) |\n"
        }
        out += "\n"
        let indexed = Set(index?.ids ?? [])
        for (prefix, title) in paperList(results) {
            let rs = results.filter { $0.claim.paper == prefix }
            out += "## \(prefix): \(title)\n\n"
            out += "| ID | statement | verdict | cases passed | key number (measured vs predicted) |\n"
            out += "|---|---|---|---|---|\n"
            for r in rs {
                out += "| [\(r.claim.id)](#\(anchor(r.claim.id))) | \(cell(r.claim.title)) | \(r.verdict.rawValue) | \(r.casesPassed)/\(r.cases.count) | \(cell(keyNumber(r))) |\n"
            }
            out += "\n### Dependency graph (\(prefix))\n\n"
            out += DependencyGraph(paper: prefix, results: results, verdicts: DependencyGraph.recordedVerdicts,
                                   indexed: indexed).markdown
        }
        out += PrintedNumberAudit(results).markdown
        out += "---\n\n"
        for r in results { out += section(r, figures: figures[r.claim.id] ?? []) }
        return out
    }

    static func keyNumber(_ r: ClaimResult) -> String {
        guard let c = r.cases.first(where: { $0.role == .asPrinted }), let q = c.keyQuantity else { return "" }
        if let p = q.predicted { return "\(q.name): \(q.measured) vs \(p)" }
        return "\(q.name): \(q.measured)"
    }

    /// The section of one claim; `figures` are embedded after the method.
    public static func section(_ r: ClaimResult, figures: [ReportFigure] = []) -> String {
        let c = r.claim
        var s = "<a id=\"\(anchor(c.id))\"></a>\n### \(c.id): \(c.title)\n\n"
        s += "**Verdict: \(r.verdict.rawValue)**"
        if r.verdict != c.expected { s += " (recorded verdict: \(c.expected.rawValue) — CHANGED)" }
        s += " · \(r.casesPassed)/\(r.cases.count) cases passed · source: \(c.source)"
        if !c.uses.isEmpty { s += " · uses: " + c.uses.joined(separator: ", ") }
        s += "\n\n"
        s += c.statement.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> " + $0 }.joined(separator: "\n") + "\n\n"
        s += "**How it is checked.** \(c.method)\n\n"
        if let variant = c.correctedVariant { s += "**Corrected variant.** \(variant)\n\n" }
        for f in figures { s += f.markdown(for: c) }
        for e in r.cases {
            let status = e.error != nil ? "could not complete" : (e.passed ? "passed" : "FAILED")
            s += "- **\(e.label)** (\(e.role.rawValue), \(status))"
            if !e.parameters.isEmpty {
                s += " — " + e.parameters.keys.sorted().map { "\($0) = \(e.parameters[$0]!)" }.joined(separator: ", ")
            }
            s += "\n"
            if let err = e.error { s += "  - error: \(err)\n" }
            if !e.quantities.isEmpty {
                s += "\n  | quantity | measured | predicted | tolerance | holds |\n  |---|---|---|---|---|\n"
                for q in e.quantities {
                    let holds = q.holds.map { $0 ? "yes" : "**no**" } ?? ""
                    s += "  | \(cell(q.name)) | \(cell(q.measured)) | \(cell(q.predicted ?? "")) | \(cell(q.tolerance?.description ?? "")) | \(holds) |\n"
                }
                s += "\n"
            }
            if !e.note.isEmpty { s += "  - \(e.note)\n" }
        }
        return s + "\n"
    }

    /// A GitHub-style anchor for an ID.
    public static func anchor(_ id: String) -> String {
        id.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }

    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
