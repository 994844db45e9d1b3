import Testing
import EOSClaims

/// Figures and prose claims of seed 001.
extension BOMISTests {
    @Test("Footnotes 1–2: equal init stays balanced; a quadratic at η = 2/λ (exactly) does not blow up",
          arguments: try ClaimTesting.cases("BOMIS.Fn-claim1"))
    func footnoteClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fn-claim1", c) }

    @Test("Sec. 3.1: static aligned singular vectors, constant residual values, rank-r W_{L:1}, below and beyond EOS",
          arguments: try ClaimTesting.cases("BOMIS.Sec3.1-claim1"))
    func sec31Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec3.1-claim1", c) }

    @Test("Sec. 3.2: after the saddle escape the sharpness hovers about 2/η, period-2 loss",
          arguments: try ClaimTesting.cases("BOMIS.Sec3.2-claim1"))
    func sec32Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec3.2-claim1", c) }

    @Test("Sec. 4.1 / Fig. 6: η = 75 and 145 — aligned vectors, zero residual values, σ_1 oscillates at 145",
          arguments: try ClaimTesting.cases("BOMIS.Sec4.1-claim1"))
    func sec41Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec4.1-claim1", c) }

    @Test("BOMIS.Fig6: the figure of the same check", arguments: try ClaimTesting.cases("BOMIS.Fig6"))
    func sec41Claim1Figure(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig6", c) }

    @Test("Sec. 4.1 / Fig. 7: σ_1 only in (145, 162), σ_1 and σ_2 beyond 165, ranges grow with η",
          arguments: try ClaimTesting.cases("BOMIS.Sec4.1-claim2"))
    func sec41Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec4.1-claim2", c) }

    @Test("BOMIS.Fig7: the figure of the same check", arguments: try ClaimTesting.cases("BOMIS.Fig7"))
    func sec41Claim2Figure(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig7", c) }

    @Test("Sec. 4.1 / Fig. 8: sharpness plateaus below 2/η at Lσ_1^{2−2/L}, not the printed 2σ_1^{2−2/L}",
          arguments: try ClaimTesting.cases("BOMIS.Sec4.1-claim3"))
    func sec41Claim3(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec4.1-claim3", c) }

    @Test("BOMIS.Fig8: the figure of the same check", arguments: try ClaimTesting.cases("BOMIS.Fig8"))
    func sec41Claim3Figure(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig8", c) }

    @Test("Fig. 3: two phases; the sharpness hovers just above 2/η",
          arguments: try ClaimTesting.cases("BOMIS.Fig3"))
    func fig3(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig3", c) }

    @Test("Fig. 5: a period-2 orbit of σ_1", arguments: try ClaimTesting.cases("BOMIS.Fig5"))
    func fig5(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig5", c) }

    @Test("App. D: trace at iterate t — printed exponent L − l − 1 wrong for L ≥ 3, L − l exact",
          arguments: try ClaimTesting.cases("BOMIS.AppD-claim1"))
    func appDClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.AppD-claim1", c) }

    @Test("Fig. 4: the balancing gap starts at α² and closes at EOS", arguments: try ClaimTesting.cases("BOMIS.Fig4"))
    func fig4(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig4", c) }

    @Test("Sec. 3.2: one η gives orbits for σ_1 and σ_2 (per index; the full DLN leaves them), σ_3's onset breaks σ_1",
          arguments: try ClaimTesting.cases("BOMIS.Sec3.2-claim3"))
    func sec32Claim3(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec3.2-claim3", c) }

    @Test("App. A: per-index sharpness is Lσ^{2−2/L}, not the printed σ^{2−2/L}",
          arguments: try ClaimTesting.cases("BOMIS.AppA-claim1"))
    func appAClaim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.AppA-claim1", c) }

    @Test("Figures and prose needing MNIST or CIFAR-10 are recorded as not checkable offline",
          arguments: ["BOMIS.Eq7", "BOMIS.Fig1", "BOMIS.Fig9", "BOMIS.Fig15", "BOMIS.Fig16", "BOMIS.Fig17", "BOMIS.Fig18",
                      "BOMIS.Sec4.2-claim1"])
    func datasetFigures(_ id: String) throws {
        let claim = try ClaimRegistry.claim(id)
        #expect(claim.expected == .notCheckableOffline && claim.needsDataset != nil)
    }
}

/// Figures and prose claims of seed 001 added after the first pass: Sec. 3.2 claim 2, App. B.1–B.2,
/// Figs 2 and 10–14.
extension BOMISTests {
    @Test("App. B.1: balanced orthogonal init αP_ℓ at η = 160 — singular values and vectors both oscillate",
          arguments: try ClaimTesting.cases("BOMIS.AppB1-claim1"))
    func appB1Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.AppB1-claim1", c) }

    @Test("Fig. 10: balanced orthogonal init, η = 160 — singular values and vectors oscillate", arguments: try ClaimTesting.cases("BOMIS.Fig10"))
    func appB1Claim1Figure(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig10", c) }

    @Test("App. B.1: init (10) aligns with the Conj. 2 vectors in a few steps; at η = 160, 172 the vectors leave again (discrepancy)",
          arguments: try ClaimTesting.cases("BOMIS.AppB1-claim2"))
    func appB1Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.AppB1-claim2", c) }

    @Test("Fig. 11: init (10) — distance to the Conj. 2 singular vectors over GD", arguments: try ClaimTesting.cases("BOMIS.Fig11"))
    func appB1Fig11(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig11", c) }

    @Test("Fig. 12: init (10), η = 160 — oscillations only in the singular values", arguments: try ClaimTesting.cases("BOMIS.Fig12"))
    func appB1Fig12(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig12", c) }

    @Test("Fig. 13: init (10), η = 172 — oscillations only in the singular values", arguments: try ClaimTesting.cases("BOMIS.Fig13"))
    func appB1Fig13(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig13", c) }

    @Test("Sec. 3.2 remark: reduced 2-orbit beyond 2/L″(s), the same orbit in the full loss, symmetric M* an artifact",
          arguments: try ClaimTesting.cases("BOMIS.Sec3.2-claim2"))
    func sec32Claim2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Sec3.2-claim2", c) }

    @Test("App. B.2: η = 92 from a random init — chaos, σ_3 oscillating, η out of Theorem 2's range",
          arguments: try ClaimTesting.cases("BOMIS.AppB2-claim1"))
    func appB2Claim1(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.AppB2-claim1", c) }

    @Test("Fig. 14: EoS progressively on σ_1, σ_2, σ_3 as η grows (random init, r = 3)",
          arguments: try ClaimTesting.cases("BOMIS.Fig14"))
    func fig14(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig14", c) }

    @Test("Fig. 2: static aligned singular vectors while the first two singular values oscillate",
          arguments: try ClaimTesting.cases("BOMIS.Fig2"))
    func fig2(_ c: ClaimCase) throws { try ClaimTesting.verify("BOMIS.Fig2", c) }
}
