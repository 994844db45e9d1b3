extension MPDLNClaims {
    /// Theorem D.2 (Balanced split is the flattest global minimum in each mode), l.354–360, Eq. (50).
    static let theoremD2 = Claim(
        id: "MPDLN.ThmD.2",
        title: "the equal split is the unique flattest global minimum in each mode (Jensen) [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Theorem D.2 (restates Theorem 4.2)", lines: 354...360),
        statement: """
        Assume p = 2 − 2/L > 1. Among all global minima satisfying Σ_k σ_{k,i} = s_i, the mode-i sharpness is minimized \
        uniquely by the equal split σ_{k,i} = s_i/K (50). Proof: since p > 1, x^p is convex on [0, ∞). By Jensen, \
        (1/K)Σ_k σ_{k,i}^p ≥ (s_i/K)^p, with equality iff all σ_{k,i} are equal. Multiply both sides by LK and substitute. \
        [p, the assumption and (50) are RECONSTRUCTED (INDEX [R]) from the proof's wording.]
        """,
        uses: ["MPDLN.EqD47-48", "MPDLN.Thm4.2"],
        parameters: sharpnessReductionParameters,
        method: """
        The check of MPDLN.Thm4.2, whose first quantity is exactly the uniqueness asserted here: pairwise-exchange \
        descent from random points of the simplex must end at the equal split from every start (1e-6·s). Also: random \
        allocations never beat it, and the dense Hessian of the full loss confirms the minimal value and the strict \
        reduction. Negative control: L = 2 (p = 1, Jensen with equality for every split): not unique.
        """,
        expected: .confirmed
    ) { c in try sharpnessReductionCheck(c) }
}
