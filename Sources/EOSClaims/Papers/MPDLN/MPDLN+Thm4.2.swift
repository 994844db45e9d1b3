import Foundation
import EOSCore

extension MPDLNClaims {
    static let sharpnessReductionParameters: [ParameterSpec] = [
        ParameterSpec("K", .integer, .closed(2, 16), meaning: "number of pathways"),
        ParameterSpec("L", .integer, .closed(2, 12), meaning: "homogeneous depth"),
        ParameterSpec("s", .real, .positive, meaning: "target singular value of the mode"),
        ParameterSpec("starts", .integer, .closed(1, 100), required: false,
                      meaning: "random starts of the pairwise-exchange descent (default 6)"),
        ParameterSpec("samples", .integer, .closed(1, 100_000), required: false,
                      meaning: "random allocations compared with the equal split (default 2000)"),
        ParameterSpec("seed", .integer, .closed(0, 1_000_000), required: false, meaning: "seed (default 1)"),
    ]

    /// The shared check of Theorem 4.2 and its restatements (Theorems C.2 and D.2).
    ///
    /// 1. Minimiser by an independent route: pairwise-exchange descent (1-D global searches,
    ///    no convexity, no Lagrange conditions) from random points of the simplex must end at
    ///    σ_k = s/K from every start (uniqueness), within 1e-6·s.
    /// 2. No random allocation has a smaller λ than the equal split.
    /// 3. The dense Hessian of the FULL loss (d = 2, Y = U diag(s, s/4) Vᵀ, the mode-2 curvature
    ///    is then smaller so the top eigenvalue is mode 1's) at the equal split and at the
    ///    single-path allocation: top eigenvalues vs Eq. (15) and L s^{2−2/L}, and their ratio vs
    ///    Eq. (16) K^{2/L−1}, which must be < 1 (strict reduction).
    static func sharpnessReductionCheck(_ c: ClaimCase) throws -> CaseOutcome {
        let kCount = try c.integer("K"), depth = try c.integer("L"), s = try c.number("s")
        let starts = try c.integer("starts", default: 6), samples = try c.integer("samples", default: 2000)
        let seed = UInt64(try c.integer("seed", default: 1))
        guard 4 * kCount * depth <= 300 else {
            throw ClaimError.computation("dense Hessian with n = 4KL = \(4 * kCount * depth) > 300; use smaller K·L")
        }
        let depths = [Int](repeating: depth, count: kCount)
        let p = 2 - 2 / Double(depth)
        var g = SeededGenerator(seed: seed)

        var worstDeviation = 0.0
        for _ in 0..<starts {
            let start = MPDLNSharpnessAllocation.randomAllocation(kCount, total: s, using: &g)
            let end = try MPDLNSharpnessAllocation.pairwiseDescent(from: start, depths: depths)
            worstDeviation = max(worstDeviation, end.map { abs($0 - s / Double(kCount)) / s }.max()!)
        }
        let equal = [Double](repeating: s / Double(kCount), count: kCount)
        let lambdaEqual = MPDLNSharpnessAllocation.sharpness(equal, depths: depths)
        var lowestRandom = Double.infinity
        for _ in 0..<samples {
            let x = MPDLNSharpnessAllocation.randomAllocation(kCount, total: s, using: &g)
            lowestRandom = min(lowestRandom, MPDLNSharpnessAllocation.sharpness(x, depths: depths))
        }

        let targets = [s, s / 4]
        let depthVector = depths.map(Double.init)
        func denseTop(_ weights: [Double]) throws -> Double {
            let m = try globalMinimumSpectrum(ClaimCase(label: "dense", parameters: [
                "s": .vector(targets), "depths": .vector(depthVector), "weights": .vector(weights),
                "seed": .number(Double(seed))]))
            return m.eigenvalues.last!
        }
        let topEqual = try denseTop([Double](repeating: 1, count: kCount))
        var single = [Double](repeating: 0, count: kCount); single[0] = 1
        let topSingle = try denseTop(single)
        let predictedMin = Double(depth * kCount) * pow(s / Double(kCount), p)
        let predictedSingle = Double(depth) * pow(s, p)
        let predictedRatio = pow(Double(kCount), 2 / Double(depth) - 1)
        let rounding = Tolerance.relative(1e-9, "Jacobi eigenvalues of the dense Hessian, backward error ≈ 1e-13 relative")
        return CaseOutcome([
            .judge("pairwise-exchange descent from \(starts) random starts: max |σ_k − s/K|/s at the end", worstDeviation,
                   predicted: "≤ 1e-6 (unique minimiser at the equal split; 1-D searches locate a smooth minimum to ≈ √ε relative)",
                   holds: worstDeviation <= 1e-6),
            .judge("min over \(samples) random allocations of (λ(σ) − λ(equal))/λ(equal)", (lowestRandom - lambdaEqual) / lambdaEqual,
                   predicted: "≥ 0 (equal split minimises; −1e-12 allows rounding of the sums)",
                   holds: lowestRandom >= lambdaEqual * (1 - 1e-12)),
            .compare("dense Hessian top eigenvalue at the equal split vs λ_min = LK(s/K)^{2−2/L} (Eq. 15)",
                     measured: topEqual, predicted: predictedMin, rounding),
            .compare("dense Hessian top eigenvalue at the single-path minimum vs λ_single = L s^{2−2/L}",
                     measured: topSingle, predicted: predictedSingle, rounding),
            .compare("measured ratio λ_min/λ_single vs K^{2/L−1} (Eq. 16)", measured: topEqual / topSingle,
                     predicted: predictedRatio, .relative(2e-9, "ratio of two eigenvalues, each within 1e-9")),
            .judge("reduction is strict: λ_min/λ_single", topEqual / topSingle, predicted: "< 1 (1 − 1e-9 allows rounding)",
                   holds: topEqual / topSingle < 1 - 1e-9),
        ])
    }

    /// Theorem 4.2 (Sharpness Reduction via Parallelism), l.73–80, Eqs. (14)–(16).
    static let theorem4_2 = Claim(
        id: "MPDLN.Thm4.2",
        title: "equal split σ_{k,i} = s_i/K minimises the mode sharpness; λ_min = LK(s/K)^{2−2/L}; ratio K^{2/L−1} [R]",
        source: ClaimSource(seed: Seed.mpdln, statement: "Theorem 4.2 (restated as Theorem C.2 and Theorem D.2)", lines: 73...80),
        statement: """
        Assume L > 2. Among all global minima satisfying the constraint Σ_k σ_{k,i} = s_i, the mode-wise sharpness is \
        minimized when the target singular value is distributed equally across all pathways: σ_{k,i} = s_i/K (14). \
        The minimal eigenvalue on the depth-balanced manifold is given by: λ_min,i = LK(s_i/K)^{2−2/L} (15). Comparing \
        the balanced multi-pathway sharpness to that of a single pathway (λ_single,i = L s_i^{2−2/L}), we obtain the \
        reduction factor: λ_min,i/λ_single,i = K^{2/L−1} (16). [Every formula here — the assumption "L > 2", (14), (15), \
        (16) and λ_single — is lost in the extraction and RECONSTRUCTED (INDEX [R]) from the proofs: convexity of \
        x^{2−2/L} (l.303–304, l.360) and Eq. (13).]
        """,
        uses: ["MPDLN.Prop4.1"],
        parameters: sharpnessReductionParameters,
        method: """
        (1) The minimiser is found without the paper's argument: pairwise-exchange descent on the simplex (each step a \
        global 1-D search over how to split σ_j + σ_k) from several random starts must end at s/K from every start \
        (within 1e-6·s), and 2000 random allocations must never beat the equal split. (2) The dense Hessian of the full \
        multi-pathway loss (d = 2, Y = U diag(s, s/4) Vᵀ) at the equal-split and at the single-path global minima gives \
        the measured λ_min and λ_single; they are compared with the reconstructed (15) and L s^{2−2/L}, their ratio with \
        (16), and the ratio must be < 1. Negative control: L = 2, outside the assumption: λ is then Σ 2σ_k = 2s for every \
        split, so the minimiser is not unique and the reduction is not strict.
        """,
        expected: .confirmed
    ) { c in try sharpnessReductionCheck(c) }
}
