extension BOMISClaims {
    /// Figures and prose claims of seed 001, in index order.
    static let figures: [Claim] = []
}
