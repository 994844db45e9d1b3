import Foundation
import Testing
import EOSClaims
import EOSReport

@Suite("Dependency graph")
struct DependencyGraphTests {
    /// A: uses B and C; B: confirmed; C: refuted (its printed case fails); D: uses A and an
    /// unindexed definition and an indexed statement without a claim.
    static func results() -> [ClaimResult] {
        let a = SyntheticClaims.squaring(id: "CB23.A1", uses: ["CB23.B1", "CB23.C1"])
        let b = SyntheticClaims.squaring(id: "CB23.B1")
        let c = SyntheticClaims.squaring(id: "CB23.C1", expected: .refuted)
        let d = SyntheticClaims.squaring(id: "CB23.D1", uses: ["CB23.A1", "CB23.Def9", "CB23.Lem9"])
        let refuted = ClaimRunner.run(c, cases: [
            ClaimCase(label: "x = 3", parameters: ["x": .number(3)]),
            ClaimCase(label: "x = 3 control", role: .negativeControl, parameters: ["x": .number(3)]),
        ])
        let offline = Claim(notCheckableOffline: "CB23.E1", title: "MNIST", source: SyntheticClaims.source,
                            statement: "on MNIST", dataset: "MNIST")
        return [SyntheticClaims.result(a), SyntheticClaims.result(b), refuted, SyntheticClaims.result(d),
                ClaimResult(claim: offline, cases: [], seconds: 0)]
    }

    @Test("every claim is a node with its verdict's class, and every use is an edge from the used statement")
    func nodesAndEdges() {
        let g = DependencyGraph(paper: "CB23", results: Self.results(), indexed: ["CB23.Lem9"])
        let m = g.mermaid
        #expect(m.hasPrefix("flowchart LR\n"))
        let expectedNodes: [(String, String)] = [
            ("CB23.A1", "confirmed"), ("CB23.B1", "confirmed"), ("CB23.C1", "refuted"), ("CB23.D1", "confirmed"),
            ("CB23.E1", "offline"), ("CB23.Def9", "notIndexed"), ("CB23.Lem9", "unchecked"),
        ]
        #expect(g.nodes.count == expectedNodes.count)
        for (id, cls) in expectedNodes {
            #expect(g.nodes.first { $0.id == id }?.className == cls, "\(id)")
            #expect(m.contains("  \(DependencyGraph.nodeID(id))[\"\(id)\"]:::\(cls)\n"), "node line of \(id)")
        }
        let edges = [("CB23.B1", "CB23.A1"), ("CB23.C1", "CB23.A1"), ("CB23.A1", "CB23.D1"),
                     ("CB23.Def9", "CB23.D1"), ("CB23.Lem9", "CB23.D1")]
        #expect(g.edges.count == edges.count)
        for (used, user) in edges {
            #expect(m.contains("  \(DependencyGraph.nodeID(used)) --> \(DependencyGraph.nodeID(user))\n"), "\(used) → \(user)")
        }
        #expect(m.components(separatedBy: " --> ").count - 1 == edges.count)
    }

    @Test("there is a classDef for every verdict, with distinct fills")
    func classes() {
        let m = DependencyGraph(paper: "CB23", results: []).mermaid
        var fills = Set<String>()
        for v in Verdict.allCases {
            let name = DependencyGraph.className(v)
            let line = m.split(separator: "\n").first { $0.hasPrefix("  classDef \(name) ") }
            #expect(line != nil, "no classDef for \(v)")
            if let line { fills.insert(String(line.components(separatedBy: "fill:")[1].prefix(7))) }
        }
        #expect(fills.count == Verdict.allCases.count)
    }

    @Test("node identifiers are Mermaid-safe; report.md and graph.md embed the graph as a mermaid block")
    func embedding() {
        #expect(DependencyGraph.nodeID("DLN-EOS.Thm3.1") == "n_DLN_EOS_Thm3_1")
        let results = Self.results()
        let md = MarkdownReport.render(results)
        #expect(md.contains("### Dependency graph (CB23)\n\n```mermaid\nflowchart LR\n"))
        let doc = DependencyGraph.document(results, index: nil)
        #expect(doc.hasPrefix("# Dependency graphs"))
        #expect(doc.contains("```mermaid\n" + DependencyGraph(paper: "CB23", results: results,
                                                                 verdicts: DependencyGraph.recordedVerdicts).mermaid + "```"))
    }
}
