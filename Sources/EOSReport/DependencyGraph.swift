import EOSClaims

/// The dependency graph of a paper's statements, as a Mermaid flowchart (GitHub renders
/// ```` ```mermaid ```` blocks): one node per claim of the paper, one per statement a claim
/// uses (`Claim.uses`) that is not itself in the list, and an arrow `A --> B` when B's proof
/// uses A (the blueprint convention: arrows point from what is used to what uses it).
///
/// Nodes are coloured by verdict, one `classDef` per verdict; a used statement with no claim is
/// *not yet checked* when it is indexed and *not indexed* otherwise (e.g. a definition).
/// Nodes and edges are emitted in claim order, so the text is deterministic.
public struct DependencyGraph: Sendable {
    public struct Node: Sendable, Equatable {
        public let id: String
        public let title: String?
        /// The class name of the node's verdict (`DependencyGraph.className`).
        public let className: String
    }

    public let paper: String
    public let nodes: [Node]
    /// (used, user): the user's proof uses `used`.
    public let edges: [(used: String, user: String)]

    /// The graph of the claims of `paper` among `results`. `verdicts` gives the verdicts of
    /// used statements outside `results` (claims that were not run), `indexed` the indexed IDs (so an unknown used ID is told apart from an unchecked one).
    public init(paper: String, results: [ClaimResult], verdicts: [String: Verdict] = [:],
                indexed: Set<String> = []) {
        self.paper = paper
        let mine = results.filter { $0.claim.paper == paper }
        var known: [String: Verdict] = verdicts
        for r in results { known[r.claim.id] = r.verdict }
        var nodes: [Node] = []
        var seen = Set<String>()
        for r in mine where seen.insert(r.claim.id).inserted {
            nodes.append(Node(id: r.claim.id, title: r.claim.title, className: Self.className(r.verdict)))
        }
        var edges: [(String, String)] = []
        for r in mine {
            for used in r.claim.uses {
                edges.append((used, r.claim.id))
                if seen.insert(used).inserted {
                    let cls = known[used].map(Self.className)
                        ?? (indexed.contains(used) ? Self.className(.notYetChecked) : Self.notIndexed)
                    nodes.append(Node(id: used, title: nil, className: cls))
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// The recorded verdict of every registered claim: the colour of a used statement that is
    /// registered but was not run in this report (a report of selected claims).
    public static var recordedVerdicts: [String: Verdict] {
        Dictionary(ClaimRegistry.all.map { ($0.id, $0.expected) }, uniquingKeysWith: { a, _ in a })
    }

    /// The class of nodes for used IDs that are neither claims nor indexed statements.
    public static let notIndexed = "notIndexed"

    /// The Mermaid class name of a verdict.
    public static func className(_ v: Verdict) -> String {
        switch v {
        case .confirmed: "confirmed"
        case .discrepancy: "discrepancy"
        case .refuted: "refuted"
        case .inconclusive: "inconclusive"
        case .notCheckableOffline: "offline"
        case .notYetChecked: "unchecked"
        }
    }

    /// Fill, stroke and the legend text of each class.
    static let classes: [(name: String, style: String, legend: String)] = [
        ("confirmed", "fill:#c8e6c9,stroke:#2e7d32,color:#1b3d1f", "confirmed (green)"),
        ("discrepancy", "fill:#ffe0b2,stroke:#e65100,color:#4e2600", "discrepancy (orange)"),
        ("refuted", "fill:#ffcdd2,stroke:#b71c1c,color:#4a0b0b", "refuted (red)"),
        ("inconclusive", "fill:#fff9c4,stroke:#9e8600,color:#3d3400", "inconclusive (yellow)"),
        ("offline", "fill:#e1e5ea,stroke:#546e7a,color:#263238", "not checkable offline (grey)"),
        ("unchecked", "fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:4 3,color:#424242", "not yet checked (white, dashed)"),
        (notIndexed, "fill:#f5f5f5,stroke:#bdbdbd,stroke-dasharray:2 2,color:#616161", "used but not an indexed statement (light grey, dotted)"),
    ]

    /// A Mermaid node identifier for a claim ID (letters, digits and `_` only).
    public static func nodeID(_ id: String) -> String {
        "n_" + String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
    }

    /// The Mermaid source (without the code fence).
    public var mermaid: String {
        var s = "flowchart LR\n"
        for c in Self.classes { s += "  classDef \(c.name) \(c.style)\n" }
        for n in nodes {
            s += "  \(Self.nodeID(n.id))[\"\(Self.label(n.id))\"]:::\(n.className)\n"
        }
        for e in edges { s += "  \(Self.nodeID(e.used)) --> \(Self.nodeID(e.user))\n" }
        return s
    }

    /// The graph as a fenced block with a one-line key.
    public var markdown: String {
        "```mermaid\n" + mermaid + "```\n\n"
            + "An arrow A → B: the proof of B uses A. Colours: "
            + Self.classes.filter { c in nodes.contains { $0.className == c.name } }
                .map(\.legend).joined(separator: ", ") + ".\n\n"
    }

    /// Mermaid labels are quoted strings; quotes become `#quot;`.
    static func label(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "#quot;")
    }

    /// `graph.md`: the graph of every paper with claims in `results`, in seed order.
    public static func document(_ results: [ClaimResult], index: StatementIndex?) -> String {
        let indexed = Set(index?.ids ?? [])
        var s = "# Dependency graphs\n\nFor each paper, its checked statements and the statements their proofs use (`Claim.uses`), coloured by verdict. Generated by `eos-verify report` with report.md.\n\n"
        for (prefix, title) in MarkdownReport.paperList(results) {
            let g = DependencyGraph(paper: prefix, results: results, verdicts: recordedVerdicts, indexed: indexed)
            s += "## \(prefix): \(title)\n\n" + g.markdown
        }
        return s
    }
}
