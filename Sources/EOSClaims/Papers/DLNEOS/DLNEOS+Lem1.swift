extension DLNEOSClaims {
    /// Lemma 1: all non-zero Hessian eigenvalues at the balanced minimum.
    static let lemma1 = Claim(
        id: "DLN-EOS.Lem1",
        title: "Non-zero Hessian eigenvalues at the balanced minimum (values and multiplicities)",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Lemma 1 (Eigenvalues of Hessian at the Balanced Minimum)", lines: 417...487),
        statement: """
        The set of all non-zero eigenvalues of the training loss Hessian of the deep matrix factorization loss f(Θ) defined in Equation (1) at the balanced minimum is given by λ_Θ = {Lσ⋆,i^{2−2/L}, σ⋆,i^{2−2/L}}_{i=1}^r ∪ {Σ_{ℓ=0}^{L−1}(σ⋆,i^{1−1/L−ℓ/L}·σ⋆,j^{ℓ/L})²}_{i≠j}^r ∪ {Σ_{ℓ=0}^{L−1}(σ⋆,k^{1−1/L−ℓ/L}·α^ℓ)²}_{k=1}^r, where σ⋆,i is the i-th singular value of the target matrix M⋆ ∈ ℝ^{d×d}, α ∈ ℝ is the initialization scale, L is the depth of the network, and the second element of the set has a multiplicity of d − r.
        """,
        uses: ["DLN-EOS.Prop3", "DLN-EOS.Prop2", "DLN-EOS.Lem8", "DLN-EOS.Lem9"],
        parameters: DLNSpectrumChecks.parameters,
        method: """
        The balanced minimum is the point of the proof (l.5373–5388): Σ_ℓ = diag(Σ⋆,r^{1/L}, αI_{d−r}) for \
        ℓ < L, Σ_L = diag(Σ⋆,r^{1/L}, 0), in the frames of Prop. 3 with random U⋆ ≠ V⋆. The full Hessian \
        (L·d² × L·d²) is assembled from exact Hessian–vector products and diagonalised (Jacobi); every \
        eigenvalue above 1e-10·λ_max is compared, as a sorted multiset and as a set, with the printed set \
        (multiplicity 1 except σ⋆,i^{2−2/L} with d − r). Measured: the printed values are all there, but the \
        α-terms Σ_ℓ(σ⋆,k^{1−1/L−ℓ/L}α^ℓ)² have multiplicity d − r (not 1) and a further non-zero eigenvalue \
        α^{2(L−1)} of multiplicity (d−r)² is missing (the W_L directions of the (d−r)×(d−r) block where \
        W_L = 0 and W_{L−1:1} = α^{L−1}I). The corrected variant adds both; d = r leaves no α-terms at all. \
        Cross-checked independently with numpy finite-difference Hessians. Negative control: a global minimum \
        whose layers are unbalanced (factors 1.6, 1/1.6): the corrected set must fail there. BOMIS Lemma 1 \
        (001) prints a different set ({2σ_i^{2−2/L}} and zeros), checked under BOMIS.Lem1.
        """,
        expected: .discrepancy,
        correctedVariant: "add the eigenvalue α^{2(L−1)} with multiplicity (d−r)² and give the α-terms multiplicity d − r"
    ) { c in try DLNSpectrumChecks.check(c) }
}
