extension DLNEOSClaims {
    /// Proposition 4: the balanced initialization lies in the SVS set (symmetric target).
    static let proposition4 = Claim(
        id: "DLN-EOS.Prop4",
        title: "Balanced init (3) stays in the SVS set: W_ℓ(t) = V⋆Σ_ℓ(t)V⋆ᵀ for M⋆ = V⋆Σ⋆V⋆ᵀ",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Proposition 4 (proof: Eq. 27)", lines: 2017...2122),
        statement: """
        Let M⋆ = V⋆Σ⋆V⋆ᵀ ∈ ℝ^{d×d} denote the SVD of the target matrix. The balanced initialization in (3) is a member of the singular vector stationary set described in Proposition 1, where U_L = Q_L = … = Q_2 = V_1 = V⋆. (Proof: W_ℓ(t) = V⋆Σ_ℓ(t)V⋆ᵀ (27), with Σ(t) = Σ_ℓ(t) − η·Σ_ℓ^{L−ℓ}(t)(Σ_ℓ^L(t) − Σ⋆)Σ_ℓ^{ℓ−1}(t).)
        """,
        uses: ["DLN-EOS.Eq2", "DLN-EOS.Eq3", "DLN-EOS.Prop1"],
        parameters: DLNSVSChecks.trajectoryParameters,
        method: """
        Full-matrix GD from W_ℓ(0) = αI on a symmetric PSD target M⋆ = V⋆ diag(σ⋆, 0) V⋆ᵀ (seeded V⋆). At every \
        t = 0…T each layer is compared with V⋆Σ(t)V⋆ᵀ, Σ(t) from the printed recursion over all d indices \
        (σ⋆,i = 0 for i > r); holds when the relative deviation is ≤ 1e-9 (rounding). The statement assumes \
        the symmetric form M⋆ = V⋆Σ⋆V⋆ᵀ; the negative control drops it (U⋆ ≠ V⋆, same σ⋆): the balanced \
        init then leaves this form at the first step (the main text, l.258–262, states the balanced case \
        without the symmetry assumption; that prose claim is checked elsewhere).
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.trajectoryForm(c, form: .prop4, defaultInit: "balanced") }
}
