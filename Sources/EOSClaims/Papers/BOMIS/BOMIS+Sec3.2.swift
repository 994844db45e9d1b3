import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    /// Sec. 3.2 (l.306–313 of the file): one η for several singular values.
    static let sec32Claim3 = Claim(
        id: "BOMIS.Sec3.2-claim3",
        title: "an η in the range of σ_1* and σ_2* gives orbits for both; an η that makes σ_3* oscillate may be too large for σ_1* (chaos, divergence); larger σ* oscillate more",
        source: ClaimSource(seed: Seed.bomis, statement: "Sec. 3.2, remark after Theorem 2", lines: 306...313),
        statement: """
        If we pick a learning rate η that falls within the specified range for both, say σ_1* and σ_2*, we will observe \
        periodic orbits for both singular values. However, if we select a learning rate to induce oscillations in σ_3*, it \
        may be too large for σ_1*, potentially leading to chaos and causing the overall loss to diverge […] larger singular \
        values have higher sharpness values and, hence, have higher oscillations.
        """,
        uses: ["BOMIS.Thm2", "BOMIS.Thm1"],
        parameters: [DLNSimulation.sigmaSpec(), DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
                     ParameterSpec("etaBoth", .real, .positive, meaning: "η inside the orbit range of σ_1* and σ_2*"),
                     ParameterSpec("factor3", .real, .open(1, 2), meaning: "η = factor3 × 2/S_3 (just enough for σ_3* to oscillate)"),
                     DLNSimulation.stepsSpec(1e6)],
        method: """
        Per-index GD runs (exactly the full GD from init (3) by Theorem 1; loss with ½, L = 3, α = 0.01) on \
        Sec. 4.1's fitted σ* = (0.018, 0.016, 0.012) (001 prints no σ* here). Judged: at η = 170 (η·S_1 = \
        2.41, η·S_2 = 2.06) σ_1 and σ_2 are both period 2 and σ_1's range exceeds σ_2's (S_1 > S_2); at \
        η = 1.02 × 2/S_3 σ_3 oscillates while σ_1 is aperiodic or diverges. 000 says the same in Sec. 3.2 \
        (DLN-EOS.Sec3.2-claim2/3). "May" is existential: negative control σ* = (10, 9.5, 9), where at \
        σ_3's onset σ_1 is still a period-2 orbit.
        """,
        expected: .confirmed
    ) { c in
        let σ = try c.vector("sigma"), L = try c.integer("depth"), alpha = try c.number("alpha"), steps = try c.integer("steps")
        guard σ.count >= 3 else { throw ClaimError.computation("needs three target singular values") }
        let eta3 = try c.number("factor3") * DLNFig.threshold(σ[2], depth: L), etaBoth = try c.number("etaBoth")
        let both = DLNFig.indexRuns(targets: Array(σ.prefix(2)), depth: L, eta: etaBoth, alpha: alpha, steps: steps)
        let third = DLNFig.indexRuns(targets: [σ[0], σ[2]], depth: L, eta: eta3, alpha: alpha, steps: steps)
        let firstBreaks = third[0].divergedAt != nil || third[0].period == nil
        return CaseOutcome([
            .context("η·S_i at η = \(formatNumber(etaBoth))", σ.map { formatNumber(etaBoth * DLN.stabilityLimit($0, depth: L)) }.joined(separator: ", ")),
            .judge("σ_1, σ_2 at η = \(formatNumber(etaBoth))", measured: both.map(DLNFig.describe).joined(separator: "; "),
                   predicted: "both period 2", holds: both.allSatisfy { $0.period == 2 }),
            .judge("range of σ_1 / range of σ_2 at η = \(formatNumber(etaBoth))", both[0].amplitude / both[1].amplitude,
                   predicted: "> 1 (larger singular value oscillates more)", holds: both[0].amplitude > both[1].amplitude),
            .judge("σ_3 at η = \(formatNumber(eta3))", measured: DLNFig.describe(third[1]), predicted: "oscillates",
                   holds: third[1].oscillates),
            .judge("σ_1 at η = \(formatNumber(eta3))", measured: DLNFig.describe(third[0]), predicted: "aperiodic (chaos) or diverged",
                   holds: firstBreaks),
        ])
    }
}
