extension DLNEOSClaims {
    /// Equation (3): the balanced initialization.
    static let equation3 = Claim(
        id: "DLN-EOS.Eq3",
        title: "Balanced init W_ℓ(0) = αI_d: zero-balanced, an invariant of gradient flow",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (3) with the text of l.151–163", lines: 147...174),
        statement: """
        W_ℓ(0) = αI_d, ∀ℓ ∈ [L] (3), where α > 0 is a small constant. We assume α is chosen small enough such that α ∈ (0, σ⋆,r). … many existing works … assume a zero-balanced initialization (i.e., W_iᵀ(0)W_i(0) = W_j(0)W_jᵀ(0) for i ≠ j). This introduces the invariant W_iᵀ(t)W_i(t) = W_j(t)W_jᵀ(t) for all t > 0.
        """,
        parameters: DLNModelChecks.initParameters,
        method: """
        Builds (3) and measures the zero-balancedness defect max_ℓ ‖W_{ℓ+1}ᵀW_{ℓ+1} − W_ℓW_ℓᵀ‖_F: exactly 0 at \
        t = 0. The invariant is a gradient-flow statement: GD is run to the same time τ = ηT with η and η/2, \
        and the drift of the defect must halve (O(η), vanishing in the GF limit). Negative control: the \
        unbalanced init (4), whose defect at t = 0 is α²√d ≠ 0. Random M⋆ (U⋆ ≠ V⋆), d = 5, L = 3.
        """,
        expected: .confirmed
    ) { c in try DLNModelChecks.zeroBalanced(c) }

    /// Equation (4): the unbalanced initialization.
    static let equation4 = Claim(
        id: "DLN-EOS.Eq4",
        title: "Unbalanced init W_L(0) = 0, W_ℓ(0) = αI_d: the limit α′ → 0 of W_L(0) = α′I",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (4) with the text of l.164–168", lines: 147...174),
        statement: """
        W_L(0) = 0, W_ℓ(0) = αI_d, ∀ℓ ∈ [L−1] (4), where α > 0 is a small constant … α ∈ (0, σ⋆,r). For the unbalanced initialization, the zero weight layer can be viewed as the limiting case of initializing the weights with a (very) small constant α′ ≪ α.
        """,
        parameters: DLNModelChecks.initParameters,
        method: """
        GD trajectories (T steps, full matrices, random M⋆) from W_L(0) = α′I (other layers αI) for α′ = 1e-6 \
        and 1e-7 are compared with the one from W_L(0) = 0: the largest difference must be ≤ 1e-3 of the \
        trajectory's size and shrink ∝ α′ (ratio in [5, 20]). Negative control: α′ = α (the balanced init \
        (3), not α′ ≪ α): the trajectories differ at O(1). BOMIS Eq. (3) prints the same init with \
        "α ∈ [0, 1]" instead of α ∈ (0, σ⋆,r).
        """,
        expected: .confirmed
    ) { c in try DLNModelChecks.zeroLayerLimit(c) }
}
