/// Where a statement stands in the papers: the seed file, the statement's printed label and the
/// line range (1-based, inclusive, as `cat -n` shows the seed text; see shared/claims/INDEX.md).
public struct ClaimSource: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The seed file name, e.g. `002_0c23829b8f92eb91.txt`.
    public let seed: String
    /// The statement as the paper labels it, e.g. "Theorem 2" or "Corollary 1 (restated as Corollary 9)".
    public let statement: String
    /// First and last line of the statement in the seed file.
    public let lines: ClosedRange<Int>

    public init(seed: String, statement: String, lines: ClosedRange<Int>) {
        self.seed = seed
        self.statement = statement
        self.lines = lines
    }

    public var description: String {
        "\(seed) \(statement), l.\(lines.lowerBound)–\(lines.upperBound)"
    }
}

/// The seed files, by paper.
public enum Seed {
    /// Ghosh et al., Learning dynamics of deep linear networks beyond the edge of stability.
    public static let dlnEOS = "000_b7ccf02a7bae9954.txt"
    /// Benign oscillation within minimal invariant subspaces (earlier version of 000).
    public static let bomis = "001_4a7b1fa8b02f04fa.txt"
    /// Chen & Bruna, Beyond the edge of stability via two-step gradient updates.
    public static let cb23 = "002_0c23829b8f92eb91.txt"
    /// Multi-pathway deep linear networks (inline mathematics lost in extraction).
    public static let mpdln = "003_00a9da165048bd48.txt"
    /// Poster of 000.
    public static let poster = "004_9759a209841c962b.txt"
}
