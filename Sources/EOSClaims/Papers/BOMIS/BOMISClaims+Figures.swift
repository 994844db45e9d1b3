extension BOMISClaims {
    /// Figures and prose claims of seed 001, in index order.
    static let figures: [Claim] = [
        eq7,
        appDClaim1,
        sec31Claim1,
        fnClaim1,
        sec32Claim1,
        sec32Claim3,
        sec41Claim1,
        sec41Claim2,
        sec41Claim3,
        sec42Claim1,
        appAClaim1,
        fig1,
        fig3,
        fig4,
        fig5,
        fig6,
        fig7,
        fig8,
        fig9,
        fig15,
        fig16,
        fig17,
        fig18,
    ]
}
