import Foundation
import EOSCore
import EOSModels

extension DLNEOSClaims {
    /// Section 3.2 (l.615–631): oscillations in the top subspaces.
    static let sec32Claim2 = Claim(
        id: "DLN-EOS.Sec3.2-claim2",
        title: "oscillations stay in the top subspaces and are larger for stronger features; the other Hessian eigenvectors are orthogonal to the weights",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Sec. 3.2, after Theorem 1", lines: 615...631),
        statement: """
        Overall, this aims to theoretically explain why (i) oscillations occur primarily within the top subspaces of the \
        network, as observed by Zhu et al. (2023a), and (ii) oscillations are more pronounced in the directions of \
        stronger features, as measured by the magnitudes of their singular values. […] This is because the eigenvectors \
        associated with the other eigenvalues are orthogonal to the weights of the DLN at the balanced minimum, so \
        oscillations will never occur in those particular eigendirections. They are only non-orthogonal in the directions \
        of the eigenvalues of S_p and, hence, oscillations occur only in those specific directions.
        """,
        uses: ["DLN-EOS.Thm1", "DLN-EOS.Lem1"],
        parameters: [
            ParameterSpec("sigmas", .vector(minCount: 2, distinct: true, descending: true), .positive, meaning: "target singular values"),
            ParameterSpec("L", .integer, .closed(2, 5), meaning: "depth"),
            ParameterSpec("alpha", .real, .open(0, 1), meaning: "initialization scale / residual block of the balanced minimum"),
            ParameterSpec("K", .real, .positive, required: false, meaning: "η = 2/K for the amplitude part"),
            ParameterSpec("steps", .integer, .closed(600, 1_000_000), required: false, meaning: "GD steps (amplitude part)"),
            ParameterSpec("panel", .choice(["amplitude", "eigenvectors"]), meaning: "which sentence the case checks"),
            ParameterSpec("point", .choice(["balanced", "random"]), required: false,
                          meaning: "eigenvectors: the balanced minimum, or a seeded random point (control)"),
        ],
        method: """
        Amplitude: reduced GD (c = ½, unbalanced init) at η = 2/K inside the rank-r region; the oscillation ranges must \
        be positive and strictly decreasing in i (σ⋆,1 > σ⋆,2 > …) and the zero-target indices stay exactly 0 (π = 0). \
        Eigenvectors: the dense Hessian of the full (r + 1) × (r + 1) model at DLN.balancedMinimum; for every eigenpair \
        with λ ≠ 0 (above 1e-9 λ_max) and λ ≠ S_i (1e-9 relative) the overlap |⟨v, Θ⟩|/‖Θ‖ must be ≤ 1e-8 (rounding of \
        Jacobi eigenvectors, gaps ≥ 1e-2 λ_max), and each S_i eigenvector must overlap Θ by > 1e-2. Negative control: \
        the same test at a seeded random point, where the eigenvectors are not orthogonal to Θ.
        """,
        expected: .confirmed
    ) { c in
        let sigmas = try c.vector("sigmas"), L = try c.integer("L"), alpha = try c.number("alpha")
        if try c.text("panel") == "amplitude" {
            let K = try c.number("K"), steps = try c.integer("steps", default: 12000)
            let runs = DLNFig.indexRuns(targets: sigmas, depth: L, eta: 2 / K, alpha: alpha, steps: steps)
            let amps = runs.map(\.amplitude)
            let decreasing = zip(amps, amps.dropFirst()).allSatisfy { $0.0 > $0.1 } && (amps.last ?? 0) > 0
            return CaseOutcome([
                .judge("oscillation ranges σ_1, σ_2, …", measured: amps.map { formatNumber($0) }.joined(separator: ", "),
                       predicted: "positive and decreasing with σ⋆,i (stronger features oscillate more)", holds: decreasing),
                .context("indices with σ⋆ = 0", "π = 0 exactly (W_L's entry starts at 0, gradient 0)"),
            ])
        }
        let d = sigmas.count + 1
        let target = DLN.target(d: d, singularValues: sigmas, seed: nil)
        let loss = DeepMatrixFactorization(target: target.matrix, depth: L)
        var θ = DLN.balancedMinimum(loss, target, alpha: alpha)
        if try c.text("point", default: "balanced") == "random" {
            var g = SeededGenerator(seed: 31)
            θ = g.gaussianVector(θ.count)
        }
        let eig = MPDLNLinearAlgebra.symmetricEigen(DenseHessian(of: loss, at: θ).matrix)
        let lmax = eig.values.map { abs($0) }.max()!
        let S = sigmas.map { DLN.stabilityLimit($0, depth: L) }
        let norm = θ.euclideanNorm
        var worstOther = 0.0, weakestTop = Double.infinity
        for (λ, v) in zip(eig.values, eig.vectors) where abs(λ) > 1e-9 * lmax {
            let overlap = abs(zip(v, θ).reduce(0) { $0 + $1.0 * $1.1 }) / norm
            if S.contains(where: { abs(λ - $0) <= 1e-9 * $0 }) { weakestTop = min(weakestTop, overlap) }
            else { worstOther = max(worstOther, overlap) }
        }
        return CaseOutcome([
            .judge("largest overlap of a non-S_i eigenvector with Θ", worstOther,
                   predicted: "≤ 1e-8 (orthogonal to the weights)", holds: worstOther <= 1e-8),
            .judge("smallest overlap of an S_i eigenvector with Θ", weakestTop.isFinite ? weakestTop : 0,
                   predicted: "> 1e-2 (non-orthogonal)", holds: weakestTop.isFinite && weakestTop > 1e-2),
        ])
    }

    /// Section 3.2 (l.637–643): the period-doubling route in DLNs.
    static let sec32Claim3 = Claim(
        id: "DLN-EOS.Sec3.2-claim3",
        title: "beyond EOS the DLN's oscillations go through 2, 4, 8 periods to chaos and then diverge",
        source: ClaimSource(seed: Seed.dlnEOS, statement: "Sec. 3.2, last paragraph", lines: 637...643),
        statement: """
        They demonstrated that there exists a range in which the loss oscillates around the local minima with a certain \
        periodicity. These oscillations gradually progress into higher periodic orbits (e.g., 2, 4, 8 periods), \
        transition into chaotic behavior, and ultimately result in divergence. In our work, we prove that this \
        oscillatory behavior beyond the stability threshold also occurs in DLNs.
        """,
        uses: ["DLN-EOS.Thm1", "DLN-EOS.Lem11"],
        parameters: sweepParameters,
        method: """
        The bifurcation check of Fig. 1 with the loss of Eq. (1) (c = ½): period 1 below 2/S_1, then the first period-2, \
        4, 8, aperiodic and diverging η in increasing order. Between chaos and divergence the iterates can also fall onto \
        the saddle at the origin (π → 0) for some η; this is reported in the series, not judged. Negative control: a \
        grid below 2/S_1.
        """,
        expected: .confirmed
    ) { c in try bifurcationCheck(c, figure: "Sec. 3.2: bifurcation of σ_i(W_{L:1}), loss with ½") }
}
