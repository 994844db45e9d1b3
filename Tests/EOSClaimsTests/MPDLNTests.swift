import Testing
import EOSClaims

/// "Gradient Descent with Large Step Size Restores Symmetry in Deep Linear Networks with
/// Multi-Pathway" (seed 003). One parameterized test per statement; the cases are the claim's
/// fixture (`Fixtures/MPDLN/<ID>.json`).
@Suite("MPDLN: multi-pathway deep linear networks (seed 003)")
struct MPDLNTests {
    @Test("Prop 4.1: mode-wise dominant eigenvalue at a depth-balanced global minimum",
          arguments: try ClaimTesting.cases("MPDLN.Prop4.1"))
    func proposition4_1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Prop4.1", c) }
    @Test("Thm 4.2: equal split minimises the mode sharpness; Eqs. (14)–(16)",
          arguments: try ClaimTesting.cases("MPDLN.Thm4.2"))
    func theorem4_2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Thm4.2", c) }

    @Test("Lemma C.1: the mode-i eigenvector is the mode-i Jacobian",
          arguments: try ClaimTesting.cases("MPDLN.LemC.1"))
    func lemmaC1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemC.1", c) }

    @Test("Thm C.2: pathway-wise equal split minimises mode-i sharpness",
          arguments: try ClaimTesting.cases("MPDLN.ThmC.2"))
    func theoremC2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.ThmC.2", c) }

    @Test("Thm D.2: the equal split is the unique flattest global minimum",
          arguments: try ClaimTesting.cases("MPDLN.ThmD.2"))
    func theoremD2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.ThmD.2", c) }

    @Test("Prop 5.1: heterogeneous-depth sharpness and Lagrange conditions",
          arguments: try ClaimTesting.cases("MPDLN.Prop5.1"))
    func proposition5_1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Prop5.1", c) }

    @Test("Thm 6.2: the WCR constant c_L by two routes, c_L > 2, independent of the target",
          arguments: try ClaimTesting.cases("MPDLN.Thm6.2"))
    func theorem6_2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Thm6.2", c) }

    @Test("Prop 6.3: c_L grows with depth",
          arguments: try ClaimTesting.cases("MPDLN.Prop6.3"))
    func proposition6_3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Prop6.3", c) }

    @Test("Def 6.1: return-safe step sizes; the binding case is the maximiser of f",
          arguments: try ClaimTesting.cases("MPDLN.Def6.1"))
    func definition6_1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Def6.1", c) }

    @Test("Lemma F.1: overshoot for hL > 1 and monotonicity on [1, ∞)",
          arguments: try ClaimTesting.cases("MPDLN.LemF.1"))
    func lemmaF1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemF.1", c) }

    @Test("Lemma F.2: two-step return ⟺ f_h(M(h)) > 0",
          arguments: try ClaimTesting.cases("MPDLN.LemF.2"))
    func lemmaF2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemF.2", c) }

    @Test("Prop B.4: GD in the SVS set preserves depth balance; Eq. (33)",
          arguments: try ClaimTesting.cases("MPDLN.PropB.4"))
    func propositionB4(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.PropB.4", c) }

    @Test("Lemma E.1: GD from an SVS initialisation stays in the SVS set",
          arguments: try ClaimTesting.cases("MPDLN.LemE.1"))
    func lemmaE1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemE.1", c) }

    @Test("§5.1: small η gives winner-takes-all",
          arguments: try ClaimTesting.cases("MPDLN.Sec5.1-claim1"))
    func section5_1Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec5.1-claim1", c) }

    @Test("§5.1: large η gives symmetry breaking, then re-balancing to the window",
          arguments: try ClaimTesting.cases("MPDLN.Sec5.1-claim2"))
    func section5_1Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec5.1-claim2", c) }

    @Test("§4: the reduction ratio decreases in K and L; applies to every mode",
          arguments: try ClaimTesting.cases("MPDLN.Sec4-claim1"))
    func section4Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec4-claim1", c) }

    @Test("Eq. 24: the admissible window re-balances the top r modes",
          arguments: try ClaimTesting.cases("MPDLN.Eq24"))
    func equation24(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Eq24", c) }

    @Test("§5.3: shallow vs deep single paths; kinetic then stability bias",
          arguments: try ClaimTesting.cases("MPDLN.Sec5.3-claim1"))
    func section5_3Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec5.3-claim1", c) }

    @Test("Fig. 4: heterogeneous depths converge to the Prop. 5.1 equilibrium",
          arguments: try ClaimTesting.cases("MPDLN.Fig4"))
    func figure4(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig4", c) }

    @Test("Prop D.1: linear stability at a global minimum iff η max λ_i ≤ 2",
          arguments: try ClaimTesting.cases("MPDLN.PropD.1"))
    func propositionD1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.PropD.1", c) }

    @Test("Eq. D51: in the window the single path is unstable, the equal split stable",
          arguments: try ClaimTesting.cases("MPDLN.EqD51"))
    func equationD51(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqD51", c) }

    @Test("Prop E.3: gradient flow conserves the centred leaf coordinate",
          arguments: try ClaimTesting.cases("MPDLN.PropE.3"))
    func propositionE3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.PropE.3", c) }

    @Test("Thm E.8: strong safety gives step-wise contraction of V",
          arguments: try ClaimTesting.cases("MPDLN.ThmE.8"))
    func theoremE8(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.ThmE.8", c) }

    @Test("Lemma E.9: residual normal form to third order",
          arguments: try ClaimTesting.cases("MPDLN.LemE.9"))
    func lemmaE9(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemE.9", c) }

    @Test("§E.6: the three learning-rate regimes",
          arguments: try ClaimTesting.cases("MPDLN.SecE.6-claim"))
    func sectionE6Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.SecE.6-claim", c) }

    @Test("Eq. 19: full GD reduces to the deep-chain map when one pathway dominates",
          arguments: try ClaimTesting.cases("MPDLN.Eq19"))
    func equation19(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Eq19", c) }

    @Test("Fig. 5: deep-chain knife-edge at η_WCR",
          arguments: try ClaimTesting.cases("MPDLN.Fig5"))
    func figure5(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig5", c) }

    @Test("Eqs. 1–4: the model, its loss and the gradient formula (34)",
          arguments: try ClaimTesting.cases("MPDLN.Eq1-4"))
    func equations1to4(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Eq1-4", c) }

    @Test("Lemma B.2: mode-wise decoupling of the loss on the SVS set",
          arguments: try ClaimTesting.cases("MPDLN.LemB.2"))
    func lemmaB2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemB.2", c) }

    @Test("Eqs. C35–39: H = JᵀJ at a global minimum; mode Jacobian",
          arguments: try ClaimTesting.cases("MPDLN.EqC35-39"))
    func equationsC35to39(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqC35-39", c) }
}
