import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Sec. 3.1.2 (l.377–387): beyond EOS, GD walks from a sharper minimum to the flattest
    /// (balanced) one.
    ///
    /// On the per-index loss ½(Π_ℓ σ_ℓ − σ⋆)² the minimum "GD is near" at step t is the limit of
    /// gradient flow from s(t) (the conserved gaps σ_ℓ² − σ_L² fix it, Lemma 2); its sharpness is
    /// the GFS sharpness ψ(s(t)) = Σ_ℓ σ⋆²/z_ℓ² (Lemma 3), and the flattest minimum has
    /// ψ = S = Lσ⋆^{2−2/L} (Lemma 4; Lemma 1's λ_max at the balanced minimum).
    static let sec312Claim3 = Claim(
        id: "DLN-EOS.Sec3.1.2-claim3",
        title: "GD beyond EOS walks from a sharper minimum to the flattest (balanced) one",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Sec. 3.1.2, prose after Proposition 2", lines: 377...387),
        statement: """
        Secondly, for deep matrix factorization, we prove that the balanced minimum (i.e., the minimum where all of \
        the singular values across layers are the same) corresponds to the flattest minimum (see Lemma 4). Since GD \
        at EOS monotonically decreases the balancing gap, this also implies that GD implicitly walks from a sharper \
        minima to the flattest minima.
        """,
        uses: ["DLN-EOS.Lem4", "DLN-EOS.Prop2", "DLN-EOS.Lem3", "DLN-EOS.Lem1"],
        parameters: [DLNScalarChecks.sigmaStarSpec, DLNSimulation.depthSpec, DLNScalarChecks.etaSSpec,
                     DLNScalarChecks.alphaFractionSpec, DLNSimulation.stepsSpec(1e6),
                     ParameterSpec("model", .choice(["scalar", "matrix"]), required: false,
                                   meaning: "scalar: the per-index loss (Eq. 5, default); matrix: the deep matrix factorization (Eq. 1) with a rank-1 target"),
                     ParameterSpec("d", .integer, .closed(1, 6), required: false, meaning: "for matrix: the width d (default 2)")],
        method: """
        GD on ½(Πσ_ℓ − σ⋆)² from the unbalanced point (α, …, α, 0), α = fraction × Prop. 2's printed bound at \
        η·S (at η·S = 2.05 when η·S ≤ 2, so that stable and unstable runs share the start). At every step the \
        minimum GD is near is the gradient-flow limit z(t) of s(t) (conserved gaps + Brent), with sharpness \
        ψ(t) = Σσ⋆²/z_ℓ² (Lemma 3), checked against the Hessian's λ_max at z(T) (Jacobi). Holds when (i) the start's \
        minimum is sharper than the balanced one, ψ(0)/S − 1 > 1e-6, (ii) ψ(t) never increases (steps of at most \
        1e-12·S, the rounding of Brent's root), and (iii) the run ends at the flattest minimum, ψ(T)/S − 1 ≤ 1e-9 \
        (the gap reaches the rounding level 1e-13, and ψ − S is of the order of the gap). Also reported: the \
        sharpness of the unbalanced minimum that stable GD (η·S = 1.8) reaches from the same start. Negative \
        control: η·S = 1.8 judged the same way — stable GD stops at an unbalanced, sharper minimum, so (iii) fails. \
        The scalar loss of one index (Eq. 5) is the default; model = matrix repeats the check on the deep matrix \
        factorization itself (Eq. 1, d × d, rank-1 target σ⋆ with seeded frames, init (4)): the minimum GD ends near is \
        the limit of small-step GD (η = 0.2/S, 20 000 steps, a gradient-flow proxy) from the last iterate, and its sharpness \
        is the dense Hessian's λ_max, which must be within 1e-8 of Lemma 1's Lσ⋆^{2−2/L} (rounding of the dense \
        eigensolver and of the converged point); the stable run's end point must have the λ_max the scalar reduction \
        predicts (ψ(T) of the scalar stable run, 1e-8), which checks the reduction behind the default mode.
        """,
        expected: .confirmed
    ) { c in try DLNSharpToFlat.check(c) }
}
