import Foundation
import EOSCore

/// Linear stability of GD at a global minimum of the full multi-pathway loss, measured two ways:
/// the spectral radius of the linearised map I − ηH (dense Hessian, Jacobi), and a nonlinear GD
/// run started from the minimum plus a small seeded random perturbation δ.
struct MPDLNLinearStability {
    /// max_j |1 − η μ_j| over the dense Hessian eigenvalues μ_j.
    let spectralRadius: Double
    /// ‖θ_N − θ⋆‖ / δ after N steps (≈ 1 for stable minima, since flat directions neither grow nor
    /// decay; ≫ 1 when an unstable direction grows).
    let growth: Double
    let topEigenvalue: Double

    init(_ m: MPDLNGlobalMinimumSpectrum, eta: Double, steps: Int, seed: UInt64) throws {
        spectralRadius = m.eigenvalues.map { abs(1 - eta * $0) }.max()!
        topEigenvalue = m.eigenvalues.last!
        var g = SeededGenerator(seed: seed)
        let v = g.gaussianVector(m.θ.count)
        let delta = 1e-6 * max(1, m.θ.reduce(0) { max($0, abs($1)) })
        let norm = v.euclideanNorm
        var θ = zip(m.θ, v).map { $0 + delta * $1 / norm }
        for _ in 0..<steps {
            let grad = m.network.gradient(θ)
            for j in θ.indices { θ[j] -= eta * grad[j] }
            let dist = zip(θ, m.θ).map { $0 - $1 }.euclideanNorm
            if !dist.isFinite || dist > 1e3 * delta { break }
        }
        let dist = zip(θ, m.θ).map { $0 - $1 }.euclideanNorm
        growth = dist.isFinite ? dist / delta : .infinity
    }
}
