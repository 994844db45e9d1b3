import Testing
import EOSClaims

/// Figures and prose claims of seed 000 and its poster (seed 004).
extension DLNEOSTests {
    @Test("Phenomenon 1: sharpness rises to 2/η and hovers there; loss non-monotone but decreasing",
          arguments: try ClaimTesting.cases("DLN-EOS.Phen1"))
    func phen1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Phen1", c) }

    @Test("Abstract: period doubling, rank set by η, balancing gap breaks and decays",
          arguments: try ClaimTesting.cases("DLN-EOS.Abstract-claim1"))
    func abstractClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Abstract-claim1", c) }

    @Test("Sec. 1: sharpness scales with depth; the EOS learning rate is depth-dependent",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec1-claim1"))
    func sec1Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec1-claim1", c) }

    @Test("Sec. 3.1.1: the inits lie in the SVS set (balanced t ≥ 0, unbalanced t ≥ 1)",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.1.1-claim1"))
    func sec311Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.1.1-claim1", c) }

    @Test("Sec. 3.1.2: balanced init keeps the layer singular values equal",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.1.2-claim1"))
    func sec312Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.1.2-claim1", c) }

    @Test("Sec. 3.1.2: GF conserves the gap, stable GD may stop unbalanced, beyond EOS the gap → 0",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.1.2-claim2"))
    func sec312Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.1.2-claim2", c) }

    @Test("Sec. 3.2: balanced minimum flattest; η > 2/λ1 oscillates; deeper is sharper",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.2-claim1"))
    func sec32Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.2-claim1", c) }

    @Test("Sec. 3.2: oscillations in top subspaces, larger for stronger features",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.2-claim2"))
    func sec32Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.2-claim2", c) }

    @Test("Sec. 3.2: period doubling to chaos and divergence in DLNs",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.2-claim3"))
    func sec32Claim3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.2-claim3", c) }

    @Test("Sec. 4.1: the i-th singular value oscillates in its K window; σ_2 oscillates transiently",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec4.1-claim1"))
    func sec41Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec4.1-claim1", c) }

    @Test("Sec. 4.1: gap decays monotonically while the top-3 oscillate; range grows from η = 2/S_i",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec4.1-claim2"))
    func sec41Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec4.1-claim2", c) }

    @Test("Sec. 4.2: DLN sharpness reaches Lσ⋆,1^{2−2/L}; no EOS below 2/η",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec4.2-claim1"))
    func sec42Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec4.2-claim1", c) }

    @Test("Sec. 4.2: PSD Hessian at convergence; sharpness oscillates about 2/η",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec4.2-claim2"))
    func sec42Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec4.2-claim2", c) }

    @Test("App. B.1: EOS at 0.0309, period 2 after 0.0154 without the ½",
          arguments: try ClaimTesting.cases("DLN-EOS.AppB1-claim1"))
    func appB1Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.AppB1-claim1", c) }

    @Test("App. B.1: the toy's stability limit is 0.2",
          arguments: try ClaimTesting.cases("DLN-EOS.AppB1-claim2"))
    func appB1Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.AppB1-claim2", c) }

    @Test("App. B.3: α = 0.5 breaks balancing, the oscillation amplitude is unchanged",
          arguments: try ClaimTesting.cases("DLN-EOS.AppB3-claim1"))
    func appB3Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.AppB3-claim1", c) }

    @Test("App. B.3: subspace distances → 0; shallower networks need larger η",
          arguments: try ClaimTesting.cases("DLN-EOS.AppB3-claim2"))
    func appB3Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.AppB3-claim2", c) }

    @Test("App. B.4: printed limits 0.01547 / 0.01657 and the oscillating indices near them",
          arguments: try ClaimTesting.cases("DLN-EOS.AppB4-claim1"))
    func appB4Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.AppB4-claim1", c) }

    @Test("Fig. 15 claim: stable η < 0.031 → gap plateaus; oscillations → gap to zero",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig15-claim"))
    func fig15Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig15-claim", c) }

    @Test("Fig. 21 claim: period-4 orbit at η = 0.04",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig21-claim"))
    func fig21Claim(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig21-claim", c) }

    @Test("Poster Prop. 3: singular vectors static",
          arguments: try ClaimTesting.cases("DLN-EOS.Poster-Prop3"))
    func posterProp3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Poster-Prop3", c) }

    @Test("Poster Prop. 2: balancing for η > 2/S_i under the α bound",
          arguments: try ClaimTesting.cases("DLN-EOS.Poster-Prop2"))
    func posterProp2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Poster-Prop2", c) }

    @Test("Poster: toy regimes of the balancing gap",
          arguments: try ClaimTesting.cases("DLN-EOS.Poster-claim1"))
    func posterClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Poster-claim1", c) }

    @Test("Poster Thm. 1: rank-p period-2 oscillations",
          arguments: try ClaimTesting.cases("DLN-EOS.Poster-Thm1"))
    func posterThm1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Poster-Thm1", c) }

    @Test("Poster: i-th singular value oscillates for η > 2/S_i; range grows with η",
          arguments: try ClaimTesting.cases("DLN-EOS.Poster-claim2"))
    func posterClaim2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Poster-claim2", c) }

    @Test("Fig. 1: period-doubling route to chaos in the singular values (σ⋆ = 10, 6, 3; L = 3)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig1"))
    func fig1(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig1", c) }

    @Test("Fig. 2: saddle jumps, then period-2 loss; sharpness hovers about 2/η",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig2"))
    func fig2(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig2", c) }

    @Test("Fig. 3: singular vectors static; top singular values oscillate only for large η",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig3"))
    func fig3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig3", c) }

    @Test("Fig. 4: the toy's three regimes (η = 0.18, 0.1997, 0.2010) and gradient flow",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig4"))
    func fig4(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig4", c) }

    @Test("Fig. 5: the toy's balancing gap decays geometrically beyond EOS",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig5"))
    func fig5(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig5", c) }

    @Test("Fig. 6: rank-p oscillations for S_{p+1} < K < S_p (σ⋆ = 10, 9.5, 9)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig6"))
    func fig6(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig6", c) }

    @Test("Fig. 7: balancing gap and oscillation range vs η (σ⋆ = 10, 9.5, 9)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig7"))
    func fig7(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig7", c) }

    @Test("Fig. 8: no EOS when Lσ⋆,1^{2−2/L} < 2/η",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig8"))
    func fig8(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig8", c) }

    @Test("Fig. 9: Holder table catapults to another minimum; the DLN orbits its global minimum",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig9"))
    func fig9(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig9", c) }

    @Test("Fig. 11: depth-4 toy, y oscillates alone, then both",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig11"))
    func fig11(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig11", c) }

    @Test("Fig. 15: η = 0.030, 0.032, 0.034 with σ⋆,1 = 10",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig15"))
    func fig15(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig15", c) }

    @Test("Fig. 16: σ⋆ = 10, 8, 6, η = 0.0166, α = 0.01 vs 0.5",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig16"))
    func fig16(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig16", c) }

    @Test("Fig. 18: EOS boundary over depth and η",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig18"))
    func fig18(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig18", c) }

    @Test("Fig. 21: singular values 10, 9.5, 9, period 4 at η = 0.04",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig21"))
    func fig21(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig21", c) }

    @Test("Figures needing MNIST, CIFAR-10 or natural images are recorded as not checkable offline",
          arguments: ["DLN-EOS.Fig10", "DLN-EOS.Fig19", "DLN-EOS.Fig20"])
    func datasetFigures(_ id: String) throws {
        let claim = try ClaimRegistry.claim(id)
        #expect(claim.expected == .notCheckableOffline && claim.needsDataset != nil)
    }
}

/// Figures and prose claims of seed 000 added after the first pass: Sec. 3.1.2 claims 3–4, Figs 12–14,
/// 17, 22 and the poster's lost figures.
extension DLNEOSTests {
    @Test("Sec. 3.1.2: GD beyond EOS walks from a sharper minimum to the flattest (balanced) one",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.1.2-claim3"))
    func sec312Claim3(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.1.2-claim3", c) }

    @Test("Sec. 3.1.2: Prop. 2's c < 1 below, c = 1 above the minimum; the gap decays; α from σ⋆,1",
          arguments: try ClaimTesting.cases("DLN-EOS.Sec3.1.2-claim4"))
    func sec312Claim4(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Sec3.1.2-claim4", c) }

    @Test("Fig. 22: P(α) peaks at α_crit and F = P(α_crit) bounds it (proof of Lemma 5)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig22"))
    func figure22(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig22", c) }

    @Test("Fig. 12: Holder table, η staircase: sharpness regulated by 2/η, catapults to flatter basins",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig12"))
    func figure12(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig12", c) }

    @Test("Fig. 14: the 0- and α-initialized singular values start α apart and balance (η beyond 2/S_1)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig14"))
    func fig14(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig14", c) }

    @Test("Fig. 13: from the orthogonal init (8) the subspace distance (12) goes to zero",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig13"))
    func fig13(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig13", c) }

    @Test("Fig. 17: subspace distance (12) for the Original, Orthogonal and Random inits (Random: O(α) plateau)",
          arguments: try ClaimTesting.cases("DLN-EOS.Fig17"))
    func fig17(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.Fig17", c) }

    @Test("Poster figures (lost): sharpening, period doubling and Hessian eigenvalues at rank(M⋆ ∈ ℝ^{10×10}) = 3",
          arguments: try ClaimTesting.cases("DLN-EOS.PosterFigs"))
    func posterFigs(_ c: ClaimCase) throws { try ClaimTesting.verify("DLN-EOS.PosterFigs", c) }
}
