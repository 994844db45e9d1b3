extension DLNEOSClaims {
    /// Equation (1): the deep matrix factorization loss.
    static let equation1 = Claim(
        id: "DLN-EOS.Eq1",
        title: "f(Θ) = ½‖W_L⋯W_1 − M⋆‖²_F and its layer gradient",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (1)", lines: 118...136),
        statement: """
        argmin_Θ f(Θ) := ½‖W_L · … · W_1 − M⋆‖²_F (=: W_{L:1}), where W_{j:i} = W_j⋯W_i is identity when j < i, rank(M⋆) = r, W_ℓ ∈ ℝ^{d×d}. We also assume that the singular values of M⋆ are distinct.
        """,
        parameters: DLNModelChecks.modelParameters,
        method: """
        At a seeded random point, the model's f is compared with ½‖W_{L:1} − M⋆‖²_F computed from explicit \
        products, and central finite differences of f with the gradient used throughout the proofs, \
        ∇_{W_ℓ}f = W_{L:ℓ+1}ᵀ(W_{L:1} − M⋆)W_{ℓ−1:1}ᵀ (l.1664–1667). The printed ½ matters: the negative \
        control evaluates the loss without ½ (c = 1, the convention some figures used), where the value and \
        the gradient both differ from the printed formulas by a factor 2.
        """,
        expected: .confirmed
    ) { c in try DLNModelChecks.lossAndGradient(c, step: false) }

    /// Equation (2): gradient descent on every layer.
    static let equation2 = Claim(
        id: "DLN-EOS.Eq2",
        title: "GD: W_ℓ(t) = W_ℓ(t−1) − η∇_{W_ℓ}f(Θ(t−1)) with the printed gradient",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Equation (2)", lines: 138...145),
        statement: """
        W_ℓ(t) = W_ℓ(t−1) − η·∇_{W_ℓ}f(Θ(t−1)), ∀ℓ ∈ [L], where η > 0 is the learning rate. (The proofs use ∇_{W_ℓ}f(Θ) = W_{L:ℓ+1}ᵀ(W_{L:1} − M⋆)W_{ℓ−1:1}ᵀ.)
        """,
        uses: ["DLN-EOS.Eq1"],
        parameters: DLNModelChecks.modelParameters,
        method: """
        One step of the GD runner used by every DLN claim is compared with W_ℓ − η·(printed gradient), and the \
        printed gradient with central finite differences of f. Negative control: the gradient written without \
        transposes, W_{L:ℓ+1}(W_{L:1} − M⋆)W_{ℓ−1:1}, which is not the gradient for a general (non-symmetric) \
        point and must be rejected.
        """,
        expected: .confirmed
    ) { c in try DLNModelChecks.lossAndGradient(c, step: true) }
}
