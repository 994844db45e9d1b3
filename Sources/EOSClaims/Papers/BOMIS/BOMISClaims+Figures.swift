extension BOMISClaims {
    /// Figures and prose claims of seed 001, in index order.
    static let figures: [Claim] = [
        fnClaim1,
        sec42Claim1,
        fig1,
        fig9,
        fig15,
        fig16,
        fig17,
        fig18,
    ]
}
