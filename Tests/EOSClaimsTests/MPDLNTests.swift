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

    @Test("Eqs. 5–10: SVS mode coefficients are singular values; loss decouples",
          arguments: try ClaimTesting.cases("MPDLN.Eq5-10"))
    func equations5to10(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Eq5-10", c) }

    @Test("Eqs. 11–12: identity initialisation stays on the depth-balanced manifold",
          arguments: try ClaimTesting.cases("MPDLN.Eq11-12"))
    func equations11to12(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Eq11-12", c) }

    @Test("Def. B.1: SVS parametrisation gives W_k = U D_k Vᵀ",
          arguments: try ClaimTesting.cases("MPDLN.DefB.1"))
    func definitionB1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.DefB.1", c) }

    @Test("Def. B.3: the depthwise-balanced manifold",
          arguments: try ClaimTesting.cases("MPDLN.DefB.3"))
    func definitionB3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.DefB.3", c) }

    @Test("Abstract: reduction factor decreases with K and L; WCR ratio grows with depth",
          arguments: try ClaimTesting.cases("MPDLN.Abstract-claim1"))
    func abstractClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Abstract-claim1", c) }

    @Test("§5.2: GF conservation law vs multi-pathway symmetry breaking",
          arguments: try ClaimTesting.cases("MPDLN.Sec5.2-claim1"))
    func section5_2Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec5.2-claim1", c) }

    @Test("§C.5: global sharpness from the top mode; K^{2/L−1} reduction",
          arguments: try ClaimTesting.cases("MPDLN.SecC.5-claim"))
    func sectionC5Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.SecC.5-claim", c) }

    @Test("Table A: notation relations on the full loss",
          arguments: try ClaimTesting.cases("MPDLN.TabA"))
    func tableA(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.TabA", c) }

    @Test("Eq. D46: GD ends at the constrained minimiser with S = 2/η",
          arguments: try ClaimTesting.cases("MPDLN.EqD46"))
    func equationD46(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqD46", c) }

    @Test("Eqs. D47–48: mode loss and eigenvalue in per-layer scalars",
          arguments: try ClaimTesting.cases("MPDLN.EqD47-48"))
    func equationsD47to48(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqD47-48", c) }

    @Test("Lemma E.2: depth-wise balance preserved",
          arguments: try ClaimTesting.cases("MPDLN.LemE.2"))
    func lemmaE2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemE.2", c) }

    @Test("Eqs. E53–54: exact scalar recursion",
          arguments: try ClaimTesting.cases("MPDLN.EqE53-54"))
    func equationsE53to54(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqE53-54", c) }

    @Test("Eqs. E56–57: leaf variance vs balancing gap",
          arguments: try ClaimTesting.cases("MPDLN.EqE56-57"))
    func equationsE56to57(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqE56-57", c) }

    @Test("Prop. E.4: terminal sharpness quadratic across GF leaves",
          arguments: try ClaimTesting.cases("MPDLN.PropE.4"))
    func propositionE4(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.PropE.4", c) }

    @Test("Lemma E.5: one-dimensional reduction φ_τ",
          arguments: try ClaimTesting.cases("MPDLN.LemE.5"))
    func lemmaE5(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemE.5", c) }

    @Test("Lemma E.6: 0 < φ′ ≤ 1",
          arguments: try ClaimTesting.cases("MPDLN.LemE.6"))
    func lemmaE6(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemE.6", c) }

    @Test("Def. E.7: strong safety and its scope",
          arguments: try ClaimTesting.cases("MPDLN.DefE.7"))
    func definitionE7(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.DefE.7", c) }

    @Test("Hyp. E.10: self-stabilised EoS regime and sign alternation",
          arguments: try ClaimTesting.cases("MPDLN.HypE.10"))
    func hypothesisE10(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.HypE.10", c) }

    @Test("Thm. E.11: two-step contraction of the leaf variance",
          arguments: try ClaimTesting.cases("MPDLN.ThmE.11"))
    func theoremE11(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.ThmE.11", c) }

    @Test("Remark E.11: every two-step error term carries a factor r",
          arguments: try ClaimTesting.cases("MPDLN.RemarkE.11"))
    func remarkE11(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.RemarkE.11", c) }

    @Test("§E.7: transients enter the self-stabilised neighbourhood",
          arguments: try ClaimTesting.cases("MPDLN.SecE.7-claim"))
    func sectionE7Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.SecE.7-claim", c) }

    @Test("Eq. F70: one-path concentration gives the deep-chain map",
          arguments: try ClaimTesting.cases("MPDLN.EqF70"))
    func equationF70(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqF70", c) }

    @Test("Eqs. F71–72: normalisation of the chain map",
          arguments: try ClaimTesting.cases("MPDLN.EqF71-72"))
    func equationsF71to72(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqF71-72", c) }

    @Test("Eqs. F73–74: worst overshoot and normalised two-step return",
          arguments: try ClaimTesting.cases("MPDLN.EqF73-74"))
    func equationsF73to74(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqF73-74", c) }

    @Test("Eqs. F76–77: boundary identities at the maximiser",
          arguments: try ClaimTesting.cases("MPDLN.EqF76-77"))
    func equationsF76to77(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqF76-77", c) }

    @Test("Def. F.3: normalised WCR constant",
          arguments: try ClaimTesting.cases("MPDLN.DefF.3"))
    func definitionF3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.DefF.3", c) }

    @Test("Lemma F.4: boundary system and its root",
          arguments: try ClaimTesting.cases("MPDLN.LemF.4"))
    func lemmaF4(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.LemF.4", c) }

    @Test("Eq. F82: computed c_L (printed values lost)",
          arguments: try ClaimTesting.cases("MPDLN.EqF82"))
    func equationF82(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.EqF82", c) }

    @Test("§F.6: asymptotic growth of c_L",
          arguments: try ClaimTesting.cases("MPDLN.SecF.6-claim"))
    func sectionF6Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.SecF.6-claim", c) }

    @Test("Fig. 1: winner-takes-all at small η, re-balancing at large η",
          arguments: try ClaimTesting.cases("MPDLN.Fig1"))
    func figure1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig1", c) }

    @Test("Fig. 2: EoS selects flatter, balanced minima",
          arguments: try ClaimTesting.cases("MPDLN.Fig2"))
    func figure2(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig2", c) }

    @Test("Fig. 9: heterogeneous depths over a wider range",
          arguments: try ClaimTesting.cases("MPDLN.Fig9"))
    func figure9(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig9", c) }

    @Test("§5.1 nonlinear: Tanh MLPs — winner-takes-all at stable η, balanced at large η",
          arguments: try ClaimTesting.cases("MPDLN.Sec5.1-claim3"))
    func section5_1Claim3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec5.1-claim3", c) }

    @Test("Fig. 3: Tanh MLP projections, stable vs large η",
          arguments: try ClaimTesting.cases("MPDLN.Fig3"))
    func figure3(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig3", c) }

    @Test("Fig. 7: Tanh MLPs across learning rates vs the linear network",
          arguments: try ClaimTesting.cases("MPDLN.Fig7"))
    func figure7(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Fig7", c) }

    @Test("§6: warm-up avoids the sign flip of a constant step above η_WCR",
          arguments: try ClaimTesting.cases("MPDLN.Sec6-claim1"))
    func section6Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("MPDLN.Sec6-claim1", c) }
}
