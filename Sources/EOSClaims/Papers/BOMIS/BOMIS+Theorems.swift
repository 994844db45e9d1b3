import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Theorem 1: singular vector invariance (same content as DLN-EOS Prop. 3).
    static let theorem1 = Claim(
        id: "BOMIS.Thm1",
        title: "Singular vector invariance from W_L(0) = 0, W_ℓ(0) = αI: the printed form and recursions for t ≥ 1",
        source: ClaimSource(seed: Seed.bomis, statement: "Theorem 1 (Singular Vector Invariance; restated at l.777–787)", lines: 167...177),
        statement: """
        Let M* ∈ ℝ^{d×d} be rank r with SVD M* = U*Σ*V*ᵀ. Suppose we run GD (2) with learning rate η and with the initialization (3). Then for all t ≥ 1, W_L(t) = U* diag(Σ̃_L(t), 0) V*ᵀ and W_ℓ(t) = V* diag(Σ̃(t), αI_{d−r}) V*ᵀ for ℓ ∈ [L−1] (4), with Σ̃_L(t) = Σ̃_L(t−1) − η(Σ̃_L(t−1)Σ̃^{L−1}(t−1) − Σ_r*)Σ̃^{L−1}(t−1), Σ̃(t) = Σ̃(t−1)(I_r − ηΣ̃_L(t−1)(Σ̃_L(t−1)Σ̃^{L−1}(t−1) − Σ_r*)Σ̃^{L−3}(t−1)), Σ̃_L(1) = ηα^{L−1}Σ_r*, Σ̃(1) = αI_r.
        """,
        uses: ["BOMIS.Eq2", "BOMIS.Eq3"],
        parameters: DLNSVSChecks.trajectoryParameters,
        method: """
        The check of DLN-EOS.Prop3 (same form and recursions, printed identically in 000 and 001) at 001's \
        constants: d = 100, r = 5, α = 0.01 (Sec. 4.1; 001's σ* are not printed, (10, 8, 6, 4, 2) used) in the \
        full tier, d = 6 in CI; 001 allows α ∈ [0, 1]. Negative control: perturbed init off the SVS set.
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.trajectoryForm(c, form: .prop3, defaultInit: "unbalanced") }

    /// Theorem 2: periodic orbit at the edge of stability.
    static let theorem2 = Claim(
        id: "BOMIS.Thm2",
        title: "For any ε > 0 and w ∈ [s − ε, s] there is η ∈ (2/L″(s), 2/(L″(s) − εL‴(s))) with GD_η(GD_η(w)) = w",
        source: ClaimSource(seed: Seed.bomis, statement: "Theorem 2 (Periodic Orbit at the Edge of Stability; restated at l.1079–1087)", lines: 260...267),
        statement: """
        Consider the objective function L(·) in Equation (6), where σ_i* is a singular value of a symmetric target matrix M*. Let GD_η(·) denote one GD step with learning rate η: GD_η(w_ℓ^i(t)) := w_ℓ^i(t+1) = w_ℓ^i(t) − η·∇_{w_ℓ^i}L(θ^i(t)), and define s := σ_i*^{1/L}. Then, under Conjecture 1, for any ε > 0 and any point w_ℓ^i(t) ∈ [s − ε, s], there exists a learning rate 2/L″(s) < η < 2/(L″(s) − εL‴(s)) such that GD_η(GD_η(w_ℓ^i(t))) = w_ℓ^i(t). (Proof, l.1159–1169: "5N + 1 > 0 … This means that we need L > 2, to observe period-2 orbit oscillation".)
        """,
        uses: ["BOMIS.Conj1", "BOMIS.Lem2", "BOMIS.Lem1"],
        parameters: [DLNScalarChecks.sigmaStarSpec,
                     ParameterSpec("depth", .integer, .closed(1, 12), meaning: "L"),
                     ParameterSpec("epsilon", .real, .open(0, 1), meaning: "ε relative to s")],
        method: """
        Under Conjecture 1 (balanced layers) one GD step on w_ℓ^i is GD on F(w) = (w^L − σ*)²/(2L), whose \
        curvature F″(s) = Lσ*^{2−2/L} is the stability limit; L″, L‴ are read as F″, F‴ (the proof's own \
        f(y) = (y^{N+1} − s)² has no ½ and uses s for σ*, and the single-coordinate curvature σ*^{2−2/L} would \
        put η beyond divergence). For 16 points w ∈ (s − ε, s) a two-step fixed point η must exist in the \
        printed interval (the check of DLN-EOS.Lem11). Measured: true for small ε; "for any ε > 0" fails — \
        for ε > F″/F‴ = s/(3(L−1)) the upper end 2/(F″ − εF‴) is negative and the interval empty (ε = 0.5s). \
        The proof's "we need L > 2" is contradicted: at L = 2 the condition 3F‴² − F″F⁗ = 480 > 0 (σ* = 5) \
        and two-step orbits exist. Negative control: L = 1.
        """,
        expected: .discrepancy,
        correctedVariant: "for sufficiently small ε (as in Chen & Bruna's theorem), and for every L ≥ 2"
    ) { c in try DLNEOSClaims.twoCycleNearBalancedMinimum(c) }

    /// Conjecture 1: balancing at η = 1/σ*^{2−2/L}.
    static let conjecture1 = Claim(
        id: "BOMIS.Conj1",
        title: "With η = 1/σ_i*^{2−2/L} and init (3), |w_L^i(t) − w_ℓ^i(t)| → 0",
        source: ClaimSource(seed: Seed.bomis, statement: "Conjecture 1", lines: 246...249),
        statement: "Suppose we run GD in (2) with learning rate η = 1/σ_i*^{(2−2/L)} and the initialization in Equation (3). Then, as t → ∞, |w_L^i(t) − w_ℓ^i(t)| → 0 ∀i ∈ [r], ∀ℓ ∈ [L−1].",
        parameters: DLNScalarChecks.balancingParameters,
        method: """
        Scalar GD (loss with ½, as 001's Eq. 1) from (α, …, α, 0) at the printed η = 1/σ*^{2−2/L}, i.e. \
        η·S = L with S = Lσ*^{2−2/L} the sharpness at the balanced minimum (001's Lemma 2 gives 2σ*^{2−2/L}, \
        so the conjectured η is "2 divided by the sharpness" only at L = 2). Holds when the final \
        |w_L − w_ℓ| ≤ 1e-6α. Found: the gap does go to 0 for L = 2, 3, 4 — but for L ≥ 3 this η is beyond \
        2√2/S: at L = 3 the iterates are chaotic around the minimum, at L = 4 they collapse onto the saddle \
        Πw ≈ 0 (balanced but not fitting σ*); with the loss without ½ every case diverges. Negative control: \
        η = 0.5/S (stable GD), where the gap stalls at an unbalanced minimum. 000 replaces the conjecture by \
        Prop. 2 (window 2/S < η < 2√2/S with an α bound).
        """,
        expected: .confirmed
    ) { c in try DLNScalarChecks.conjecture1(c) }

    /// Conjecture 2: invariance for orthogonally initialized DLNs.
    static let conjecture2 = Claim(
        id: "BOMIS.Conj2",
        title: "Orthogonal init W_ℓ(0) = αP_ℓ: after some T the layers admit the decomposition (11)–(13)",
        source: ClaimSource(seed: Seed.bomis, statement: "Conjecture 2 (Invariance in Orthogonally Initialized DLNs)", lines: 696...706),
        statement: "Let M* ∈ ℝ^{d×d} be rank r with SVD U*Σ*V*ᵀ, with GD (2) from W_L(0) = 0 and W_ℓ(0) = αP_ℓ (P_ℓ orthogonal). Then after some t ≥ T, each weight admits the decomposition (11)–(13) (printed identically to DLN-EOS (9)–(11)).",
        parameters: DLNSVSChecks.trajectoryParameters,
        method: """
        The check of DLN-EOS.Eq8-11 (the same decomposition) at 001's constants (d = 100, r = 5, α = 0.01 in \
        the full tier). Found: the decomposition holds from T = 1 on, exactly — αP_ℓ is already a point of \
        the SVS set with frames Q_ℓ = P_ℓ⋯P_1V*, so the conjecture is true and follows from the argument of \
        DLN-EOS Prop. 1/3. Negative control: Gaussian init αH_ℓ.
        """,
        expected: .confirmed
    ) { c in try DLNSVSChecks.trajectoryForm(c, form: .eq9to11, defaultInit: "orthogonal") }
}
