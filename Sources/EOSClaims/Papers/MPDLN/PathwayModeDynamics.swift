import Foundation
import EOSCore

/// GD for one mode on the SVS depth-balanced manifold: the exact scalar recursion (MPDLN
/// Eqs. 53–54 [R], checked against GD on the full matrices by MPDLN.PropB.4)
///
///     r_t = Σ_k a_{k,t}^{L_k} − s,   a_{k,t+1} = a_{k,t} − η r_t a_{k,t}^{L_k−1},
///
/// with σ_k = a_k^{L_k} the pathway's end-to-end value, and the sharpness notions the paper uses:
/// the zero-loss mode sharpness λ(σ) = Σ_k L_k σ_k^{2−2/L_k} (Eq. 17) and the local sharpness,
/// the top eigenvalue of the Hessian of ½(Σ_k Π_l s_{k,l} − s)² in the layer coordinates at the
/// current (balanced) point: H = JJᵀ + r·B with J_{(k,l)} = a_k^{L_k−1} and B_{(k,l),(k,m)} =
/// a_k^{L_k−2} for l ≠ m (zero across pathways and on the diagonal).
struct PathwayModeRun {
    let depths: [Int]
    let s: Double
    let eta: Double
    /// r_t for t = 0…T−1.
    let residuals: [Double]
    /// σ_k at the recorded steps.
    let sigmas: [[Double]]
    /// Local sharpness at the recorded steps.
    let localSharpness: [Double]
    let recordedSteps: [Int]
    /// a_k at step T.
    let finalA: [Double]

    /// - Throws: `ClaimError.diverged` if an iterate leaves |a| < 1e6 or becomes non-finite.
    init(depths: [Int], s: Double, alphas: [Double], eta: Double, steps: Int, recordEvery: Int) throws {
        self.depths = depths
        self.s = s
        self.eta = eta
        var a = alphas
        var res: [Double] = []
        res.reserveCapacity(steps)
        var sig: [[Double]] = [], loc: [Double] = [], rec: [Int] = []
        let ls = depths.map(Double.init)
        for t in 0...steps {
            var total = 0.0
            for k in a.indices { total += pow(a[k], ls[k]) }
            let r = total - s
            if t % recordEvery == 0 || t == steps {
                rec.append(t)
                sig.append(a.indices.map { pow(a[$0], ls[$0]) })
                loc.append(Self.localSharpness(a: a, depths: depths, residual: r))
            }
            if t == steps { break }
            res.append(r)
            for k in a.indices { a[k] -= eta * r * pow(a[k], ls[k] - 1) }
            guard a.allSatisfy({ $0.isFinite && abs($0) < 1e6 }) else {
                throw ClaimError.diverged(step: t + 1, what: "per-layer scalars left |a| < 1e6")
            }
        }
        residuals = res
        sigmas = sig
        localSharpness = loc
        recordedSteps = rec
        finalA = a
    }

    /// σ_k at step T.
    var finalSigma: [Double] { sigmas.last! }
    /// λ(σ) at step T (Eq. 17).
    var finalSharpness: Double { MPDLNGlobalMinimumSpectrum.predictedModeEigenvalue(finalSigma, depths: depths) }
    /// σ_k / Σσ of pathway k at each recorded step.
    func share(_ k: Int) -> [Double] { sigmas.map { $0[k] / $0.reduce(0, +) } }

    /// The top eigenvalue of H = JJᵀ + r·B (see the type's documentation), by Jacobi.
    static func localSharpness(a: [Double], depths: [Int], residual r: Double) -> Double {
        let n = depths.reduce(0, +)
        var h = Matrix(rows: n, columns: n)
        var index: [(k: Int, l: Int)] = []
        for (k, depth) in depths.enumerated() { for l in 0..<depth { index.append((k, l)) } }
        let j = index.map { pow(a[$0.k], Double(depths[$0.k] - 1)) }
        for p in 0..<n {
            for q in 0..<n {
                var v = j[p] * j[q]
                if index[p].k == index[q].k && p != q { v += r * pow(a[index[p].k], Double(depths[index[p].k] - 2)) }
                h.storage[p * n + q] = v
            }
        }
        return MPDLNLinearAlgebra.symmetricEigen(h).values.last!
    }
}
