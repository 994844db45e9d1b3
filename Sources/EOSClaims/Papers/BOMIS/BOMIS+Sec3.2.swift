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
                     DLNSimulation.stepsSpec(1e6),
                     ParameterSpec("d", .integer, .closed(3, 120), required: false,
                                   meaning: "width of the full deep matrix factorisation (1); absent: per-index reduced runs (6)"),
                     BOMISFullOrbit.framesSpec, DLNSimulation.seedSpec],
        method: """
        001 prints no σ* here: Sec. 4.1's fitted σ* = (0.018, 0.016, 0.012), L = 3, α = 0.01, loss with ½, init (3); \
        at η = 170, η·S_i = 2.41, 2.06, 1.40 (S_i = Lσ_i^{2−2/L}). (1) Full deep matrix factorisation (Eq. 1), full-matrix \
        GD, targets with U* ≠ V* (001's experiments) and U* = V* (Theorem 2's assumption), d = 4 (ci) and d = 50 (full \
        tier); judged on the last 64 iterates: σ_1, σ_2 of W_{L:1} read in the frames of M* are both period 2, σ_3 \
        converged, and the layers stay in the aligned (SVS) form (off-diagonal mass ≤ 1e-9). (2) Per-index GD on the \
        reduced loss (6) (the DLN restricted to the SVS set): σ_1 and σ_2 both period 2, σ_1's range exceeds σ_2's; at \
        η = 1.02 × 2/S_3, σ_3 oscillates while σ_1 is aperiodic or diverges ("may" is existential: negative control \
        σ* = (10, 9.5, 9), where at σ_3's onset σ_1 is still period 2). Found: (2) holds, but (1) does not. Whenever σ_2 \
        oscillates the cross Hessian eigenvalue λ_12 = (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}) ≥ S_2 gives η·λ_12 > 2 (2.23 \
        here), so the two-value orbit (an orbit of (1), the reduced one) is unstable in the singular-vector directions: \
        rounding in the off-diagonal directions grows and the full run does not stay on the orbit — here it diverges: \
        d = 4 at steps 685 (U* ≠ V*) and 678 (U* = V*), d = 50 at steps 2872 and 1798 (seed 1), for both kinds of \
        target (same mechanism as BOMIS.Fig2, where at η·λ_12 = 2.12 the run stays bounded but not period 2). A \
        diagonal target only looks kept because rounding never seeds its off-diagonal entries, so none is used (an \
        independent numpy check, d = 4: diagonal target exactly on the orbit with off-diagonal 0, but diagonal + 1e-12 \
        Gaussian, random U* ≠ V* and random U* = V* all diverge; an independent review found the off-diagonal \
        multiplier 1.02–1.22 for every ratio σ_2/σ_1 ∈ [0.85, 0.98] with both oscillating). Theorem 1 does not make the \
        per-index runs "exactly the full GD": it gives the invariance of the SVS set, not its stability. Printed vs \
        measured: printed "periodic orbits for both" (full DLN); measured: per-index reduced runs period 2 for both \
        (σ_1's range 2.71 × σ_2's), full DLN diverged.
        """,
        expected: .discrepancy,
        correctedVariant: "the per-index reduced losses (6) (the DLN restricted to the SVS set) have period-2 orbits for both σ_1 and σ_2 (with the larger range for σ_1); in the full DLN (1) that two-value orbit is transversally unstable (η·λ_12 > 2 for λ_12 = (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}) ≥ S_2), the layers leave the aligned form and GD does not stay on the two-value orbit (at σ* = (0.018, 0.016, 0.012), L = 3, η = 170 it diverges), for U* ≠ V* and U* = V* alike"
    ) { c in
        let σ = try c.vector("sigma"), L = try c.integer("depth"), alpha = try c.number("alpha"), steps = try c.integer("steps")
        guard σ.count >= 3 else { throw ClaimError.computation("needs three target singular values") }
        if try c.integer("d", default: 0) > 0 { return try sec32Claim3Full(c) }
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

    /// Case (1) of `sec32Claim3`: full-matrix GD on the deep matrix factorisation loss (1) at η = etaBoth,
    /// judged on the last 64 iterates: σ_1, σ_2 of W_{L:1} (read in the frames of M*) period 2, the rest
    /// converged, layers in the SVS form (singular vectors static and aligned).
    static func sec32Claim3Full(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("etaBoth"), steps = try c.integer("steps")
        let frames = try c.text("frames", default: "random"), seed = UInt64(try c.integer("seed", default: 1))
        guard σ.count <= d else { throw ClaimError.computation("needs r ≤ d") }
        let λ12 = BOMISFullOrbit.crossEigenvalues(σ, depth: L).first { $0.i == 0 && $0.j == 1 }?.value ?? .nan
        var q: [Quantity] = [
            .context("η·S_i at η = \(formatNumber(eta))", σ.map { formatNumber(eta * DLN.stabilityLimit($0, depth: L)) }.joined(separator: ", ")),
            .context("η·λ_12 (cross eigenvalue (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}) of the full Hessian)", eta * λ12),
        ]
        let t = BOMISFullOrbit.target(σ, d: d, frames: frames, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let orbit: DLNOrbitChecks.Orbit
        do {
            orbit = try DLNOrbitChecks.simulate(loss, t, init: "unbalanced", alpha: alpha, eta: eta, steps: steps, seed: seed)
        } catch ClaimError.diverged(let step, _) {
            q.append(.judge("full-matrix GD on (1)", measured: "diverged at step \(step)", predicted: "period-2 orbits of σ_1, σ_2", holds: false))
            return CaseOutcome(q, note: "d = \(d), frames \(frames): the full run diverged")
        }
        let (periods, pattern) = BOMISFullOrbit.topOscillate(orbit, sigma: σ, count: 2)
        q.append(.judge("full GD: σ_i(W_{L:1}) in the frames of M*, i = 1…r", measured: periods.map(BOMISFullOrbit.describe).joined(separator: ", "),
                        predicted: "period 2 for σ_1 and σ_2, the others converged at σ*_i", holds: pattern))
        q.append(.judge("full GD: max relative off-diagonal mass of the layers in the frames of M* (aligned singular vectors)",
                        orbit.offDiagonal, predicted: "≤ 1e-9 (rounding ~1e-15; an unstable direction grows to O(1))",
                        holds: orbit.offDiagonal <= 1e-9))
        let frameSet = DLN.svsFrames(t, depth: L)
        let x = orbit.tail.indices.map { Double(steps - orbit.tail.count + 1 + $0) }
        let values = orbit.tail.map { θ in loss.layerSingularValues(θ, frames: frameSet) }
        let series = (0..<2).map { i in
            DataSeries(name: "σ_\(i + 1)(W_{L:1}), full GD", x: x, y: values.map { s in s.reduce(1.0) { $0 * $1[i] } },
                       figure: "BOMIS Sec. 3.2: one η for σ_1 and σ_2 in the full DLN (frames \(frames))", xLabel: "iteration t",
                       yLabel: "u*_iᵀ W_{L:1} v*_i", style: .line)
        }
        return CaseOutcome(q, note: "d = \(d), L = \(L), frames \(frames), η = \(formatNumber(eta))", series: series)
    }
}
