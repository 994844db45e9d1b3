extension BOMISClaims {
    /// Definitions, equations, lemmas, theorems and conjectures of seed 001, in index order.
    static let statements: [Claim] = []
}
