extension DLNEOSClaims {
    /// Proposition 3: the unbalanced initialization lies in the SVS set, with the printed recursions.
    static let proposition3 = Claim(
        id: "DLN-EOS.Prop3",
        title: "Unbalanced init (4) stays in the SVS set with Q_ℓ = V⋆; printed recursions for Σ̃_L, Σ̃",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Proposition 3 (proof: Eq. 26 and the recursions)", lines: 1714...1760),
        statement: """
        Let M⋆ = U⋆Σ⋆V⋆ᵀ. The initialization (4) is a member of the SVS set of Proposition 1 with Q_L = … = Q_2 = V⋆. For all t ≥ 1: W_L(t) = U⋆ diag(Σ̃_L(t), 0) V⋆ᵀ and W_ℓ(t) = V⋆ diag(Σ̃(t), αI_{d−r}) V⋆ᵀ for ℓ ∈ [L−1] (26), with Σ̃_L(t) = Σ̃_L(t−1) − η(Σ̃_L(t−1)Σ̃^{L−1}(t−1) − Σ⋆,r)Σ̃^{L−1}(t−1), Σ̃(t) = Σ̃(t−1)(I_r − ηΣ̃_L(t−1)(Σ̃_L(t−1)Σ̃^{L−1}(t−1) − Σ⋆,r)Σ̃^{L−3}(t−1)), Σ̃_L(1) = ηα^{L−1}Σ⋆,r and Σ̃(1) = αI_r.
        """,
        uses: ["DLN-EOS.Eq2", "DLN-EOS.Eq4", "DLN-EOS.Prop1"],
        parameters: DLNSVSChecks.trajectoryParameters,
        method: """
        Full-matrix GD (Eqs. 1–2, loss with ½) from init (4) on M⋆ = U⋆ diag(σ⋆, 0) V⋆ᵀ with seeded random \
        U⋆ ≠ V⋆. At every t = 1…T the layers are compared with the matrices (26) built from the printed \
        recursions (iterated literally, from the printed Σ̃_L(1), Σ̃(1)); the case holds when the largest \
        relative deviation is ≤ 1e-9 (rounding) and Σ̃_L(1) matches ηα^{L−1}σ⋆. Negative control: init (4) \
        plus a 10 % Gaussian perturbation of every layer (off the SVS set): the printed form must fail. Paper \
        scale: d = 50, r = 3, σ⋆ = (10, 9.5, 9), L = 3, α = 0.01 (Fig. 6 setting) in the full tier. \
        Agrees with BOMIS Thm 1 (001 prints the same recursions; 001 allows α ∈ [0, 1], 000 α ∈ (0, σ⋆,r)).
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.trajectoryForm(c, form: .prop3, defaultInit: "unbalanced") }
}
