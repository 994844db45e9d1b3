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
}
