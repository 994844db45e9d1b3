import Foundation
import EOSCore
import EOSModels

extension BOMISClaims {
    static let fig7Parameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec(), DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("etas", .vector(minCount: 2, distinct: true, descending: false), .positive,
                      meaning: "the learning rates of the sweep, ascending"),
        DLNSimulation.stepsSpec(1e6),
        ParameterSpec("d", .integer, .closed(3, 120), required: false,
                      meaning: "width of the full deep matrix factorisation (1); absent: per-index reduced runs (6)"),
        BOMISFullOrbit.framesSpec, DLNSimulation.seedSpec,
    ]

    /// 001's printed onset pattern (Sec. 4.1, l.340–354 of the file), per η of the sweep:
    /// η ∈ (145, 162) → exactly σ_1 oscillates; η > 165 → exactly σ_1, σ_2; other η not judged.
    /// The oscillation range (max − min of σ_i(W_{L:1}) over the last 512 steps of the per-index
    /// run) must not decrease with η above each index's onset. The per-index run equals the full GD
    /// on index i only while the full GD stays on the invariant SVS set: Theorem 1 gives the set's
    /// invariance, not its stability (it is left once η·λ_12 > 2, see `fig7FullSweep`).
    static func fig7Sweep(_ c: ClaimCase, figure: String) throws -> CaseOutcome {
        if try c.integer("d", default: 0) > 0 { return try fig7FullSweep(c, figure: figure) }
        let σ = try c.vector("sigma"), L = try c.integer("depth"), alpha = try c.number("alpha")
        let etas = try c.vector("etas"), steps = try c.integer("steps")
        guard zip(etas, etas.dropFirst()).allSatisfy({ $0 < $1 }) else { throw ClaimError.computation("etas must ascend") }
        let runs = DLNFig.parallelMap(etas.count) { k in
            DLNFig.indexRuns(targets: σ, depth: L, eta: etas[k], alpha: alpha, steps: steps)
        }
        var q: [Quantity] = [.context("2/S_i", σ.map { formatNumber(DLNFig.threshold($0, depth: L)) }.joined(separator: ", "))]
        var patternOK = true, judged = 0
        for (k, eta) in etas.enumerated() {
            let osc = runs[k].map { $0.divergedAt == nil && $0.oscillates }
            let top = osc.prefix { $0 }.count, exact = osc.filter { $0 }.count == top
            let predicted: Int? = (eta > 145 && eta < 162) ? 1 : (eta > 165 ? 2 : nil)
            let ok = runs[k].allSatisfy { $0.divergedAt == nil } && exact && predicted.map { $0 == top } ?? true
            if predicted != nil { judged += 1; patternOK = patternOK && ok }
            q.append(.context("η = \(formatNumber(eta))", runs[k].map(DLNFig.describe).joined(separator: "; ")
                              + (predicted.map { " — printed: exactly the top \($0)" } ?? "")))
        }
        q.append(.judge("sweep points matching the printed pattern (η ∈ (145, 162): σ_1 only; η > 165: σ_1, σ_2 only)",
                        measured: patternOK ? "all \(judged)" : "not all", measuredValue: Double(judged),
                        predicted: "all", holds: patternOK && judged > 0))
        var monotone = true
        var series: [DataSeries] = []
        for i in σ.indices {
            let amps = runs.map { $0[i].divergedAt == nil ? $0[i].amplitude : .nan }
            if let f = runs.firstIndex(where: { $0[i].oscillates }) {
                for k in (f + 1)..<max(f + 1, etas.count) where !(amps[k] >= amps[k - 1]) { monotone = false }
            }
            series.append(DataSeries(name: "σ_\(i + 1)", x: etas, y: amps, figure: figure, xLabel: "learning rate η",
                                     yLabel: "oscillation range of σ_i(W_{L:1})", style: .points))
        }
        q.append(.judge("ranges non-decreasing in η above each onset", measured: monotone ? "yes" : "no",
                        predicted: "yes (progressively increase with η)", holds: monotone))
        return CaseOutcome(q, series: series)
    }

    /// One full-matrix run of `fig7FullSweep`, reduced to what is judged (Sendable for the parallel sweep).
    struct FullRun: Sendable {
        var divergedAt: Int?, periods: [Int?] = [], holds = false, offDiagonal = Double.nan, ranges: [Double] = []
    }

    /// The sweep on the full deep matrix factorisation (1), full-matrix GD (init (3), unbalanced), width d,
    /// target diag(σ*) in the chosen frames. Per η inside the printed intervals (η ∈ (145, 162): top 1;
    /// η > 165: top 2), judged on the last 64 iterates: exactly the printed top σ_i(W_{L:1}) (read in the
    /// frames of M*) period 2, the others converged at σ*_i (`BOMISFullOrbit.topOscillate`), and the layers
    /// in the aligned SVS form (relative off-diagonal mass ≤ 1e-9: rounding ~1e-15, a linearly unstable
    /// singular-vector direction grows to O(1)). A diverged run fails.
    static func fig7FullSweep(_ c: ClaimCase, figure: String) throws -> CaseOutcome {
        let σ = try c.vector("sigma"), L = try c.integer("depth"), alpha = try c.number("alpha")
        let etas = try c.vector("etas"), steps = try c.integer("steps"), d = try c.integer("d")
        let frames = try c.text("frames", default: "random"), seed = UInt64(try c.integer("seed", default: 1))
        guard σ.count >= 2, σ.count <= d else { throw ClaimError.computation("needs 2 ≤ r ≤ d") }
        let λ12 = BOMISFullOrbit.crossEigenvalues(σ, depth: L).first { $0.i == 0 && $0.j == 1 }?.value ?? .nan
        let predicted: [Int?] = etas.map { ($0 > 145 && $0 < 162) ? 1 : ($0 > 165 ? 2 : nil) }
        let t = BOMISFullOrbit.target(σ, d: d, frames: frames, seed: seed)
        let runs = DLNFig.parallelMap(etas.count) { k -> FullRun in
            let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
            do {
                let orbit = try DLNOrbitChecks.simulate(loss, t, init: "unbalanced", alpha: alpha, eta: etas[k],
                                                        steps: steps, seed: seed)
                let (periods, holds) = BOMISFullOrbit.topOscillate(orbit, sigma: σ, count: predicted[k] ?? 0)
                let fs = DLN.svsFrames(t, depth: L)
                let e2e = orbit.tail.map { θ in loss.layerSingularValues(θ, frames: fs).reduce([Double](repeating: 1, count: σ.count)) { acc, s in
                    zip(acc, s.prefix(σ.count)).map { $0 * $1 } } }
                let ranges = σ.indices.map { i in (e2e.map { $0[i] }.max() ?? .nan) - (e2e.map { $0[i] }.min() ?? .nan) }
                return FullRun(periods: periods, holds: holds, offDiagonal: orbit.offDiagonal, ranges: ranges)
            } catch ClaimError.diverged(let step, _) {
                return FullRun(divergedAt: step)
            } catch { return FullRun(divergedAt: -1) }
        }
        var q: [Quantity] = [
            .context("2/S_i (S_i = Lσ_i^{2−2/L})", σ.map { formatNumber(DLNFig.threshold($0, depth: L)) }.joined(separator: ", ")),
            .context("2/λ_12 (cross eigenvalue (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}) of the full Hessian)", 2 / λ12),
        ]
        var ok = true, judged = 0
        for (k, eta) in etas.enumerated() {
            let r = runs[k]
            let text: String
            if let s = r.divergedAt { text = s >= 0 ? "diverged at step \(s)" : "failed" } else {
                text = r.periods.map(BOMISFullOrbit.describe).joined(separator: ", ")
                    + "; ranges " + r.ranges.map { formatNumber($0) }.joined(separator: ", ")
                    + "; off-diagonal mass " + formatNumber(r.offDiagonal)
            }
            let good = r.divergedAt == nil && r.holds && r.offDiagonal <= 1e-9
            if predicted[k] != nil { judged += 1; ok = ok && good }
            q.append(.context("η = \(formatNumber(eta)) (η·λ_12 = \(formatNumber(eta * λ12)))",
                              text + (predicted[k].map { " — printed: exactly the top \($0), vectors aligned" } ?? "")))
        }
        q.append(.judge("full GD: η points matching the printed pattern with aligned singular vectors (off-diagonal ≤ 1e-9)",
                        measured: ok ? "all \(judged)" : "not all", measuredValue: Double(judged),
                        predicted: "all (exactly the printed top values period 2, the rest constant at σ*_i)", holds: ok && judged > 0))
        let series = σ.indices.map { i in
            DataSeries(name: "σ_\(i + 1), full GD (d = \(d))", x: etas, y: runs.map { $0.divergedAt == nil ? $0.ranges[i] : .nan },
                       figure: figure, xLabel: "learning rate η", yLabel: "oscillation range of σ_i(W_{L:1}) (last 64 steps)", style: .points)
        }
        return CaseOutcome(q, note: "full DLN (1), d = \(d), L = \(L), frames \(frames), seed \(seed)", series: series)
    }

    /// The measured form of Sec. 4.1's Figure 7 statement (shared by BOMIS.Sec4.1-claim2 and BOMIS.Fig7).
    static let sec41Claim2Corrected = "holds for the per-index reduced losses (6) (the DLN restricted to the singular-vector-stationary set) and, in the full DLN (1), only for η < 2/λ_12 (λ_12 = (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}), 2/λ_12 = 152.55 at the fitted σ* = (0.018, 0.016, 0.012), L = 3): there σ_1 alone is period 2 with aligned singular vectors; for η ∈ (2/λ_12, 162) the full GD leaves the aligned form (σ_1, σ_2 aperiodic, off-diagonal mass 0.35–0.84 at η = 155, 160), and at η = 166, 170 (> 165) it diverges (U* ≠ V*, d = 6, 50, 100)"

    /// Sec. 4.1, "Edge of Stability" (l.340–354 of the file).
    static let sec41Claim2 = Claim(
        id: "BOMIS.Sec4.1-claim2",
        title: "r = 3: for η ∈ (145, 162) only σ_1 oscillates; for η > 165 σ_1 and σ_2 oscillate, growing with η, the rest constant",
        source: ClaimSource(seed: Seed.bomis, statement: "Sec. 4.1, Edge of Stability (Figure 7)", lines: 340...354),
        statement: """
        we vary the learning rate η and compute the amplitude of the oscillations under the same experimental setup as \
        above, but with a target matrix rank of r = 3. In Figure 7, we show that as η increases, the oscillation in the \
        singular value starts increasing progressively. When η ∈ (145, 162), the range of oscillation increases only in \
        the first singular value, while the other singular values do not show any oscillation. For η > 165, oscillations \
        occur in the first two singular values and progressively increase with η, while the rest of the singular values \
        remain constant.
        """,
        uses: ["BOMIS.Thm1", "BOMIS.Sec4.1-claim1"],
        parameters: fig7Parameters,
        method: """
        L = 3, α = 0.01, loss with ½, init (3), fitted σ* = (0.018, 0.016, 0.012) (2/S_1 = 141.3, 2/S_2 = 165.3, \
        S_i = Lσ_i^{2−2/L}; σ* and L are not printed, so the onsets 145/165 are matched by construction and only the \
        pattern is tested). (1) As printed, the full deep matrix factorisation (1), full-matrix GD, M* with U* ≠ V* \
        (d = 6 ci; d = 50 and 100 full tier), at the claim's own η: 146, 150 ∈ (145, 2/λ_12); 155, 160 ∈ (2/λ_12, 162); \
        166, 170 > 165, with λ_12 = (σ_1²−σ_2²)/(σ_1^{2/L}−σ_2^{2/L}) (cross Hessian eigenvalue, 2/λ_12 = 152.55). Judged \
        on the last 64 of 6000 steps: exactly the printed top σ_i(W_{L:1}) (in the frames of M*) period 2, the others \
        converged at σ*_i, off-diagonal mass of the layers ≤ 1e-9 (aligned singular vectors). (2) Per-index GD on the \
        reduced losses (6) (the DLN restricted to the SVS set, d only adds constant residual indices): at every swept η \
        inside the printed intervals exactly the printed top indices oscillate, ranges non-decreasing in η. The \
        per-index runs equal the full GD only on the invariant SVS set; Theorem 1 gives its invariance, not its \
        stability. Printed vs measured (full DLN, d = 6 / 50 / 100): η = 146, 150 (η·λ_12 = 1.91, 1.97): σ_1 period 2 \
        (range 0.0050, 0.0067), σ_2, σ_3 constant, off-diagonal ≤ 4e-14 — holds; η = 155, 160 (η·λ_12 = 2.03, 2.10): \
        printed "only the first singular value"; measured σ_1 and σ_2 both aperiodic, off-diagonal mass 0.35–0.84 \
        (the layers leave the aligned form); η = 166, 170: printed "the first two oscillate, the rest constant"; \
        measured divergence at steps 663, 1257 (d = 6), 850, 2872 (d = 50), 1069, 1796 (d = 100), seed 1. The \
        reduced runs (2) follow the printed pattern. An independent numpy check (d = 6, other frames/init) agrees: \
        146, 150 aligned (off-diagonal 5e-16), 155, 160 off-diagonal 0.48, 0.56, 166, 170 diverge. 000's Fig. 7 \
        states the same with σ* = 10, 9.5, 9 (DLN-EOS.Fig7). Negative control: reduced runs with σ_2 = 0.0175 \
        (2/S_2 = 144.9), where σ_2 already oscillates in (145, 162).
        """,
        expected: .discrepancy,
        correctedVariant: sec41Claim2Corrected
    ) { c in try fig7Sweep(c, figure: "BOMIS Sec. 4.1: oscillation range vs η (r = 3)") }

    /// Figure 7 (l.360 of the file).
    static let fig7 = Claim(
        id: "BOMIS.Fig7",
        title: "range of oscillations of the singular values of the end-to-end DLN vs η (r = 3)",
        source: ClaimSource(seed: Seed.bomis, statement: "Figure 7", lines: 360...360),
        statement: "Figure 7: Range of oscillations of the singular values of end-to-end DLN.",
        uses: ["BOMIS.Sec4.1-claim2"],
        parameters: fig7Parameters,
        method: """
        The BOMIS.Sec4.1-claim2 sweeps (same fitted σ*, L = 3, α = 0.01): (1) as printed, the full DLN (1), U* ≠ V*, \
        d = 6 (ci), 50 and 100 (full tier), at η = 146, 150 | 155, 160 | 166, 170; (2) the per-index reduced losses (6). \
        Printed vs measured: the figure's pattern (σ_1 only in (145, 162), σ_1 and σ_2 beyond 165, the rest constant) \
        holds in (2) at every swept η and in (1) only for η < 2/λ_12 = 152.55; at η = 155, 160 the full GD leaves the \
        aligned form (off-diagonal mass 0.35–0.84), at η = 166, 170 it diverges (steps 663–2872). The per-index runs \
        equal the full GD only on the invariant SVS set. Negative control: reduced runs with σ_2 = 0.0175.
        """,
        expected: .discrepancy,
        correctedVariant: sec41Claim2Corrected
    ) { c in try fig7Sweep(c, figure: "BOMIS Fig. 7: oscillation range vs η") }
}
