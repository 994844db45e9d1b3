import Foundation
import EOSCore

extension MPDLNClaims {
    /// Proposition D.1 (GD stability sharpness constraint), l.350–353, Eq. (49).
    static let propositionD1 = Claim(
        id: "MPDLN.PropD.1",
        title: "at a global minimum the linearised GD map has eigenvalues 1 − ηλ_i (and 1 on flat directions); stable iff η max_i λ_i ≤ 2 [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Proposition D.1", lines: 350...353),
        statement: """
        Consider full-batch GD Θ_{t+1} = Θ_t − η∇𝓛(Θ_t). At a global minimum (SVS + depth-balance), the linearized GD map \
        has eigenvalues 1 − ηλ_i on each mode-i curvature direction and eigenvalue 1 on the flat directions. Hence the \
        minimum is (linearly) stable iff |1 − ηλ_i| ≤ 1 for all i (49), i.e., iff η max_i λ_i ≤ 2. [The eigenvalues, (49) \
        and the sharpness form are RECONSTRUCTED (INDEX [R]).]
        """,
        uses: ["MPDLN.EqD47-48"],
        parameters: globalMinimumParameters + [
            ParameterSpec("etaFactor", .real, .positive, meaning: "η in units of 2/max_i λ_i (Eq. 13)"),
            ParameterSpec("steps", .integer, .closed(1, 100_000), required: false, meaning: "GD steps of the perturbation run (default 400)"),
        ],
        method: """
        At a depth-balanced SVS global minimum of the FULL loss: (a) the mode directions J_i are eigenvectors of \
        I − ηH with eigenvalue 1 − ηλ_i (Rayleigh quotient of J_i, rel. 1e-9), and H has a null space (flat \
        directions, eigenvalue 1 of I − ηH); (b) the spectral radius of I − ηH is ≤ 1 exactly when η max_i λ_i ≤ 2; \
        (c) independently, nonlinear GD from the minimum plus a 1e-6 random perturbation stays within 10× the \
        perturbation for 400 steps. The cases at η ≤ 2/max λ_i predict stability; negative control: η = 1.05·2/max λ_i, \
        where the predicted stability must fail (spectral radius > 1 and the perturbation grows).
        """,
        expected: .confirmed
    ) { c in
        let m = try globalMinimumSpectrum(c)
        let s = try c.vector("s")
        let lambdas = s.indices.map { i in
            MPDLNGlobalMinimumSpectrum.predictedModeEigenvalue(m.allocation.map { $0[i] }, depths: m.network.depths)
        }
        let eta = try c.number("etaFactor") * 2 / lambdas.max()!
        let st = try MPDLNLinearStability(m, eta: eta, steps: try c.integer("steps", default: 400), seed: 11)
        var worst = 0.0
        for i in s.indices {
            let (_, rq) = m.eigenResidual(m.predictedJacobianDirection(mode: i))
            worst = max(worst, abs((1 - eta * rq) - (1 - eta * lambdas[i])) / max(1, abs(1 - eta * lambdas[i])))
        }
        let flat = m.eigenvalues.filter { abs($0) <= 1e-9 * m.eigenvalues.last! }.count
        return CaseOutcome([
            .judge("max over modes of |eigenvalue of I − ηH along J_i − (1 − ηλ_i)|", worst,
                   predicted: "≤ 1e-9 (Jacobi rounding)", holds: worst <= 1e-9),
            .judge("number of flat directions (Hessian eigenvalue 0, map eigenvalue 1)", Double(flat),
                   predicted: "> 0", holds: flat > 0),
            .judge("spectral radius of I − ηH", st.spectralRadius, predicted: "≤ 1 (stable; 1e-12 rounding)",
                   holds: st.spectralRadius <= 1 + 1e-12),
            .judge("GD from the minimum + 1e-6 perturbation: distance / perturbation after the run", st.growth,
                   predicted: "≤ 10 (stays: flat directions neither grow nor decay)", holds: st.growth <= 10),
            .context("η · max_i λ_i", eta * lambdas.max()!),
        ])
    }

    /// Eq. (51) and the consequence stated with it (l.361–364).
    static let equationD51 = Claim(
        id: "MPDLN.EqD51",
        title: "for 2/λ_single,i < η ≤ 2/λ_min,i the single-path minimum is GD-unstable and the equal split is stable [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Eq. (51) and consequence", lines: 361...364),
        statement: """
        Combine Proposition D.1 and Theorem D.2. If the stepsize satisfies 2/λ_single,i < η ≤ 2/λ_min,i (51), then any \
        sharp "winner-takes-all" minimum (single-path allocation) is unstable, while the equal-split minimum is stable. \
        Therefore … stability constraints alone rule out convergence to sparse allocations and select balanced \
        allocations as the only stable zero-loss solutions. [(51) is RECONSTRUCTED (INDEX [R]); its endpoint convention \
        is not recoverable.]
        """,
        uses: ["MPDLN.PropD.1", "MPDLN.ThmD.2"],
        parameters: [
            ParameterSpec("K", .integer, .closed(2, 8), meaning: "pathways"),
            ParameterSpec("L", .integer, .closed(3, 8), meaning: "depth"),
            ParameterSpec("s", .real, .positive, meaning: "target singular value of mode 1 (mode 2 is s/4)"),
            ParameterSpec("position", .real, .closed(-1, 1),
                          meaning: "η = 2/λ_single + position·(2/λ_min − 2/λ_single) (in (0, 1] inside the window)"),
        ],
        method: """
        Full loss, d = 2, Y = U diag(s, s/4) Vᵀ, at two global minima: every mode in pathway 1 (single path) and the \
        equal split. For η at the given position in the window (51): the single-path minimum must be unstable \
        (spectral radius of I − ηH > 1 and GD from a 1e-6 perturbation leaves: growth > 10³) and the equal split stable \
        (radius ≤ 1, perturbation stays within 10×). Negative control: position −0.5 (η below 2/λ_single), where the \
        single-path minimum is stable too.
        """,
        expected: .confirmed
    ) { c in
        let k = try c.integer("K"), l = try c.integer("L"), s = try c.number("s"), pos = try c.number("position")
        let lambdaSingle = Double(l) * pow(s, 2 - 2 / Double(l))
        let lambdaMin = Double(l * k) * pow(s / Double(k), 2 - 2 / Double(l))
        let eta = 2 / lambdaSingle + pos * (2 / lambdaMin - 2 / lambdaSingle)
        func point(_ w: [Double]) throws -> MPDLNGlobalMinimumSpectrum {
            try globalMinimumSpectrum(ClaimCase(label: "min", parameters: [
                "s": .vector([s, s / 4]), "depths": .vector([Double](repeating: Double(l), count: k)), "weights": .vector(w)]))
        }
        var single = [Double](repeating: 0, count: k); single[0] = 1
        let a = try MPDLNLinearStability(try point(single), eta: eta, steps: 2000, seed: 3)
        let b = try MPDLNLinearStability(try point([Double](repeating: 1, count: k)), eta: eta, steps: 400, seed: 4)
        return CaseOutcome([
            .judge("single path: spectral radius of I − ηH", a.spectralRadius, predicted: "> 1 (unstable)",
                   holds: a.spectralRadius > 1 + 1e-12),
            .judge("single path: perturbation growth under GD", a.growth, predicted: "> 1000 (leaves the minimum)",
                   holds: a.growth > 1000),
            .judge("equal split: spectral radius of I − ηH", b.spectralRadius, predicted: "≤ 1 (stable; 1e-12 rounding)",
                   holds: b.spectralRadius <= 1 + 1e-12),
            .judge("equal split: perturbation growth under GD", b.growth, predicted: "≤ 10 (stays)", holds: b.growth <= 10),
            .context("η", eta), .context("2/λ_single", 2 / lambdaSingle), .context("2/λ_min", 2 / lambdaMin),
        ])
    }
}
