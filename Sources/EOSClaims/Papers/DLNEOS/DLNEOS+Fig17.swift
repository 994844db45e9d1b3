import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    static let fig17Parameters: [ParameterSpec] = [
        DLNSimulation.sigmaSpec("σ⋆ (the balancing case, l.1073–1075: 10, 8, 6)"),
        DLNSimulation.widthSpec, DLNSimulation.depthSpec, DLNSimulation.alphaSpec,
        ParameterSpec("eta", .real, .positive, meaning: "η (the balancing case: 0.0166)"),
        DLNSimulation.scaleSpec, DLNSimulation.stepsSpec(1e5),
        ParameterSpec("init", .choice(["unbalanced", "orthogonal", "random"]), meaning:
                      "Original (4) = unbalanced: W_L = 0, W_ℓ = αI; Orthogonal: αP_ℓ; Random: αH_ℓ (Gaussian)"),
        DLNSimulation.seedSpec,
        ParameterSpec("every", .integer, .closed(1, 1e4), required: false, meaning: "sampling interval (default 20: the figure's \"Iteration (x20)\")"),
        ParameterSpec("mode", .choice(["printed", "plateau"]), meaning:
                      "printed: the distance goes to zero; plateau: the corrected variant (a nonzero plateau that shrinks with α)"),
        ParameterSpec("alphas", .vector(minCount: 2, distinct: true, descending: true), .open(0, 1), required: false,
                      meaning: "plateau mode: the α values compared (descending)"),
        ParameterSpec("seeds", .vector(minCount: 1, distinct: true, descending: false), .closed(0, 1e9), required: false,
                      meaning: "plateau mode: the seeds of M⋆'s frames and of H_ℓ / P_ℓ (a median is taken over them)"),
    ]

    /// Figure 17 (l.1264–1267) and its paragraph (l.1087–1114).
    static let fig17 = Claim(
        id: "DLN-EOS.Fig17",
        title: "3-layer DLN, Original / Orthogonal / Random init, α = 0.01: the subspace distance (12) of (V2, U1), (V3, U2) goes to zero for all inits",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Figure 17 and App. B.3, Singular Vector Stationarity", lines: 1087...1267),
        statement: """
        W_L(0) = 0, W_ℓ(0) = αI_d (Original); W_L(0) = 0, W_ℓ(0) = αP_ℓ (Orthogonal); W_L(0) = 0, W_ℓ(0) = αH_ℓ \
        (Random), where P_ℓ is an orthogonal matrix and H_ℓ is a random matrix with Gaussian entries. For all of these \
        initialization schemes, we consider the same setup as in the balancing case, with an initialization scale of \
        α = 0.01. […] Subspace Distance = ‖U_{ℓ−1,r}ᵀV_{ℓ,r} − I_r‖_F (12) […] the initialization converges to the SVS \
        set if the subspace distance goes to zero. In Figure 17, we plot the dynamics for all of the initializations. \
        Generally, we observe that the subspace distance for all cases go to zero, validating the use of the SVS set \
        for analysis purposes. Figure 17: EOS dynamics of a 3-layer DLN for different initializations where it all \
        converges to the SVS set. […] Top: original identity initialization. Middle: orthogonal initialization. \
        Bottom: random initialization. [Axes: Error; (V2, U1), (V3, U2); Iteration (x20), 0–175.]
        """,
        uses: ["DLN-EOS.Eq12", "DLN-EOS.Eq8-11", "DLN-EOS.Prop1", "DLN-EOS.Fig16"],
        parameters: fig17Parameters,
        method: """
        "The same setup as in the balancing case" is read as Fig. 16's (l.1073–1077): d = 10, M⋆ of rank 3 with σ⋆ = \
        10, 8, 6 (random U⋆ ≠ V⋆), L = 3, η = 0.0166, with the figures' loss without ½ (l.883; with the ½ nothing \
        oscillates at this η and these would not be "EOS dynamics"); α = 0.01 and 3500 steps (the axis "Iteration \
        (x20)" runs to 175), distance sampled every 20 steps. Full-matrix GD; (12) with top-3 singular vectors, \
        sign-fixed (DLN-EOS.Eq12). As printed, per init: the largest distance over (V2, U1), (V3, U2) is ≤ 1e-8 at the \
        end and over the second half (zero up to rounding, ~1e-14). Measured: Original and Orthogonal reach ~1e-14 \
        (both stay in the SVS set exactly, Eq8-11); Random does not go to zero: the distance falls from O(1) to a \
        plateau of 2.2e-3 (seed 1; 0.4e-3–3.9e-3 over 8 seeds) that is constant over the second half (relative \
        change ~1e-11) — GD fits M⋆ but leaves the α-size \
        random parts of W_1, W_2 that are not aligned in place (H_ℓ has standard normal entries; the text \
        gives no variance — another variance rescales the plateau, it does not remove it). On a linear axis from ~1.5 this plateau looks like 0. \
        Corrected variant ("plateau" mode): from the Random init the distance settles (change < 1% over the second \
        half) at a nonzero plateau (> 1e-8) whose median over seeds scales like α (least-squares slope of log median \
        vs log α within 1 ± 0.5) — it converges to within O(α) of the SVS set, into it only as α → 0. Measured over \
        8 seeds: medians 4.3e-3, 1.8e-3, 1.1e-3, 5.3e-4 for α = 0.02, 0.01, 0.005, 0.0025 (0.18–0.22 α; fitted slope \
        0.98); an independent numpy run (other random draws) gave medians 0.08–0.13 α for α ≤ 0.01. Negative control: the plateau check on the Orthogonal init, which has \
        no such plateau (its distance is at rounding). An independent numpy review confirmed the plateau (8 own seeds: \
        medians 0.32, 0.20, 0.21, 0.20 α; unchanged to 4 digits from 3500 to 20000 steps; a rotation of order α between \
        two of the top-3 singular vectors, gaps ≥ 0.18, so not a near-degeneracy artefact; top-3 subspaces agree to \
        O(α²)). The discrepancy is with the sentence "the subspace distance for all cases go to zero", not with the \
        plot, on which the plateau is invisible.
        """,
        expected: .discrepancy,
        correctedVariant: "Random init: the subspace distance decays from O(1) to a nonzero plateau proportional to α (median ≈ 0.2 α over seeds), i.e. GD converges to within O(α) of the SVS set, not into it"
    ) { c in
        let σ = try c.vector("sigma"), d = try c.integer("d"), L = try c.integer("depth")
        let alpha = try c.number("alpha"), eta = try c.number("eta"), scale = try c.number("scale", default: 0.5)
        let steps = try c.integer("steps"), kind = try c.text("init"), every = try c.integer("every", default: 20)
        let seed = UInt64(try c.integer("seed", default: 1))
        let figure = "Fig. 17: init \(kind == "unbalanced" ? "Original (4)" : kind)"
        if try c.text("mode") == "printed" {
            let run = try alignmentRun(sigma: σ, d: d, depth: L, alpha: alpha, eta: eta, scale: scale, steps: steps,
                                       every: every, initialization: kind, seed: seed)
            let n = run.steps.count
            let final = run.worst(n - 1), secondHalf = run.worst(from: n / 2)
            let settled = abs(final - run.worst(n / 2)) / max(final, 1e-300)
            return CaseOutcome([
                .judge("max subspace distance over (V2, U1), (V3, U2) at t = T", final,
                       predicted: "≤ 1e-8 (goes to zero, up to rounding)", holds: final <= 1e-8),
                .judge("max subspace distance over the second half", secondHalf, predicted: "≤ 1e-8", holds: secondHalf <= 1e-8),
                .context("distances (V2, U1), (V3, U2) at t = T", run.distances.map { formatNumber($0.last!) }.joined(separator: ", ")),
                .context("final distance / α", final / alpha),
                .context("relative change of the distance over the second half", settled),
                .context("max distance at t = 0", run.worst(0)),
                .context("final loss f(Θ(T)) (c = \(formatNumber(scale)))", run.losses.last!),
            ], note: "init \(kind), α = \(formatNumber(alpha)), seed \(seed)",
            series: alignmentSeries(run, figure: figure + ", α = \(formatNumber(alpha))", xScale: 20, xLabel: "iteration (×20)"))
        }
        // Corrected variant: a settled, nonzero plateau whose median over seeds decreases with α.
        let alphas = try c.vector("alphas")
        let seeds = (try? c.vector("seeds")) ?? [Double(seed)]
        let jobs = alphas.flatMap { a in seeds.map { (a, UInt64($0)) } }
        let results = DLNFig.parallelMap(jobs.count) { j -> Result<AlignmentRun, Error> in
            Result { try alignmentRun(sigma: σ, d: d, depth: L, alpha: jobs[j].0, eta: eta, scale: scale, steps: steps,
                                      every: every, initialization: kind, seed: jobs[j].1) }
        }
        let runs = try results.map { try $0.get() }
        var q: [Quantity] = []
        var medians: [Double] = []
        var smallest = Double.infinity, worstChange = 0.0
        for (a, alphaA) in alphas.enumerated() {
            let mine = runs[(a * seeds.count)..<((a + 1) * seeds.count)]
            let plateaus = mine.map { $0.worst($0.steps.count - 1) }
            for r in mine {
                let n = r.steps.count, p = r.worst(n - 1)
                worstChange = max(worstChange, abs(p - r.worst(n / 2)) / max(p, 1e-300))
            }
            smallest = min(smallest, plateaus.min()!)
            let sorted = plateaus.sorted()
            let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2]
                : 0.5 * (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2])
            medians.append(median)
            q.append(.context("α = \(formatNumber(alphaA)): plateau per seed", plateaus.map { formatNumber($0) }.joined(separator: ", ")))
            q.append(.context("α = \(formatNumber(alphaA)): median plateau / α", median / alphaA))
        }
        // Least-squares slope of log(median plateau) against log α: 1 for a plateau ∝ α.
        let lx = alphas.map { log($0) }, ly = medians.map { log(max($0, 1e-300)) }
        let mx = lx.reduce(0, +) / Double(lx.count), my = ly.reduce(0, +) / Double(ly.count)
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(lx, ly) { sxy += (x - mx) * (y - my); sxx += (x - mx) * (x - mx) }
        let slope = sxy / sxx
        q.insert(contentsOf: [
            // Rounding of the SVD's vectors is ~1e-14 (Original/Orthogonal runs); 1e-8 is six orders above.
            .judge("smallest plateau over α and seeds", smallest, predicted: "> 1e-8 (nonzero: not in the SVS set)", holds: smallest > 1e-8),
            // Settled: the sampled phase of the period-2 orbit is fixed (every is even), so a plateau is constant.
            .judge("largest relative change of the distance over the second half", worstChange,
                   predicted: "< 1e-2 (a plateau, not a slow decay)", holds: worstChange < 1e-2),
            // A window of ±0.5 about 1 separates O(α) from O(α²) (slope 2) and from an α-independent floor (slope 0).
            .judge("slope of log(median plateau) vs log α", slope,
                   predicted: "1 ± 0.5 (plateau ∝ α: → the SVS set only as α → 0)", holds: abs(slope - 1) <= 0.5),
            .context("median plateau for α = \(alphas.map { formatNumber($0) }.joined(separator: ", "))",
                     medians.map { formatNumber($0) }.joined(separator: ", ")),
        ], at: 0)
        let first = runs[0]
        return CaseOutcome(q, note: "init \(kind), seeds \(seeds.map { formatNumber($0) }.joined(separator: ", "))",
                           series: alignmentSeries(first, figure: figure + ", α = \(formatNumber(alphas[0])), seed \(formatNumber(seeds[0]))",
                                                   xScale: 20, xLabel: "iteration (×20)"))
    }
}
