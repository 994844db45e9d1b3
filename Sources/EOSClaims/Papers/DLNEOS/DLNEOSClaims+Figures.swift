extension DLNEOSClaims {
    /// Figures, prose claims and poster (seed 004) claims of seed 000, in index order.
    static let figures: [Claim] = []
}
