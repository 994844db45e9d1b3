import Foundation
import EOSCore

/// The mode sharpness as a function of how a target singular value s is split across
/// pathways, λ(σ) = Σ_k L_k σ_k^{2−2/L_k} on {σ ≥ 0, Σσ_k = s} (MPDLN Eq. 13/17 [R], checked
/// against the dense Hessian of the full loss by MPDLN.Prop4.1 / LemC.1 / Prop5.1), and a
/// minimiser that does not use convexity or the Lagrange conditions.
enum MPDLNSharpnessAllocation {
    /// λ(σ) = Σ_k L_k σ_k^{2−2/L_k}.
    static func sharpness(_ sigma: [Double], depths: [Int]) -> Double {
        MPDLNGlobalMinimumSpectrum.predictedModeEigenvalue(sigma, depths: depths)
    }

    /// Pairwise-exchange descent on the simplex {σ ≥ 0, Σσ = s}: sweep over all pairs (j, k)
    /// and move mass between them to the best split of σ_j + σ_k, found by a global 1-D search
    /// (`Maximization.maximize` of −λ, grid + Brent refinement). Every step keeps the point on
    /// the simplex and never increases λ. It uses neither convexity nor the Lagrange conditions,
    /// so it is an independent route to the minimiser (for separable objectives a point that no
    /// pairwise exchange improves is a KKT point; the random starts probe uniqueness).
    ///
    /// - Complexity: sweeps · K(K−1)/2 · (grid + ~40) evaluations of λ.
    static func pairwiseDescent(from start: [Double], depths: [Int], sweeps: Int = 30) throws -> [Double] {
        var sigma = start
        let kCount = sigma.count
        guard kCount >= 2 else { return sigma }
        for _ in 0..<sweeps {
            for j in 0..<(kCount - 1) {
                for k in (j + 1)..<kCount {
                    let total = sigma[j] + sigma[k]
                    if total <= 0 { continue }
                    let lj = Double(depths[j]), lk = Double(depths[k])
                    let best = try Maximization.maximize(in: 0, total, gridPoints: 201) { t in
                        -(lj * pow(t, 2 - 2 / lj) + lk * pow(max(total - t, 0), 2 - 2 / lk))
                    }
                    sigma[j] = best.argmax
                    sigma[k] = total - best.argmax
                }
            }
        }
        return sigma
    }

    /// A uniformly random point of the simplex {σ ≥ 0, Σσ = s} (normalised exponentials).
    static func randomAllocation(_ kCount: Int, total s: Double, using g: inout SeededGenerator) -> [Double] {
        let e = (0..<kCount).map { _ in -log(1 - g.nextUniform()) }
        let sum = e.reduce(0, +)
        return e.map { s * $0 / sum }
    }
}
