import Testing
import EOSClaims

/// "Understanding Deep Linear Networks beyond the Edge of Stability" (seed 000; poster seed 004).
/// One parameterized test per statement; the cases are the claim's fixture
/// (`Fixtures/DLN-EOS/<ID>.json`). Figures and prose claims are in `DLNEOSTests+Figures.swift`.
@Suite("DLN-EOS: deep linear networks beyond the edge of stability (seeds 000, 004)")
struct DLNEOSTests {
    @Test("Descent lemma for β-smooth losses", arguments: try ClaimTesting.cases("DLN-EOS.Eq-Descent"))
    func equationDescent(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq-Descent", c) }

    @Test("Eq. (1): ½‖W_{L:1} − M⋆‖² and its gradient", arguments: try ClaimTesting.cases("DLN-EOS.Eq1"))
    func equation1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq1", c) }

    @Test("Eq. (2): one GD step with the printed gradient", arguments: try ClaimTesting.cases("DLN-EOS.Eq2"))
    func equation2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq2", c) }

    @Test("Eq. (3): balanced init is zero-balanced, a GF invariant", arguments: try ClaimTesting.cases("DLN-EOS.Eq3"))
    func equation3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq3", c) }

    @Test("Eq. (4): the zero layer is the α′ → 0 limit", arguments: try ClaimTesting.cases("DLN-EOS.Eq4"))
    func equation4(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq4", c) }

    @Test("Eq. (5): loss on the SVS set", arguments: try ClaimTesting.cases("DLN-EOS.Eq5"))
    func equation5(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq5", c) }

    @Test("Definition: GF solution and GFS sharpness", arguments: try ClaimTesting.cases("DLN-EOS.Def-GFS"))
    func definitionGFS(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Def-GFS", c) }

    @Test("Proposition 1: the SVS set is stationary", arguments: try ClaimTesting.cases("DLN-EOS.Prop1"))
    func proposition1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Prop1", c) }

    @Test("Proposition 2: balancing gap contracts in the window", arguments: try ClaimTesting.cases("DLN-EOS.Prop2"))
    func proposition2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Prop2", c) }

    @Test("Lemma 1: Hessian spectrum at the balanced minimum (α^{2(L−1)} missing)", arguments: try ClaimTesting.cases("DLN-EOS.Lem1"))
    func lemma1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem1", c) }

    @Test("Theorem 1: rank-p two-period orbits (g with η, narrower window)", arguments: try ClaimTesting.cases("DLN-EOS.Thm1"))
    func theorem1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Thm1", c) }

    @Test("Proposition 3: unbalanced init in the SVS set, printed recursions", arguments: try ClaimTesting.cases("DLN-EOS.Prop3"))
    func proposition3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Prop3", c) }

    @Test("Proposition 4: balanced init in the SVS set (symmetric target)", arguments: try ClaimTesting.cases("DLN-EOS.Prop4"))
    func proposition4(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Prop4", c) }

    @Test("Lemma 2: GF conserves balancedness", arguments: try ClaimTesting.cases("DLN-EOS.Lem2"))
    func lemma2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem2", c) }

    @Test("Lemma 3: sharpness at minima Σσ⋆²/σ_i²", arguments: try ClaimTesting.cases("DLN-EOS.Lem3"))
    func lemma3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem3", c) }

    @Test("Lemma 4: the balanced minimum is the flattest", arguments: try ClaimTesting.cases("DLN-EOS.Lem4"))
    func lemma4(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem4", c) }

    @Test("Lemma 5: GFS sharpness below 2√2/η under the α bound", arguments: try ClaimTesting.cases("DLN-EOS.Lem5"))
    func lemma5(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem5", c) }

    @Test("Lemma 6: one-step factor bound (only along GD iterates)", arguments: try ClaimTesting.cases("DLN-EOS.Lem6"))
    func lemma6(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem6", c) }

    @Test("Eqs. (44)–(48): balancing-gap recursion", arguments: try ClaimTesting.cases("DLN-EOS.Eq44-48"))
    func equations44to48(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq44-48", c) }

    @Test("Lemma 7: orbit along Δ_{S_p} (narrower window)", arguments: try ClaimTesting.cases("DLN-EOS.Lem7"))
    func lemma7(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem7", c) }

    @Test("Lemma 8: block similarity", arguments: try ClaimTesting.cases("DLN-EOS.Lem8"))
    func lemma8(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem8", c) }

    @Test("Lemma 9: Kronecker products of orthogonal matrices", arguments: try ClaimTesting.cases("DLN-EOS.Lem9"))
    func lemma9(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem9", c) }

    @Test("Lemma 10: geometric decay", arguments: try ClaimTesting.cases("DLN-EOS.Lem10"))
    func lemma10(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem10", c) }

    @Test("Lemma 11: two-step fixed point on the balanced DLN map", arguments: try ClaimTesting.cases("DLN-EOS.Lem11"))
    func lemma11(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Lem11", c) }

    @Test("Eq. (7): depth-4 toy oscillates along y, then both", arguments: try ClaimTesting.cases("DLN-EOS.Eq7"))
    func equation7(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq7", c) }

    @Test("Holder table function (inner |·| lost)", arguments: try ClaimTesting.cases("DLN-EOS.Eq-Holder"))
    func equationHolder(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq-Holder", c) }

    @Test("Eqs. (8)–(11): orthogonal init keeps the SVS form", arguments: try ClaimTesting.cases("DLN-EOS.Eq8-11"))
    func equations8to11(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq8-11", c) }

    @Test("Eq. (12): subspace distance", arguments: try ClaimTesting.cases("DLN-EOS.Eq12"))
    func equation12(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Eq12", c) }
}
