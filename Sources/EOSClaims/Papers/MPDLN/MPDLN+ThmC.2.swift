extension MPDLNClaims {
    /// Theorem C.2 (Pathway-wise equal split minimizes mode-i sharpness), l.302–314: the appendix
    /// restatement of Theorem 4.2, whose statement and proof are lost in the extraction.
    static let theoremC2 = Claim(
        id: "MPDLN.ThmC.2",
        title: "pathway-wise equal split minimises the mode-i sharpness; reduction factor (43) [R, statement lost]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Theorem C.2 (restates Theorem 4.2)", lines: 302...314),
        statement: """
        [Title only survives: "Pathway-wise equal split minimizes mode-i sharpness"; statement and proof lost (l.307–308).] \
        Surviving text: the sharpness contribution depends on the pathway end-to-end singular values through the convex \
        functional Σ_k σ_{k,i}^p, p = 2 − 2/L; for L > 2, p > 1, so x^p is convex on [0, ∞). At a global minimum mode i must \
        satisfy Σ_k σ_{k,i} = s_i (41). Placing all of mode i in one pathway, (40) gives λ_single,i = L s_i^{2−2/L}; comparing \
        with the minimum (42) λ_min,i = LK(s_i/K)^{2−2/L} gives the reduction factor (43) K^{2/L−1}: "for L > 2, distributing \
        a mode evenly across K pathways strictly reduces its curvature by a factor [K^{2/L−1}] relative to concentrating it \
        in a single pathway." [p, (41), (42), (43) and L > 2 are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.LemC.1", "MPDLN.Thm4.2"],
        parameters: sharpnessReductionParameters,
        method: """
        The check of MPDLN.Thm4.2: pairwise-exchange descent (no convexity used) from random starts must find the equal \
        split as the unique minimiser; random allocations never beat it; the dense Hessian of the full loss at the \
        equal-split and single-path minima gives (42), λ_single and the factor (43), which must be < 1. Negative control: \
        L = 2 (p = 1): every split gives λ = 2s, no unique minimiser and no strict reduction.
        """,
        expected: .confirmed
    ) { c in try sharpnessReductionCheck(c) }
}
