extension DLNEOSClaims {
    /// Definitions, equations, lemmas, propositions and theorems of seed 000, in index order.
    static let statements: [Claim] = []
}
