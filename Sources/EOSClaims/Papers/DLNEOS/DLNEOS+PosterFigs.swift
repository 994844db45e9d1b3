import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    static let posterFigsParameters: [ParameterSpec] = [
        ParameterSpec("panel", .choice(["sharpening", "periodDoubling", "hessian"]), meaning:
                      "which lost figure's mechanism: progressive sharpening/EoS, period doubling of σ_1, Hessian eigenvalues at the minimum"),
        ParameterSpec("sigmas", .vector(minCount: 1, distinct: true, descending: true), .positive,
                      meaning: "σ⋆ of the rank-3 target (not printed on the poster; 10, 8, 6 = the paper's 10×10 rank-3 target, 000 l.1074–1075)"),
        ParameterSpec("d", .integer, .closed(1, 12), meaning: "width (10 on the poster)"),
        ParameterSpec("L", .integer, .closed(2, 6), meaning: "depth (not printed on the poster; 3)"),
        ParameterSpec("alpha", .real, .open(0, 1), meaning: "α of the unbalanced init (4) / of the balanced minimum's zero block"),
        // sharpening
        ParameterSpec("factor", .real, .open(0, 3), required: false, meaning: "sharpening: η as a multiple of 2/S_1 (loss with ½)"),
        ParameterSpec("samples", .integer, .closed(8, 400), required: false, meaning: "sharpening: steps with a Hessian eigenvalue"),
        ParameterSpec("steps", .integer, .closed(600, 1_000_000), required: false, meaning: "sharpening / period doubling: GD steps"),
        // period doubling
        ParameterSpec("scale", .real, .closed(0.5, 1), required: false, meaning: "period doubling: c of the loss (½ as in the poster's Eq. 1)"),
        ParameterSpec("etas", .vector(minCount: 1, distinct: true, descending: false), .positive, required: false,
                      meaning: "period doubling: increasing η grid"),
        // Hessian
        ParameterSpec("point", .choice(["balancedMinimum", "unbalancedMinimum"]), required: false, meaning:
                      "hessian: the balanced minimum of Lemma 1 or a global minimum with layer factors 1.6, 1/1.6, 1"),
        DLNSimulation.seedSpec,
    ]

    /// The poster's lost figures (004 l.60, l.75–79, l.88–96, l.107–109).
    static let posterFigs = Claim(
        id: "DLN-EOS.PosterFigs",
        title: "poster figures (lost in extraction): progressive sharpening/EoS, period doubling and Hessian eigenvalues of a DLN fitting rank(M⋆ ∈ ℝ^{10×10}) = 3",
        source: ClaimSource(seed: Seed.poster, statement: "Poster figures (headings only)", lines: 60...109),
        statement: """
        [Figures lost in extraction; only the headings survive.] Progressive Sharpening and EoS in DLNs (l.60). \
        Example: f(σ1, σ2) = ½(σ2·σ1 − σ∗)² (l.75). Period Doubling Route to Chaos in DLNs (l.88). Eigenvalues of Hessian \
        (l.94). We focus on the period-2 case! Here β = Lσ∗^{2−2/L} (i.e., the stability limit) (l.96). Example: \
        rank(M∗ ∈ ℝ^{10×10}) = 3 (l.107).
        """,
        uses: ["DLN-EOS.Phen1", "DLN-EOS.Fig1", "DLN-EOS.Lem1", "DLN-EOS.Poster-claim2"],
        parameters: posterFigsParameters,
        method: """
        The poster's figures are lost: no curve, axis or number of them survives, so they cannot be compared. What is \
        reproduced instead is each heading's mechanism, with the paper's (000) checks, at the one setting the poster \
        prints: a DLN fitting M⋆ ∈ ℝ^{10×10} of rank 3. Not printed: L, α, η, σ⋆ — chosen L = 3, α = 0.01, σ⋆ = 10, 8, 6 \
        (the paper's own 10 × 10 rank-3 target, 000 l.1074–1075), loss with ½ (the poster's Eq. 1), random U⋆ ≠ V⋆ \
        where frames matter. (The toy heading is checked by DLN-EOS.Poster-claim1.) Panels: "sharpening" — the \
        Phenomenon 1 check (Phen1) on the full d × d model at η = factor × 2/S_1 (1.02 in the cases): the top Hessian eigenvalue (Lanczos on \
        exact HVPs, n = L·d² = 300) rises to ≥ 0.95 × 2/η and hovers about 2/η, the loss is non-monotone but decreases; \
        "periodDoubling" — the Fig. 1 check on σ_1(W_{L:1}) (reduced GD, exact on the SVS set): converged below \
        η⋆ = 2/β = 0.0309, period 2 from η⋆, then period 4, 8, aperiodic, divergence in that order; "hessian" — the \
        dense Hessian (300 × 300) at the balanced minimum of Lemma 1: λ_max = β = Lσ⋆,1^{2−2/L} (the poster's \
        "stability limit"; 1e-9 relative, Jacobi accuracy) and each S_i = Lσ⋆,i^{2−2/L}, i ≤ 3, is an eigenvalue \
        (1e-9·λ_max); the count of non-zero eigenvalues is reported against Lemma 1 as printed and as corrected \
        (DLN-EOS.Lem1). Negative controls: η = 0.8 × 2/S_1 (no EoS), an η grid below η⋆ (no cascade), and an unbalanced \
        global minimum (factors 1.6, 1/1.6), where λ_max ≠ β. CI cases use d = 5 for the Hessian panels (n = 75); \
        d = 10 is in the full tier (the GD runs are per index and do not depend on d). Measured: period doubling and \
        the Hessian panel hold, and so does the sharpening panel at η = 1.02 × 2/S_1 (orbit-mean sharpness \
        1.039 × 2/η). The poster prints no η; Phen1's own factor 1.05 was tried first and there one of Phen1's five \
        criteria (this project's ±10% window on the orbit mean) fails: the sharpness rises to the orbit and alternates \
        between 52.4 and 84.6, straddling 2/η = 61.6, with mean 1.113 × 2/η, because at the orbit's low point \
        Lemma 1's (1, 2) cross eigenvalue, not the σ_1 direction (43.9), is on top (confirmed by an independent numpy \
        finite-difference Hessian). Since the poster states nothing quantitative to compare with, that is recorded \
        here as a limit of the ±10% criterion for close σ⋆,1, σ⋆,2, not as a discrepancy (two independent reviews); \
        see docs/Status.md. Run `eos-verify check DLN-EOS.PosterFigs --set factor=1.05` to see it.
        """,
        expected: .confirmed
    ) { c in
        switch try c.text("panel") {
        case "sharpening":
            let r = try sharpnessRun(c)
            return CaseOutcome(eosQuantities(r), note: "d = \(try c.integer("d")), η = \(formatNumber(r.eta))",
                               series: sharpnessSeries(r, figure: "Poster (lost figure): progressive sharpening, rank-3 M⋆ ∈ ℝ^{\(try c.integer("d"))×\(try c.integer("d"))}"))
        case "periodDoubling":
            return try bifurcationCheck(c, figure: "Poster (lost figure): period doubling of the singular values, σ⋆ = \(try c.vector("sigmas").map { formatNumber($0) }.joined(separator: ", "))")
        default:
            return try posterHessianPanel(c)
        }
    }

    /// The Hessian panel: the spectrum at the balanced minimum (or an unbalanced global minimum) against
    /// β = Lσ⋆,1^{2−2/L} and the per-index limits S_i.
    static func posterHessianPanel(_ c: ClaimCase) throws -> CaseOutcome {
        let σ = try c.vector("sigmas"), d = try c.integer("d"), L = try c.integer("L")
        let alpha = try c.number("alpha"), seed = UInt64(try c.integer("seed", default: 1))
        let point = try c.text("point", default: "balancedMinimum")
        guard σ.count <= d else { throw ClaimError.computation("rank \(σ.count) exceeds d = \(d)") }
        let t = DLN.target(d: d, singularValues: σ, seed: seed)
        let loss = DeepMatrixFactorization(target: t.matrix, depth: L)
        let θ = point == "unbalancedMinimum"
            ? DLN.unbalancedMinimum(loss, t, alpha: alpha)      // κ = 1.6, 1/1.6 (DLNSpectrumChecks' construction)
            : DLN.balancedMinimum(loss, t, alpha: alpha)
        let spectrum = DLN.hessianSpectrum(loss, at: θ)
        let top = spectrum.first ?? .nan
        let l = Double(L)
        let limits = σ.map { l * pow($0, 2 - 2 / l) }
        // Jacobi on a Hessian from exact HVPs: eigenvalues to ~n·ε·‖H‖; 1e-9·λ_max is far above that.
        let tol = 1e-9 * top
        let distances = limits.map { s in spectrum.map { abs($0 - s) }.min() ?? .infinity }
        let zeroTol = 1e-10 * top
        let nonzero = spectrum.filter { abs($0) > zeroTol }.count
        let printedCount = DLNSpectrumChecks.predicted("printed", sigma: σ, d: d, depth: L, alpha: alpha).count
        let correctedCount = DLNSpectrumChecks.predicted("corrected", sigma: σ, d: d, depth: L, alpha: alpha).count
        return CaseOutcome([
            .compare("λ_max(∇²f) vs β = Lσ⋆,1^{2−2/L} (the stability limit, 004 l.96)", measured: top, predicted: limits[0],
                     .relative(1e-9, "Jacobi accuracy on a Hessian from exact HVPs (~n·ε relative)")),
            .judge("max_i distance of S_i = Lσ⋆,i^{2−2/L} to the nearest eigenvalue", distances.max() ?? .nan,
                   predicted: "≤ 1e-9·λ_max (every S_i is an eigenvalue)", holds: (distances.max() ?? .infinity) <= tol),
            .context("S_i, i = 1…r", limits.map { formatNumber($0) }.joined(separator: ", ")),
            .context("2/β (EoS threshold, loss with ½)", 2 / limits[0]),
            .context("non-zero eigenvalues (above 1e-10·λ_max) / Lemma 1 as printed / corrected",
                     "\(nonzero) / \(printedCount) / \(correctedCount)"),
            .context("top 6 eigenvalues", spectrum.prefix(6).map { formatNumber($0) }.joined(separator: ", ")),
        ], note: "point \(point), d = \(d), n = \(loss.dimension)",
        series: [DataSeries(name: "eigenvalues of ∇²f (descending, non-zero)", x: (0..<nonzero).map(Double.init),
                            y: Array(spectrum.prefix(nonzero)), figure: "Poster (lost figure): Hessian eigenvalues at the \(point == "balancedMinimum" ? "balanced" : "unbalanced") minimum, d = \(d)",
                            xLabel: "index k", yLabel: "λ_k(∇²f)", yScale: .log, style: .points)])
    }
}
