import Testing
import EOSClaims

/// Chen & Bruna, "Beyond the Edge of Stability via Two-step Gradient Updates" (seed 002).
/// One parameterized test per statement; the cases are the claim's fixture
/// (`Fixtures/CB23/<ID>.json`), each named for the paper's parameters it sets.
@Suite("CB23: Chen & Bruna, two-step updates (seed 002)")
struct CB23Tests {
    @Test("Theorem 1: 3f‴² − f″f⁗ > 0 ⇒ two-step fixed point with η in the printed interval",
          arguments: try ClaimTesting.cases("CB23.Thm1"))
    func theorem1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm1", c) }

    @Test("Lemma 1: higher-order case, k odd or even", arguments: try ClaimTesting.cases("CB23.Lem1"))
    func lemma1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Lem1", c) }

    @Test("Corollary 1: sin oscillates stably around its minima", arguments: try ClaimTesting.cases("CB23.Cor1"))
    func corollary1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor1", c) }

    @Test("Proposition 1: (g − y)² with g′g‴ < 6g″² meets Theorem 1 or Lemma 1",
          arguments: try ClaimTesting.cases("CB23.Prop1"))
    func proposition1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop1", c) }

    @Test("Proposition 2: composition rule (refuted by log∘exp and a cubic pair)",
          arguments: try ClaimTesting.cases("CB23.Prop2"))
    func proposition2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop2", c) }

    @Test("Corollary 2: (x² − 1)²", arguments: try ClaimTesting.cases("CB23.Cor2"))
    func corollary2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor2", c) }

    @Test("Corollary 3: (sin x − y)², interval proof over y ∈ (−1, 1)", arguments: try ClaimTesting.cases("CB23.Cor3"))
    func corollary3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor3", c) }

    @Test("Corollary 4: (tanh x − y)², interval proof over y ∈ (−1, 1)", arguments: try ClaimTesting.cases("CB23.Cor4"))
    func corollary4(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor4", c) }

    @Test("Corollary 5: (x^α − y)², interval proof over α ∈ [2, 100]", arguments: try ClaimTesting.cases("CB23.Cor5"))
    func corollary5(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor5", c) }

    @Test("Corollary 6: (exp x − y)², interval proof over y > 0", arguments: try ClaimTesting.cases("CB23.Cor6"))
    func corollary6(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor6", c) }

    @Test("Corollary 7: (log x − y)², interval proof over y", arguments: try ClaimTesting.cases("CB23.Cor7"))
    func corollary7(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor7", c) }

    @Test("Corollary 8: (sigmoid x − y)², interval proof over y ∈ (0, 1)", arguments: try ClaimTesting.cases("CB23.Cor8"))
    func corollary8(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Cor8", c) }

    @Test("Theorem 2: ¼(x²−µ)² converges to the period-2 orbit of Eq. (4)",
          arguments: try ClaimTesting.cases("CB23.Thm2"))
    func theorem2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm2", c) }

    @Test("Theorem 3: |x − y| decays to 0 on the points with xy > µ, 1 < K < 1.5",
          arguments: try ClaimTesting.cases("CB23.Thm3"))
    func theorem3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm3", c) }

    @Test("Proposition 3: 2-D GD converges to the balanced period-2 orbit of Eq. (4)",
          arguments: try ClaimTesting.cases("CB23.Prop3"))
    func proposition3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop3", c) }

    @Test("Lemma 2: the printed condition keeps x, y positive", arguments: try ClaimTesting.cases("CB23.Lem2"))
    func lemma2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Lem2", c) }

    @Test("Appendix L: the period-2 orbit attracts iff η < √5 − 1", arguments: try ClaimTesting.cases("CB23.AppL-claim"))
    func appendixL(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.AppL-claim", c) }

    @Test("Section 5: population gradient, Hessian (5), spectrum and plane reduction of the ReLU neuron",
          arguments: try ClaimTesting.cases("CB23.Sec5-claim1"))
    func section5Model(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec5-claim1", c) }

    @Test("Theorem 4: w_y decays below 0.1(1 − 0.030K)^{t−T₁−4}", arguments: try ClaimTesting.cases("CB23.Thm4"))
    func theorem4(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm4", c) }

    @Test("Proposition 4: the neuron converges to the period-2 orbit of Eq. (6)", arguments: try ClaimTesting.cases("CB23.Prop4"))
    func proposition4(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop4", c) }

    @Test("Observation 1 remark: sharpness σmax(X)² + σmax(Y)² at minimisers, flattest 2σ₁²",
          arguments: try ClaimTesting.cases("CB23.Obs1-Remark"))
    func observation1Remark(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Obs1-Remark", c) }

    @Test("Proposition 5: Damian et al.'s M for ½(xy − 1)², η > 1 (discrepancy: M is not empty)",
          arguments: try ClaimTesting.cases("CB23.Prop5"))
    func proposition5(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop5", c) }

    @Test("Proposition 6: M for ½(xy − 1)², η < 1 (discrepancy: M also holds a diagonal segment)",
          arguments: try ClaimTesting.cases("CB23.Prop6"))
    func proposition6(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop6", c) }

    @Test("Proposition 7: no minimiser of (1/n)(Πxᵢ − 1)² lies in M when η > 1", arguments: try ClaimTesting.cases("CB23.Prop7"))
    func proposition7(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Prop7", c) }

    @Test("Theorem 6: MF leading Hessian eigenvector and condition (17) (discrepancy: main-text Δ)",
          arguments: try ClaimTesting.cases("CB23.Thm6"))
    func theorem6(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm6", c) }

    @Test("Observation 1: MF converges to the period-2 orbit of Eq. (8) (discrepancy: ρ is scale-free)",
          arguments: try ClaimTesting.cases("CB23.Obs1"))
    func observation1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Obs1", c) }

    @Test("Figure 2 prose: period 2 / 4 / chaos ranges of ησ₁² and the balance (discrepancy at 1.29)",
          arguments: try ClaimTesting.cases("CB23.Fig2-claim"))
    func figure2Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig2-claim", c) }

    @Test("Eq. (1): GD reaches the minimiser of a quadratic iff ηλmax < 2", arguments: try ClaimTesting.cases("CB23.Eq1"))
    func equation1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Eq1", c) }

    @Test("Definition 1: L-gradient Lipschitz ⇔ ‖∇²f‖ ≤ L (convex domains)", arguments: try ClaimTesting.cases("CB23.Def1"))
    func definition1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Def1", c) }

    @Test("Definition 2: period-2 points are fixed points of F² that are not minima, in pairs", arguments: try ClaimTesting.cases("CB23.Def2"))
    func definition2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Def2", c) }

    @Test("Eq. (3): one-step expansion, monotone decrease below 2/f″, quadratic divergence above", arguments: try ClaimTesting.cases("CB23.Eq3"))
    func equation3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Eq3", c) }

    @Test("Definition 3: (αX₀, X₀/α) is an unbalanced minimum", arguments: try ClaimTesting.cases("CB23.Def3"))
    func definition3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Def3", c) }

    @Test("Definition 4: M_c for ½(xy − 1)² (discrepancy: also the diagonal x = y < 1/√2)", arguments: try ClaimTesting.cases("CB23.Def4"))
    func definition4(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Def4", c) }

    @Test("Definition 5: the line-search minimum lies in the valley below the oscillation", arguments: try ClaimTesting.cases("CB23.Def5"))
    func definition5(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Def5", c) }

    @Test("Eq. (7): MF loss, gradient and the minimum manifold's dimension", arguments: try ClaimTesting.cases("CB23.Eq7"))
    func equation7(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Eq7", c) }

    @Test("Eqs. (10)–(12): the identity (11) and its non-separability", arguments: try ClaimTesting.cases("CB23.Eq10-12"))
    func equations10to12(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Eq10-12", c) }

    @Test("Theorem 1, Remark 1: 2/f″(F(x₀)) < 2/f″(x̄) < η < 2/f″(x₀)", arguments: try ClaimTesting.cases("CB23.Thm1-Remark1"))
    func theorem1Remark1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm1-Remark1", c) }

    @Test("Theorem 1, Remark 2: 3f‴² − f″f⁗ > 0 along MF's top Hessian eigenvector", arguments: try ClaimTesting.cases("CB23.Thm1-Remark2"))
    func theorem1Remark2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm1-Remark2", c) }

    @Test("Section 4.1: quadratic diverges, sin has a fixed point of F² at −π/2", arguments: try ClaimTesting.cases("CB23.Sec4.1-claim1"))
    func section41Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec4.1-claim1", c) }

    @Test("Section 4.1: Proposition 1 covers sine, tanh, monomials, exp, log, sigmoid, softplus, Gaussian", arguments: try ClaimTesting.cases("CB23.Sec4.1-claim2"))
    func section41Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec4.1-claim2", c) }

    @Test("Theorem 3, Remark: imbalanced orbits at K = 1.9 (none attracting found; an unstable period-4 one exists)", arguments: try ClaimTesting.cases("CB23.Thm3-Remark"))
    func theorem3Remark(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Thm3-Remark", c) }

    @Test("Appendix A.1: Hessian (14), spectrum on xy = µ, product update (16)", arguments: try ClaimTesting.cases("CB23.SecA1-claim1"))
    func sectionA1Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.SecA1-claim1", c) }

    @Test("Section 5: the three phases of the single neuron", arguments: try ClaimTesting.cases("CB23.Sec5-claim2"))
    func section5Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec5-claim2", c) }

    @Test("Section 6.1: flattest minimum too sharp; balanced orbit; decay to σ₁", arguments: try ClaimTesting.cases("CB23.Sec6.1-claim1"))
    func section61Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec6.1-claim1", c) }

    @Test("Observation 2: quasi-symmetric MF converges to γ_η + O(ε)", arguments: try ClaimTesting.cases("CB23.Obs2"))
    func observation2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Obs2", c) }

    @Test("Tightness: η(σ₁² + σ₂²) = 2 bounds the period-2 orbit; Figure 1’s divergence boundary bulges above it over 1.05–1.27", arguments: try ClaimTesting.cases("CB23.Tightness-claim"))
    func tightnessClaim(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Tightness-claim", c) }

    @Test("Section 6.2: blow-up threshold and Damian et al.'s M (discrepancy: ησ₂ unsquared; diagonal in M)", arguments: try ClaimTesting.cases("CB23.Sec6.2-claim1"))
    func section62Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec6.2-claim1", c) }

    @Test("Section 6.2: the projection onto M stays unchanged in the early steps", arguments: try ClaimTesting.cases("CB23.Sec6.2-claim2"))
    func section62Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Sec6.2-claim2", c) }

    @Test("Lemma 5: a·Δa ≥ b·Δb, a ≥ b, Δb ≤ a ⇒ a + Δa ≥ b + Δb", arguments: try ClaimTesting.cases("CB23.Lem5"))
    func lemma5(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Lem5", c) }

    @Test("Appendix B.3: GD beyond EoS drives MF to the flattest minimum, as in 1-D", arguments: try ClaimTesting.cases("CB23.AppB3-claim1"))
    func appendixB3Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.AppB3-claim1", c) }

    @Test("Appendix B.3.1: 16 neurons, EoS ≈ 2.5, ratios → flattest k² ≈ 1.21", arguments: try ClaimTesting.cases("CB23.AppB3-claim2"))
    func appendixB3Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.AppB3-claim2", c) }

    @Test("Figure 1: divergence grids, no divergence inside the bounds", arguments: try ClaimTesting.cases("CB23.Fig1"))
    func figure1(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig1", c) }

    @Test("Figure 2: σmax(Y), σmax(Z) bifurcation diagram", arguments: try ClaimTesting.cases("CB23.Fig2"))
    func figure2(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig2", c) }

    @Test("Figure 3: ½(xy − 1)² trajectories at η = 1.08 and 0.95", arguments: try ClaimTesting.cases("CB23.Fig3"))
    func figure3(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig3", c) }

    @Test("Figure 4: ¼(x² − 1)² and 2 sin x oscillate at η = 1.01", arguments: try ClaimTesting.cases("CB23.Fig4"))
    func figure4(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig4", c) }

    @Test("Figure 5: single neuron on 1000 points of S¹", arguments: try ClaimTesting.cases("CB23.Fig5"))
    func figure5(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig5", c) }

    @Test("Figure 6: symmetric and quasi-symmetric 8×8 MF reach the same orbit", arguments: try ClaimTesting.cases("CB23.Fig6"))
    func figure6(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig6", c) }

    @Test("Figure 7: ½(xy − 1)² at η = 1.05 (period 2) and 1.25 (period 4)", arguments: try ClaimTesting.cases("CB23.Fig7"))
    func figure7(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig7", c) }

    @Test("Figure 8: 16-neuron teacher–student ratios", arguments: try ClaimTesting.cases("CB23.Fig8"))
    func figure8(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig8", c) }

    @Test("Figure 12: period 2 at 1.05, 1.235; period 4 at 1.237", arguments: try ClaimTesting.cases("CB23.Fig12"))
    func figure12(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig12", c) }

    @Test("Figure 13: roadmap arrows match the proofs' dependencies", arguments: try ClaimTesting.cases("CB23.Fig13"))
    func figure13(_ c: ClaimCase) throws { try ClaimTesting.verify("CB23.Fig13", c) }

    @Test("MNIST statements are recorded as not checkable offline",
          arguments: ["CB23.AppB3-claim3", "CB23.Fig9", "CB23.Fig10", "CB23.Fig11"])
    func mnistStatements(_ id: String) throws {
        let claim = try ClaimRegistry.claim(id)
        #expect(claim.expected == .notCheckableOffline && claim.needsDataset == "MNIST")
    }
}
