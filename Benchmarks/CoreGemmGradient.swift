import EOSCore
import EOSModels

/// A projection, not a second implementation to use: the gradient recursions of
/// `DeepMatrixFactorization` (P_ℓ = W_ℓ P_{ℓ−1}, R = P_L − M⋆, G_L = R, G_{ℓ−1} = W_ℓᵀ G_ℓ,
/// ∇_{W_ℓ} f = G_ℓ P_{ℓ−1}ᵀ; square chain, c = ½), product for product as that file does them
/// (P_0 = I included), but through `Matrix.gemm` instead of its private loops. It shows what the
/// GD step would cost if `DeepMatrixFactorization` called `Matrix.gemm`; its gradient is checked
/// against the real one before timing.
final class CoreGemmGradient {
    let d: Int, depth: Int
    let target: [Double]
    private var prefix: [Double], cotangents: [Double]

    init(width d: Int, depth: Int) {
        self.d = d; self.depth = depth
        target = Problems.target(d).storage
        prefix = [Double](repeating: 0, count: (depth + 1) * d * d)
        cotangents = [Double](repeating: 0, count: (depth + 1) * d * d)
        for i in 0..<d { prefix[i * d + i] = 1 }
    }

    /// f(θ), with ∇f(θ) written into `g`.
    func callAsFunction(_ θ: [Double], gradient g: inout [Double]) -> Double {
        let d = self.d, dd = d * d, depth = self.depth
        var f = 0.0
        θ.withUnsafeBufferPointer { t in
            g.withUnsafeMutableBufferPointer { gp in
                prefix.withUnsafeMutableBufferPointer { pp in
                    cotangents.withUnsafeMutableBufferPointer { cp in
                        target.withUnsafeBufferPointer { m in
                            let W = t.baseAddress!, P = pp.baseAddress!, G = cp.baseAddress!, out = gp.baseAddress!
                            (P + dd).update(from: W, count: dd)
                            if depth >= 2 {
                                for l in 2...depth {
                                    Matrix.gemm(d, d, d, W + (l - 1) * dd, transposeA: false,
                                                P + (l - 1) * dd, transposeB: false, P + l * dd)
                                }
                            }
                            let pL = P + depth * dd, gL = G + depth * dd
                            for i in 0..<dd { let r = pL[i] - m[i]; gL[i] = r; f += r * r }
                            f *= 0.5
                            for l in stride(from: depth, through: 1, by: -1) {
                                Matrix.gemm(d, d, d, G + l * dd, transposeA: false,
                                            P + (l - 1) * dd, transposeB: true, out + (l - 1) * dd)
                                if l > 1 {
                                    Matrix.gemm(d, d, d, W + (l - 1) * dd, transposeA: true,
                                                G + l * dd, transposeB: false, G + (l - 1) * dd)
                                }
                            }
                        }
                    }
                }
            }
        }
        return f
    }

    /// Seconds per GD step, after checking the gradient against `DeepMatrixFactorization`.
    static func stepTime(width d: Int, depth: Int) -> Double {
        let evaluate = CoreGemmGradient(width: d, depth: depth)
        var θ = Problems.initialParameters(width: d, depth: depth)
        var g = [Double](repeating: 0, count: θ.count)
        let f = evaluate(θ, gradient: &g)
        let reference = Problems.loss(width: d, depth: depth).valueAndGradient(θ)
        var err = 0.0, scale = 0.0
        for i in 0..<g.count { err = max(err, abs(g[i] - reference.gradient[i])); scale = max(scale, abs(reference.gradient[i])) }
        // Same recursions, different summation rounding: a few hundred ulps of the largest entry.
        precondition(err <= 1e-12 * max(scale, 1) && abs(f - reference.value) <= 1e-12 * max(reference.value, 1),
                     "projection disagrees with DeepMatrixFactorization: \(err)")
        let eta = Problems.stableLearningRate, n = θ.count
        return Harness.bestTime(repeats: 5, minimumBatch: 0.05) {
            _ = evaluate(θ, gradient: &g)
            θ.withUnsafeMutableBufferPointer { x in
                g.withUnsafeBufferPointer { gp in for i in 0..<n { x[i] -= eta * gp[i] } }
            }
        }
    }
}
