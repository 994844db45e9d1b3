import EOSClaims

/// `CHECKLIST.md`, generated from the statement index and the registry: every indexed
/// statement with a checkbox (ticked when an executable check or an offline verdict exists),
/// its recorded verdict, and where it is checked. The recorded verdict is the one each
/// paper's test suite asserts the computation reproduces, so the checklist needs no run.
///
/// Regenerate with `swift run eos-verify checklist --write`; a test fails when the committed
/// file differs from what this renders.
public enum Checklist {
    public static let regenerateCommand = "swift run eos-verify checklist --write"

    public static func render(index: StatementIndex, claims: [Claim]) -> String {
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out = "# CHECKLIST\n\n"
        out += "Generated from `Fixtures/INDEX.md` (a copy of `shared/claims/INDEX.md`) and the claim registry by `\(regenerateCommand)`. Do not edit by hand: a test fails when this file is stale.\n\n"
        let checked = index.ids.filter { byID[$0] != nil }.count
        out += "\(checked) of \(index.ids.count) indexed IDs have a claim.\n\n"
        let papers = MarkdownReport.papers.map(\.prefix)
        for paper in papers {
            let ids = index.ids.filter { $0.hasPrefix(paper + ".") }
            if ids.isEmpty { continue }
            let done = ids.filter { byID[$0] != nil }.count
            out += "\n## \(paper) (\(done) of \(ids.count))\n\n| | ID | verdict | checked by |\n|---|---|---|---|\n"
            for id in ids {
                if let c = byID[id] {
                    let where_ = c.needsDataset.map { "— (needs \($0))" }
                        ?? "`Fixtures/\(c.paper)/\(c.id).json`, suite `\(c.paper)`"
                    out += "| [x] | \(id) | \(c.expected.rawValue) | \(where_) |\n"
                } else {
                    out += "| [ ] | \(id) | not yet checked | — |\n"
                }
            }
        }
        return out
    }
}
