extension DLNEOSClaims {
    /// Proposition 1: the singular vector stationary set.
    static let proposition1 = Claim(
        id: "DLN-EOS.Prop1",
        title: "Singular vector stationary set: (U_L, V_L) = (U⋆, Q_L), (U_ℓ, V_ℓ) = (Q_{ℓ+1}, Q_ℓ), (U_1, V_1) = (Q_2, V⋆)",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Proposition 1 (Singular Vector Stationary Set)", lines: 208...229),
        statement: """
        Consider the deep matrix factorization loss in Equation (1). Let M⋆ = U⋆Σ⋆V⋆ᵀ and W_ℓ(t) = U_ℓ(t)Σ_ℓ(t)V_ℓᵀ(t) denote the compact SVD for the target matrix and the ℓ-th layer weight matrix at time t, respectively. For any time t ≥ 0, if U̇_ℓ(t) = V̇_ℓ(t) = 0 for all ℓ ∈ [L], then the singular vector stationary (SVS) points for each weight matrix are given by SVS(f(Θ)) = {(U_L, V_L) = (U⋆, Q_L); (U_ℓ, V_ℓ) = (Q_{ℓ+1}, Q_ℓ), ∀ℓ ∈ [2, L−1]; (U_1, V_1) = (Q_2, V⋆)}, where {Q_ℓ}_{ℓ=2}^L can be any orthogonal matrices.
        """,
        uses: ["DLN-EOS.Eq1", "DLN-EOS.Eq2"],
        parameters: DLNSVSChecks.stationarityParameters,
        method: """
        Full-matrix GD (Eq. 2) from a point W_ℓ = A_ℓ D_ℓ B_ℓᵀ with random positive distinct D_ℓ and, for an SVS \
        point, A_L = U⋆, B_ℓ = A_{ℓ−1} = Q_ℓ (seeded random orthogonal), B_1 = V⋆. After T steps the layers \
        are expressed in their initial frames, A_ℓᵀW_ℓ(T)B_ℓ; the singular vectors have not moved exactly when \
        this is diagonal (relative off-diagonal mass ≤ 1e-10, rounding). The printed set must be stationary, \
        and (the "only if" direction, by contraposition) a point whose chain is broken must not be: the \
        negative controls rotate V_L away from U_{L−1} (inner) or V_1 away from V⋆ (outer) by 0.3 rad, and \
        the check must then see the singular vectors move. Dimension-free statement: checked at d = 4–5, L = 3–4.
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.stationarity(c) }
}
