import Testing
import EOSClaims

/// The earlier version of the deep-linear-network paper (seed 001), checked as it prints its
/// statements. Figures and prose claims are in `BOMISTests+Figures.swift`.
@Suite("BOMIS: the earlier version of the DLN paper (seed 001)")
struct BOMISTests {
    @Test("Definition 1: sharpness = λ_max only near minima", arguments: try ClaimTesting.cases("BOMIS.Def1"))
    func definition1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Def1", c) }

    @Test("Definition 2: edge of stability on the DLN", arguments: try ClaimTesting.cases("BOMIS.Def2"))
    func definition2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Def2", c) }

    @Test("Definition 3: benign oscillation (bounded by 2/η, not always ≈ 2/η)", arguments: try ClaimTesting.cases("BOMIS.Def3"))
    func definition3(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Def3", c) }

    @Test("Eq. (1): the loss", arguments: try ClaimTesting.cases("BOMIS.Eq1"))
    func equation1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq1", c) }

    @Test("Eq. (2): GD", arguments: try ClaimTesting.cases("BOMIS.Eq2"))
    func equation2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq2", c) }

    @Test("Eq. (3): init with α ∈ [0, 1] (α = 0 degenerate)", arguments: try ClaimTesting.cases("BOMIS.Eq3"))
    func equation3(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq3", c) }

    @Test("Eq. (8): subspace distance across iterations", arguments: try ClaimTesting.cases("BOMIS.Eq8"))
    func equation8(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq8", c) }

    @Test("Theorem 1: singular vector invariance", arguments: try ClaimTesting.cases("BOMIS.Thm1"))
    func theorem1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Thm1", c) }

    @Test("Eq. (5): loss on singular values", arguments: try ClaimTesting.cases("BOMIS.Eq5"))
    func equation5(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq5", c) }

    @Test("Eq. (6): per-index scalar loss", arguments: try ClaimTesting.cases("BOMIS.Eq6"))
    func equation6(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Eq6", c) }

    @Test("Lemma 2: sharpness at convergence is Lσ^{2−2/L}, not 2σ^{2−2/L}", arguments: try ClaimTesting.cases("BOMIS.Lem2"))
    func lemma2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Lem2", c) }

    @Test("Lemma 1: Hessian equivalence (spectrum much larger than printed)", arguments: try ClaimTesting.cases("BOMIS.Lem1"))
    func lemma1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Lem1", c) }

    @Test("Conjecture 1: balancing at η = 1/σ^{2−2/L}", arguments: try ClaimTesting.cases("BOMIS.Conj1"))
    func conjecture1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Conj1", c) }

    @Test("Theorem 2: two-step orbit for small ε, also at L = 2", arguments: try ClaimTesting.cases("BOMIS.Thm2"))
    func theorem2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Thm2", c) }

    @Test("Conjecture 2: orthogonal init keeps the SVS form", arguments: try ClaimTesting.cases("BOMIS.Conj2"))
    func conjecture2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Conj2", c) }

    @Test("Lemma D.1: trace of the Hessian", arguments: try ClaimTesting.cases("BOMIS.LemD.1"))
    func lemmaD1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.LemD.1", c) }
}
